"""Whether a clause fits a template's shape: a real verb-led clause, a specific object, no glue.

These checks keep a template from framing a label ("Balance sheet review"), a glued run-on or a
helper's bullet ("Assisted with ...") as work the person owned.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.coaching.compound_verbs import compound_prefix
from hitl_resume.coaching.results import Tense
from hitl_resume.coaching.segments import DETERMINERS, WEAK_VERBS
from hitl_resume.coaching.slots import Piece, Slots
from hitl_resume.detection.results import Finding
from hitl_resume.language.inflect import known_verb, verb_lemmas

MIN_CLAUSE_WORDS = 4
MIN_SPLIT_CLAUSE_WORDS = 3
MAX_CLAUSE_WORDS = 30
#: Line openings that look like a verb and its object but name a field ("Balance sheet review").
_NOUN_OPENINGS = re.compile(
    r"^(?:balance sheets?|project management|process improvement|cash management|case management|"
    r"change management|account management|quality (?:assurance|control)|stock report|"
    r"document control|record keeping|data entry)\b",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset(
    {"of", "for", "the", "a", "an", "to", "in", "on", "at", "with", "by", "and"}
)
#: Characters after a lead word that show it heads a label, not a clause ("Audit/Reports").
_NOT_A_CLAUSE = frozenset({",", "/", "(", "-", ":", "&", ")"})
#: Text extraction damage: mojibake, replacement characters, words glued to digits or case.
_GARBLED = re.compile(
    r"[ÃÂ€�]|\b[A-Z][a-z]+/[A-Z][a-z]+\b|(?<![A-Za-z])[a-z]{3,}[A-Z][a-z]{2,}"
    r"|\b(\w+) \1\b|\d[a-z]{3}"
)
#: "reconciling timecards, employee development, performance reviews, and maintaining X" (a list
#: of objects that ends in an action) or "Reconciled X ... as well as documenting Y" (two verb
#: forms): a line a framing would only make longer, not right.
_MIXED_LIST = re.compile(
    r"^[^,]+,[^,]+,.*,\s+and\s+\w+ing\b|^\w+ed\b.*\bas well as \w+ing\b"
    r"|^\w+ing\b[^,]*,\s+\w+ed\b",  # "auditing carrier invoices, recovered $30K"
    re.IGNORECASE,
)
#: "policy coverages' and issued": a plural possessive with nothing to possess.
_STRAY_APOSTROPHE = re.compile(r"\w+s'(?=\s+(?:and|or|to|for|in|on|with)\b|\s*[,;.]|\s*$)")
#: "for myself and other team members": a reflexive with no verb of the person's to reflect;
#: "either hourly employees and or management staff": a joiner no fix can settle.
#: "for myself", and the first person a rewrite would copy ("up to my $15K authority", "wrote up
#: my reasoning"): resume lines are written without it. "which resulted to optimal audit
#: readiness": "resulted in", a slip a framing would keep.
_KEPT_SLIP = re.compile(
    r"\b(?:(?:for|to|with|and|by) myself|my|me|our|and or|result(?:ed|s|ing)? to"
    r"|(?:do|does|did|is|was|are|were|could|should|would)nt)\b",  # "documentation dont support"
    re.IGNORECASE,
)
#: "Reviewed variances and explained variances": one object said twice.
_REPEATED_OBJECT = re.compile(r"^\w+ (\w{4,}(?: \w+)?)(?:,| and| or)(?: and)? \w+ \1\b", re.I)
_DENIED_HEADS = frozenset({"support", "contribute", "experience", "center", "practice", "project"})
_OPEN_ENDING = frozenset(
    {"and", "or", "of", "for", "the", "a", "an", "to", "in", "on", "with", "by", "from", "as"}
)

#: Particles that close a phrasal verb after a pronoun object ("before keying it in", "signing
#: them off"): the sentence is whole, not cut off.
_PARTICLES = frozenset({"in", "on", "off", "up", "out", "over", "back", "through"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding ready for rewriting: its slots and the tense of its job.

    ``messy`` marks a clause that a clean-up improves on its own: cut from a run-on, freed of a
    weak, duty-line or first-person opening, or led by an -ing or wrongly tensed verb.
    """

    finding: Finding
    slots: Slots
    tense: Tense
    messy: bool = False
    #: Signals the lexicon gives the clause's own head verb ("Review X" -> review), even when
    #: the detector credited the finding's signal to another word of the bullet.
    head_signals: tuple[str, ...] = ()
    #: The last year of the job (None when the resume gives none): bounds what automation
    #: could have been in the workflow.
    year: int | None = None
    #: The clause's verbs make or handle the object too ("Drafted and reviewed X"): checking
    #: one's own work is no oversight to frame.
    own_work: bool = False
    #: The own work is only the person's books, in the opening verbs ("Reconciled vendor
    #: statements"): a chain that hands what they found to someone else still frames it.
    bookkept: bool = False
    #: A slip of the clause no fix can settle ("customer's" for "customers'"), if any.
    kept_slip: str | None = None
    #: A manner adverb before the head verb ("Thoroughly"), kept in front of the clause.
    adverb: str | None = None
    #: The sentence of the bullet the clause came from, as written (what a rewrite replaces).
    sentence: str = ""
    #: A first clause of the sentence kept as written before the framed clause (may be empty).
    prefix: str = ""
    #: A result of the sentence kept as written after the framed clause, with its joint.
    suffix: str = ""
    #: A weak head verb works a queue of decisions ("Handled appeals ..."): not a weak line.
    queue: bool = False


