"""Fill governance templates from a bullet's own slots and keep only grounded candidates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.coaching.grounding import GroundingGuard
from hitl_resume.coaching.slots import WEAK_VERBS, Slots, render
from hitl_resume.coaching.templates import RewriteTemplate, WeakOpening
from hitl_resume.coaching.tense import finite
from hitl_resume.coaching_results import Rewrite, Tense
from hitl_resume.detection.results import Finding

MAX_WORDS = 40
_SLOT_RE = re.compile(r"\{([a-z_]+)(?::([a-z]+))?\}")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.])")
_DOUBLE_COMMA = re.compile(r",\s*,")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding ready for rewriting: its slots and the tense of its job."""

    finding: Finding
    slots: Slots
    tense: Tense


def word_count(text: str) -> int:
    """Words as a reader counts them (punctuation-only tokens do not count)."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def starts_weak(text: str, weak: Sequence[WeakOpening]) -> bool:
    """True when the text opens with a weak phrase or a weak verb ("Used", "Helped")."""
    lower = text.lower()
    for entry in weak:
        for phrase in entry.phrases:
            if lower.startswith(phrase) and (
                len(lower) == len(phrase) or not lower[len(phrase)].isalnum()
            ):
                return True
    first = lower.split(maxsplit=1)[0] if lower.split() else ""
    return first in WEAK_VERBS


def _pronoun(slots: Slots) -> str:
    if slots.object_count:
        return slots.object_count
    return "them" if slots.object_plural else "it"


def _fill(template: RewriteTemplate, slots: Slots, tense: Tense, ai: str | None) -> str | None:
    """The template with every slot filled from the bullet, or None when a slot is missing."""
    values: dict[str, str] = {}
    if template.shape == "means_first":
        if not slots.means or not slots.outcome:
            return None
        values["means"] = render(slots.means, tense)
        values["outcome"] = render(slots.outcome, "ing")
    elif not slots.verb or not slots.pieces:
        return None
    if template.shape == "lead_object":
        if not slots.object:
            return None
        values["object"] = slots.object
        values["rest"] = render(slots.pieces, "ing", pronoun=_pronoun(slots))
    if template.shape == "lead_clause":
        values["clause_ing"] = render(slots.pieces, "ing")
    if ai:
        values["ai"] = ai
    missing = False

    def substitute(match: re.Match[str]) -> str:
        nonlocal missing
        name, verb = match.group(1), match.group(2)
        if name == "v" and verb:
            return finite(verb, tense)
        if name not in values or not values[name].strip():
            missing = True
            return ""
        return values[name]

    text = _SLOT_RE.sub(substitute, template.text)
    if missing:
        return None
    return tidy(text)


def tidy(text: str) -> str:
    """Normalise spaces and punctuation and capitalise the first letter."""
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text).strip(" ,;:")
    return text[:1].upper() + text[1:]


def shorten(text: str, limit: int = MAX_WORDS) -> str | None:
    """Cut trailing comma/semicolon clauses until the text fits ``limit`` words (None if never)."""
    if word_count(text) <= limit:
        return text
    parts = re.split(r"(?<=[,;])\s+", text)
    while len(parts) > 1:
        parts.pop()
        candidate = " ".join(parts).rstrip(",;")
        candidate = re.sub(r"\s+(?:and|or)$", "", candidate)
        if word_count(candidate) <= limit and word_count(candidate) >= 6:
            return candidate
    return None


def matches(template: RewriteTemplate, finding: Finding) -> bool:
    """Whether a template fits a finding's evidence, signals and role."""
    if template.evidence == "explicit" and not finding.explicit_ai:
        return False
    if template.evidence == "transferable" and finding.explicit_ai:
        return False
    if template.roles and finding.role not in template.roles:
        return False
    return not template.signals or any(s in template.signals for s in finding.signals)


def ai_term(finding: Finding) -> str | None:
    """The bullet's own AI/automation term, as written."""
    for contribution in finding.contributions:
        if contribution.kind == "ai_system":
            return contribution.text
    return None


def _confirmations(template: RewriteTemplate, slots: Slots) -> tuple[str, ...]:
    if template.confirm is None:
        return ()
    return (tidy(template.confirm.replace("{object}", slots.object or "items")),)


def best_rewrite(
    candidate: Candidate,
    templates: Sequence[RewriteTemplate],
    guard: GroundingGuard,
    weak: Sequence[WeakOpening],
    *,
    rewrite_id: str,
    confirm_only: bool = False,
) -> Rewrite | None:
    """The highest-priority template that fills, fits 40 words and passes the guard."""
    finding = candidate.finding
    ordered = sorted(templates, key=lambda t: (-t.priority, t.id))
    for template in ordered:
        if (template.confirm is not None) != confirm_only or not matches(template, finding):
            continue
        text = _fill(template, candidate.slots, candidate.tense, ai_term(finding))
        text = shorten(text) if text else None
        if text is None or starts_weak(text, weak):
            continue
        if _normal(text) == _normal(finding.text):
            continue
        confirm = _confirmations(template, candidate.slots)
        if not guard.allows(finding.text, text, confirm):
            continue  # the guard is final: an ungrounded candidate is dropped, never kept
        return Rewrite(
            id=rewrite_id,
            finding_id=finding.id,
            role=finding.role,
            original=finding.text,
            proposed=text,
            template=template.id,
            framing=template.framing,
            needs_confirmation=confirm,
            tense=candidate.tense,
            start=finding.start,
            end=finding.end,
        )
    return None


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
