"""Add one confirmed step of human control after a line that names none.

Most duty lines of a real resume ("Reconciled bank statements and ledger accounts", "Resolved
customer complaints") carry no check a framing could rest on, yet the work usually held one: a
discrepancy traced, a complaint passed up, a payment held back. The line does not say so, so the
ending is a question before it is a claim: the rewrite is the line as written (its verbs in the
job's tense) plus the ending, and its ``needs_confirmation`` asks whether that step happened.
Offered only where no framing fits, on a whole line that reads cleanly on its own.
"""

from __future__ import annotations

import itertools
import re

from hitl_resume.coaching.fixes import drop_list_colon
from hitl_resume.coaching.grounding import GroundingGuard
from hitl_resume.coaching.results import Rewrite, Tense
from hitl_resume.coaching.rewrites import (
    MAX_WORDS,
    context_refuses,
    rewrite_of,
    word_count,
    work_product,
)
from hitl_resume.coaching.segments import LIST_JOINERS
from hitl_resume.coaching.shapes import Candidate, clause_problem
from hitl_resume.coaching.slots import leading_lemmas, render
from hitl_resume.coaching.verify import body_problem
from hitl_resume.language.coaching_lexicon import CoachingData, ConfirmTail
from hitl_resume.language.inflect import finite

#: Endings that leave the line open or hand it to someone else ("as assigned", "etc"): coaches
#: read an ending put after them as built on the original's filler.
_OPEN_ENDING = re.compile(
    r"(?:\bas (?:assigned|needed|required|necessary|directed|requested)|\betc\.?|\bet al\.?)$",
    re.IGNORECASE,
)
#: A line that already closes on a participle ("..., ensuring accuracy", "... resulting in"):
#: a second one after it reads as a run-on.
_PARTICIPLE_TAIL = re.compile(
    r",\s*\w+ing\b|\b(?:ensuring|making sure|resulting in)\b", re.IGNORECASE
)
#: Two sentences run together with no space ("missed.Reduced"): text damage, not a line.
_GLUED_SENTENCE = re.compile(r"[a-z]\.[A-Z]")
#: A singular object that opens with a determiner or a number ("the quarterly bank audit").
_DETERMINED = re.compile(
    r"(?:the|a|an|each|every|all|any|this|that|its|their|our|\d)\b", re.IGNORECASE
)
#: Longer lines leave "those" or "the discrepancies" without a clear antecedent.
MAX_LINE_WORDS = 18
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_SLOT = re.compile(r"\{([a-z]+)(?::([a-z]+))?\}")
#: Words an ending's "those" may sit after its noun ("... issues in a timely manner, escalating
#: those"); further on, or past an -ing phrase ("... problems after defending their case in
#: correspondence to government departments, escalating those"), it reads as the last noun's.
MAX_WORDS_AFTER_ANTECEDENT = 6
#: "all"/"every" before the object: "those" would pick out some of what the line says was all.
_ALL_OF_THEM = re.compile(r"\b(?:all|every|each)\b", re.IGNORECASE)
_GERUND_CLAUSE = frozenset({"after", "before", "by", "while", "when", "through", "without"})
#: Short words a line may say twice without repeating itself.
_MIN_STEM = 5


def _stem(word: str) -> str:
    """A crude stem: "processed"/"processing", "transactions"/"transaction" share one."""
    return word[:6] if len(word) > 6 else word.rstrip("s")


def says_twice(text: str) -> bool:
    """The line names one thing twice ("Verified client information to ensure proper insurance
    information"; "Processed ... including the processing of ..."): an ending after it keeps the
    original's own repetition, which both coaches marked."""
    stems = [_stem(w) for w in _WORD.findall(text.lower()) if len(w) >= _MIN_STEM]
    return len(stems) != len(set(stems))


def _holds(text: str, avoid: tuple[str, ...]) -> bool:
    """Whether the line holds one of ``avoid`` (a word start, or a phrase with a space)."""
    lowered = f" {text.lower()} "
    words = _WORD.findall(lowered)
    return any(
        f" {item} " in lowered if " " in item else any(w.startswith(item) for w in words)
        for item in avoid
    )


def _fits(tail: ConfirmTail, candidate: Candidate, data: CoachingData) -> bool:
    if tail.roles and candidate.finding.role not in tail.roles:
        return False
    opening = leading_lemmas(candidate.slots.pieces)
    if not set(opening) & set(tail.verbs):
        return False
    verbs = [piece.lemma for piece in candidate.slots.pieces if piece.lemma]
    if len(verbs) > len(opening) and verbs[-1] not in tail.verbs:
        return False  # "... and edit missed punches only with manager approval": the ending
        # would follow another verb's phrase
    if tail.nouns and not set(candidate.slots.object_heads) & set(tail.nouns):
        return False
    if tail.products:
        product = work_product(candidate, data.products)
        if product is None or product.id not in tail.products:
            return False
    return not _holds(candidate.slots.segment, tail.avoid)


