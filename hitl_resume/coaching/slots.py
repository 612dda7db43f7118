"""Read a bullet's own facts (verb, object, volume, frequency, outcome, numbers) for rewriting.

Only bullets being rewritten are parsed; each is prefixed with "I " because the small English
model tags a headless bullet's first verb as an adjective ("Examined claims" -> amod), while
"I examined claims" parses as subject, verb and object.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hitl_resume.coaching.templates import WeakOpening
from hitl_resume.coaching.tense import gerund, past

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Form = Literal["past", "present", "ing"]

_SEGMENT_RE = re.compile(r"(?<=[.;!?•|])\s+|(?<=[a-z,)])\s+(?=[A-Z][a-z]+ed\b)")
_LEAD_JUNK = re.compile(r"^[\s\-–—•*·▪●◦o>:,;.]+(?=\S)")
_TRAIL_JUNK = re.compile(r"[\s.;,:\-–—]+$")
_USED_TO = re.compile(r"^.{1,80}?\bto\s+(?=[a-z])", re.IGNORECASE)
_FREQUENCY_RE = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|annually|yearly|nightly|hourly|"
    r"(?:per|a|an|each|every) (?:day|week|month|quarter|year|shift|hour))\b",
    re.IGNORECASE,
)
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions dozen dozens".split()
)
_NUMBER_RE = re.compile(
    r"(?<![\w-])[$€£]?\d[\d,.]*(?:\s?(?:\+|%|k\b|m\b|million\b|billion\b))?|\b(?:"
    + "|".join(sorted(NUMBER_WORDS))
    + r")\b",
    re.IGNORECASE,
)
_DROP_LEADING = frozenset(
    {
        "the", "a", "an", "all", "each", "every", "any", "my", "our", "their", "his", "her",
        "various", "multiple", "numerous", "several", "many", "over", "approximately", "about",
        "around", "up", "to", "more", "than", "+", "nearly", "roughly", "some", "other",
    }
)
WEAK_VERBS = frozenset(
    {"use", "utilize", "help", "assist", "work", "handle", "participate", "involve", "do"}
)
OUTCOME_VERBS = frozenset(
    {
        "reduce", "decrease", "cut", "lower", "improve", "increase", "raise", "boost", "save",
        "eliminate", "shorten", "minimize", "maximize", "achieve", "prevent", "recover",
        "accelerate", "streamline",
    }
)
MAX_OBJECT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Piece:
    """One token of the clause: its text, trailing space, and the verb lemma when inflectable."""

    text: str
    space: str
    lemma: str | None = None
    in_object: bool = False


@dataclass(frozen=True, slots=True)
class Slots:
    """What a rewrite may say: every value comes from the bullet itself."""

    segment: str
    verb: str | None = None
    object: str | None = None
    object_count: str | None = None
    object_plural: bool = True
    volume: str | None = None
    frequency: str | None = None
    numbers: tuple[str, ...] = ()
    pieces: tuple[Piece, ...] = ()
    means: tuple[Piece, ...] = ()
    outcome: tuple[Piece, ...] = ()
    weak_opening: str | None = None
    employer: str | None = None
    domain: tuple[str, ...] = field(default=())
    artifact: tuple[str, ...] = field(default=())
    ai: str | None = None


def find_numbers(text: str) -> tuple[str, ...]:
    """Every number in a text (digits with %, +, $ or a scale word, and number words)."""
    return tuple(dict.fromkeys(m.group(0).strip() for m in _NUMBER_RE.finditer(text)))


def select_segment(text: str, anchor: str | None) -> str:
    """The sentence or run-on piece of a bullet that holds the finding's first signal."""
    pieces = [p for p in _SEGMENT_RE.split(text) if p.strip()]
    if not pieces:
        return ""
    chosen = pieces[0]
    if anchor:
        position = text.lower().find(anchor.lower())
        offset = 0
        for piece in pieces:
            found = text.find(piece, offset)
            if found <= position < found + len(piece):
                chosen = piece
                break
            offset = found + len(piece)
    chosen = _LEAD_JUNK.sub("", chosen.strip())
    return _TRAIL_JUNK.sub("", chosen)


