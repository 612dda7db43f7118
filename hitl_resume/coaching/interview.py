"""SOAR interview prompts written from a finding's own employer, artifact and signal."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence

from hitl_resume.coaching.quantities import quantities
from hitl_resume.coaching.results import InterviewPrompt
from hitl_resume.coaching.rewrites import REVIEW_WORDS
from hitl_resume.coaching.titles import job_title, usable_title
from hitl_resume.detection.results import Finding
from hitl_resume.language.coaching_lexicon import SoarTemplate
from hitl_resume.language.inflect import known_verb, noun_lemma, plural_noun
from hitl_resume.language.structure_lexicon import Places
from hitl_resume.models import ExperienceEntry

MAX_PROMPTS = 5
MAX_PER_ROLE = 2
QUOTE_WORDS = 18
MIN_QUOTE_WORDS = 3
_DECISIONS = {
    "approve": "approve",
    "modify": "correct",
    "override": "override",
    "escalate": "escalate",
    "escalation_design": "escalate",
    "feedback": "report an error in",
    "bias_monitoring": "challenge",
    "train_reviewers": "correct a reviewer on",
}


def choose_findings(findings: Sequence[Finding]) -> list[Finding]:
    """The strongest findings, explicit first, at most two per role, in a stable order."""
    ranked = sorted(findings, key=lambda f: (not f.explicit_ai, -f.score, f.start))
    chosen: list[Finding] = []
    per_role: dict[str, int] = {}
    for finding in ranked:
        if len(finding.text.split()) < MIN_QUOTE_WORDS:
            continue  # "Review": a fragment the structure reader split off names no work
        if per_role.get(finding.role, 0) >= MAX_PER_ROLE:
            continue
        chosen.append(finding)
        per_role[finding.role] = per_role.get(finding.role, 0) + 1
        if len(chosen) == MAX_PROMPTS:
            break
    return chosen


def _pick(templates: Sequence[SoarTemplate], part: str, finding: Finding) -> SoarTemplate | None:
    fitting = [
        t
        for t in templates
        if t.part == part
        # "The PeopleSoft produced work that you checked" needs an AI or automation term in the
        # line; a system worked in ("HRIS", "SAP") is where the work happened, not its author.
        and (t.evidence == "any" or (t.evidence == "explicit") == finding.names_ai)
        and (not t.roles or finding.role in t.roles)
        and (not t.signals or any(s in t.signals for s in finding.signals))
    ]
    return max(fitting, key=lambda t: (t.priority, t.id), default=None)


def plural(phrase: str) -> str:
    """The phrase with its last word in the plural ("case" -> "cases", "claims" unchanged)."""
    words = phrase.split()
    if not words or words[-1].isupper() or not words[-1].isalpha():
        return phrase
    return " ".join([*words[:-1], plural_noun(words[-1])])


#: Objects that only point back at a noun ("referring them to the specialist team"): no prompt
#: asks where "the thems" came from.
_PRONOUNS = frozenset(
    {"them", "it", "they", "this", "that", "these", "those", "him", "her", "us", "one", "ones"}
)
#: What a check finds ("reported recurring errors"): "in the recurring errors" asks about the
#: finding, not the work it was found in.
_FOUND = frozenset({"error", "mistake", "discrepancy", "issue", "problem", "defect", "trend"})
#: Objects that name the check itself or its measure, not what was checked ("the quality
#: assurance audits", "risk for new business applications"): a prompt asking where they came
#: from asks about the wrong thing (a coach's read of public prompts).
_NO_ARTIFACT = REVIEW_WORDS | {"risk", "risks", "compliance", "accuracy"} | _FOUND

#: Contact details the structure reader may leave in a line; a prompt never repeats them.
_CONTACT = re.compile(r"\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}|\S+@\S+\.\w+|\(\s*\)")


def _quote(text: str) -> str:
    words = " ".join(_CONTACT.sub(" ", text).split()).split(" ")
    quoted = " ".join(words[:QUOTE_WORDS])
    quoted = quoted[:1].upper() + quoted[1:]  # "rate search results ..." after a dropped "I"
    return quoted.rstrip(".;,:") + ("…" if len(words) > QUOTE_WORDS else "")


def _decisions(finding: Finding) -> str:
    verbs = list(dict.fromkeys(_DECISIONS[s] for s in finding.signals if s in _DECISIONS))
    # "approve or report an error in each one": a phrase that needs its object comes last.
    verbs.sort(key=lambda verb: verb.endswith((" in", " on")))
    if not verbs:
        return "accept or flag"
    if len(verbs) == 1:
        return (
            "accept or " + verbs[0] if verbs[0] in {"correct", "override", "escalate"} else verbs[0]
        )
    return ", ".join(verbs[:-1]) + " or " + verbs[-1]


def _where(
    entry: ExperienceEntry | None, title_words: frozenset[str], places: Places | None
) -> str:
    """Where the story happened, with its preposition ("At Acme (Claims Examiner)")."""
    title = job_title(entry.title, title_words, places) if entry else None
    organization = usable_title(entry.organization, max_words=8) if entry else None
    if organization and title:
        return f"At {organization} ({title})"
    if organization or title:
        return f"At {organization}" if organization else f"As {title}"
    return "In this job"


def _signals_of(finding: Finding, clause: str | None) -> Finding:
    """The finding with only the signals its quoted clause says, when it says any: a bullet that
    ran two lines together ("Performed root cause analyses ... Provided call calibrations for
    Managers") gets no training prompt for the analyses it quotes."""
    if not clause or clause == finding.text:
        return finding
    lowered = clause.lower()
    said = tuple(
        dict.fromkeys(
            c.kind.removeprefix("signal:")
            for c in finding.contributions
            if c.kind.startswith("signal:") and c.text.lower() in lowered
        )
    )
    return dataclasses.replace(finding, signals=said) if said else finding


def build_prompt(
    finding: Finding,
    entry: ExperienceEntry | None,
    templates: Sequence[SoarTemplate],
    reviewed: str | None = None,
    notice: str | None = None,
    clause: str | None = None,
    *,
    title_words: frozenset[str],
    places: Places | None = None,
    work: str = "checked",
) -> InterviewPrompt | None:
    """Fill the four SOAR parts and the Result hint; None when a part has no template.

    ``reviewed`` is the object the bullet's own verb acts on; without one the prompt says
    "cases" rather than guess from a noun elsewhere in the line.
    """
    finding = _signals_of(finding, clause)
    numbers = quantities(clause or finding.text)
    framework = next((c.text for c in finding.contributions if c.kind == "framework"), None)
    ai = next(
        (
            c.text
            for c in finding.contributions
            if c.kind in {"ai_system", "reviewed_system"} and _names_a_thing(c.text)
        ),
        None,
    )
    values = {
        "where": _where(entry, title_words, places),
        "quote": _quote(clause or finding.text),
        "artifact": reviewed or "cases",
        "ai": ai or "automated system",
        "decisions": _decisions(finding),
        "numbers": ", ".join(numbers),
        "framework_hint": f" (for example {framework})" if framework else "",
    }
    parts: dict[str, str] = {}
    # Without the object the bullet's own verb acts on, a prompt neither calls the work "the
    # cases" nor assumes which decisions the person made ("get approval" is no approving); a
    # bullet about their own work asks how they made sure it was right.
    if work in {"own", "support"}:
        usable = [t for t in templates if t.work == work or t.part == "result_hint"]
        usable += [t for t in templates if t.part == "result" and "{numbers}" in t.text]
    elif reviewed:
        usable = [t for t in templates if t.work in {"any", "checked"}]
    else:
        usable = [
            t
            for t in templates
            if t.work in {"any", "checked"}
            and "{artifact}" not in t.text
            and "{decisions}" not in t.text
        ]
    for part in ("situation", "obstacle", "action"):
        template = _pick(usable, part, finding)
        if template is None:
            return None
        parts[part] = agree_with_artifact(_fill(template.text, values), values["artifact"])
    result = _pick(
        [t for t in usable if ("{numbers}" in t.text) == bool(numbers)], "result", finding
    )
    if result is None:
        return None
    hint = None if numbers else _pick(templates, "result_hint", finding)
    return InterviewPrompt(
        finding_id=finding.id,
        role=finding.role,
        situation=parts["situation"],
        obstacle=parts["obstacle"],
        action=parts["action"],
        result=_fill(result.text, values),
        result_hint=_fill(hint.text, values) if hint else None,
        notice=notice,
    )


def agree_with_artifact(text: str, artifact: str) -> str:
    """The prompt with its verbs agreeing with a mass-noun artifact ("the legal documentation"
    was, not were; how much of it, not how many): the artifact is already in the plural when
    its noun has one."""
    last = artifact.rsplit(maxsplit=1)[-1] if artifact.strip() else ""
    if not last.isalpha() or not last.islower() or last.endswith("s"):
        return text  # "claims", "EOB": countable
    return text.replace(f"{artifact} were ", f"{artifact} was ").replace(
        "how many did you handle", "how much of it did you handle"
    )


def _fill(text: str, values: dict[str, str]) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), ""), text)


