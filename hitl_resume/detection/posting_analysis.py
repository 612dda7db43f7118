"""Read a job posting: its role pattern, the HITL behaviour it asks for, and its keywords."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hitl_resume.detection import weights as w
from hitl_resume.detection.ai_review import ai_objects, review_triggers, reviewed_ai
from hitl_resume.detection.findings import hits_within, is_negated
from hitl_resume.detection.occupation_titles import OccupationMatch
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.results import Contribution, HitlPhrase, RoleAssessment, top_role
from hitl_resume.detection.sentences import sentence_spans
from hitl_resume.keywords.extractor import KeywordExtractor
from hitl_resume.keywords.results import Keyword
from hitl_resume.language.lexicon_loader import Role
from hitl_resume.models import SCHEMA_VERSION

TITLE_ZONE_LINES = 3


@dataclass(frozen=True, slots=True)
class PostingAnalysis:
    """Everything read off one posting; ``to_dict`` is the ``posting --format json`` document."""

    text: str
    roles: tuple[RoleAssessment, ...]
    hitl_phrases: tuple[HitlPhrase, ...]
    keywords: tuple[Keyword, ...]
    title: str | None

    def top_role(self) -> RoleAssessment | None:
        """The role the posting is most about: the highest score, when any evidence exists."""
        return top_role(self.roles, any_evidence=True)

    def to_dict(self) -> dict[str, Any]:
        top = self.top_role()
        return {
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "top_role": top.id if top else None,
            "roles": [r.to_dict() for r in self.roles],
            "hitl_phrases": [p.to_dict() for p in self.hitl_phrases],
            "keywords": [k.to_dict() for k in self.keywords],
            "text": self.text,
        }


def posting_title(text: str) -> str | None:
    """The first non-empty line, when it is short enough to be a title."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped if len(stripped.split()) <= 12 else None
    return None


def find_hitl_phrases(
    text: str,
    hits: Sequence[Hit],
    tokens_lower: Sequence[str],
    token_starts: Sequence[int],
    negations: set[str],
) -> list[HitlPhrase]:
    """Sentences asking for review/approval/escalation…; explicit when the object is AI output.

    A sentence counts when it has a HITL signal, or when a review request ("rate", "compare")
    governs AI output (``ai_review``). Sentences under how-to-apply/EEO headings describe the
    hiring process, not the job.
    """
    zones = section_zones(text, hits)
    phrases = []
    for start, end in sentence_spans(text):
        if in_boilerplate(zones, start):
            continue
        inside = hits_within(hits, start, end)
        first_token = _token_index(token_starts, start)
        signals = [
            h
            for h in inside
            if h.entry.category == "signal"
            and not is_negated(h, tokens_lower, first_token, negations)
        ]
        cues = [h for h in inside if h.entry.category == "cue"]
        builds_ai = any(h.entry.kind == "ai_build" for h in cues)
        explicit = []
        if not builds_ai:
            triggers = [
                t
                for t in review_triggers(signals, cues)
                if not is_negated(t, tokens_lower, first_token, negations)
            ]
            ai_hits = [h for h in inside if h.entry.category == "ai"]
            builders = [h for h in cues if h.entry.kind == "build_verb"]
            objects = ai_objects(ai_hits, cues, tokens_lower)
            explicit = reviewed_ai(triggers, objects, builders)
        if not signals and not explicit:
            continue
        phrases.append(
            HitlPhrase(
                text=text[start:end],
                start=start,
                end=end,
                explicit_ai=bool(explicit),
                signals=tuple(dict.fromkeys(h.entry.kind for h in signals)),
                ai_terms=tuple(dict.fromkeys(o.text for o in explicit)),
            )
        )
    return phrases


def _token_index(token_starts: Sequence[int], char: int) -> int:
    import bisect

    return max(0, bisect.bisect_left(token_starts, char))


def find_keywords(text: str, hits: Sequence[Hit], extractor: KeywordExtractor) -> list[Keyword]:
    """Keywords with required/preferred read from the section (or sentence) each appears in."""
    return extractor.extract(text, section_zones(text, hits))


SECTION_KINDS = (
    "required_section",
    "preferred_section",
    "duties_section",
    "boilerplate_section",
    "company_section",
)
#: Headings that must be the whole line to open a zone ("About us", not "about us and…").
WHOLE_LINE_KINDS = frozenset({"boilerplate_section", "company_section"})
SECTION_HEADING_MAX_WORDS = 8


def section_zones(text: str, hits: Sequence[Hit]) -> list[tuple[int, int, str]]:
    """Spans from each section heading to the next, labelled by the heading's cue kind.

    Requirement headings may carry extra words ("Minimum qualifications:"); a boilerplate
    heading must be the whole line ("NOTES:", "Where to apply"), since "Note: must hold a CDL"
    is a requirement, not the start of small print.
    """
    headings: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip() or len(line.split()) > SECTION_HEADING_MAX_WORDS:
            continue
        bare = line.strip().strip(":.-–—*#").strip().lower()
        for hit in hits_within(hits, start, end + 1):
            kind = hit.entry.kind
            if hit.entry.category != "cue" or kind not in SECTION_KINDS:
                continue
            if kind in WHOLE_LINE_KINDS and bare != hit.text.lower():
                continue
            headings.append((start, kind))
            break
    return [
        (start, headings[i + 1][0] if i + 1 < len(headings) else len(text), kind)
        for i, (start, kind) in enumerate(headings)
    ]


