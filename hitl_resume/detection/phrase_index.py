"""One spaCy PhraseMatcher over every lexicon phrase; every detector reads its hits.

The resume is tokenised once (``nlp.make_doc``) and matched on lowercase tokens. Inflected
variants of each phrase are generated when the index is built (``inflect.variants``), which is
what lets a cheap tokenizer pass stand in for a full lemmatiser here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from hitl_resume.language.inflect import Pos, variants
from hitl_resume.language.lexicon_loader import Lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Category = Literal["role_term", "signal", "ai", "cue", "keyword"]


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """What the index needs to know about a lexicon entry behind a hit."""

    id: str
    category: Category
    kind: str
    role: str | None
    weight: float
    label: str
    pos: str = "phrase"


@dataclass(frozen=True, slots=True)
class Hit:
    """A lexicon entry found in a text, with token and character spans."""

    entry: EntryInfo
    start: int
    end: int
    token_start: int
    token_end: int
    text: str


class PhraseIndex:
    """Build once per (pipeline, lexicon); match any number of documents."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.entries: dict[str, EntryInfo] = {}
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for info, phrases, pos in _entries(lexicon):
            self.entries[info.id] = info
            forms: set[str] = set()
            for phrase in phrases:
                forms.update(variants(phrase, pos))
            self._matcher.add(info.id, [nlp.make_doc(form) for form in sorted(forms)])

    def hits(self, doc: Doc) -> list[Hit]:
        """Return hits sorted by position; a hit inside a longer one of its category is dropped."""
        found: list[Hit] = []
        strings = self.nlp.vocab.strings
        for match_id, start, end in self._matcher(doc):
            info = self.entries[strings[match_id]]
            span = doc[start:end]
            if _is_title_cased_acronym(span.text, end - start, info):
                continue
            if _names_a_thing(doc, start, end, info):
                continue
            found.append(Hit(info, span.start_char, span.end_char, start, end, span.text))
        return _drop_nested(found)


ACRONYM_MAX_CHARS = 3
#: Words before which a verb signal is an adjective or noun, not an action ("the correct
#: account", "all approved invoices"): the noun entry of the same word still matches.
DETERMINERS = frozenset(
    "the a an this these those its their his her our my your all any each every".split()  # noqa: SIM905
)


#: Prepositions before which a one-word verb signal not in -ing is a noun or adjective ("for
#: corrected claims", "payment via check"). "to review claims" is a verb, and "with revised
#: ETAs" / "with documented reasons" describe the person's own output, so "to" and "with" are
#: left out.
PREPOSITIONS = frozenset("for of via from by in on at into per".split())  # noqa: SIM905


def _names_a_thing(doc: Doc, start: int, end: int, info: EntryInfo) -> bool:
    """A verb signal that describes or names a thing: after a determiner ("the correct
    project"), a number ("over 150 checks"), a hyphen ("court-approved plans"), a preposition
    ("for corrected claims"), as the plural object of another past verb ("cashed checks") or as
    a participle of someone else's act ("claims flagged by the system")."""
    if info.category != "signal" or info.pos != "verb" or start == 0:
        return False
    before, word = doc[start - 1], doc[start].lower_
    after = doc[end].lower_ if end < len(doc) else ""
    return (
        # "posts flagged by the classifier", "replies flagged as uncertain": someone else acted
        (
            word.endswith("ed")
            and after in {"by", "as"}
            and before.is_alpha
            and before.lower_ not in {"and", "or"}
        )
        or before.lower_ in DETERMINERS
        or before.like_num
        # "court-approved plans": a hyphen joined to both words; "- Escalating cases" is a bullet
        or (
            before.text == "-"
            and not before.whitespace_
            and start >= 2
            and not doc[start - 2].whitespace_
        )
        or (before.lower_ in PREPOSITIONS and end - start == 1 and not word.endswith("ing"))
        or (word.endswith("s") and before.lower_.endswith("ed") and before.is_alpha)
    )


def _is_title_cased_acronym(text: str, tokens: int, info: EntryInfo) -> bool:
    """A short term written "Phi" or "Cms" is a name or word, not the acronym PHI or CMS.

    Matching is case-insensitive, so one-token terms of up to three letters would otherwise
    fire on names ("Phi Theta Kappa"); the acronym is written in capitals or, in running
    text, in lower case.
    """
    return (
        tokens == 1
        and len(text) <= ACRONYM_MAX_CHARS
        and info.category in ("role_term", "keyword", "ai")
        and text[:1].isupper()
        and not text.isupper()
    )


def _drop_nested(hits: list[Hit]) -> list[Hit]:
    """Keep the longest hit where hits of one category overlap ("medical claims" over "claims").

    Cues are kept per kind: "score" is both a review request and an AI output word.
    """
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    reach: dict[str, int] = {}
    for hit in hits:
        entry = hit.entry
        group = f"cue:{entry.kind}" if entry.category == "cue" else entry.category
        if hit.end <= reach.get(group, -1):
            continue
        kept.append(hit)
        reach[group] = max(reach.get(group, -1), hit.end)
    return kept


#: Cue kinds whose phrases inflect (README: hitl_request cues are verbs, ai_output cues nouns).
_CUE_POS: dict[str, Pos] = {"hitl_request": "verb", "ai_output": "noun", "build_verb": "verb"}


def _entries(lexicon: Lexicon) -> list[tuple[EntryInfo, tuple[str, ...], Pos]]:
    """Flatten the lexicon into (info, phrases, part of speech) rows."""
    rows: list[tuple[EntryInfo, tuple[str, ...], Pos]] = []
    for term in lexicon.role_terms:
        info = EntryInfo(term.id, "role_term", term.kind, term.role, term.weight, term.phrases[0])
        rows.append((info, term.phrases, "noun"))
    for signal in lexicon.signals:
        info = EntryInfo(
            signal.id, "signal", signal.signal, None, signal.weight, signal.phrases[0], signal.pos
        )
        rows.append((info, signal.phrases, signal.pos))
    for ai in lexicon.ai_terms:
        rows.append((EntryInfo(ai.id, "ai", ai.kind, None, 1.0, ai.phrases[0]), ai.phrases, "noun"))
    for system in lexicon.systems:
        info = EntryInfo(system.id, "ai", "system", None, 1.0, system.phrases[0])
        rows.append((info, system.phrases, "phrase"))
    for cue in lexicon.cues:
        info = EntryInfo(cue.id, "cue", cue.kind, None, 1.0, cue.phrases[0])
        rows.append((info, cue.phrases, _CUE_POS.get(cue.kind, "phrase")))
    for keyword in lexicon.keywords:
        info = EntryInfo(keyword.id, "keyword", keyword.kind, None, 1.0, keyword.phrases[0])
        rows.append((info, keyword.phrases, "noun"))
    return rows
