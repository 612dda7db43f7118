"""The verifier: a rewrite is its source clause behind a framing, only its verbs re-inflected."""

from __future__ import annotations

import pytest

from hitl_resume.coaching.rewrites import REVIEW_WORDS
from hitl_resume.coaching.verify import body_problem, mend_left_forms, repetition


@pytest.mark.parametrize(
    ("source", "body"),
    [
        (
            "Approved, denied or pended claims and referred suspected fraud to the SIU",
            "approving, denying or pending claims and referring suspected fraud to the SIU",
        ),
        ("Reviewed claims for accuracy", "reviewing claims for accuracy"),
        ("Oversaw refunds and led audits", "overseeing refunds and leading audits"),
        ("Thoroughly reviewed vendor invoices", "thoroughly reviewing vendor invoices"),
        (
            "Coordinate and review month-end journal entries",
            "coordinating and reviewing month-end journal entries",
        ),
        ("reviewing claims daily", "reviewing claims daily"),
        # The infinitive's own "or" list stays as written.
        (
            "Review records to verify details, monitor activities, or evaluate performance",
            "reviewing records to verify details, monitor activities, or evaluate performance",
        ),
        # An -ed word after an adjective and "or" is an adjective too.
        (
            "Investigated complaints by either hourly or salaried associates",
            "investigating complaints by either hourly or salaried associates",
        ),
        # A manner adverb between "and" and a verb of the list; a hyphenated object after a
        # comma-joined verb.
        (
            "Screened resumes ranked by the ATS and manually reviewed rejected applicants",
            "screening resumes ranked by the ATS and manually reviewing rejected applicants",
        ),
        # A number split at its comma is no verb ("1,200 employees").
        (
            "Audit payroll for 1,200 employees before processing, correct timecard errors",
            "auditing payroll for 1,200 employees before processing, correcting timecard errors",
        ),
    ],
)
def test_when_only_the_clause_verbs_change_then_the_body_passes(source: str, body: str) -> None:
    """Re-inflecting the head verb and its listed verbs is the one change allowed."""
    assert body_problem(source, body) is None


@pytest.mark.parametrize(
    ("source", "body", "reason"),
    [
        # A verb of the list left in its old form beside re-inflected ones (the parser read
        # "approve payments" as a noun phrase).
        (
            "Review invoices, approve payments, and file records",
            "reviewing invoices, approve payments, and file records",
            "'approve'",
        ),
        (
            "Reviewed invoices, approved payments, and filed records",
            "reviewing invoices, approved payments, and filing records",
            "'approved'",
        ),
        # A noun turned into a verb: the defect the coach struck.
        ("Trained call center staff", "training calling center staff", "'call'"),
        (
            "Prepared reports of investigations",
            "preparing reporting of investigations",
            "'reports'",
        ),
        # An adjective the dictionary knows only as one: "armored car" is no verb.
        (
            "Counted and verified deposits and armored car transactions",
            "counting and verifying deposits and armoring car transactions",
            "'armored'",
        ),
        # A dropped ownership verb: meaning lost.
        ("Developed, implemented and monitored programs", "monitoring programs", "dropped"),
        # A word swapped or added.
        ("Reviewed loan files", "reviewing AI-scored loan files", "dropped"),
        ("Reviewed loan files", "checking loan files", "became"),
        # A past verb left beside a re-inflected one.
        ("Reviewed claims and adjusted routes", "reviewing claims and adjusted routes", "old form"),
        # A past verb left after "and" beside a re-inflected one, with no adjective before "and".
        (
            "Reviewed invoices for hourly staff and approved payments",
            "reviewing invoices for hourly staff and approved payments",
            "'approved'",
        ),
        # A past verb with an object after a comma, left as written beside the re-inflected head.
        (
            "Overrode recommendations when evidence did not match, documented reason in file",
            "overriding recommendations when evidence did not match, documented reason in file",
            "'documented'",
        ),
        # A base verb before a plural object after a comma, left as written.
        (
            "Query physicians when documentation is unclear, track responses in the log",
            "querying physicians when documentation is unclear, track responses in the log",
            "'track'",
        ),
        # A list joined by "and" that ends in a comma-joined verb: the missing "and" is kept.
        (
            "Review onboarding documents and verify ownership, escalate high-risk clients",
            "reviewing onboarding documents and verifying ownership, escalating high-risk clients",
            "lacks its 'and'",
        ),
        # A base verb left behind after "and" and a manner adverb.
        (
            "Review ID results that failed the check and manually verify customer identity",
            "reviewing ID results that failed the check and manually verify customer identity",
            "'verify'",
        ),
        # No verb to lead the clause.
        ("Monthly claims audits", "monthly claims audits", "-ing verb"),
        ("Senior staff reviews", "seniorring staff reviews", "not a verb"),
    ],
)
def test_when_a_word_changes_or_moves_then_the_body_fails(
    source: str, body: str, reason: str
) -> None:
    """Anything beyond re-inflecting the clause's own verbs is refused, with a reason."""
    problem = body_problem(source, body)
    assert problem is not None
    assert reason in problem


@pytest.mark.parametrize(
    ("framing", "source", "repeats"),
    [
        ("Served as the human accuracy check", "reviewing statements to ensure accuracy", True),
        ("Served as the human checkpoint", "Audited vendor invoices", True),
        ("Provided human oversight", "Reconciled discrepancies by collecting data", True),
        ("Provided human oversight", "Reviewed claims for accuracy", False),
        ("Applied human judgment", "Approved refunds", False),
        # A compound verb says its last part ("double-checked" says check).
        ("Acted as the human checkpoint", "Double-checked compounded medications", True),
        ("Acted as the quality gate", "Double-checked compounded medications", False),
    ],
)
def test_when_framing_says_what_the_clause_says_then_it_is_a_repetition(
    framing: str, source: str, repeats: bool
) -> None:
    """No framing word the clause already has, no second review word, no second "by"."""
    assert (repetition(f"{framing} by", source, REVIEW_WORDS) is not None) is repeats


