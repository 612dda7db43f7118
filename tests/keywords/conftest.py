"""The bundled keyword resources and one extractor for the keyword tests."""

from __future__ import annotations

import pytest

from hitl_resume.defaults import default_analyzer
from hitl_resume.keywords.extractor import KeywordExtractor


@pytest.fixture(scope="session")
def extractor() -> KeywordExtractor:
    """The extractor over the shipped index, rules and tagger (the default analyzer's)."""
    return default_analyzer().keywords
