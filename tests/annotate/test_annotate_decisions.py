"""The decisions file: valid files load, every malformed one fails with a message to act on."""

from __future__ import annotations

import json

import pytest

from hitl_resume.annotate import Decision, DecisionsError, load_decisions


def test_when_valid_file_then_decisions_load_with_cleaned_edited_text() -> None:
    """All three verdicts load; edited text is reduced to one XML-safe line."""
    data = json.dumps(
        {
            "decisions": [
                {"rewrite_id": "rw-1", "decision": "accepted"},
                {"rewrite_id": "rw-2", "decision": "rejected", "text": "ignored"},
                {"rewrite_id": "rw-3", "decision": "edited", "text": " Mine\x07\n  too "},
            ]
        }
    )
    decisions = load_decisions(data.encode())
    assert decisions.items == (
        Decision("rw-1", "accepted"),
        Decision("rw-2", "rejected"),
        Decision("rw-3", "edited", "Mine too"),
    )
    assert decisions.get("rw-9") is None
    assert decisions.unknown_ids(["rw-1", "rw-2"]) == ["rw-3"]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", 'a "decisions" list'),
        ('{"decisions": {}}', 'a "decisions" list'),
        ('{"decisions": ["rw-1"]}', "Decision 1 must be an object"),
        ('{"decisions": [{"decision": "accepted"}]}', "Decision 1 needs a rewrite_id"),
        (
            '{"decisions": [{"rewrite_id": "rw-1", "decision": "maybe"}]}',
            'Decision 1 \\(rewrite "rw-1"\\): "maybe" is not a decision; use one of '
            "accepted, rejected, edited",
        ),
        ('{"decisions": [{"rewrite_id": "rw-1", "decision": null}]}', '"null" is not a'),
        ('{"decisions": [{"rewrite_id": "rw-1", "decision": "edited"}]}', 'has no "text"'),
        (
            '{"decisions": [{"rewrite_id": "r", "decision": "edited", "text": " \\u0007 "}]}',
            'has no "text"',
        ),
        (
            '{"decisions": [{"rewrite_id": "r", "decision": "accepted"},'
            ' {"rewrite_id": "r", "decision": "rejected"}]}',
            'Decision 2: rewrite "r" already has a decision',
        ),
    ],
)
def test_when_file_is_malformed_then_error_says_what_to_fix(document: str, message: str) -> None:
    """Each kind of mistake gets its own message, numbered by entry."""
    with pytest.raises(DecisionsError, match=message):
        load_decisions(document)


def test_when_edited_text_is_too_long_or_file_too_big_then_refused() -> None:
    """Size caps protect the document (one bullet) and the process (the file)."""
    long = json.dumps(
        {"decisions": [{"rewrite_id": "r", "decision": "edited", "text": "word " * 1000}]}
    )
    with pytest.raises(DecisionsError, match="over 2,000 characters"):
        load_decisions(long)
    with pytest.raises(DecisionsError, match="too large"):
        load_decisions(b" " * 1_000_001)


def test_when_ids_are_unknown_then_check_known_names_them() -> None:
    """Unknown ids are listed (at most five, then a count) with advice."""
    decisions = load_decisions(
        json.dumps(
            {"decisions": [{"rewrite_id": f"x{n}", "decision": "accepted"} for n in range(7)]}
        )
    )
    with pytest.raises(DecisionsError, match=r'"x0", "x1", "x2", "x3", "x4" and 2 more'):
        decisions.check_known(["rw-1"])
    decisions.check_known([f"x{n}" for n in range(7)])
