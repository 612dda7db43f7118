"""Occupations from O*NET: titles anywhere name an occupation that counts for or against a role."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hitl_resume.api import analyze_posting
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.detection.occupation_titles import OccupationIndex, title_words
from hitl_resume.detection.occupations_build import build, system_aliases, title_phrases
from hitl_resume.language.lexicon_loader import load_lexicon
from hitl_resume.language.lexicon_schema import ROLE_IDS
from hitl_resume.parsing import parse

INDEX = OccupationIndex.from_lexicon(load_lexicon())


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Senior Software Engineer (Java/Kotlin Backend Developer)", "none"),
        ("Web Developer Naya Technologies", "none"),
        ("Electrician", "none"),
        ("Chef", "none"),
        ("ACCOUNTANT", "tax_financial"),
        ("Claims Adjuster", "legal_compliance"),
        ("Bank Teller", "customer_service"),
        ("Customer Service Representative", "customer_service"),
        ("Legal Assistant", "legal_compliance"),
        ("Supply Chain Coordinator", "dispatch_operations"),
        ("Fleet Manager", "dispatch_operations"),
        ("Medical Coder", "healthcare_quality"),
        ("HR Generalist", "hr_recruiting"),
        ("Registered Nurse", "neutral"),
    ],
)
def test_when_a_title_is_looked_up_then_it_names_the_occupations_pattern(
    text: str, role: str
) -> None:
    """The shipped index and table give each common title its pattern, none or neutral."""
    match = INDEX.find(text)
    assert match is not None
    assert match.role == role


def test_when_a_title_is_generic_or_ambiguous_then_no_occupation_is_named() -> None:
    """Bare heads ("Manager", "Analyst") and titles spread over patterns name nothing."""
    assert INDEX.find("Analyst") is None
    assert INDEX.find("Manager") is None
    assert INDEX.find("Led a team of five people who reviewed every claim for errors") is None


def test_when_the_table_is_checked_then_every_row_names_a_known_role_and_a_reason() -> None:
    """The occupation table is documented data: each prefix maps to a role, none or neutral."""
    lexicon = load_lexicon()
    allowed = {*ROLE_IDS, "none", "neutral"}
    assert lexicon.occupation_roles
    assert all(rule.role in allowed and len(rule.reason) > 10 for rule in lexicon.occupation_roles)
    majors = {rule.soc for rule in lexicon.occupation_roles if "-" not in rule.soc}
    assert majors >= {"11", "13", "15", "23", "29", "35", "41", "43", "47", "53"}


@pytest.mark.parametrize(
    ("title", "phrases"),
    [
        ("CEO (Chief Executive Officer)", ["ceo", "chief executive officer"]),
        ("Analyst (Financial)", ["analyst"]),
        ("Dispatcher/Scheduler", ["dispatcher scheduler"]),
    ],
)
def test_when_an_onet_title_has_parentheses_then_both_names_are_kept(
    title: str, phrases: list[str]
) -> None:
    """An acronym and its expansion both name the job; a one-word qualifier does not."""
    assert title_phrases(title) == phrases


def test_when_a_product_is_a_brand_then_it_is_also_matched_without_vendor_or_suffix() -> None:
    """Resumes write "PowerChart", not "Cerner PowerChart software"; descriptions stay whole."""
    assert "powerchart" in system_aliases("Cerner PowerChart", {"cerner"})
    assert system_aliases("Case management software", set()) == [
        "case management software",
        "case management system",
    ]


def test_when_the_build_runs_on_a_tiny_onet_then_it_writes_both_files(tmp_path: Path) -> None:
    """The build script turns O*NET rows into the title index and the systems list."""
    onet = tmp_path / "onet"
    onet.mkdir()
    (onet / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n43-5032.00\tDispatchers\tRoute crews.\n"
        "15-1252.00\tSoftware Developers\tBuild software.\n",
        encoding="utf-8",
    )
    (onet / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n"
        "43-5032.00\tDispatchers\tTruck Dispatcher\t\t02,08\n"
        "15-1252.00\tSoftware Developers\tJava Developer\t\t02\n",
        encoding="utf-8",
    )
    (onet / "Sample of Reported Titles.txt").write_text(
        "O*NET-SOC Code\tTitle\tReported Job Title\tShown in My Next Move\n", encoding="utf-8"
    )
    (onet / "Technology Skills.txt").write_text(
        "O*NET-SOC Code\tTitle\tExample\tCommodity Code\tCommodity Title\tHot Technology\t"
        "In Demand\n43-5032.00\tDispatchers\tComputer aided dispatch software\t43232303\t"
        "CRM\tN\tN\n",
        encoding="utf-8",
    )
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    table = load_lexicon().occupation_roles
    (lexicon / "occupation_roles.jsonl").write_text(
        "\n".join(
            json.dumps({"id": r.id, "soc": r.soc, "role": r.role, "reason": r.reason})
            for r in table
        ),
        encoding="utf-8",
    )
    summary = build(onet, lexicon)
    assert summary.startswith("2 occupations, 2 titles")
    assert "truck dispatcher" in (lexicon / "occupations.jsonl").read_text(encoding="utf-8")
    systems = (lexicon / "systems.jsonl").read_text(encoding="utf-8")
    assert "computer aided dispatch software" in systems


def test_title_words_reads_punctuation_as_spaces() -> None:
    """Lookup is insensitive to case, "&", slashes and apostrophes."""
    assert title_words("Sheriff's Dispatcher/Clerk & Co") == (
        "sheriffs",
        "dispatcher",
        "clerk",
        "and",
        "co",
    )


DEVELOPER = """Dana Example
Senior Java Developer
EXPERIENCE
Software Developer, Acme Ltd
2019 - 2023
- Reviewed pull requests and approved merges for the payments service
- Audited logging and escalated production incidents to the on-call team
Web Developer, Beta Corp
2016 - 2019
- Reviewed code and validated releases
"""

TELLER = """Sam Example
EXPERIENCE
Bank Teller, First Bank
2019 - 2023
- Verified identity and approved withdrawals above limits, escalating exceptions to the manager
- Reviewed cash drawer discrepancies and documented corrections
"""


def test_when_jobs_are_titled_as_non_hitl_occupations_then_they_count_against_roles(
    analyzer: Analyzer,
) -> None:
    """A software developer's reviews of code are not a HITL pattern: titles weigh against."""
    detection = analyzer.detect(parse(DEVELOPER))
    assert all(role.level != "strong" for role in detection.roles)
    against = [
        c
        for role in detection.roles
        for c in role.contributions
        if c.kind.startswith("non-HITL job")
    ]
    assert against
    assert all(c.points < 0 for c in against)
    assert "15-125" in against[0].text


