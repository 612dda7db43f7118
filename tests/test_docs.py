"""Comments cite ``docs/security.md`` rule ids: every id cited in code or tests is defined there."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RULE_ID = re.compile(r"\b(?:[UTBLEP]-\d{2}|I-\d)\b")
CODE_DIRS = ("hitl_resume", "web", "tests")
#: A cited document: a docs/ or lexicon/ page, or an upper-case design file such as DESIGN.md.
CITED_DOC = re.compile(r"\b((?:docs|lexicon)/[\w-]+\.md|[A-Z][A-Z_]+\.md)\b")


def test_when_code_cites_a_rule_id_then_docs_security_defines_it() -> None:
    """A comment that cites a rule must lead to a rule written in the repository."""
    text = (REPO / "docs" / "security.md").read_text(encoding="utf-8")
    defined = set(re.findall(r"^\| ([A-Z]-\d{2}) \|", text, re.M))
    defined |= set(re.findall(r"\*\*(I-\d) ", text))
    cited: dict[str, str] = {}
    for folder in CODE_DIRS:
        for path in (REPO / folder).rglob("*.py"):
            for rule in RULE_ID.findall(path.read_text(encoding="utf-8")):
                cited.setdefault(rule, str(path.relative_to(REPO)))
    missing = {rule: where for rule, where in cited.items() if rule not in defined}
    assert not missing, f"rule ids cited but not in docs/security.md: {missing}"
    assert len(cited) > 40


def test_when_code_cites_a_document_then_it_is_in_the_repository() -> None:
    """Comments may point only at documents a reader of this repository has."""
    cited = set()
    for folder in ("hitl_resume", "web"):
        for path in (REPO / folder).rglob("*.py"):
            cited |= set(CITED_DOC.findall(path.read_text(encoding="utf-8")))
    assert cited, "expected the code to cite at least docs/security.md"
    for name in cited:
        assert (REPO / name).is_file(), name
