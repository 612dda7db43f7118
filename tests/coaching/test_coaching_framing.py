"""Framed rewrites: the person's own clause behind a governance framing, only where it fits."""

from __future__ import annotations

import pytest

from hitl_resume.coaching import coach
from hitl_resume.coaching.results import InterviewPrompt, Rewrite
from hitl_resume.detection.analyzer import Analyzer

from .resumes import resume

AUTOMATION_WORDS = ("automated", "software", "system", "ai ", "algorithm")


def one_bullet(bullet: str, *, current: bool = False, title: str = "Operations Associate") -> str:
    """A synthetic resume with one job and one bullet (an invented person and employer)."""
    dates = "2020 – Present" if current else "2016 – 2019"
    return (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        f"{title} | Quillfield Partners | Austin, TX | {dates}\n• {bullet}\n"
    )


def coached_all(
    analyzer: Analyzer, text: str
) -> tuple[tuple[Rewrite, ...], tuple[InterviewPrompt, ...]]:
    """Detection then coaching, as ``analyze`` runs them: rewrites and SOAR prompts."""
    parsed = resume(text)
    detection = analyzer.detect(parsed)
    rewrites, interview, _ = coach(
        parsed, detection.findings, detection.roles, nlp=analyzer.nlp, lexicon=analyzer.lexicon
    )
    return rewrites, interview


def coached(analyzer: Analyzer, text: str) -> tuple[Rewrite, ...]:
    """The rewrites for a synthetic resume text."""
    return coached_all(analyzer, text)[0]


def framed(analyzer: Analyzer, text: str) -> tuple[Rewrite, ...]:
    """The rewrites that put a framing on the line: a confirmed ending (``tail.*``, its own
    tests) asks a question instead and is left out."""
    found = coached(analyzer, text)
    assert all(r.needs_confirmation for r in found if r.template.startswith("tail."))
    return tuple(r for r in found if not r.template.startswith("tail."))


@pytest.mark.parametrize(
    ("bullet", "current", "expected"),
    [
        # A decision on work products: the rubric's own SIGN example, every verb kept.
        (
            "Approved, denied or pended claims and referred suspected fraud to the SIU.",
            False,
            "Acted as the human decision point by approving, denying or pending claims and "
            "referring suspected fraud to the SIU",
        ),
        # A review verb gets oversight, never a second review word.
        (
            "Audited 40 claims a day for coding accuracy.",
            False,
            "Provided human oversight by auditing 40 claims a day for coding accuracy",
        ),
        # The current job is framed in the present; both verbs of the list stay.
        (
            "Review and approve month-end journal entries.",
            True,
            "Act as the human decision point by reviewing and approving month-end journal entries",
        ),
        # A duty opening gives way; the -ing clause stays as written.
        (
            "Responsible for reviewing prior authorization requests against medical necessity "
            "criteria.",
            False,
            "Provided human oversight by reviewing prior authorization requests against medical "
            "necessity criteria",
        ),
        # A manner adverb stays in front of its verb; a check before the next step (payment)
        # is a quality gate.
        (
            "Thoroughly reviewed vendor invoices before payment.",
            False,
            "Acted as the quality gate by thoroughly reviewing vendor invoices before payment",
        ),
        # The rubric's feedback example: a correction of a work product, the reason kept.
        (
            "Corrected scheduling conflicts in the daily route plan and told the planner why.",
            False,
            "Applied human judgment by correcting scheduling conflicts in the daily route plan "
            "and telling the planner why",
        ),
        (
            "Documented the reason for each claim denial in the case notes.",
            False,
            "Kept a decision audit trail by documenting the reason for each claim denial in the "
            "case notes",
        ),
        # An obvious typo is the one other word a rewrite may fix.
        (
            "Reviewed and approved twelve bank reconciliations to insure accuracy.",
            False,
            "Acted as the human decision point by reviewing and approving twelve bank "
            "reconciliations to ensure accuracy",
        ),
        # A verb list the parser splits up is read from its word forms; a later verb of the
        # list may carry the check when no authoring verb leads it.
        (
            "Identified, verified and corrected duplicate vendor payments.",
            False,
            "Applied human judgment by identifying, verifying and correcting duplicate vendor "
            "payments",
        ),
        # British spelling is the same decision ("authorised").
        (
            "Reviewed and authorised supplier invoices before payment.",
            False,
            "Acted as the human decision point by reviewing and authorising supplier invoices "
            "before payment",
        ),
        # The last verb of a comma list is the list's verb whatever its tag ("forward").
        (
            "Review time cards, approve overtime, and forward payroll to the processor.",
            False,
            "Acted as the quality gate by reviewing time cards, approving overtime, and "
            "forwarding payroll to the processor",
        ),
        # A bare countable noun gets its article; the original keeps its wording.
        (
            "Review general ledger and approve correcting entries.",
            False,
            "Acted as the quality gate by reviewing the general ledger and approving correcting "
            "entries",
        ),
        (
            "Coordinate and review work of external audit firms.",
            False,
            "Provided human oversight by coordinating and reviewing work of external audit firms",
        ),
        # An object with its own clause still names what was checked; a name inside the
        # clause is no heading.
        (
            "Review all balance sheet schedules prepared by the Payroll Accounting Group.",
            False,
            "Provided human oversight by reviewing all balance sheet schedules prepared by the "
            "Payroll Accounting Group",
        ),
        (
            "Audited American Express accounts against the general ledger.",
            False,
            "Provided human oversight by auditing American Express accounts against the "
            "general ledger",
        ),
        # Swapped letters are a typo the rewrite fixes; the original keeps them.
        (
            "Reviewed vendor invoices and recieved payments against the general ledger.",
            False,
            "Provided human oversight by reviewing vendor invoices and receiving payments "
            "against the general ledger",
        ),
        # A system the person worked in is no AI output: no "oversight layer" framing.
        (
            "Audited new hire files in the HRIS for completeness.",
            False,
            "Provided human oversight by auditing new hire files in the HRIS for completeness",
        ),
        # A duty list in the base form may join its clauses with commas.
        (
            "Review job descriptions, make salary recommendations as needed.",
            True,
            "Apply human judgment by reviewing job descriptions, making salary "
            "recommendations as needed",
        ),
        # Split first: the sentence with the signal is rewritten, the helper sentence is not.
        (
            "Helped customers by phone; referred billing disputes to the billing manager.",
            False,
            "Applied human judgment by referring billing disputes to the billing manager",
        ),
    ],
)
def test_when_clause_carries_a_decision_or_check_then_framing_keeps_every_word(
    analyzer: Analyzer, bullet: str, current: bool, expected: str
) -> None:
    """The rewrite is the framing plus the bullet's own clause, only its verbs re-inflected."""
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet, current=current))]
    assert proposed == [expected]


