"""Keywords found by shape, not by vocabulary: years of experience, degrees, coordinated heads."""

from __future__ import annotations

from collections.abc import Sequence

from hitl_resume.keywords.index import KeywordIndex
from hitl_resume.keywords.phrases import PhraseSet
from hitl_resume.keywords.tokens import Token

NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"}
)
_JOINERS = frozenset({"and", "or", "&"})
_EXPERIENCE_GLUE = frozenset(
    {
        "of",
        "relevant",
        "professional",
        "full",
        "time",
        "paid",
        "progressive",
        "proven",
        "hands",
        "on",
        "related",
        "working",
        "industry",
        "practical",
        "direct",
        "'",
        "’",
    }
)
_OBJECT_LEADS = frozenset({"in", "with", "as", "using", "of", "on", "at", "doing", "building"})
_OBJECT_STOPS = frozenset(
    {
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        "and",
        "or",
        "/",
        "that",
        "which",
        "to",
        "is",
        "are",
        "including",
        "such",
        "preferably",
        "where",
        "who",
    }
)
OBJECT_MAX_TOKENS = 5
_DEGREE_TAILS = frozenset({"level", "educated", "qualified", "holder"})
FIELD_MAX_TOKENS = 4


def _is_number(token: Token) -> bool:
    text = token.key.rstrip("+")
    return text.isdigit() or text in NUMBER_WORDS


def years_of_experience(tokens: Sequence[Token], first: int, last: int) -> list[tuple[int, int]]:
    """ "3+ years of experience in Java", "five years' accounting experience" (token ranges)."""
    found = []
    i = first
    while i < last:
        if not _is_number(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < last and (tokens[j].key in {"+", "plus", "to", "-"} or _is_number(tokens[j])):
            j += 1
        if j >= last or tokens[j].key not in {"year", "yr"}:
            i += 1
            continue
        j += 1
        glue_start = j
        while j < last and tokens[j].key in _EXPERIENCE_GLUE:
            j += 1
        said = {t.key for t in tokens[glue_start : j + 1]}
        if not said & {"of", "experience", "'", "’"}:  # "four-year degree" is not experience
            i += 1
            continue
        end = j
        if j < last and tokens[j].key == "experience":
            end = j = j + 1
            if j < last and tokens[j].key in _OBJECT_LEADS:
                j += 1
        grab = j
        while (
            grab < last and grab - j < OBJECT_MAX_TOKENS and tokens[grab].key not in _OBJECT_STOPS
        ):
            grab += 1
        if grab > j:  # "3+ years of experience" alone names no skill
            found.append((i, grab))
        i = max(end, grab)
    return found


def degrees(
    keys: Sequence[str], degree_words: PhraseSet, first: int, last: int
) -> list[tuple[int, int]]:
    """A degree level with its field when given ("Bachelor's degree in Accounting")."""
    found = []
    for start, end in degree_words.find(keys, first, last):
        j = end
        if j < last and keys[j] in {"degree", "'s", "s"}:
            j += 1
        if j + 1 < last and keys[j] == "level" and keys[j + 1][:1].isdigit():
            j += 2  # "NVQ Level 3"
        if j < last and keys[j] in {"in", "of"}:
            k = j + 1
            while k < last and k - j <= FIELD_MAX_TOKENS and keys[k] not in _OBJECT_STOPS:
                k += 1
            if k > j + 1:
                j = k
        bare = keys[start] == "degree"
        if bare and j == end and j < last and keys[j] in _DEGREE_TAILS:
            j += 1  # "degree level", "degree educated"
        if bare and (j == end or keys[end] == "of"):  # "a high degree of autonomy"
            continue
        found.append((start, j))
    return found


def coordinated(
    tokens: Sequence[Token], index: KeywordIndex, first: int, last: int
) -> list[tuple[list[int], int, int, int]]:
    """ "cost, tax and governmental accounting" → modifiers [cost, tax, governmental] + head.

    Returns (modifier token indices, head index, span start, span end). A split is kept when
    the head is a known concept and a modifier is a word, not a product of its own.
    """
    out = []
    i = first
    while i < last:
        mods = [i]
        j = i + 1
        saw_joiner = False
        while j + 1 < last and tokens[j].key in {",", *_JOINERS}:
            saw_joiner = saw_joiner or tokens[j].key in _JOINERS
            if tokens[j].key == "," and tokens[j + 1].key in _JOINERS:
                j += 1
                saw_joiner = True
            mods.append(j + 1)
            j += 2
            if saw_joiner:
                break
        head = j
        if saw_joiner and len(mods) >= 2 and head < last and _splits(tokens, index, mods, head):
            out.append((mods, head, i, head + 1))
            i = head + 1
        else:
            i += 1
    return out


FUNCTION_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "to",
        "of",
        "in",
        "for",
        "with",
        "your",
        "our",
        "their",
        "all",
        "any",
        "other",
        "this",
        "that",
        "these",
        "those",
        "you",
        "we",
        "they",
        "it",
        "is",
        "are",
        "be",
        "more",
        "most",
        "new",
        "good",
        "strong",
        "excellent",
        "great",
        "both",
        "either",
        "and",
        "or",
        "using",
        "how",
        "such",
        "as",
        "including",
        "etc",
        "&",
        "on",
        "at",
        "by",
        "from",
        "via",
        "fast",
        "paced",
        "dynamic",
        "growing",
        "exciting",
        "leading",
        "innovative",
        "highly",
        "regulated",
        "challenging",
    }
)
_PRODUCT_KINDS = frozenset({"tool", "language"})


