"""Resume × posting matching: weighted coverage, where keywords appear, what is missing."""

from __future__ import annotations

from hitl_resume.api import analyze
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.detection.matching import HITL_SIGNAL_WEIGHT, PREFERRED_WEIGHT, REQUIRED_WEIGHT

POSTING = """Medical Coding Auditor
Responsibilities
Review coded charts for accuracy and escalate documentation gaps.
Requirements
ICD-10-CM and CPT coding experience.
Knowledge of HIPAA.
Experience with Cerner.
Preferred
Epic experience.
RHIT credential.
"""


def test_when_matching_then_score_is_the_documented_weighted_coverage(
    analyzer: Analyzer, example_text: str
) -> None:
    """Score = covered weight / total weight; required keywords weigh more than preferred."""
    result = analyze(example_text, postings=[POSTING], analyzer=analyzer)
    (match,) = result.matches
    total = covered = 0.0
    for item in (*match.matched, *match.missing):
        weight = REQUIRED_WEIGHT if item["required"] else PREFERRED_WEIGHT
        total += weight
        covered += weight if item in match.matched else 0
    alignment = match.hitl_alignment
    total += HITL_SIGNAL_WEIGHT * len(alignment["posting_signals"])
    covered += HITL_SIGNAL_WEIGHT * len(alignment["matched_signals"])
    assert match.score == round(100 * covered / total)
    assert 0 < match.score < 100


def test_when_a_keyword_matches_then_its_resume_spans_are_given(
    analyzer: Analyzer, example_text: str
) -> None:
    """Matched keywords point to where they appear in the resume; synonyms and inflections count."""
    result = analyze(example_text, postings=[POSTING], analyzer=analyzer)
    matched = {m["id"]: m for m in result.matches[0].matched}
    assert any("hipaa" in m["text"].lower() for m in matched.values())
    for item in matched.values():
        for span in item["resume"]:
            assert result.resume.text[span["start"] : span["end"]] == span["text"]


def test_when_a_required_keyword_is_missing_then_it_costs_more_than_a_preferred_one(
    analyzer: Analyzer, example_text: str
) -> None:
    """Missing Cerner (required) lowers the score more than missing RHIT (preferred) would."""
    result = analyze(example_text, postings=[POSTING], analyzer=analyzer)
    missing = {m["text"].lower(): m for m in result.matches[0].missing}
    assert "cerner" in missing
    assert missing["cerner"]["required"] is True
    assert missing["cerner"]["weight"] > PREFERRED_WEIGHT


def test_when_posting_asks_for_hitl_behaviour_then_alignment_lists_it(
    analyzer: Analyzer, example_text: str
) -> None:
    """HITL alignment compares the posting's asked-for behaviours with the resume's signals."""
    alignment = (
        analyze(example_text, postings=[POSTING], analyzer=analyzer).matches[0].hitl_alignment
    )
    assert "review" in alignment["posting_signals"]
    assert "review" in alignment["matched_signals"]


KEYWORD_POSTING = """Staff Accountant
Requirements
Oracle Java experience.
Knowledge of tax accounting.
Kubernetes is required.
Preferred
Tableau is a plus.
"""
KEYWORD_RESUME = """Jordan Example
jordan@example.com

EXPERIENCE
Accountant, Example Co, 2019 - 2024
- Built Java tools for general accounting and reviewed reconciliations.
- Reviewed flagged entries before approval.
"""


def test_when_resume_names_a_product_without_vendor_then_it_matches(analyzer: Analyzer) -> None:
    """The same extractor reads both sides: "Oracle Java" in the posting is "Java" on the resume."""
    result = analyze(KEYWORD_RESUME, postings=[KEYWORD_POSTING], analyzer=analyzer)
    matched = {m["label"]: m for m in result.matches[0].matched}
    assert "Oracle Java" in matched
    assert matched["Oracle Java"]["via"] == "synonym"
    span = matched["Oracle Java"]["resume"][0]
    assert result.resume.text[span["start"] : span["end"]] == "Java"


def test_when_keywords_are_missing_then_required_ones_come_first(analyzer: Analyzer) -> None:
    """A reader sees what the posting demands before what it would like."""
    result = analyze(KEYWORD_RESUME, postings=[KEYWORD_POSTING], analyzer=analyzer)
    flags = [m["required"] for m in result.matches[0].missing]
    assert flags == sorted(flags, reverse=True)
    assert any(m["text"] == "Kubernetes" and m["required"] for m in result.matches[0].missing)


def test_when_a_narrower_keyword_is_missing_then_the_broader_term_is_evidence(
    analyzer: Analyzer,
) -> None:
    """Missing "tax accounting" points at the resume's "accounting" as a near miss."""
    result = analyze(KEYWORD_RESUME, postings=[KEYWORD_POSTING], analyzer=analyzer)
    missing = {m["text"].lower(): m for m in result.matches[0].missing}
    evidence = missing["tax accounting"]["related_evidence"]
    assert evidence is not None
    assert evidence["kind"] == "broader"
    assert evidence["text"].lower() == "general accounting"


def test_when_resume_holds_a_higher_degree_or_a_newer_version_then_it_counts(
    analyzer: Analyzer,
) -> None:
    """A master's meets "Bachelor's degree required"; "HTML5" on the resume meets "HTML"."""
    posting = "Web Developer\nRequirements\nBachelor's degree required.\nHTML and CSS.\n"
    resume = (
        "Sam Example\nsam@example.com\n\nEDUCATION\nMaster of Science in Computer Science, 2020\n"
        "\nSKILLS\nHTML5, CSS3\n"
    )
    result = analyze(resume, postings=[posting], analyzer=analyzer)
    via = {m["text"].lower(): m["via"] for m in result.matches[0].matched}
    assert via.get("bachelor's degree") == "degree_level"
    assert via.get("html") in {"synonym", "version", "same"}
    assert "css" in via
