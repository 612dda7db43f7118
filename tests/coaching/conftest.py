"""Fixtures for coaching tests: the real spaCy model (loaded once) and synthetic resumes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.language.lexicon_loader import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The trained pipeline: slot filling needs its tagger and parser."""
    from hitl_resume.language.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """The bundled lexicon (its AI terms, frameworks and tools feed the guard)."""
    return load_lexicon()


@pytest.fixture(scope="session")
def analyzer(nlp: Language, lexicon: Lexicon) -> Analyzer:
    """One detection engine for the session."""
    return Analyzer(lexicon, nlp)
