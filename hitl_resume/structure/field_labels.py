"""Entry-field labels ("Designation:", "Date of Birth:") at line starts, from the active lexicon."""

from __future__ import annotations

from hitl_resume.language.structure_lexicon import Field, FieldLabels, FieldMatch
from hitl_resume.structure.vocabulary import field_labels

__all__ = ["Field", "FieldLabels", "FieldMatch", "field_labels", "is_personal"]


def is_personal(text: str) -> bool:
    """Return whether a line is a personal detail ("Date of Birth: ...", "Phone 0091 ...")."""
    found = field_labels().match(text)
    return found is not None and found.field == "personal"
