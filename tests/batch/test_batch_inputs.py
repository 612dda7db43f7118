"""Batch input collection: folders, zips under the B-row limits, hostile names (no spaCy)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from batch_fixtures import PNG_BYTES, make_zip, pdf_resume, symlink_info, txt_resume
from docx_factory import patch_declared_size

from hitl_resume.batch.inputs import (
    ZIP_MAX_MEMBERS,
    Collection,
    collect_inputs,
    display_path,
)


def _codes(collection: Collection) -> dict[str, str | None]:
    """Display name → error code (``None`` when the file will be analysed)."""
    out: dict[str, str | None] = {}
    for item in collection.items:
        try:
            item.load()
            out[item.file] = None
        except Exception as exc:
            out[item.file] = getattr(exc, "code", type(exc).__name__)
    return out


def _zip_at(tmp_path: Path, data: bytes, name: str = "clients.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_when_folder_has_links_fifos_and_subfolders_then_only_regular_files_are_items(
    tmp_path: Path,
) -> None:
    """B-08: symlinks (even to /etc/passwd) and FIFOs are noted, never read."""
    root = tmp_path / "clients"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a" / "cv.txt").write_bytes(txt_resume("a"))
    (root / "b" / "cv.txt").write_bytes(txt_resume("b"))
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "dirlink").symlink_to(root / "a", target_is_directory=True)
    os.mkfifo(root / "pipe.txt")
    collection = collect_inputs([root])
    assert [item.file for item in collection.items] == ["a/cv.txt", "b/cv.txt"]
    assert {(n.file, n.code) for n in collection.notes} == {
        ("passwd.txt", "skipped"),
        ("dirlink", "skipped"),
        ("pipe.txt", "skipped"),
    }


def test_when_outdir_is_inside_an_input_folder_then_it_is_not_scanned(tmp_path: Path) -> None:
    """Reports from an earlier run must not come back as resumes."""
    (tmp_path / "out" / "reports").mkdir(parents=True)
    (tmp_path / "out" / "reports" / "x.json").write_text("{}")
    (tmp_path / "cv.txt").write_bytes(txt_resume())
    collection = collect_inputs([tmp_path], exclude=tmp_path / "out")
    assert [item.file for item in collection.items] == ["cv.txt"]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["../../etc/passwd"], "etc/passwd"),
        (["/abs/cv.pdf"], "abs/cv.pdf"),
        (["C:\\Users\\x\\cv.pdf"], "Users/x/cv.pdf"),
        (["a/./b/../cv.pdf"], "a/b/cv.pdf"),
        (["bad\x1b[31mname\x00.pdf"], "bad [31mname .pdf"),
        (["..", "."], "unnamed"),
    ],
)
def test_when_names_are_hostile_then_display_paths_are_sanitised(
    parts: list[str], expected: str
) -> None:
    """B-02: traversal, absolute and drive parts and controls never reach a display name."""
    assert display_path(parts) == expected


def test_when_zip_has_hostile_nested_and_duplicate_members_then_each_is_handled(
    tmp_path: Path,
) -> None:
    """B-02, B-03, B-06: members stay in memory under unique display names; archives refused."""
    inner = make_zip([("x.txt", txt_resume())])
    data = make_zip(
        [
            ("a/cv.txt", txt_resume("a")),
            ("b/cv.txt", txt_resume("b")),
            ("../../escape.txt", txt_resume("c")),
            ("/etc/cron.d/evil.txt", txt_resume("d")),
            ("inner.zip", inner),
            ("disguised.pdf", inner),
            ("cv.docx", make_zip([("word/document.xml", b"<w/>")])),
            ("photo.png", PNG_BYTES),
            ("folder/", b""),
            (symlink_info("link.txt"), b"/etc/passwd"),
            ("__MACOSX/._cv.txt", b"\x00\x05"),
        ]
    )
    collection = collect_inputs([_zip_at(tmp_path, data)])
    assert _codes(collection) == {
        "a/cv.txt": None,
        "b/cv.txt": None,
        "escape.txt": None,
        "etc/cron.d/evil.txt": None,
        "inner.zip": "unsupported_type",
        "disguised.pdf": "unsupported_type",
        "cv.docx": None,  # a DOCX is a zip; the parser's own precheck judges it
        "photo.png": None,  # refused later by the type sniffer, like any upload
    }
    assert {(n.file, n.code) for n in collection.notes} == {
        ("folder", "skipped"),
        ("link.txt", "skipped"),
        ("__MACOSX/._cv.txt", "skipped"),
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clients.zip"]  # nothing extracted


def test_when_zip_repeats_a_member_name_then_the_copy_is_skipped(tmp_path: Path) -> None:
    """B-06: a duplicate entry name is noted, not analysed twice or confused with the first."""
    buffer = make_zip([("cv.txt", txt_resume("1"))])
    with (
        zipfile.ZipFile(_zip_at(tmp_path, buffer), "a") as archive,
        pytest.warns(UserWarning, match="Duplicate name"),
    ):
        archive.writestr("cv.txt", txt_resume("2"))
    collection = collect_inputs([tmp_path / "clients.zip"])
    assert [item.file for item in collection.items] == ["cv.txt"]
    assert [n.message for n in collection.notes] == ["Duplicate entry in the zip skipped."]


def test_when_the_same_name_comes_from_folder_and_zip_then_names_stay_unique(
    tmp_path: Path,
) -> None:
    """Rows must stay distinguishable when inputs overlap (case-insensitively too)."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "CV.txt").write_bytes(txt_resume("x"))
    archive = _zip_at(tmp_path, make_zip([("cv.txt", txt_resume("y"))]))
    collection = collect_inputs([folder, archive])
    assert [item.file for item in collection.items] == ["CV.txt", "cv (2).txt"]