@pytest.mark.parametrize(
    "bullet",
    [
        # Helping is not owning: no framing may claim the work.
        "Helped supervisors review refund requests for accuracy.",
        "Assisted on audits of vendor invoices.",
        # Laws and programs are no work product to oversee.
        "Developed, implemented and monitored programs to maximize customer satisfaction.",
        "Review federal and state laws to confirm and enforce company compliance.",
        # The first verb owns the clause: reviewing one's own drafts is no oversight.
        "Drafted and reviewed financial statement compilations before partner approval.",
        "Completed and reviewed the environmental performance report each month.",
        # A handling verb in the list makes the check part of routine handling.
        "Counted, verified and handled bank deposits and armored car transactions.",
        # The bullet names one object twice: a framing would keep the repetition.
        "Reviewed variances and explained variances to plant managers.",
        # "Research and resolve" is led by a light verb: no oversight to frame.
        "Research and resolve customer inquiries about billing statements.",
        # A verb of the object's own clause is not re-inflected as the person's.
        "Processed and audited activity records which applied billing and generated invoices.",
        # Nouns never turn into verbs ("calling center", "referencing checks").
        "Trained call center staff on escalation procedures.",
        # Noun-phrase lines and garbled text cannot carry a rewrite.
        "Review of tax documents and vendor invoices for accuracy.",
        "Management of escalated cases with billing discrepancies for enterprise customers.",
        "Reviewed accountantÃ†s book entries to ensure accuracy of the G/L.",
        # Source slips are not passed through behind a framing.
        "Reviewed and input various gross journal, net adjustments and sales arrangements.",
        "Responsible for reconciling timecards, employee development, performance reviews, and "
        "maintaining confidentiality.",
        "Reconciled fund accounts and prepared specialty reports as well as documenting "
        "procedures.",
        # A past job's line with a present verb inside ("that ranges", "if they are") would
        # mix tenses behind a past framing.
        "Reconcile the purchasing card statement that ranges from $60,000 to $100,000.",
        "Review applications and resumes and determine if they are a fit for the position.",
        # Running an audit names no work product checked: the original verb says it better.
        "Headed the quarterly bank audit for the finance department.",
        "Conduct night audit as assigned for the front desk ledger.",
        # "Authorized check signer" is a role, not a verb and its object.
        "Authorized check signer, approved all wire transfers over $1M for the branch.",
        # "customer's" with no determiner is most likely "customers'": no guess, no copy.
        "Audited customer's bank accounts in the loan servicing system.",
        # A stray apostrophe or a misused "myself" would be copied behind the framing.
        "Verified and explained commercial policy coverages' and issued renewals.",
        "Assessed risks and approved transactions for myself and other team members.",
        # A participle that most likely modifies its noun is never made a verb.
        "Audited invoices and attached receipts for accuracy.",
        # The clause says how already ("by ...ing"): a second "by" would read badly.
        "Reconciled financial discrepancies by collecting and evaluating account information.",
    ],
)
def test_when_framing_does_not_fit_then_no_rewrite_is_made(analyzer: Analyzer, bullet: str) -> None:
    """Fewer, better: a bullet that cannot carry a framing gets none."""
    assert framed(analyzer, one_bullet(bullet)) == ()


@pytest.mark.parametrize(
    "bullet",
    [
        "Review of tax documents and vendor invoices for accuracy.",
        "Management of escalated cases with billing discrepancies for enterprise customers.",
    ],
)
def test_when_sentence_cannot_carry_a_rewrite_then_soar_prompt_says_so(
    analyzer: Analyzer, bullet: str
) -> None:
    """A noun-phrase line gets a notice and a SOAR prompt in place of a rewrite."""
    rewrites, interview = coached_all(analyzer, one_bullet(bullet))
    assert rewrites == ()
    notices = [p.notice for p in interview if p.notice]
    assert notices
    assert "cannot carry a rewrite" in notices[0]


def test_when_automation_is_plausible_then_variant_sits_inside_the_rewrite(
    analyzer: Analyzer,
) -> None:
    """The automation variant is an alternative of the same rewrite, with its confirmation."""
    bullet = "Approved, denied or pended claims and referred suspected fraud to the SIU."
    (rewrite,) = coached(analyzer, one_bullet(bullet))
    assert not any(word in rewrite.proposed.lower() for word in AUTOMATION_WORDS)
    assert rewrite.alternative is not None
    assert "automated" in rewrite.alternative
    assert rewrite.alternative.endswith(rewrite.proposed.split(" by ", 1)[1])
    (confirm,) = rewrite.needs_confirmation
    assert confirm.startswith("Confirm:")
    assert "claims" in confirm


def test_when_job_predates_the_software_then_no_automation_variant(analyzer: Analyzer) -> None:
    """An automation variant only for jobs that ended after such software was plausible."""
    text = one_bullet("Approved, denied or pended claims and referred suspected fraud to the SIU.")
    (rewrite,) = coached(analyzer, text.replace("2016 – 2019", "1992 – 1996"))
    assert rewrite.alternative is None
    assert rewrite.needs_confirmation == ()


def test_when_two_lines_say_the_same_then_only_one_is_rewritten(analyzer: Analyzer) -> None:
    """No line is rewritten twice, even when the PDF repeats it."""
    bullet = "Audited 40 claims a day for coding accuracy."
    text = one_bullet(bullet) + f"• {bullet}\n"
    assert len(coached(analyzer, text)) == 1


def test_when_many_lines_fit_one_framing_then_the_resume_varies_it(analyzer: Analyzer) -> None:
    """Two rewrites may share a framing; a third line that fits another takes that one."""
    bullets = [
        "Reviewed vendor invoices against purchase orders before payment.",
        "Audited expense reports for policy compliance before reimbursement.",
        "Examined payroll registers for errors prior to release.",
        "Verified journal entries prepared by the staff accountants.",
    ]
    text = (
        "Jordan Vale\njordan.vale@example.com\n\nEXPERIENCE\n"
        "Senior Accountant | Quillfield Partners | Austin, TX | 2016 – 2019\n"
        + "".join(f"• {b}\n" for b in bullets)
    )
    rewrites = coached(analyzer, text)
    templates = [r.template for r in rewrites]
    assert len(rewrites) == len(bullets)
    assert max(templates.count(t) for t in templates) <= 2, templates


