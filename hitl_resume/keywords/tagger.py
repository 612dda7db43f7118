"""A small CRF span tagger (python-crfsuite) for skills the phrase index does not list.

Trained on SkillSpan's train split (``python -m hitl_resume.keywords.train``); features are
the word, its shape and neighbours, and what the phrase index says about it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hitl_resume.keywords.index import IndexHit
from hitl_resume.keywords.tokens import Token

MODEL_NAME = "keyword_tagger.crfsuite"


def _shape(text: str) -> str:
    if text.isupper():
        return "X"
    if text[:1].isupper():
        return "Xx" if text[1:].islower() else "XxX"
    if text.isdigit():
        return "d"
    if text.islower():
        return "x"
    return "mix"


def token_features(tokens: Sequence[Token], hits: Sequence[IndexHit]) -> list[list[str]]:
    """One feature list per token (strings; crfsuite treats each as a binary feature)."""
    gaz = [""] * len(tokens)
    src = ["O"] * len(tokens)
    for hit in hits:
        kind = hit.concept.kind
        for i in range(hit.first, hit.last):
            gaz[i] = ("B-" if i == hit.first else "I-") + kind
            src[i] = f"{hit.concept.source}-{hit.concept.category}-{hit.last - hit.first}"
    size = "long" if len(tokens) > 12 else "short" if len(tokens) > 4 else "list"
    keys = [t.key for t in tokens]
    rows = []
    for i, token in enumerate(tokens):
        key = keys[i]
        feats = [
            "w=" + key,
            "p3=" + key[:3],
            "s3=" + key[-3:],
            "sh=" + _shape(token.text),
            "g=" + (gaz[i] or "O"),
            "src=" + src[i],
            "len=" + size,
        ]
        if any(c in token.text for c in "#+."):
            feats.append("special")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(tokens):
                feats.append(f"w{offset}={keys[j]}")
                feats.append(f"g{offset}={gaz[j] or 'O'}")
            else:
                feats.append(f"w{offset}=<edge>")
        if i > 0:
            feats.append(f"bi={keys[i - 1]}|{key}")
            feats.append(f"sh-1={_shape(tokens[i - 1].text)}")
        rows.append(feats)
    return rows


class SpanTagger:
    """Tag token sequences with B/I/O and return spans as token ranges."""

    def __init__(self, model_path: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def spans(self, tokens: Sequence[Token], hits: Sequence[IndexHit]) -> list[tuple[int, int]]:
        """Token ranges [first, last) the model marks as skills or knowledge."""
        if not tokens:
            return []
        labels = self._tagger.tag(token_features(tokens, hits))
        return labels_to_spans(labels)


def labels_to_spans(labels: Sequence[str]) -> list[tuple[int, int]]:
    """B/I/O labels → token ranges; a stray I starts a span."""
    spans: list[tuple[int, int]] = []
    start = None
    for i, label in enumerate(labels):
        if label == "B" or (label == "I" and start is None):
            if start is not None:
                spans.append((start, i))
            start = i
        elif label == "O" and start is not None:
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(labels)))
    return spans
