"""Read a bullet's own facts (its verbs, their object and its frequency) for rewriting.

Only bullets being rewritten are parsed; each is prefixed with "I " because the small English
model tags a headless bullet's first verb as an adjective ("Examined claims" -> amod), while
"I examined claims" parses as subject, verb and object.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from hitl_resume.coaching.agreement import coordination_slip, noun_prep_end, object_runs_on
from hitl_resume.coaching.segments import (
    ADJECTIVE_PARTICIPLES,
    CONTENTLESS_OBJECTS,
    DROP_LEADING,
    FREQUENCY_RE,
    LIST_JOINERS,
    MAX_OBJECT_WORDS,
    TRAIL_JUNK,
    VAGUE_OBJECTS,
)
from hitl_resume.coaching.verbs import coordinated_verbs, lemma_of
from hitl_resume.language.inflect import gerund, past

if TYPE_CHECKING:
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
    frequency: str | None = None
    pieces: tuple[Piece, ...] = ()
    verb_words: tuple[str, ...] = ()
    weak_opening: str | None = None
    employer: str | None = None
    domain: tuple[str, ...] = field(default=())
    artifact: tuple[str, ...] = field(default=())
    ai: str | None = None
    head_tag: str = ""
    head_args: bool = False
    #: The clause's object says nothing ("duties", "details"): no rewrite is built on it.
    object_vague: bool = False
    #: A conjunct keeps another form than the verb it joins ("Trained staff and assist them").
    slip: bool = False
    #: The object's list runs past the parse ("Audit policies, general management, TEAM ..."):
    #: a list of names the parser misread, not a clause to re-tense.
    object_runs_on: bool = False
    #: Lowercased nouns of the clause (a signal noun must be a noun, not another's verb).
    nouns: frozenset[str] = frozenset()
    #: Lemmas of the object's head nouns ("claims and invoices" -> claim, invoice).
    object_heads: tuple[str, ...] = ()
    #: A present-tense verb of a clause inside this one ("a card that ranges from ...",
    #: "determine if they are ..."): it stays present when the framing is put in the past.
    present_inside: bool = False
    #: A present-tense verb of a time clause ("reassigning jobs when drivers run late"): an -ing
    #: line has no tense of its own, so a past rewrite of it would put the mismatch there.
    present_when: bool = False
    #: "there" where "their" was meant ("in there cover email", "there own reports").
    there_for_their: bool = False
    #: A past-tense verb of a relative clause ("claims that did not meet policy terms"): it stays
    #: past when a line written in the past is put in the present for a current job.
    past_inside: bool = False


def _object_span(head: Token, known: frozenset[str]) -> tuple[int, int, int] | None:
    """Token range [start, end] of the head verb's direct object (with coordinated nouns).

    None when the object is vague, or when a pronoun could not stand for it: its list runs on
    past the parse, or a noun-only phrase ("about the referral") would be left dangling.
    """
    obj = _first_object(head, known)
    if obj is None:
        return None
    if any(c.dep_ in {"relcl", "acl", "appos"} and c.i > obj.i for c in obj.children):
        return None  # "a company that owned ...": a pronoun cannot stand in for it
    end = obj.i
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > obj.i:
            end = max(end, child.right_edge.i)  # "appearance of the staff" stays whole
    verbs = {t.i for t in coordinated_verbs(head, known)}
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
    prep_end = noun_prep_end(obj, end)
    if prep_end is None:
        return None
    end = prep_end
    after = obj.doc[end + 1] if end + 1 < len(obj.doc) else None
    if after is not None and after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} and after.i not in verbs:
        return None  # "accounts receivable general ledger": the phrase runs past the parse
    if object_runs_on(obj.doc, end, verbs):
        return None
    return obj.left_edge.i, end, obj.i


def _runs_on(obj: Token, verbs: dict[int, str]) -> bool:
    """Whether the object's coordinated list goes on past what the parser joined to it."""
    end = obj.i
    queue = [obj]
    while queue:
        for child in queue.pop().children:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
                end = max(end, child.i)
                queue.append(child)
    return object_runs_on(obj.doc, end, verbs)


