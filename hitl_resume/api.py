"""The public library API: analyse resumes and read postings (``parse`` lives in parsing)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from hitl_resume.analysis import Analysis
from hitl_resume.defaults import default_analyzer
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.detection.posting_analysis import PostingAnalysis
from hitl_resume.errors import EmptyTextError, TextTooLongError
from hitl_resume.ingest import limits
from hitl_resume.ingest.html_text import (
    html_to_text,
    looks_like_html,
    looks_like_markdown,
    markdown_to_text,
)
from hitl_resume.ingest.source import Source
from hitl_resume.ingest.text_cleaning import clean_text
from hitl_resume.language.lexicon_loader import load_lexicon
from hitl_resume.models import Resume
from hitl_resume.parsing import parse

__all__ = ["analyze", "analyze_posting", "analyzer_for_lexicon", "default_analyzer"]


def analyzer_for_lexicon(directory: Path | None) -> Analyzer:
    """The shared analyzer, or one whose every stage reads the lexicon in ``directory``.

    Raises:
        LexiconError: naming the file and line of the first problem in ``directory``.
    """
    if directory is None:
        return default_analyzer()
    shared = default_analyzer()
    return Analyzer(lexicon=load_lexicon(directory), nlp=shared.nlp)


def clean_posting_text(text: str) -> str:
    """Reduce pasted HTML to text, clean controls and enforce the posting limits (T-01..T-05)."""
    if len(text) > limits.MAX_TEXT_CHARS * 4:
        raise TextTooLongError()
    if looks_like_html(text):
        text = html_to_text(text)
    if looks_like_markdown(text):
        text = markdown_to_text(text)
    cleaned = clean_text(text)
    if not cleaned.strip():
        raise EmptyTextError("Paste the job posting text.")
    if len(cleaned) > limits.MAX_TEXT_CHARS:
        raise TextTooLongError()
    return cleaned


def analyze_posting(text: str, *, analyzer: Analyzer | None = None) -> PostingAnalysis:
    """Read a pasted job posting: role scores, HITL phrases and keywords.

    Raises:
        InputError: ``empty_text`` for an empty posting, ``text_too_long`` over the limit.
    """
    return (analyzer or default_analyzer()).read_posting(clean_posting_text(text))


def analyze(
    source: Source | Resume,
    *,
    postings: Iterable[str] = (),
    filename: str | None = None,
    analyzer: Analyzer | None = None,
    isolated: bool = True,
) -> Analysis:
    """Analyse a resume (and optionally match it to postings).

    Args:
        source: as for ``parse``, or an already parsed ``Resume``.
        postings: pasted job posting texts to match against.
        filename: the user's name for the file (display only).
        analyzer: a custom ``Analyzer`` (own lexicon or model); the default is shared.

    Raises:
        InputError: for any resume or posting that cannot be read.
    """
    engine = analyzer or default_analyzer()
    resume = (
        source
        if isinstance(source, Resume)
        else parse(source, filename=filename, isolated=isolated, lexicon=engine.lexicon)
    )
    posting_results = tuple(engine.read_posting(clean_posting_text(p)) for p in postings)
    detection = engine.detect(resume)
    matches = engine.match(resume, detection, posting_results)
    from hitl_resume.coaching import coach

    rewrites, interview, plan = coach(
        resume, detection.findings, detection.roles, nlp=engine.nlp, lexicon=engine.lexicon
    )
    return Analysis(
        resume=resume,
        roles=detection.roles,
        findings=detection.findings,
        postings=posting_results,
        matches=matches,
        rewrites=rewrites,
        interview=interview,
        plan=plan,
    )
