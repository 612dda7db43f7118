"""Evaluate detection against ../shared/data: resumes, postings, explicit-AI language, speed.

Usage: HITL_DATA=../shared/data python benchmarks/eval_detection.py [--skip-resumes]
       [--skip-vanetik] [--skip-postings] [--skip-speed] [--half tune|holdout]

- livecareer resumes: top-role accuracy and per-family recall against labels.csv `hitl_role`
  (`uncertain` rows excluded), a confusion table, macro recall over families with 8+ examples
  and the lowest family, and how many `none` resumes show as strong; with ``--half`` only one
  fixed random half (seed ``HALF_SEED``): changes are tuned on ``tune`` and checked on
  ``holdout``, so a note can say whether they generalise;
- vanetik-docx (software developers, no HITL role): how many show a strong pattern;
- postings: top-role accuracy on LA bulletins whose titles map clearly and on Google postings
  whose categories map clearly (the maps below are our keyword guesses, not labels); explicit-AI
  detection on remotewlb postings against `hitl_ai`; explicit-AI rate on 2014-2019 bulletins;
- speed: analysis time per resume against running the full spaCy pipeline on the same text.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("HITL_DATA", ROOT.parent / "shared" / "data"))

#: LA civil-service titles that name one pattern without ambiguity (substring → role).
LA_TITLE_MAP = (
    (r"\b(ACCOUNTANT|AUDITOR|ACCOUNTING|TAX |PAYROLL|FINANCIAL ANALYST)", "tax_financial"),
    (r"\b(DISPATCHER|SCHEDULER|DISPATCH)\b", "dispatch_operations"),
    (r"\b(PERSONNEL|BENEFITS|HUMAN RESOURCES|EMPLOYEE RELATIONS)\b", "hr_recruiting"),
    (r"\b(CUSTOMER SERVICE|COMMUNICATIONS INFORMATION REPRESENTATIVE)\b", "customer_service"),
    (r"\b(PARALEGAL|LEGAL ASSISTANT|COMPLIANCE|CONTRACT ADMINISTRATOR)\b", "legal_compliance"),
)
GOOGLE_CATEGORY_MAP = {
    "Finance": "tax_financial",
    "People Operations": "hr_recruiting",
    "Legal & Government Relations": "legal_compliance",
    "Product & Customer Support": "customer_service",
    "Manufacturing & Supply Chain": "dispatch_operations",
}


#: The split of labelled resumes into a tuning half and a held-out half (never change it).
HALF_SEED = 10


def _half(files: list[str], which: str | None) -> set[str]:
    """The files of one half (all files when ``which`` is None)."""
    if which is None:
        return set(files)
    tune = set(random.Random(HALF_SEED).sample(sorted(files), len(files) // 2))
    return tune if which == "tune" else set(files) - tune


def _top(roles: list[dict[str, object]]) -> str:
    best = max(roles, key=lambda r: int(str(r["score"])))
    return str(best["id"]) if best["level"] != "none" else "none"


def evaluate_resumes(half: str | None = None) -> None:
    from hitl_resume.api import analyze
    from hitl_resume.errors import InputError

    folder = DATA / "resumes" / "livecareer"
    rows = [
        r for r in csv.DictReader((folder / "labels.csv").open()) if r["hitl_role"] != "uncertain"
    ]
    chosen = _half([r["file"] for r in rows], half)
    rows = [r for r in rows if r["file"] in chosen]
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    none_strong = none_total = 0
    errors = 0
    for row in rows:
        gold = row["hitl_role"]
        if gold == "uncertain":
            continue
        try:
            result = analyze(folder / row["file"]).to_dict()
        except InputError:
            errors += 1
            confusion[gold]["(error)"] += 1
            continue
        predicted = str(result["top_role"] or "none")  # ties settled as the product settles them
        confusion[gold][predicted] += 1
        if gold == "none":
            none_total += 1
            none_strong += any(r["level"] == "strong" for r in result["roles"])
    total = sum(sum(c.values()) for c in confusion.values())
    correct = sum(confusion[g][g] for g in confusion)
    print(f"\nRESUMES (livecareer{f', {half} half' if half else ''}, n={total}, errors={errors})")
    print(f"top-role accuracy: {correct / total:.3f}")
    recalls = []
    for gold in sorted(confusion):
        n = sum(confusion[gold].values())
        recall = confusion[gold][gold] / n
        if gold != "none" and n >= 5:
            recalls.append(recall)
        print(
            f"  {gold:20s} n={n:3d} recall={recall:.2f}  -> {dict(confusion[gold].most_common())}"
        )
    if recalls:
        print(f"macro recall (families with >= 5, excluding none): {statistics.mean(recalls):.3f}")
    eight = {
        g: c[g] / sum(c.values())
        for g, c in confusion.items()
        if g != "none" and sum(c.values()) >= 8
    }
    if eight:
        print(
            f"macro recall (families with >= 8): {statistics.mean(eight.values()):.3f}; "
            f"lowest {min(eight, key=eight.__getitem__)} {min(eight.values()):.2f}"
        )
    print(f"'none' resumes shown as a strong fit: {none_strong}/{none_total}")


def evaluate_vanetik() -> None:
    """Software developers' CVs (no HITL role): none may show a strong pattern."""
    from hitl_resume.api import analyze
    from hitl_resume.errors import InputError

    files = sorted((DATA / "resumes" / "vanetik-docx").glob("*.docx"))
    levels: Counter[str] = Counter()
    strong = []
    for path in files:
        try:
            roles = analyze(path).to_dict()["roles"]
        except InputError:
            levels["(error)"] += 1
            continue
        best = max(roles, key=lambda r: int(str(r["score"])))
        levels[str(best["level"])] += 1
        if best["level"] == "strong":
            strong.append(f"{path.name} {best['id']} {best['score']}")
    print(f"\nVANETIK-DOCX developers' CVs (n={len(files)}): top level {dict(levels)}")
    print(f"  shown as a strong HITL pattern: {len(strong)} {strong}")