def _object_heads(obj: Token) -> tuple[str, ...]:
    """The object's head noun and the nouns coordinated with it, as lemmas."""
    heads = [obj]
    queue = [obj]
    while queue:
        for child in queue.pop().children:
            if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
                heads.append(child)
                queue.append(child)
    # "AR aging": a gerund object keeps its own form (its lemma would be the verb "age").
    return tuple(dict.fromkeys(t.lower_ if t.tag_ == "VBG" else t.lemma_.lower() for t in heads))


def _first_object(head: Token, known: frozenset[str]) -> Token | None:
    """The head's direct object, else the first one of a coordinated verb.

    "approved, denied or pended claims": the shared object hangs on the last verb.
    """
    for verb in coordinated_verbs(head, known):
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            return objects[0]
    return None


def _reaches_head(doc: Doc, head: Token, obj: Token, verbs: dict[int, str]) -> bool:
    """The object belongs to the head: only its coordinated verbs stand between them."""
    if obj.head.i == head.i:
        return True
    between = doc[head.i + 1 : obj.head.i]
    return obj.head.i in verbs and all(
        t.i in verbs or t.is_punct or t.lower_ in {"and", "or"} for t in between
    )


def doc_vague(obj: Token) -> bool:
    """A vague object ("duties", "issues", "a company") makes no specific rewrite."""
    return obj.lemma_.lower() in VAGUE_OBJECTS or obj.lower_ in VAGUE_OBJECTS


def extract_slots(
    doc: Doc, segment: str, prefix_len: int, known: frozenset[str] = frozenset()
) -> Slots:
    """Read the verbs, their object and its frequency from a parsed segment."""
    tokens = [t for t in doc if t.idx >= prefix_len]

    def surface(token: Token) -> str:
        start = token.idx - prefix_len
        return segment[start : start + len(token.text)]

    frequency_match = FREQUENCY_RE.search(segment)
    frequency = frequency_match.group(0) if frequency_match else None
    if not tokens or not tokens[0].tag_.startswith("VB") or tokens[0].pos_ not in {"VERB", "AUX"}:
        return Slots(segment=segment, frequency=frequency)
    if ADJECTIVE_PARTICIPLES.match(segment):
        return Slots(segment=segment, frequency=frequency)  # "Fixed Asset ..."

    head = tokens[0]
    if known and lemma_of(head, known) not in known:
        return Slots(segment=segment, frequency=frequency)
    verbs = {t.i: lemma_of(t, known) for t in coordinated_verbs(head, known)}
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
        if _words(core) > MAX_OBJECT_WORDS:
            core = []  # a long list: naming its first item would drop the rest behind "them"
        if core and _words(core) <= MAX_OBJECT_WORDS:
            object_text = "".join(surface(w) + w.whitespace_ for w in core).strip()
            head_noun = doc[obj_index]
            plural = (
                head_noun.tag_ in {"NNS", "NNPS"}
                or (head_noun.tag_ == "VBZ" and head_noun.lower_.endswith("s"))  # "accounts"
                or len(_object_heads(head_noun)) > 1  # "claims and invoices"; not "X of Ys"
            )
            if not plural:
                object_text = _article(core, words[:lead]) + object_text
    lemmas = dict(verbs)
    pieces = tuple(
        Piece(surface(t), t.whitespace_, lemmas.get(t.i), t.i in in_object) for t in tokens
    )
    obj = _first_object(head, known)
    return Slots(
        segment=segment,
        verb=verbs[head.i],
        verb_words=tuple(doc[i].lower_ for i in sorted(verbs)),
        object_of_head=span is not None and _reaches_head(doc, head, doc[span[2]], verbs),
        object=object_text,
        object_count=count if object_text else None,
        object_plural=plural,
        frequency=frequency,
        pieces=pieces,
        head_tag=head.tag_,
        # "Develop and manage the process": the argument may hang on a coordinated verb.
        head_args=any(c.dep_ in _ARGUMENTS for i in verbs for c in doc[i].children),
        object_vague=obj is not None and obj.lemma_.lower() in CONTENTLESS_OBJECTS,
        object_runs_on=obj is not None and _runs_on(obj, verbs),
        slip=coordination_slip(doc, first, set(lemmas)),
        nouns=frozenset(t.lower_ for t in tokens if t.pos_ in {"NOUN", "PROPN"}),
        # Named even when no pronoun could stand for the object ("work of external firms",
        # "schedules prepared by the group"): what the clause acts on decides its framing.
        object_heads=_object_heads(doc[span[2]] if span is not None else obj) if obj else (),
        present_inside=any(_present_inside(t, verbs) for t in tokens if t.i not in verbs),
        past_inside=any(_past_relative(t) for t in tokens if t.i not in verbs),
        present_when=any(_present_when(t) for t in tokens if t.i not in verbs),
        there_for_their=any(_there_for_their(t) for t in tokens),
    )


