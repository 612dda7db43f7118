"""Detection: HITL findings, role scores, posting analysis and resume-to-posting matching."""
