"""The concept table behind the keyword index: one row per concept, many aliases each."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Category = Literal[
    "hard_skill", "certification", "education", "job_title", "experience", "soft_skill"
]
CATEGORIES: tuple[Category, ...] = (
    "hard_skill",
    "certification",
    "education",
    "job_title",
    "experience",
    "soft_skill",
)


@dataclass(frozen=True, slots=True)
class Concept:
    """A skill, tool, title… with its display label, where it came from and its broader group."""

    id: str
    label: str
    category: Category
    kind: str
    source: str
    broader: str = ""
    hot: bool = False


@dataclass(slots=True)
class ConceptDraft:
    """A concept being assembled by the builder (mutable until written)."""

    concept: Concept
    aliases: list[str] = field(default_factory=list)
