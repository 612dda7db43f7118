"""Which detection signals coaching may frame, and the one-word signal verbs of the lexicon.

Light signals ("resolve", "research", "monitor") help detection find a role, but a line they
alone carry is not oversight work to frame; coaching reads findings through ``framable``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from hitl_resume.detection.results import Contribution, Finding
from hitl_resume.language.inflect import noun_lemma, spellings, verb_lemmas
from hitl_resume.language.lexicon_loader import Lexicon

#: A check with a stated accuracy purpose ("for mathematical accuracy", "to detect errors",
#: "ensure the accuracy"): what is checked for it is a work product, and "check" is a check.
ACCURACY_PURPOSE = re.compile(
    r"\b(?:for|ensure|ensuring|verify|verifying|to (?:detect|find|catch|identify|confirm))\s+"
    r"(?:the\s+)?(?:[\w-]+,?\s+){0,3}?"
    r"(?:errors?|accuracy|correct|correctness|completeness|discrepanc(?:y|ies)|mistakes?)\b",
    re.IGNORECASE,
)

#: A check placed before the next step of the work ("before sending them to payroll", "prior to
#: payment", "before dispatch"): the check holds the work back, so "check" is a check.
GATE_STEP = re.compile(
    r"\b(?:before|prior to)\s+(?:(?:the|each|every|any)\s+)?"
    r"(?:[a-z]+ing\b|(?:payment|processing|release|submission|filing|dispatch|loading|billing"
    r"|posting|payroll|approval|sign-off|shipment|issue)s?\b)",
    re.IGNORECASE,
)


def framable(findings: Sequence[Finding], lexicon: Lexicon) -> list[Finding]:
    """The findings as coaching reads them: light signals ("resolve", "research", "monitor",
    weight under 1) help detection find a role, but a line carried by one alone is not
    oversight work to frame as such (a coach's "vague framing" reject). A light check verb
    ("check", from coaching_words) with a stated accuracy purpose, or placed before the next
    step of the work, is a check all the same."""
    light = {signal.id for signal in lexicon.signals if signal.weight < 1}
    light_verbs = {
        phrase
        for signal in lexicon.signals
        if signal.weight < 1 and signal.pos == "verb"
        for phrase in signal.phrases
        if " " not in phrase
    }

    def led_by_light_verb(text: str) -> bool:  # "Research and resolve X": led by "research"
        first = text.lower().split(maxsplit=1)[0] if text.split() else ""
        return first in light_verbs or bool(set(verb_lemmas(first)) & light_verbs)

    checks = lexicon.coaching.check_verbs

    def kept(c: Contribution, text: str) -> bool:
        if c.text.lower() in checks and (ACCURACY_PURPOSE.search(text) or GATE_STEP.search(text)):
            return True  # "Check figures ... for mathematical accuracy": a check, not a glance
        return c.entry_id not in light and not (
            c.kind.startswith("signal:") and led_by_light_verb(c.text)
        )

    return [
        dataclasses.replace(
            finding, contributions=tuple(c for c in finding.contributions if kept(c, finding.text))
        )
        for finding in findings
    ]


def verb_signals(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    """One-word signal verbs of the lexicon and the signals they carry ("verify" -> validate),
    and its verb-and-noun review phrases keyed "verb noun" ("score call" -> review): the verb
    carries the review when its object's head is that noun ("Listened to and scored 40+ recorded
    calls"). Other phrases stay with detection: "matched payments" is the person's own books."""
    found: dict[str, list[str]] = {}
    for signal in lexicon.signals:
        if signal.pos == "verb" and signal.weight >= 1:
            for phrase in signal.phrases:
                words = phrase.split()
                if len(words) == 2 and words[1].isalpha() and signal.signal == "review":
                    found.setdefault(f"{words[0]} {noun_lemma(words[1])}", []).append(signal.signal)
                if " " not in phrase:
                    for spelling in spellings(phrase):  # "authorise" as well as "authorize"
                        found.setdefault(spelling, []).append(signal.signal)
    return {verb: tuple(dict.fromkeys(kinds)) for verb, kinds in found.items()}
