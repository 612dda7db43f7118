"""Inflect lexicon phrases so base forms in data match the tenses and plurals used in real text."""

from __future__ import annotations

import re
from typing import Literal

Pos = Literal["verb", "noun", "phrase"]

# base -> (third person, past, past participle, gerund)
_IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "be": ("is", "was", "were", "been", "being", "are"),
    "become": ("becomes", "became", "becoming"),
    "begin": ("begins", "began", "begun", "beginning"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "bring": ("brings", "brought", "bringing"),
    "build": ("builds", "built", "building"),
    "buy": ("buys", "bought", "buying"),
    "catch": ("catches", "caught", "catching"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "deal": ("deals", "dealt", "dealing"),
    "do": ("does", "did", "done", "doing"),
    "draw": ("draws", "drew", "drawn", "drawing"),
    "drive": ("drives", "drove", "driven", "driving"),
    "feed": ("feeds", "fed", "feeding"),
    "find": ("finds", "found", "finding"),
    "foresee": ("foresees", "foresaw", "foreseen", "foreseeing"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "get": ("gets", "got", "gotten", "getting"),
    "give": ("gives", "gave", "given", "giving"),
    "go": ("goes", "went", "gone", "going"),
    "have": ("has", "had", "having"),
    "hold": ("holds", "held", "holding"),
    "keep": ("keeps", "kept", "keeping"),
    "know": ("knows", "knew", "known", "knowing"),
    "lay": ("lays", "laid", "laying"),
    "lead": ("leads", "led", "leading"),
    "make": ("makes", "made", "making"),
    "meet": ("meets", "met", "meeting"),
    "mislead": ("misleads", "misled", "misleading"),
    "oversee": ("oversees", "oversaw", "overseen", "overseeing"),
    "override": ("overrides", "overrode", "overridden", "overriding"),
    "overrun": ("overruns", "overran", "overrunning"),
    "pay": ("pays", "paid", "paying"),
    "proofread": ("proofreads", "proofread", "proofreading"),
    "put": ("puts", "put", "putting"),
    "read": ("reads", "read", "reading"),
    "rebuild": ("rebuilds", "rebuilt", "rebuilding"),
    "redo": ("redoes", "redid", "redone", "redoing"),
    "rerun": ("reruns", "reran", "rerunning"),
    "reset": ("resets", "reset", "resetting"),
    "rewrite": ("rewrites", "rewrote", "rewritten", "rewriting"),
    "run": ("runs", "ran", "running"),
    "say": ("says", "said", "saying"),
    "see": ("sees", "saw", "seen", "seeing"),
    "sell": ("sells", "sold", "selling"),
    "send": ("sends", "sent", "sending"),
    "set": ("sets", "set", "setting"),
    "show": ("shows", "showed", "shown", "showing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "spend": ("spends", "spent", "spending"),
    "stand": ("stands", "stood", "standing"),
    "take": ("takes", "took", "taken", "taking"),
    "teach": ("teaches", "taught", "teaching"),
    "tell": ("tells", "told", "telling"),
    "think": ("thinks", "thought", "thinking"),
    "undergo": ("undergoes", "underwent", "undergone", "undergoing"),
    "understand": ("understands", "understood", "understanding"),
    "undertake": ("undertakes", "undertook", "undertaken", "undertaking"),
    "uphold": ("upholds", "upheld", "upholding"),
    "win": ("wins", "won", "winning"),
    "withdraw": ("withdraws", "withdrew", "withdrawn", "withdrawing"),
    "withhold": ("withholds", "withheld", "withholding"),
    "write": ("writes", "wrote", "written", "writing"),
}

_IRREGULAR_NOUNS: dict[str, tuple[str, ...]] = {
    "person": ("people", "persons"),
    "child": ("children",),
    "criterion": ("criteria",),
    "datum": ("data",),
    "medium": ("media", "mediums"),
    "phenomenon": ("phenomena",),
    "appendix": ("appendices", "appendixes"),
    "index": ("indices", "indexes"),
    "matrix": ("matrices", "matrixes"),
    "staff": ("staff", "staffs"),
    "data": ("data",),
    "feedback": ("feedback",),
    "foot": ("feet",),
    "life": ("lives",),
    "half": ("halves",),
    "shelf": ("shelves",),
    "leaf": ("leaves",),
}

_VOWELS = "aeiou"
_SIBILANT = re.compile(r"(s|x|z|ch|sh)$")
# Doubling the final consonant ("flag" -> "flagged") applies to consonant-vowel-consonant
# endings; stress decides it in English, so both forms are produced (over-generation is safe).
_CVC = re.compile(r"[^aeiou][aeiou][bdfgklmnprstvz]$")


def _third_person(word: str) -> str:
    if _SIBILANT.search(word) or word.endswith("o"):
        return word + "es"
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past_and_gerund(word: str) -> list[str]:
    if word.endswith("ie"):
        return [word + "d", word[:-2] + "ying"]
    if word.endswith("ee") or word.endswith("ye") or word.endswith("oe"):
        return [word + "d", word + "ing"]
    if word.endswith("e"):
        return [word + "d", word[:-1] + "ing"]
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        return [word[:-1] + "ied", word + "ing"]
    forms = [word + "ed", word + "ing"]
    if word.endswith("c"):
        forms += [word + "ked", word + "king"]  # panic -> panicked
    if _CVC.search(word):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    return forms


def verb_forms(word: str) -> tuple[str, ...]:
    """Return a verb and its inflected forms (third person, past, participle, gerund)."""
    parts = word.rsplit("-", 1)
    if len(parts) == 2 and parts[1] in _IRREGULAR_VERBS:
        # "re-write", "co-lead": inflect the irregular verb after the hyphen.
        return (word, *(f"{parts[0]}-{form}" for form in _IRREGULAR_VERBS[parts[1]]))
    if word in _IRREGULAR_VERBS:
        return (word, *_IRREGULAR_VERBS[word])
    for prefix in ("re", "over", "under", "co", "pre", "mis", "out"):
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in _IRREGULAR_VERBS:
            return (word, *(prefix + form for form in _IRREGULAR_VERBS[rest]))
    return (word, _third_person(word), *_past_and_gerund(word))


def noun_forms(word: str) -> tuple[str, ...]:
    """Return a noun with its plural (and singular, when the lexicon gives a plural)."""
    if word in _IRREGULAR_NOUNS:
        return (word, *_IRREGULAR_NOUNS[word])
    forms = [word]
    if word.endswith("is") and len(word) > 3:
        forms.append(word[:-2] + "es")  # analysis -> analyses
    elif word.endswith(("ss", "us", "x", "z", "ch", "sh")):
        forms.append(word + "es")  # process -> processes
    elif len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        forms.append(word[:-1] + "ies")  # policy -> policies
    elif not word.endswith("s"):
        forms.append(word + "s")
    # The lexicon sometimes gives a plural ("candidate slates"): add the singular too.
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    elif word.endswith(("ches", "shes", "sses", "xes", "zes")):
        forms.append(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        forms.append(word[:-1])
    if word.endswith("man") and len(word) > 4:
        forms.append(word[:-3] + "men")  # chairman -> chairmen
    return tuple(dict.fromkeys(forms))


def variants(phrase: str, pos: Pos) -> tuple[str, ...]:
    """Return the phrase and its inflected forms; verbs inflect the first token, nouns the last.

    The base phrase always comes first; forms never repeat. Over-generation is deliberate:
    matching runs against real text, where a never-used form costs nothing.
    """
    tokens = phrase.split()
    if not tokens or pos == "phrase":
        return (phrase,)
    if pos == "verb":
        rest = tokens[1:]
        return tuple(dict.fromkeys(" ".join([form, *rest]) for form in verb_forms(tokens[0])))
    head = tokens[:-1]
    return tuple(dict.fromkeys(" ".join([*head, form]) for form in noun_forms(tokens[-1])))
