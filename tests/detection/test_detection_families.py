"""Families issue 10 found missed: each, described by its work, comes out as its pattern."""

from __future__ import annotations

import pytest

from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.parsing import parse

#: (title line, two bullets, expected top role): synthetic people, one per family of the work.
FAMILIES = [
    (
        "Claims Adjuster, Harbor Mutual Insurance",
        "Investigated property claims and approved settlements within authority",
        "Referred suspected fraud to the special investigations unit with documented findings",
        "legal_compliance",
    ),
    (
        "SIU Investigator, Northline Insurance",
        "Reviewed flagged claims for staged accidents and escalated confirmed fraud",
        "Documented investigation findings for regulators and counsel",
        "legal_compliance",
    ),
    (
        "KYC Analyst, Meridian Bank",
        "Reviewed customer due diligence files and escalated high-risk clients",
        "Cleared sanctions screening alerts and documented dispositions",
        "legal_compliance",
    ),
    (
        "HSE Officer, Desert Build Contracting",
        "Conducted safety audits and site inspections against OSHA requirements",
        "Investigated incidents and verified corrective actions were closed",
        "legal_compliance",
    ),
    (
        "Legal Assistant, Park & Lane LLP",
        "Reviewed contracts for missing clauses and flagged issues to attorneys",
        "Prepared court filings and checked citations before submission",
        "legal_compliance",
    ),
    (
        "Material Controller, Gulf Steel Fabrication",
        "Verified goods receipt notes against purchase orders and resolved discrepancies",
        "Monitored stock levels and approved material requisitions for production",
        "dispatch_operations",
    ),
    (
        "Production Planner, Apex Plastics",
        "Reviewed the production schedule and adjusted runs for material shortages",
        "Coordinated changeovers with the shop floor and documented schedule changes",
        "dispatch_operations",
    ),
    (
        "Fleet Coordinator, Swift Haulage",
        "Reviewed driver assignments and rerouted loads around delays",
        "Monitored vehicle tracking and escalated late deliveries",
        "dispatch_operations",
    ),
    (
        "Ground Operations Agent, Sky Air",
        "Checked load sheets and verified aircraft turnaround tasks before departure",
        "Coordinated gate assignments during irregular operations",
        "dispatch_operations",
    ),
    (
        "Bank Teller, First Harbour Bank",
        "Verified customer identity and approved withdrawals within limits",
        "Resolved customer complaints and escalated account issues to the branch manager",
        "customer_service",
    ),
    (
        "Front Office Executive, Marina Grand Hotel",
        "Handled guest check-in and resolved guest complaints at the front desk",
        "Reviewed room reservations and corrected billing errors before check-out",
        "customer_service",
    ),
    (
        "Call Center Agent, Telco One",
        "Handled inbound calls and resolved billing disputes",
        "Escalated unresolved complaints to supervisors with case notes",
        "customer_service",
    ),
    (
        "IT Help Desk Analyst, Civic Systems",
        "Resolved incident tickets and escalated outages to the network team",
        "Reviewed ticket queue priorities and documented fixes in the knowledge base",
        "customer_service",
    ),
]


#: The same families as UK and Commonwealth CVs title and word them ("Claims Assessor",
#: "Purchase Ledger Clerk", "HR Adviser"): without their titles each read as no pattern.
UK_FAMILIES = [
    (
        "Claims Assessor, Harbour Insurance",
        "Assessing claims against policy terms and approving or declining payments",
        "Referring suspected fraud to the counter-fraud team",
        "legal_compliance",
    ),
    (
        "Purchase Ledger Clerk, Kestrel Foods Ltd",
        "Matching supplier invoices to purchase orders and resolving queries",
        "Reconciling supplier statements and flagging discrepancies to the finance manager",
        "tax_financial",
    ),
    (
        "Clinical Coder, Northgate NHS Trust",
        "Coding inpatient episodes from case notes using ICD-10 and OPCS-4",
        "Querying consultants when documentation was unclear and correcting coding errors",
        "healthcare_quality",
    ),
    (
        "Transport Planner, Redline Haulage",
        "Planning daily routes for 40 vehicles and reallocating loads when drivers ran late",
        "Checking tachograph records and escalating infringements to the transport manager",
        "dispatch_operations",
    ),
    (
        "Complaints Handler, Brightwater Energy",
        "Investigating customer complaints and agreeing resolutions within policy",
        "Escalating complex complaints to the ombudsman liaison team",
        "customer_service",
    ),
    (
        "HR Adviser, Fenwick Council",
        "Advising managers on disciplinary and grievance cases",
        "Reviewing investigation reports and checking decisions against policy",
        "hr_recruiting",
    ),
    (
        "Clinical Audit and Quality Facilitator, Northmoor NHS Trust",
        "Extracting audit data from SystmOne and Datix for national audits",
        "Validating submissions and returning records with missing fields to the ward",
        "healthcare_quality",
    ),
    (
        "Payments Operations Officer, Harrowgate Bank",
        "Processing CHAPS, Faster Payments and SWIFT payments for business customers",
        "Investigating and resolving payment exceptions and returned items",
        "tax_financial",
    ),
    (
        "Rota Coordinator, Hartley Care Homes",
        "Building weekly staff rotas across four homes",
        "Approving shift swaps and covering sickness at short notice",
        "dispatch_operations",
    ),
]


@pytest.mark.parametrize(("title", "first", "second", "role"), FAMILIES + UK_FAMILIES)
def test_when_a_person_does_the_work_of_a_family_then_its_pattern_is_on_top(
    analyzer: Analyzer, title: str, first: str, second: str, role: str
) -> None:
    """The families issue 10 lists are described by their work and must not be missed."""
    text = f"Jordan Example\n\nEXPERIENCE\n{title}\n2019 - 2023\n- {first}\n- {second}\n"
    detection = analyzer.detect(parse(text))
    best = max(detection.roles, key=lambda r: r.score)
    assert best.id == role, [(r.id, r.score) for r in detection.roles if r.score]
    assert best.level != "none"
