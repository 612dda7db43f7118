"""Tests for the PDF reader: reading order, heading hints, limits and error mapping."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import pdf_factory as factory
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from hitl_resume.errors import (
    CorruptFileError,
    EncryptedPdfError,
    ResourceLimitError,
    TooManyPagesError,
)
from hitl_resume.ingest import pdf_plumber, pdf_reader
from hitl_resume.ingest.extraction import Extraction
from hitl_resume.ingest.limits import MAX_PDF_PAGES
from hitl_resume.ingest.pdf_layout import TableBlock, Word, join_words, order_page
from hitl_resume.ingest.pdf_lines import is_heading
from hitl_resume.ingest.pdf_reader import read_pdf


def _tokens(texts: Sequence[str]) -> set[str]:
    return {t.strip(",.:;|") for text in texts for t in text.split()} - {""}


def _sides(extraction: Extraction, left: Sequence[str], right: Sequence[str]) -> list[str]:
    """Label each line L or R by its words; fail if a line mixes both vocabularies."""
    left_words, right_words = _tokens(left), _tokens(right)
    labels = []
    for line in extraction.lines:
        words = _tokens([line.text])
        in_left, in_right = words <= left_words, words <= right_words
        assert in_left != in_right, f"line mixes columns or is unknown: {line.text!r}"
        labels.append("L" if in_left else "R")
    return labels


def _contiguous_left_first(labels: list[str]) -> bool:
    return labels == sorted(labels) and set(labels) == {"L", "R"}


def test_when_one_column_then_lines_in_order_with_headings() -> None:
    """A plain resume must come out line by line, dates kept on their title lines."""
    extraction = read_pdf(factory.one_column_resume())
    assert extraction.kind == "pdf"
    assert extraction.pages == 1
    assert [(line.text, line.heading) for line in extraction.lines] == list(
        factory.ONE_COLUMN_LINES
    )
    assert all(line.page == 1 and line.origin == "body" for line in extraction.lines)


@pytest.mark.parametrize(
    ("make", "left", "right"),
    [
        (factory.two_column_resume, factory.TWO_COLUMN_LEFT, factory.TWO_COLUMN_RIGHT),
        (factory.sidebar_resume, factory.SIDEBAR_TEXTS, factory.MAIN_TEXTS),
    ],
    ids=["two-columns", "left-sidebar"],
)
def test_when_columns_then_never_mixed_and_left_first(
    make: Callable[[], bytes], left: Sequence[str], right: Sequence[str]
) -> None:
    """Side-by-side columns must not be interleaved: each is read whole, left one first."""
    assert not _tokens(left) & _tokens(right), "factory vocabularies must be disjoint"
    labels = _sides(read_pdf(make()), left, right)
    assert _contiguous_left_first(labels), labels


def test_when_full_width_header_over_columns_then_header_first_and_intact() -> None:
    """A centred name and contact line above two columns stay whole and come first."""
    extraction = read_pdf(factory.header_two_column_resume())
    texts = [line.text for line in extraction.lines]
    assert texts[:2] == [factory.HEADER_NAME, factory.HEADER_CONTACT]
    assert extraction.lines[0].heading
    rest = Extraction("pdf", extraction.lines[2:])
    labels = _sides(rest, factory.TWO_COLUMN_LEFT, factory.TWO_COLUMN_RIGHT)
    assert _contiguous_left_first(labels), labels


def test_when_table_between_paragraphs_then_rows_whole_and_apart() -> None:
    """A ruled table is read row by row, marked as table, without text above or below in it."""
    extraction = read_pdf(factory.table_resume())
    got = [(line.text, line.origin) for line in extraction.lines]
    assert got == [
        ("Certifications", "body"),
        (factory.TABLE_BEFORE, "body"),
        *((" ".join(row), "table") for row in factory.TABLE_ROWS),
        (factory.TABLE_AFTER, "body"),
    ]


def test_when_user_password_then_encrypted_error() -> None:
    """A PDF that needs a password cannot be read and must say so."""
    with pytest.raises(EncryptedPdfError):
        read_pdf(factory.encrypted_pdf(user_password="secret", owner_password="owner"))


def test_when_owner_password_only_then_reads_normally() -> None:
    """Owner-only encryption opens with an empty password, so the file must not be refused."""
    extraction = read_pdf(factory.encrypted_pdf(user_password=None, owner_password="owner"))
    assert [line.text for line in extraction.lines] == [t for t, _ in factory.ONE_COLUMN_LINES]


@pytest.mark.parametrize(
    "data",
    [
        factory.one_column_resume()[: len(factory.one_column_resume()) // 2],
        b"%PDF-1.4\n" + bytes(range(256)) * 8,
        b"%PDF-1.4\n",
    ],
    ids=["truncated-half", "garbage-after-header", "header-only"],
)
def test_when_damaged_then_corrupt_file_error(data: bytes) -> None:
    """Truncated or garbage PDFs map to one friendly error, never a library exception."""
    with pytest.raises(CorruptFileError):
        read_pdf(data)


def test_when_too_many_pages_then_refused() -> None:
    """One page over the limit is refused before any text is read."""
    with pytest.raises(TooManyPagesError):
        read_pdf(factory.many_pages_pdf(MAX_PDF_PAGES + 1))


def test_when_page_limit_exactly_then_reads_every_page_in_order() -> None:
    """A PDF at the limit reads, with 1-based page numbers on its lines."""
    extraction = read_pdf(factory.many_pages_pdf(MAX_PDF_PAGES))
    assert extraction.pages == MAX_PDF_PAGES
    assert [(line.page, line.text) for line in extraction.lines] == [
        (k, f"Page {k} of the document") for k in range(1, MAX_PDF_PAGES + 1)
    ]


def test_when_image_only_then_empty_text_without_error() -> None:
    """A scanned-looking page gives no lines; judging that is the quality check's job."""
    extraction = read_pdf(factory.image_only_pdf())
    assert extraction.lines == ()
    assert extraction.pages == 1


