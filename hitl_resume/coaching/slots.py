"""Read a bullet's own facts (verb, object, volume, frequency, outcome, numbers) for rewriting.

Only bullets being rewritten are parsed; each is prefixed with "I " because the small English
model tags a headless bullet's first verb as an adjective ("Examined claims" -> amod), while
"I examined claims" parses as subject, verb and object.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hitl_resume.coaching.segments import (
    DROP_LEADING,
    FREQUENCY_RE,
    MAX_OBJECT_WORDS,
    OUTCOME_VERBS,
    TRAIL_JUNK,
    VAGUE_OBJECTS,
    WEAK_VERBS,
    find_numbers,
)
from hitl_resume.coaching.tense import IRREGULAR_BASE, gerund, past

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

Form = Literal["past", "present", "ing"]


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
    object_of_head: bool = True
    volume: str | None = None
    frequency: str | None = None
    numbers: tuple[str, ...] = ()
    pieces: tuple[Piece, ...] = ()
    means: tuple[Piece, ...] = ()
    outcome: tuple[Piece, ...] = ()
    verb_words: tuple[str, ...] = ()
    weak_opening: str | None = None
    employer: str | None = None
    domain: tuple[str, ...] = field(default=())
    artifact: tuple[str, ...] = field(default=())
    ai: str | None = None
    head_tag: str = ""
    head_args: bool = False


@functools.lru_cache(maxsize=4)
def verb_index(nlp: Language) -> frozenset[str]:
    """Known English verb base forms from the pipeline's lemmatizer tables (empty if none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def lemma_of(token: Token, known: frozenset[str] = frozenset()) -> str:
    """The verb's base form, checked against its surface form (the model guesses "pende")."""
    word = token.lower_
    if word in IRREGULAR_BASE:
        return IRREGULAR_BASE[word]
    guess = token.lemma_.lower()
    if len(guess) > 3 and guess.endswith("e") and guess[-2] in "dt" and guess[-3] in "nrlc":
        guess = guess[:-1]  # the lookup lemmatiser invents "pende" for "pended"
    candidates: list[str] = []
    if word.endswith("ed") and token.tag_ in {"VBD", "VBN", "JJ"}:
        candidates = [guess, word[:-1], word[:-2], word[:-3], word[:-3] + "y"]
        inflect = past
    elif token.tag_ == "VBG" and word.endswith("ing"):
        candidates = [guess, word[:-3] + "e", word[:-3], word[:-4]]
        inflect = gerund
    if candidates:
        fitting = [c for c in candidates if len(c) > 1 and inflect(c) == word]
        for candidate in fitting:
            if candidate in known:
                return candidate
        if fitting:
            return fitting[0]
    if token.tag_ == "VBZ" and word.endswith("s") and guess == word:
        return word[:-2] if word.endswith(("ches", "shes", "sses", "xes")) else word[:-1]
    return guess or word


_FORM_GROUPS = ({"VB", "VBP"}, {"VBD", "VBN"}, {"VBG"}, {"VBZ"})


def _same_form(head: Token, other: Token) -> bool:
    """Coordinated verbs share a form ("review ... and validate"); "40+ claims" is no verb."""
    return any(head.tag_ in group and other.tag_ in group for group in _FORM_GROUPS)


