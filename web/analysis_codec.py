"""Carry an analysis inside the report page so downloads need no server-side storage.

The report page embeds ``analysis.to_dict()`` as a signed, compressed token (itsdangerous) in a
hidden form field. A download re-posts it; the server checks the signature (so it only ever
reads back what it wrote), rebuilds the ``Analysis`` and renders the file. Nothing about the
resume is kept on disk, in the session cookie or in logs; the token lives only in the page the
user already has (served ``no-store``) and expires after ``MAX_AGE_SECONDS``.
"""

from __future__ import annotations

from typing import Any, cast

from itsdangerous import BadSignature, URLSafeTimedSerializer

from hitl_resume.analysis import Analysis
from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite, SearchLink
from hitl_resume.detection.matching import Match
from hitl_resume.detection.results import Contribution, Finding, RoleAssessment
from hitl_resume.errors import InputError
from hitl_resume.ingest.extraction import FileKind
from hitl_resume.models import (
    Bullet,
    Contact,
    EducationEntry,
    ExperienceEntry,
    Resume,
    Section,
    Skill,
    SourceInfo,
)

MAX_AGE_SECONDS = 6 * 3600


class ReportTokenError(InputError):
    """The embedded report is missing, tampered with or expired."""

    code = "report_expired"
    http_status = 400
    default_message = "This report has expired. Please analyse your resume again."


def _serializer(secret: str | bytes, salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=salt)


def dump_token(data: Any, secret: str | bytes, salt: str = "report") -> str:
    """Sign and compress ``data`` (JSON-ready) for a hidden form field."""
    return _serializer(secret, salt).dumps(data)


def load_token(token: str, secret: str | bytes, salt: str = "report") -> Any:
    """Return the data of a token made by ``dump_token``; raise ``ReportTokenError`` otherwise."""
    try:
        return _serializer(secret, salt).loads(token, max_age=MAX_AGE_SECONDS)
    except BadSignature:
        raise ReportTokenError() from None


def _contributions(items: list[dict[str, Any]]) -> tuple[Contribution, ...]:
    return tuple(
        Contribution(
            entry_id=c["entry_id"], kind=c["kind"], text=c["text"], points=float(c["points"])
        )
        for c in items
    )


def _resume(d: dict[str, Any]) -> Resume:
    src = d["source"]
    return Resume(
        text=d["text"],
        source=SourceInfo(
            kind=cast(FileKind, src["kind"]),
            pages=src["pages"],
            chars=src["chars"],
            name=src["name"],
        ),
        contact=Contact(
            name=d["contact"]["name"],
            email=d["contact"]["email"],
            phone=d["contact"]["phone"],
            links=tuple(d["contact"]["links"]),
        ),
        sections=tuple(Section(**s) for s in d["sections"]),
        experience=tuple(
            ExperienceEntry(
                title=e["title"],
                organization=e["organization"],
                location=e["location"],
                start_date=e["start_date"],
                end_date=e["end_date"],
                bullets=tuple(Bullet(**b) for b in e["bullets"]),
                start=e["start"],
                end=e["end"],
            )
            for e in d["experience"]
        ),
        education=tuple(EducationEntry(**e) for e in d["education"]),
        skills=tuple(Skill(**s) for s in d["skills"]),
    )


def _finding(f: dict[str, Any]) -> Finding:
    return Finding(
        id=f["id"],
        role=f["role"],
        signals=tuple(f["signals"]),
        explicit_ai=f["explicit_ai"],
        text=f["text"],
        start=f["start"],
        end=f["end"],
        section=f["section"],
        entry_index=f["entry"],
        entry_title=f["entry_title"],
        score=float(f["score"]),
        contributions=_contributions(f["contributions"]),
        explanation=f["explanation"],
    )


def _role(r: dict[str, Any]) -> RoleAssessment:
    return RoleAssessment(
        id=r["id"],
        label=r["label"],
        score=r["score"],
        level=r["level"],
        finding_ids=tuple(r["finding_ids"]),
        contributions=_contributions(r["explanation"]),
    )


def _match(m: dict[str, Any]) -> Match:
    return Match(
        posting_index=m["posting"],
        posting_title=m["posting_title"],
        score=m["score"],
        matched=tuple(m["matched"]),
        missing=tuple(m["missing"]),
        hitl_alignment=m["hitl_alignment"],
        explanation=m["explanation"],
    )


def _rewrite(r: dict[str, Any]) -> Rewrite:
    return Rewrite(**{**r, "needs_confirmation": tuple(r["needs_confirmation"])})


def _plan(p: dict[str, Any] | None) -> Plan | None:
    if p is None:
        return None
    return Plan(
        searches=tuple(SearchLink(**s) for s in p["searches"]),
        rewrite_first=tuple(p["rewrite_first"]),
        linkedin_skills=tuple(p["linkedin_skills"]),
        look_back=tuple(p["look_back"]),
        steps=tuple(p["steps"]),
    )


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Rebuild an ``Analysis`` from its ``to_dict()`` (posting texts are not part of it)."""
    try:
        return Analysis(
            resume=_resume(d["resume"]),
            roles=tuple(_role(r) for r in d["roles"]),
            findings=tuple(_finding(f) for f in d["findings"]),
            matches=tuple(_match(m) for m in d["matches"]),
            rewrites=tuple(_rewrite(r) for r in d["rewrites"]),
            interview=tuple(InterviewPrompt(**p) for p in d["interview"]),
            plan=_plan(d["plan"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ReportTokenError() from None
