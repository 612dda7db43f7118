"""Every number behind a score, in one place, so each score is an explainable sum.

A finding's score is the sum of its contributions:
- each distinct HITL signal in the line: ``SIGNAL_POINTS`` × the signal entry's weight
  (at most ``MAX_SIGNALS`` signals count);
- each role term in the line: ``TERM_POINTS`` × the term's weight (at most ``MAX_TERMS``);
- role terms in the job's header (title, employer): ``CONTEXT_POINTS`` × weight;
- a named AI/automation system in the line: ``AI_POINTS``.
A role's 0-100 score is the sum of its best ``TOP_FINDINGS`` finding scores (a line repeated
under several jobs counts once), plus
``TITLE_POINTS`` for each job whose title matches the role (at most ``MAX_TITLE_POINTS``), plus
``HEADLINE_POINTS`` when the headline or summary names a title of the role, plus
``DOMAIN_POINTS`` × weight for each distinct role term seen in work text (at most
``MAX_DOMAIN_POINTS``), capped at 100. Levels cut that score at ``LEVELS``.
"""

from __future__ import annotations

from hitl_resume.detection.results import Level

SIGNAL_POINTS = 6.0
MAX_SIGNALS = 3
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

NEGATION_WINDOW = 3

LEVELS: tuple[tuple[int, Level], ...] = ((60, "strong"), (35, "moderate"), (20, "emerging"))


def level_for(score: int) -> Level:
    """Map a 0-100 score to its level."""
    for threshold, level in LEVELS:
        if score >= threshold:
            return level
    return "none"
