"""Give a bare singular noun phrase its article: "reconciling general ledger" -> "the general
ledger".

Bullets drop articles by habit; a rewrite is a full sentence, and a coach reads the missing
"the" as an error kept from the original. Only phrases whose last word is an always-countable
singular noun of the coaching data get one, and only right after the clause's verbs or a
preposition, never after a determiner, number or possessive.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from hitl_resume.coaching.segments import DETERMINERS, LIST_JOINERS
from hitl_resume.language.inflect import known_verb, verb_tags

#: Words after which a bare noun phrase begins.
PREPOSITIONS = frozenset(
    "in for from with against into by within across through of on at per via".split()  # noqa: SIM905
)
#: Words that end a noun phrase (or show it already has a determiner).
_STOPS = (
    frozenset(
        """the a an this that these those its their his her our my your all any each every no
    some such both either neither another other one and or to as than which who whom whose
    while when where so but""".split()  # noqa: SIM905
    )
    | PREPOSITIONS
)
MAX_PHRASE_WORDS = 5
_TOKEN = re.compile(r"\S+")
_PAST = frozenset({"VBD", "VBN"})


def _word(token: str) -> str:
    return re.sub(r"^\W+|\W+$", "", token)


def _phrase_end(words: list[str], start: int) -> int | None:
    """Index after the noun phrase that starts at ``start`` (None: no bare phrase there)."""
    first = _word(words[start]).lower()
    if first.endswith(("ing", "ed", "ly")) and (known_verb(first) or first.endswith("ly")):
        return None  # "for maintaining general ledger", "Thoroughly reviewed": no noun phrase
    end = start
    while end < len(words) and end - start < MAX_PHRASE_WORDS:
        word = _word(words[end])
        if not word or word.lower() in _STOPS or not word.replace("-", "").isalpha():
            break
        if word.lower().endswith("'s") or "'" in word:
            return None  # "customer's bank accounts": a possessive is the determiner
        if end > start and _participle(word.lower()):
            break  # "amount owed to ...": a participle after the noun closes the phrase
        end += 1
        if words[end - 1][-1:] in {",", ";", ":", ")"}:
            break  # punctuation closes the phrase with this word
    if end - start > 1 and _word(words[end - 1]).lower().endswith("ly"):
        end -= 1  # "reconciled bank account monthly": a closing adverb is no part of the phrase
    return end if end > start else None


def _participle(word: str) -> bool:
    """A past form only ("owed"), not a base form that ends like one ("bank feed rules")."""
    tags = verb_tags(word) if word.endswith("ed") else frozenset()
    return bool(tags & _PAST) and "VB" not in tags


def _later_verb(word: str, head: str) -> bool:
    """A verb in the head's own form after a joiner ("Audited X, and reconciled Y")."""
    lower, first = _word(word).lower(), _word(head).lower()
    return known_verb(lower) and lower.endswith("ed") == first.endswith("ed") and lower.isalpha()


def _ends_in_person(words: list[str], start: int, people: Collection[str]) -> bool:
    end = _phrase_end(words, start)
    return end is not None and _word(words[end - 1]).lower() in people


def _shared_head(words: list[str], end: int, countable: Collection[str]) -> bool:
    """The phrase stops at "and"/"or" before a phrase that ends in a plural noun: both name
    kinds of that plural ("bank and credit card accounts"), so neither takes "the"."""
    if end + 1 >= len(words) or words[end].lower() not in {"and", "or"}:
        return False
    after = _phrase_end(words, end + 1)
    last = _word(words[after - 1]).lower() if after is not None else ""
    return last.endswith("s") and last not in countable and last[:-1] in countable


def add_articles(
    text: str, countable: Collection[str], people: Collection[str] = frozenset()
) -> str:
    """The clause with "the" before each bare phrase that ends in a countable singular noun."""
    words = _TOKEN.findall(text)
    if not words:
        return text
    index = 2 if len(words) > 1 and _word(words[0]).lower().endswith("ly") else 1
    while index + 1 < len(words) and words[index].lower().strip(",") in LIST_JOINERS:
        index += 2 if known_verb(_word(words[index + 1]).lower()) else 1  # "Review and approve"
    # "The exception report flags ...": a line that opens with its own determiner has no
    # object after a first verb to give "the"
    opening = [] if _word(words[0]).lower() in DETERMINERS else [index]
    starts = opening + [i + 1 for i, w in enumerate(words) if w.lower() in PREPOSITIONS]
    # "posted to bank": "to" before a clause's last word is a preposition ("to bank deposits"
    # would be a verb with its object, so only the last word counts)
    starts += [len(words) - 1] if len(words) > 2 and words[-2].lower() == "to" else []
    # "..., and reconciled amount of X": the object of a later verb of the clause
    starts += [
        i + 1
        for i in range(index, len(words) - 1)
        if words[i - 1].lower().strip(",") in LIST_JOINERS | {""}
        and _later_verb(words[i], words[0])
    ]
    # "escalated high-risk clients to EDD team", "flagged violations to Safety Manager": a
    # capitalised phrase after "to" is a noun phrase (an infinitive's verb is lowercase), and a
    # title-cased job or unit there ("Safety Manager") is still one countable thing
    named = {i + 1 for i, w in enumerate(words[:-1]) if w == "to" and words[i + 1][:1].isupper()}
    # "referred suspicious checks to branch manager": a phrase after "to" that ends in a person
    # ("manager", "supervisor") is a noun phrase, whatever its first word could be as a verb
    to_person = {
        i + 1
        for i, w in enumerate(words[:-1])
        if w == "to" and _ends_in_person(words, i + 1, people)
    }
    starts += sorted(named | to_person)
    inserted = set()
    for start in starts:
        if start >= len(words):
            continue
        end = _phrase_end(words, start)
        if end is None:
            continue
        last = _word(words[end - 1])
        if _shared_head(words, end, countable):
            continue  # "bank and credit card accounts": "bank" modifies the plural after it
        if last.lower() in countable and (last.islower() or (start in named and last.istitle())):
            inserted.add(start)
    if not inserted:
        return text
    return " ".join(f"the {w}" if i in inserted else w for i, w in enumerate(words))


def bare_possessive(text: str, countable: Collection[str]) -> str | None:
    """A countable noun's singular possessive with no determiner ("Audited customer's bank
    accounts"): most likely "customers'", a slip no rewrite may copy or guess at."""
    words = _TOKEN.findall(text)
    for index, token in enumerate(words):
        word = _word(token)
        if not word.lower().endswith("'s") or word[:-2].lower() not in countable:
            continue
        before = _word(words[index - 1]).lower() if index else ""
        if before not in _STOPS - PREPOSITIONS - {"and", "or", "to", "as", "than"}:
            return word
    return None


#: "Trained new tax preparer": one person named after a people verb with no article.
_BARE_PERSON = re.compile(
    r"^(?:trained|hired|supervised|mentored|coached|onboarded)\s+(?:new\s+|junior\s+)?"
    r"(?:[a-z]+\s+)?([a-z]+(?:er|or|ist))\b(?![\'’]|s\b)",
    re.IGNORECASE,
)


def bare_person(text: str) -> str | None:
    """A singular person after "Trained"/"Hired" with no article ("Trained new tax preparer"):
    most likely a plural that lost its "s", a slip no rewrite may copy or guess at."""
    match = _BARE_PERSON.match(text)
    return match.group(1) if match else None
