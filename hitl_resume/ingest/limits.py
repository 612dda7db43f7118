"""Input limits from docs/security.md, in one place so tests and docs can cite them."""

from __future__ import annotations

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 100_000
MAX_PDF_PAGES = 10
#: A PDF whose streams inflate past this is a decompression bomb (checked only on failure).
MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024

PARSE_TIMEOUT_SECONDS = 10.0
PARSE_MEMORY_BYTES = 1024 * 1024 * 1024

# DOCX zip precheck, applied to the central directory before python-docx reads anything.
DOCX_MAX_MEMBERS = 1_000
DOCX_MAX_MEMBER_BYTES = 20 * 1024 * 1024
DOCX_MAX_TOTAL_BYTES = 50 * 1024 * 1024
DOCX_MAX_RATIO = 100
DOCX_RATIO_MIN_BYTES = 1024 * 1024

# Text quality (U-12, U-13).
MIN_TEXT_CHARS = 200
MIN_CHARS_PER_PAGE = 50
MAX_CID_TOKEN_RATIO = 0.05
MAX_REPLACEMENT_CHAR_RATIO = 0.01
MIN_WORDLIKE_RATIO = 0.30