def test_when_two_words_name_the_product_then_the_question_names_its_software(
    analyzer: Analyzer,
) -> None:
    """ "time cards" are timekeeping records, not payment cards: the confirm item says so."""
    (rewrite,) = coached(analyzer, one_bullet("Reviewed and approved time cards for payroll."))
    assert rewrite.needs_confirmation
    assert "timekeeping or payroll software" in rewrite.needs_confirmation[0]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        # Catch and act, both the person's own: the check is the head, the act a later verb.
        (
            "Identified errors in physician orders and returned them to the prescriber for "
            "correction.",
            "Acted as the human checkpoint by identifying errors in physician orders and "
            "returning them to the prescriber for correction",
        ),
        (
            "Flagged duplicate invoices and escalated them to the AP supervisor.",
            "Acted as the human checkpoint by flagging duplicate invoices and escalating them to "
            "the AP supervisor",
        ),
        (
            "Identified and corrected errors in physician orders.",
            "Applied human judgment by identifying and correcting errors in physician orders",
        ),
        # A decision later in the person's own chain: the human decision point.
        (
            "Processed returns and exchanges and approved exceptions to the return policy.",
            "Acted as the human decision point by processing returns and exchanges and "
            "approving exceptions to the return policy",
        ),
        (
            "Investigated billing disputes and approved refunds up to 500 dollars.",
            "Acted as the human decision point by investigating billing disputes and approving "
            "refunds up to 500 dollars",
        ),
        # Screening that ends in a referral or recommendation is a judgment on candidates.
        (
            "Screened applicants and recommended finalists to hiring managers.",
            "Applied human judgment by screening applicants and recommending finalists to hiring "
            "managers",
        ),
        # "Check" is a light word ("checked guests in"); with an accuracy purpose it is a check.
        (
            "Checked vendor invoices and journal entries for mathematical accuracy and proper "
            "codes.",
            "Provided human oversight by checking vendor invoices and journal entries for "
            "mathematical accuracy and proper codes",
        ),
        ("Checked guests in and out of the hotel.", None),
        # Preparing the orders is the person's own work: nothing to frame.
        ("Prepared physician orders and returned errors to the prescriber for correction.", None),
        # The clause already says how ("by marking"): a second "by" would read badly.
        (
            "Identified errors in physician orders and returned them to the prescriber by "
            "marking each correction.",
            None,
        ),
    ],
)
def test_when_a_line_finds_or_decides_and_acts_then_the_chain_is_framed(
    analyzer: Analyzer, bullet: str, expected: str | None
) -> None:
    """ "Applied human judgment by identifying ..." reads as a label; a checkpoint that finds
    errors and sends them back is the work a HITL reviewer does (rubric: SIGN)."""
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet))]
    assert proposed == ([expected] if expected else [])


@pytest.mark.parametrize(
    "bullet",
    [
        "Reconciled American Express accounts against the general ledger.",
        "Reconcile payroll journals and time cards.",
        "Balanced the cash drawer and posted deposits to the ledger.",
    ],
)
def test_when_a_line_keeps_the_persons_own_books_then_it_gets_no_oversight_framing(
    analyzer: Analyzer, bullet: str
) -> None:
    """Every coach who read "Provided human oversight by reconciling ..." called it vague: a
    reconciliation checks the person's own ledger, not work that reached them."""
    assert framed(analyzer, one_bullet(bullet)) == ()


@pytest.mark.parametrize(
    "bullet",
    [
        # The line already names its judgment, on a review: any framing says it twice.
        "Exercised sound judgment in reviewing claims for payment.",
        # Last year's papers are background reading for the person's own work.
        "Reviewed prior year's audit documentation, audit report and management letter.",
        # Going over a bill with a guest is service, not oversight of work.
        "Reviewed accounts and charges with guests during the check out process.",
        # Calculating what the patient owes makes the clause the person's own front-end work.
        "Verified medical benefits and eligibility with payers and calculated patient liability.",
    ],
)
def test_when_a_line_is_no_oversight_of_others_work_then_it_gets_no_framing(
    analyzer: Analyzer, bullet: str
) -> None:
    """Coaches read "Provided human oversight" / "human decision point" on these as vague or
    repetitive (rubric V, T)."""
    assert coached(analyzer, one_bullet(bullet)) == ()


