"""Find the paragraph (and the characters in it) that hold each rewrite's original bullet.

The walk is the reader's own (``ingest.docx_walk``): headers, body, footers, each paragraph
where and in the order the reader reads it. Rebuilding the reader's lines gives each paragraph
its offsets in the resume text, so a rewrite's ``start`` picks the right one of two identical
bullets; when the offsets do not line up, the first unclaimed paragraph whose normalised text
holds the bullet wins.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hitl_resume.annotate.runs import ParagraphText, read_paragraph
from hitl_resume.coaching.results import Rewrite
from hitl_resume.ingest.docx_reader import DROPPED_CHARS, clean_lines, shown_story_elements
from hitl_resume.ingest.docx_walk import MC_CHOICE, MC_FALLBACK, W_P, DocxWalker, Place, Story
from hitl_resume.structure.bullets import glyph_length

# Characters that clean_line turns into spaces (besides ordinary whitespace).
_AS_SPACE = frozenset("\u00a0\u200b\u200c\u200d\u200e\u200f\u2028\u2029\ufeff")


@dataclass(slots=True)
class Slot:
    """One paragraph the reader reads, with what applying text and commenting there needs."""

    p: Any
    story: Story
    place: Place
    anchor: tuple[Any, Any] | None  # text boxes: (host w:p, its child holding the shape)
    copies: list[Any] = field(default_factory=list)  # mc:Fallback copies to keep in sync
    unpaired: bool = False  # an mc:Fallback copy exists but could not be matched
    text: ParagraphText | None = None

    def paragraph_text(self) -> ParagraphText:
        """Return (and cache) the paragraph's text model."""
        if self.text is None:
            self.text = read_paragraph(self.p)
        return self.text


@dataclass(frozen=True, slots=True)
class Target:
    """Where one rewrite's original text sits: a paragraph and raw offsets inside it."""

    slot: Slot
    start: int
    end: int


def normalise_with_map(raw: str) -> tuple[str, list[int]]:
    """Collapse whitespace and drop control characters; map each kept char to its raw index."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(raw):
        if char.isspace() or char in _AS_SPACE:
            if out and out[-1] != " ":
                out.append(" ")
                where.append(index)
        elif ord(char) not in DROPPED_CHARS:
            out.append(char)
            where.append(index)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def normalise(text: str) -> str:
    """Return the comparable form of a bullet: whitespace collapsed, glyph and controls removed."""
    flat = normalise_with_map(text)[0]
    return flat[glyph_length(flat) :]


class Locator:
    """Walk one opened document once and answer ``find`` for each rewrite."""

    def __init__(self, document: Any) -> None:
        walker = _Walker()
        counted = walker.walk(document)
        self.slots = walker.slots
        self._claimed: dict[int, list[tuple[int, int]]] = {}
        self._line_starts: list[int] = []
        self._lines: list[tuple[int, int, int, int]] = []  # (text start, end, slot, piece)
        pos = 0
        for index in counted:
            raw = self.slots[index].paragraph_text().raw
            for piece, line in enumerate(_reader_lines(raw)):
                self._line_starts.append(pos)
                self._lines.append((pos, pos + len(line), index, piece))
                pos += len(line) + 1

    def find(self, rewrite: Rewrite) -> Target | None:
        """Return the unclaimed place of ``rewrite.original``, or None when it is not found."""
        needle = normalise(rewrite.original)
        if not needle:
            return None
        guided = self._guided(rewrite.start, needle)
        if guided is not None:
            return self._claim(guided)
        exact: list[Target] = []
        partial: list[Target] = []
        for index, slot in enumerate(self.slots):
            for target in self._occurrences(index, needle):
                flat = normalise(slot.paragraph_text().raw)
                (exact if flat == needle else partial).append(target)
        for target in exact + partial:
            if self._free(target):
                return self._claim(target)
        return None

    def _guided(self, start: int, needle: str) -> Target | None:
        """Return the occurrence on the line the rewrite's offset points at, if it is there."""
        at = bisect.bisect_right(self._line_starts, start) - 1
        if at < 0:
            return None
        _, end, index, piece = self._lines[at]
        if start > end:
            return None
        raw = self.slots[index].paragraph_text().raw
        lo, hi = _piece_range(raw, piece)
        for target in self._occurrences(index, needle):
            if lo <= target.start < hi and self._free(target):
                return target
        return None

    def _occurrences(self, index: int, needle: str) -> Iterator[Target]:
        slot = self.slots[index]
        flat, where = normalise_with_map(slot.paragraph_text().raw)
        at = flat.find(needle)
        while at != -1:
            yield Target(slot, where[at], where[at + len(needle) - 1] + 1)
            at = flat.find(needle, at + 1)

    def _free(self, target: Target) -> bool:
        taken = self._claimed.get(id(target.slot), [])
        return all(target.end <= s or target.start >= e for s, e in taken)

    def _claim(self, target: Target) -> Target:
        self._claimed.setdefault(id(target.slot), []).append((target.start, target.end))
        return target


