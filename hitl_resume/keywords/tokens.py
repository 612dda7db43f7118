"""Split text into word tokens that keep "C#", ".NET", "node.js" and "C++" whole."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word: optional leading dot (".NET"), letters/digits joined by inner . ' (node.js, don't),
# then trailing + or # ("C++", "C#"). Hyphens join words but are gaps, not tokens ("e-commerce").
_TOKEN_RE = re.compile(
    r"\.?[^\W_](?:[^\W_]|[.'’](?=[^\W_]))*[+#]*|[^\w\s-]|_+",
    re.UNICODE,
)
_PLURAL_KEEP = ("ss", "us", "is", "ics")


@dataclass(frozen=True, slots=True)
class Token:
    """One token with its character span and its matching key."""

    text: str
    start: int
    end: int
    key: str


def normalize(word: str) -> str:
    """Lower-case and drop a plural "s" so "databases" meets "database"."""
    lower = word.lower().replace("’", "'")
    if len(lower) > 4 and lower.endswith("ies"):
        return lower[:-3] + "y"
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(_PLURAL_KEEP):
        return lower[:-1]
    return lower


def tokenize(text: str) -> list[Token]:
    """Return word and punctuation tokens with character offsets."""
    return [
        Token(m.group(), m.start(), m.end(), normalize(m.group())) for m in _TOKEN_RE.finditer(text)
    ]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase, as the index stores them."""
    return tuple(t.key for t in tokenize(phrase))


def is_short_acronym(phrase: str) -> bool:
    """ "IT", "RN", "SAN" match only in capitals ("it", "san" are words)."""
    return phrase.isupper() and phrase.isalpha() and len(phrase) <= 3


def is_word(token: Token) -> bool:
    """True for tokens that carry letters or digits."""
    return token.text[:1].isalnum() or (token.text[:1] == "." and len(token.text) > 1)
