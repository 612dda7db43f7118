"""The keyword a user sees: text, category, required or preferred, where it is, why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hitl_resume.keywords.concepts import Category


@dataclass(frozen=True, slots=True)
class Keyword:
    """One concept found in a text (its first, or first required, occurrence)."""

    id: str
    text: str
    label: str
    category: Category
    kind: str
    required: bool
    start: int
    end: int
    source: str
    broader: str = ""
    #: Every (start, end) where the concept appears; the first is ``start``/``end``.
    mentions: tuple[tuple[int, int], ...] = ()
    #: Education only: the degree level ("bachelor", "master"…; see ``loader.DEGREE_LEVELS``).
    level: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "label": self.label,
            "category": self.category,
            "kind": self.kind,
            "required": self.required,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "mentions": [{"start": s, "end": e} for s, e in self.mentions],
            **({"level": self.level} if self.level else {}),
        }
