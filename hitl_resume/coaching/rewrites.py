"""Fill governance templates from a bullet's own slots and keep only grounded candidates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hitl_resume.coaching.grounding import GroundingGuard
from hitl_resume.coaching.slots import WEAK_VERBS, Slots, render, weak_opening_of
from hitl_resume.coaching.templates import RewriteTemplate, WeakOpening
from hitl_resume.coaching.tense import finite
from hitl_resume.coaching_results import Rewrite, Tense
from hitl_resume.detection.results import Finding

MAX_WORDS = 40
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
    paperwork employment detail diagnoses analyses
    """.split()  # noqa: SIM905 - a word list reads best as prose
)
_LEAD_CLAUSE_DENY = frozenset(
    {"receive", "develop", "gain", "learn", "attend", "earn", "introduce", "house", "complete"}
)
_SLOT_RE = re.compile(r"\{([a-z_]+)(?::([a-z]+))?\}")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.])")
_DOUBLE_COMMA = re.compile(r",\s*,")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A finding ready for rewriting: its slots and the tense of its job."""

    finding: Finding
    slots: Slots
    tense: Tense


def word_count(text: str) -> int:
    """Words as a reader counts them (punctuation-only tokens do not count)."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def starts_weak(text: str, weak: Sequence[WeakOpening]) -> bool:
    """True when the text opens with a weak phrase or a weak verb ("Used", "Helped")."""
    if weak_opening_of(text, weak) is not None:
        return True
    lower = text.lower()
    first = lower.split(maxsplit=1)[0] if lower.split() else ""
    return first in WEAK_VERBS


def _pronoun(slots: Slots) -> str:
    if slots.object_count:
        return slots.object_count
    return "them" if slots.object_plural else "it"


def _fill(template: RewriteTemplate, slots: Slots, tense: Tense, ai: str | None) -> str | None:
    """The template with every slot filled from the bullet, or None when a slot is missing."""
    values: dict[str, str] = {}
    if template.shape == "means_first":
        if not slots.means or not slots.outcome:
            return None
        values["means"] = render(slots.means, tense)
        values["outcome"] = render(slots.outcome, "ing")
    elif not slots.verb or not slots.pieces:
        return None
    if template.shape == "lead_object":
        if not slots.object:
            return None
        values["object"] = slots.object
        values["rest"] = render(slots.pieces, "ing", pronoun=_pronoun(slots))
    if template.shape == "lead_clause":
        values["clause_ing"] = render(slots.pieces, "ing")
    if ai:
        values["ai"] = ai
    missing = False

    def substitute(match: re.Match[str]) -> str:
        nonlocal missing
        name, verb = match.group(1), match.group(2)
        if name == "v" and verb:
            return finite(verb, tense)
        if name not in values or not values[name].strip():
            missing = True
            return ""
        return values[name]

    text = _SLOT_RE.sub(substitute, template.text)
    if missing:
        return None
    return tidy(text)


def tidy(text: str) -> str:
    """Normalise spaces and punctuation and capitalise the first letter."""
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _DOUBLE_COMMA.sub(",", text).strip(" ,;:")
    return text[:1].upper() + text[1:]


def shorten(text: str, limit: int = MAX_WORDS) -> str | None:
    """Cut trailing comma/semicolon clauses until the text fits ``limit`` words (None if never)."""
    if word_count(text) <= limit:
        return text
    parts = re.split(r"(?<=[,;])\s+", text)
    while len(parts) > 1:
        parts.pop()
        candidate = " ".join(parts).rstrip(",;")
        candidate = re.sub(r"\s+(?:and|or)$", "", candidate)
        if word_count(candidate) <= limit and word_count(candidate) >= 6:
            return candidate
    return None


def clause_signals(candidate: Candidate) -> tuple[str, ...]:
    """Signals carried by the clause's own verbs ("Approved ..." -> approve), not by its nouns."""
    verbs = set(candidate.slots.verb_words)
    found = []
    for contribution in candidate.finding.contributions:
        if contribution.kind.startswith("signal:"):
            words = contribution.text.lower().split()
            if words and words[0] in verbs:
                found.append(contribution.kind.removeprefix("signal:"))
    return tuple(dict.fromkeys(found))


CHECK_SIGNALS = frozenset({"quality_monitoring"})


