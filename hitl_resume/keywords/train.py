"""Train the span tagger on SkillSpan's train split; report on dev (never on test).

Run: ``python -m hitl_resume.keywords.train SKILLSPAN_DIR [-o lexicon/keyword_tagger.crfsuite]``
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from hitl_resume.keywords.index import KeywordIndex
from hitl_resume.keywords.loader import load_resources
from hitl_resume.keywords.skillspan import AnnotatedPosting, read_split
from hitl_resume.keywords.tagger import MODEL_NAME, token_features
from hitl_resume.keywords.tokens import tokenize
from hitl_resume.language.lexicon_loader import bundled_lexicon_dir

#: L1/L2 weights and passes chosen on the dev split.
C1 = 0.2
C2 = 0.005
MAX_ITERATIONS = 120


def sequences(
    postings: Sequence[AnnotatedPosting], index: KeywordIndex
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, B/I/O labels) per line, labels projected from knowledge spans."""
    out = []
    for posting in postings:
        offset = 0
        for line in posting.text.split("\n"):
            tokens = tokenize(line)
            labels = []
            previous: tuple[int, int] | None = None
            for token in tokens:
                start, end = token.start + offset, token.end + offset
                span = next((s for s in posting.knowledge if s[0] < end and start < s[1]), None)
                labels.append("O" if span is None else ("I" if span == previous else "B"))
                previous = span
            if tokens:
                out.append((token_features(tokens, index.find(tokens)), labels))
            offset += len(line) + 1
    return out


def train(skillspan: Path, output: Path, c1: float = C1, c2: float = C2) -> None:
    """Fit the CRF on train and write the model file."""
    import pycrfsuite

    index = load_resources(bundled_lexicon_dir(), with_tagger=False).index
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences(read_split(skillspan, "train"), index):
        trainer.append(features, labels)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS, "feature.possible_transitions": True}
    )
    trainer.train(str(output))


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("skillspan", type=Path)
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("-o", "--output", type=Path, default=Path("lexicon") / MODEL_NAME)
    args = parser.parse_args(argv)
    train(args.skillspan, args.output, args.c1, args.c2)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
