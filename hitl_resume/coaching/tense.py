"""Inflect the verbs of a rewrite: past for past jobs, present for the current one, -ing forms."""

from __future__ import annotations

import re

from hitl_resume.coaching.results import Tense

_IRREGULAR_PAST: dict[str, str] = {
    "be": "was",
    "become": "became",
    "begin": "began",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "catch": "caught",
    "choose": "chose",
    "deal": "dealt",
    "do": "did",
    "draw": "drew",
    "drive": "drove",
    "feed": "fed",
    "find": "found",
    "get": "got",
    "give": "gave",
    "go": "went",
    "have": "had",
    "hold": "held",
    "keep": "kept",
    "know": "knew",
    "lay": "laid",
    "lead": "led",
    "make": "made",
    "meet": "met",
    "oversee": "oversaw",
    "override": "overrode",
    "pay": "paid",
    "put": "put",
    "read": "read",
    "rebuild": "rebuilt",
    "redo": "redid",
    "rewrite": "rewrote",
    "run": "ran",
    "say": "said",
    "see": "saw",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "speak": "spoke",
    "spend": "spent",
    "stand": "stood",
    "take": "took",
    "teach": "taught",
    "tell": "told",
    "think": "thought",
    "undertake": "undertook",
    "uphold": "upheld",
    "win": "won",
    "write": "wrote",
    "withhold": "withheld",
    "proofread": "proofread",
    "reset": "reset",
    "forecast": "forecast",
    "upset": "upset",
    "cut": "cut",
    "shut": "shut",
    "hit": "hit",
    "let": "let",
    "quit": "quit",
    "split": "split",
    "spread": "spread",
    "broadcast": "broadcast",
    "mislead": "misled",
    "understand": "understood",
    "foresee": "foresaw",
    "sit": "sat",
}
#: Irregular past forms back to their base ("oversaw" -> "oversee").
IRREGULAR_BASE: dict[str, str] = {
    form: base for base, form in _IRREGULAR_PAST.items() if form not in {base, "read"}
}

# Final-stress verbs of two or more syllables that double their last consonant.
_DOUBLES = frozenset(
    {
        "submit",
        "refer",
        "transfer",
        "control",
        "admit",
        "commit",
        "permit",
        "omit",
        "equip",
        "prefer",
        "occur",
        "compel",
        "patrol",
        "propel",
        "confer",
        "defer",
        "deter",
        "incur",
        "recur",
        "excel",
        "expel",
        "regret",
        "format",
        "program",
        "acquit",
        "outfit",
        "enrol",
        "remit",
        "emit",
        "rebut",
        "kidnap",
        "handicap",
        "input",
        "output",
    }
)
_CVC = re.compile(r"(?:^|[^aeiou])[aeiou][bcdfgklmnprstvz]$")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def _doubles(lemma: str) -> bool:
    if lemma in _DOUBLES:
        return True
    return len(_VOWEL_GROUPS.findall(lemma)) == 1 and bool(_CVC.search(lemma))


def past(lemma: str) -> str:
    """The simple past of a verb given its base form."""
    if lemma in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    if lemma.endswith("c"):
        return lemma + "ked"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"


def gerund(lemma: str) -> str:
    """The -ing form of a verb given its base form."""
    if lemma == "be":
        return "being"
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith(("ee", "ye", "oe")):
        return lemma + "ing"
    if lemma.endswith("e") and len(lemma) > 2:
        return lemma[:-1] + "ing"
    if lemma.endswith("c"):
        return lemma + "king"
    if _doubles(lemma):
        return lemma + lemma[-1] + "ing"
    return lemma + "ing"


def finite(lemma: str, tense: Tense) -> str:
    """The form a resume bullet uses: past for past jobs, the base form for the current one."""
    return past(lemma) if tense == "past" else lemma


def match_case(word: str, like: str) -> str:
    """Copy the capitalisation of ``like`` (lower, Title or UPPER) onto ``word``."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