def _splits(tokens: Sequence[Token], index: KeywordIndex, mods: list[int], head: int) -> bool:
    """A coordinated head splits when it is a known concept and the modifiers are plain words."""
    head_key = tokens[head].key
    head_concept = index.lookup((head_key,))
    if not tokens[head].text.isalpha() or head_concept is None:
        return False
    if head_concept.kind in _PRODUCT_KINDS:  # "develop, test and maintain Java" is not three skills
        return False
    for m in mods:
        word = tokens[m]
        if not word.text.isalpha() or word.key in FUNCTION_WORDS:
            return False
        known = index.lookup((word.key,))
        if known is not None and known.kind in _PRODUCT_KINDS:
            return False
    return True


def certifications(
    tokens: Sequence[Token],
    cues: PhraseSet,
    first: int,
    last: int,
    headings: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """ "AWS Certified Solutions Architect", "PMP certification", "CPA license" (token ranges).

    A certification cue joined to capitalised names on either side; the cue alone is not one,
    nor is a heading ("Minimum qualifications": ``headings`` holds such words).
    """
    keys = [t.key for t in tokens]
    found: list[tuple[int, int]] = []
    for start, end in cues.find(keys, first, last):
        left = start
        before = tokens[left - 1].text if left - 1 > first else ""
        if before.isalpha() and before.islower() and before.endswith("ing"):
            left -= 1  # "driving licence", "nursing licence"
        while left - 1 >= first and _is_name(tokens[left - 1]):
            left -= 1
        right = end
        if tokens[start].text[:1].isupper():
            while right < last and _is_name(tokens[right]):
                right += 1
        names = {t.key for t in tokens[left:start]} | {t.key for t in tokens[end:right]}
        if names and names <= headings:
            continue
        if left < start or right > end:
            if found and left <= found[-1][1]:  # "Certified … Architect certification"
                left = found.pop()[0]
            found.append((left, right))
    return found


def _is_name(token: Token) -> bool:
    """A capitalised or all-caps word that is not a function word ("AWS", "Solutions")."""
    text = token.text
    return (
        text[:1].isupper() and text.replace("-", "").isalnum() and token.key not in FUNCTION_WORDS
    )


DOMAIN_MAX_WORDS = 3


def domains(
    tokens: Sequence[Token], cues: PhraseSet, first: int, last: int
) -> list[tuple[int, int]]:
    """ "the healthcare industry", "financial services sector": the words before a domain cue."""
    keys = [t.key for t in tokens[:last]]
    found = []
    for start, end in cues.find(keys, first, last):
        if not tokens[start].text.islower():  # "Industry:" is a form field, not a phrase
            continue
        left = start
        while (
            left - 1 >= first
            and start - left < DOMAIN_MAX_WORDS
            and tokens[left - 1].text.replace("-", "").isalpha()
            and tokens[left - 1].key not in FUNCTION_WORDS
        ):
            left -= 1
        if left < start and left > first and tokens[left - 1].key in _DOMAIN_OPENERS:
            found.append((left, end))
    return found


#: "in the healthcare industry": a domain phrase opens after one of these.
_DOMAIN_OPENERS = frozenset(
    {"the", "in", "within", "across", "our", "of", "a", "an", "and", "or", ","}
)