def strip_weak_opening(
    segment: str, weak: Sequence[WeakOpening]
) -> tuple[str, str | None, str | None] | None:
    """Remove a weak opening: (remainder, opening, replacement verb); None when nothing is left."""
    lower = segment.lower()
    best: tuple[str, WeakOpening] | None = None
    for entry in weak:
        for phrase in entry.phrases:
            if lower.startswith(phrase) and (
                len(lower) == len(phrase) or not lower[len(phrase)].isalnum()
            ):
                if best is None or len(phrase) > len(best[0]):
                    best = (phrase, entry)
    if best is None:
        return segment, None, None
    phrase, entry = best
    remainder = segment[len(phrase) :].lstrip(" :,-–")
    if entry.id == "weak.used":
        match = _USED_TO.match(remainder)
        if match is None:
            return None
        remainder = remainder[match.end() :]
    if len(remainder.split()) < 2:
        return None
    return remainder, phrase, entry.replace_with


def parse_text(segment: str) -> str:
    """The text given to the parser: a subject makes the bullet's first verb a verb."""
    words = segment.split(maxsplit=1)
    first = words[0] if words else ""
    if first[:1].isupper() and not first[1:2].isupper():
        segment = first[:1].lower() + segment[1:]  # "I Approved" misparses; "I approved" does not
    return ("I was " if first.lower().endswith("ing") else "I ") + segment


def lemma_of(token: Token) -> str:
    """The verb's base form, checked against its surface form (the model guesses "pende")."""
    word = token.lower_
    guess = token.lemma_.lower()
    if len(guess) > 3 and guess.endswith("e") and guess[-2] in "dt" and guess[-3] in "nrlc":
        guess = guess[:-1]  # the lookup lemmatiser invents "pende" for "pended"
    if token.tag_ in {"VBD", "VBN"} and word.endswith("ed"):
        candidates = [guess, word[:-2], word[:-1], word[:-3], word[:-3] + "y"]
        for candidate in candidates:
            if candidate and past(candidate) == word:
                return candidate
    if token.tag_ == "VBG" and word.endswith("ing"):
        for candidate in (guess, word[:-3], word[:-3] + "e", word[:-4]):
            if candidate and gerund(candidate) == word:
                return candidate
    if token.tag_ == "VBZ" and word.endswith("s") and guess == word:
        return word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
    return guess or word


def _verbs(head: Token) -> list[Token]:
    """The head verb and the verbs coordinated with it ("approved, denied or pended")."""
    found = [head]
    queue = [head]
    while queue:
        current = queue.pop()
        for child in current.children:
            if child.dep_ == "conj" and child.tag_.startswith("VB") and child.i > head.i:
                found.append(child)
                queue.append(child)
    # Coordinated verbs the parser attached elsewhere ("... queries and track responses").
    doc = head.doc
    for token in doc[head.i + 1 :]:
        previous = doc[token.i - 1]
        if (
            token.tag_ in {"VB", "VBP", "VBZ", "VBD"}
            and token.pos_ == "VERB"
            and previous.lower_ in {"and", "or", ",", ";"}
            and token not in found
        ):
            found.append(token)
    return found


def _object_span(head: Token) -> tuple[int, int, int] | None:
    """Token range [start, end] of the head verb's direct object (with coordinated nouns)."""
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if not objects:
        # "approved, denied or pended claims": the shared object hangs on the last verb.
        for verb in _verbs(head)[1:]:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                break
    if not objects:
        return None
    obj = objects[0]
    end = obj.i
    for child in obj.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
            end = max(end, child.i)
    return obj.left_edge.i, end, obj.i


