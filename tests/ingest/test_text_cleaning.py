"""Decoding and cleaning of text input (docs/security.md U-24, T-03, E-04)."""

from __future__ import annotations

import pytest

from hitl_resume.ingest.text_cleaning import clean_line, clean_text, decode_text, strip_unsafe


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Résumé — Anna".encode(), "Résumé — Anna"),
        ("Résumé — Anna".encode("utf-16"), "Résumé — Anna"),
        (b"\xef\xbb\xbfHello", "Hello"),
        ("Résumé".encode("latin-1"), "Résumé"),
        ("“Quoted” – text".encode("cp1252"), "“Quoted” – text"),
        ("Résumé lines".encode("utf-16-le"), "Résumé lines"),
    ],
)
def test_when_text_is_in_a_common_encoding_then_it_decodes(data: bytes, expected: str) -> None:
    """UTF-8, UTF-16 (with or without BOM), Latin-1 and Windows-1252 files all work."""
    assert decode_text(data) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x00b", "a b"),
        ("tab\tand\x0bvertical", "tab  and vertical"),
        ("page\x0cbreak", "page break"),
        ("lone \ud800 surrogate", "lone surrogate"),
        ("non\ufffecharacter", "non character"),
        ("rtl \u202egpj.exe", "rtl gpj.exe"),
        ("  many    spaces  ", "many  spaces"),
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
    ],
)
def test_when_line_has_control_characters_then_they_are_removed(raw: str, expected: str) -> None:
    """Control characters never reach spaCy or a DOCX export; invisible marks go, a tab or a
    wide gap stays a two-space column gap (the one cleaner's one assumption)."""
    assert clean_line(raw) == expected


def test_when_text_has_mixed_newlines_then_lines_are_kept() -> None:
    """CRLF, CR and form feeds become line breaks; blank runs collapse to one."""
    assert clean_text("a\r\nb\rc\x0c\n\n\nd") == "a\nb\nc\n\nd"


def test_when_exporting_then_xml_unsafe_characters_are_stripped() -> None:
    """python-docx raises ValueError on these; strip_unsafe keeps newlines and tabs."""
    assert strip_unsafe("a\x00b\x0bc\x0cd\ufffee\nf\tg") == "abcde\nf\tg"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("WORK\tAcme Ltd\t\tFull Stack Developer", "WORK  Acme Ltd  Full Stack Developer"),
        ("EXPERIENCE      Led the team", "EXPERIENCE  Led the team"),
        ("Engineer \u2003\u2003 2019 – 2021", "Engineer  2019 – 2021"),
        ("one\u00a0space", "one space"),
        ("Company Name â€“ City", "Company Name – City"),
        ("\t\tIndented\t", "Indented"),
    ],
)
def test_when_line_has_columns_then_one_gap_of_two_spaces_remains(raw: str, expected: str) -> None:
    """Structure splits headings and header fields on two spaces; the cleaner must keep them."""
    assert clean_line(raw) == expected


@pytest.mark.parametrize("raw", ["a\tb", "  x   y  ", "Â\u00a0z\x00\u200b w", "p\u2003\u2003q r"])
def test_cleaning_twice_changes_nothing(raw: str) -> None:
    """Reader, finish and build_document all run the cleaner; a second pass must be a no-op."""
    once = clean_line(raw)
    assert clean_line(once) == once


def test_when_prose_has_double_spaces_then_clean_text_makes_them_one() -> None:
    """Postings and edits are prose: no columns, so a phrase split by two spaces joins again."""
    assert clean_text("practices of  effective\tleadership\n\n\nnext") == (
        "practices of effective leadership\n\nnext"
    )