def _verbs(head: Token, known: frozenset[str] = frozenset()) -> list[Token]:
    """The head verb and the verbs coordinated with it ("approved, denied or pended")."""
    found = [head]
    queue = [head]
    while queue:
        current = queue.pop()
        for child in current.children:
            if child.dep_ == "conj" and _same_form(head, child) and child.i > head.i:
                found.append(child)
                queue.append(child)
    # Coordinated verbs the parser attached elsewhere ("... queries and track responses",
    # "reviewed schedules and adjusted routes"): after "and"/"or", a form matching the head's.
    doc = head.doc
    past_head = head.tag_ == "VBD" or head.lower_.endswith("ed")
    for token in doc[head.i + 1 :]:
        previous = doc[token.i - 1]
        if previous.lower_ not in {"and", "or", ","} or token in found or not token.is_alpha:
            continue
        glued = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
        if len(token) < 3 or glued:
            continue  # "re-computed": a prefix, not a verb
        if token.lemma_.lower() in WEAK_VERBS or token.lower_ in WEAK_VERBS:
            continue  # "sales and use tax": a weak verb would never lead a rewrite anyway
        if not past_head and token.dep_ in {"compound", "amod"} and token.head.i > token.i:
            continue  # "sales and use tax audits": a modifier, not a verb
        if past_head:
            # "and adjusted routes" is a verb; ", fixed assets" in a list is not.
            is_verb = (
                previous.lower_ != ","
                and token.lower_.endswith("ed")
                and token.tag_ in {"VBD", "VBN", "JJ"}
            )
        else:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            is_verb = (
                token.tag_ in {"VB", "VBP"}
                or (head.tag_ == "VBZ" and token.tag_ == "VBZ")
                or (previous.lower_ != "," and token.tag_ == "VBD")
                # "... and flag unusual decisions": a known verb tagged as a noun
                or (
                    token.tag_ == "NN"
                    and token.lower_ in known
                    and following is not None
                    and (
                        following.pos_ in {"ADJ", "DET"}
                        or (
                            following.pos_ == "NOUN"
                            and token.dep_ not in {"compound", "amod", "nmod"}
                        )
                    )
                )
            )
        if is_verb and known and lemma_of(token, known) not in known:
            is_verb = False  # "payroll", "variance": nouns the tagger took for verbs
        if is_verb:
            found.append(token)
    return found


def _object_span(head: Token, known: frozenset[str]) -> tuple[int, int, int] | None:
    """Token range [start, end] of the head verb's direct object (with coordinated nouns)."""
    objects = [c for c in head.children if c.dep_ == "dobj"]
    if not objects:
        # "approved, denied or pended claims": the shared object hangs on the last verb.
        for verb in _verbs(head, known)[1:]:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                break
    if not objects:
        return None
    obj = objects[0]
    if any(c.dep_ in {"relcl", "acl", "appos"} and c.i > obj.i for c in obj.children):
        return None  # "a company that owned ...": a pronoun cannot stand in for it
    end = obj.i
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > obj.i:
            end = max(end, child.right_edge.i)  # "appearance of the staff" stays whole
    verbs = {t.i for t in _verbs(head, known)}
    queue = [obj]
    while queue:
        for child in queue.pop().children:
            inside = range(child.left_edge.i, child.i + 1)
            if any(i in verbs for i in inside):
                continue  # "schedules and adjusted routes": the second verb starts a new clause
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
                end = max(end, child.i)
                queue.append(child)
    if doc_vague(obj):
        return None
    after = obj.doc[end + 1] if end + 1 < len(obj.doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} and after.i not in verbs:
        return None  # "accounts receivable general ledger": the phrase runs past the parse
    return obj.left_edge.i, end, obj.i


def doc_vague(obj: Token) -> bool:
    """A vague object ("duties", "issues", "a company") makes no specific rewrite."""
    return obj.lemma_.lower() in VAGUE_OBJECTS or obj.lower_ in VAGUE_OBJECTS


