"""The bundled keyword resources and one extractor for the keyword tests."""

from __future__ import annotations

import pytest

from hitl_resume.keywords.extractor import KeywordExtractor
from hitl_resume.keywords.loader import bundled_dir, load_resources


@pytest.fixture(scope="session")
def extractor() -> KeywordExtractor:
    """The extractor over the shipped index, rules and tagger (loaded once)."""
    return KeywordExtractor(load_resources(bundled_dir()))