@pytest.mark.parametrize(
    ("bullet", "software"),
    [
        ("Reviewed medical bills for accuracy before payment.", "claims-processing"),
        # No software made the audits: the question would not make sense.
        ("Thoroughly reviewed financial statements and tax audits to correct discrepancies.", None),
        # Postings are written by people: an applicant-tracking question overstates.
        ("Audited job postings for old and pending positions.", None),
    ],
)
def test_when_an_automation_question_is_asked_then_software_made_every_object(
    analyzer: Analyzer, bullet: str, software: str | None
) -> None:
    """The confirm item names software that could have produced all of what the line checks."""
    (rewrite,) = coached(analyzer, one_bullet(bullet))
    if software is None:
        assert rewrite.needs_confirmation == ()
    else:
        assert software in rewrite.needs_confirmation[0]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        (
            "Exercised sound judgment in issuing credits and making exceptions to customer"
            " policies.",
            "Acted as the human decision point in issuing credits and making exceptions to"
            " customer policies",
        ),
        (
            "Exercised good judgement when approving refunds over the store limit.",
            "Acted as the human decision point when approving refunds over the store limit",
        ),
    ],
)
def test_when_a_line_names_its_judgment_on_decisions_then_the_framing_takes_its_place(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """Two coaches read "Acted as the human decision point by exercising sound judgment" as
    saying it twice and asked for the framing in the judgment phrase's place (rubric T)."""
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet))] == [expected]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        (
            "Performed quality assurance reviews on customer information held in bank systems.",
            "Provided human oversight by performing quality assurance reviews on customer"
            " information held in bank systems",
        ),
        (
            "Conducted monthly audits of vendor invoices.",
            "Provided human oversight by conducting monthly audits of vendor invoices",
        ),
        ("Conducted audits of state laws and regulations.", None),
    ],
)
def test_when_a_review_noun_leads_then_the_product_is_the_noun_after_of_or_on(
    analyzer: Analyzer, bullet: str, expected: str | None
) -> None:
    """The reviews are of the customer information and the invoices; a customer or vendor
    before the noun names whose it is, not a rule to oversee."""
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet))]
    assert proposed == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # A name that opens in capitals is no second sentence glued on ("InterQual").
        (
            "Utilization Review Nurse",
            "Reviewed prior authorization requests against InterQual criteria.",
            "Provided human oversight by reviewing prior authorization requests against"
            " InterQual criteria",
        ),
        (
            "HR Specialist",
            "Verified employment documentation and resolved E-Verify mismatches.",
            "Provided human oversight by verifying employment documentation and resolving E-Verify"
            " mismatches",
        ),
        # Writing a decision's reason down is the documentation itself, not authoring work.
        (
            "Trust and Safety Analyst",
            "Wrote decision rationales for every account takedown.",
            "Kept an audit trail by writing decision rationales for every account takedown",
        ),
        # An escalation to a person rests on the work product named after it.
        (
            "Medical Coder",
            "Queried physicians when documentation did not support the billed diagnosis.",
            "Applied human judgment by querying physicians when documentation did not support"
            " the billed diagnosis",
        ),
        # A check whose errors or trends go back to the people or system that made them.
        (
            "Medical Coder",
            "Audited coder accuracy and shared error trends with the coding team.",
            "Closed the feedback loop by auditing coder accuracy and sharing error trends with"
            " the coding team",
        ),
        (
            "Customer Service Representative",
            "Flagged recurring chatbot errors to the product team.",
            "Closed the feedback loop by flagging recurring chatbot errors to the product team",
        ),
        (
            "AI Data Annotator",
            "Labeled images and text for machine learning classifiers.",
            "Provided human feedback by labeling images and text for machine learning classifiers",
        ),
        (
            "Utilization Review Nurse",
            "Approved or denied inpatient stays based on medical necessity.",
            "Acted as the human decision point by approving or denying inpatient stays based on"
            " medical necessity",
        ),
    ],
)
def test_when_a_line_shows_hitl_work_in_its_own_words_then_it_gets_the_fitting_framing(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """Review, escalation, feedback and documentation lines of the families' own work (claims,
    coding, moderation, AI training) each get the framing a coach signs (rubric examples)."""
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title=title))] == [expected]


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # The product after a count noun, and the first head that names one.
        (
            "Content Moderator",
            "Reviewed 800 pieces of user content per shift against community guidelines.",
            "Provided human oversight by reviewing 800 pieces of user content per shift against"
            " community guidelines",
        ),
        (
            "Compliance Analyst",
            "Reviewed marketing materials and advertisements for compliance prior to release.",
            "Acted as the quality gate by reviewing marketing materials and advertisements for"
            " compliance prior to release",
        ),
        # A base-form verb after a participle modifier is the person's own list verb.
        (
            "Content Moderator",
            "Review posts flagged by the detection system and confirm or overturn the label.",
            "Provided human oversight by reviewing posts flagged by the detection system and"
            " confirming or overturning the label",
        ),
        # A past list of three clauses, the last joined by "and".
        (
            "Support Supervisor",
            "Approved or denied customer credits requested by reps, ensured compliance with"
            " company policy and documented all exceptions.",
            "Acted as the human decision point by approving or denying customer credits requested"
            " by reps, ensuring compliance with company policy and documenting all exceptions",
        ),
        # A kept first clause may hold a list of nouns ("benefits and policies").
        (
            "AP Specialist",
            "Answered vendor questions about invoices and payments, audited expense reports for"
            " policy compliance.",
            "Answered vendor questions about invoices and payments, and provided human oversight"
            " by auditing expense reports for policy compliance",
        ),
        # A framing of the whole line ranks above one put mid-sentence.
        (
            "Store Supervisor",
            "Processed returns and exchanges and approved exceptions to the return policy.",
            "Acted as the human decision point by processing returns and exchanges and approving"
            " exceptions to the return policy",
        ),
    ],
)
def test_when_the_object_or_list_is_read_right_then_the_line_is_framed_whole(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """Real lines name their work after a count noun, list two products, join three past
    clauses with commas or keep a list of nouns in a first clause; each is one statement."""
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title=title))] == [expected]


@pytest.mark.parametrize(
    "bullet",
    [
        # Two statements joined by a comma alone: the second is no part of the review.
        "Reviewed variances with finance management and external auditors, processed quarterly"
        " depreciation for all sites.",
        # A title after a participle, not a verb list.
        "Authorized check signer, approved all wire transfers for the branch.",
    ],
)
def test_when_a_comma_joins_two_statements_then_no_framing_spans_them(
    analyzer: Analyzer, bullet: str
) -> None:
    """A framing over "reviewing X, processing Y" would call the bookkeeping oversight too."""
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet))]
    assert not any(", processing" in p or "authorizing check signer" in p for p in proposed)


@pytest.mark.parametrize(
    ("title", "bullet"),
    [
        # A moderator's "accounts" are user accounts, no bank-feed matches.
        (
            "Trust and Safety Analyst",
            "Investigated reported accounts for scams, impersonation and abuse.",
        ),
        # The line already names the software the question would ask about.
        (
            "Medical Coder",
            "Validated codes suggested by the encoder against physician documentation.",
        ),
    ],
)
def test_when_the_automation_question_would_make_no_sense_then_none_is_asked(
    analyzer: Analyzer, title: str, bullet: str
) -> None:
    """Two coaches marked these questions unsensible; the line is still framed."""
    rewrites = coached(analyzer, one_bullet(bullet, title=title))
    assert rewrites, "the line is still framed"
    assert all(not r.needs_confirmation for r in rewrites)


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        (
            "Review their call logs and correct errors in incident documentation.",
            "Provided human oversight by reviewing their call logs and correcting errors in"
            " incident documentation",
        ),
        (
            "Examine records and interview workers to ensure recording of transactions.",
            "Applied human judgment by examining records and interviewing workers to ensure"
            " recording of transactions",
        ),
    ],
)
def test_when_a_list_verb_reads_like_a_modifier_then_it_is_still_inflected(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """The parser reads "correct errors" and "interview workers" as noun phrases; a rewrite that
    leaves them ("reviewing X and correct errors") is a grammar slip (rubric G)."""
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title="Staff Auditor"))] == [
        expected
    ]