#: Verbs that hand a thing on and need it named ("routed them to providers").
_HAND_ON = frozenset({"route", "forward", "send", "return", "submit", "transfer"})


def _handed_on_bare(slots: Slots) -> bool:
    """A later verb of the list hands something on with no object ("... and routed to providers
    for completion"): the original's missing "them", which a framing would keep."""
    pieces = [p for p in slots.pieces if p.text.strip()]
    return any(
        piece.lemma is not None
        and {piece.lemma, *verb_lemmas(piece.text.lower())} & _HAND_ON  # "routed": "rout"
        and after.text.lower() == "to"
        for piece, after in itertools.pairwise(pieces[1:])
    )


def verb_led(slots: Slots) -> bool:
    """The clause opens with a real verb and its argument, not a label ("Audit/Reports")."""
    pieces = [p for p in slots.pieces if p.text.strip()]
    if len(pieces) < 2 or not slots.head_args or not pieces[0].text.replace("-", "").isalpha():
        return False
    second = pieces[1].text
    # "Identify, evaluate ...", "evaluate, and resolve ...": a list of verbs, not a label.
    later = pieces[3] if len(pieces) > 3 and pieces[2].text.lower() in {"and", "or"} else None
    listed = second == "," and any(
        p is not None and p.lemma is not None
        for p in (pieces[2] if len(pieces) > 2 else None, later)
    )
    if (second in _NOT_A_CLAUSE and not listed) or _NOUN_OPENINGS.match(slots.segment):
        return False
    if not pieces[0].space and not listed:
        return False
    if second.lower().endswith("ing") and not (
        pieces[0].text.lower().endswith("ed")
        or (pieces[0].lemma is not None and pieces[0].text.lower().endswith("ing"))
    ):
        return False  # "Invoice posting and verification": a label ("Reviewing billing
        # statements" opens with its verb: the -ing word after it modifies the object)
    # A run of capitalised words is a heading ("Billing And Realisation From Debtors"); a name
    # inside a clause is not ("Reconcile American Express accounts for SDI").
    if len(pieces) > 2 and all(p.text.istitle() for p in pieces[1:3]) and _title_cased(pieces):
        return False
    if second.lower() == "of":
        return False  # "Amendment of Invoice process": a nominal label
    # "Invoice posting": the -ing word heads the object; "Reviewed billing statements" is fine.
    return not (second.lower().endswith("ing") and second.lower() in slots.object_heads)


def _title_cased(pieces: Sequence[Piece]) -> bool:
    """Most words are capitalised, as in a heading or a list of names."""
    words = [p.text for p in pieces if p.text.isalpha()]
    return sum(1 for w in words if w[:1].isupper()) >= 0.75 * len(words)


def _noun_list(slots: Slots) -> bool:
    """A short line of nouns after its first word ("Requisition reviews and approvals").

    A clause has a determiner or preposition somewhere, or runs past four words.
    """
    pieces = [p.text.lower() for p in slots.pieces if p.text.strip()]
    words = [p for p in pieces if p.isalpha()]
    linking = _SMALL_WORDS - {"and"}
    return len(words) <= MIN_CLAUSE_WORDS and not any(p in linking for p in pieces[1:])


