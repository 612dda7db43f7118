"""Keyword extraction: short tokens, one entry per concept, splits, boilerplate, categories."""

from __future__ import annotations

import pytest

from hitl_resume.keywords.extractor import KeywordExtractor
from hitl_resume.keywords.results import Keyword


def _texts(keywords: list[Keyword]) -> set[str]:
    return {k.text.lower() for k in keywords}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Experience with C#, .NET and node.js is needed.", {"c#", ".net", "node.js"}),
        ("You write Go and R every day.", {"go", "r"}),
        ("Strong TypeScript and AWS skills.", {"typescript", "aws"}),
        ("Build services in C++ and Java.", {"c++", "java"}),
        ("tags: c# .net java", {"c#", ".net", "java"}),
        ("HTML5, CSS3 and Python3.", {"html5", "css3", "python3"}),
    ],
)
def test_when_short_or_punctuated_tools_appear_then_they_are_keywords(
    extractor: KeywordExtractor, text: str, expected: set[str]
) -> None:
    """Tool names with #, +, leading dots or one letter survive tokenisation and matching."""
    assert expected <= _texts(extractor.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "We go to the office on Mondays.",
        "Let us know where you are in the process.",
    ],
)
def test_when_a_tool_name_is_an_ordinary_word_then_lower_case_does_not_match(
    extractor: KeywordExtractor, text: str
) -> None:
    """ "go" and "r" in lower case are words, not the Go and R languages."""
    found = {k.label for k in extractor.extract(text)}
    assert "Go" not in found
    assert "R" not in found


def test_when_a_vendor_name_precedes_a_product_then_both_forms_are_one_concept(
    extractor: KeywordExtractor,
) -> None:
    """ "Oracle Java" and "Java" are one keyword, with both places listed."""
    keywords = [
        k
        for k in extractor.extract("Oracle Java required. Java 17 preferred.")
        if "java" in k.text.lower()
    ]
    assert len(keywords) == 1
    assert len(keywords[0].mentions) == 2


def test_when_fields_are_coordinated_then_each_is_its_own_keyword(
    extractor: KeywordExtractor,
) -> None:
    """ "cost, tax and governmental accounting" names three fields, not one."""
    found = _texts(extractor.extract("Knowledge of cost, tax and governmental accounting."))
    assert {"cost accounting", "tax accounting", "governmental accounting"} <= found


@pytest.mark.parametrize(
    "text",
    [
        "We are an equal opportunity employer and do not discriminate on the basis of race, "
        "religion, sexual orientation, gender identity or veteran status.",
        "Benefits include a 401(k) plan with matching, health insurance and paid time off.",
        "To apply, submit your application and cover letter through our portal.",
        "Teamwork and data analytics drive our culture. We welcome applicants regardless of "
        "religion or sexual orientation.",
    ],
)
def test_when_text_is_hiring_boilerplate_then_no_keyword(
    extractor: KeywordExtractor, text: str
) -> None:
    """EEO, benefits and how-to-apply sentences describe hiring, not the job."""
    assert extractor.extract(text) == []


@pytest.mark.parametrize(
    ("text", "category", "fragment"),
    [
        ("5+ years of experience in financial reporting.", "experience", "5+ years"),
        (
            "Bachelor's degree in Accounting or Finance.",
            "education",
            "bachelor's degree in accounting",
        ),
        ("Excellent communication skills and teamwork.", "soft_skill", "communication"),
        (
            "Certified Public Accountant (CPA) license required.",
            "certification",
            "certified public accountant",
        ),
        ("Reports to the Senior Software Engineer.", "job_title", "software engineer"),
        ("Full UK driving licence essential.", "certification", "driving licence"),
        ("NVQ Level 3 in Health and Social Care.", "education", "nvq level 3"),
        ("Experience in the healthcare industry.", "hard_skill", "healthcare industry"),
        ("Hands-on Kubernetes and Terraform.", "hard_skill", "kubernetes"),
    ],
)
def test_when_a_keyword_is_found_then_its_category_is_the_one_users_know(
    extractor: KeywordExtractor, text: str, category: str, fragment: str
) -> None:
    """Hard skills, certifications, education, titles, years and soft skills are told apart."""
    matches = [k for k in extractor.extract(text) if fragment in k.text.lower()]
    assert matches, [k.text for k in extractor.extract(text)]
    assert matches[0].category == category


def test_when_a_sentence_says_plus_then_its_keywords_are_preferred(
    extractor: KeywordExtractor,
) -> None:
    """Sentence cues ("a plus", "must") decide required vs preferred without headings."""
    keywords = {
        k.text.lower(): k for k in extractor.extract("Python is required.\nDocker is a plus.")
    }
    assert keywords["python"].required is True
    assert keywords["docker"].required is False


def test_when_keywords_are_found_then_offsets_point_at_the_text(
    extractor: KeywordExtractor,
) -> None:
    """Every mention's span is where the keyword sits (splits start at their modifier)."""
    text = "Skills: SQL, Tableau, Microsoft Excel and stakeholder management."
    for keyword in extractor.extract(text):
        assert (keyword.start, keyword.end) == keyword.mentions[0]
        assert text[keyword.start : keyword.end] == keyword.text


def test_when_a_posting_repeats_a_keyword_then_it_is_listed_once(
    extractor: KeywordExtractor,
) -> None:
    """One entry per concept, first required occurrence kept."""
    keywords = extractor.extract("Preferred: SQL.\nRequired: SQL and Python.")
    sql = [k for k in keywords if k.text.lower() == "sql"]
    assert len(sql) == 1
