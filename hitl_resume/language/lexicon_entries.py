"""The entry types of the lexicon files: one frozen record per JSONL line, citing file and line."""

from __future__ import annotations

from dataclasses import dataclass

from hitl_resume.language.inflect import Pos


@dataclass(frozen=True, slots=True)
class Role:
    """One of the seven HITL role patterns."""

    id: str
    label: str
    description: str
    onet_codes: tuple[str, ...]
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class RoleTerm:
    """Phrases that are evidence for one role (title, domain, artifact, framework, employer)."""

    id: str
    role: str
    kind: str
    phrases: tuple[str, ...]
    weight: float
    source: str
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Signal:
    """A cross-cutting HITL behaviour (review, override, escalate...) and its phrases."""

    id: str
    signal: str
    pos: Pos
    phrases: tuple[str, ...]
    weight: float
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """A lexicon line of one kind and its phrases (AI terms, cues, keywords, systems)."""

    id: str
    kind: str
    phrases: tuple[str, ...]
    path: str
    line: int


#: Phrases naming an AI or automation artifact; they make evidence explicit.
AiTerm = PhraseEntry
#: Context phrases: negation, posting sections, requests to review output.
Cue = PhraseEntry
#: A posting/resume keyword; its phrases are synonyms.
Keyword = PhraseEntry


@dataclass(frozen=True, slots=True)
class Occupation:
    """An O*NET occupation and the job titles that name it (generated from O*NET)."""

    id: str
    code: str
    title: str
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OccupationRole:
    """Where titles of occupations under an O*NET-SOC prefix count, and why."""

    id: str
    soc: str
    role: str
    reason: str
    path: str
    line: int
