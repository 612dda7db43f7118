"""Read a bullet's own facts (verb, object, volume, frequency, outcome, numbers) for rewriting.

Only bullets being rewritten are parsed; each is prefixed with "I " because the small English
model tags a headless bullet's first verb as an adjective ("Examined claims" -> amod), while
"I examined claims" parses as subject, verb and object.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hitl_resume.coaching.templates import WeakOpening
from hitl_resume.coaching.tense import IRREGULAR_BASE, gerund, past

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

Form = Literal["past", "present", "ing"]

_SEGMENT_RE = re.compile(
    r"(?<=[.;!?•|])\s+|(?<=[a-z,)])\s+(?=[A-Z][a-z]+ed\b|Responsible for\b|Duties\b)"
    r"|\s+[*]\s*(?=[A-Z])"
)
#: Noun-phrase duty lines: "Teller activities include cashing checks" -> "cashing checks".
_DUTY_LINE = re.compile(
    r"^(?:[\w/&'-]+\s+){0,3}?(?:activities|duties|responsibilities|tasks|role|work)\s+"
    r"(?:include[sd]?|involve[sd]?|consist(?:s|ed)? of|(?:was|is|were|are))\s*:?\s+(?=[a-z])",
    re.IGNORECASE,
)
#: First-person prose: "Upon receipt, I then would verify ..." -> "verify ...".
_FIRST_PERSON = re.compile(
    r"^(?:[^.;]{0,60}?,\s*)?I\s+(?:then\s+|also\s+|would\s+|then\s+would\s+|have\s+to\s+"
    r"|had\s+to\s+|was\s+able\s+to\s+|would\s+then\s+)*(?=[a-z]{3,})"
)
_NOT_ONLY = re.compile(r"^not only\s+|\s+but also\s+(?=[a-z])")
#: Participles that open a noun phrase in ledgers and audits ("fixed assets", "agreed upon").
_ADJECTIVE_PARTICIPLES = re.compile(
    r"^(?:fixed\s+(?:asset|assets|cost|costs|income|rate|rates)|agreed[\s-]+upon|"
    r"accrued\s+\w+|certified\s+[A-Z])\b",
    re.IGNORECASE,
)
_LEAD_JUNK = re.compile(r"^[\s\-–—•*·▪●◦o>:,;.]+(?=\S)")
_TRAIL_JUNK = re.compile(r"[\s.;,:\-–—]+$")
_USED_TO = re.compile(r"^.{1,80}?\bto\s+(?=[a-z])", re.IGNORECASE)
_FREQUENCY_RE = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|annually|yearly|nightly|hourly|"
    r"(?:per|a|an|each|every) (?:day|week|month|quarter|year|shift|hour))\b",
    re.IGNORECASE,
)
NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
    ]
)
_NUMBER_RE = re.compile(
    r"(?<![\w-])[$€£]?\d[\d,.]*(?:\s?(?:\+|%|k\b|m\b|million\b|billion\b))?|\b(?:"
    + "|".join(sorted(NUMBER_WORDS))
    + r")\b",
    re.IGNORECASE,
)
_DROP_LEADING = frozenset(
    {
        "the",
        "a",
        "an",
        "all",
        "each",
        "every",
        "any",
        "my",
        "our",
        "their",
        "his",
        "her",
        "various",
        "multiple",
        "numerous",
        "several",
        "many",
        "over",
        "approximately",
        "about",
        "around",
        "up",
        "to",
        "more",
        "than",
        "+",
        "nearly",
        "roughly",
        "some",
        "other",
    }
)
WEAK_VERBS = frozenset(
    {"use", "utilize", "help", "assist", "work", "handle", "participate", "involve", "do"}
)
OUTCOME_VERBS = frozenset(
    {
        "reduce",
        "decrease",
        "cut",
        "lower",
        "improve",
        "increase",
        "raise",
        "boost",
        "save",
        "eliminate",
        "shorten",
        "minimize",
        "maximize",
        "achieve",
        "prevent",
        "recover",
        "accelerate",
        "streamline",
    }
)
MAX_OBJECT_WORDS = 8
VAGUE_OBJECTS = frozenset(
    {
        "duty",
        "duties",
        "issue",
        "issues",
        "task",
        "tasks",
        "activity",
        "activities",
        "function",
        "functions",
        "responsibility",
        "responsibilities",
        "thing",
        "things",
        "company",
        "business",
        "team",
        "staff",
        "network",
        "operation",
        "operations",
        "work",
        "job",
        "role",
        "area",
        "areas",
        "day",
        "office",
        "department",
        "everything",
        "variety",
        "range",
        "number",
        "lot",
        "part",
        "support",
        "service",
        "services",
        "need",
        "needs",
        "accuracy",
        "performance",
        "appearance",
        "quality",
        "compliance",
        "improvement",
        "improvements",
        "efficiency",
        "knowledge",
        "understanding",
        "ability",
        "skills",
    }
)


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


def find_numbers(text: str) -> tuple[str, ...]:
    """Every number in a text (digits with %, +, $ or a scale word, and number words)."""
    return tuple(dict.fromkeys(m.group(0).strip() for m in _NUMBER_RE.finditer(text)))


def select_segment(text: str, anchor: str | None, known: frozenset[str] = frozenset()) -> str:
    """The sentence or run-on piece of a bullet that holds the finding's first signal.

    PDF extraction glues lines together ("... for 99 markets Maintain all files"), so a
    capitalised known verb after a lowercase word also starts a new piece.
    """
    pieces = [p for p in _SEGMENT_RE.split(text) if p.strip()]
    if known:
        pieces = [part for piece in pieces for part in _split_on_verbs(piece, known)]
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
    if anchor and known:
        chosen = start_at_signal_verb(chosen, anchor, known)
    chosen = _LEAD_JUNK.sub("", chosen.strip())
    return _TRAIL_JUNK.sub("", chosen)


def start_at_signal_verb(
    piece: str, anchor: str, known: frozenset[str], *, strict: bool = True
) -> str:
    """Start at the signal verb when it opens a later coordinate ("ordered X, verified Y").

    ``strict`` accepts only past forms ("verified"); otherwise base forms count too.
    """
    position = piece.lower().find(anchor.lower())
    if position <= 0:
        return piece
    word = anchor.split(maxsplit=1)[0].lower()
    stems = {word, word[:-1], word[:-2], word[:-3] + "y"}
    looks_verb = (word.endswith("ed") or not strict) and bool(stems & known)
    before = piece[:position].rstrip()
    if _ADJECTIVE_PARTICIPLES.match(piece[position:]):
        return piece
    if looks_verb and (before.endswith((",", ";")) or before.lower().endswith(" and")):
        return piece[position:]
    return piece


def weak_opening_of(text: str, weak: Sequence[WeakOpening]) -> tuple[str, WeakOpening] | None:
    """The longest weak phrase the text opens with, and its entry."""
    lower = text.lower()
    best: tuple[str, WeakOpening] | None = None
    for entry in weak:
        for phrase in entry.phrases:
            whole = len(lower) == len(phrase) or not lower[len(phrase) : len(phrase) + 1].isalnum()
            if lower.startswith(phrase) and whole and (best is None or len(phrase) > len(best[0])):
                best = (phrase, entry)
    return best


_CAPITALISED_RE = re.compile(r"(?<=[a-z0-9,)])\s+(?=([A-Z][a-z]+)\b(?!\s+[A-Z]|[/&-]))")


_NO_SPLIT_AFTER = frozenset(
    {"the", "a", "an", "of", "for", "in", "on", "at", "to", "with", "and", "or", "by", "from"}
)


def _split_on_verbs(piece: str, known: frozenset[str]) -> list[str]:
    cuts = [0]
    for match in _CAPITALISED_RE.finditer(piece):
        head_words = piece[: match.start()].split()
        before = head_words[-1].lower() if head_words else ""
        if before.endswith("'s") or before in _NO_SPLIT_AFTER:
            continue
        if head_words and (head_words[-1][:1].isupper() or "(" in head_words[-1]):
            continue  # "American Express", "Child Support", "(Generally Accepted": a name
        word = match.group(1).lower()
        stems = {word, word[:-1], word[:-2], word[:-1] if word.endswith("es") else word}
        verb_like = word.endswith(("ed", "s")) or word in known
        if verb_like and stems & known:
            cuts.append(match.end())
    cuts.append(len(piece))
    return [piece[a:b].strip() for a, b in itertools.pairwise(cuts) if piece[a:b].strip()]


def strip_weak_opening(
    segment: str, weak: Sequence[WeakOpening]
) -> tuple[str, str | None, str | None] | None:
    """Remove a weak opening: (remainder, opening, replacement verb); None when nothing is left.

    Noun-phrase duty lines ("Teller activities include ...") and first-person prose ("I have to
    not only purchase X but also validate Y") lose their frame; an opening whose entry says
    ``always`` ("Review of tax documents") returns its replacement verb to lead the clause.
    """
    segment, framed = _unframe(segment)
    best = weak_opening_of(segment, weak)
    if best is None:
        return segment, framed, None
    phrase, entry = best
    remainder = segment[len(phrase) :].lstrip(" :,-–")
    if entry.mode == "always" and entry.replace_with:
        if len(remainder.split()) < 2 or not remainder[:1].isalnum():
            return None
        return f"{entry.replace_with} {remainder}", phrase, None
    if entry.id == "weak.used":
        match = _USED_TO.match(remainder)
        if match is None:
            return None
        remainder = remainder[match.end() :]
    if len(remainder.split()) < 2:
        return None
    return remainder, phrase, entry.replace_with


def _unframe(segment: str) -> tuple[str, str | None]:
    """Drop a duty-line or first-person frame; the frame's text when one was dropped."""
    for pattern in (_DUTY_LINE, _FIRST_PERSON):
        match = pattern.match(segment)
        if match and len(segment[match.end() :].split()) >= 2:
            segment = segment[match.end() :]
            segment = _NOT_ONLY.sub(lambda m: "" if m.start() == 0 else " and ", segment)
            return segment, match.group(0).strip()
    return segment, None


def parse_text(segment: str) -> str:
    """The text given to the parser: a subject makes the bullet's first verb a verb."""
    words = segment.split(maxsplit=1)
    first = words[0] if words else ""
    if first[:1].isupper() and not first[1:2].isupper():
        segment = first[:1].lower() + segment[1:]  # "I Approved" misparses; "I approved" does not
    # "40+" splits into "40" and a "+" tagged as a conjunction; "400" parses as one number and
    # keeps every offset, so the bullet's own text is read back from the same positions.
    segment = re.sub(r"(?<=\d)\+", "0", segment)
    return ("I was " if first.lower().endswith("ing") else "I ") + segment


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
    frequency_match = _FREQUENCY_RE.search(segment)
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
            words[lead].lower_ in _DROP_LEADING or words[lead].like_num or words[lead].tag_ == "CD"
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
    return _TRAIL_JUNK.sub("", "".join(out).strip())