def test_when_an_adjective_pairs_with_a_participle_then_the_participle_stays(
    analyzer: Analyzer,
) -> None:
    """ "late or damaged shipments": "damaged" describes the shipments, it is no verb of the
    list (a rewrite said "escalating late or damaging shipments")."""
    from hitl_resume.coaching.segments import parse_text
    from hitl_resume.coaching.verbs import coordinated_verbs, verb_index

    doc = analyzer.nlp(parse_text("Escalated late or damaged shipments to account managers"))
    head = next(t for t in doc if t.dep_ == "ROOT")
    verbs = [t.lower_ for t in coordinated_verbs(head, verb_index(analyzer.nlp))]
    assert verbs == ["escalated"]


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # Two verbs joined by a slash are both the person's.
        (
            "Benefits Specialist",
            "Reviewed FMLA certifications for completeness, approved/denied leave requests and"
            " tracked intermittent leave usage.",
            "Acted as the quality gate by reviewing FMLA certifications for completeness,"
            " approving/denying leave requests and tracking intermittent leave usage",
        ),
        # An irregular past form continues a comma series; an approval's product sits after "on".
        (
            "Staff Accountant",
            "Signed off on journal entries prepared by staff accountants, sent back about 10% for"
            " corrections.",
            "Acted as the human decision point by signing off on journal entries prepared by"
            " staff accountants, sending back about 10% for corrections",
        ),
        # "confirmed or overturned" hangs on the participle in the parse; writing up patterns
        # documents the person's own decisions, it does not author the reviewed work.
        (
            "Trust and Safety Analyst",
            "Investigated accounts flagged by the spam detection model, confirmed or overturned"
            " the ban, and wrote up false positive patterns for the ML team.",
            "Applied human judgment by investigating accounts flagged by the spam detection"
            " model, confirming or overturning the ban, and writing up false positive patterns"
            " for the ML team",
        ),
        # A kept first clause may be a list of the person's verbs.
        (
            "Collections Specialist",
            "Matched customer payments to open invoices, researched short pays and audited credit"
            " memos for accuracy.",
            "Matched customer payments to open invoices, researched short pays and provided human"
            " oversight by auditing credit memos for accuracy",
        ),
    ],
)
def test_when_a_real_list_joins_its_verbs_loosely_then_each_verb_is_read(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """Slashes, irregular past forms, verb pairs after a participle and comma lists are how
    people write duty lists; each verb takes the -ing form and nothing else changes."""
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title=title))] == [expected]


@pytest.mark.parametrize(
    "bullet",
    [
        # A review held with management is a meeting, not oversight of their work.
        "Reviewed variances with finance management and external auditors, processed quarterly"
        " accruals.",
        # A kept first clause whose items do not open with verbs is no clause list.
        "Coordinated the recruiting process, set-up interviews, screened candidates and extended"
        " job offers.",
    ],
)
def test_when_a_review_is_a_meeting_or_the_kept_clause_is_no_list_then_no_framing(
    analyzer: Analyzer, bullet: str
) -> None:
    """Coaches read these framings as vague or as copying a mangled first clause."""
    assert coached(analyzer, one_bullet(bullet, title="Financial Analyst")) == ()


def test_when_a_line_answers_and_hands_on_then_the_whole_line_is_the_triage(
    analyzer: Analyzer,
) -> None:
    """Judgment put on the hand-off after a kept first clause read as bolted on; the person
    who answers and passes on what they cannot settle is the triage point of the whole line."""
    bullet = (
        "Answered employee questions about benefits and policies, escalated complex issues to"
        " the HR manager."
    )
    assert [r.proposed for r in coached(analyzer, one_bullet(bullet, title="HR Assistant"))] == [
        "Acted as the human triage point by answering employee questions about benefits and"
        " policies, escalating complex issues to the HR manager"
    ]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        # A result statement after a comma: the splice is mended with a semicolon.
        (
            "Performed quality checks on closed AML investigations and sent back cases with weak"
            " narratives, team error rate dropped from 12% to 4%.",
            "Provided human oversight by performing quality checks on closed AML investigations"
            " and sending back cases with weak narratives; team error rate dropped from 12% to 4%",
        ),
        (
            "Performed quality audits on outbound orders, picking accuracy improved to 99.6%.",
            "Provided human oversight by performing quality audits on outbound orders; picking"
            " accuracy improved to 99.6%",
        ),
        # A result participle keeps its comma and its own form.
        (
            "Audited carrier invoices against rate confirmations and disputed overcharges,"
            " recovering $40K+ in the first year.",
            "Acted as the quality gate by auditing carrier invoices against rate confirmations and"
            " disputing overcharges, recovering $40K+ in the first year",
        ),
    ],
)
def test_when_a_line_ends_in_a_result_then_the_clause_is_framed_and_the_result_kept(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """ "..., team error rate dropped from 12% to 4%": the result is what a coach keeps first;
    the clause before it is framed and the result follows word for word (not re-inflected)."""
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet, title="AML Analyst"))]
    assert proposed == [expected]


