"""Real-browser tests: Playwright driving Debian's Chromium against the app on a real HTTP server.

Screenshots go to test-artifacts/ (gitignored). Skipped with a reason when Chromium or
Playwright is missing; never runs ``playwright install`` (no browser downloads).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from hitl_resume.web import create_app, inputs
from web_helpers import posting_text, resume_docx, resume_text, with_coaching

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze, default_analyzer

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SCRIPT = "<script>alert('xss')</script>"
PDF_CUT = b"%PDF-1.4\n1 0 obj<<"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.exists():
    pytest.skip("Debian's Chromium is not installed at /usr/bin/chromium", allow_module_level=True)

# Runs in the page: every control needs an accessible name, body text needs 4.5:1 contrast.
A11Y_CHECK = (Path(__file__).with_name("a11y_check.js")).read_text("utf-8")


@pytest.fixture(scope="module")
def app() -> Flask:
    """The default (Secure) session cookie: Chromium sends it to http://127.0.0.1.

    Analyses run in this process here, so the ``coached`` fixture can patch them.
    """
    default_analyzer()
    return create_app({"TESTING": True, "ANALYSE_IN_CHILD": False})


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


@pytest.fixture
def coached(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guarantee rewrites on the report even before the coaching module produces them."""

    def analyze_with_rewrites(*args: Any, **kwargs: Any) -> Analysis:
        result = analyze(*args, **kwargs)
        return result if result.rewrites else with_coaching(result)

    monkeypatch.setattr(inputs, "analyze", analyze_with_rewrites)


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def _a11y(page: Any) -> None:
    result = page.evaluate(A11Y_CHECK)
    assert result["unnamed"] == []
    assert result["worst"] >= 4.5, result


def test_when_a_docx_is_uploaded_then_the_report_works_end_to_end(
    page: Any, coached: None, tmp_path: Path
) -> None:
    """Upload a DOCX, read the report, accept and edit rewrites, download decisions and DOCX."""
    page.goto("/")
    _a11y(page)
    _shot(page, "web-home.png")
    page.set_input_files(
        "#resume",
        files=[
            {
                "name": "cv.docx",
                "mimeType": DOCX_MIME,
                "buffer": resume_docx(resume_text().replace("case notes", f"case notes {SCRIPT}")),
            }
        ],
    )
    page.fill("#posting-0", posting_text())
    page.click("text=Add another posting")
    assert page.is_visible("#posting-1")
    page.click("button.primary")
    page.wait_for_selector("#summary")
    assert "Your report" in page.title() or page.is_visible("text=Your report")
    body = page.inner_text("main")
    assert SCRIPT in body  # shown as text
    assert page.dialogs == []
    assert page.locator("script").count() == 1
    assert page.locator("svg.chart-svg rect").count() == 7
    _a11y(page)
    _shot(page, "web-report.png")

    cards = page.locator("article.rewrite")
    assert cards.count() >= 2
    cards.nth(0).get_by_label("Accept", exact=True).check()
    assert "Accepted" in cards.nth(0).locator(".status").inner_text()
    cards.nth(1).locator("textarea").fill("Reviewed flagged replies and wrote my own reason.")
    assert cards.nth(1).get_by_label("Edit", exact=True).is_checked()
    cards.nth(1).locator("button.copy").click()
    cards.nth(1).locator("button.copy", has_text="Copied").wait_for(timeout=5000)
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == "Reviewed flagged replies and wrote my own reason."
    cards.nth(1).scroll_into_view_if_needed()
    _shot(page, "web-rewrites.png")

    with page.expect_download() as info:
        page.click("button[value=decisions]")
    download = info.value
    assert download.suggested_filename == "decisions.json"
    decisions = json.loads(Path(download.path()).read_text("utf-8"))["decisions"]
    assert [d["decision"] for d in decisions] == ["accepted", "edited"]
    assert decisions[1]["text"] == "Reviewed flagged replies and wrote my own reason."

    with page.expect_download() as info:
        page.click("button[value=json]")
    assert info.value.suggested_filename == "resume-report.json"

    with page.expect_download() as info:
        page.click("button[value=docx]")
    assert info.value.suggested_filename == "resume-report.docx"
    import docx

    target = tmp_path / "report.docx"
    info.value.save_as(str(target))
    assert docx.Document(str(target)).paragraphs


def test_when_javascript_is_off_then_the_core_flow_still_works(
    browser: Any, live_server: str, coached: None
) -> None:
    """Without JavaScript: paste, read the report, choose radios and download decisions."""
    context = browser.new_context(
        base_url=live_server, java_script_enabled=False, accept_downloads=True
    )
    page = context.new_page()
    page.goto("/")
    assert page.is_visible("#posting-2")
    page.fill("#resume_text", resume_text())
    page.click("button.primary")
    page.wait_for_selector("#summary")
    page.locator("article.rewrite").nth(0).get_by_label("Reject", exact=True).check()
    with page.expect_download() as info:
        page.click("button[value=decisions]")
    decisions = json.loads(Path(info.value.path()).read_text("utf-8"))["decisions"]
    assert decisions[0]["decision"] == "rejected"
    context.close()


def test_when_using_the_keyboard_then_the_form_is_reachable_and_submits(page: Any) -> None:
    """Keyboard only: Tab reaches the file input, the text box and the submit button."""
    page.goto("/")
    seen = []
    for _ in range(15):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.className"))
    assert "resume" in seen
    assert "resume_text" in seen
    page.focus("#resume_text")
    page.keyboard.insert_text(resume_text())
    page.focus("button.primary")
    page.keyboard.press("Enter")
    page.wait_for_selector("#summary")


def test_when_an_upload_is_refused_then_the_error_page_is_friendly(page: Any) -> None:
    """A refused file shows the fixed message and the escaped display name, accessibly."""
    page.goto("/")
    page.set_input_files(
        "#resume",
        files=[
            {"name": "<b>me</b>.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 trunc"}
        ],
    )
    page.click("button.primary")
    page.wait_for_selector(".error-message")
    assert "damaged" in page.inner_text(".error-message")
    assert page.locator("main b").count() == 0
    _a11y(page)
    _shot(page, "web-error.png")


def test_when_a_posting_is_read_then_the_posting_page_renders(page: Any) -> None:
    """The posting-only page in the browser, with a pasted script kept as text."""
    page.goto("/posting")
    page.fill("#text", posting_text() + "\n" + SCRIPT)
    page.click("button.primary")
    page.wait_for_selector("#posting-report")
    assert page.dialogs == []
    _a11y(page)
    _shot(page, "web-posting.png")


def test_when_javascript_is_off_then_a_coach_batch_refreshes_to_its_cohort(
    browser: Any, live_server: str
) -> None:
    """The batch progress page needs no JavaScript: its meta refresh ends on the cohort table,
    whose downloads work."""
    context = browser.new_context(
        base_url=live_server, java_script_enabled=False, accept_downloads=True
    )
    page = context.new_page()
    page.goto("/batch")
    page.set_input_files(
        "#files",
        files=[
            {"name": f"client-{i}.txt", "mimeType": "text/plain", "buffer": resume_text().encode()}
            for i in range(3)
        ],
    )
    page.click("button.primary")
    page.wait_for_selector("table.cohort >> text=client-2.txt", timeout=60_000)
    page.wait_for_selector("text=Download everything", timeout=60_000)
    assert page.locator("table.cohort tbody tr").count() == 3
    _a11y(page)
    _shot(page, "web-batch.png")
    with page.expect_download() as info:
        page.click("text=Download the table as CSV")
    assert info.value.suggested_filename == "cohort-summary.csv"
    context.close()