#: Words after "there" that the tagger may read as adjectives though they say when or how.
_THERE_ADVERBS = frozenset({"daily", "weekly", "monthly", "full-time", "part-time", "alone"})


def _there_for_their(token: Token) -> bool:
    """ "there" before a noun or "own": the person meant "their", a slip no rewrite may keep."""
    if token.lower_ != "there" or token.i + 1 >= len(token.doc):
        return False
    after = token.doc[token.i + 1]
    return after.tag_ in {"NN", "NNS", "JJ"} and after.lower_ not in _THERE_ADVERBS


def _present_inside(token: Token, verbs: Collection[int]) -> bool:
    """A present-tense verb of a relative, complement or "if"/"whether" clause ("to ensure
    proper accounting is in place")."""
    if token.tag_ not in {"VBZ", "VBP"}:
        return False
    marked = any(c.dep_ == "mark" and c.lower_ in {"if", "whether"} for c in token.children)
    # A complement of a verb inside the clause ("ensure", "confirm"), with its own subject;
    # one hung on the clause's own verb is a noun misread ("audited American Express accounts",
    # "in the case notes").
    complement = (
        token.dep_ == "ccomp"
        and token.head.i not in verbs
        and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
    )
    return token.dep_ == "relcl" or complement or marked


_TIME_WORDS = frozenset({"when", "whenever", "unless", "until", "once"})


def _present_when(token: Token) -> bool:
    """A present-tense verb of a time or condition clause ("when drivers run late")."""
    return token.tag_ in {"VBZ", "VBP"} and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_WORDS for c in token.children
    )


def _past_relative(token: Token) -> bool:
    """A relative clause in the past ("that did not meet", "which were sent back")."""
    return token.dep_ == "relcl" and (
        token.tag_ == "VBD"
        or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in token.children)
    )


_ARGUMENTS = frozenset({"dobj", "prep", "xcomp", "ccomp", "dative", "prt", "advcl"})
_MASS_NOUNS = frozenset(
    {
        "inventory",
        "payroll",
        "data",
        "information",
        "documentation",
        "paperwork",
        "cash",
        "employment",
        "income",
        "revenue",
        "eligibility",
        "coverage",
        "equipment",
        "stock",
        "correspondence",
        "content",
        "feedback",
        "compliance",
        "billing",
        "personnel",
        "mail",
        "progress",
    }
)


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if any(ch.isalnum() for ch in t.text))


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


#: A preposition a verb of an opening list keeps before the next verb ("Listened to and scored").
_SHARED_PARTICLES = frozenset({"to", "into", "for", "on", "up", "with"})


def leading_lemmas(pieces: Sequence[Piece]) -> list[str]:
    """The verbs that open the clause as one list ("Reviewed, coded and approved")."""
    words = [p for p in pieces if p.text.strip()]
    lemmas: list[str] = []
    for index, piece in enumerate(words):
        lowered = piece.text.lower()
        if lowered in LIST_JOINERS:
            continue
        after = words[index + 1].text.lower() if index + 1 < len(words) else ""
        if (
            lemmas
            and piece.lemma is None
            and lowered in _SHARED_PARTICLES
            and after in {"and", "or"}
        ):
            continue  # "Responded to and resolved", "Listened to and scored": one list
        joined = words[index - 1].text.lower() in LIST_JOINERS if index else True
        if piece.lemma is None or not joined:
            break
        lemmas.append(piece.lemma)
    return lemmas


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