def _antecedent_far(candidate: Candidate, nouns: tuple[str, ...]) -> bool:
    """The object's noun (or a later noun the ending names: "... and resolved customer issues")
    is too far from the line's end for "those" to point back to it."""
    words = [p.text.lower() for p in candidate.slots.pieces if _WORD.fullmatch(p.text.lower())]
    heads = (*candidate.slots.object_heads, *nouns)
    last = max(
        (i for i, word in enumerate(words) if any(word.startswith(h) for h in heads)), default=-1
    )
    after = words[last + 1 :]
    return (
        last < 0
        or len(after) > MAX_WORDS_AFTER_ANTECEDENT
        or any(w in _GERUND_CLAUSE and n.endswith("ing") for w, n in itertools.pairwise(after))
    )


def _fill(text: str, tense: Tense, noun: str) -> str:
    def substitute(match: re.Match[str]) -> str:
        name, verb = match.group(1), match.group(2)
        return finite(verb, tense) if name == "v" and verb else noun

    return _SLOT.sub(substitute, text)


def _bare_singular(candidate: Candidate) -> bool:
    """The object is one thing with no article ("Performed quality assurance audit"): the line
    misses its "a", and an ending after it would keep the slip. A mass noun ("Processed payroll")
    is refused too: fewer endings, none on a slip."""
    slots = candidate.slots
    words = [piece for piece in slots.pieces if piece.text.strip()]
    first = next(
        (p.text for p in words if not p.lemma and p.text.lower() not in LIST_JOINERS), None
    )  # the first word after the opening verbs ("Counted, verified and handled bank ...")
    if first is None or _DETERMINED.match(first):
        return False
    lowered = slots.segment.lower()
    return any(
        re.search(rf"\b{re.escape(head)}\b", lowered)
        and not re.search(rf"\b{re.escape(head)}e?s\b", lowered)
        for head in slots.object_heads
    )


def _shape_refuses(candidate: Candidate) -> bool:
    """The line cannot carry an ending: part of a sentence, or closing on filler, a participle
    or a word it already said."""
    slots = candidate.slots
    if candidate.prefix or candidate.suffix:
        return True
    segment = slots.segment.rstrip(" .;")
    if word_count(segment) > MAX_LINE_WORDS or _GLUED_SENTENCE.search(segment):
        return True  # "problems that had been previously missed.Reduced the open invoice ..."
    if _bare_singular(candidate):
        return True  # "Performed quality assurance audit ...": the original's missing article
    return bool(
        _OPEN_ENDING.search(segment) or _PARTICIPLE_TAIL.search(segment) or says_twice(segment)
    )


def build_tail(
    candidate: Candidate, data: CoachingData, guard: GroundingGuard, *, rewrite_id: str
) -> Rewrite | None:
    """The line with the first ending that fits and verifies, and its question; None otherwise."""
    if clause_problem(candidate) is not None or _shape_refuses(candidate):
        return None
    tails = [tail for tail in data.tails if _fits(tail, candidate, data)]
    if not tails:
        return None
    source = drop_list_colon(candidate.slots.segment).rstrip(" .;")
    # the verifier reads the clause as a framing would take it; the ending keeps the same words
    # with the verbs in the job's tense instead of the -ing form
    clause_ing = render(candidate.slots.pieces, "ing")
    clause = render(candidate.slots.pieces, candidate.tense)
    if candidate.adverb:  # "Quickly responded to ...": the manner stays with the line
        source = f"{candidate.adverb} {source}"
        clause_ing = f"{candidate.adverb.lower()} {clause_ing}"
        clause = f"{candidate.adverb} {clause[:1].lower()}{clause[1:]}"
    if body_problem(source, clause_ing) is not None or context_refuses(candidate, data, clause_ing):
        return None
    heads = candidate.slots.object_heads
    noun = heads[0] if len(heads) == 1 else ""
    for tail in tails:
        if "{noun}" in tail.text and not noun:
            continue  # "holding any payment ...": the ending names one kind of object
        if "those" in tail.text.split() and (
            _antecedent_far(candidate, tail.nouns) or _ALL_OF_THEM.search(candidate.slots.segment)
        ):
            continue  # "resolved all customer issues, escalating those ..." contradicts itself
        text = f"{clause[:1].upper()}{clause[1:]}, {_fill(tail.text, candidate.tense, noun)}"
        if word_count(text) > MAX_WORDS or not guard.allows(candidate.finding.text, text):
            continue
        question = tail.confirm_past if candidate.tense == "past" else tail.confirm_present
        return rewrite_of(
            candidate,
            rewrite_id,
            text,
            template=tail.id,
            framing=tail.framing,
            clause=source,
            value=tail.priority,
            confirm=(_fill(question, candidate.tense, noun),),
        )
    return None
