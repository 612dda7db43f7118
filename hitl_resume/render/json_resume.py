"""Export a parsed resume in the JSON Resume schema (jsonresume.org, v1.0.0)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from hitl_resume.models import Resume

_ISO_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_NETWORKS = {
    "linkedin.com": "LinkedIn",
    "github.com": "GitHub",
    "gitlab.com": "GitLab",
    "twitter.com": "Twitter",
    "x.com": "X",
}


def _iso_date(value: str | None) -> str | None:
    """JSON Resume dates are ISO 8601 prefixes; 'present' means no end date."""
    if value and _ISO_DATE_RE.match(value):
        return value
    return None


def _profile(url: str) -> dict[str, str] | None:
    host = (urlparse(url if "//" in url else f"https://{url}").hostname or "").lower()
    host = host.removeprefix("www.")
    network = _NETWORKS.get(host)
    if network is None:
        return None
    path = urlparse(url if "//" in url else f"https://{url}").path.strip("/")
    username = path.split("/")[-1] if path else ""
    return {"network": network, "username": username, "url": url}


def to_json_resume(resume: Resume) -> dict[str, Any]:
    """Map our structure onto JSON Resume; fields we could not find are left out."""
    contact = resume.contact
    basics: dict[str, Any] = {}
    if contact.name:
        basics["name"] = contact.name
    if contact.email:
        basics["email"] = contact.email
    if contact.phone:
        basics["phone"] = contact.phone
    profiles = [p for p in (_profile(link) for link in contact.links) if p]
    others = [link for link in contact.links if _profile(link) is None and "@" not in link]
    if others:
        basics["url"] = others[0]
    if profiles:
        basics["profiles"] = profiles
    summary = next((s for s in resume.sections if s.kind == "summary"), None)
    if summary is not None:
        body = resume.text[summary.start : summary.end]
        body = body.split("\n", 1)[1] if "\n" in body else ""
        if body.strip():
            basics["summary"] = " ".join(body.split())

    work = []
    for entry in resume.experience:
        item: dict[str, Any] = {}
        if entry.organization:
            item["name"] = entry.organization
        if entry.title:
            item["position"] = entry.title
        if entry.location:
            item["location"] = entry.location
        if start := _iso_date(entry.start_date):
            item["startDate"] = start
        if end := _iso_date(entry.end_date):
            item["endDate"] = end
        item["highlights"] = [b.text for b in entry.bullets]
        work.append(item)

    education = []
    for edu in resume.education:
        item = {"institution": edu.institution or edu.text}
        if edu.degree:
            item["studyType"] = edu.degree
        if start := _iso_date(edu.start_date):
            item["startDate"] = start
        if end := _iso_date(edu.end_date):
            item["endDate"] = end
        education.append(item)

    document: dict[str, Any] = {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "education": education,
        "skills": [{"name": s.name} for s in resume.skills],
        "meta": {"version": "v1.0.0", "canonical": "hitl-resume"},
    }
    return document