def extract_slots(doc: Doc, segment: str, prefix_len: int) -> Slots:
    """Read verb, object, volume, frequency, outcome and numbers from a parsed segment."""
    tokens = [t for t in doc if t.idx >= prefix_len]
    numbers = find_numbers(segment)
    frequency_match = _FREQUENCY_RE.search(segment)
    frequency = frequency_match.group(0) if frequency_match else None
    if not tokens or not tokens[0].tag_.startswith("VB") or tokens[0].pos_ not in {"VERB", "AUX"}:
        return Slots(segment=segment, numbers=numbers, frequency=frequency)
    head = tokens[0]
    verbs = {t.i: lemma_of(t) for t in _verbs(head)}
    span = _object_span(head)
    first = tokens[0].i
    object_text: str | None = None
    count: str | None = None
    plural = True
    in_object: set[int] = set()
    if span is not None:
        start, end, obj_index = span
        in_object = set(range(start, end + 1))
        words = [doc[i] for i in range(start, end + 1)]
        lead = 0
        while lead < len(words) and (
            words[lead].lower_ in _DROP_LEADING or words[lead].like_num or words[lead].tag_ == "CD"
        ):
            lead += 1
        core = words[lead:]
        counted = [w for w in words[:lead] if w.like_num or w.tag_ == "CD" or w.text == "+"]
        if counted:
            count = "".join(w.text_with_ws for w in words[: lead]).strip()
            count = re.sub(r"^(?:the|a|an|all|each|my|our)\s+", "", count, flags=re.IGNORECASE)
        if core and len(core) <= MAX_OBJECT_WORDS:
            object_text = "".join(w.text_with_ws for w in core).strip()
            plural = doc[obj_index].tag_ in {"NNS", "NNPS"} or end != obj_index
    pieces = tuple(
        Piece(t.text, t.whitespace_, verbs.get(t.i), t.i in in_object) for t in tokens
    )
    volume = None
    if count and object_text:
        volume = f"{count} {object_text}" + (f" {frequency}" if frequency else "")
    means, outcome = _means_and_outcome(doc, head, first)
    return Slots(
        segment=segment,
        verb=verbs[head.i],
        object=object_text,
        object_count=count if object_text else None,
        object_plural=plural,
        volume=volume,
        frequency=frequency,
        numbers=numbers,
        pieces=pieces,
        means=means,
        outcome=outcome,
    )


def _means_and_outcome(
    doc: Doc, head: Token, first: int
) -> tuple[tuple[Piece, ...], tuple[Piece, ...]]:
    """Split "Reduced rework by 15% by reporting errors" into means and outcome clauses."""
    if lemma_of(head) not in OUTCOME_VERBS:
        return (), ()
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "by":
            continue
        means_verbs = [c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
        if not means_verbs or lemma_of(means_verbs[0]) in WEAK_VERBS:
            continue
        means_head = means_verbs[0]
        if means_head.right_edge.i != len(doc) - 1 or prep.i <= head.i:
            continue  # the means clause must close the bullet to be lifted out cleanly
        means_lemmas = {t.i: lemma_of(t) for t in _verbs(means_head)}
        means = tuple(
            Piece(t.text, t.whitespace_, means_lemmas.get(t.i))
            for t in doc[means_head.i : means_head.right_edge.i + 1]
        )
        outcome = tuple(
            Piece(t.text, t.whitespace_, lemma_of(t) if t.i == head.i else None)
            for t in doc[first : prep.i]
        )
        return means, outcome
    return (), ()


def render(pieces: Sequence[Piece], form: Form, *, pronoun: str | None = None) -> str:
    """Rebuild a clause with its verbs in ``form``; the object becomes ``pronoun`` when given."""
    out: list[str] = []
    replaced = False
    for index, piece in enumerate(pieces):
        if pronoun is not None and piece.in_object:
            if not replaced:
                out.append(pronoun + piece.space)
                replaced = True
            else:
                out[-1] = pronoun + piece.space
            continue
        text = piece.text
        if piece.lemma is not None:
            text = {"past": past, "ing": gerund}.get(form, lambda lemma: lemma)(piece.lemma)
        elif index == 0 and text[:1].isupper() and not text[1:2].isupper():
            text = text[:1].lower() + text[1:]
        out.append(text + piece.space)
    return _TRAIL_JUNK.sub("", "".join(out).strip())
