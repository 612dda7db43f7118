"""Collect batch inputs: folders (regular files only), zips read in memory, and single files.

Zip member names are hostile (docs/security.md B-02): they become sanitised, unique display names
and are never used as paths. Every size limit is checked on the central directory before anything
is decompressed (B-04), and every read is bounded so a lying header cannot inflate (B-05).
"""

from __future__ import annotations

import copy
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hitl_resume.batch.results import Note
from hitl_resume.errors import (
    CorruptFileError,
    FileTooComplexError,
    FileTooLargeError,
    InputError,
    UnsupportedTypeError,
)
from hitl_resume.ingest.display_names import display_name
from hitl_resume.ingest.source import read_source_bytes

# Batch limits (docs/security.md B-04); kept here because limits.py belongs to the foundation.
ZIP_MAX_MEMBERS = 200
ZIP_MAX_TOTAL_BYTES = 100 * 1024 * 1024
ZIP_MAX_MEMBER_BYTES = 10 * 1024 * 1024
ZIP_MAX_RATIO = 100
ZIP_RATIO_MIN_BYTES = 1024 * 1024  # tiny members may compress well; their inflation is bounded
ZIP_MAX_FILE_BYTES = ZIP_MAX_TOTAL_BYTES  # the archive itself, read into memory
MAX_DISPLAY_CHARS = 160

ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".gz", ".tgz", ".tar", ".bz2", ".xz", ".zst", ".jar")
_ZIP_MAGIC = b"PK\x03\x04"
_ARCHIVE_MAGICS = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"Rar!\x1a\x07",
    b"7z\xbc\xaf\x27\x1c",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ\x00",
    b"\x28\xb5\x2f\xfd",
)
_SKIPPED_COMPONENTS = {"__MACOSX"}


@dataclass(frozen=True, slots=True)
class InputItem:
    """One file to analyse: a regular file on disk, bytes from a zip, or an error found early."""

    file: str
    path: Path | None = None
    data: bytes | None = None
    error: InputError | None = None

    def load(self) -> bytes:
        """Return the bytes; raise ``InputError`` for unreadable, oversize or refused files."""
        if self.error is not None:
            raise self.error
        if self.data is not None:
            return self.data
        assert self.path is not None
        return read_source_bytes(self.path)


@dataclass(frozen=True, slots=True)
class Collection:
    """The batch's files in a stable order, plus notes about what was skipped."""

    items: tuple[InputItem, ...]
    notes: tuple[Note, ...]