def extract_slots(
    doc: Doc, segment: str, prefix_len: int, known: frozenset[str] = frozenset()
) -> Slots:
    """Read verb, object, volume, frequency, outcome and numbers from a parsed segment."""
    tokens = [t for t in doc if t.idx >= prefix_len]

    def surface(token: Token) -> str:
        start = token.idx - prefix_len
        return segment[start : start + len(token.text)]

    numbers = find_numbers(segment)
    frequency_match = FREQUENCY_RE.search(segment)
    frequency = frequency_match.group(0) if frequency_match else None
    if not tokens or not tokens[0].tag_.startswith("VB") or tokens[0].pos_ not in {"VERB", "AUX"}:
        return Slots(segment=segment, numbers=numbers, frequency=frequency)
    head = tokens[0]
    if known and lemma_of(head, known) not in known:
        return Slots(segment=segment, numbers=numbers, frequency=frequency)
    verbs = {t.i: lemma_of(t, known) for t in _verbs(head, known)}
    span = _object_span(head, known)
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
            words[lead].lower_ in DROP_LEADING or words[lead].like_num or words[lead].tag_ == "CD"
        ):
            lead += 1
        core = words[lead:]
        counted = [w for w in words[:lead] if w.like_num or w.tag_ == "CD"]
        if counted:
            count = "".join(surface(w) + w.whitespace_ for w in words[:lead]).strip()
            count = re.sub(r"^(?:the|a|an|all|each|my|our)\s+", "", count, flags=re.IGNORECASE)
        if len(core) > MAX_OBJECT_WORDS:
            core = [w for w in core if w.i <= obj_index]  # a long list: name its first item
        if core and len(core) <= MAX_OBJECT_WORDS:
            object_text = "".join(surface(w) + w.whitespace_ for w in core).strip()
            plural = doc[obj_index].tag_ in {"NNS", "NNPS"} or end != obj_index
            if not plural:
                object_text = _article(core, words[:lead]) + object_text
    pieces = tuple(
        Piece(surface(t), t.whitespace_, verbs.get(t.i), t.i in in_object) for t in tokens
    )
    volume = None
    if count and object_text:
        volume = f"{count} {object_text}" + (f" {frequency}" if frequency else "")
    means, outcome = _means_and_outcome(doc, head, first, known, surface)
    return Slots(
        segment=segment,
        verb=verbs[head.i],
        verb_words=tuple(doc[i].lower_ for i in sorted(verbs)),
        object_of_head=span is not None and doc[span[2]].head.i == head.i,
        object=object_text,
        object_count=count if object_text else None,
        object_plural=plural,
        volume=volume,
        frequency=frequency,
        numbers=numbers,
        pieces=pieces,
        means=means,
        outcome=outcome,
        head_tag=head.tag_,
        head_args=any(c.dep_ in _ARGUMENTS for c in head.children),
    )


_ARGUMENTS = frozenset({"dobj", "prep", "xcomp", "ccomp", "dative", "prt", "advcl"})
_MASS_NOUNS = frozenset(
    {"inventory", "payroll", "data", "information", "documentation", "paperwork", "cash"}
)


def _article(core: Sequence[Token], dropped: Sequence[Token]) -> str:
    """The article a singular object needs: "for the fixed asset system", not "for fixed ..."."""
    words = {w.lower_ for w in dropped}
    if words & {"each", "every"}:
        return "each "
    if words & {"the", "a", "an", "my", "our", "their", "his", "her"}:
        return "the "
    first, last = core[0], core[-1]
    if first.tag_ in {"PRP$", "DT", "NNP", "NNPS"} or first.text[:1].isupper():
        return ""
    if any(w.tag_ == "POS" or w.text.endswith("'s") for w in core):
        return ""
    return "the " if last.lower_ not in _MASS_NOUNS and last.tag_ == "NN" else ""


def _means_and_outcome(
    doc: Doc, head: Token, first: int, known: frozenset[str], surface: Callable[[Token], str]
) -> tuple[tuple[Piece, ...], tuple[Piece, ...]]:
    """Split "Reduced rework by 15% by reporting errors" into means and outcome clauses."""
    if lemma_of(head, known) not in OUTCOME_VERBS:
        return (), ()
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "by":
            continue
        means_verbs = [c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
        if not means_verbs or lemma_of(means_verbs[0], known) in WEAK_VERBS:
            continue
        means_head = means_verbs[0]
        if means_head.right_edge.i != len(doc) - 1 or prep.i <= head.i:
            continue  # the means clause must close the bullet to be lifted out cleanly
        means_lemmas = {t.i: lemma_of(t, known) for t in _verbs(means_head, known)}
        means = tuple(
            Piece(surface(t), t.whitespace_, means_lemmas.get(t.i))
            for t in doc[means_head.i : means_head.right_edge.i + 1]
        )
        outcome = tuple(
            Piece(surface(t), t.whitespace_, lemma_of(t, known) if t.i == head.i else None)
            for t in doc[first : prep.i]
        )
        return means, outcome
    return (), ()


def inflect_verb(lemma: str, form: Form) -> str:
    """A verb in the form a clause needs."""
    if form == "past":
        return past(lemma)
    return gerund(lemma) if form == "ing" else lemma


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
            text = inflect_verb(piece.lemma, form)
        elif index == 0 and text[:1].isupper() and not text[1:2].isupper():
            text = text[:1].lower() + text[1:]
        out.append(text + piece.space)
    return TRAIL_JUNK.sub("", "".join(out).strip())
