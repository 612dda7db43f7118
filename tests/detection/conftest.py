"""One analyzer per test session: the bundled lexicon with the installed spaCy model."""

from __future__ import annotations

import pytest

from hitl_resume.api import default_analyzer
from hitl_resume.detection.analyzer import Analyzer


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The shared default analyzer (model and lexicon load once)."""
    return default_analyzer()
