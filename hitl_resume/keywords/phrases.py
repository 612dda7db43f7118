"""Find rule phrases (cues, degree words) in token keys; sentences as token ranges."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hitl_resume.keywords.tokens import Token

_SENTENCE_END = frozenset({".", "!", "?", ";", "•", "·", "|"})


class PhraseSet:
    """A set of token-key phrases matched anywhere in a token range."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if phrase:
                self._by_first.setdefault(phrase[0], []).append(phrase)
        for group in self._by_first.values():
            group.sort(key=len, reverse=True)

    def find(
        self, keys: Sequence[str], first: int = 0, last: int | None = None
    ) -> list[tuple[int, int]]:
        """Token ranges of every phrase inside keys[first:last] (longest at each start)."""
        stop = len(keys) if last is None else last
        found: list[tuple[int, int]] = []
        i = first
        while i < stop:
            for phrase in self._by_first.get(keys[i], ()):
                end = i + len(phrase)
                if end <= stop and tuple(keys[i:end]) == phrase:
                    found.append((i, end))
                    i = end - 1
                    break
            i += 1
        return found

    def any_in(self, keys: Sequence[str], first: int, last: int) -> bool:
        """True when some phrase occurs in keys[first:last]."""
        return bool(self.find(keys, first, last))


def sentences(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token ranges of sentences: split at end punctuation, bullets and line breaks."""
    out = []
    start = 0
    for i, token in enumerate(tokens):
        end_here = token.text in _SENTENCE_END
        breaks = i + 1 < len(tokens) and "\n" in text[token.end : tokens[i + 1].start]
        if end_here or breaks:
            if i + 1 > start:
                out.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        out.append((start, len(tokens)))
    return out
