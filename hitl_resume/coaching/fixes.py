"""The only word changes a rewrite may make besides its verbs' forms: obvious typos and a
missing article.

A typo from the lexicon's list ("insure accuracy"), two swapped letters ("recieved"), the stray
comma of a two-verb pair ("Audited files, and reconciled ...") and "the" before a bare countable
noun ("reconciled general ledger") are fixed in the clause a rewrite frames; the bullet itself is
never changed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from hitl_resume.coaching.articles import add_articles
from hitl_resume.language.lexicon_loader import Lexicon
from hitl_resume.language.spelling import known_word, slips


def fix_typos(text: str, typos: Sequence[tuple[str, str]]) -> str:
    """The text with the lexicon's obvious typos fixed (a capital first letter kept)."""
    for wrong, right in typos:

        def fixed(match: re.Match[str], right: str = right) -> str:
            return right[:1].upper() + right[1:] if match.group(0)[:1].isupper() else right

        text = re.sub(rf"\b{re.escape(wrong)}\b", fixed, text, flags=re.IGNORECASE)
    return text


#: Words past which a clause is not spell-checked: a framed clause has at most 30 and a kept
#: first clause at most 14.
MAX_CHECKED_WORDS = 60
#: "cases of fraud including: noncompliance, ...": a colon between "including" and its list.
_LIST_COLON = re.compile(r"\b(including|such as):\s+(?=[a-z])", re.IGNORECASE)
#: "Audit coders work": a plural of people before what they made, right after the clause's verb,
#: is a possessive that lost its apostrophe ("coders' work").
_BARE_PLURAL_POSSESSIVE = re.compile(
    r"^(\w+ (?:other )?)(\w+(?:ers|ors|ists))( (?:work|output|decisions|calls|cases|charts|claims"
    r"|files|labels|queues|tickets)\b)"
)
#: "Audited the files, and reconciled the amount": one comma, before the "and" of two verbs.
_PAIR_COMMA = re.compile(r"^([^,]+), (and \w+ed\b[^,]*)$")


def _capital_pair(words: list[str], index: int) -> bool:
    """ "for Warehouse and Driver roles": two capitalised words joined by "and"/"or" are names
    the writer chose (roles, departments); lowering one would leave the pair uneven."""
    joined = {"and", "or", "&", "/"}
    before = index >= 2 and words[index - 1] in joined and words[index - 2].istitle()
    after = index + 2 < len(words) and words[index + 1] in joined and words[index + 2].istitle()
    return before or after


def fix_capitals(text: str, names: Collection[str]) -> str:
    """ "Review Amortization entries": one capitalised dictionary word between lowercase words
    mid-sentence is a capitalisation slip. A run of capitals ("American Express accounts") and
    a word the lexicon knows as a system's name ("Epic charts") stay as written."""
    words = text.split(" ")
    for index in range(1, len(words) - 1):
        word, before, after = words[index], words[index - 1].rstrip(","), words[index + 1]
        if (
            word.istitle()
            and word.isalpha()
            and len(word) > 3
            and before.isalpha()
            and (before.islower() or index == 1)  # after the clause's own verb
            and after.isalpha()
            and after.islower()
            and word.lower() not in names
            and known_word(word.lower())
            and known_word(after)
            and not _capital_pair(words, index)
        ):
            words[index] = word.lower()
    return " ".join(words)


def fix_clause(
    text: str,
    prefix: str,
    vocabulary: Collection[str],
    countable: Collection[str],
    names: Collection[str] = frozenset(),
    people: Collection[str] = frozenset(),
) -> tuple[str, str]:
    """A clause and the first clause kept before it, with swapped letters fixed, the stray
    comma of a two-verb pair dropped, a plural possessive's apostrophe put back ("coders'
    work"), a stray capital lowered and bare countable nouns given
    "the" (``vocabulary``: words never taken for typos; ``names``: words of system names;
    ``people``: nouns of a person's job, which make a phrase after "to" a noun phrase)."""
    text = fix_capitals(text, names)
    checked = f"{prefix} {text}"
    # A clause this long is never framed; letter-by-letter checks of its words would only cost
    # time (docs/security.md T-07: a bullet of thousands of long unknown words).
    found = slips(checked, vocabulary) if len(checked.split()) <= MAX_CHECKED_WORDS else []
    for slip in found:
        text = re.sub(rf"\b{re.escape(slip.word)}\b", slip.fix, text)
        prefix = re.sub(rf"\b{re.escape(slip.word)}\b", slip.fix, prefix)
    text = _BARE_PLURAL_POSSESSIVE.sub(r"\1\2'\3", text)
    words = text.split()
    if words and words[0].lower().endswith("ed"):
        text = _PAIR_COMMA.sub(r"\1 \2", text)
    fixed = add_articles(text, countable, people)
    return fixed, add_articles(prefix, countable, people) if prefix else prefix


def drop_list_colon(text: str) -> str:
    """ "cases of fraud including: noncompliance, ...": the colon goes. Dropped from the parsed
    clause's rendering only: the parser reads the list better with it."""
    return _LIST_COLON.sub(r"\1 ", text)


@functools.lru_cache(maxsize=8)
def name_words(lexicon: Lexicon) -> frozenset[str]:
    """Words of the lexicon's system and AI names ("Epic", "Oracle"): never lowered."""
    phrases = [p for term in (*lexicon.systems, *lexicon.ai_terms) for p in term.phrases]
    return frozenset(w for phrase in phrases for w in re.findall(r"[a-z]+", phrase.lower()))


@functools.lru_cache(maxsize=8)
def lexicon_words(lexicon: Lexicon) -> frozenset[str]:
    """Every word of the lexicon's phrases: domain words that are never spelling slips."""
    phrases = [p for term in lexicon.role_terms for p in term.phrases]
    phrases += [p for signal in lexicon.signals for p in signal.phrases]
    phrases += [n for product in lexicon.coaching.products for n in product.nouns]
    return frozenset(w for phrase in phrases for w in re.findall(r"[a-z]+", phrase.lower()))
