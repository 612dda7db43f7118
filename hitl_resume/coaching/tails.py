"""Cut a result off the end of a sentence so the clause before it can be framed, then put it back.

Applicants end a line with what the work achieved, after a comma: "Audited a sample of moderator
decisions each week, accuracy improved from 91% to 96%", "... disputed overcharges, recovering
$40K+ in the first year", "... removed or restored content, 800+ items per shift". The result is
what a coach most wants kept, but the clause and the result are two statements: framing the whole
sentence would re-inflect the result's verb or copy the comma splice. The clause before the comma is
framed on its own and the result follows it word for word, after "; " when it is a statement of its
own (the comma splice mended) and after ", " when it is a participle or a bare quantity.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from hitl_resume.language.inflect import gerund, past, verb_tags

MIN_CLAUSE_WORDS = 4
MAX_TAIL_WORDS = 16
#: How far into a result statement its verb may come ("team error rate dropped").
MAX_SUBJECT_WORDS = 5
_QUANTITY = re.compile(r"\d")
#: A bare quantity opening the result ("800+ items per shift", "over 40 decisions a day").
_QUANTITY_OPENING = re.compile(
    r"^(?:\$?\d[\d,.]*[%+kKmM]*|over|about|approx\.?|approximately|nearly|roughly|up to)\s",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Tail:
    """The clause to frame and the result kept after it, with the joint that goes between."""

    clause: str
    joint: str
    result: str

    @property
    def text(self) -> str:
        """What follows the framed clause in the rewrite."""
        return f"{self.joint}{self.result}"


def result_tail(text: str, result_verbs: Collection[str]) -> Tail | None:
    """The result after the sentence's last comma, when it is one (``result_verbs``: base forms
    of the verbs that state a result, "improve", "reduce", "recover")."""
    if "(" in text or ";" in text:
        return None
    clause, comma, result = text.rpartition(", ")
    if not comma:
        return None
    words = result.split()
    if not 2 <= len(words) <= MAX_TAIL_WORDS or len(clause.split()) < MIN_CLAUSE_WORDS:
        return None
    if not _QUANTITY.search(result):
        return None  # only a result a person could cite: a count, a share, money, a time
    lowered = [w.lower().strip(".,") for w in words]
    participles = {gerund(v) for v in result_verbs}
    pasts = {past(v) for v in result_verbs}
    if lowered[0] in participles:
        return Tail(clause, ", ", result)  # "recovering $40K+ in the first year"
    if _QUANTITY_OPENING.match(result) and not any(w.endswith(("ed", "ing")) for w in lowered):
        return Tail(clause, ", ", result)  # "800+ items per shift"
    subject = lowered[:MAX_SUBJECT_WORDS]
    verb_at = next((i for i, w in enumerate(subject) if w in pasts), None)
    if verb_at == 1 and lowered[0] in {"which", "that"}:
        return Tail(clause, ", ", result)  # "which brought our denial rate down to 7%"
    if verb_at and all(_subject_word(w) for w in words[:verb_at]):
        return Tail(clause, "; ", result)  # "accuracy improved from 91% to 96%"
    return None


def _subject_word(word: str) -> bool:
    """A word of a result's subject ("team error rate"); not a verb of the clause's own list
    ("disputed overcharges and saved $60K") nor a name."""
    return (
        word.isalpha()
        and word.islower()
        and word not in {"and", "or"}
        and "VBD" not in verb_tags(word)
    )