class _Walker:
    """Collect the slots in the reader's order, pairing each text box's two copies."""

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self._copies: dict[Any, list[Any]] = {}
        self._unpaired: set[Any] = set()

    def walk(self, document: Any) -> list[int]:
        """Collect every slot; return the indexes of those the reader puts in the text."""
        counted: list[int] = []
        for story, elements in (
            ("header", _story_elements(document, "header")),
            ("body", [(document.element.body, True)]),
            ("footer", _story_elements(document, "footer")),
        ):
            for element, in_text in elements:
                first = len(self.slots)
                self.story(element, story)  # type: ignore[arg-type]
                if in_text:
                    counted.extend(range(first, len(self.slots)))
        for slot in self.slots:
            slot.copies = self._copies.get(slot.p, [])
            slot.unpaired = slot.p in self._unpaired
        return counted

    def story(self, element: Any, story: Story) -> None:
        """Add the slots of one story root, in the reader's order."""
        for visit in DocxWalker(on_alternate=self._pair).story(element, story):
            self.slots.append(Slot(visit.p, visit.story, visit.place, visit.anchor))

    def _pair(self, alternate: Any) -> None:
        """Match the mc:Choice paragraphs with their mc:Fallback copies, by position."""
        choice, fallback = alternate.find(MC_CHOICE), alternate.find(MC_FALLBACK)
        if choice is None or fallback is None:
            return
        chosen, copies = list(choice.iter(W_P)), list(fallback.iter(W_P))
        if len(chosen) != len(copies):
            self._unpaired.update(chosen)
            return
        for p, copy in zip(chosen, copies, strict=True):
            if copy not in self._copies.get(p, []):
                self._copies.setdefault(p, []).append(copy)


def _reader_lines(raw: str) -> list[str]:
    """Return the lines the reader makes of one paragraph (``finish`` and ``build_document``
    run the same idempotent cleaner, so they change nothing more)."""
    return clean_lines(raw)


def _piece_range(raw: str, piece: int) -> tuple[int, int]:
    """Return the raw offsets of the ``piece``-th non-empty line of a paragraph."""
    pos = 0
    seen = 0
    for part in raw.split("\n"):
        if _reader_lines(part):
            if seen == piece:
                return pos, pos + len(part)
            seen += 1
        pos += len(part) + 1
    return 0, len(raw)


def _story_elements(document: Any, origin: str) -> list[tuple[Any, bool]]:
    """Return each header (or footer) root once, flagged when the reader reads its text.

    The reader skips a part whose text repeats an earlier one; it is still searched here.
    """
    seen_texts: set[tuple[str, ...]] = set()
    out: list[tuple[Any, bool]] = []
    for element in shown_story_elements(document, origin):
        texts = tuple(_story_texts(element))
        fresh = bool(texts) and texts not in seen_texts
        if fresh:
            seen_texts.add(texts)
        out.append((element, fresh))
    return out


def _story_texts(element: Any) -> Iterator[str]:
    """Yield a header's lines roughly as the reader does (used only to spot repeats)."""
    probe = _Walker()
    probe.story(element, "header")
    for slot in probe.slots:
        yield from _reader_lines(slot.paragraph_text().raw)