def interview_prompts(
    findings: Sequence[Finding],
    entries: Sequence[ExperienceEntry],
    templates: Sequence[SoarTemplate],
    objects: Mapping[str, str] | None = None,
    notices: Mapping[str, str] | None = None,
    clauses: Mapping[str, str] | None = None,
    *,
    title_words: frozenset[str],
    places: Places | None = None,
    work_of: Mapping[str, str] | None = None,
) -> tuple[InterviewPrompt, ...]:
    """SOAR prompts for the strongest findings across roles, and for each finding whose line
    cannot carry a rewrite (``notices``: the reason, by finding id) in place of one.
    """
    notices = notices or {}
    chosen = choose_findings(findings)
    chosen += [
        f
        for f in findings
        if f.id in notices and f not in chosen and len(f.text.split()) >= MIN_QUOTE_WORDS
    ]
    prompts = []
    for finding in chosen:
        index = finding.entry_index
        entry = entries[index] if index is not None and 0 <= index < len(entries) else None
        reviewed = _object_phrase((objects or {}).get(finding.id))
        notice = notices.get(finding.id)
        text = (
            f"This line cannot carry a rewrite as written ({notice}). Answer these prompts "
            "and write the bullet again from your answers."
            if notice
            else None
        )
        clause = (clauses or {}).get(finding.id)
        if _is_pronoun((objects or {}).get(finding.id)):
            clause = None  # "Referring them to ...": the whole line says who "them" are
        prompt = build_prompt(
            finding,
            entry,
            templates,
            reviewed,
            text,
            clause,
            title_words=title_words,
            places=places,
            work=(work_of or {}).get(finding.id, "checked"),
        )
        if prompt is not None:
            prompts.append(prompt)
    return tuple(prompts)


def _object_phrase(obj: str | None) -> str | None:
    """The object as a plural noun phrase without its article ("the journal entry" -> entries)."""
    if not obj:
        return None
    bare = re.sub(r"^(?:the|each|a|an|all)\s+", "", obj, flags=re.IGNORECASE)
    if _is_pronoun(bare):
        return None  # "referring them to ...": the thing itself is named elsewhere, not here
    if noun_lemma(bare.split()[-1]) in _NO_ARTIFACT:
        return None  # "performed quality assurance audit": the audit is the work, not its object
    return plural(bare) if bare and bare[:1].isalpha() else None


def _names_a_thing(text: str) -> bool:
    """The phrase names a system ("the routing software", "NLP"), not what it did to the work
    ("auto-rejected", "alerts generated"): only a name reads in "the {ai} produced work"."""
    last = text.rsplit(maxsplit=1)[-1].lower() if text.strip() else ""
    return not (last.endswith("ed") and known_verb(last.rsplit("-", 1)[-1]))


def _is_pronoun(obj: str | None) -> bool:
    return obj is not None and obj.strip().lower() in _PRONOUNS
