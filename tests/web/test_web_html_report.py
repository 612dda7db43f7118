"""The standalone HTML report and the analysis codec the downloads rely on."""

from __future__ import annotations

import pytest
from hitl_resume.web.analysis_codec import (
    ReportTokenError,
    analysis_from_dict,
    dump_token,
    load_token,
)
from web_helpers import resume_text

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze
from hitl_resume.render.html_renderer import render_analysis_html


def test_when_an_analysis_is_rendered_then_the_file_is_self_contained(
    coached_analysis: Analysis,
) -> None:
    """A file opened from disk needs inline CSS and must not load scripts or remote assets."""
    html = render_analysis_html(coached_analysis)
    assert html.startswith("<!doctype html>")
    assert "<style>" in html
    assert "--ink:" in html
    assert "<script" not in html
    assert 'rel="stylesheet"' not in html
    assert html.count('class="bar bar-') == 7
    assert "Confirm before using" in html
    assert 'type="radio"' not in html


def test_when_resume_text_has_markup_then_the_html_file_escapes_it() -> None:
    """E-01 for the file output: the same partials, so the same autoescaping."""
    text = resume_text().replace("case notes", "case notes <script>alert(1)</script>")
    html = render_analysis_html(analyze(text))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_when_an_analysis_round_trips_then_it_is_unchanged(coached_analysis: Analysis) -> None:
    """Downloads rebuild the Analysis from the page: the rebuild must equal the original."""
    data = coached_analysis.to_dict()
    assert analysis_from_dict(data).to_dict() == data


@pytest.mark.parametrize("token", ["", "garbage", "x.y.z"])
def test_when_a_token_is_tampered_then_it_is_refused(token: str) -> None:
    """Only tokens this server signed are read back."""
    assert load_token(dump_token({"a": 1}, "k"), "k") == {"a": 1}
    with pytest.raises(ReportTokenError):
        load_token(token, "k")
    with pytest.raises(ReportTokenError):
        load_token(dump_token({"a": 1}, "other"), "k")


def test_when_a_posting_is_matched_then_missing_required_keywords_come_first_with_evidence() -> (
    None
):
    """A job seeker reads what is missing first, required before preferred, and what is close."""
    posting = (
        "Medical Coding Auditor\nRequirements\n- CPC certification required\n"
        "- Experience with ICD-10 coding\nPreferred\n- Familiarity with Cerner preferred\n"
    )
    html = render_analysis_html(analyze(resume_text(), postings=[posting]))
    missing = html[html.index("Missing (required first)") : html.index('<p class="col-h">Matched')]
    assert "CPC certification" in missing
    required_at = [i for i in range(len(missing)) if missing.startswith("(required)", i)]
    assert required_at
    assert "Cerner" not in missing or missing.index("Cerner") > required_at[-1]
