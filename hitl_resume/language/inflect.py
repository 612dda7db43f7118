"""One place for English inflection, backed by lemminflect (no hand-written irregular tables).

Detection inflects lexicon phrases so base forms in data match the tenses and plurals of real
text (``variants``); coaching re-tenses a bullet's verbs (``past``, ``gerund``, ``finite``) and
reads a verb's base form back (``verb_lemmas``).
"""

from __future__ import annotations

import functools
import re
from typing import Literal

from lemminflect import (
    getAllInflections,
    getAllInflectionsOOV,
    getAllLemmas,
    getAllLemmasOOV,
    getInflection,
)

Pos = Literal["verb", "noun", "phrase"]
Tense = Literal["past", "present"]

_VERB_TAGS = ("VBZ", "VBD", "VBN", "VBG")


@functools.lru_cache(maxsize=4096)
def _verb_table(lemma: str) -> dict[str, tuple[str, ...]]:
    """Every inflection of a verb; a hyphenated verb inflects its last part ("co-lead"). A word
    with no letters has none (the library's guesser fails on an empty one)."""
    if not any(ch.isalpha() for ch in lemma):
        return {}
    table = dict(getAllInflections(lemma, upos="VERB"))
    if table:
        return table
    head, dash, tail = lemma.rpartition("-")
    if dash and head and tail:
        inner = getAllInflections(tail, upos="VERB")
        if inner:
            return {tag: tuple(f"{head}-{form}" for form in forms) for tag, forms in inner.items()}
    return dict(getAllInflectionsOOV(lemma, upos="VERB"))


def _verb_form(lemma: str, tag: str) -> str:
    forms = _verb_table(lemma).get(tag)
    return forms[0] if forms else lemma


def past(lemma: str) -> str:
    """The simple past of a verb given its base form ("oversee" -> "oversaw")."""
    return _verb_form(lemma, "VBD")


def third_person(lemma: str) -> str:
    """The third person singular present ("approve" -> "approves", "deny" -> "denies")."""
    return _verb_form(lemma, "VBZ")


def gerund(lemma: str) -> str:
    """The -ing form of a verb given its base form ("submit" -> "submitting")."""
    return _verb_form(lemma, "VBG")


def finite(lemma: str, tense: Tense) -> str:
    """The form a resume bullet uses: past for past jobs, the base form for the current one."""
    return past(lemma) if tense == "past" else lemma


def verb_forms(word: str) -> tuple[str, ...]:
    """A verb and its inflected forms (third person, past, participle, gerund), base first."""
    table = _verb_table(word)
    forms = [word]
    for tag in _VERB_TAGS:
        forms.extend(f for f in table.get(tag, ()) if " " not in f)
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=8192)
def verb_lemmas(word: str) -> tuple[str, ...]:
    """The base forms a (lowercase) word can be an inflection of, as a verb ("led" -> lead)."""
    if not any(ch.isalpha() for ch in word):
        return ()  # "", "(", "1099": the library's guesser would echo them back as verbs
    found = getAllLemmas(word, upos="VERB").get("VERB", ())
    if not found:
        found = getAllLemmasOOV(word, upos="VERB").get("VERB", ())
    return tuple(found)


def same_verb(a: str, b: str) -> bool:
    """Whether two words are forms of one verb ("approved", "approving")."""
    left = {a.lower(), *verb_lemmas(a.lower())}
    right = {b.lower(), *verb_lemmas(b.lower())}
    return bool(left & right)


def noun_forms(word: str) -> tuple[str, ...]:
    """A noun with its plural (and its singular, when the lexicon gives a plural)."""
    forms = [word]
    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN", ())
    for lemma in (word, *lemmas):
        table = getAllInflections(lemma, upos="NOUN")
        if not table and lemma == word and not lemmas:
            table = getAllInflectionsOOV(word, upos="NOUN")
        for tag in ("NN", "NNS"):
            forms.extend(table.get(tag, ()))
    return tuple(dict.fromkeys(f for f in forms if " " not in f))


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
        forms = [b for form in verb_forms(tokens[0]) for b in spellings(form)]
        return tuple(dict.fromkeys(" ".join([form, *rest]) for form in forms))
    head = tokens[:-1]
    forms = [b for form in noun_forms(tokens[-1]) for b in spellings(form)]
    return tuple(dict.fromkeys(" ".join([*head, form]) for form in forms))