def test_when_a_job_title_names_a_hitl_occupation_then_it_counts_for_that_role(
    analyzer: Analyzer,
) -> None:
    """A teller's bullets count for customer service even without customer-service words."""
    detection = analyzer.detect(parse(TELLER))
    best = max(detection.roles, key=lambda r: r.score)
    assert best.id == "customer_service"


def test_when_a_posting_title_names_an_occupation_then_the_posting_role_follows(
    analyzer: Analyzer,
) -> None:
    """A posting titled with an O*NET title of a pattern scores that pattern."""
    posting = analyze_posting(
        "Ground Handling Agent\nLocation: Dubai\n\nDuties\nLoad bags and marshal aircraft.\n",
        analyzer=analyzer,
    )
    top = posting.top_role()
    assert top is not None
    assert top.id == "dispatch_operations"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Ravi Example\nHSE Officer\n\nEXPERIENCE\nDesignation: Claims Adjuster\n"
            "Company: Gulf Trading LLC\nDuration: Nov'18 - Till date\n",
            "legal_compliance",
        ),
        ("Lee Example\nJava Developer | Berlin\n\nSKILLS\nJava, Kotlin\n", "none"),
        ("Ana Example\nBank Teller at First Harbour Bank\n", "customer_service"),
    ],
)
def test_when_a_title_sits_in_a_field_or_headline_then_an_occupation_is_read(
    analyzer: Analyzer, text: str, role: str
) -> None:
    """Titles in "Designation:" fields, headlines and "title at employer" lines name occupations."""
    from hitl_resume.detection.resume_occupations import read_occupations
    from hitl_resume.detection.units import entry_headers

    resume = parse(text)
    found = read_occupations(resume, entry_headers(resume), analyzer.occupations)
    roles = [m.role for m in found.jobs()] + ([found.headline.role] if found.headline else [])
    assert role in roles


CAREER_CHANGER = """Alex Example
EXPERIENCE
Call Center Agent, Telco One
2021 - 2024
- Resolved billing disputes and escalated unresolved complaints to supervisors
Chef, Harbour Bistro
2015 - 2021
- Planned menus and trained kitchen staff
"""


def test_when_a_chef_became_a_call_centre_agent_then_only_other_roles_lose_points(
    analyzer: Analyzer,
) -> None:
    """A non-HITL job costs a role nothing while a job titled for that role balances it."""
    detection = analyzer.detect(parse(CAREER_CHANGER))
    by_id = {role.id: role for role in detection.roles}
    assert all(c.points >= 0 for c in by_id["customer_service"].contributions)
    assert any(c.kind.startswith("non-HITL job") for c in by_id["tax_financial"].contributions)
