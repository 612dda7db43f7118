"""Synthetic people for the layout zoo: invented names, example.com e-mails, made-up employers.

Each person has a role family (the top role detection should give, or None for work with no
human-in-the-loop pattern), two jobs with month-precise dates and three bullets each, skills
and one degree (in ``people.json``). Nothing here comes from a real resume.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

YearMonth = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Job:
    """One job as every layout must read it back."""

    title: str
    org: str
    city: str
    start: YearMonth
    end: YearMonth | None  # None: still there ("Present", "Till date", "now")
    bullets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """One synthetic candidate."""

    key: str
    name: str
    role: str | None
    city: str
    phone: str
    headline: str
    jobs: tuple[Job, Job]
    skills: tuple[str, ...]
    degree: str
    school: str
    grad_year: int

    @property
    def email(self) -> str:
        """Return an invented address on the reserved example.com domain."""
        return f"{self.key.replace('_', '.')}@example.com"


def _job(data: dict[str, Any]) -> Job:
    end = data["end"]
    return Job(
        data["title"], data["org"], data["city"], (data["start"][0], data["start"][1]),
        None if end is None else (end[0], end[1]), tuple(data["bullets"]),
    )  # fmt: skip


def _person(data: dict[str, Any]) -> Person:
    jobs = tuple(_job(j) for j in data["jobs"])
    return Person(
        data["key"], data["name"], data["role"], data["city"], data["phone"], data["headline"],
        (jobs[0], jobs[1]), tuple(data["skills"]), data["degree"], data["school"],
        data["grad_year"],
    )  # fmt: skip


PEOPLE: tuple[Person, ...] = tuple(
    _person(item) for item in json.loads((Path(__file__).parent / "people.json").read_text("utf-8"))
)
