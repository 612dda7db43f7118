"""The grounding guard: a rewrite may not add a fact its own bullet does not state.

A number, employer, tool, framework or AI/automation term in the proposed text must appear in
the original bullet, or be named in one of the rewrite's ``needs_confirmation`` entries.
Anything else rejects the candidate; this is the last step before a rewrite is kept.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hitl_resume.coaching.segments import NUMBER_WORDS
from hitl_resume.language.inflect import variants
from hitl_resume.language.lexicon_loader import Lexicon
from hitl_resume.models import Resume

#: Generic automation words that no lexicon entry lists on its own (see lexicon/README.md).
AUTOMATION_WORDS = (
    "ai",
    "a.i.",
    "automated",
    "automation",
    "automatic",
    "automatically",
    "algorithm",
    "machine",
    "bot",
    "model",
    "system-generated",
    "software",
)
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Violation:
    """One ungrounded fact in a proposed text."""

    kind: str
    text: str


class _Vocabulary:
    """One compiled pattern per kind of fact, matched case-insensitively on word boundaries."""

    def __init__(self, phrases: dict[str, Iterable[str]]) -> None:
        self.patterns: dict[str, re.Pattern[str]] = {}
        for kind, items in phrases.items():
            forms = sorted({p.lower() for p in items if p.strip()}, key=len, reverse=True)
            if forms:
                body = "|".join(re.escape(f) for f in forms)
                self.patterns[kind] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[str, str]]:
        return [
            (kind, m.group(0))
            for kind, pattern in self.patterns.items()
            for m in pattern.finditer(text)
        ]


@functools.lru_cache(maxsize=8)
def _lexicon_vocabulary(lexicon: Lexicon) -> _Vocabulary:
    ai = [form for term in lexicon.ai_terms for p in term.phrases for form in variants(p, "noun")]
    frameworks = [p for t in lexicon.role_terms if t.kind == "framework" for p in t.phrases]
    frameworks += [p for k in lexicon.keywords if k.kind == "framework" for p in k.phrases]
    tools = [p for k in lexicon.keywords if k.kind == "tool" for p in k.phrases]
    employers = [p for t in lexicon.role_terms if t.kind == "employer" for p in t.phrases]
    return _Vocabulary(
        {
            "ai": [*ai, *AUTOMATION_WORDS],
            "framework": frameworks,
            "tool": tools,
            "employer": employers,
        }
    )


def resume_employers(resume: Resume) -> tuple[str, ...]:
    """Names of the resume's employers and schools (any may tempt a template)."""
    names = [e.organization for e in resume.experience if e.organization]
    names += [e.institution for e in resume.education if e.institution]
    if resume.contact.name:
        names.append(resume.contact.name)
    return tuple(dict.fromkeys(n.strip() for n in names if len(n.strip()) > 2))


class GroundingGuard:
    """Check proposed texts against their bullet; build once per resume."""

    def __init__(self, lexicon: Lexicon, employers: Sequence[str] = ()) -> None:
        self._lexicon = _lexicon_vocabulary(lexicon)
        self._employers = _Vocabulary({"employer": employers})

    def violations(
        self, original: str, proposed: str, needs_confirmation: Sequence[str] = ()
    ) -> list[Violation]:
        """Every fact of ``proposed`` that is neither in ``original`` nor marked to confirm."""
        source = original.lower()
        confirmed = " ".join(needs_confirmation).lower()
        found: list[Violation] = []
        for kind, text in self._lexicon.find(proposed) + self._employers.find(proposed):
            if not _contains(source, text) and not _contains(confirmed, text):
                found.append(Violation(kind, text))
        source_digits = set(_DIGITS_RE.findall(source))
        for digits in _DIGITS_RE.findall(proposed):
            if digits not in source_digits and digits not in confirmed:
                found.append(Violation("number", digits))
        source_words = set(_WORD_RE.findall(source))
        for word in _WORD_RE.findall(proposed.lower()):
            if word in NUMBER_WORDS and word not in source_words and word not in confirmed:
                found.append(Violation("number", word))
        return found

    def allows(self, original: str, proposed: str, needs_confirmation: Sequence[str] = ()) -> bool:
        """True when the proposed text adds no ungrounded fact."""
        return not self.violations(original, proposed, needs_confirmation)


def _contains(haystack: str, needle: str) -> bool:
    pattern = rf"(?<![\w-]){re.escape(needle.lower())}(?![\w-])"
    return re.search(pattern, haystack) is not None