def test_when_a_clean_line_runs_to_28_words_then_it_is_still_framed(analyzer: Analyzer) -> None:
    """Real reviewers write long lines; up to 30 words a framed line stays under 40."""
    bullet = (
        "Reviewed new account applications for completeness, corrected errors in customer"
        " information and obtained manager sign-off on any exceptions to policy so accounts could"
        " open the same day."
    )
    text = one_bullet(bullet, title="Personal Banker")
    proposed = [r.proposed for r in coached(analyzer, text)]
    assert len(proposed) == 1
    assert len(proposed[0].split()) <= 40


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # The parser hangs "document" on "appropriate"; the determiner after it shows a verb.
        (
            "Head Teller",
            "Override teller transaction limits when appropriate and document the reason in the"
            " daily exceptions log.",
            "Act as the human decision point by overriding teller transaction limits when"
            " appropriate and documenting the reason in the daily exceptions log",
        ),
        # A verb the parser reads as a noun before a plural object ("dispute overcharges").
        (
            "Logistics Coordinator",
            "Audit freight invoices against rate confirmations and dispute overcharges with"
            " carriers.",
            "Provide human oversight by auditing freight invoices against rate confirmations and"
            " disputing overcharges with carriers",
        ),
        # List verbs after a comma.
        (
            "Support Lead",
            "Review escalated tickets from Tier 1 agents, correct misapplied refunds and document"
            " resolution in CRM.",
            "Provide human oversight by reviewing escalated tickets from Tier 1 agents, correcting"
            " misapplied refunds and documenting resolution in CRM",
        ),
    ],
)
def test_when_a_present_list_verb_reads_like_a_noun_then_it_is_still_inflected(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """Rewrites that left "and document the reason" or ", correct Y and document Z" as written
    were marked grammar slips (rubric G)."""
    text = one_bullet(bullet, current=True, title=title)
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # A stray capital between lowercase words is lowered; a system's name is not.
        (
            "Staff Accountant",
            "Review Amortization entries processed for deferred compensation plans.",
            "Provided human oversight by reviewing amortization entries processed for deferred"
            " compensation plans",
        ),
        # A kept first clause with its own "and" takes a comma before the framed one.
        (
            "Medical Billing Specialist",
            "Work claim denials and rejections, correct errors and resubmit within 48 hours.",
            "Work claim denials and rejections, and apply human judgment by correcting errors"
            " and resubmitting within 48 hours",
        ),
    ],
)
def test_when_the_clause_has_a_stray_capital_or_joins_a_list_then_the_rewrite_reads_clean(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """Coaches marked "Amortization entries" (K) and "denials and rejections and apply" (G)."""
    current = bullet.startswith("Work ")  # a present-tense duty list belongs to a current job
    assert [
        r.proposed for r in coached(analyzer, one_bullet(bullet, current=current, title=title))
    ] == [expected]


@pytest.mark.parametrize(
    "bullet",
    [
        "Investigated auto claims and approved payments up to my $15K authority.",
        "Evaluated insurance submissions and wrote up my reasoning in the policy file.",
    ],
)
def test_when_a_line_speaks_in_the_first_person_then_it_is_not_copied(
    analyzer: Analyzer, bullet: str
) -> None:
    """ "my $15K authority" in a rewrite is the original's slip copied (rubric K)."""
    assert coached(analyzer, one_bullet(bullet, title="Claims Adjuster")) == ()


def test_when_a_judgment_line_is_framed_then_its_interview_prompt_quotes_it_whole(
    analyzer: Analyzer,
) -> None:
    """The prompt quotes the line as written and never asks where "the sound judgments" came
    from: the judgment is the person's, not a work object."""
    bullet = (
        "Exercised sound judgment in issuing credits and making exceptions to customer policies."
    )
    _, prompts = coached_all(analyzer, one_bullet(bullet))
    assert prompts
    assert "“Exercised sound judgment in issuing credits" in prompts[0].situation
    assert "judgments come from" not in prompts[0].situation


@pytest.mark.parametrize(
    "body",
    [
        "reviewing resumes and phone screened 25 applicants weekly",
        "reviewing false positives and QA'd keyword filter changes",
    ],
)
def test_when_a_compound_or_clipped_past_verb_is_left_then_the_verifier_refuses(
    body: str,
) -> None:
    """ "and phone screened", "and QA'd": past forms a rewrite left beside "reviewing" (G)."""
    from hitl_resume.coaching.verify import body_problem

    source = body.replace("reviewing", "Reviewed", 1)
    assert body_problem(source, body) is not None


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        (
            "Reviewed loan files to determine whether borrowers qualified for modification.",
            "Acted as the human decision point by reviewing loan files to determine whether"
            " borrowers qualified for modification",
        ),
        (
            "Review flagged seller accounts and determine whether to suspend, warn or reinstate.",
            "Act as the human decision point by reviewing flagged seller accounts and"
            " determining whether to suspend, warn or reinstate",
        ),
    ],
)
def test_when_a_review_ends_in_a_decision_then_it_is_named_a_decision_point(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """A strict coach called "Applied human judgment" filler on credit and suspension decisions
    and asked for the decision to be named; the rubric frames decisions as a decision point.
    A review "for credit" or "to determine areas needing cost reduction" names no decision of
    the person's: two later readers called the decision point overstated there (below)."""
    current = bullet.startswith("Review ")
    text = one_bullet(bullet, current=current, title="Risk Analyst")
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


@pytest.mark.parametrize(
    ("title", "bullet"),
    [
        # A result statement with no quantity after a comma: the splice stays refused, and
        # "auditing ..., recovered" mixes verb forms (rubric K/G).
        (
            "Quality Inspector",
            "Responsible for auditing carrier invoices against enrollment, recovered over $30K in"
            " overpaid premiums.",
        ),
        (
            "Quality Inspector",
            "Performed quality audits on outbound orders, picking accuracy improved a lot.",
        ),
        # No decision or purpose a framing can name (overstated or vague to every reader).
        ("Risk Analyst", "Reviewed new accounts for credit."),
        (
            "Risk Analyst",
            "Reviewed financial statements and performance data to measure productivity and goal"
            " achievement.",
        ),
        # A kept first clause that names one person with no article ("new tax preparer").
        (
            "Risk Analyst",
            "Trained new tax preparer and audited processed work for accuracy before filing.",
        ),
        # A list that arranges work as well as judging it: no framing spans the logistics.
        ("Recruiter", "Conducted phone screens and coordinated interviews with hiring managers."),
    ],
)
def test_when_a_line_cannot_carry_a_framing_then_none_is_offered(
    analyzer: Analyzer, title: str, bullet: str
) -> None:
    """Readers marked framings of these as copying the original's error, overstated ("human
    decision point" on a review "for credit") or vague ("human oversight" of management
    reporting); the line gets its SOAR prompt instead."""
    assert coached(analyzer, one_bullet(bullet, title=title)) == ()


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # A weak verb working a queue of decisions, with the decision in a later participle.
        (
            "Trust and Safety Specialist",
            "Handled appeals from users whose content was removed, reversing incorrect decisions"
            " and giving feedback to moderators.",
            "Acted as the second line of human review by handling appeals from users whose"
            " content was removed, reversing incorrect decisions and giving feedback to"
            " moderators",
        ),
        (
            "Claims Specialist",
            "Worked claim denials and approved adjustments within policy.",
            "Acted as the human decision point by working claim denials and approving adjustments"
            " within policy",
        ),
        # "check holds" are holds on checks: the noun compound is not re-inflected.
        (
            "Head Teller",
            "Approve overrides for cash-out limits and check holds.",
            "Act as the human decision point by approving overrides for cash-out limits and"
            " check holds",
        ),
        # Present-tense lists hold more such nouns: "time off", "call logs", "interview notes".
        (
            "Payroll Specialist",
            "Approve timesheets and time off requests for errors before payroll runs.",
            "Act as the human decision point by approving timesheets and time off requests for"
            " errors before payroll runs",
        ),
        (
            "Recruiter",
            "Approve shortlists and interview notes before they go to hiring managers.",
            "Act as the human decision point by approving shortlists and interview notes before"
            " they go to hiring managers",
        ),
    ],
)
def test_when_a_line_works_a_decision_queue_or_names_a_compound_then_it_is_read_right(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """ "Handled appeals ..." is no weak line when the appeals are decided; "and check holds"
    read as a verb made two readers reject the rewrite (meaning changed, rubric M)."""
    text = one_bullet(bullet, title=title, current=bullet.startswith("Approve "))
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


def test_when_a_weak_verb_works_no_decision_queue_then_it_is_not_framed(
    analyzer: Analyzer,
) -> None:
    """ "Handled escalated calls" says the person took calls; nothing in it is a decision."""
    text = one_bullet("Handled escalated calls and resolved billing questions.", title="Agent")
    assert coached(analyzer, text) == ()


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        (
            "Investigated cases of suspected fraud including: noncompliance with state laws,"
            " contractual fraud and co-mingling of funds.",
            "Applied human judgment by investigating cases of suspected fraud including"
            " noncompliance with state laws, contractual fraud and co-mingling of funds",
        ),
        (
            "Reviewed default escalations, foreclosure recession reviews and duplicate MHA files.",
            "Provided human oversight by reviewing default escalations, foreclosure rescission"
            " reviews and duplicate MHA files",
        ),
    ],
)
def test_when_the_original_has_a_stray_colon_or_a_known_slip_then_the_rewrite_mends_it(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """Both readers of the public rewrites marked "including:" and "recession" for
    "rescission" as the original's errors kept (rubric K)."""
    text = one_bullet(bullet, title="Compliance Investigator")
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


def test_when_accounts_belong_to_sellers_then_no_bank_feed_question_is_asked(
    analyzer: Analyzer,
) -> None:
    """A reader marked the accounting-software question on "flagged seller accounts" as aimed
    at the wrong tool: a marketplace's seller accounts are no ledger accounts."""
    bullet = (
        "Review flagged seller accounts and decide whether to suspend, warn or reinstate,"
        " documenting rationale in case notes."
    )
    rewrites = coached(analyzer, one_bullet(bullet, current=True, title="Marketplace Analyst"))
    assert [r.needs_confirmation for r in rewrites] == [()]


def test_when_a_plural_possessive_lost_its_apostrophe_then_the_rewrite_puts_it_back(
    analyzer: Analyzer,
) -> None:
    """ "auditing coders work" copied into a rewrite is the original's slip kept (rubric K)."""
    text = one_bullet(
        "Audit coders work, provide education on errors, and track trends.",
        current=True,
        title="Coding Auditor",
    )
    proposed = [r.proposed for r in coached(analyzer, text)]
    assert proposed == [
        "Close the feedback loop by auditing coders' work, providing education on errors, and"
        " tracking trends"
    ]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        (
            "Double checked returns prepared by other staff for missing 1099s and incorrect"
            " dependents before e-filing.",
            "Acted as the quality gate by double-checking returns prepared by other staff for"
            " missing 1099s and incorrect dependents before e-filing",
        ),
        (
            "Spot-checked 50 charts a month for coding accuracy.",
            "Provided human oversight by spot-checking 50 charts a month for coding accuracy",
        ),
    ],
)
def test_when_the_head_is_a_compound_check_verb_then_it_is_framed_as_one_verb(
    analyzer: Analyzer, bullet: str, expected: str
) -> None:
    """The parser reads "Double checked" and "Spot-checked" as an adverb and an adjective; the
    compound is one check verb, hyphenated as it should be."""
    text = one_bullet(bullet, title="Senior Tax Preparer")
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


