"""Turn an ``Extraction`` (lines with layout hints) into a structured ``Resume``.

Offsets index ``Resume.text`` (the cleaned lines joined with ``\\n``). For every element,
``normalize_space(resume.text[start:end]) == element.text`` (see ``text.py``); headings, skills
and one-line bullets match exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hitl_resume.ingest.extraction import Extraction
from hitl_resume.models import (
    EducationEntry,
    ExperienceEntry,
    Resume,
    Section,
    Skill,
    SourceInfo,
)
from hitl_resume.structure.contact import find_contact
from hitl_resume.structure.education import find_education
from hitl_resume.structure.experience import find_entries
from hitl_resume.structure.fallback import hidden_entries
from hitl_resume.structure.paragraphs import measure_layout
from hitl_resume.structure.sections import SectionSpan, split_sections
from hitl_resume.structure.skills import find_skills
from hitl_resume.structure.text import TextLine, build_document, normalize_space
from hitl_resume.structure.vocabulary import using

if TYPE_CHECKING:
    from hitl_resume.language.lexicon_loader import Lexicon

__all__ = ["build_resume", "normalize_space"]

EXPERIENCE_KINDS = frozenset({"experience"})
# Sections that may hold jobs when not headed as experience (strict: they need bullets).
LOOSE_EXPERIENCE_KINDS = frozenset({"other"})
SKILL_KINDS = frozenset({"skills", "highlights"})


def _header_lines(spans: list[SectionSpan]) -> list[TextLine]:
    lines: list[TextLine] = []
    for span in spans:
        if span.kind == "contact":
            lines.extend(span.body)
    return lines


def build_resume(extraction: Extraction, *, lexicon: Lexicon | None = None) -> Resume:
    """Return the resume structure for extracted lines; never raises on odd text.

    ``lexicon`` supplies the headings, title words, field labels and places (default: the
    bundled one); it is the active structure vocabulary for the whole build.
    """
    if lexicon is None:
        from hitl_resume.defaults import default_lexicon

        lexicon = default_lexicon()
    with using(lexicon):
        return _build(extraction, lexicon)


def _build(extraction: Extraction, lexicon: Lexicon) -> Resume:
    doc = build_document(extraction.lines)
    layout = measure_layout(doc.lines, extraction.kind)
    spans = split_sections(doc, lexicon.headings)
    experience: list[ExperienceEntry] = []
    education: list[EducationEntry] = []
    skills: list[Skill] = []
    seen_skills: set[str] = set()
    for span in spans:
        if span.kind in EXPERIENCE_KINDS:
            experience.extend(find_entries(span.body, doc.text, layout))
        elif span.kind in LOOSE_EXPERIENCE_KINDS:
            experience.extend(find_entries(span.body, doc.text, layout, strict=True))
        elif span.kind == "education":
            education.extend(find_education(span.body, doc.text))
        elif span.kind in SKILL_KINDS:
            skills.extend(find_skills(span.body, doc.text, seen_skills))
    hidden = hidden_entries(spans, doc.text, layout, found=bool(experience))
    if hidden:
        experience = sorted([*experience, *hidden], key=lambda e: e.start)
    return Resume(
        text=doc.text,
        source=SourceInfo(kind=extraction.kind, pages=extraction.pages, chars=len(doc.text)),
        contact=find_contact(_header_lines(spans), doc.text),
        sections=tuple(Section(s.kind, s.heading, s.start, s.end) for s in spans),
        experience=tuple(experience),
        education=tuple(education),
        skills=tuple(skills),
    )
