"""Tests for rebuilding words from pdfium characters, and for pdfium crashing in the child."""

from __future__ import annotations

import time

import pdf_targets
import pytest

from hitl_resume.errors import CorruptFileError
from hitl_resume.ingest.isolation import run_isolated
from hitl_resume.ingest.pdf_chars import Char
from hitl_resume.ingest.pdf_words import build_words


def _chars(text: str, x: float, top: float = 100.0, **kw: object) -> list[Char]:
    """Glyphs 5 pt wide that touch, as in one word; options override every glyph's fields."""
    fields: dict[str, object] = {"size": 10.0, "font": "F", "bold": False, "upright": True}
    fields.update(kw)
    return [
        Char(c, x + 5 * k, x + 5 * (k + 1), top, top + 10, **fields)  # type: ignore[arg-type]
        for k, c in enumerate(text)
    ]


def _texts(chars: list[Char]) -> list[str]:
    upright, _ = build_words(chars)
    return [w.text for w in upright]


@pytest.mark.parametrize(
    ("chars", "expected"),
    [
        (_chars("Claims", 40) + _chars("Examiner", 72), ["ClaimsExaminer"]),  # 2 pt: one word
        (_chars("Claims", 40) + _chars("Examiner", 80), ["Claims", "Examiner"]),  # 10 pt gap
        (_chars("Claims", 40) + _chars(" ", 70) + _chars("Examiner", 75), ["Claims", "Examiner"]),
        (_chars("ClaimsExaminer", 40), ["ClaimsExaminer"]),
        (_chars("of", 40) + _chars("ﬁce", 50), ["office"]),
        (_chars("Bold", 40, font="B") + _chars(":", 60), ["Bold", ":"]),
        (_chars("Up", 40) + _chars("Down", 40, top=130), ["Up", "Down"]),
    ],
    ids=["near", "gap", "space", "touching", "ligature", "font-change", "two-lines"],
)
def test_when_chars_then_words_split_like_pdfplumber(
    chars: list[Char], expected: list[str]
) -> None:
    """Words end at whitespace, at gaps over 3 pt, at font changes and at line changes only."""
    assert _texts(chars) == expected


def test_when_a_dropped_space_object_preceded_a_char_then_the_word_ends() -> None:
    """pdfium drops glyph-less space objects; the flag it leaves must still split the words."""
    chars = _chars("Claims", 40) + [
        c._replace(space_before=k == 0) for k, c in enumerate(_chars("Examiner", 71))
    ]
    assert _texts(chars) == ["Claims", "Examiner"]


def test_when_text_is_rotated_then_words_go_sideways() -> None:
    """Rotated glyphs never join the upright flow (they are read apart, as before)."""
    upright, sideways = build_words(_chars("Main", 40) + _chars("Side", 300, upright=False))
    assert [w.text for w in upright] == ["Main"]
    assert sideways


def test_when_pdfium_crashes_in_the_child_then_a_named_error_quickly() -> None:
    """A segfault inside libpdfium kills only the parse child and reads as a damaged file."""
    started = time.monotonic()
    with pytest.raises(CorruptFileError):
        run_isolated(pdf_targets.crash_inside_pdfium, b"x")
    assert time.monotonic() - started < 5


def test_when_threads_read_pdfs_at_once_then_each_gets_its_own_lines() -> None:
    """pdfium is not thread-safe; the reader serialises it so in-process threads stay safe."""
    from concurrent.futures import ThreadPoolExecutor

    import pdf_factory

    from hitl_resume.ingest.pdf_reader import read_pdf

    makers = [pdf_factory.one_column_resume, pdf_factory.two_column_resume] * 4
    datas = [make() for make in makers]
    expected = [read_pdf(data) for data in datas]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(read_pdf, datas)) == expected


def test_when_reading_then_garbage_collection_is_restored() -> None:
    """The reader pauses cyclic GC for speed and must hand it back as it found it."""
    import gc

    import pdf_factory

    from hitl_resume.ingest.pdf_reader import read_pdf

    assert gc.isenabled()
    read_pdf(pdf_factory.one_column_resume())
    assert gc.isenabled()
    with pytest.raises(CorruptFileError):
        read_pdf(b"%PDF-1.4\n")
    assert gc.isenabled()