def test_when_a_clause_is_a_hostile_run_then_the_verifier_stays_linear() -> None:
    """docs/security.md T-07: one pass over the clause, however long the list after "to"."""
    import time

    items = ", ".join(["monitor payments"] * 20_000)
    source = f"Review records to verify details, {items}, or evaluate performance"
    body = "reviewing" + source[len("Review") :]
    started = time.perf_counter()
    assert body_problem(source, body) is None
    assert time.perf_counter() - started < 5


def test_when_a_clause_is_thousands_of_unknown_words_then_it_is_not_spell_checked() -> None:
    """docs/security.md T-07: a left-out-letter search tries 26 letters at every position of an
    unknown word; over a hostile bullet of thousands of them it would take minutes."""
    import random
    import string
    import time

    from hitl_resume.coaching.fixes import fix_clause

    rng = random.Random(7)
    words = ["".join(rng.choices(string.ascii_lowercase, k=20)) for _ in range(5_000)]
    started = time.perf_counter()
    fix_clause("Reviewed " + " ".join(words), "", frozenset(), frozenset())
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("source", "body", "mended"),
    [
        # The parse missed the second past verb: mended to the -ing form, then verified.
        (
            "Reviewed 1,000+ posts per shift and removed content that violated guidelines",
            "reviewing 1,000+ posts per shift and removed content that violated guidelines",
            "reviewing 1,000+ posts per shift and removing content that violated guidelines",
        ),
        (
            "Reviewed resumes and phone screened 25+ applicants weekly",
            "reviewing resumes and phone screened 25+ applicants weekly",
            "reviewing resumes and phone screening 25+ applicants weekly",
        ),
        # A verb of a relative clause is that clause's: never mended.
        (
            "Processed and audited records which applied billing and generated invoices",
            "processing and auditing records which applied billing and generated invoices",
            None,
        ),
        # A base form after a comma may be a noun: a present list is never mended.
        (
            "Review product materials, labeling, batch records, or test methods",
            "reviewing product materials, labeling, batch records, or test methods",
            None,
        ),
        # The source's own slip (a base form in a past list) stays refused.
        (
            "Reviewed invoices, approve payments and filed records",
            "reviewing invoices, approve payments and filed records",
            None,
        ),
    ],
)
def test_when_the_parse_missed_a_past_verb_of_the_list_then_only_that_verb_is_mended(
    source: str, body: str, mended: str | None
) -> None:
    """The renderer follows the parse; a past verb it left behind in a consistent past list is
    put in the -ing form, and anything else is left for the verifier to refuse."""
    result = mend_left_forms(source, body)
    if mended is None:
        assert body_problem(source, result) is not None
    else:
        assert result == mended
        assert body_problem(source, result) is None


@pytest.mark.parametrize(
    ("source", "body", "passes"),
    [
        # A base form left in a past list is the source's slip.
        (
            "Reviewed invoices, approve payments and filed records",
            "reviewing invoices, approve payments and filing records",
            False,
        ),
        # A verb with its own subject ("when it ...") keeps its form.
        (
            "Took over chats when it misroutes customers or gives the wrong answer",
            "taking over chats when it misroutes customers or gives the wrong answer",
            True,
        ),
        # "such as" after a comma is no verb left behind.
        (
            "Examine shipments and compare with records, such as manifests, to verify accuracy",
            "examining shipments and comparing with records, such as manifests, to verify accuracy",
            True,
        ),
    ],
)
def test_when_a_list_verb_keeps_a_form_of_its_own_then_the_verifier_decides_by_its_clause(
    source: str, body: str, passes: bool
) -> None:
    """What the verifier refuses is a slip of the list; a clause's own verb or a guessed verb
    form ("such") is no slip."""
    assert (body_problem(source, body) is None) is passes


@pytest.mark.parametrize(
    ("source", "body", "passes"),
    [
        # "images flagged by ...": a participle after a plural noun modifies it.
        (
            "Review posts and images flagged by the detection system and confirm the label",
            "reviewing posts and images flagged by the detection system and confirming the label",
            True,
        ),
        # "and phone screened 25 applicants": a noun before a past verb of the list.
        (
            "Reviewed resumes and phone screened 25 applicants",
            "reviewing resumes and phone screened 25 applicants",
            False,
        ),
    ],
)
def test_when_an_ed_word_follows_a_noun_after_and_then_only_a_list_verb_must_change(
    source: str, body: str, passes: bool
) -> None:
    assert (body_problem(source, body) is None) is passes


def test_when_the_clause_feeds_back_then_no_feedback_framing_says_it_again() -> None:
    """ "Closed the feedback loop by ... feeding back errors to the coding team" (rubric T)."""
    source = "Audited coded episodes for accuracy and fed back errors to the coding team"
    assert repetition("Closed the feedback loop by", source, REVIEW_WORDS) is not None


def test_when_a_hostile_list_is_mended_then_the_mending_stays_bounded() -> None:
    """A pasted 3,000-verb past list: at most ``MAX_MENDS`` words change, each once, and the
    rest stays as written (SECURITY.md: size limits on every text path)."""
    source = "Reviewed claims" + " and removed posts" * 3000
    body = "reviewing claims" + " and removed posts" * 3000
    mended = mend_left_forms(source, body)
    assert len(mended.split()) == len(body.split())
    assert mended.count("removing") <= 2
