"""Recognise bullet glyphs at the start of a line and find where the bullet's own text begins."""

from __future__ import annotations

import re

# Glyphs word processors and PDF exports put before list items; "o" and "-" need a space after.
_GLYPH = re.compile(
    r"^\s*(?:[•●◦▪■□◆◇►▶▸➢➤➔→✓✔✗❖⦿⁃∙·‣○◘\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf0e0]"
    r"|[-–—*~+>](?=\s)|o(?=\s)|\d{1,2}[.)](?=\s))\s*"
)


def glyph_length(text: str) -> int:
    """Return how many leading characters are a bullet glyph plus spacing (0 when none)."""
    match = _GLYPH.match(text)
    if match is None or match.end() >= len(text.rstrip()):
        return 0
    return match.end()


def has_glyph(text: str) -> bool:
    """Return whether the line starts with a bullet glyph followed by text."""
    return glyph_length(text) > 0


_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+(?=\S)")


def number_length(text: str) -> int:
    """Return the length of a leading list number ("2. ", "3) "), or 0.

    Numbered items are often job headers ("1. Company Name: Acme", "2. Acme – Analyst (2014 –
    2016)"), unlike glyph bullets, so header readers look past the number.
    """
    match = _NUMBER.match(text)
    return match.end() if match else 0
