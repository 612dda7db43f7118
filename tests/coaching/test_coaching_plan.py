"""The week's plan: the user's own titles with HITL searches, supported skills, look-back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from hitl_resume.coaching import coach
from hitl_resume.coaching.results import Plan
from hitl_resume.detection.analyzer import Analyzer

from .resumes import SAMPLES, resume


def plan_for(analyzer: Analyzer, text: str) -> Plan:
    """Coach a synthetic resume and return its plan."""
    parsed = resume(text)
    detection = analyzer.detect(parsed)
    _, _, plan = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    return plan


def test_when_plan_is_built_then_searches_use_own_titles_current_first(
    analyzer: Analyzer,
) -> None:
    """Queries are the user's job titles plus human-in-the-loop/HITL, URL-encoded."""
    plan = plan_for(analyzer, SAMPLES["recruiting"])
    queries = list(dict.fromkeys(s.query for s in plan.searches))
    assert queries[0] == "Recruiting Coordinator human-in-the-loop"
    assert "Dispatcher human-in-the-loop" in queries
    assert "Recruiting Coordinator HITL" in queries
    assert "talent acquisition compliance specialist" in queries  # a HITL title of the family
    for link in plan.searches:
        query = parse_qs(urlparse(link.url).query)
        assert link.query in next(iter(query.values()))
    assert {s.board for s in plan.searches} == {"LinkedIn Jobs", "Indeed"}


def test_when_no_finding_is_explicit_then_ai_skill_is_withheld_and_look_back_given(
    analyzer: Analyzer,
) -> None:
    """The AI skills need explicit evidence; transferable work earns the review skills and a
    look-back list ("Human-in-the-loop oversight" on it alone would overstate it)."""
    plan = plan_for(analyzer, SAMPLES["finance"])
    assert "AI output validation" not in plan.linkedin_skills
    assert "Human-in-the-loop oversight" not in plan.linkedin_skills
    assert "Quality assurance review" in plan.linkedin_skills
    assert 2 <= len(plan.look_back) <= 4


def test_when_a_line_names_only_a_system_worked_in_then_no_ai_skill(analyzer: Analyzer) -> None:
    """An HRIS or ERP the person worked in is no AI output: the AI skill needs an AI term."""
    text = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        "Payroll Specialist | Quillfield Partners | Austin, TX | 2016 – 2019\n"
        "• Reviewed and corrected payroll entries in SAP before each pay run.\n"
        "• Audited timesheets in the HRIS against approved schedules.\n"
    )
    detection = analyzer.detect(resume(text))
    assert any(f.explicit_ai for f in detection.findings), "the test needs a system finding"
    plan = plan_for(analyzer, text)
    assert "AI output validation" not in plan.linkedin_skills
    assert plan.look_back


def test_when_explicit_ai_review_exists_then_ai_validation_skill_is_offered(
    analyzer: Analyzer,
) -> None:
    """An explicit AI review finding supports the "AI output validation" skill."""
    plan = plan_for(analyzer, SAMPLES["healthcare"])
    assert "AI output validation" in plan.linkedin_skills
    assert "Human-in-the-loop oversight" in plan.linkedin_skills
    assert plan.look_back == ()


def test_when_plan_is_built_then_rewrite_first_names_existing_rewrites(
    analyzer: Analyzer,
) -> None:
    """Two or three rewrite ids are recommended first, all of them real."""
    parsed = resume(SAMPLES["recruiting"])
    detection = analyzer.detect(parsed)
    rewrites, _, plan = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    assert 2 <= len(plan.rewrite_first) <= 3
    assert set(plan.rewrite_first) <= {r.id for r in rewrites}
    assert plan.steps


def test_when_resume_has_no_findings_then_plan_offers_no_skills(analyzer: Analyzer) -> None:
    """Skills must be supported by evidence; none without findings."""
    plan = plan_for(
        analyzer, "Alex Kim\n\nEXPERIENCE\nBarista | Cafe Uno | 2020 – 2022\n• Made coffee\n"
    )
    assert plan.linkedin_skills == ()
    assert plan.rewrite_first == ()


