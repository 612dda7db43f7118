"""Spelling slips in a bullet ("recieved", "withdrawls", "refering"), which a rewrite fixes.

A rewrite keeps the person's words, so it would also keep their typos. lemminflect's dictionary
(nouns, verbs, adjectives, adverbs) decides what a word is; a word it does not know is a slip
only when swapping two neighbouring letters, or (in a word of 8+ letters) putting back one
left-out letter, gives exactly one word it knows, and no other ending of the same stem is known
("pended" beside "pending"; "payables" beside "payable"). A verb whose final consonant is left
single where the dictionary's preferred spelling doubles it ("refering", "occured") is a slip
too. Words of the project's lexicon and capitalised words after the first (names: "Lotus",
"Petrologs") are never checked. Other slips are left alone: a dictionary without word
frequencies flags too many real words ("holter", "unbilled") to judge them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from lemminflect import getAllLemmas, getInflection

MIN_LETTERS = 5
#: Longer runs of letters are no words (a pasted hash or glued text): never checked, so the
#: swap search stays linear in the text.
MAX_LETTERS = 30
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@dataclass(frozen=True, slots=True)
class Slip:
    """A misspelt word and its correction."""

    word: str
    fix: str


@functools.lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    """Whether the dictionary knows the lowercase word as any part of speech."""
    return bool(getAllLemmas(word))


_ENDINGS = ("ing", "ed", "es", "s", "er", "")
#: Words outside the dictionary's open classes (nouns, verbs, adjectives, adverbs).
_CLOSED_CLASS = frozenset(
    """during toward towards upon amongst whilst throughout whereas within without across
    against between beneath beyond despite except inside outside through underneath until
    unless whether whichever whoever whatever""".split()  # noqa: SIM905
)


def _sibling_known(word: str) -> bool:
    """Another ending on the same stem is a known word ("pended" beside "pending")."""
    for ending in _ENDINGS[:-1]:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_LETTERS - 2:
            stem = word[: len(word) - len(ending)]
            if any(known_word(stem + other) for other in _ENDINGS if other != ending):
                return True
    return False


#: Contractions written without their apostrophe ("didnt support it").
_CONTRACTIONS = {
    w.replace("'", ""): w
    for w in ("didn't", "doesn't", "don't", "wasn't", "weren't", "isn't", "aren't", "hasn't")
}


def _insertions(word: str) -> list[str]:
    """One letter left out ("withdrawls", "refering")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in letters]


def _swaps(word: str) -> list[str]:
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


def _undoubled(lower: str) -> str | None:
    """A verb ending with its final consonant left single where the dictionary's preferred
    spelling doubles it ("refering", "occured"); lemminflect lists such slips as second
    spellings. The other way ("travelled", "cancelled") is a British spelling, never a slip."""
    for tag, suffix in (("VBG", "ing"), ("VBD", "ed")):
        stem = len(lower) - len(suffix)
        if not lower.endswith(suffix) or stem < 2:
            continue
        for lemma in getAllLemmas(lower).get("VERB", ()):
            preferred = getInflection(lemma, tag)
            doubled = lower[:stem] + lower[stem - 1] + lower[stem:]
            if preferred and preferred[0] == doubled:
                return doubled
    return None


@functools.lru_cache(maxsize=16384)
def _slip_of(word: str) -> Slip | None:
    lower = word.lower()
    if not MIN_LETTERS <= len(lower) <= MAX_LETTERS or lower in _CLOSED_CLASS:
        return None
    doubled = _undoubled(lower)
    if doubled is not None:
        return Slip(word, doubled.capitalize() if word[:1].isupper() else doubled)
    if known_word(lower):
        return None
    if lower in _CONTRACTIONS:
        return Slip(word, _CONTRACTIONS[lower])  # "didnt"
    # one left-out letter, in a long word only: "lumper" is a trade's word, not "lumpier"
    inserted = sorted({s for s in _insertions(lower) if known_word(s)}) if len(lower) >= 8 else []
    if len(inserted) == 1:
        return Slip(word, inserted[0].capitalize() if word[:1].isupper() else inserted[0])
    if any(known_word(lower[:-n]) for n in (1, 2) if len(lower) - n >= MIN_LETTERS - 1):
        return None  # "payables", "escalations": an ending the dictionary lacks, not a slip
    if _sibling_known(lower):
        return None  # "pended": the dictionary knows "pending", so the verb is real
    swaps = sorted({s for s in _swaps(lower) if s != lower and known_word(s)})
    if len(swaps) != 1:
        return None
    return Slip(word, swaps[0].capitalize() if word[:1].isupper() else swaps[0])


def slips(text: str, vocabulary: Collection[str] = frozenset()) -> list[Slip]:
    """The likely misspellings of a text, in order (words of ``vocabulary`` never count)."""
    found = []
    for index, word in enumerate(_WORD.findall(text)):
        if "'" in word or word.lower() in vocabulary:
            continue
        if index and not word.islower():
            continue  # "Lotus", "eRoom": names are not checked letter by letter
        slip = _slip_of(word)
        if slip is not None:
            found.append(slip)
    return found