def _posting_top(text: str) -> tuple[str, bool]:
    """The top role (``none`` below the emerging level) and whether explicit-AI language shows."""
    return _posting_result(text)[0], _posting_result(text)[2]


def _posting_result(text: str) -> tuple[str, str, bool]:
    from hitl_resume.api import analyze_posting

    result = analyze_posting(text).to_dict()
    explicit = any(p["explicit_ai"] for p in result["hitl_phrases"])
    return str(result["top_role"] or "none"), _top(result["roles"]), explicit


def evaluate_postings() -> None:
    la = sorted((DATA / "postings" / "la-city-job-bulletins" / "txt").glob("*.txt"))
    hits = total = ai_hits = 0
    misses: list[str] = []
    for path in la:
        text = path.read_text(encoding="utf-8", errors="replace")
        predicted, explicit = _posting_top(text)
        ai_hits += explicit
        gold = next((role for pattern, role in LA_TITLE_MAP if re.search(pattern, path.stem)), None)
        if gold is None:
            continue
        total += 1
        hits += predicted == gold
        if predicted != gold:
            misses.append(f"{path.stem[:40]} gold={gold} got={predicted}")
    print(
        f"\nLA bulletins with mapped titles: accuracy {hits}/{total} = {hits / max(total, 1):.3f}"
    )
    for miss in misses[:12]:
        print("  miss:", miss)
    print(f"LA 2014-2019 bulletins with explicit-AI HITL language: {ai_hits}/{len(la)}")

    google = sorted((DATA / "postings" / "google-job-skills" / "txt").glob("*.txt"))
    hits = total = argmax_hits = 0
    per_cat: dict[str, Counter[str]] = defaultdict(Counter)
    for path in google:
        text = path.read_text(encoding="utf-8", errors="replace")
        match = re.search(r"^Category: (.+)$", text, re.MULTILINE)
        gold = GOOGLE_CATEGORY_MAP.get(match.group(1).strip()) if match else None
        title = text.split("\n", 1)[0]
        if gold is None or re.search(r"\bIntern\b", title):
            continue  # internships name no job family, whatever their category
        predicted, best, _ = _posting_result(text)
        total += 1
        hits += predicted == gold
        argmax_hits += best == gold
        per_cat[gold][predicted] += 1
    print(f"Google mapped categories: accuracy {hits}/{total} = {hits / max(total, 1):.3f}")
    print(f"  (top role at emerging level or above only: {argmax_hits}/{total})")
    for gold, counts in per_cat.items():
        print(f"  {gold:20s} {dict(counts.most_common())}")

    folder = DATA / "postings" / "remotewlb-postings"
    rows = list(csv.DictReader((folder / "labels.csv").open()))
    tp = fp = pos = neg = 0
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8", errors="replace")
        _, explicit = _posting_top(text)
        if row["hitl_ai"] == "yes":
            pos += 1
            tp += explicit
        else:
            neg += 1
            fp += explicit
    print(f"remotewlb explicit-AI: found in {tp}/{pos} that ask for it; {fp}/{neg} false alarms")


def evaluate_speed() -> None:
    from hitl_resume.api import analyze, default_analyzer
    from hitl_resume.language.nlp import load_model
    from hitl_resume.parsing import parse

    folder = DATA / "resumes" / "livecareer" / "pdf"
    resumes = [parse(p) for p in sorted(folder.rglob("*.pdf"))[:30]]
    default_analyzer()
    nlp = load_model()
    ours, full = [], []
    for resume in resumes:
        started = time.perf_counter()
        analyze(resume)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        nlp(resume.text)
        full.append(time.perf_counter() - started)
    words = statistics.mean(len(r.text.split()) for r in resumes)
    print(f"\nSPEED over {len(resumes)} resumes (mean {words:.0f} words), model loaded:")
    print(f"  analysis (after parse): median {statistics.median(ours) * 1000:.1f} ms")
    print(f"  full en_core_web_sm pipeline: median {statistics.median(full) * 1000:.1f} ms")
    print(f"  ratio: {statistics.median(ours) / statistics.median(full):.2f} (target <= 0.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-resumes", action="store_true")
    parser.add_argument("--skip-postings", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-vanetik", action="store_true")
    parser.add_argument("--half", choices=("tune", "holdout"), default=None)
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit("../shared/data is not present; nothing to evaluate")
    if not args.skip_resumes:
        evaluate_resumes(args.half)
    if not args.skip_vanetik:
        evaluate_vanetik()
    if not args.skip_postings:
        evaluate_postings()
    if not args.skip_speed:
        evaluate_speed()


if __name__ == "__main__":
    main()
