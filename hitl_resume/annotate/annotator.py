"""Give the user's own DOCX back: each rewrite as a Word comment, accepted ones applied in place.

Decisions per rewrite:

* pending (no decision): a comment with the proposal, its framing, the facts to confirm and the
  role; the bullet's text is not touched;
* accepted / edited: the proposed (or the user's) text replaces the bullet's text in place, and a
  short comment says what it replaced and repeats the facts to confirm, so the change is easy to
  find and to undo in Word;
* rejected: nothing at all.

A bullet in a text box is edited in both copies Word stores (``mc:Choice`` and ``mc:Fallback``)
or not at all; its comment goes on the paragraph that anchors the text box. A bullet in a header
or footer gets its comment on the first body paragraph.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import docx

from hitl_resume.annotate.apply import replace_text
from hitl_resume.annotate.comments import Change, add_comment, change_note, safe_text, suggestion
from hitl_resume.annotate.decisions import Decisions
from hitl_resume.annotate.locate import Locator, Slot, Target, normalise_with_map
from hitl_resume.annotate.runs import read_paragraph
from hitl_resume.coaching.results import Rewrite
from hitl_resume.errors import CorruptFileError, InputError, ResourceLimitError
from hitl_resume.ingest.docx_precheck import precheck_docx

Status = Literal["commented", "applied", "edited", "rejected", "skipped"]


@dataclass(frozen=True, slots=True)
class RewriteOutcome:
    """What happened to one rewrite; ``note`` explains a skip or where the comment went."""

    rewrite_id: str
    status: Status
    commented: bool
    note: str | None = None

    @property
    def outcome(self) -> str:
        """Return the one-line form: "applied", "skipped: <reason>", "edited; <note>"..."""
        if self.status == "skipped":
            return f"skipped: {self.note}"
        return self.status if self.note is None else f"{self.status}; {self.note}"


@dataclass(frozen=True, slots=True)
class AnnotateResult:
    """The annotated DOCX bytes and one outcome per rewrite, in the order given."""

    data: bytes
    outcomes: tuple[RewriteOutcome, ...]

    def count(self, status: Status) -> int:
        """Return how many rewrites ended with ``status``."""
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def comments(self) -> int:
        """Return how many comments were written."""
        return sum(1 for o in self.outcomes if o.commented)


def annotate_docx(
    data: bytes,
    rewrites: Sequence[Rewrite],
    decisions: Decisions | None = None,
    *,
    roles: dict[str, str] | None = None,
) -> AnnotateResult:
    """Return ``data`` with rewrites as Word comments and decided ones applied.

    Args:
        data: the user's DOCX (the precheck runs first).
        rewrites: from ``analyze``; offsets index the text ``docx_reader`` extracted.
        decisions: accepted/edited/rejected per rewrite id; missing means pending.
        roles: role id → label, for the "Supports the role" line.

    Raises:
        InputError: the DOCX cannot be opened (``CorruptFileError`` and the precheck's errors).
        DecisionsError: a decision names a rewrite that is not in ``rewrites``.
    """
    decided = decisions or Decisions()
    decided.check_known(r.id for r in rewrites)
    precheck_docx(data)
    if not rewrites:
        return AnnotateResult(data, ())
    try:
        document = docx.Document(io.BytesIO(data))
        outcomes = _Annotator(document, decided, roles or {}).run(rewrites)
        buffer = io.BytesIO()
        document.save(buffer)
    except InputError:
        raise
    except MemoryError:
        raise ResourceLimitError() from None
    except Exception:  # python-docx and lxml errors embed names and text: drop them.
        raise CorruptFileError() from None
    return AnnotateResult(buffer.getvalue(), outcomes)


class _Annotator:
    """Apply one set of decisions to one opened document."""

    def __init__(self, document: Any, decisions: Decisions, roles: dict[str, str]) -> None:
        self._document = document
        self._decisions = decisions
        self._roles = roles
        self._locator = Locator(document)

    def run(self, rewrites: Sequence[Rewrite]) -> tuple[RewriteOutcome, ...]:
        """Locate every rewrite first, then edit paragraphs from their end backwards."""
        outcomes: dict[int, RewriteOutcome] = {}
        placed: list[tuple[int, Rewrite, Target]] = []
        for index, rewrite in sorted(enumerate(rewrites), key=lambda item: item[1].start):
            decision = self._decisions.get(rewrite.id)
            if decision is not None and decision.decision == "rejected":
                outcomes[index] = RewriteOutcome(rewrite.id, "rejected", commented=False)
                continue
            target = self._locator.find(rewrite)
            if target is None:
                note = "the bullet's text was not found in the document"
                outcomes[index] = RewriteOutcome(rewrite.id, "skipped", False, note)
                continue
            placed.append((index, rewrite, target))
        slot_order = {id(slot): n for n, slot in enumerate(self._locator.slots)}
        placed.sort(key=lambda item: (slot_order[id(item[2].slot)], -item[2].start))
        for index, rewrite, target in placed:
            outcomes[index] = self._one(rewrite, target)
        return tuple(outcomes[i] for i in range(len(rewrites)))

    def _one(self, rewrite: Rewrite, target: Target) -> RewriteOutcome:
        decision = self._decisions.get(rewrite.id)
        role = self._roles.get(rewrite.role, rewrite.role)
        where = _where(target.slot)
        if decision is None:
            commented = self._comment(target, suggestion(rewrite, role, where))
            note = None if commented else _no_comment_note(target.slot)
            return RewriteOutcome(rewrite.id, "commented", commented, note)
        text = safe_text(decision.text if decision.text is not None else rewrite.proposed)
        copies = _copy_targets(target)
        reason = _cannot_apply(target.slot, text, copies)
        if copies is None or reason is not None:
            commented = self._comment(target, suggestion(rewrite, role, where))
            return RewriteOutcome(rewrite.id, "skipped", commented, reason)
        change: Change = "edited" if decision.decision == "edited" else "accepted"
        for copy, start, end in copies:
            replace_text(copy, start, end, text)
        replace_text(target.slot.p, target.start, target.end, text)
        applied = Target(target.slot, target.start, target.start + len(text))
        target.slot.text = None  # the paragraph changed: read it again
        commented = self._comment(applied, change_note(rewrite, change, role, where))
        note = None if commented else _no_comment_note(target.slot)
        status: Status = "edited" if change == "edited" else "applied"
        return RewriteOutcome(rewrite.id, status, commented, note)

    def _comment(self, target: Target, text: str) -> bool:
        """Anchor a comment on the target's runs, its text box anchor, or the first body line."""
        slot = target.slot
        if slot.story == "body" and slot.place != "textbox":
            atoms = read_paragraph(slot.p).overlapping(target.start, target.end)
            if not atoms:
                return False
            add_comment(self._document, atoms[0].top, atoms[-1].top, text)
            return True
        if slot.story == "body" and slot.anchor is not None:
            add_comment(self._document, slot.anchor[1], slot.anchor[1], text)
            return True
        for other in self._locator.slots:
            if other.story == "body" and other.place != "textbox":
                atoms = list(read_paragraph(other.p).atoms)
                if any(a.text.strip() for a in atoms):
                    add_comment(self._document, atoms[0].top, atoms[-1].top, text)
                    return True
        return False


def _where(slot: Slot) -> str | None:
    """Say where a bullet is when its comment cannot sit on the bullet itself."""
    if slot.story != "body":
        return f"in the page {slot.story}"
    return "in the text box" if slot.place == "textbox" else None


def _no_comment_note(slot: Slot) -> str:
    return f"comment skipped ({'text box' if slot.place == 'textbox' else slot.story})"


_COPIES_DIFFER = "the text box's two stored copies differ, so it was left as a comment"


def _cannot_apply(slot: Slot, text: str, copies: list[tuple[Any, int, int]] | None) -> str | None:
    """Return why the text cannot be applied here, or None when it can."""
    if not text:
        return "the new text is empty"
    if slot.unpaired or copies is None:
        return _COPIES_DIFFER
    return None


def _copy_targets(target: Target) -> list[tuple[Any, int, int]] | None:
    """Return where each mc:Fallback copy holds the same text; None if one does not."""
    flat = normalise_with_map(target.slot.paragraph_text().raw[target.start : target.end])[0]
    found: list[tuple[Any, int, int]] = []
    for copy in target.slot.copies:
        text, where = normalise_with_map(read_paragraph(copy).raw)
        at = text.find(flat)
        if at == -1 or not flat:
            return None
        found.append((copy, where[at], where[at + len(flat) - 1] + 1))
    return found
