"""Audit coaching output over real resumes: coverage, guard violations, weak openings, length.

Usage: python benchmarks/audit_rewrites.py [DATA_DIR] [SAMPLES]
(defaults: ../shared/data/resumes and 10)
Prints counts only, plus SAMPLES rewrites spread over the run (original -> proposed) to read by
eye; skips when data is absent.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from hitl_resume.api import analyze, default_analyzer
from hitl_resume.coaching.grounding import GroundingGuard, resume_employers
from hitl_resume.coaching.rewrites import MAX_WORDS, starts_weak, word_count
from hitl_resume.errors import InputError
from hitl_resume.language.coaching_lexicon import load_coaching_data

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "resumes"
SAMPLES = 10


def tense_only(original: str, proposed: str) -> bool:
    """A rewrite that only re-tenses the first verb ("Reconcile X" -> "Reconciled X")."""

    def rest(text: str) -> list[str]:
        return re.findall(r"[a-z0-9]+", text.lower())[1:]

    return rest(original) == rest(proposed)


def main(argv: list[str]) -> int:
    """Run the audit and print the numbers."""
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    wanted = int(argv[2]) if len(argv) > 2 else SAMPLES
    paths = sorted(folder.rglob("*.pdf")) if folder.is_dir() else []
    if not paths:
        print("no resumes found; skipping")
        return 0
    engine = default_analyzer()
    weak = load_coaching_data().weak
    counts = dict.fromkeys(
        (
            "resumes",
            "unreadable",
            "with_findings",
            "covered",
            "rewrites",
            "violations",
            "weak_openings",
            "over_40_words",
            "tense_only",
            "needs_confirmation",
            "soar_prompts",
        ),
        0,
    )
    samples: list[tuple[str, str, str]] = []
    coaching_seconds = 0.0
    for path in paths:
        counts["resumes"] += 1
        try:
            analysis = analyze(path, isolated=False)
        except InputError:
            counts["unreadable"] += 1
            continue
        started = time.perf_counter()
        analyze(analysis.resume)
        coaching_seconds += time.perf_counter() - started
        if not analysis.findings:
            continue
        counts["with_findings"] += 1
        complete = [
            p for p in analysis.interview if all((p.situation, p.obstacle, p.action, p.result))
        ]
        counts["soar_prompts"] += len(complete)
        if analysis.rewrites and complete:
            counts["covered"] += 1
        guard = GroundingGuard(engine.lexicon, resume_employers(analysis.resume))
        for rewrite in analysis.rewrites:
            counts["rewrites"] += 1
            counts["needs_confirmation"] += bool(rewrite.needs_confirmation)
            problems = guard.violations(
                rewrite.original, rewrite.proposed, rewrite.needs_confirmation
            )
            counts["violations"] += bool(problems)
            counts["weak_openings"] += starts_weak(rewrite.proposed, weak)
            counts["over_40_words"] += word_count(rewrite.proposed) > MAX_WORDS
            counts["tense_only"] += tense_only(rewrite.original, rewrite.proposed)
            samples.append((rewrite.template, rewrite.original, rewrite.proposed))
    share = 100 * counts["covered"] / max(1, counts["with_findings"])
    for key, value in counts.items():
        print(f"{key}: {value}")
    print(f"covered_percent: {share:.1f}")
    print(f"analyze_seconds_per_parsed_resume: {coaching_seconds / max(1, counts['resumes']):.3f}")
    step = max(1, len(samples) // wanted)
    for template, original, proposed in samples[::step][:wanted]:
        print(f"\n[{template}]\n  {original[:300]}\n  -> {proposed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
