"""SOAR prompts: four parts from the bullet's own words, a Result hint when it has no number."""

from __future__ import annotations

import pytest

from hitl_resume.coaching import coach
from hitl_resume.coaching.interview import agree_with_artifact, choose_findings
from hitl_resume.coaching.results import InterviewPrompt
from hitl_resume.detection.analyzer import Analyzer

from .resumes import SAMPLES, resume


def prompts_for(analyzer: Analyzer, text: str) -> tuple[InterviewPrompt, ...]:
    """Coach a synthetic resume and return its SOAR prompts."""
    parsed = resume(text)
    detection = analyzer.detect(parsed)
    _, interview, _ = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    return interview


def one_job(title: str, employer: str, bullet: str) -> str:
    """A synthetic resume with one past job and one bullet (an invented person and employer)."""
    return (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        f"{title} | {employer} | Austin, TX | 2016 – 2019\n• {bullet}\n"
    )


def test_when_resume_has_findings_then_every_prompt_is_complete(analyzer: Analyzer) -> None:
    """Situation, Obstacle, Action and Result are all filled for every prompt."""
    for text in SAMPLES.values():
        prompts = prompts_for(analyzer, text)
        assert prompts
        for prompt in prompts:
            assert all((prompt.situation, prompt.obstacle, prompt.action, prompt.result))
            assert "{" not in prompt.situation + prompt.obstacle + prompt.action + prompt.result


def test_when_prompt_is_built_then_it_names_the_employer(analyzer: Analyzer) -> None:
    """The Situation is anchored in the job the bullet came from."""
    prompts = prompts_for(analyzer, SAMPLES["finance"])
    assert any("Cedar Ridge Holdings" in p.situation for p in prompts)


def test_when_bullet_has_no_number_then_result_hint_names_a_metric(
    analyzer: Analyzer, example_text: str
) -> None:
    """Without a number, the hint says which metric to look for; with one, no hint."""
    for prompt in prompts_for(analyzer, SAMPLES["recruiting"]):
        assert prompt.result_hint
        assert prompt.result_hint.startswith("Look for")
    numbered = [p for p in prompts_for(analyzer, example_text) if "40+" in p.result]
    assert numbered
    assert all(p.result_hint is None for p in numbered)


def test_when_many_findings_then_prompts_span_roles(analyzer: Analyzer) -> None:
    """At most two prompts per role and five in all, explicit evidence first."""
    parsed = resume(SAMPLES["recruiting"])
    chosen = choose_findings(analyzer.detect(parsed).findings)
    roles = [f.role for f in chosen]
    assert len(chosen) <= 5
    assert all(roles.count(r) <= 2 for r in roles)
    assert len(set(roles)) == 2


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        # No verb of the line names what was checked: the prompt asks, assuming no decision.
        (
            "Performed root cause analysis of recurring invoice errors for the AP team.",
            "What did you decide to do about it",
        ),
        (
            "Approved vendor invoices and performed root cause analysis of recurring errors.",
            "whether to approve or report an error in each one",
        ),
    ],
)
def test_when_action_names_decisions_then_it_reads_as_a_sentence(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """The Action prompt's decision list is grammatical whatever signals the line carries."""
    text = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        f"Staff Accountant | Quillfield Partners | Austin, TX | 2016 – 2019\n• {bullet}\n"
    )
    actions = [p.action for p in prompts_for(analyzer, text)]
    assert any(expected in action for action in actions), actions


def test_when_a_bullet_is_the_persons_own_work_then_the_prompt_asks_how_they_checked_it(
    analyzer: Analyzer,
) -> None:
    """ "Where did the statements come from ... who relied on your decision?" misdescribes a
    reconciliation the person did; the prompt asks how they made sure it was right."""
    text = one_job(
        "Staff Accountant",
        "Quillfield Partners",
        "Reconciled bank statements monthly and documented the reason for each adjustment.",
    )
    (prompt,) = prompts_for(analyzer, text)
    assert "who relied on this work" in prompt.situation
    assert "come from" not in prompt.situation
    assert prompt.action.startswith("How did you make sure it was right")


