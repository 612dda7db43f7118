"""Shared fixtures: the optional ../shared/data folder and a synthetic resume text."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def shared_data() -> Path:
    """Real third-party data beside the repo; tests using it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (it is optional)")
    return SHARED_DATA


@pytest.fixture
def example_text() -> str:
    """The bundled synthetic example resume."""
    return (REPO_ROOT / "hitl_resume" / "examples" / "example_resume.txt").read_text("utf-8")


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites golden files so a lexicon change shows as a reviewable diff."""
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files should be rewritten (option or UPDATE_GOLDEN=1)."""
    import os

    requested = bool(request.config.getoption("--update-golden"))
    return requested or os.environ.get("UPDATE_GOLDEN") == "1"