def in_boilerplate(zones: Sequence[tuple[int, int, str]], offset: int) -> bool:
    """True when ``offset`` lies under a how-to-apply/EEO/salary heading."""
    return any(s <= offset < e and k == "boilerplate_section" for s, e, k in zones)


def assess_posting_roles(
    roles: Sequence[Role],
    text: str,
    hits: Sequence[Hit],
    phrases: Sequence[HitlPhrase],
    occupation: OccupationMatch | None = None,
) -> tuple[RoleAssessment, ...]:
    """Score each role from the title zone, the duties' vocabulary and HITL phrases.

    Points (all in ``weights``): a role title in the title zone ``POSTING_TITLE_POINTS``; else
    an O*NET occupation of the role named by the title line ``POSTING_OCCUPATION_POINTS``; role
    terms ``POSTING_TERM_POINTS`` × weight (doubled in the title zone, a quarter in "Company
    overview" paragraphs, which describe the company, not the job); HITL phrases that name a role
    term ``POSTING_PHRASE_POINTS`` each. Boilerplate (how to apply, EEO) counts nothing.
    """
    zones = section_zones(text, hits)
    # The title zone ends at the first section heading ("Company overview", "Duties").
    title_zone_end = min([_title_zone_end(text), *(s for s, _, _ in zones if s > 0)])
    small_print = _small_print_spans(hits)
    job_hits = [
        h
        for h in hits
        if not in_boilerplate(zones, h.start)
        and not any(s < h.end and h.start < e for s, e in small_print)
    ]
    results = []
    for role in roles:
        contributions: list[Contribution] = []
        seen: set[str] = set()
        title_points = term_points = 0.0
        for hit in job_hits:
            entry = hit.entry
            if entry.category != "role_term" or entry.role != role.id or entry.id in seen:
                continue
            seen.add(entry.id)
            in_title = hit.start < title_zone_end
            if entry.kind == "title" and in_title:
                points = min(w.POSTING_TITLE_POINTS, w.POSTING_MAX_TITLE_POINTS - title_points)
                title_points += points
                kind = "posting title"
            else:
                factor = w.POSTING_TITLE_ZONE_TERM_FACTOR if in_title else 1.0
                if _zone_at(zones, hit.start) == "company_section":
                    factor = w.POSTING_BLURB_FACTOR
                points = min(
                    w.POSTING_TERM_POINTS * entry.weight * factor,
                    w.POSTING_MAX_TERM_POINTS - term_points,
                )
                term_points += points
                kind = f"posting {'title ' if in_title else ''}{entry.kind}"
            if points > 0:
                contributions.append(Contribution(entry.id, kind, hit.text, points))
        if occupation is not None and occupation.role == role.id and title_points == 0:
            contributions.append(
                Contribution(
                    occupation.rule_id,
                    "posting occupation",
                    f"{occupation.text} (O*NET {occupation.code} {occupation.occupation})",
                    w.POSTING_OCCUPATION_POINTS,
                )
            )
        phrase_points = 0.0
        for phrase in phrases:
            in_role = any(
                h.entry.category == "role_term" and h.entry.role == role.id
                for h in hits_within(hits, phrase.start, phrase.end)
            )
            if in_role and phrase_points < w.POSTING_MAX_PHRASE_POINTS:
                points = min(w.POSTING_PHRASE_POINTS, w.POSTING_MAX_PHRASE_POINTS - phrase_points)
                phrase_points += points
                contributions.append(
                    Contribution("hitl_phrase", "hitl phrase", phrase.text[:80], points)
                )
        score = round(min(100.0, sum(c.points for c in contributions)))
        results.append(
            RoleAssessment(role.id, role.label, score, w.level_for(score), (), tuple(contributions))
        )
    return tuple(results)


def _small_print_spans(hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """Spans of hiring small print quoted in the job text ("equal employment opportunity").

    Outside a heading of its own, "…fulfills equal employment opportunity responsibilities" or
    "an equal opportunity employer" describes the employer's hiring duties, not an HR job, so
    the words are not role evidence; the rest of the sentence still is.
    """
    return [
        (h.start, h.end)
        for h in hits
        if h.entry.category == "cue" and h.entry.kind == "boilerplate_section" and " " in h.text
    ]


def _zone_at(zones: Sequence[tuple[int, int, str]], offset: int) -> str | None:
    return next((k for s, e, k in zones if s <= offset < e), None)


def _title_zone_end(text: str) -> int:
    """Character offset after the first few non-empty lines (where a posting names the job)."""
    count = 0
    offset = 0
    for line in text.split("\n"):
        offset += len(line) + 1
        if line.strip():
            count += 1
            if count >= TITLE_ZONE_LINES:
                break
    return offset
