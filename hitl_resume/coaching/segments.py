"""Cut a bullet down to the clause worth rewriting: segments, weak openings, framings.

Plain-text work before any parsing: which clause holds the signal, what weak opening
("Responsible for", "Helped") to drop, and the text handed to the parser.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from hitl_resume.coaching.quantities import FREQUENCY_RE, NUMBER_WORDS, find_numbers
from hitl_resume.language.coaching_lexicon import WeakOpening
from hitl_resume.language.inflect import gerund, known_verb, third_person, verb_lemmas

__all__ = ["FREQUENCY_RE", "NUMBER_WORDS", "find_numbers"]

_SEGMENT_RE = re.compile(
    r"(?<=[.;!?•|])\s+|(?<=[a-z,)])\s+(?=[A-Z][a-z]+ed\b|Responsible for\b|Duties\b)"
    r"|(?<=\S)\s+[*]\s*(?=[A-Z])|(?<=[a-z])-\s+(?=[A-Z][a-z])"  # "approvals- Critically review"
    # "... from the name screening engine - most were false positives ...": a spaced dash before
    # a clause with its own subject and verb starts a second statement
    r"|(?<=\S)\s+[-–—]\s+(?=(?:[a-z]+\s+){0,3}(?:was|were|is|are|had|has|I)\b)"
)
_LEAD_CONJUNCTION = re.compile(r"^(?:and|or|but|also|then)\s+(?=[a-z]{3,})")
#: A leading manner adverb hides the verb from the parser ("Critically review X").
_LEAD_ADVERB = re.compile(r"^[A-Z][a-z]{3,}ly\s+(?=[a-z]{3,})")
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
ADJECTIVE_PARTICIPLES = re.compile(
    r"^(?:fixed\s+(?:asset|assets|cost|costs|income|rate|rates)|agreed[\s-]+upon|"
    r"accrued\s+\w+|certified\s+[A-Z])\b",
    re.IGNORECASE,
)
#: Glyphs and stray punctuation before a piece; an "o" only as a glyph of its own ("o Review
#: X"), never the first letter of "opened", "oversee" or "obtain".
_LEAD_JUNK = re.compile(r"^(?:[\s\-–—•*·▪●◦>:,;.]|o(?=\s))+(?=\S)")
#: Words that open a noun phrase ("the", "each", "their"): after "and X" they make X a verb
#: ("and document the reason"); at a line's start they leave no object to give "the".
DETERMINERS = frozenset(
    "the a an this these those all any each every their its his her our my your".split()  # noqa: SIM905
)
#: Words that join the items of a list ("reviewed, coded and paid", "claims/invoices").
LIST_JOINERS = frozenset({",", "and", "or", "&", "/"})
TRAIL_JUNK = re.compile(r"[\s.;,:\-–—]+$")
_USED_TO = re.compile(r"^.{1,80}?\bto\s+(?=[a-z])", re.IGNORECASE)
DROP_LEADING = frozenset(
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
#: Participles that usually modify the noun after them ("and attached receipts", "and supporting
#: documents"): never re-inflected as a verb of the clause, never read as a verb-form slip.
ADJECTIVAL_PARTICIPLES = frozenset(
    """attached supporting related associated accrued outstanding pending required detailed
    existing remaining corresponding underlying qualified licensed damaged expired broken
    spoiled mislabeled mislabelled misrouted misfiled""".split()  # noqa: SIM905
)
#: Base forms that, after "and" in a present-tense duty list, are the list's verb even when the
#: parser reads them as modifiers ("review call logs and correct errors", "and interview
#: workers"): their adjective or noun readings hardly ever stand before an object there.
LIST_VERBS = frozenset(
    {"correct", "interview", "notify", "escalate", "verify", "approve", "document"}
)
#: Base forms that are the list's verb before a plural object ("and dispute overcharges") but a
#: noun modifier before a singular one ("and dispute resolution").
PLURAL_OBJECT_VERBS = frozenset({"dispute", "audit", "flag"})
WEAK_VERBS = frozenset(
    {"use", "utilize", "help", "assist", "work", "handle", "participate", "involve", "do"}
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
        "detail",
        "details",
        "expectation",
        "expectations",
        "goal",
        "goals",
        "objective",
        "objectives",
        "aspect",
        "aspects",
        "matter",
        "matters",
        "understanding",
        "ability",
        "skills",
    }
)

#: Objects that say nothing on their own ("performed various tasks", "reviewed details"): no
#: rewrite of any shape is built on them. Other vague objects ("staff", "quality") still make a
#: fine clause ("by training staff on ..."), just not a thing a person checked.
CONTENTLESS_OBJECTS = frozenset(
    """
    duty duties task tasks activity activities function functions responsibility
    responsibilities thing things detail details expectation expectations aspect aspects
    matter matters variety range number lot part everything
    """.split()  # noqa: SIM905 - a word list reads best as prose
)


def select_segment(text: str, anchor: str | None, known: frozenset[str] = frozenset()) -> str:
    """The sentence or run-on piece of a bullet that holds the finding's first signal.

    PDF extraction glues lines together ("... for 99 markets Maintain all files"), so a
    capitalised known verb after a lowercase word also starts a new piece.
    """
    pieces = [p for p in _SEGMENT_RE.split(text) if p.strip()]
    if known:
        pieces = [part for piece in pieces for part in _split_on_verbs(piece, known)]
    pieces = [part for piece in pieces for part in _split_on_glue(piece)]
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
    chosen = _LEAD_CONJUNCTION.sub("", chosen)  # "... ; and provide referrals" -> "provide ..."
    return TRAIL_JUNK.sub("", chosen)


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


#: "... for approval Daily follow up on ...": a capitalised word between lowercase words.
_GLUE_RE = re.compile(r"(?<=[a-z]{3})\s+(?=[A-Z][a-z]+\s+[a-z]{2,})")
_MIN_GLUED_PIECE_WORDS = 4


def _split_on_glue(piece: str) -> list[str]:
    """Split where a second line was glued on without punctuation (PDF extraction)."""
    parts: list[str] = []
    start = 0
    for match in _GLUE_RE.finditer(piece):
        before = piece[start : match.start()]
        last = before.split()[-1] if before.split() else ""
        following = piece[match.end() :].split(maxsplit=2)
        if not last.islower() or last in _NO_SPLIT_AFTER or following[1] in _NO_SPLIT_AFTER:
            continue  # "at Executive Board meetings", "meet Department of Insurance": a name
        if len(before.split()) < _MIN_GLUED_PIECE_WORDS:
            continue
        parts.append(before.strip())
        start = match.end()
    parts.append(piece[start:].strip())
    return [part for part in parts if part]


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


def duty_frame(opening: str) -> bool:
    """The opening is a noun-phrase duty frame ("Key responsibilities included", "My role
    involved"): what follows is the duty, in whatever verb form the frame calls for."""
    return _DUTY_LINE.match(f"{opening} duty") is not None


def _unframe(segment: str) -> tuple[str, str | None]:
    """Drop a duty-line or first-person frame; the frame's text when one was dropped."""
    for pattern in (_DUTY_LINE, _FIRST_PERSON, _LEAD_ADVERB):
        match = pattern.match(segment)
        if match and len(segment[match.end() :].split()) >= 2:
            segment = segment[match.end() :]
            segment = _NOT_ONLY.sub(lambda m: "" if m.start() == 0 else " and ", segment)
            return segment, match.group(0).strip()
    return segment, None


_ESCALATED_MODIFIER = re.compile(r"^(\S+ )escalated(?= [a-z])")
#: "Reviewed and approved expense reports": the verb after "and" before a noun phrase.
_SECOND_PAST = re.compile(r"^(\S+(?:, \S+)*,? (?:and|&) )([a-z]+ed)(?= [a-z])")


def present_twin(parsed: str) -> str | None:
    """The parser's text with a second past verb put in the third person at the same length
    ("I reviewed and approves expense reports"), or None when it has no such twin.

    The small model reads "reviewed and approved expense reports" as an adjective before a noun
    ("approved expense reports") and loses the object; "approves" can only be a verb. Same
    length keeps every offset, and the lemma is the same verb's.
    """
    body = parsed.removeprefix("I ")
    match = _SECOND_PAST.match(body)
    if match is None or len(body) == len(parsed):
        return None
    word = match.group(2)
    twins = (third_person(lemma) for lemma in verb_lemmas(word))
    twin = next((t for t in twins if len(t) == len(word)), None)
    if twin is None:
        return None
    return f"I {body[: match.start(2)]}{twin}{body[match.end(2) :]}"


#: A later -ing word of a list ("..., verifying", "and escalating", "or routing").
_LATER_GERUND = re.compile(r"(?:,|\band|\bor|&) ([a-z]{4,}ing)\b")
GERUND_SUBJECT = "I was "


def gerund_twin(parsed: str) -> str | None:
    """The parser's text of an -ing bullet with its later -ing verbs in the third person ("I was
    handling complaints and escalates unresolved cases"), or None when it has none.

    The small model reads "and escalating unresolved cases" as an adjective before a noun and
    loses the verb; "escalates" can only be a verb. The twin has other offsets: its parse is
    laid over the bullet's own words token by token (``pipeline``).
    """
    words = parsed.split()
    if not parsed.startswith(GERUND_SUBJECT) or len(words) < 3 or not words[2].endswith("ing"):
        return None

    def third(match: re.Match[str]) -> str:
        word = match.group(1)
        lemmas = [lemma for lemma in verb_lemmas(word) if gerund(lemma) == word]
        if not lemmas or not known_verb(word):
            return match.group(0)
        # "routing": "route" before "rout"
        return match.group(0)[: match.start(1) - match.start(0)] + third_person(
            max(lemmas, key=len)
        )

    twin = parsed[: len(GERUND_SUBJECT)] + _LATER_GERUND.sub(third, parsed[len(GERUND_SUBJECT) :])
    return twin if twin != parsed else None


def parse_text(segment: str) -> str:
    """The text given to the parser: a subject makes the bullet's first verb a verb."""
    words = segment.split(maxsplit=1)
    first = words[0] if words else ""
    if first[:1].isupper() and not first[1:2].isupper():
        segment = first[:1].lower() + segment[1:]  # "I Approved" misparses; "I approved" does not
    # "40+" splits into "40" and a "+" tagged as a conjunction; "400" parses as one number and
    # keeps every offset, so the bullet's own text is read back from the same positions.
    segment = re.sub(r"(?<=\d)\+", "0", segment)
    # "Review escalated refund requests": the small model reads "escalated" after the head verb
    # as a second verb; an adjective of the same length keeps every offset and the parse right.
    segment = _ESCALATED_MODIFIER.sub(r"\1important", segment)
    return (GERUND_SUBJECT if first.lower().endswith("ing") else "I ") + segment
