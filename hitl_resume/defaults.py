"""The process-wide defaults: the bundled lexicon and the analyzer built on it.

The one place that caches them. Every stage takes its lexicon (and pipeline) as an argument and
falls back to these only when the caller passed none, so a custom lexicon reaches every stage.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hitl_resume.detection.analyzer import Analyzer
    from hitl_resume.language.lexicon_loader import Lexicon


@functools.cache
def default_lexicon() -> Lexicon:
    """The bundled lexicon, loaded and validated once per process."""
    from hitl_resume.language.lexicon_loader import load_lexicon

    return load_lexicon()


@functools.cache
def default_analyzer() -> Analyzer:
    """The shared analyzer (bundled lexicon, default spaCy model), built on first use."""
    from hitl_resume.detection.analyzer import Analyzer

    return Analyzer(lexicon=default_lexicon())
