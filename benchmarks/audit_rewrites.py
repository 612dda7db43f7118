"""Audit coaching output over real resumes against the checks a careful coach would make.

Usage: python benchmarks/audit_rewrites.py [DATA_DIR] [SAMPLES] [LIMIT]
(defaults: ../shared/data/resumes, 10 samples, every file)
Prints counts only, plus SAMPLES rewrites spread over the run (original -> proposed) to read by
eye with the rubric in ../shared/COACHING_RUBRIC.md; skips when the data is absent.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from lemminflect import getAllLemmas

from hitl_resume.analysis import Analysis
from hitl_resume.api import analyze, default_analyzer
from hitl_resume.coaching.fixes import lexicon_words
from hitl_resume.coaching.framable import framable, verb_signals
from hitl_resume.coaching.grounding import GroundingGuard, resume_employers
from hitl_resume.coaching.pipeline import prepare
from hitl_resume.coaching.results import Rewrite
from hitl_resume.coaching.rewrites import (
    MAX_WORDS,
    REVIEW_WORDS,
    build_rewrite,
    clause_signals,
    starts_weak,
    word_count,
    work_product,
)
from hitl_resume.coaching.shapes import clause_problem
from hitl_resume.coaching.verify import body_problem, tokens
from hitl_resume.defaults import default_lexicon
from hitl_resume.detection.analyzer import Analyzer
from hitl_resume.errors import InputError
from hitl_resume.language.coaching_lexicon import WeakOpening, load_coaching_data
from hitl_resume.language.gazetteer import holds_place

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "resumes"
SAMPLES = 10
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_PHONE = re.compile(r"\d{3}\D{0,2}\d{3}\D?\d{4}")
_UNSAFE_QUERY = re.compile(r"@|\d|https?:")
_PLACES = default_lexicon().places
_AUTOMATION = re.compile(
    r"\b(?:ai|automated|automation|algorithm|software|system-generated)\b", re.I
)


def review_words(text: str) -> int:
    """How many words of the check family ("review", "verify", "audit") a text says."""
    return sum(1 for word in re.findall(r"[a-z]+", text.lower()) if word in REVIEW_WORDS)


def drop_reasons(analysis: Analysis, engine: Analyzer, guard: GroundingGuard) -> Counter[str]:
    """Why each candidate sentence of a resume without a rewrite was dropped, by reason."""
    lexicon = engine.lexicon
    data = lexicon.coaching
    found: Counter[str] = Counter()
    findings = framable(analysis.findings, lexicon)
    signals, words = verb_signals(lexicon), lexicon_words(lexicon)
    for candidate in prepare(analysis.resume, findings, data, engine.nlp, signals, words):
        problem = clause_problem(candidate)
        if problem is not None:
            found[f"{problem[0]}: {problem[1]}"] += 1
        elif not clause_signals(candidate):
            found["no signal on the clause's own head verb"] += 1
        elif work_product(candidate, data.products) is None:
            found["object is no work product"] += 1
        elif build_rewrite(candidate, data, guard, rewrite_id="R000") is None:
            found["no framing fits, verifies or stays grounded"] += 1
        else:
            found["built but another rewrite won"] += 1
    return found


def bodies(body: str, original: str) -> list[str]:
    """The body, then the body without each ending the original has after a comma: a result
    kept after the framed clause word for word, after "; " or ", " ("...; accuracy improved")."""
    return [body] + [
        body[: joint.start()]
        for joint in re.finditer(r"[;,] ", body)
        if original.rstrip(" .").endswith(f", {body[joint.end() :]}")
    ]


def fails_verifier(clause: str, proposed: str, original: str = "") -> bool:
    """No "by" of the proposal is followed by the verified clause (a kept first clause may
    say "by" itself; a decision framing that replaces "Exercised judgment in" joins with "in" or
    "when")."""
    tails = [m.end() for m in re.finditer(r" (?:by|in|when) ", proposed)]
    return all(
        body_problem(clause, body) is not None
        and not clause.endswith(body)  # the decisions after "Exercised judgment in"
        for end in tails
        for body in bodies(proposed[end:], original)
    )


def ending_fails(clause: str, proposed: str) -> bool:
    """A confirmed ending's line ("<clause>, tracing and correcting ...") changes a word of the
    clause other than a verb's form, or its length (endings hold no comma)."""
    body = proposed[: proposed.rfind(", ")]
    before, after = tokens(clause), tokens(body)
    if len(before) != len(after):
        return True
    return any(
        a.lower() != b.lower()
        and not set(getAllLemmas(a.lower(), upos="VERB").get("VERB", ()))
        & set(getAllLemmas(b.lower(), upos="VERB").get("VERB", ()))
        for a, b in zip(before, after, strict=True)
    )


def changed_non_verbs(clause: str, proposed: str, original: str = "") -> int:
    """Words of the clause the proposal changed that the dictionary does not know as verbs
    (a noun or adjective turned into a verb: "calling center", "armoring car")."""
    found = bodies(proposed.rsplit(" by ", 1)[-1], original)
    before = tokens(clause)
    after = next((tokens(b) for b in found if len(tokens(b)) == len(before)), tokens(found[0]))
    if len(before) != len(after):
        return 0  # the verifier's own count catches a changed length
    return sum(
        1
        for a, b in zip(before, after, strict=True)
        # known only as another part of speech ("armored"); "pended" is unknown, not counted
        if a.lower() != b.lower()
        and not getAllLemmas(a.lower(), upos="VERB")
        and getAllLemmas(a.lower())
    )