def test_when_person_has_no_current_job_then_look_back_speaks_of_the_last_role(
    analyzer: Analyzer,
) -> None:
    """Someone between jobs has no "last three months" at work to look back on."""
    text = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        "Claims Examiner | Quillfield Health | Austin, TX | 2016 – 2019\n"
        "• Reviewed claims for coding errors and escalated disputes to the medical director.\n"
        "• Corrected billing errors and approved refunds.\n"
    )
    plan = plan_for(analyzer, text)
    assert plan.look_back
    assert any("last role" in step for step in plan.steps)
    assert not any("three months" in step for step in plan.steps)


def test_when_title_is_a_place_then_no_search_is_built_on_it(analyzer: Analyzer) -> None:
    """A header misread as a title ("Sultanate of Oman") never becomes a job search."""
    text = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        "Sultanate of Oman | 2016 – 2019\n"
        "• Reviewed claims for coding errors and escalated disputes to the medical director.\n"
    )
    plan = plan_for(analyzer, text)
    assert plan.searches
    assert not any("Oman" in s.query for s in plan.searches)
    assert all(not any(ch.isdigit() for ch in s.query) for s in plan.searches)


def test_when_a_healthcare_line_is_not_about_codes_then_no_coding_skill(
    analyzer: Analyzer,
) -> None:
    """ "Medical coding validation" on a LinkedIn profile needs a line about codes or charts."""
    base = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        "Utilization Review Nurse | Quillfield Health | Austin, TX | 2016 – 2019\n"
    )
    reviews = base + "• Reviewed prior authorization requests against medical necessity criteria.\n"
    codes = base + "• Audited ICD-10 codes on inpatient charts against physician documentation.\n"
    detection = analyzer.detect(resume(reviews))
    assert any(f.role == "healthcare_quality" for f in detection.findings)
    assert "Medical coding validation" not in plan_for(analyzer, reviews).linkedin_skills
    assert "Medical coding validation" in plan_for(analyzer, codes).linkedin_skills


def test_when_a_family_is_rated_none_then_no_hitl_title_search_is_built_on_it() -> None:
    """A finance executive's one HR-flavoured line earns no "recruiting coordinator" search."""
    from hitl_resume.coaching.plan import hitl_titles
    from hitl_resume.detection.results import Finding, RoleAssessment
    from hitl_resume.language.coaching_lexicon import load_coaching_data

    def finding(role: str, score: float) -> Finding:
        return Finding(
            id=f"F-{role}",
            role=role,
            signals=("review",),
            explicit_ai=False,
            text="x",
            start=0,
            end=1,
            section="experience",
            entry_index=0,
            entry_title=None,
            score=score,
            contributions=(),
            explanation="x",
        )

    def assessed(role: str, level: str) -> RoleAssessment:
        return RoleAssessment(role, role, 50, level, (), ())  # type: ignore[arg-type]

    data = load_coaching_data()
    findings = [finding("tax_financial", 30), finding("hr_recruiting", 10)]
    both = hitl_titles(findings, data)
    rated = hitl_titles(
        findings, data, [assessed("tax_financial", "strong"), assessed("hr_recruiting", "none")]
    )
    hr_titles = {e.text for e in data.plan_of("hitl_title") if "hr_recruiting" in e.roles}
    assert set(both) & hr_titles
    assert not set(rated) & hr_titles
    assert rated


def test_when_a_training_line_names_no_review_work_then_no_calibration_skill(
    analyzer: Analyzer,
) -> None:
    """ "Reviewer training and calibration" needs training about review, quality or accuracy."""
    base = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        "Claims Supervisor | Quillfield Health | Austin, TX | 2016 – 2019\n"
    )
    staff = base + "• Trained new staff on the phone system and office procedures.\n"
    quality = base + "• Trained new staff on claim review standards and coding accuracy.\n"
    assert "Reviewer training and calibration" not in plan_for(analyzer, staff).linkedin_skills
    assert "Reviewer training and calibration" in plan_for(analyzer, quality).linkedin_skills