@pytest.mark.parametrize(
    ("title", "bullet", "current", "expected"),
    [
        # "escalated" after the head verb modifies the object; the parser took it for a verb.
        (
            "Customer Service Supervisor",
            "Reviewed escalated billing disputes and issued credits within policy.",
            False,
            "Provided human oversight by reviewing escalated billing disputes and issuing credits"
            " within policy",
        ),
        # "set" is a past verb of the series: a plural object follows and "approved" goes on.
        (
            "Claims Adjuster",
            "Evaluated liability and workers' comp claims, set reserves and approved payments"
            " within $25,000 authority.",
            False,
            "Acted as the human decision point by evaluating liability and workers' comp claims,"
            " setting reserves and approving payments within $25,000 authority",
        ),
    ],
)
def test_when_a_verb_looks_like_another_word_class_then_the_series_is_still_read(
    analyzer: Analyzer, title: str, bullet: str, current: bool, expected: str
) -> None:
    """Claims and service lines as applicants write them: "Review escalated ...", "set
    reserves"; both were dropped as unreadable before."""
    text = one_bullet(bullet, current=current, title=title)
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


def test_when_a_base_looking_past_form_starts_a_noun_list_then_it_stays_a_noun(
    analyzer: Analyzer,
) -> None:
    """ "..., cost centers and budgets": no regular past verb follows, so "cost" is no verb."""
    from hitl_resume.coaching.verify import body_problem

    assert body_problem(
        "Reviewed invoices, cost centers and budgets",
        "reviewing invoices, costing centers and budgets",
    )


@pytest.mark.parametrize(
    ("title", "bullet", "expected"),
    [
        # A check verb with a catch and a hand-back: the quality gate (no second review word).
        (
            "Receiving Clerk",
            "Checked incoming shipments against packing slips and reported damages and shortages.",
            "Acted as the quality gate by checking incoming shipments against packing slips and"
            " reporting damages and shortages",
        ),
        # Employee complaints are cases an investigator decides, not customers' requests.
        (
            "HR Generalist",
            "Investigated employee complaints, documented findings and recommended corrective"
            " action to management.",
            "Applied human judgment by investigating employee complaints, documenting findings"
            " and recommending corrective action to management",
        ),
    ],
)
def test_when_a_check_catches_and_hands_back_or_an_investigation_decides_then_it_is_framed(
    analyzer: Analyzer, title: str, bullet: str, expected: str
) -> None:
    """ "Acted as the human checkpoint by checking ..." would say check twice; the quality gate
    names the same catch. HR investigations are judgment, not service."""
    text = one_bullet(bullet, title=title)
    assert [r.proposed for r in coached(analyzer, text)] == [expected]


