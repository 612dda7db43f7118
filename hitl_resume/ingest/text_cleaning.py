"""Decode text files and strip characters that break NLP or DOCX export (U-24, T-03, E-04)."""

from __future__ import annotations

import re
import unicodedata

from hitl_resume.errors import UnsupportedEncodingError

# C0/C1 controls except tab and newline; DEL; non-characters; lone surrogates.
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u200b\u2028\u2029\ufeff]"
)
# In a line, a run of controls or breaks (with a space either side) separates words like one space.
_LINE_CONTROL_RE = re.compile(
    " ?[\x00-\x08\n\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u2028\u2029]+ ?"
)
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# A column gap: a tab, or two or more spaces of any width.
_GAP_RE = re.compile(r"\s*\t\s*|[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}")
_ANY_SPACE_RE = re.compile(r"\s+")
COLUMN_GAP = "  "
# Invisible marks: what a reader sees has nothing where they stand, so they go.
_INVISIBLE: dict[int, None] = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
)
# Mojibake that cp1252-decoded UTF-8 leaves in real exported resumes (seen in the livecareer set).
_MOJIBAKE = (
    # A fullwidth separator, used between dates and between company and city.
    ("ï¼\u200b", "–"),
    ("ï¼", "–"),
    ("â€“", "–"),
    ("â€”", "—"),
    ("â€¢", "•"),
    ("â€™", "’"),
    ("â€˜", "‘"),
    ("â€œ", "“"),
    ("â€\u200b", "”"),
    ("â€¨", " "),
    ("â€‹", ""),
    ("â—¦", "◦"),
    ("Â·", "·"),
    ("Â®", "®"),
    ("Ã©", "é"),
    ("Ã³", "ó"),
    ("Ã¡", "á"),
    ("Ãº", "ú"),
    ("Â\u00a0", " "),
    ("Â ", " "),
    ("Â", ""),
)
# Bidirectional overrides can disguise text (U-25); they carry no meaning in a resume.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def decode_text(data: bytes) -> str:
    """Decode TXT bytes: BOM UTF-8/16, then UTF-8, UTF-16 by NUL pattern, then cp1252/Latin-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:1024]
    if head.count(b"\x00") > len(head) // 4:
        codec = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return _decode(data, codec)
    text = data.decode("latin-1")
    if any("\x80" <= ch <= "\x9f" for ch in text):
        # Windows-1252 punctuation lands in the C1 range under Latin-1.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return text  # bytes cp1252 leaves undefined: Latin-1, controls cleaned later
    return text


def _decode(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise UnsupportedEncodingError() from None


def clean_line(text: str) -> str:
    """Return one line as every later step reads it: clean characters, columns kept apart.

    The one assumption: a tab or a run of two or more spaces is a column gap (a heading in a
    left column, a date pushed right), written as exactly two spaces so structure can split
    on it; any other whitespace is one space. Known mojibake is repaired, invisible marks are
    dropped, control characters become spaces, and the ends are stripped. Idempotent.
    """
    if "Ã" in text or "Â" in text or "â€" in text or "ï¼" in text or "â—" in text:
        for bad, good in _MOJIBAKE:
            text = text.replace(bad, good)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _BIDI_RE.sub("", text)
    text = _LINE_CONTROL_RE.sub(" ", text)
    cells = (_SPACES_RE.sub(" ", cell).strip() for cell in _GAP_RE.split(text))
    return COLUMN_GAP.join(cell for cell in cells if cell)


def normalize_space(text: str) -> str:
    """Collapse whitespace runs (line breaks included) to one space and strip the ends."""
    return _ANY_SPACE_RE.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """Clean pasted prose (a posting, an edited bullet): keeps lines, drops blank-line runs.

    Prose has no columns, so after ``clean_line`` a column gap is one space: phrases that a
    double space split in the source ("practices of  effective leadership") match again.
    Resumes go through ``clean_line`` alone, line by line, and keep their gaps.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = [clean_line(line).replace(COLUMN_GAP, " ") for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def strip_unsafe(text: str) -> str:
    """Strip characters XML/DOCX cannot hold while keeping newlines and tabs (export helper)."""
    return _BIDI_RE.sub("", _CONTROL_RE.sub("", text))