def _limit_case(case: str) -> bytes:
    if case == "members":
        return make_zip([(f"{n}.txt", b"x") for n in range(ZIP_MAX_MEMBERS + 1)])
    base = make_zip([("a.txt", txt_resume()), ("b.txt", txt_resume("b"))])
    if case == "member_size":
        return patch_declared_size(base, "a.txt", 11 * 1024 * 1024)
    if case == "total_size":
        data = make_zip([(f"{n}.pdf", b"%PDF" + bytes(1000)) for n in range(11)], stored=True)
        for n in range(11):
            data = patch_declared_size(data, f"{n}.pdf", 9_900_000, compress_size=9_900_000)
        return data
    assert case == "ratio"
    return make_zip([("zeros.txt", bytes(2 * 1024 * 1024))])


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("members", "at most 200"),
        ("member_size", "over 10 MB"),
        ("total_size", "more than 100 MB"),
        ("ratio", "100 to 1"),
    ],
)
def test_when_zip_breaks_a_limit_then_the_whole_zip_is_refused_before_reading(
    tmp_path: Path, case: str, message: str
) -> None:
    """B-04: limits are read from the central directory; the zip becomes one error row."""
    collection = collect_inputs([_zip_at(tmp_path, _limit_case(case))])
    assert len(collection.items) == 1
    item = collection.items[0]
    assert item.file == "clients.zip"
    assert item.error is not None
    assert item.error.code == "file_too_complex"
    assert message in item.error.message


def test_when_a_member_header_lies_then_only_that_member_is_refused(tmp_path: Path) -> None:
    """B-05: the bounded read sees more data than declared; the other members continue."""
    data = make_zip([("liar.txt", txt_resume("liar")), ("fine.txt", txt_resume("fine"))])
    data = patch_declared_size(data, "liar.txt", 100)
    assert _codes(collect_inputs([_zip_at(tmp_path, data)])) == {
        "liar.txt": "file_too_complex",
        "fine.txt": None,
    }


@pytest.mark.parametrize(
    ("payload", "code"),
    [(b"not a zip at all", "corrupt_file"), (b"PK\x03\x04" + bytes(40), "corrupt_file")],
)
def test_when_a_zip_is_damaged_then_it_is_one_error_row(
    tmp_path: Path, payload: bytes, code: str
) -> None:
    """A broken archive costs one row, not the batch."""
    assert _codes(collect_inputs([_zip_at(tmp_path, payload)])) == {"clients.zip": code}


def test_when_a_member_is_encrypted_then_it_is_refused(tmp_path: Path) -> None:
    """Password-protected members cannot be read; they get a row with a code."""
    data = bytearray(make_zip([("secret.pdf", pdf_resume())]))
    offset = data.find(b"PK\x01\x02")
    data[offset + 8] |= 0x1  # general-purpose flag bit 0: encrypted
    assert _codes(collect_inputs([_zip_at(tmp_path, bytes(data))])) == {
        "secret.pdf": "unsupported_type"
    }
