"""Load and check the decisions file the web page exports (format in docs/output.md).

``{"decisions": [{"rewrite_id": ..., "decision": "accepted" | "rejected" | "edited",
"text": <for edited>}]}``. Every problem raises ``DecisionsError`` with a message a person can
act on; it quotes ids and values from the decisions file only, never resume text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from hitl_resume.annotate.comments import safe_text

Verdict = Literal["accepted", "rejected", "edited"]
VERDICTS: tuple[str, ...] = get_args(Verdict)
MAX_DECISIONS_BYTES = 1_000_000
MAX_EDITED_CHARS = 2_000
_SHOWN = 40  # characters of a bad value quoted back
_SHOWN_IDS = 5


class DecisionsError(ValueError):
    """A decisions file that cannot be used; ``message`` says what to fix."""

    code = "bad_decisions"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Decision:
    """The user's verdict on one rewrite; ``text`` is their own wording for ``edited``."""

    rewrite_id: str
    decision: Verdict
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Decisions:
    """All decisions of one file, at most one per rewrite."""

    items: tuple[Decision, ...] = ()

    def get(self, rewrite_id: str) -> Decision | None:
        """Return the decision for a rewrite, None when it is still pending."""
        return next((d for d in self.items if d.rewrite_id == rewrite_id), None)

    def unknown_ids(self, known: Iterable[str]) -> list[str]:
        """Return the decided rewrite ids that are not in ``known``, in file order."""
        known_set = set(known)
        return [d.rewrite_id for d in self.items if d.rewrite_id not in known_set]

    def check_known(self, known: Iterable[str]) -> None:
        """Raise ``DecisionsError`` if a decision names a rewrite the analysis does not have."""
        unknown = self.unknown_ids(known)
        if unknown:
            shown = ", ".join(_quote(i) for i in unknown[:_SHOWN_IDS])
            more = f" and {len(unknown) - _SHOWN_IDS} more" if len(unknown) > _SHOWN_IDS else ""
            raise DecisionsError(
                f"The decisions file names rewrites this resume does not have: {shown}{more}. "
                "Export the decisions again from the analysis of this same resume."
            )


def load_decisions(data: bytes | str) -> Decisions:
    """Parse and validate a decisions document.

    Raises:
        DecisionsError: not JSON, the wrong shape, a bad decision value, an edited decision
            without text (or over ``MAX_EDITED_CHARS``), or two decisions for one rewrite.
    """
    if len(data) > MAX_DECISIONS_BYTES:
        raise DecisionsError("The decisions file is too large (over 1 MB).")
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise DecisionsError("The decisions file is not valid JSON.") from None
    entries = document.get("decisions") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise DecisionsError(
            'The decisions file must be a JSON object with a "decisions" list, like '
            '{"decisions": [{"rewrite_id": "...", "decision": "accepted"}]}.'
        )
    items: list[Decision] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        item = _decision(number, entry)
        if item.rewrite_id in seen:
            raise DecisionsError(
                f"Decision {number}: rewrite {_quote(item.rewrite_id)} already has a decision; "
                "keep one per rewrite."
            )
        seen.add(item.rewrite_id)
        items.append(item)
    return Decisions(tuple(items))


def _decision(number: int, entry: Any) -> Decision:
    if not isinstance(entry, Mapping):
        raise DecisionsError(f"Decision {number} must be an object with rewrite_id and decision.")
    rewrite_id = entry.get("rewrite_id")
    if not isinstance(rewrite_id, str) or not rewrite_id.strip():
        raise DecisionsError(f"Decision {number} needs a rewrite_id (a non-empty string).")
    verdict = entry.get("decision")
    if verdict not in VERDICTS:
        raise DecisionsError(
            f"Decision {number} (rewrite {_quote(rewrite_id)}): {_quote(verdict)} is not a "
            f"decision; use one of {', '.join(VERDICTS)}."
        )
    if verdict != "edited":
        return Decision(rewrite_id, verdict)
    raw = entry.get("text")
    text = safe_text(raw) if isinstance(raw, str) else ""
    if not text:
        raise DecisionsError(
            f'Decision {number} (rewrite {_quote(rewrite_id)}) is "edited" but has no "text": '
            "add your wording, or mark it accepted or rejected."
        )
    if len(text) > MAX_EDITED_CHARS:
        raise DecisionsError(
            f"Decision {number} (rewrite {_quote(rewrite_id)}): the edited text is over "
            f"{MAX_EDITED_CHARS:,} characters; a bullet should be one or two sentences."
        )
    return Decision(rewrite_id, "edited", text)


def _quote(value: Any) -> str:
    """Return a short, printable quotation of a value taken from the decisions file."""
    shown = json.dumps(value, ensure_ascii=True) if not isinstance(value, str) else value
    shown = safe_text(shown)
    return json.dumps(shown[:_SHOWN] + ("…" if len(shown) > _SHOWN else ""), ensure_ascii=False)
