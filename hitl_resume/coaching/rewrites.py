"""Fill governance templates from a bullet's own slots and keep only grounded candidates."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hitl_resume.coaching.grounding import GroundingGuard
from hitl_resume.coaching.results import Rewrite, Tense
from hitl_resume.coaching.segments import WEAK_VERBS, weak_opening_of
from hitl_resume.coaching.shapes import Candidate, shape_fits
from hitl_resume.coaching.slots import Form, Slots, render
from hitl_resume.coaching.templates import RewriteTemplate, WeakOpening
from hitl_resume.language.inflect import finite
from hitl_resume.detection.results import Finding

MAX_WORDS = 40
_YOUR = re.compile(r"\byour\s+(?=(\w))")
_SLOT_RE = re.compile(r"\{([a-z_]+)(?::([a-z]+))?\}")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:.])")
_DOUBLE_COMMA = re.compile(r",\s*,")


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
    """ "reviewing 25 daily" keeps the count beside its frequency; else "them"/"it"."""
    if slots.object_count and slots.frequency:
        return slots.object_count
    return "them" if slots.object_plural else "it"


def _named_object(slots: Slots) -> str:
    """The object as the framing names it: with its count unless the count stays in the rest.

    "for twelve bank reconciliations, reviewing and approving them", not "approving twelve".
    """
    obj = slots.object or ""
    if slots.object_count and not slots.frequency:
        return f"{slots.object_count} {obj}"
    return obj


def _no_your(clause: str) -> str:
    """ "to your Wells Fargo partners" -> "to Wells Fargo partners" (a bullet is no letter)."""
    return _YOUR.sub(lambda m: "" if m.group(1)[:1].isupper() else "the ", clause)


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
        values["object"] = _named_object(slots)
        values["rest"] = render(slots.pieces, "ing", pronoun=_pronoun(slots))
    if template.shape == "lead_clause":
        values["clause_ing"] = _no_your(render(slots.pieces, "ing"))
    if template.shape == "clean":
        clause = render(slots.pieces, "past" if tense == "past" else "present")
        values["clause"] = _no_your(clause)
    if template.shape == "assisted":
        # The bullet said the person helped: keep that ("Supported ..."), never claim ownership.
        form: Form = "past" if tense == "past" else "present"
        if slots.verb == "support" and slots.bare_at is not None:
            # "Helped supervisors review X" -> "Supported supervisors in reviewing X".
            helped = render(slots.pieces[: slots.bare_at], form)
            values["clause"] = f"{helped} in {render(slots.pieces[slots.bare_at :], 'ing')}"
        elif slots.verb == "support":
            values["clause"] = render(slots.pieces, form)
        else:
            values["clause"] = finite("support", tense) + " " + render(slots.pieces, "ing")
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
    text = re.sub(r",(?=[A-Za-z])", ", ", text)
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


_LIGHT_VERB = (
    r"\b((?:conduct|perform|complet|lead|led|head|run|ran|execut|carr(?:y|ie))\w*)"
    r"\s+(?:\S+\s+){0,3}"
)


def clause_signals(candidate: Candidate, *, head_only: bool = False) -> tuple[str, ...]:
    """Signals carried by the clause's own verbs ("Approved ..." -> approve), not by its nouns.

    A light verb with a signal noun counts as the verb ("Conducted monthly audits" -> audit).
    ``head_only`` keeps the signals of the clause's first verb ("Stocked shelves and checked
    dates" carries no signal on "Stocked").
    """
    verb_words = candidate.slots.verb_words
    verbs = set(verb_words[:1] if head_only else verb_words)
    segment = candidate.slots.segment.lower()
    found = []
    for contribution in candidate.finding.contributions:
        if contribution.kind.startswith("signal:"):
            words = contribution.text.lower().split()
            light = re.search(_LIGHT_VERB + re.escape(contribution.text.lower()), segment)
            if (words and words[0] in verbs) or (light and light.group(1) in verbs):
                found.append(contribution.kind.removeprefix("signal:"))
    return tuple(dict.fromkeys(found))


CHECK_SIGNALS = frozenset({"quality_monitoring"})


def noun_signals(candidate: Candidate) -> tuple[str, ...]:
    """Checking signals named by nouns in the clause ("processed claims for accuracy").

    A signal noun inside the object names the thing, not a check on it ("developed quality
    control procedures").
    """
    segment = candidate.slots.segment.lower()
    obj = (candidate.slots.object or "").lower()
    found = []
    for contribution in candidate.finding.contributions:
        kind = contribution.kind.removeprefix("signal:")
        is_check = contribution.kind.startswith("signal:") and kind in CHECK_SIGNALS
        text = contribution.text.lower()
        if is_check and text in segment and text not in obj:
            found.append(kind)
    return tuple(dict.fromkeys(found))


def segment_signals(candidate: Candidate) -> tuple[str, ...]:
    """Signals whose words sit in the clause, carried by a verb or a noun ("for audits")."""
    segment = candidate.slots.segment.lower()
    found = [
        c.kind.removeprefix("signal:")
        for c in candidate.finding.contributions
        if c.kind.startswith("signal:") and c.text.lower() in segment
    ]
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
    if not signals:
        return False
    return not template.signals or any(s in template.signals for s in signals)


def ai_term(finding: Finding) -> str | None:
    """The bullet's own AI/automation term, as written."""
    for contribution in finding.contributions:
        if contribution.kind == "ai_system":
            return contribution.text
    return None


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
    own = candidate.head_signals
    verb_signals = tuple(dict.fromkeys(clause_signals(candidate) + own))
    head_signals = tuple(dict.fromkeys(clause_signals(candidate, head_only=True) + own))
    checks = tuple(dict.fromkeys(verb_signals + noun_signals(candidate)))
    in_clause = segment_signals(candidate)
    for template in ordered:
        if (template.confirm is not None) != confirm_only:
            continue
        if template.shape == "lead_clause" and template.signal_by == "verb":
            # "Provided human oversight by <clause>ing": the clause's first verb must check.
            signals: tuple[str, ...] | None = head_signals
        else:
            signals = _signals_for(template, verb_signals, checks, in_clause)
        if signals is None:
            continue
        if not matches(template, finding, signals) or not _has_required(template, candidate):
            continue
        if not shape_fits(template, candidate):
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


def _signals_for(
    template: RewriteTemplate,
    verb_signals: tuple[str, ...],
    checks: tuple[str, ...],
    in_clause: tuple[str, ...],
) -> tuple[str, ...] | None:
    """The clause signals a template may rest on (None: the template does not apply)."""
    if template.signal_by == "verb":
        return verb_signals
    if template.signal_by == "noun":
        # "Prepared materials for audits": the noun carries it; "Conducted audits" is no fit.
        if template.signals and any(s in template.signals for s in verb_signals):
            return None
        return tuple(s for s in in_clause if s not in verb_signals)
    if template.shape in {"clean", "assisted"}:
        return tuple(dict.fromkeys(verb_signals + in_clause))
    if template.shape == "lead_clause":
        return in_clause  # "by training ...": the signal's words sit in the clause itself
    # Oversight framings may rest on a checking noun ("for accuracy"); decisions need a verb.
    noun_ok = template.framing == "oversight_layer" and template.confirm is None
    return checks if noun_ok else verb_signals


def _has_required(template: RewriteTemplate, candidate: Candidate) -> bool:
    """The clause holds a required word; for noun-carried framings, as a noun.

    "allowing folks to ... review their information" names no review the person supported.
    """
    if not template.requires:
        return True
    words = set(re.findall(r"[a-z]+", candidate.slots.segment.lower()))
    if template.signal_by == "noun":
        words &= candidate.slots.nouns
    text = " ".join(re.findall(r"[a-z]+", candidate.slots.segment.lower()))
    return any(w in words or (" " in w and w in text) for w in template.requires)


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))