@pytest.mark.parametrize(
    "bullet",
    [
        "Assisted the branch manager with loan file reviews and customer escalations.",
        "Reviewed purchase orders and got approval from the controller to proceed.",
    ],
)
def test_when_the_decision_was_someone_elses_then_the_prompt_asks_the_persons_part(
    analyzer: Analyzer, bullet: str
) -> None:
    """ "Describe one item you would not approve" gives the person a decision the bullet gives
    someone else; the prompt asks what their part was."""
    prompts = prompts_for(analyzer, one_job("Operations Clerk", "Quillfield Bank", bullet))
    assert prompts
    assert all("who made the final decision" in p.situation for p in prompts)
    assert all("would not approve" not in p.obstacle for p in prompts)


@pytest.mark.parametrize(
    ("title", "bullet", "wrong"),
    [
        # An HRIS is where the work happened, not the author of what was checked.
        (
            "Payroll Specialist",
            "Audited timesheets in the HRIS against approved schedules.",
            "produced work that you checked",
        ),
        # A lead teller who gives overrides made the decision.
        (
            "Lead Teller",
            "Assist tellers in their transactions and giving overrides as needed.",
            "who made the final decision",
        ),
    ],
)
def test_when_a_prompt_is_written_then_it_gives_the_person_no_role_the_line_lacks(
    analyzer: Analyzer, title: str, bullet: str, wrong: str
) -> None:
    """Coaches read "the HRIS produced work that you checked" and "who made the final decision"
    (for overrides the person gave) as inventing the job."""
    prompts = prompts_for(analyzer, one_job(title, "Quillfield Bank", bullet))
    assert prompts
    assert all(wrong not in p.situation for p in prompts)


def test_when_the_object_is_a_pronoun_then_the_prompt_quotes_the_line_and_names_no_thems(
    analyzer: Analyzer,
) -> None:
    """ "Where did the thems come from" (a plural of "them") reads as a mangled word; the
    prompt quotes the whole line, which says who "them" are."""
    text = one_job(
        "Contact Centre Advisor",
        "Quillfield Energy",
        "Identified vulnerable customers and referred them to the specialist team.",
    )
    prompts = prompts_for(analyzer, text)
    assert prompts
    words = " ".join(f"{p.situation} {p.obstacle} {p.action}" for p in prompts)
    assert "thems" not in words
    assert "Identified vulnerable customers and referred them" in prompts[0].situation


def test_when_the_system_is_named_by_what_it_did_then_the_prompt_says_automated_system(
    analyzer: Analyzer,
) -> None:
    """ "the auto-rejected produced work that you checked" names no system: a participle is
    what the system did, so the prompt falls back to "the automated system"."""
    text = one_job(
        "Talent Acquisition Specialist",
        "Quillfield Partners",
        "Reviewed candidates auto-rejected by knockout questions and moved qualified applicants"
        " forward.",
    )
    prompts = prompts_for(analyzer, text)
    assert prompts
    assert all("the auto-rejected" not in f"{p.situation} {p.obstacle}" for p in prompts)


def test_when_a_first_person_line_is_quoted_then_the_quote_opens_with_a_capital(
    analyzer: Analyzer,
) -> None:
    """ "I rate search results ..." loses its "I"; the quote still opens a sentence."""
    text = one_job(
        "Search Quality Rater (Remote, Contract)",
        "Quillfield Data",
        "I rate search results and chatbot answers for accuracy against the rating guidelines.",
    )
    prompts = prompts_for(analyzer, text)
    assert prompts
    assert all("“rate search" not in p.situation for p in prompts)
    assert any("(Search Quality Rater)" in p.situation for p in prompts)


