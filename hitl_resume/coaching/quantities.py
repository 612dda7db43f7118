"""Numbers in a bullet, and which of them are quantities a person could cite as a result."""

from __future__ import annotations

import re

from lemminflect import getAllLemmas

FREQUENCY_RE = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|annually|yearly|nightly|hourly|"
    r"(?:per|a|an|each|every) (?:day|week|month|quarter|year|shift|hour))\b",
    re.IGNORECASE,
)
NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
    ]
)
_NUMBER_RE = re.compile(
    r"(?<![\w-])[$€£]?\d[\d,.]*(?:\s?(?:\+|%|k\b|m\b|million\b|billion\b))?|\b(?:"
    + "|".join(sorted(NUMBER_WORDS))
    + r")\b",
    re.IGNORECASE,
)


def find_numbers(text: str) -> tuple[str, ...]:
    """Every number in a text (digits with %, +, $ or a scale word, and number words)."""
    return tuple(dict.fromkeys(m.group(0).strip() for m in _NUMBER_RE.finditer(text)))


#: Words before a number that make it a label, not a quantity ("Form 1099", "Project 1").
_LABEL_BEFORE = frozenset(
    """form forms w section chapter title part level tier grade phase step room suite no
    number id code version project unit iso building floor route highway class series model
    schedule modifier box line rule article clause item type category option stage band page
    exhibit appendix figure table bay dock gate lane aisle ward bed""".split()  # noqa: SIM905
)
_PHONE_OR_DATE = re.compile(
    r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\b\d{1,2}[/-]\d{4}\b"
)
_QUANTITY = re.compile(
    r"(?P<money>[$€£]\s?\d[\d,.]*(?:\s?(?:k|m|million|billion|thousand)\b)?\+?)"
    r"|(?P<percent>\d[\d,.]*\s?(?:%|percent\b))"
    r"|(?P<count>\b\d[\d,]*(?:\.\d+)?\+?(?:\s?(?:to|-|–)\s?\d[\d,]*(?:\.\d+)?\+?)?)"
    r"(?=\s+(?P<unit>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2}))"
    r"|(?P<word>\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r")\b)(?=\s+[a-z])",
    re.IGNORECASE,
)
_YEARISH = re.compile(r"^(?:19|20)\d{2}$")
_RANGE = re.compile(r"\s?(?:to|-|–)\s?")
_ORDINAL = frozenset({"st", "nd", "rd", "th"})


def _unit(words: str) -> str:
    """What a count counts (known words lowercased): through its adjectives to the first noun
    ("99 different markets", "12 new hires", "20 million dollars"); nothing after a function
    word ("25 of")."""
    taken: list[str] = []
    written_words = words.split()
    for index, written in enumerate(written_words):
        word = written.lower()
        kinds = getAllLemmas(word)
        if word in _FUNCTION_WORDS:
            return " ".join(taken)  # a function word ends the count ("25 of 30", "800 to 1,000")
        if not kinds and word not in NUMBER_WORDS:
            return " ".join([*taken, written])  # an unknown word is its unit ("FTEs")
        taken.append(word)
        if word not in NUMBER_WORDS and "ADJ" not in kinds:
            following = written_words[index + 1 : index + 2]
            if following and _compound_head(word, following[0].lower()):
                taken.append(following[0].lower())  # "300+ vendor invoices", not "300+ vendor"
            return " ".join(taken)
    return taken[0] if taken else ""


def _compound_head(modifier: str, word: str) -> bool:
    """A singular noun followed by a plural one is a compound's modifier ("vendor invoices")."""
    plural = getAllLemmas(word, upos="NOUN").get("NOUN", ())
    return not modifier.endswith("s") and bool(plural) and word not in plural


_FUNCTION_WORDS = frozenset(
    "of to in on at by for from with and or per than as into over under within out".split()  # noqa: SIM905
)


def quantities(text: str) -> tuple[str, ...]:
    """Counts, money, percentages and durations a person could cite as a result.

    Never a year, a date, a phone number or a form or section number ("Form 1099", "2016").
    """
    masked = _PHONE_OR_DATE.sub(lambda m: " " * len(m.group(0)), text)
    found: list[str] = []
    consumed = 0
    for match in _QUANTITY.finditer(masked):
        if match.start() < consumed:
            continue  # a word of the last count's unit ("20 Million dollars")
        value = match.group(0).strip()
        before = masked[: match.start()].split()
        previous = before[-1].lower().strip("#.:(") if before else ""
        if previous in _LABEL_BEFORE or masked[match.start() - 1 : match.start()] in {"-", "#"}:
            continue
        if match.group("count"):
            # "800 to 1,000 items" is one count; "2016 - 2019 projects" is two years
            numbers = [n.rstrip("+").replace(",", "") for n in _RANGE.split(match.group("count"))]
            unit = _unit(match.group("unit") or "")
            if any(_YEARISH.match(n) or n.startswith("0") for n in numbers) or unit in _ORDINAL:
                continue
            value = f"{value} {unit}".strip()
            consumed = match.end() + 1 + len(unit)
        elif match.group("word") and value.lower() == "one":
            continue  # "one of the", "one-on-one": rarely a count worth quoting
        found.append(value)
    return tuple(dict.fromkeys(found))