def print_counts(counts: Counter[str], drops: Counter[str], seconds: float) -> None:
    """The audit's counts, its coverage and speed, then why candidates were dropped."""
    for key in (
        "resumes",
        "unreadable",
        "with_findings",
        "covered",
        "rewrites",
        "with_alternative",
        "split_clause",
        "ungrounded",
        "automation_without_confirm",
        "fails_verifier",
        "changed_non_verbs",
        "review_word_repeated",
        "line_rewritten_twice",
        "weak_openings",
        "over_40_words",
        "soar_prompts",
        "soar_notices",
        "soar_result_year_or_phone",
        "plan_searches",
        "plan_unsafe_query",
        "plan_place_query",
    ):
        print(f"{key}: {counts[key]}")
    print(f"covered_percent: {100 * counts['covered'] / max(1, counts['with_findings']):.1f}")
    print(f"seconds_per_resume: {seconds / max(1, counts['resumes']):.3f}")
    print("\ndropped candidates in resumes without a rewrite:")
    for reason, count in drops.most_common():
        print(f"  {count:4d}  {reason}")


def count_prompts_and_plan(counts: Counter[str], analysis: Analysis) -> None:
    """Count SOAR prompts, their notices and unsafe quotes, and the plan's searches."""
    for prompt in analysis.interview:
        counts["soar_prompts"] += 1
        counts["soar_notices"] += prompt.notice is not None
        quoted = prompt.result.partition("mentions")[2]
        counts["soar_result_year_or_phone"] += bool(_YEAR.search(quoted) or _PHONE.search(quoted))
    if analysis.plan is not None:
        for search in analysis.plan.searches:
            counts["plan_searches"] += 1
            counts["plan_unsafe_query"] += bool(_UNSAFE_QUERY.search(search.query))
            counts["plan_place_query"] += holds_place(search.query, _PLACES)


def count_rewrite(
    counts: Counter[str], rewrite: Rewrite, guard: GroundingGuard, weak: Sequence[WeakOpening]
) -> None:
    """Count what the hard rules forbid in one rewrite."""
    counts["rewrites"] += 1
    counts["with_alternative"] += rewrite.alternative is not None
    counts["ungrounded"] += bool(
        guard.violations(rewrite.original, rewrite.proposed, rewrite.needs_confirmation)
    )
    unconfirmed = _AUTOMATION.search(rewrite.proposed) and not _AUTOMATION.search(rewrite.original)
    counts["automation_without_confirm"] += bool(unconfirmed and not rewrite.needs_confirmation)
    checked = (rewrite.clause, rewrite.proposed, rewrite.original)
    if rewrite.template.startswith("tail."):  # the line as written, then its ending
        counts["fails_verifier"] += ending_fails(rewrite.clause, rewrite.proposed)
        checked = (rewrite.clause, rewrite.proposed[: rewrite.proposed.rfind(", ")], "")
    else:
        counts["fails_verifier"] += fails_verifier(*checked)
    counts["changed_non_verbs"] += changed_non_verbs(*checked)
    counts["split_clause"] += (
        not rewrite.proposed.lower().startswith(rewrite.clause.split()[0].lower())
        and " and " in rewrite.proposed.partition(" by ")[0]
    )
    counts["review_word_repeated"] += (
        review_words(rewrite.proposed) > review_words(rewrite.original)
        and review_words(rewrite.original) > 0
    )
    counts["weak_openings"] += starts_weak(rewrite.proposed, weak)
    counts["over_40_words"] += word_count(rewrite.proposed) > MAX_WORDS


def main(argv: list[str]) -> int:
    """Run the audit and print the numbers."""
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    wanted = int(argv[2]) if len(argv) > 2 else SAMPLES
    limit = int(argv[3]) if len(argv) > 3 else None
    paths = (sorted(folder.rglob("*.pdf")) + sorted(folder.rglob("*.docx")))[:limit]
    if not paths:
        print("no resumes found; skipping")
        return 0
    engine = default_analyzer()
    weak = load_coaching_data().weak
    counts: Counter[str] = Counter()
    samples: list[tuple[str, str, str, str | None]] = []
    drops: Counter[str] = Counter()
    started = time.perf_counter()
    for path in paths:
        counts["resumes"] += 1
        try:
            analysis = analyze(path, isolated=False)
        except InputError:
            counts["unreadable"] += 1
            continue
        if not analysis.findings:
            continue
        counts["with_findings"] += 1
        counts["covered"] += bool(analysis.rewrites)
        guard = GroundingGuard(engine.lexicon, resume_employers(analysis.resume))
        if not analysis.rewrites:
            drops.update(drop_reasons(analysis, engine, guard))
        lines = Counter(re.sub(r"\W+", " ", r.original.lower()) for r in analysis.rewrites)
        counts["line_rewritten_twice"] += sum(n - 1 for n in lines.values())
        for rewrite in analysis.rewrites:
            count_rewrite(counts, rewrite, guard, weak)
            samples.append(
                (rewrite.template, rewrite.original, rewrite.proposed, rewrite.alternative)
            )
        count_prompts_and_plan(counts, analysis)
    print_counts(counts, drops, time.perf_counter() - started)
    step = max(1, len(samples) // max(1, wanted))
    for template, original, proposed, alternative in samples[::step][:wanted]:
        print(f"\n[{template}]\n  {original[:300]}\n  -> {proposed}")
        if alternative:
            print(f"  (if confirmed) {alternative}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
