"""Whether a clause fits a template's shape: a real verb-led clause, a specific object, no glue.

These checks keep a template from framing a label ("Balance sheet review"), a glued run-on or a
helper's bullet ("Assisted with ...") as work the person owned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hitl_resume.coaching.results import Tense
from hitl_resume.coaching.segments import WEAK_VERBS
from hitl_resume.coaching.slots import Slots
from hitl_resume.detection.results import Finding
from hitl_resume.language.coaching_lexicon import RewriteTemplate

MIN_CLAUSE_WORDS = 4
MAX_CLAUSE_WORDS = 28
#: Things a person reviews in any role; an object outside these (and outside the finding's own
#: artifact and domain terms) is too vague to frame as human review ("customer preferences").
REVIEWABLE_NOUNS = frozenset(
    """
    account accrual adjustment answer appeal applicant application approval assessment audit
    authorization batch benefit bill billing booking candidate case chart charge check claim
    classification code complaint content contract correspondence decision deduction deposit
    description diagnosis discrepancy dispute document documentation draft edit eligibility
    email entry error escalation estimate exception expense file filing finding flag form forecast
    gap incident inquiry inventory invoice item journal ledger letter listing log manifest note
    notice offer order payable payment payroll permit policy post posting proposal quote
    reconciliation record referral refund register reimbursement report request requisition
    response resume return review route schedule screening shipment slate statement submission
    summary tax ticket timesheet transaction transcript transfer upload variance voucher
    verification warrant workflow budget cash drawer fund loan receivable premium rate pricing
    timecard hire onboarding background accommodation grievance leave data information
    paperwork employment detail diagnoses analyses procedure protocol plan
    """.split()  # noqa: SIM905 - a word list reads best as prose
)
_LEAD_CLAUSE_DENY = frozenset(
    {
        "receive",
        "develop",
        "gain",
        "learn",
        "attend",
        "earn",
        "introduce",
        "house",
        "complete",
        "support",
        "contribute",
        "center",
        "practice",
        "experience",
        "project",
        "invoice",
    }
)
#: Line openings that look like a verb and its object but name a field ("Balance sheet review").
_NOUN_OPENINGS = re.compile(
    r"^(?:balance sheets?|project management|process improvement|cash management|case management|"
    r"change management|account management|quality (?:assurance|control)|stock report|"
    r"document control|record keeping|data entry)\b",
    re.IGNORECASE,
)
_CLEAN_DENY = frozenset(
    {
        "receive",
        "attend",
        "center",
        "practice",
        "experience",
        "project",
        "invoice",
        "support",
        "account",
        "contract",
        "requisition",
        "fix",
    }
)
_SMALL_WORDS = frozenset(
    {"of", "for", "the", "a", "an", "to", "in", "on", "at", "with", "by", "and"}
)
#: Verbs that cannot lead "Served as the human check for X, <verb>ing them": no ownership.
_LEAD_OBJECT_DENY = frozenset({"support", "contribute", "experience", "establish", "create"})
MIN_CLEAN_WORDS = 5
#: Characters after a lead word that show it heads a label, not a clause ("Audit/Reports").
_NOT_A_CLAUSE = frozenset({",", "/", "(", "-", ":", "&", ")"})
#: "Conducted audits of X": the audits are the work, not the object a person checked.
_LIGHT_VERBS = frozenset(
    {"conduct", "perform", "complete", "lead", "head", "run", "execute", "carry"}
)


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


def specific_object(candidate: Candidate) -> bool:
    """The object names something reviewable: a known artifact or the finding's own terms."""
    obj = candidate.slots.object
    if not obj or not obj[:1].isalnum():
        return False
    lower = obj.lower()
    terms = [*candidate.slots.artifact, *candidate.slots.domain]
    if any(t.lower() in lower or lower in t.lower() for t in terms):
        return True
    # The head nouns decide: "check signer" names a signer, not a check.
    heads = candidate.slots.object_heads or tuple(re.findall(r"[a-z]+", lower))
    for word in heads:
        stems = {word}
        if word.endswith("s"):
            stems |= {word[:-1], word[:-2] if word.endswith("es") else word}
        if word.endswith("ies"):
            stems.add(word[:-3] + "y")
        if stems & REVIEWABLE_NOUNS:
            return True
    return False


