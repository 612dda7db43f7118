"""Compound check verbs ("Double-checked", "Spot-checked", "Fact-checked") as one verb.

The small English model splits "Double-checked returns" at the hyphen and reads "double" as the
verb (or an adverb before an adjective), so the line has no head verb to frame. The clause is
parsed without the prefix ("checked returns ...") and the prefix is put back on the head verb:
its lemma becomes "double-check", which the lexicon knows as a review verb and which inflects
as a whole ("double-checking"). "Double checked" written as two words is a typo fixed to the
hyphenated form first (lexicon/typo_fixes.jsonl).
"""

from __future__ import annotations

import dataclasses
import re

from hitl_resume.coaching.slots import Slots

_PREFIX = re.compile(r"^(?:double|cross|spot|fact|re)-(?=[a-z]{3,}\b)", re.IGNORECASE)


def compound_prefix(text: str) -> str:
    """The prefix of a compound head verb ("Double-"), or "" when the clause has none."""
    match = _PREFIX.match(text)
    return match.group(0) if match else ""


def with_prefix(slots: Slots, prefix: str, segment: str) -> Slots:
    """Slots read from the clause without ``prefix``, with the prefix back on the head verb."""
    if not prefix:
        return slots
    head = slots.pieces[0] if slots.pieces else None
    if slots.verb is None or head is None or head.lemma is None or not slots.verb_words:
        return dataclasses.replace(slots, segment=segment)
    lowered = prefix.lower()
    return dataclasses.replace(
        slots,
        segment=segment,
        verb=lowered + slots.verb,
        verb_words=(lowered + slots.verb_words[0], *slots.verb_words[1:]),
        pieces=(
            dataclasses.replace(head, text=prefix + head.text, lemma=lowered + head.lemma),
            *slots.pieces[1:],
        ),
    )