def noun_signals(candidate: Candidate) -> tuple[str, ...]:
    """Checking signals named by nouns in the clause ("processed claims for accuracy")."""
    segment = candidate.slots.segment.lower()
    found = []
    for contribution in candidate.finding.contributions:
        kind = contribution.kind.removeprefix("signal:")
        is_check = contribution.kind.startswith("signal:") and kind in CHECK_SIGNALS
        if is_check and contribution.text.lower() in segment:
            found.append(kind)
    return tuple(dict.fromkeys(found))


def matches(template: RewriteTemplate, finding: Finding, signals: Sequence[str]) -> bool:
    """Whether a template fits a finding's evidence and role and the clause's signals."""
    if template.evidence == "explicit" and not finding.explicit_ai:
        return False
    if template.evidence == "transferable" and finding.explicit_ai:
        return False
    if template.roles and finding.role not in template.roles:
        return False
    if template.shape == "means_first":
        return True
    if template.shape == "lead_clause":
        signals = finding.signals  # "by training ...": the framing rests on the whole bullet
    if not signals:
        return False
    return not template.signals or any(s in template.signals for s in signals)


def ai_term(finding: Finding) -> str | None:
    """The bullet's own AI/automation term, as written."""
    for contribution in finding.contributions:
        if contribution.kind == "ai_system":
            return contribution.text
    return None


def specific_object(candidate: Candidate) -> bool:
    """The object names something reviewable: a known artifact or the finding's own terms."""
    obj = candidate.slots.object
    if not obj or not obj[:1].isalnum():
        return False
    lower = obj.lower()
    terms = [*candidate.slots.artifact, *candidate.slots.domain]
    if any(t.lower() in lower or lower in t.lower() for t in terms):
        return True
    for word in re.findall(r"[a-z]+", lower):
        if {word, word[:-1], word[:-2], word[:-3] + "y"} & REVIEWABLE_NOUNS:
            return True
    return False


def _shape_fits(template: RewriteTemplate, candidate: Candidate) -> bool:
    slots = candidate.slots
    if template.shape == "lead_object":
        return specific_object(candidate)
    if template.shape == "lead_clause":
        words = sum(1 for p in slots.pieces if any(ch.isalnum() for ch in p.text))
        denied = _LEAD_CLAUSE_DENY | WEAK_VERBS
        return MIN_CLAUSE_WORDS <= words <= MAX_CLAUSE_WORDS and slots.verb not in denied
    return True


def _confirmations(template: RewriteTemplate, slots: Slots) -> tuple[str, ...]:
    if template.confirm is None:
        return ()
    return (tidy(template.confirm.replace("{object}", slots.object or "items")),)


def best_rewrite(
    candidate: Candidate,
    templates: Sequence[RewriteTemplate],
    guard: GroundingGuard,
    weak: Sequence[WeakOpening],
    *,
    rewrite_id: str,
    confirm_only: bool = False,
) -> Rewrite | None:
    """The highest-priority template that fills, fits 40 words and passes the guard."""
    finding = candidate.finding
    ordered = sorted(templates, key=lambda t: (-t.priority, t.id))
    verb_signals = clause_signals(candidate)
    checks = tuple(dict.fromkeys(verb_signals + noun_signals(candidate)))
    for template in ordered:
        if (template.confirm is not None) != confirm_only:
            continue
        # Oversight framings may rest on a checking noun ("for accuracy"); decisions need a verb.
        noun_ok = template.framing == "oversight_layer" and template.confirm is None
        signals = checks if noun_ok else verb_signals
        if not matches(template, finding, signals) or not _has_required(template, candidate):
            continue
        if not _shape_fits(template, candidate):
            continue
        text = _fill(template, candidate.slots, candidate.tense, ai_term(finding))
        text = shorten(text) if text else None
        if text is None or starts_weak(text, weak):
            continue
        if _normal(text) == _normal(finding.text):
            continue
        confirm = _confirmations(template, candidate.slots)
        if not guard.allows(finding.text, text, confirm):
            continue  # the guard is final: an ungrounded candidate is dropped, never kept
        return Rewrite(
            id=rewrite_id,
            finding_id=finding.id,
            role=finding.role,
            original=finding.text,
            proposed=text,
            template=template.id,
            framing=template.framing,
            needs_confirmation=confirm,
            tense=candidate.tense,
            start=finding.start,
            end=finding.end,
        )
    return None


def _has_required(template: RewriteTemplate, candidate: Candidate) -> bool:
    if not template.requires:
        return True
    words = set(re.findall(r"[a-z]+", candidate.slots.segment.lower()))
    text = " ".join(re.findall(r"[a-z]+", candidate.slots.segment.lower()))
    return any(w in words or (" " in w and w in text) for w in template.requires)


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
