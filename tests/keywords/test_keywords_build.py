"""The builder: O*NET/ESCO rows in, a loadable index out, with aliases and case rules."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from hitl_resume.keywords.build import main as build_main
from hitl_resume.keywords.index import KeywordIndexError, load_index
from hitl_resume.keywords.loader import load_resources
from hitl_resume.keywords.tokens import tokenize
from hitl_resume.language.jsonl_reader import LexiconError

TECH = (
    "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
    "15-1252.00\tSoftware Developers\tOracle Java\t1\tObject oriented software\tY\tY\n"
    "15-1252.00\tSoftware Developers\tOracle Database\t2\tDatabase software\tY\tN\n"
    "15-1252.00\tSoftware Developers\tOracle Taleo\t3\tHR software\tN\tN\n"
    "15-1252.00\tSoftware Developers\tGo\t1\tObject oriented software\tY\tN\n"
    "15-1252.00\tSoftware Developers\tAmazon Web Services AWS software\t4\tCloud software\tY\tN\n"
)
TASKS = "O*NET-SOC Code\tTitle\tTask ID\tTask\n" + "".join(
    f"15-1252.00\tSoftware Developers\t{n}\tgo to the database and go on\n" for n in range(3)
)
OCCUPATIONS = "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrite code.\n"
ALTERNATE = (
    "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n"
    "15-1252.00\tSoftware Developers\tApplication Developer\t\t08\n"
    "15-1252.00\tSoftware Developers\tDeveloper\t\t08\n"
)
REPORTED = "O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move\n"
ESCO = (
    "id,description,hierarchy_levels,type\n"
    "K0411,accounting and taxation,,level_3\n"
    "aaaaaaaa-1,accounting,\"[['K', 'K04', 'K0411', 'K04111']]\",preferredLabel\n"
    "aaaaaaaa-1,bookkeeping principles,\"[['K', 'K04', 'K0411', 'K04111']]\",altLabels\n"
    "bbbbbbbb-2,manage staff,\"[['S', 'S4', 'S4.1', 'S4.1.0']]\",preferredLabel\n"
)


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """A lexicon directory holding an index built from tiny synthetic sources."""
    onet = tmp_path / "onet"
    onet.mkdir()
    for name, text in {
        "Technology Skills.txt": TECH,
        "Task Statements.txt": TASKS,
        "Occupation Data.txt": OCCUPATIONS,
        "Alternate Titles.txt": ALTERNATE,
        "Sample of Reported Titles.txt": REPORTED,
    }.items():
        (onet / name).write_text(text, encoding="utf-8")
    esco = tmp_path / "esco.csv"
    esco.write_text(ESCO, encoding="utf-8")
    out = tmp_path / "lexicon"
    out.mkdir()
    assert build_main([str(onet), str(esco), "-o", str(out / "keyword_index.tsv.gz")]) == 0
    return out


def _labels(directory: Path, text: str) -> list[str]:
    index = load_index(directory)
    return [h.concept.label for h in index.find(tokenize(text))]


def test_when_a_vendor_starts_several_products_then_the_product_name_alone_matches(
    built: Path,
) -> None:
    """ "Oracle Java" → "Java"; "Oracle Database" keeps its vendor (database is a word)."""
    assert _labels(built, "We use Java daily") == ["Oracle Java"]
    assert _labels(built, "a database") == []


def test_when_a_product_name_is_a_common_word_then_it_matches_only_as_written(
    built: Path,
) -> None:
    """ "Go" the language is capitalised; "go" in running text is a verb."""
    assert _labels(built, "Go and AWS") == ["Go", "Amazon Web Services (AWS)"]
    assert _labels(built, "we go there") == []


def test_when_esco_and_titles_are_built_then_alternative_labels_and_titles_match(
    built: Path,
) -> None:
    """ESCO alternative labels find their concept; one-word titles are left out."""
    assert _labels(built, "bookkeeping principles") == ["accounting"]
    assert _labels(built, "Application Developer") == ["Application Developer"]
    assert _labels(built, "Developer") == []


def test_when_the_index_file_is_corrupt_then_the_error_names_it(tmp_path: Path) -> None:
    """A damaged build output fails loudly with file and line."""
    with gzip.open(tmp_path / "keyword_index.tsv.gz", "wt", encoding="utf-8") as handle:
        handle.write("C\tonly-two-fields\n")
    with pytest.raises(KeywordIndexError, match=r"keyword_index\.tsv\.gz:1"):
        load_index(tmp_path)


def test_when_the_project_lexicon_lists_a_phrase_then_it_overrides_the_index(
    built: Path,
) -> None:
    """keywords.jsonl is the override layer: its synonyms win over the compiled sources."""
    (built / "keywords.jsonl").write_text(
        '{"id": "kw.java", "kind": "tool", "phrases": ["java", "java se"]}\n', encoding="utf-8"
    )
    (built / "keyword_rules.jsonl").write_text(
        '{"id": "r.deny", "kind": "deny", "phrases": ["accounting"]}\n', encoding="utf-8"
    )
    resources = load_resources(built, with_tagger=False)
    found = resources.index.find(tokenize("Java SE and accounting"))
    assert [h.concept.id for h in found] == ["kw.java"]


def test_when_a_rules_line_is_bad_then_the_error_names_file_and_line(tmp_path: Path) -> None:
    """Rules are validated on load like every lexicon file."""
    (tmp_path / "keyword_rules.jsonl").write_text(
        '// comment\n{"id": "x", "kind": "nonsense", "phrases": ["a"]}\n', encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"keyword_rules\.jsonl:2"):
        load_resources(tmp_path, with_tagger=False)


def test_when_an_acronym_is_short_then_title_case_names_do_not_match_it(built: Path) -> None:
    """ "AWS"/"aws" name the product; "Aws" at a name's place does not (as "San" is not SAN)."""
    assert _labels(built, "aws and Amazon Web Services") == ["Amazon Web Services (AWS)"] * 2
    assert _labels(built, "Aws Smith") == []


def test_when_a_version_is_glued_to_a_name_then_the_name_still_matches(built: Path) -> None:
    """ "Go2" is Go; the stem must keep its case rule."""
    assert _labels(built, "Go2") == ["Go"]
    assert _labels(built, "go2") == []