class _Names:
    """Hand out display names that stay distinct (case-insensitively) within one batch."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, name: str) -> str:
        candidate, number = name, 1
        while candidate.casefold() in self._taken:
            number += 1
            stem, dot, ext = name.rpartition(".")
            candidate = f"{stem} ({number}).{ext}" if dot and stem else f"{name} ({number})"
        self._taken.add(candidate.casefold())
        return candidate


def display_path(parts: Sequence[str]) -> str:
    """Join sanitised path components for display; traversal and drive parts are dropped."""
    clean: list[str] = []
    for raw in parts:
        for piece in raw.replace("\\", "/").split("/"):
            if not piece or piece in {".", ".."} or (len(piece) == 2 and piece[1] == ":"):
                continue
            name = display_name(piece)
            if name:
                clean.append(name)
    text = "/".join(clean) or "unnamed"
    if len(text) > MAX_DISPLAY_CHARS:
        text = "…" + text[-(MAX_DISPLAY_CHARS - 1) :]
    return text


def collect_inputs(inputs: Sequence[Path], *, exclude: Path | None = None) -> Collection:
    """Expand folders, zips and single files into items, in the order given.

    ``exclude`` (the output folder) is never scanned, so reports are not re-read as resumes.
    """
    names = _Names()
    items: list[InputItem] = []
    notes: list[Note] = []
    excluded = exclude.resolve() if exclude is not None else None
    for source in inputs:
        label = display_path([source.name or str(source)])
        if source.is_dir():
            for rel, path in _walk(source, excluded, notes):
                _add_file(path, rel, names, items, notes)
        else:
            _add_file(source, [source.name], names, items, notes, top_level_label=label)
    return Collection(tuple(items), tuple(notes))


def _add_file(
    path: Path,
    rel: list[str],
    names: _Names,
    items: list[InputItem],
    notes: list[Note],
    top_level_label: str | None = None,
) -> None:
    shown = top_level_label or display_path(rel)
    if path.name.lower().endswith(".zip"):
        prefix = [] if top_level_label is not None else rel
        items.extend(_zip_items(path, shown, prefix, names, notes))
    else:
        items.append(InputItem(file=names.claim(shown), path=path))


def _walk(root: Path, excluded: Path | None, notes: list[Note]) -> Iterator[tuple[list[str], Path]]:
    """Yield regular files under ``root`` in sorted order; symlinks and specials become notes."""
    stack: list[tuple[Path, list[str]]] = [(root, [])]
    while stack:
        folder, rel = stack.pop()
        try:
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError:
            notes.append(Note(display_path(rel) or ".", "skipped", "This folder can't be read."))
            continue
        subfolders: list[tuple[Path, list[str]]] = []
        for entry in entries:
            parts = [*rel, entry.name]
            shown = display_path(parts)
            if entry.name.startswith(".") or entry.name in _SKIPPED_COMPONENTS:
                notes.append(Note(shown, "skipped", "Hidden entry skipped."))
            elif entry.is_symlink():
                notes.append(Note(shown, "skipped", "Symbolic link skipped (not followed)."))
            elif entry.is_dir(follow_symlinks=False):
                if excluded is None or Path(entry.path).resolve() != excluded:
                    subfolders.append((Path(entry.path), parts))
            elif entry.is_file(follow_symlinks=False):
                yield parts, Path(entry.path)
            else:
                notes.append(Note(shown, "skipped", "Not a regular file (device, FIFO or socket)."))
        stack.extend(reversed(subfolders))


def collect_uploads(uploads: Sequence[tuple[str, bytes]]) -> Collection:
    """Like ``collect_inputs`` for files already in memory (web uploads): (name, bytes) pairs.

    A ``.zip`` upload is expanded with the same limits and notes as a zip on disk; names are
    display names only.
    """
    names = _Names()
    items: list[InputItem] = []
    notes: list[Note] = []
    for filename, data in uploads:
        shown = display_path([filename])
        if filename.lower().endswith(".zip"):
            items.extend(_zip_items_from_bytes(data, shown, [], names, notes))
        else:
            items.append(InputItem(file=names.claim(shown), data=data))
    return Collection(tuple(items), tuple(notes))


def _zip_items(
    path: Path, shown: str, prefix: list[str], names: _Names, notes: list[Note]
) -> list[InputItem]:
    """Read a zip into memory and turn its members into items; refuse it whole when over limits."""
    try:
        data = _read_zip_file(path)
    except InputError as error:
        return [InputItem(file=names.claim(shown), error=error)]
    return _zip_items_from_bytes(data, shown, prefix, names, notes)


def _zip_items_from_bytes(
    data: bytes, shown: str, prefix: list[str], names: _Names, notes: list[Note]
) -> list[InputItem]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        check_zip_limits(infos)
    except InputError as error:
        return [InputItem(file=names.claim(shown), error=error)]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        return [InputItem(file=names.claim(shown), error=CorruptFileError())]
    items: list[InputItem] = []
    seen: set[str] = set()
    budget = ZIP_MAX_TOTAL_BYTES
    with archive:
        for info in infos:
            member = display_path([*prefix, info.filename])
            if info.is_dir():
                notes.append(Note(member, "skipped", "Folder entry in the zip skipped."))
                continue
            if stat.S_ISLNK(info.external_attr >> 16):
                notes.append(Note(member, "skipped", "Symbolic link in the zip skipped."))
                continue
            if info.filename in seen:
                notes.append(Note(member, "skipped", "Duplicate entry in the zip skipped."))
                continue
            seen.add(info.filename)
            last = info.filename.replace("\\", "/").rsplit("/", 1)[-1]
            if last.startswith(".") or _SKIPPED_COMPONENTS & set(info.filename.split("/")):
                notes.append(Note(member, "skipped", "Hidden entry in the zip skipped."))
                continue
            try:
                payload = read_member(archive, info, budget)
            except InputError as error:
                items.append(InputItem(file=names.claim(member), error=error))
                continue
            budget -= len(payload)
            items.append(InputItem(file=names.claim(member), data=payload))
    return items


def _read_zip_file(path: Path) -> bytes:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise UnsupportedTypeError()
        with path.open("rb") as handle:
            data = handle.read(ZIP_MAX_FILE_BYTES + 1)
    except OSError:
        raise CorruptFileError("We couldn't open this zip file.") from None
    if len(data) > ZIP_MAX_FILE_BYTES:
        raise FileTooLargeError("Zip files must be under 100 MB.")
    return data


def check_zip_limits(infos: Sequence[zipfile.ZipInfo]) -> None:
    """Refuse the whole zip from its central directory alone (nothing is decompressed)."""
    if len(infos) > ZIP_MAX_MEMBERS:
        raise FileTooComplexError(
            f"This zip has {len(infos)} entries; a batch zip may hold at most {ZIP_MAX_MEMBERS}."
        )
    total = sum(info.file_size for info in infos)
    if total > ZIP_MAX_TOTAL_BYTES:
        raise FileTooComplexError(
            "This zip unpacks to more than 100 MB; split it into smaller zips."
        )
    for info in infos:
        if info.file_size > ZIP_MAX_MEMBER_BYTES:
            raise FileTooComplexError("A file in this zip is over 10 MB once unpacked.")
        if info.file_size >= ZIP_RATIO_MIN_BYTES and (
            info.compress_size == 0 or info.file_size / info.compress_size > ZIP_MAX_RATIO
        ):
            raise FileTooComplexError(
                "A file in this zip is compressed more than 100 to 1, as zip bombs are."
            )
    compressed = sum(info.compress_size for info in infos)
    if total >= ZIP_RATIO_MIN_BYTES and (compressed == 0 or total / compressed > ZIP_MAX_RATIO):
        raise FileTooComplexError("This zip is compressed more than 100 to 1, as zip bombs are.")


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Return one member's bytes with a bounded read; refuse archives and lying headers."""
    name = info.filename.lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        raise UnsupportedTypeError("Archives inside the zip aren't opened. Add the files directly.")
    if info.flag_bits & 0x1:
        raise UnsupportedTypeError("Password-protected files in the zip can't be read.")
    cap = min(ZIP_MAX_MEMBER_BYTES, budget)
    # Read up to the cap, not the declared size, so a member that inflates past its header is seen.
    probe = copy.copy(info)
    probe.file_size = cap + 1
    try:
        with archive.open(probe) as handle:
            data = handle.read(cap + 1)
    except NotImplementedError:
        raise UnsupportedTypeError(
            "This file in the zip uses an unsupported compression."
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise CorruptFileError() from None
    if len(data) > cap or len(data) != info.file_size:
        raise FileTooComplexError(
            "This file in the zip does not match the size its header declares."
        )
    if data.startswith(_ARCHIVE_MAGICS) and not (
        data.startswith(_ZIP_MAGIC) and name.endswith(".docx")
    ):
        raise UnsupportedTypeError("Archives inside the zip aren't opened. Add the files directly.")
    if data[257:262] == b"ustar":
        raise UnsupportedTypeError("Archives inside the zip aren't opened. Add the files directly.")
    return data