_LIBRARY_FAILURES = [
    (MemoryError(), ResourceLimitError),
    (RecursionError(), CorruptFileError),
    (ValueError("document text that must not leak"), CorruptFileError),
]


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        *_LIBRARY_FAILURES,
        (pdfium.PdfiumError("x", err_code=pdfium_c.FPDF_ERR_PASSWORD), EncryptedPdfError),
        (pdfium.PdfiumError("x", err_code=pdfium_c.FPDF_ERR_SECURITY), EncryptedPdfError),
        (pdfium.PdfiumError("document text that must not leak", err_code=3), CorruptFileError),
    ],
    ids=["memory", "recursion", "other", "password", "security-handler", "format"],
)
def test_when_pdfium_fails_to_open_then_mapped_to_input_error(
    monkeypatch: pytest.MonkeyPatch, raised: BaseException, expected: type[Exception]
) -> None:
    """pdfium's load failures surface as InputError subclasses whose message quotes nothing."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pdf_reader.pdfium, "PdfDocument", fail)
    with pytest.raises(expected) as info:
        read_pdf(b"%PDF-1.4\n")
    assert "must not leak" not in str(info.value)


@pytest.mark.parametrize(
    ("raised", "expected"), _LIBRARY_FAILURES, ids=["memory", "recursion", "other"]
)
def test_when_page_reading_fails_then_mapped_to_input_error(
    monkeypatch: pytest.MonkeyPatch, raised: BaseException, expected: type[Exception]
) -> None:
    """A failure while reading a page's characters is mapped like a failure to open."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pdf_reader, "read_page", fail)
    with pytest.raises(expected) as info:
        read_pdf(factory.one_column_resume())
    assert "must not leak" not in str(info.value)


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        *_LIBRARY_FAILURES,
        (PdfminerException(PDFPasswordIncorrect()), EncryptedPdfError),
    ],
    ids=["memory", "recursion", "other", "wrapped-password"],
)
def test_when_pdfplumber_fails_then_mapped_to_input_error(
    monkeypatch: pytest.MonkeyPatch, raised: BaseException, expected: type[Exception]
) -> None:
    """The reference reader maps library failures the same way (it is used for comparisons)."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(pdf_plumber.pdfplumber, "open", fail)
    with pytest.raises(expected) as info:
        pdf_plumber.read_pdf_plumber(b"%PDF-1.4\n")
    assert "must not leak" not in str(info.value)


@pytest.mark.parametrize(
    "make",
    [
        factory.one_column_resume,
        factory.two_column_resume,
        factory.sidebar_resume,
        factory.header_two_column_resume,
        factory.table_resume,
        lambda: factory.many_pages_pdf(3),
        lambda: factory.encrypted_pdf(user_password=None, owner_password="owner"),
    ],
    ids=["one-column", "two-columns", "sidebar", "header", "table", "pages", "owner-password"],
)
def test_when_pdfium_and_pdfplumber_read_a_layout_then_same_lines(
    make: Callable[[], bytes],
) -> None:
    """The pdfium reader must give the structure step exactly what the pdfplumber reader gave."""
    data = make()
    assert read_pdf(data) == pdf_plumber.read_pdf_plumber(data)


def test_when_reading_then_pdfminer_logger_pinned_to_warning() -> None:
    """pdfminer logs page text at DEBUG, so the reader pins its logger to WARNING."""
    logging.getLogger("pdfminer").setLevel(logging.DEBUG)
    read_pdf(factory.many_pages_pdf(1))
    assert logging.getLogger("pdfminer").level == logging.WARNING


def _w(text: str, x0: float, top: float, *, size: float = 10.0, font: str = "F") -> Word:
    return Word(text, x0, x0 + 6 * len(text), top, top + size, size, bold=False, font=font)


def _paragraph(top: float, rows: int) -> list[Word]:
    """Full-width rows of short words, as in a one-column resume."""
    return [_w("word", 40 + 30 * k, top + 14 * r) for r in range(rows) for k in range(17)]


def _texts(words: list[Word], tables: Sequence[TableBlock] = ()) -> list[str]:
    return [join_words(line.words) for line in order_page(words, tables)]


def test_when_dates_right_aligned_on_stacked_rows_then_rows_stay_whole() -> None:
    """Company lines with a far-right date, several in a row, are lines, not two columns."""
    rows = [_w("Acme", 40, 100 + 14 * r) for r in range(4)]
    dates = [_w("2019-2021", 500, 100 + 14 * r) for r in range(4)]
    assert _texts([*rows, *dates, *_paragraph(160, 3)])[:4] == ["Acme 2019-2021"] * 4


def test_when_sparse_dates_on_left_then_read_with_their_lines() -> None:
    """Dates in a narrow left column beside entries (moderncv style) stay on their lines."""
    main = [_w("entry", 150 + 40 * k, 100 + 14 * r) for r in range(6) for k in range(8)]
    dates = [_w("2017", 40, 100), _w("2012", 40, 100 + 14 * 3)]
    texts = _texts([*main, *dates])
    assert texts[0].startswith("2017 entry")
    assert texts[3].startswith("2012 entry")


def test_when_font_change_inside_token_then_no_space() -> None:
    """A bold prefix touching regular text is one token; words split by spaces keep theirs."""
    words = [_w("Skills", 40, 100, font="Bold"), Word(":", 76.2, 78, 100, 110, 10, False, "F")]
    assert join_words(words) == "Skills:"
    assert join_words([_w("from", 40, 100), Word("USD", 64.5, 80, 100, 110, 10, False, "F")]) == (
        "from USD"
    )


def test_when_all_caps_or_bold_short_line_then_heading_hint() -> None:
    """Short ALL CAPS or all-bold lines are heading hints; body sentences are not."""
    body = 10.0
    caps = (_w("WORK", 40, 100), _w("HISTORY", 80, 100))
    bold = (Word("Skills", 40, 70, 100, 110, 10, True),)
    sentence = tuple(_w(t, 40 + 40 * k, 100) for k, t in enumerate(["I", "wrote", "the", "guide"]))
    assert is_heading(caps, "WORK HISTORY", body)
    assert is_heading(bold, "Skills", body)
    assert not is_heading(sentence, "I wrote the guide", body)


@pytest.mark.shared_data
def test_when_livecareer_pdfs_then_lines_and_no_errors(shared_data: Path) -> None:
    """Real one-column resumes read without errors (skipped when ../shared is absent)."""
    files = sorted((shared_data / "resumes" / "livecareer" / "pdf").glob("*/*.pdf"))[:10]
    if len(files) < 10:
        pytest.skip("shared livecareer PDFs are not available")
    for path in files:
        extraction = read_pdf(path.read_bytes())
        assert extraction.lines
        assert not any("\x0c" in line.text for line in extraction.lines)
