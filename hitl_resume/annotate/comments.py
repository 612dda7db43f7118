"""Word comments for rewrites: what to say, and where to anchor it without moving any text.

A comment is a ``w:commentRangeStart``/``w:commentRangeEnd`` pair around whole paragraph
children plus a reference run after the end; the comment body lives in the comments part that
python-docx (>= 1.2) creates. Word keeps comments in the main document only, so a bullet in a
header or footer gets its comment on the first body paragraph, and a bullet in a text box on the
paragraph that anchors the text box (its drawing run), each saying which bullet it is about.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from hitl_resume.coaching.results import Rewrite
from hitl_resume.ingest.docx_reader import DROPPED_CHARS

AUTHOR = "hitl_resume"
INITIALS = "HR"
Change = Literal["accepted", "edited"]
_CONFIRM_PREFIX = re.compile(r"^\s*confirm\s*[:\-–]\s*", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def safe_text(text: str) -> str:
    """Return text Word and XML accept: controls and lone surrogates dropped, one line."""
    kept = "".join(
        c for c in text if ord(c) not in DROPPED_CHARS and not 0xD800 <= ord(c) <= 0xDFFF
    )
    return _SPACES.sub(" ", kept).strip()


def suggestion(rewrite: Rewrite, role_label: str | None, where: str | None = None) -> str:
    """Return a pending rewrite's comment: proposal, framing, facts to confirm, role."""
    lines = _where(rewrite, where)
    lines.append(f"Suggested rewrite: {safe_text(rewrite.proposed)}")
    if rewrite.framing.strip():
        lines.append(f"Why: {safe_text(rewrite.framing)}")
    lines.extend(_confirmations(rewrite))
    if role_label:
        lines.append(f"Supports the role: {safe_text(role_label)}")
    return "\n".join(lines)


def change_note(
    rewrite: Rewrite, change: Change, role_label: str | None, where: str | None = None
) -> str:
    """Return the short comment left on an applied rewrite: what it replaced, what to check."""
    verb = "Your edited rewrite" if change == "edited" else "The accepted rewrite"
    lines = _where(rewrite, where)
    lines.append(f"{verb} was applied here. It replaced: {safe_text(rewrite.original)}")
    lines.extend(_confirmations(rewrite))
    if role_label:
        lines.append(f"Supports the role: {safe_text(role_label)}")
    return "\n".join(lines)


def _where(rewrite: Rewrite, where: str | None) -> list[str]:
    return [f"About the bullet {where}: {safe_text(rewrite.original)}"] if where else []


def _confirmations(rewrite: Rewrite) -> list[str]:
    items = (_CONFIRM_PREFIX.sub("", safe_text(item)) for item in rewrite.needs_confirmation)
    return [f"Confirm: {item}" for item in items if item]


def add_comment(document: Any, first: Any, last: Any, text: str) -> None:
    """Add a comment whose range runs from paragraph child ``first`` to ``last`` (inclusive)."""
    comment = document.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
    comment_id = str(comment.comment_id)
    first.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): comment_id}))
    reference = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    reference.append(properties)
    reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): comment_id}))
    last.addnext(reference)
    last.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): comment_id}))
