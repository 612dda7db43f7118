"""The bundled lexicon is valid, covers every role family, and bad lexicons fail loudly."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from hitl_resume.language.inflect import variants
from hitl_resume.language.jsonl_reader import LexiconError
from hitl_resume.language.lexicon_loader import (
    Lexicon,
    bundled_lexicon_dir,
    check_lexicon,
    load_lexicon,
)
from hitl_resume.language.lexicon_schema import LEXICON_FILES, ROLE_IDS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_when_bundled_lexicon_is_checked_then_there_are_no_problems() -> None:
    """The shipped data must pass its own validator."""
    assert check_lexicon() == []
    assert check_lexicon(bundled_lexicon_dir()) == []


def test_when_the_default_lexicon_is_asked_twice_then_it_is_one_object(lexicon: Lexicon) -> None:
    """Analyses reuse one parsed lexicon (held by ``defaults``) instead of re-reading files."""
    from hitl_resume.defaults import default_analyzer, default_lexicon

    assert default_lexicon() is default_lexicon()
    assert default_analyzer().lexicon is default_lexicon()
    assert [role.id for role in lexicon.roles] == list(ROLE_IDS)


def test_when_entries_are_loaded_then_each_keeps_its_file_and_line(lexicon: Lexicon) -> None:
    """Explanations cite the exact data line behind a finding."""
    for term in lexicon.role_terms[:50] + tuple(lexicon.signals):
        path = Path(lexicon.source_dir) / term.path
        line = path.read_text(encoding="utf-8").splitlines()[term.line - 1]
        assert json.loads(line)["id"] == term.id


@pytest.mark.parametrize("role_id", ROLE_IDS)
def test_when_counting_role_terms_then_each_role_has_breadth(
    lexicon: Lexicon, role_id: str
) -> None:
    """Thin roles would under-score whole professions."""
    terms = lexicon.terms_for(role_id)
    assert len(terms) >= 40
    assert sum(len(term.phrases) for term in terms) >= 300
    assert {term.kind for term in terms} == {"title", "domain", "artifact", "framework", "employer"}


GENERIC_TITLES = ("manager", "assistant", "analyst", "specialist", "clerk", "coordinator",
                  "associate", "consultant", "director", "supervisor", "officer")  # fmt: skip


@pytest.mark.parametrize("word", GENERIC_TITLES)
def test_when_word_is_generic_then_it_is_not_a_role_term(lexicon: Lexicon, word: str) -> None:
    """A bare generic title would fire on every resume."""
    assert all(word not in term.phrases for term in lexicon.role_terms)


@pytest.mark.parametrize("word", ["automated", "system", "systems", "automation", "computer"])
def test_when_word_is_generic_then_it_is_not_an_ai_term(lexicon: Lexicon, word: str) -> None:
    """Old civil-service postings must not count as explicit AI evidence."""
    assert all(word not in term.phrases for term in lexicon.ai_terms)


def _normalize(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9][a-z0-9&/+'\-]*", text.lower())) + " "


def _roles_hit(lexicon: Lexicon, text: str) -> set[str]:
    haystack = _normalize(text)
    hit = set()
    for term in lexicon.role_terms:
        for phrase in term.phrases:
            if any(f" {form} " in haystack for form in variants(phrase, "noun")):
                hit.add(term.role)
                break
    return hit


COVERAGE = [
    ("Medical Coder", "healthcare_quality"),
    ("Utilization Review Nurse", "healthcare_quality"),
    ("Prior Authorization Specialist", "healthcare_quality"),
    ("Medical Billing Specialist", "healthcare_quality"),
    ("CDI Specialist", "healthcare_quality"),
    ("Reviewed ICD-10 codes on inpatient charts", "healthcare_quality"),
    ("Processed prior authorizations using InterQual criteria", "healthcare_quality"),
    ("911 Dispatcher", "dispatch_operations"),
    ("Emergency Communications Officer", "dispatch_operations"),
    ("Production Scheduler", "dispatch_operations"),
    ("Logistics Coordinator", "dispatch_operations"),
    ("Fleet Dispatcher", "dispatch_operations"),
    ("Load Planner", "dispatch_operations"),
    ("Truck Dispatcher", "dispatch_operations"),
    ("Revised production schedules after material shortages", "dispatch_operations"),
    ("Paralegal", "legal_compliance"),
    ("Legal Assistant", "legal_compliance"),
    ("AML Analyst", "legal_compliance"),
    ("KYC Analyst", "legal_compliance"),
    ("Compliance Analyst", "legal_compliance"),
    ("Investigated transaction monitoring alerts and filed SARs", "legal_compliance"),
    ("Reviewed vendor contracts and proposed redlines", "legal_compliance"),
    ("Payroll Auditor", "tax_financial"),
    ("Payroll Specialist", "tax_financial"),
    ("Tax Preparer", "tax_financial"),
    ("Tax Examiner", "tax_financial"),
    ("Accounts Payable Clerk", "tax_financial"),
    ("Loan Underwriter", "tax_financial"),
    ("Claims Adjuster", "legal_compliance"),
    ("Reconciled bank statements during month-end close", "tax_financial"),
    ("Recruiter", "hr_recruiting"),
    ("Talent Acquisition Specialist", "hr_recruiting"),
    ("HR Generalist", "hr_recruiting"),
    ("Benefits Administrator", "hr_recruiting"),
    ("Personnel Analyst", "hr_recruiting"),
    ("Screened resumes for open requisitions", "hr_recruiting"),
    ("Content Moderator", "trust_safety"),
    ("Trust and Safety Analyst", "trust_safety"),
    ("Data Annotator", "trust_safety"),
    ("Search Quality Rater", "trust_safety"),
    ("Reviewed flagged posts against community guidelines", "trust_safety"),
    ("Customer Service Representative", "customer_service"),
    ("Call Center Agent", "customer_service"),
    ("Help Desk", "customer_service"),
    ("Customer Success Manager", "customer_service"),
    ("Resolved escalated customer complaints", "customer_service"),
]


@pytest.mark.parametrize(("text", "role"), COVERAGE)
def test_when_text_names_a_family_then_a_role_term_of_that_role_hits(
    lexicon: Lexicon, text: str, role: str
) -> None:
    """Every job family from the annotation rubric must be recognised."""
    assert role in _roles_hit(lexicon, text)


def test_when_reading_readme_then_every_role_id_is_documented(lexicon: Lexicon) -> None:
    """The lexicon README is the reference for role ids and labels."""
    readme = (REPO / "lexicon" / "README.md").read_text(encoding="utf-8")
    for role in lexicon.roles:
        assert role.id in readme
        assert role.label in readme


def test_when_reading_notice_then_onet_attribution_is_present() -> None:
    """CC BY 4.0 requires the attribution to ship with the data."""
    notice = (REPO / "lexicon" / "NOTICE").read_text(encoding="utf-8")
    assert "O*NET 29.3 Database" in notice
    assert "CC BY 4.0" in notice


# ---- bad lexicons -----------------------------------------------------------------------


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "lex"
    target.mkdir()
    for name in LEXICON_FILES:
        shutil.copy(bundled_lexicon_dir() / name, target / name)
    return target


def _append(directory: Path, name: str, line: str) -> int:
    path = directory / name
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    text += line + "\n"
    path.write_text(text, encoding="utf-8")
    return len(text.splitlines())


def _term(**changes: object) -> str:
    data: dict[str, object] = {
        "id": "customer_service.test.extra",
        "role": "customer_service",
        "kind": "domain",
        "phrases": ["zz test phrase"],
        "weight": 1,
        "source": "team",
    }
    data.update(changes)
    return json.dumps(data)


BAD_LINES: list[tuple[str, str, str, str]] = [
    ("invalid_json", "role_terms.jsonl", '{"id": "x", ', "invalid JSON"),
    ("unknown_key", "role_terms.jsonl", _term(extra=1), "unknown key 'extra'"),
    ("duplicate_id", "role_terms.jsonl", _term(id="customer_service"), "duplicate id"),
    ("bad_role_ref", "role_terms.jsonl", _term(role="pirates"), "unknown role 'pirates'"),
    ("uppercase_phrase", "role_terms.jsonl", _term(phrases=["Medical Coder X"]), "lowercase"),
    ("wrong_type", "role_terms.jsonl", _term(weight="3"), "must be a number"),
    ("weight_range", "role_terms.jsonl", _term(weight=9), "between"),
    ("bad_kind", "role_terms.jsonl", _term(kind="hobby"), "must be one of"),
    ("bad_id", "role_terms.jsonl", _term(id="Bad-ID"), "must match"),
    ("double_space", "role_terms.jsonl", _term(phrases=["two  spaces"]), "single spaces"),
    ("too_long", "role_terms.jsonl", _term(phrases=["a b c d e f g"]), "tokens"),
    ("not_object", "cues.jsonl", "[1, 2]", "JSON object"),
    ("bad_signal", "signals.jsonl",
     '{"id": "signal.x", "signal": "dance", "pos": "verb", "phrases": ["zz"], "weight": 1}',
     "'signal' must be one of"),
    ("bad_pos", "signals.jsonl",
     '{"id": "signal.x", "signal": "review", "pos": "adverb", "phrases": ["zz"], "weight": 1}',
     "'pos' must be one of"),
    ("zero_weight", "signals.jsonl",
     '{"id": "signal.x", "signal": "review", "pos": "verb", "phrases": ["zz"], "weight": 0}',
     "positive"),
    ("ai_kind", "ai_terms.jsonl", '{"id": "ai.x", "kind": "magic", "phrases": ["zz"]}',
     "must be one of"),
    ("empty_phrases", "keywords.jsonl", '{"id": "kw.x", "kind": "tool", "phrases": []}',
     "non-empty list"),
    ("heading_unknown_key", "headings.jsonl",
     '{"id": "heading.x", "kind": "x", "phrases": ["zz"], "extra": true}', "unknown key"),
    ("title_words_missing", "title_words.jsonl", '{"id": "title_words.x"}',
     "missing key 'words'"),
    ("title_words_upper", "title_words.jsonl", '{"id": "title_words.x", "words": ["Chief"]}',
     "lowercase"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [case[1:] for case in BAD_LINES],
    ids=[case[0] for case in BAD_LINES],
)
def test_when_a_line_is_bad_then_errors_name_file_and_line(
    tmp_path: Path, name: str, line: str, expected: str
) -> None:
    """Users editing their own lexicon need to know exactly where the problem is."""
    directory = _copy(tmp_path)
    number = _append(directory, name, line)
    with pytest.raises(LexiconError) as caught:
        load_lexicon(directory)
    assert caught.value.line == number
    assert name in str(caught.value)
    assert f":{number}:" in str(caught.value)
    assert expected in caught.value.problem
    problems = check_lexicon(directory)
    assert any(p.startswith(f"{name}:{number}: ") and expected in p for p in problems)


def test_when_phrase_repeats_within_a_kind_then_both_lines_are_reported(tmp_path: Path) -> None:
    """A repeated phrase double-counts evidence; the report names both lines."""
    directory = _copy(tmp_path)
    first = _append(
        directory, "keywords.jsonl", '{"id": "kw.zz1", "kind": "tool", "phrases": ["zz"]}'
    )
    second = _append(
        directory, "keywords.jsonl", '{"id": "kw.zz2", "kind": "tool", "phrases": ["zz"]}'
    )
    problems = check_lexicon(directory)
    assert problems == [
        f"keywords.jsonl:{second}: duplicate phrase 'zz' (also on line {first}, same kind)"
    ]


def test_when_phrase_repeats_in_another_kind_then_it_is_allowed(tmp_path: Path) -> None:
    """The same words may be a tool in one entry and a skill in another."""
    directory = _copy(tmp_path)
    _append(directory, "keywords.jsonl", '{"id": "kw.zz1", "kind": "tool", "phrases": ["zz"]}')
    _append(directory, "keywords.jsonl", '{"id": "kw.zz2", "kind": "skill", "phrases": ["zz"]}')
    assert check_lexicon(directory) == []


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_when_a_file_is_missing_then_the_error_names_it(tmp_path: Path, name: str) -> None:
    """A lexicon directory without a required file must not load half-empty."""
    directory = _copy(tmp_path)
    (directory / name).unlink()
    with pytest.raises(LexiconError) as caught:
        load_lexicon(directory)
    assert name in str(caught.value)
    assert any(p.startswith(f"{name}:0: ") for p in check_lexicon(directory))


def test_when_several_files_are_bad_then_check_reports_every_problem(tmp_path: Path) -> None:
    """The CLI check lists all problems at once, not only the first."""
    directory = _copy(tmp_path)
    a = _append(directory, "role_terms.jsonl", "{broken")
    b = _append(directory, "role_terms.jsonl", _term(role="pirates"))
    c = _append(directory, "cues.jsonl", '{"id": "cue.x", "kind": "shout", "phrases": ["zz"]}')
    problems = check_lexicon(directory)
    assert [p.split(": ")[0] for p in problems] == [
        f"role_terms.jsonl:{a}",
        f"role_terms.jsonl:{b}",
        f"cues.jsonl:{c}",
    ]


def test_when_a_role_is_missing_then_roles_file_is_reported(tmp_path: Path) -> None:
    """All seven role ids are a public contract."""
    directory = _copy(tmp_path)
    path = directory / "roles.jsonl"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if "trust_safety" not in ln]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_lexicon(directory)
    assert any(p.startswith("roles.jsonl:0: missing role(s): trust_safety") for p in problems)


def test_when_comments_and_blank_lines_are_present_then_they_are_ignored(tmp_path: Path) -> None:
    """Lexicon authors annotate data with // comments."""
    directory = _copy(tmp_path)
    _append(directory, "cues.jsonl", "")
    _append(directory, "cues.jsonl", "// a note for editors")
    assert check_lexicon(directory) == []
    assert load_lexicon(directory).source_dir == str(directory)
