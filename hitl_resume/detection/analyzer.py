"""The detection engine: one tokenised Doc per text, every detector reading the same hits.

``Analyzer`` only orchestrates; its lexicon and spaCy pipeline are passed in (defaults when
missing) so tests can inject a blank pipeline or a custom lexicon.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hitl_resume.detection.findings import (
    build_finding,
    header_hits,
    hits_within,
    split_hits,
)
from hitl_resume.detection.matching import Match, match_resume
from hitl_resume.detection.occupation_titles import OccupationIndex
from hitl_resume.detection.phrase_index import Hit, PhraseIndex
from hitl_resume.detection.posting_analysis import (
    PostingAnalysis,
    assess_posting_roles,
    find_hitl_phrases,
    find_keywords,
    posting_title,
)
from hitl_resume.detection.recency import job_factors
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.detection.resume_occupations import read_occupations
from hitl_resume.detection.scoring import JobTitle, assess_roles
from hitl_resume.detection.units import (
    entry_headers,
    entry_title,
    evidence_units,
    headline_spans,
)
from hitl_resume.keywords.extractor import KeywordExtractor
from hitl_resume.keywords.loader import load_resources
from hitl_resume.language.lexicon_loader import Lexicon
from hitl_resume.models import Resume

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ResumeDetection:
    """Detection output for one resume, plus the hits later steps (matching) reuse."""

    roles: tuple[RoleAssessment, ...]
    findings: tuple[Finding, ...]
    hits: tuple[Hit, ...]


@dataclass(frozen=True, slots=True)
class _Tokens:
    lower: list[str]
    starts: list[int]


class Analyzer:
    """Detect HITL findings and role scores in resumes, read postings, and match the two."""

    def __init__(self, lexicon: Lexicon | None = None, nlp: Language | None = None) -> None:
        if nlp is None:
            from hitl_resume.language.nlp import load_model

            nlp = load_model()
        if lexicon is None:
            from hitl_resume.defaults import default_lexicon

            lexicon = default_lexicon()
        self.lexicon = lexicon
        self.nlp = nlp
        self.index = PhraseIndex(nlp, self.lexicon)
        self.occupations = OccupationIndex.from_lexicon(self.lexicon)
        self.negations = {
            phrase for cue in self.lexicon.cues if cue.kind == "negation" for phrase in cue.phrases
        }
        self.term_roles = {t.id: t.role for t in self.lexicon.role_terms}
        self.keywords = KeywordExtractor(load_resources(Path(self.lexicon.source_dir)))

    def _doc(self, text: str) -> tuple[Doc, list[Hit], _Tokens]:
        doc = self.nlp.make_doc(text)
        hits = self.index.hits(doc)
        return doc, hits, _Tokens([t.lower_ for t in doc], [t.idx for t in doc])

    def detect(self, resume: Resume) -> ResumeDetection:
        """Find evidence lines and score all seven roles for a parsed resume."""
        doc, hits, tokens = self._doc(resume.text)
        headers = entry_headers(resume)
        by_entry = header_hits(headers, hits)
        occupations = read_occupations(resume, headers, self.occupations)
        counter = itertools.count(1)
        findings: list[Finding] = []
        domain_hits: list[Hit] = []
        factors = job_factors(resume.experience)
        hit_factors: dict[int, float] = {}
        for index, entry_hits in by_entry.items():
            hit_factors.update((h.start, factors.get(index, 1.0)) for h in entry_hits)
        for unit in evidence_units(resume):
            inside = hits_within(hits, unit.start, unit.end)
            domain_hits.extend(h for h in inside if h.entry.category == "role_term")
            if unit.entry_index is not None:
                factor = factors.get(unit.entry_index, 1.0)
                hit_factors.update((h.start, factor) for h in inside)
            unit_token = _first_token(tokens.starts, unit.start)
            found = split_hits(inside, tokens.lower, unit_token, self.negations)
            header = by_entry.get(unit.entry_index, []) if unit.entry_index is not None else []
            title = (
                entry_title(resume.experience[unit.entry_index])
                if unit.entry_index is not None
                else None
            )
            occupation = (
                occupations.by_entry.get(unit.entry_index) if unit.entry_index is not None else None
            )
            finding = build_finding(f"F{next(counter):03d}", unit, found, header, title, occupation)
            if finding is not None:
                findings.append(finding)
        title_hits = [h for entry_hits in by_entry.values() for h in entry_hits]
        headline_hits = [
            h
            for start, end in headline_spans(resume)
            for h in hits_within(hits, start, end)
            if h.entry.category == "role_term"
        ]
        jobs = [
            JobTitle(
                _title_roles(by_entry.get(h.entry_index, [])),
                occupations.by_entry.get(h.entry_index),
                tuple(
                    hit
                    for hit in by_entry.get(h.entry_index, [])
                    if hit.entry.kind == "title" and hit.entry.role
                ),
                factors.get(h.entry_index, 1.0),
            )
            for h in headers
        ] + [JobTitle(frozenset(), o) for o in occupations.orphans]
        roles = assess_roles(
            self.lexicon.roles,
            findings,
            domain_hits + title_hits + headline_hits,
            headline_hits,
            jobs,
            occupations.headline,
            factors,
            hit_factors,
        )
        del doc
        return ResumeDetection(roles, tuple(findings), tuple(hits))

    def read_posting(self, text: str) -> PostingAnalysis:
        """Analyse cleaned posting text (input rules: ``hitl_resume.api.analyze_posting``)."""
        _, hits, tokens = self._doc(text)
        phrases = find_hitl_phrases(text, hits, tokens.lower, tokens.starts, self.negations)
        title = posting_title(text)
        occupation = self.occupations.find_title(title) if title else None
        roles = assess_posting_roles(self.lexicon.roles, text, hits, phrases, occupation)
        return PostingAnalysis(
            text=text,
            roles=roles,
            hitl_phrases=tuple(phrases),
            keywords=tuple(find_keywords(text, hits, self.keywords)),
            title=title,
        )

    def match(
        self, resume: Resume, detection: ResumeDetection, postings: Sequence[PostingAnalysis]
    ) -> tuple[Match, ...]:
        """Match one analysed resume against each posting (the same keyword reader on both)."""
        resume_keywords = self.keywords.extract(resume.text) if postings else []
        return tuple(
            match_resume(
                index,
                posting,
                resume.text,
                resume_keywords,
                detection.findings,
                detection.roles,
                {k: v for k, v in self.term_roles.items() if v},
            )
            for index, posting in enumerate(postings)
        )


def _title_roles(hits: Sequence[Hit]) -> frozenset[str]:
    """Roles named by lexicon title terms in a job's header."""
    return frozenset(h.entry.role for h in hits if h.entry.kind == "title" and h.entry.role)


def _first_token(starts: list[int], char: int) -> int:
    import bisect

    return bisect.bisect_left(starts, char)


def summary_counts(detection: ResumeDetection) -> dict[str, Any]:
    """Small numbers for progress lines and batch summaries."""
    return {
        "findings": len(detection.findings),
        "explicit_ai": sum(1 for f in detection.findings if f.explicit_ai),
    }
