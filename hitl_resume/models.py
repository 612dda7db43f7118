"""Immutable parse results: the structured resume and its parts, each with character offsets.

Offsets (``start``/``end``) index ``Resume.text``, the extracted text, so every element can be
highlighted in context later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from hitl_resume.ingest.extraction import FileKind

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "links": list(self.links),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Contact:
        return cls(d["name"], d["email"], d["phone"], tuple(d["links"]))


@dataclass(frozen=True, slots=True)
class Section:
    """A headed part of the resume; ``kind`` comes from the headings lexicon."""

    kind: str
    heading: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "heading": self.heading, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(d["kind"], d["heading"], d["start"], d["end"])


@dataclass(frozen=True, slots=True)
class Bullet:
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bullet:
        return cls(d["text"], d["start"], d["end"])


@dataclass(frozen=True, slots=True)
class ExperienceEntry:
    """One job: header fields (any may be missing) and its bullets."""

    title: str | None
    organization: str | None
    location: str | None
    start_date: str | None
    end_date: str | None
    bullets: tuple[Bullet, ...]
    start: int
    end: int

    @property
    def is_current(self) -> bool:
        return (self.end_date or "").lower() in {"present", "current", "now", "today"}

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "organization": self.organization,
            "location": self.location,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "start": self.start,
            "end": self.end,
            "bullets": [b.to_dict() for b in self.bullets],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExperienceEntry:
        return cls(
            title=d["title"],
            organization=d["organization"],
            location=d["location"],
            start_date=d["start_date"],
            end_date=d["end_date"],
            bullets=tuple(Bullet.from_dict(b) for b in d["bullets"]),
            start=d["start"],
            end=d["end"],
        )


@dataclass(frozen=True, slots=True)
class EducationEntry:
    text: str
    institution: str | None
    degree: str | None
    start_date: str | None
    end_date: str | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "institution": self.institution,
            "degree": self.degree,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EducationEntry:
        return cls(
            d["text"], d["institution"], d["degree"], d["start_date"], d["end_date"],
            d["start"], d["end"],
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Skill:
    name: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Skill:
        return cls(d["name"], d["start"], d["end"])


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What was read: the sniffed kind, page count and a sanitised display name (never a path)."""

    kind: FileKind
    pages: int
    chars: int
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "pages": self.pages, "chars": self.chars, "name": self.name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SourceInfo:
        return cls(cast(FileKind, d["kind"]), d["pages"], d["chars"], d["name"])


@dataclass(frozen=True, slots=True)
class Resume:
    """A parsed resume: the extracted text plus its structure."""

    text: str
    source: SourceInfo
    contact: Contact
    sections: tuple[Section, ...]
    experience: tuple[ExperienceEntry, ...]
    education: tuple[EducationEntry, ...]
    skills: tuple[Skill, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the ``parse --format json`` document."""
        return {
            "schema_version": SCHEMA_VERSION,
            "source": self.source.to_dict(),
            "contact": self.contact.to_dict(),
            "sections": [s.to_dict() for s in self.sections],
            "experience": [e.to_dict() for e in self.experience],
            "education": [e.to_dict() for e in self.education],
            "skills": [s.to_dict() for s in self.skills],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Resume:
        """Rebuild a resume from ``to_dict()`` output (the inverse, key for key)."""
        return cls(
            text=d["text"],
            source=SourceInfo.from_dict(d["source"]),
            contact=Contact.from_dict(d["contact"]),
            sections=tuple(Section.from_dict(s) for s in d["sections"]),
            experience=tuple(ExperienceEntry.from_dict(e) for e in d["experience"]),
            education=tuple(EducationEntry.from_dict(e) for e in d["education"]),
            skills=tuple(Skill.from_dict(s) for s in d["skills"]),
        )
