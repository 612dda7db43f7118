"""Synthetic resumes (invented people and employers) for coaching and golden tests."""

from __future__ import annotations

from hitl_resume.models import Resume
from hitl_resume.parsing import parse

HEALTHCARE = """Dana Whitfield
dana.whitfield@example.com | (555) 010-2000

EXPERIENCE
Clinical Documentation Specialist | Maple Grove Medical Center | Denver, CO | Jan 2022 – Present
• Reviewed 25 discharge summaries daily for missing diagnoses and queried physicians on gaps
• Validated codes suggested by the computer-assisted coding system before claims were billed

Medical Billing Clerk | Aspen Family Clinic | Denver, CO | 2018 – 2021
• Responsible for reviewing denied claims and correcting coding errors before resubmission
• Audited patient accounts for accuracy and escalated billing disputes to the office manager

SKILLS
HIPAA, CMS guidelines, Epic, NCQA
"""

SUPPORT = """Marco Reyes
marco.reyes@example.com

EXPERIENCE
Customer Support Lead | Bluefin Outfitters | Austin, TX | 2020 – Present
• Escalate unresolved billing complaints to the finance team with complete case notes
• Review chatbot transcripts weekly and correct answers the chatbot got wrong

Call Center Agent | Harbor Mobile | Austin, TX | 2017 – 2020
• Helped resolve 80 customer calls per day and escalated refund requests to supervisors
• Handled complaints about delayed orders
"""

FINANCE = """Priya Natarajan
priya.n@example.com

EXPERIENCE
Staff Accountant | Cedar Ridge Holdings | Chicago, IL | 2019 – 2023
• Reviewed vendor invoices for accuracy and approved payments under $10,000
• Reconciled bank statements monthly and documented the reason for each adjustment
• Reduced month-end close errors by 30% by flagging duplicate entries to the controller

Accounts Payable Clerk | Lakeview Supply Co | Chicago, IL | 2016 – 2019
• Assisted with auditing expense reports for compliance with company policy

SKILLS
SOX, GAAP, QuickBooks, Excel
"""

RECRUITING = """Sam Okafor
sam.okafor@example.com

EXPERIENCE
Recruiting Coordinator | Northstar Labs | Remote | 2021 – Current
• Screen applicants for minimum qualifications and flag unusual screening decisions for audit
• Review candidate slates with hiring managers and document the reasons for each rejection

Dispatcher | Route Nine Logistics | Tulsa, OK | 2016 – 2021
• Reviewed daily delivery schedules and adjusted routes for weather and driver availability
• Escalated safety incidents to the operations manager
"""

# Every bullet sits beside a tempting fact: a number, an employer, a framework in the skills,
# "automated" in the neighbouring bullet.
TEMPTING = """Lee Morgan
lee.morgan@example.com

EXPERIENCE
Claims Reviewer | Harbor Ridge Health | Boston, MA | 2019 – 2023
• Processed 1,200 claims a month through the automated claims system with 99% accuracy
• Reviewed denied claims for coding errors and escalated disputes to the medical director
• Examined provider appeals and documented the reason for each decision

Billing Specialist | Maple Grove Medical Center | Boston, MA | 2016 – 2019
• Audited patient statements for accuracy before mailing
• Corrected billing errors and approved refunds

SKILLS
HIPAA, NCQA, SOX, CMS
"""

SAMPLES = {
    "healthcare": HEALTHCARE,
    "support": SUPPORT,
    "finance": FINANCE,
    "recruiting": RECRUITING,
}


def resume(text: str) -> Resume:
    """Parse synthetic text without a child process."""
    return parse(text, isolated=False)