def glued(slots: Slots) -> bool:
    """A second sentence glued on without punctuation ("... regulations Manage the database")."""
    pieces = [p for p in slots.pieces if p.text.strip()]
    for before, piece in itertools.pairwise(pieces):
        if (
            piece.text[:1].isupper()
            and piece.text.endswith("ing")
            and not before.text[:1].isupper()
        ):
            return True  # "..., Preparing reports, Maintaining accounts", not "Payroll Accounting"
    for earlier, before, piece, after in zip(
        pieces, pieces[1:], pieces[2:], pieces[3:], strict=False
    ):
        if re.match(r"[a-z]{2,}[A-Z][a-z]", piece.text):
            return True  # "sourceActively"; a name that opens in capitals is one ("InterQual")
        lower_before = before.text.islower() and before.text not in _SMALL_WORDS
        # "title IV Teamwork"; "the AP Supervisor" after a determiner names a role
        acronym_before = (
            before.text.isupper()
            and len(before.text) > 1
            and earlier.text.lower() not in DETERMINERS  # "the HR Manager": one name
        )
        if (
            piece.text.istitle()
            and before.text.isalpha()
            and (lower_before or acronym_before)
            and (
                (after.text.isalpha() and after.text.islower())
                or (after.text == "-" and len(piece.text) > 1)  # "E-Verify" is a name
            )
        ):
            return True
    return False


def is_helper(opening: str | None) -> bool:
    """The text (a bullet's opening or its clause) starts "Helped"/"Assisted": the person
    supported, did not own, the work."""
    first = opening.split(maxsplit=1)[0].lower() if opening and opening.split() else ""
    return first.startswith(("help", "assist"))


def clause_problem(candidate: Candidate) -> tuple[str, str] | None:
    """Why the clause cannot carry a rewrite: ("broken", reason) for a sentence with no main
    verb, garbled text or a grammar slip; ("unfit", reason) for one that is fine but no fit.
    """
    slots = candidate.slots
    text = slots.segment
    words = sum(1 for p in slots.pieces if any(ch.isalnum() for ch in p.text))
    if _GARBLED.search(text) or text.count("(") != text.count(")"):
        return "broken", "the text looks garbled (characters or words run together)"
    if (
        _STRAY_APOSTROPHE.search(text)
        or _KEPT_SLIP.search(f"{text} {candidate.suffix}")
        or _REPEATED_OBJECT.search(text)
        or (candidate.tense == "past" and slots.present_inside)
        or (candidate.tense == "past" and slots.head_tag == "VBG" and slots.present_when)
        or candidate.kept_slip
        or slots.there_for_their
    ):
        return "broken", "the sentence has a grammar slip a rewrite would copy"
    if candidate.tense == "present" and slots.head_tag in {"VBD", "VBN"} and slots.past_inside:
        # "Reviewed and denied claims that did not meet policy terms" in a current job: the
        # rewrite's "Review and deny" would keep "did not meet"
        return "unfit", "a clause inside keeps a past tense the current job's rewrite cannot"
    words_of = text.lower().split()
    first = words_of[0].strip(",;:.") if words_of else ""
    first = first[len(compound_prefix(first)) :]  # "double-checked": the verb is "checked"
    nominal = len(words_of) > 1 and words_of[1] == "of"  # "Review of tax documents"
    if not known_verb(first) or nominal or _NOUN_OPENINGS.match(text):
        return "broken", "the sentence does not open with its main verb"
    if candidate.messy:
        return "unfit", "the sentence continues another one (it opens with an -ing word)"
    if slots.verb is None or not verb_led(slots):
        return "unfit", "the parser did not read the first word as the main verb"
    if slots.slip or glued(slots) or _MIXED_LIST.search(text):
        return "broken", "the sentence runs two statements together or mixes verb forms"
    *_, before, last = ["", *text.lower().split()]
    if last in _OPEN_ENDING and not (before in {"it", "them"} and last in _PARTICLES):
        return "broken", "the sentence is cut off"
    if _handed_on_bare(slots):
        return "broken", "a verb of the list leaves out what it handed on"
    if is_helper(slots.weak_opening):
        return "unfit", "the bullet says the person helped; a framing would claim ownership"
    # a clause split off at a verb of the list is no line of nouns ("... and audited files")
    if slots.object_vague or slots.object_runs_on or (_noun_list(slots) and not candidate.prefix):
        return "unfit", "the object is too vague or its list runs past the parse"
    # a clause split off after a kept first clause is read with it: three words carry it
    shortest = MIN_SPLIT_CLAUSE_WORDS if candidate.prefix else MIN_CLAUSE_WORDS
    if (
        slots.verb in _DENIED_HEADS | WEAK_VERBS and not candidate.queue
    ) or not shortest <= words <= MAX_CLAUSE_WORDS:
        return "unfit", "the clause is too short, too long or led by a weak verb"
    return None
