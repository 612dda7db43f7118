"""Every number behind a score, in one place, so each score is an explainable sum.

A finding's score is the sum of its contributions:
- each distinct HITL signal in the line: ``SIGNAL_POINTS`` × the signal entry's weight
  (at most ``MAX_SIGNALS`` signals count);
- each role term in the line: ``TERM_POINTS`` × the term's weight (at most ``MAX_TERMS``);
- role terms in the job's header (title, employer): ``CONTEXT_POINTS`` × weight;
- the job's title naming an O*NET occupation of the role (``occupation_roles.jsonl``), when
  no role term in the header already does: ``CONTEXT_POINTS`` × ``OCCUPATION_TERM_WEIGHT``;
- a named AI/automation system in the line: ``AI_POINTS``; a reviewed system of record
  (claims, coding, HR, dispatch, ERP software from O*NET Technology Skills): ``SYSTEM_POINTS``.
A role's 0-100 score is the sum of its best ``TOP_FINDINGS`` finding scores (a line repeated
under several jobs counts once), plus
``TITLE_POINTS`` for each job whose title matches the role (at most ``MAX_TITLE_POINTS``), plus
``HEADLINE_POINTS`` when the headline or summary names a title of the role, plus
``DOMAIN_POINTS`` × weight for each distinct role term seen in work text (at most
``MAX_DOMAIN_POINTS``), plus ``TITLE_POINTS`` for each job whose title names an O*NET occupation
of the role and no role term (sharing the ``MAX_TITLE_POINTS`` budget), plus ``HEADLINE_POINTS``
for such a headline; minus ``AGAINST_POINTS`` for each job titled as an occupation of no pattern
(software developer, chef, electrician) beyond the jobs (and headline) titled for the role, and
``HEADLINE_AGAINST_POINTS`` when the headline names one, together at most
``MAX_AGAINST_POINTS``; clamped to 0-100. Levels cut that score at ``LEVELS``.
Every part that belongs to one job (its findings, title, occupation, domain terms, a non-HITL
title against) is multiplied by that job's recency factor (``RECENCY_*`` below), and the
explanation names the factor ("finding (earlier job ×0.60)"). Equal scores go to the role
with the larger unclamped sum, then the stronger single contribution (``results.top_role``).

Posting role scores (``posting_analysis``) and match scores (``matching``) are sums of the
``POSTING_*`` and ``MATCH_*`` numbers below, documented where they are used.
"""

from __future__ import annotations

from hitl_resume.detection.results import Level

SIGNAL_POINTS = 6.0
MAX_SIGNALS = 3
#: Signal entries lighter than this ("check", "monitor", "resolve") are listed after full ones.
FULL_SIGNAL_WEIGHT = 1.0
TERM_POINTS = 2.0
MAX_TERMS = 3
CONTEXT_POINTS = 1.0
AI_POINTS = 6.0

TOP_FINDINGS = 6
TITLE_POINTS = 10.0
MAX_TITLE_POINTS = 30.0
HEADLINE_POINTS = 10.0
DOMAIN_POINTS = 1.0
MAX_DOMAIN_POINTS = 10.0

#: An occupation named by the job title counts in a line like a role title term of this weight.
OCCUPATION_TERM_WEIGHT = 3.0
SYSTEM_POINTS = 2.0
AGAINST_POINTS = 8.0
HEADLINE_AGAINST_POINTS = 8.0
MAX_AGAINST_POINTS = 24.0

NEGATION_WINDOW = 3

#: Recency (``recency``): a job's findings, title and occupation points are multiplied by
#: ``1 - RECENCY_DECAY_PER_YEAR × (years it ended before the latest job - RECENCY_GRACE_YEARS)``,
#: at least ``RECENCY_FLOOR``: who the person is now weighs more than who they were.
RECENCY_DECAY_PER_YEAR = 0.1
RECENCY_GRACE_YEARS = 0.0
RECENCY_FLOOR = 0.5

# ---- postings -----------------------------------------------------------------------------
#: Posting role score: title terms in the title zone weigh most, then the role's vocabulary.
POSTING_TITLE_POINTS = 45.0
POSTING_MAX_TITLE_POINTS = 60.0
#: A title in the title zone that names an O*NET occupation (when no role term does).
#: Less than a lexicon title: O*NET's 47,000 titles include generic ones ("Operations Specialist").
POSTING_OCCUPATION_POINTS = 20.0
#: Titles of the role found below the title zone (in the duties) count this much each.
POSTING_BODY_TITLE_POINTS = 8.0
POSTING_TERM_POINTS = 5.0
POSTING_MAX_TERM_POINTS = 40.0
#: Role vocabulary in paragraphs about the company ("About us", "Who we are") counts this share.
POSTING_BLURB_FACTOR = 0.25
POSTING_PHRASE_POINTS = 4.0
POSTING_MAX_PHRASE_POINTS = 20.0
#: A role's domain word in the job title ("Payroll Manager") counts double.
POSTING_TITLE_ZONE_TERM_FACTOR = 2.0

# ---- matching (resume against posting) -----------------------------------------------------
MATCH_REQUIRED_WEIGHT = 2.0
MATCH_PREFERRED_WEIGHT = 1.0
MATCH_HITL_SIGNAL_WEIGHT = 1.5
MATCH_RELATED_ROLE_MIN_SCORE = 15

LEVELS: tuple[tuple[int, Level], ...] = ((60, "strong"), (35, "moderate"), (20, "emerging"))


def level_for(score: int) -> Level:
    """Map a 0-100 score to its level."""
    for threshold, level in LEVELS:
        if score >= threshold:
            return level
    return "none"