_BRITISH = re.compile(r"(?<=[a-z]{2})([iy])z(e|es|ed|ing|ation|ations|er|ers)$")


def spellings(word: str) -> tuple[str, ...]:
    """The word and its British spelling, if it has one ("authorized" -> "authorised",
    "analyze" -> "analyse"): CVs from the UK, India and elsewhere write them so."""
    british = _BRITISH.sub(r"\1s\2", word)
    return (word, british) if british != word else (word,)


def verb_tags(word: str) -> frozenset[str]:
    """The verb forms a lowercase word is (VB, VBD, VBG, ...; empty when it is no verb)."""
    found: set[str] = set()
    for lemma in verb_lemmas(word):
        for tag, forms in _verb_table(lemma).items():
            if word in forms:
                found.add(tag)
    return frozenset(found)


def noun_lemma(word: str) -> str:
    """A noun's singular ("audits" -> "audit"); the word itself when it is no known noun."""
    lemmas = getAllLemmas(word.lower(), upos="NOUN").get("NOUN", ())
    return str(lemmas[0]) if lemmas else word.lower()


def plural_noun(word: str) -> str:
    """A noun's plural ("case" -> "cases"); a plural or unknown word comes back unchanged."""
    lower = word.lower()
    lemmas = getAllLemmas(lower, upos="NOUN").get("NOUN", ())
    if lemmas and lower not in lemmas:
        return word  # already plural ("entries", "data")
    forms = getInflection(lower, tag="NNS")
    return str(forms[0]) if forms else word


def is_adverb(word: str) -> bool:
    """Whether the dictionary knows the word as an adverb ("thoroughly")."""
    return bool(getAllLemmas(word.lower(), upos="ADV"))


_PERIOD_MODIFIERS = frozenset(
    ["hourly", "daily", "nightly", "weekly", "monthly", "quarterly", "yearly"]
)


def is_adjective(word: str) -> bool:
    """Whether the word modifies a noun and is no verb: an adjective ("late"; not "damaged",
    which is a verb form too) or a period word ("hourly", an adverb to the dictionary)."""
    lemmas = getAllLemmas(word.lower())
    return word.lower() in _PERIOD_MODIFIERS or ("ADJ" in lemmas and "VERB" not in lemmas)


@functools.lru_cache(maxsize=8192)
def stems(word: str) -> frozenset[str]:
    """The word and every base form it may be an inflection of, in any part of speech; a
    hyphenated word's parts too ("double-checking" says "check")."""
    lower = word.lower()
    found = {lower}
    for part in {lower, *lower.split("-")} if "-" in lower else {lower}:
        found.add(part)
        for forms in getAllLemmas(part).values():
            found.update(forms)
    return frozenset(found)


#: The shortest verb "re" may stand before ("recode"); shorter remainders are chance spellings.
_MIN_REDONE = 4


def known_verb(word: str) -> bool:
    """Whether the dictionary knows the word as a verb form (no guessing for unknown words).

    A verb the dictionary lacks that is "re" before one it knows is a verb too ("recategorize",
    "recoded", "reverified": done again); "re-" words it knows ("reason") are read as it says.
    """
    lower = word.lower()
    if getAllLemmas(lower, upos="VERB"):
        return True
    rest = lower[2:].removeprefix("-")
    return (
        lower.startswith("re")
        and len(rest) >= _MIN_REDONE
        and bool(getAllLemmas(rest, upos="VERB"))
    )


def only_verb(word: str) -> bool:
    """The dictionary knows the lowercase word as a verb and as nothing else ("approve", not
    "file" or "forward")."""
    return set(getAllLemmas(word.lower())) == {"VERB"}