def verb_led(slots: Slots) -> bool:
    """The clause opens with a real verb and its argument, not a label ("Audit/Reports")."""
    pieces = [p for p in slots.pieces if p.text.strip()]
    if len(pieces) < 2 or not slots.head_args or not pieces[0].text.isalpha():
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
    if second.lower().endswith("ing") and not pieces[0].text.lower().endswith("ed"):
        return False  # "Invoice posting and verification": a label
    # A run of capitalised words is a heading ("Billing And Realisation From Debtors").
    if len(pieces) > 2 and all(p.text.istitle() for p in pieces[1:3]):
        return False
    if second.lower() == "of":
        return False  # "Amendment of Invoice process": a nominal label
    # "Invoice posting": the -ing word heads the object; "Reviewed billing statements" is fine.
    return not (second.lower().endswith("ing") and second.lower() in slots.object_heads)


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
    if any(p.text[:1].isupper() and p.text.endswith("ing") for p in pieces[1:]):
        return True  # "..., Preparing reports, Maintaining accounts": a glued list
    for before, piece, after in zip(pieces[1:], pieces[2:], pieces[3:], strict=False):
        if re.search(r"[a-z][A-Z][a-z]", piece.text):
            return True  # "sourceActively"
        lower_before = before.text.islower() and before.text not in _SMALL_WORDS
        acronym_before = before.text.isupper() and len(before.text) > 1  # "title IV Teamwork"
        if (
            piece.text.istitle()
            and before.text.isalpha()
            and (lower_before or acronym_before)
            and ((after.text.isalpha() and after.text.islower()) or after.text == "-")
        ):
            return True
    return False


def is_helper(opening: str | None) -> bool:
    """The bullet opened with "Helped"/"Assisted": the person supported, did not own, the work."""
    first = opening.split(maxsplit=1)[0].lower() if opening and opening.split() else ""
    return first.startswith(("help", "assist"))


def shape_fits(template: RewriteTemplate, candidate: Candidate) -> bool:
    """Whether the clause can carry the template's shape without a grammar slip or overclaim."""
    slots = candidate.slots
    words = sum(1 for p in slots.pieces if any(ch.isalnum() for ch in p.text))
    if is_helper(slots.weak_opening) != (template.shape == "assisted"):
        return False
    if template.shape != "means_first" and (slots.slip or slots.object_vague):
        return False  # the rewrite would copy a slip or frame "details" / "duties"
    if template.shape in {"clean", "lead_clause", "assisted"} and slots.object_runs_on:
        return False  # "Audit policies, general management, TEAM building": a misread list
    if template.shape == "assisted":
        return (
            MIN_CLEAN_WORDS - 1 <= words <= MAX_CLAUSE_WORDS
            and verb_led(slots)
            and not glued(slots)
        )
    if template.shape == "lead_object":
        denied = _LEAD_OBJECT_DENY | _LIGHT_VERBS | WEAK_VERBS
        return (
            specific_object(candidate)
            and slots.verb not in denied
            and slots.object_of_head
            and words <= MAX_CLAUSE_WORDS
            and not glued(slots)
        )
    if template.shape == "lead_clause":
        denied = _LEAD_CLAUSE_DENY | WEAK_VERBS
        # A decision framing needs a work item decided on ("journal entries"), not a title
        # ("Authorized check signer") or a program that was reworked.
        decided = (
            template.framing != "review_approve_escalate"
            or not slots.object
            or specific_object(candidate)
        )
        return (
            MIN_CLAUSE_WORDS <= words <= MAX_CLAUSE_WORDS
            and decided
            and not _noun_list(slots)
            and slots.verb not in denied
            and verb_led(slots)
            and not glued(slots)
        )
    if template.shape == "clean":
        denied = _CLEAN_DENY | WEAK_VERBS
        return (
            candidate.messy
            and not glued(slots)
            and MIN_CLEAN_WORDS <= words <= MAX_CLAUSE_WORDS
            and slots.verb not in denied
            and verb_led(slots)
        )
    return True
