"""Split a sentence before a later signal verb so only the clause that carries it is framed.

"Prepared journal entries and reconciled accounts" carries oversight in its second clause: the
first clause stays word for word and the framing goes before the second ("Prepared journal
entries and provided human oversight by reconciling accounts"). A first clause that shares its
object with the second ("Prepared and reviewed X") is never split off.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from hitl_resume.coaching.compound_verbs import compound_prefix
from hitl_resume.coaching.results import Tense
from hitl_resume.language.inflect import finite, gerund, known_verb, verb_lemmas

#: A joint between two clauses: ", and", ",", " and" or ";" before a lowercase word (the word
#: after one manner adverb: "and manually reassigned loads").
_JOINT = re.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*;\s*(?:and\s+)?)"
    r"(?=(?:[a-z]+ly\s+)?([a-z]{3,}(?:-[a-z]{3,})?)\b)"
)
#: The word after an "and"/"or" inside the kept clause: a verb there makes a chain of clauses
#: ("Received checks and cash ..." may be one), a noun only a list ("benefits and policies").
_JOINED_WORD = re.compile(r"\b(?:and|or)\s+(\w+)")
#: A word after a joiner or a comma: a second -ing verb of a kept clause ("Assigning codes,
#: querying unclear documentation") would stay -ing beside the re-tensed first one.
_LISTED_WORD = re.compile(r"(?:\b(?:and|or)|,)\s+(\w+)")
#: An object word after a listed -ing verb ("collecting interviewer feedback").
_OBJECT_AFTER = re.compile(r" (?!and\b|or\b)[\w£$]")
MIN_PREFIX_WORDS = 2
MAX_PREFIX_WORDS = 14


@dataclass(frozen=True, slots=True)
class Split:
    """The first clause kept as written and the signal clause to frame (capitalised)."""

    prefix: str
    clause: str


def _lemma(word: str) -> str | None:
    """The word's base form as a verb; a compound check verb keeps its prefix
    ("double-checked" -> "double-check")."""
    prefix = compound_prefix(word).lower()
    lemmas = verb_lemmas(word[len(prefix) :].lower())
    return prefix + lemmas[0] if lemmas else None


def _past_or_base(word: str) -> bool:
    lower = word.lower()
    lemma = _lemma(lower)
    return lemma is not None and lower in {finite(lemma, "past"), finite(lemma, "present")}


def signal_split(
    text: str,
    signal_verbs: Mapping[str, tuple[str, ...]],
    known: frozenset[str],
    own_work: Collection[str] = (),
) -> Split | None:
    """The first joint before a signal verb that follows a whole clause (verb and object).

    A first verb of the person's own books or making (``own_work``: "Reconcile bank feeds
    monthly and recategorize transactions the software auto-codes wrong") carries no check a
    framing could rest on, so the later signal verb is split off as if it had none.
    """
    words = text.split()
    if not words or (
        _has_signal(words[0], signal_verbs) and _lemma(_bare(words[0])) not in own_work
    ):
        return None  # the first verb carries it: the whole sentence is framed as it is
    listed = _past_or_base if not _is_gerund(words[0]) else _is_gerund  # "Planning X and adjusting"
    for match in _JOINT.finditer(text):
        word = match.group(1)
        if not _has_signal(word, signal_verbs) or not listed(word):
            continue
        prefix = text[: match.start()].strip()
        head = prefix.split()
        if not MIN_PREFIX_WORDS <= len(head) <= MAX_PREFIX_WORDS:
            continue
        last = re.sub(r"\W+$", "", head[-1]).lower()
        if (last in known or _lemma(last) in signal_verbs) and _same_form(head[0], last):
            continue  # "Prepared, reviewed": the first clause has no object of its own
        items = [item.split() for item in prefix.split(",")[1:]]
        if not all(item and item[0].isalpha() and listed(item[0]) for item in items):
            continue  # "Coordinated the process, set-up interviews": each item opens with a verb
        if "as well as" in prefix or any(
            known_verb(joined.group(1)) and listed(joined.group(1))
            for joined in _JOINED_WORD.finditer(prefix)
        ):  # "individual and small business returns": a guessed verb ("small") is none
            continue  # "X and verified Y and provided ...": the sentence turns into a chain
        if not head[0][:1].isupper() or not listed(head[0]):
            continue
        clause = text[match.end() :]
        return Split(prefix, clause[:1].upper() + clause[1:])
    return None


def _is_gerund(word: str) -> bool:
    lemma = _lemma(_bare(word))
    return lemma is not None and gerund(lemma) == _bare(word).lower()


def tensed_prefix(prefix: str, tense: Tense) -> str:
    """An -ing kept clause in the job's tense ("Planning daily delivery routes" -> "Planned
    ..."): the framing after it takes the job's tense, and the two must read as one list. Each
    -ing verb that opens an item of the clause's list changes with it ("Scheduling interviews,
    collecting interviewer feedback" -> "Scheduled interviews, collected ..."); an -ing word
    with no object after it ("payroll, billing and ...") may be a noun, so the clause then stays
    as it is (and is refused by ``prefix_fits``)."""
    first, _, rest = prefix.partition(" ")
    lemma = _lemma(first)
    if not _is_gerund(first) or lemma is None:
        return prefix
    listed = [m for m in _LISTED_WORD.finditer(rest) if _is_gerund(m.group(1))]
    if any(not _OBJECT_AFTER.match(rest, m.end(1)) for m in listed):
        return prefix

    def tensed(match: re.Match[str]) -> str:
        later = _lemma(match.group(1)) if _is_gerund(match.group(1)) else None
        if later is None:
            return match.group(0)
        return match.group(0)[: match.start(1) - match.start(0)] + finite(later, tense)

    rest = _LISTED_WORD.sub(tensed, rest)  # one pass: a pasted list of thousands stays linear
    word = finite(lemma, tense)
    return f"{word[:1].upper()}{word[1:]} {rest}" if rest else word


def _same_form(first: str, last: str) -> bool:
    """The last word may be a verb in the first one's form ("Prepared, reviewed"); a base-form
    noun after a past verb is the object ("Monitored the board")."""
    past = _lemma(first.lower()) is not None and first.lower().endswith("ed")
    return (
        not past
        or last.endswith("ed")
        or last not in {finite(lemma, "present") for lemma in verb_lemmas(last)}
    )


def _bare(word: str) -> str:
    return re.sub(r"\W+$", "", word)


def _has_signal(word: str, signal_verbs: Mapping[str, tuple[str, ...]]) -> bool:
    lemma = _lemma(_bare(word))
    return lemma is not None and bool(signal_verbs.get(lemma))


def prefix_fits(prefix: str, tense: Tense) -> bool:
    """The kept clause is written in the tense the framing takes (no past beside present)."""
    first = prefix.split(maxsplit=1)[0].lower()
    lemma = _lemma(first)
    return lemma is not None and finite(lemma, tense) == first