@pytest.mark.parametrize(
    ("title", "bullet", "wrong"),
    [
        # The audit is the work the person did; it did not "come from" anywhere.
        (
            "Medical Records Lead",
            "Performed quality assurance audit to promote accurate records maintenance.",
            "quality assurance audits",
        ),
        # Risk is what the review measured, not what reached the person.
        (
            "Commercial Lines Underwriter",
            "Reviewed and analyzed risk for new business applications and renewals.",
            "the risks",
        ),
    ],
)
def test_when_the_object_names_the_check_itself_then_the_prompt_does_not_ask_where_it_came_from(
    analyzer: Analyzer, title: str, bullet: str, wrong: str
) -> None:
    """A coach read "where did the quality assurance audits come from" and "the risks you would
    not approve" as prompts about the wrong object."""
    prompts = prompts_for(analyzer, one_job(title, "Quillfield Partners", bullet))
    assert prompts
    assert all(wrong not in f"{p.situation} {p.obstacle}" for p in prompts)


def test_when_a_finding_is_a_one_word_fragment_then_no_prompt_quotes_it() -> None:
    """A prompt quoting "Review" alone asks about no work (a coach's read)."""
    from hitl_resume.detection.results import Finding

    def finding(text: str) -> Finding:
        return Finding(
            id=text[:8],
            role="tax_financial",
            signals=("review",),
            explicit_ai=False,
            text=text,
            start=0,
            end=len(text),
            section="experience",
            entry_index=0,
            entry_title=None,
            score=20.0,
            contributions=(),
            explanation="x",
        )

    chosen = choose_findings([finding("Review"), finding("Reviewed vendor invoices for payment")])
    assert [f.text for f in chosen] == ["Reviewed vendor invoices for payment"]


def test_when_a_clinical_line_gets_a_hint_then_it_fits_more_than_coding(analyzer: Analyzer) -> None:
    """A checking technician's or a nurse's Result hint names what they catch, not only codes:
    "coding accuracy, claim denial" was the healthcare hint for every job of the family."""
    bullet = "Checked labels against the original prescription before passing to the pharmacist"
    prompts = prompts_for(analyzer, one_job("Dispensary Technician", "Harbour Pharmacy", bullet))
    hints = [p.result_hint for p in prompts if p.result_hint]
    assert hints
    assert all("medications" in hint for hint in hints)


def test_when_a_bullet_runs_two_lines_together_then_the_prompt_follows_the_quoted_one(
    analyzer: Analyzer,
) -> None:
    """The prompt quotes the root-cause line; the calibration sessions of the line glued after it
    give it no "new reviewers" question (a coach's read of public prompts)."""
    bullet = (
        "Performed root cause analyses on recurring claim errors and reported them to the claims"
        " manager. Conducted calibration sessions with new reviewers."
    )
    prompts = prompts_for(analyzer, one_job("Claims Quality Specialist", "Quillfield", bullet))
    quoting = [p for p in prompts if "root cause analyses" in p.situation]
    assert quoting
    assert all("reviewer" not in f"{p.obstacle} {p.action}" for p in quoting)


@pytest.mark.parametrize(
    ("text", "artifact", "expected"),
    [
        (
            "Which legal documentation were hardest to get right?",
            "legal documentation",
            "Which legal documentation was hardest to get right?",
        ),
        (
            "Where did the AR aging come from, how many did you handle, and who relied on it?",
            "AR aging",
            "Where did the AR aging come from, how much of it did you handle, and who relied on"
            " it?",
        ),
        (
            "Which claims were hardest to get right?",
            "claims",
            "Which claims were hardest to get right?",
        ),
        ("How many did you handle of the EOB?", "EOB", "How many did you handle of the EOB?"),
    ],
)
def test_when_the_artifact_is_a_mass_noun_then_the_prompt_agrees_with_it(
    text: str, artifact: str, expected: str
) -> None:
    assert agree_with_artifact(text, artifact) == expected
