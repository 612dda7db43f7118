"""How much each job counts: the current and latest jobs say who the person is now.

A bookkeeper of twenty years ago who has since worked ten years as a customer service
representative fits customer service; a resume's early jobs still count, but less. Each job's
factor is ``1 - RECENCY_DECAY_PER_YEAR × (years it ended before the latest job, minus
RECENCY_GRACE_YEARS)``, never below ``RECENCY_FLOOR`` (numbers in ``weights``). Jobs without
readable dates count fully: nothing says they are old.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hitl_resume.detection import weights as w
from hitl_resume.models import ExperienceEntry

_DATE = re.compile(r"((?:19|20)\d\d)(?:-(\d\d))?")
_CURRENT = re.compile(r"present|current|now|today|till|date|ongoing", re.IGNORECASE)


def _years(value: str | None) -> float | None:
    """ "2014-05" → 2014.33; "2014" → 2014.5 (mid-year); anything else → None."""
    match = _DATE.search(value or "")
    if match is None:
        return None
    month = int(match.group(2)) if match.group(2) else 6.5
    return int(match.group(1)) + (min(max(month, 1), 12) - 1) / 12


def _is_current(entry: ExperienceEntry) -> bool:
    return (
        bool(entry.end_date)
        and _years(entry.end_date) is None
        and bool(_CURRENT.search(entry.end_date or ""))
    )


def job_factors(entries: Sequence[ExperienceEntry]) -> dict[int, float]:
    """The weight of each job (by entry index): 1.0 for recent ones, less for older ones."""
    dated = [d for e in entries for d in (_years(e.start_date), _years(e.end_date)) if d]
    if not dated:
        return dict.fromkeys(range(len(entries)), 1.0)
    latest = max(dated)
    factors = {}
    for index, entry in enumerate(entries):
        ended = latest if _is_current(entry) else _years(entry.end_date) or _years(entry.start_date)
        if ended is None:
            factors[index] = 1.0
            continue
        years_before = max(0.0, latest - ended - w.RECENCY_GRACE_YEARS)
        factors[index] = round(
            max(w.RECENCY_FLOOR, 1.0 - w.RECENCY_DECAY_PER_YEAR * years_before), 2
        )
    return factors


def scaled_kind(kind: str, factor: float) -> str:
    """ "finding" → "finding (earlier job ×0.55)" so the explanation shows the scaling."""
    return kind if factor >= 1.0 else f"{kind} (earlier job ×{factor:.2f})"
