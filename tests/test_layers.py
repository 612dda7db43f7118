"""The package folders are the pipeline: a module imports only its own stage or stages below it."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Pipeline order. A module may import its own stage and lower ranks, never a higher one.
RANKS = {
    "errors": 0,
    "ingest": 1,
    "language": 1,
    "keywords": 1,
    "models": 2,
    "structure": 3,
    "detection": 4,
    "coaching": 5,
    "analysis": 6,
    "parsing": 6,
    "api": 7,
    "render": 7,
    "annotate": 8,
    "batch": 8,
    "cli": 9,
    "web": 9,
}
#: The composition root: stages fall back to its shared lexicon when the caller passed none.
ANYWHERE = {"defaults", "lexicon", "examples"}


def _stage(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    if parts[0] == "web":
        return "web"
    return parts[1]


def _imported_stages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "hitl_resume" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_when_a_module_imports_the_package_then_it_never_climbs_back_up_the_pipeline() -> None:
    """One upload's path goes down the layers: no stage imports a later one (lazy imports too)."""
    files = list((REPO / "hitl_resume").rglob("*.py"))
    files += list((REPO / "web").rglob("*.py"))
    problems: list[str] = []
    for path in files:
        if path.parent == REPO / "hitl_resume" and path.stem in ANYWHERE | {"__init__"}:
            continue
        stage = _stage(path)
        assert stage in RANKS or stage in ANYWHERE, f"give stage {stage!r} a rank in RANKS"
        for imported in _imported_stages(path) - ANYWHERE:
            assert imported in RANKS, f"give stage {imported!r} a rank in RANKS"
            if RANKS[imported] > RANKS.get(stage, 99):
                problems.append(f"{path.relative_to(REPO)} ({stage}) imports {imported}")
    assert not problems, "\n".join(problems)