@pytest.mark.parametrize(
    ("title", "bullet", "current"),
    [
        # The line says people made the tickets: no question asks whether software did.
        (
            "Support Team Lead",
            "Review escalated tickets from Tier 1 agents, correct misapplied refunds and document"
            " resolution in CRM.",
            True,
        ),
    ],
)
def test_when_people_made_the_object_or_it_is_the_decision_then_no_automation_is_asked(
    analyzer: Analyzer, title: str, bullet: str, current: bool
) -> None:
    """A reader marked both questions as aimed at the wrong thing ("software producing the
    final call"; tickets that came from Tier 1 agents)."""
    rewrites = coached(analyzer, one_bullet(bullet, current=current, title=title))
    assert rewrites
    assert all(r.needs_confirmation == () and r.alternative is None for r in rewrites)


def test_when_a_vague_object_is_followed_by_examples_then_the_examples_make_it_specific(
    analyzer: Analyzer,
) -> None:
    """ "issues, such as sexual harassment, discrimination, ...": the examples name the cases
    an HR investigator decides; the list is no run past the parse."""
    bullet = (
        "Investigated all employee relation issues, such as sexual harassment, discrimination,"
        " and inappropriate conduct by either hourly or salaried associates."
    )
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet, title="HR Manager"))]
    assert proposed == [
        "Applied human judgment by investigating all employee relation issues, such as sexual"
        " harassment, discrimination, and inappropriate conduct by either hourly or salaried"
        " associates"
    ]


def test_when_a_kept_result_follows_the_framed_clause_then_the_soar_result_quotes_it(
    analyzer: Analyzer,
) -> None:
    """The result cut off for framing is still the bullet's: the Result prompt names it."""
    bullet = (
        "Audited a sample of moderator decisions each week and calibrated with team leads on edge"
        " cases, accuracy improved from 91% to 96%."
    )
    rewrites, prompts = coached_all(analyzer, one_bullet(bullet, title="Content Moderator"))
    assert rewrites
    assert prompts
    assert "91%" in prompts[0].result
    assert "96%" in prompts[0].result


def test_when_the_object_belongs_to_people_then_the_split_line_is_framed_without_a_question(
    analyzer: Analyzer,
) -> None:
    """ "other tellers' cash counts": people made them, so no software question; the teller's
    own balancing stays as written before the framed audit, and the result after it."""
    bullet = (
        "Balanced drawer daily and audited other tellers' cash counts, catching an average of 3"
        " discrepancies per month."
    )
    rewrites = coached(analyzer, one_bullet(bullet, title="Senior Bank Teller"))
    assert [(r.proposed, r.needs_confirmation) for r in rewrites] == [
        (
            "Balanced drawer daily and provided human oversight by auditing other tellers' cash"
            " counts, catching an average of 3 discrepancies per month",
            (),
        )
    ]


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        # "decision point by deciding" says decision twice: the judgment framing takes the line.
        (
            "Review flagged seller accounts and decide whether to suspend, warn or reinstate.",
            [
                "Apply human judgment by reviewing flagged seller accounts and deciding whether to"
                " suspend, warn or reinstate"
            ],
        ),
        # "decision point by making the final call" says it twice too, and no other framing fits.
        (
            "Made final call on escalated graphic violence and child safety reports and referred"
            " cases to law enforcement.",
            [],
        ),
    ],
)
def test_when_the_clause_says_decision_in_other_words_then_no_decision_point_repeats_it(
    analyzer: Analyzer, bullet: str, expected: list[str]
) -> None:
    """Two readers marked "Acted as the human decision point by making the final call" as
    repeating itself (rubric T)."""
    current = bullet.startswith("Review ")
    text = one_bullet(bullet, current=current, title="Trust and Safety Lead")
    assert [r.proposed for r in coached(analyzer, text)] == expected


def test_when_a_verb_belongs_to_a_clause_with_its_own_subject_then_it_stays_as_written(
    analyzer: Analyzer,
) -> None:
    """ "when it misroutes customers or gives the wrong answer": the chatbot gives the answer;
    only the person's own verb is re-inflected."""
    bullet = (
        "Took over conversations from the chatbot when it misroutes customers or gives the wrong"
        " answer."
    )
    proposed = [r.proposed for r in coached(analyzer, one_bullet(bullet, title="Chat Agent"))]
    assert proposed
    assert "when it misroutes customers or gives the wrong answer" in proposed[0]
    assert "taking over conversations" in proposed[0]


@pytest.mark.parametrize(
    ("title", "bullet", "current", "expected"),
    [
        # Duties written as -ing phrases: a second parse with a plural subject; no word changes.
        (
            "Claims Analyst",
            "Reviewing and approving motor claims up to EUR 10,000",
            True,
            "Act as the human decision point by reviewing and approving motor claims up to EUR"
            " 10,000",
        ),
        # A customer's identity checked before a SIM swap is the work product the check gates.
        (
            "Customer Support Associate",
            "Verified customer identity before processing SIM swaps, refusing requests that failed"
            " verification.",
            False,
            "Acted as the quality gate by verifying customer identity before processing SIM swaps,"
            " refusing requests that failed verification",
        ),
        # "Overrode" is tagged present by the small model; its comma series is still past.
        (
            "Senior Claims Examiner",
            "Overrode auto-settlement recommendations when photo evidence did not match loss"
            " description, documented reason in claim file.",
            False,
            "Acted as the human decision point by overriding auto-settlement recommendations when"
            " photo evidence did not match loss description, documenting reason in claim file",
        ),
    ],
)
def test_when_a_line_is_written_as_cvs_of_other_layouts_write_it_then_it_is_framed(
    analyzer: Analyzer, title: str, bullet: str, current: bool, expected: str
) -> None:
    """Lines from the layout sweep (gerund duties, KYC-style checks, irregular past heads)."""
    text = one_bullet(bullet, current=current, title=title)
    assert [r.proposed for r in coached(analyzer, text)] == [expected]
