"""Job titles → O*NET occupations → HITL patterns: a title anywhere names an occupation.

The title index (``occupations.jsonl``, built from O*NET by ``occupations_build``) maps some
56,000 job titles to occupation codes; ``occupation_roles.jsonl`` maps code prefixes to one of
the seven patterns, to ``none`` (the title counts against every role) or to ``neutral``.
Lookup is a dictionary probe of every word n-gram of a short text, so it costs a few
microseconds a line and needs no matcher build at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hitl_resume.language.lexicon_loader import Lexicon, Occupation, OccupationRole

_NON_WORD = re.compile(r"[^a-z0-9+#]+")
#: Longest title phrase probed, in words (the lexicon's phrase rule allows six).
MAX_TITLE_WORDS = 6
#: Lines longer than this are sentences, not titles, and are not probed.
MAX_LINE_WORDS = 16
#: A posting title's O*NET match must cover at least 1/this of its first segment's words.
TITLE_COVERAGE_DENOMINATOR = 2
_TITLE_SEGMENT = re.compile(r"\s*(?:[,(|–—]|\s-\s|\s@\s|\sat\s)")


def title_words(text: str) -> tuple[str, ...]:
    """Lowercase word tokens of a title; ``&`` reads as "and", apostrophes vanish."""
    lowered = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    return tuple(word for word in _NON_WORD.split(lowered) if word)


@dataclass(frozen=True, slots=True)
class OccupationMatch:
    """A job title found in a text, its O*NET occupation and the pattern the table gives it."""

    text: str
    code: str
    occupation: str
    role: str
    rule_id: str
    reason: str

    @property
    def counts_for_role(self) -> bool:
        """True when the occupation is one of the seven patterns."""
        return self.role not in ("none", "neutral")


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    role: str
    reason: str


class OccupationIndex:
    """Find the occupation a short text (a job title, a headline, a table cell) names."""

    def __init__(self, occupations: Sequence[Occupation], rules: Sequence[OccupationRole]) -> None:
        self._titles: dict[tuple[str, ...], str] = {}
        self._names: dict[str, str] = {}
        for occupation in occupations:
            self._names[occupation.code] = occupation.title
            for phrase in occupation.phrases:
                self._titles.setdefault(tuple(phrase.split()), occupation.code)
        self._rules = {rule.soc: _Rule(rule.id, rule.role, rule.reason) for rule in rules}

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> OccupationIndex:
        """The index of a loaded lexicon's occupations and table."""
        return cls(lexicon.occupations, lexicon.occupation_roles)

    def __len__(self) -> int:
        return len(self._titles)

    def rule_for(self, code: str) -> tuple[str, str, str] | None:
        """(rule id, role, reason) of the longest table prefix of ``code``, if any."""
        for cut in _prefixes(code):
            rule = self._rules.get(cut)
            if rule is not None:
                return rule.id, rule.role, rule.reason
        return None

    def find(self, text: str) -> OccupationMatch | None:
        """The occupation the text names: the longest title in it, the last one on a tie.

        English job titles put the head noun last ("Senior Claims Adjuster"), so among titles
        of equal length the rightmost wins.
        """
        words = title_words(text)
        if not words or len(words) > MAX_LINE_WORDS:
            return None
        best: tuple[int, int, tuple[str, ...]] | None = None
        for size in range(min(MAX_TITLE_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size, -1, -1):
                gram = words[start : start + size]
                if gram in self._titles:
                    best = (size, start, gram)
                    break
            if best is not None:
                break
        if best is None:
            return None
        gram = best[2]
        code = self._titles[gram]
        rule = self.rule_for(code)
        if rule is None:
            return None
        rule_id, role, reason = rule
        return OccupationMatch(" ".join(gram), code, self._names[code], role, rule_id, reason)

    def find_title(self, title: str) -> OccupationMatch | None:
        """The occupation a posting's title line names, when the match is most of the title.

        Only the first segment counts ("Delivery Manager, EMEA" → "Delivery Manager"), and the
        O*NET title must cover at least half its words, so "Legal and Policy Operations
        Specialist" does not become an "Operations Specialist".
        """
        segment = _TITLE_SEGMENT.split(title, maxsplit=1)[0]
        match = self.find(segment)
        if match is None:
            return None
        if len(match.text.split()) * TITLE_COVERAGE_DENOMINATOR < len(title_words(segment)):
            return None
        return match

    def find_all(self, texts: Iterable[str]) -> list[OccupationMatch]:
        """The occupation of each text that names one, in order."""
        return [m for m in (self.find(t) for t in texts) if m is not None]


def _prefixes(code: str) -> Sequence[str]:
    """``43-4051.00`` → the table keys to try, most specific first."""
    base = code.split(".", maxsplit=1)[0]
    major = base.split("-")[0]
    return (code, base, base[:4], major)
