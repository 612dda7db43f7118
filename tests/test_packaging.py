"""The wheel carries its data and works from the installed location (issue: foundation)."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel once for this module (plain pip, build isolation on)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO_ROOT), "--no-deps", "-q", "-w", str(out)],
        check=True,
        capture_output=True,
    )
    return next(out.glob("hitl_resume-*.whl"))


@pytest.mark.slow
def test_when_wheel_is_built_then_data_travels_inside_the_package(wheel: Path) -> None:
    """Lexicon files and web assets ship under hitl_resume/, never as global packages."""
    names = zipfile.ZipFile(wheel).namelist()
    top_levels = {name.split("/", 1)[0] for name in names}
    assert "web" not in top_levels
    assert "lexicon" not in top_levels
    assert "hitl_resume/lexicon/headings.jsonl" in names
    assert "hitl_resume/lexicon/roles.jsonl" in names
    assert "hitl_resume/examples/example_resume.txt" in names


@pytest.mark.slow
def test_when_wheel_is_installed_in_a_fresh_venv_then_cli_and_web_work(
    wheel: Path, tmp_path: Path
) -> None:
    """`pip install` of the wheel gives working parse, analyze and web page outside the repo."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies come from the test environment; the package itself only from the wheel.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    resume = tmp_path / "cv.docx"  # a text file with a misleading extension: sniffed, not trusted
    resume.write_bytes((REPO_ROOT / "hitl_resume/examples/example_resume.txt").read_bytes())

    where = subprocess.run(
        [str(python), "-c", "import hitl_resume; print(hitl_resume.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout
    assert where.startswith(str(env_dir))
    result = subprocess.run(
        [str(env_dir / "bin" / "hitl-resume"), "parse", str(resume)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    parsed = json.loads(result.stdout)
    assert parsed["contact"]["email"] == "jordan.avery@example.com"
    assert len(parsed["experience"]) == 3
    check = subprocess.run(
        [str(env_dir / "bin" / "hitl-resume"), "lexicon", "check"],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert check.returncode == 0, check.stderr
    analysed = subprocess.run(
        [str(env_dir / "bin" / "hitl-resume"), "analyze", str(resume), "--format", "json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert json.loads(analysed.stdout)["top_role"] == "healthcare_quality"
    page = subprocess.run(
        [
            str(python),
            "-c",
            "from hitl_resume.web import create_app\n"
            "client = create_app({'TESTING': True}).test_client()\n"
            "page = client.get('/')\n"
            "print(page.status_code, b'<form' in page.data)",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert page.stdout.split() == ["200", "True"]


def test_when_a_subpackage_is_added_then_pyproject_lists_it() -> None:
    """The explicit package list must name every folder with an __init__.py (or it won't ship)."""
    import tomllib

    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        "hitl_resume." + str(p.parent.relative_to(REPO_ROOT / "hitl_resume")).replace("/", ".")
        for p in (REPO_ROOT / "hitl_resume").rglob("__init__.py")
        if p.parent != REPO_ROOT / "hitl_resume"
    } | {"hitl_resume", "hitl_resume.lexicon", "hitl_resume.web"}
    assert found <= listed, sorted(found - listed)
