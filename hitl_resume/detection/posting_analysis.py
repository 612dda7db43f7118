"""Read a job posting: its role pattern, the HITL behaviour it asks for, and its keywords."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from hitl_resume.detection import weights as w
from hitl_resume.detection.findings import hits_within, is_negated
from hitl_resume.detection.phrase_index import Hit
from hitl_resume.detection.results import Contribution, HitlPhrase, RoleAssessment
from hitl_resume.detection.sentences import sentence_spans
from hitl_resume.keywords.extractor import KeywordExtractor
from hitl_resume.keywords.results import Keyword
from hitl_resume.language.lexicon_loader import Role
from hitl_resume.models import SCHEMA_VERSION

#: Posting role score: title terms near the top weigh most, then the role's vocabulary.
POSTING_TITLE_POINTS = 45
POSTING_MAX_TITLE_POINTS = 60
POSTING_TERM_POINTS = 5.0
POSTING_MAX_TERM_POINTS = 40
POSTING_PHRASE_POINTS = 4.0
POSTING_MAX_PHRASE_POINTS = 20.0
TITLE_ZONE_LINES = 3
#: A role's domain word in the job title ("Payroll Manager") counts double.
TITLE_ZONE_TERM_FACTOR = 2.0
#: An AI term counts as the object of a review verb when it follows it this closely.
AI_OBJECT_WINDOW = 10
AI_OUTPUT_WINDOW = 4
#: "evaluate the AI", "review chatbot replies": the AI term is the verb's direct object.
DIRECT_OBJECT_GAP = 2
#: "design, train, and evaluate AI models": a build verb this close before the review verb.
BUILD_VERB_WINDOW = 5


@dataclass(frozen=True, slots=True)
class PostingAnalysis:
    """Everything read off one posting; ``to_dict`` is the ``posting --format json`` document."""

    text: str
    roles: tuple[RoleAssessment, ...]
    hitl_phrases: tuple[HitlPhrase, ...]
    keywords: tuple[Keyword, ...]
    title: str | None

    def top_role(self) -> RoleAssessment | None:
        """The role the posting is most about: the highest score, when any evidence exists.

        Unlike a resume, a posting always describes some job, so any evidence counts here.
        """
        best = max(self.roles, key=lambda r: r.score, default=None)
        return best if best is not None and best.score > 0 else None

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

    Sentences under how-to-apply/EEO headings describe the hiring process, not the job.
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
        if not signals:
            continue
        cues = [h for h in inside if h.entry.category == "cue"]
        builds_ai = any(h.entry.kind == "ai_build" for h in cues)
        builders = [h for h in cues if h.entry.kind == "build_verb"]
        triggers = [
            h
            for h in [*signals, *(c for c in cues if c.entry.kind == "hitl_request")]
            if (h.entry.category == "cue" or h.entry.pos == "verb")
            and not any(0 <= h.token_start - b.token_end <= BUILD_VERB_WINDOW for b in builders)
        ]
        outputs = [h for h in cues if h.entry.kind == "ai_output"]
        ai_hits = [h for h in inside if h.entry.category == "ai"]
        explicit = (
            [] if builds_ai else [a for a in ai_hits if _reviews_ai_output(triggers, a, outputs)]
        )
        phrases.append(
            HitlPhrase(
                text=text[start:end],
                start=start,
                end=end,
                explicit_ai=bool(explicit),
                signals=tuple(dict.fromkeys(h.entry.kind for h in signals)),
                ai_terms=tuple(dict.fromkeys(h.text for h in explicit)),
            )
        )
    return phrases


def _reviews_ai_output(triggers: Sequence[Hit], ai: Hit, outputs: Sequence[Hit]) -> bool:
    """True when a review verb governs the AI term and the object is what the AI produced.

    "review AI-generated responses", "evaluate chatbot answers" and "evaluate the AI" qualify;
    "build machine learning models and review designs" does not (the AI term precedes the verb).
    """
    gaps = [ai.token_start - t.token_end for t in triggers if ai.token_start >= t.token_end]
    if not gaps or min(gaps) > AI_OBJECT_WINDOW:
        return False
    if min(gaps) <= DIRECT_OBJECT_GAP:
        return True
    return any(
        abs(o.token_start - ai.token_end) <= AI_OUTPUT_WINDOW
        or abs(ai.token_start - o.token_end) <= AI_OUTPUT_WINDOW
        for o in outputs
    )


def _token_index(token_starts: Sequence[int], char: int) -> int:
    import bisect

    return max(0, bisect.bisect_left(token_starts, char))


def find_keywords(text: str, hits: Sequence[Hit], extractor: KeywordExtractor) -> list[Keyword]:
    """Keywords with required/preferred read from the section (or sentence) each appears in."""
    return extractor.extract(text, section_zones(text, hits))


SECTION_KINDS = ("required_section", "preferred_section", "duties_section", "boilerplate_section")
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
            if kind == "boilerplate_section" and bare != hit.text.lower():
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
    roles: Sequence[Role], text: str, hits: Sequence[Hit], phrases: Sequence[HitlPhrase]
) -> tuple[RoleAssessment, ...]:
    """Score each role from title terms near the top, role vocabulary and HITL phrases."""
    title_zone_end = _title_zone_end(text)
    zones = section_zones(text, hits)
    job_hits = [h for h in hits if not in_boilerplate(zones, h.start)]
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
            if entry.kind == "title" and hit.start < title_zone_end:
                points = min(POSTING_TITLE_POINTS, POSTING_MAX_TITLE_POINTS - title_points)
                title_points += points
                kind = "posting title"
            else:
                in_title = hit.start < title_zone_end
                factor = TITLE_ZONE_TERM_FACTOR if in_title else 1.0
                points = min(
                    POSTING_TERM_POINTS * entry.weight * factor,
                    POSTING_MAX_TERM_POINTS - term_points,
                )
                term_points += points
                kind = f"posting {'title ' if in_title else ''}{entry.kind}"
            if points > 0:
                contributions.append(Contribution(entry.id, kind, hit.text, points))
        phrase_points = 0.0
        for phrase in phrases:
            in_role = any(
                h.entry.category == "role_term" and h.entry.role == role.id
                for h in hits_within(hits, phrase.start, phrase.end)
            )
            if in_role and phrase_points < POSTING_MAX_PHRASE_POINTS:
                points = min(POSTING_PHRASE_POINTS, POSTING_MAX_PHRASE_POINTS - phrase_points)
                phrase_points += points
                contributions.append(
                    Contribution("hitl_phrase", "hitl phrase", phrase.text[:80], points)
                )
        score = round(min(100.0, sum(c.points for c in contributions)))
        results.append(
            RoleAssessment(role.id, role.label, score, w.level_for(score), (), tuple(contributions))
        )
    return tuple(results)


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
