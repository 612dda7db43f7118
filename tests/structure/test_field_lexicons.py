"""The structure lexicon files added for field labels and places load, validate and match."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_resume.language.jsonl_reader import LexiconError
from hitl_resume.language.structure_lexicon import load_field_labels, load_places
from hitl_resume.structure.field_labels import field_labels, is_personal
from hitl_resume.structure.places import places


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Designation: Team Lead", "title"),
        ("Company : Acme Ltd", "organization"),
        ("Duration  Nov'18 – Till date", "dates"),
        ("Responsibilities:", "duties"),
        ("Date of Birth: 01/02/1990", "personal"),
        ("Phone 0091 98765 43210", "personal"),
        ("Marital Status Single", "personal"),
    ],
)
def test_labels_open_lines(text: str, field: str) -> None:
    """A label at a line start, before a colon, a gap or a number, names its field."""
    found = field_labels().match(text)
    assert found is not None
    assert found.field == field


@pytest.mark.parametrize(
    "text", ["Contact center agent", "Health Information Technician", "Role of the team"]
)
def test_words_that_happen_to_be_labels_are_not_fields(text: str) -> None:
    """Without a colon or gap, "Contact", "Health" and "Role" start ordinary lines."""
    assert field_labels().match(text) is None
    assert not is_personal(text)


def test_field_label_errors_name_file_and_line(tmp_path: Path) -> None:
    """A bad field name is reported with the file and line, like every lexicon file."""
    (tmp_path / "entry_fields.jsonl").write_text(
        '// header\n{"id": "field.hobby", "field": "hobby", "labels": ["x"]}\n', "utf-8"
    )
    with pytest.raises(LexiconError) as error:
        load_field_labels(tmp_path)
    assert "entry_fields.jsonl" in str(error.value)
    assert ":2" in str(error.value)


def test_place_errors_name_file_and_line(tmp_path: Path) -> None:
    """Names must be lowercase; the error points at the line."""
    (tmp_path / "places.jsonl").write_text(
        '{"id": "place.cities", "kind": "city", "names": ["Dubai"]}\n', "utf-8"
    )
    with pytest.raises(LexiconError) as error:
        load_places(tmp_path)
    assert ":1" in str(error.value)


def test_places_know_countries_and_cities() -> None:
    """Non-US places are locations, so "Dubai" is never taken as a job title."""
    assert places().is_place("Dubai")
    assert places().is_country("United Arab Emirates")
    assert not places().is_place("Acme Ltd")
