"""Extract keywords from a posting or a resume: phrase index + span tagger + shape rules.

The same extractor reads both sides so matching compares like with like. Hiring boilerplate
(EEO, benefits, how to apply) is skipped sentence by sentence and under boilerplate headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hitl_resume.keywords.concepts import Category, Concept
from hitl_resume.keywords.loader import KeywordResources
from hitl_resume.keywords.patterns import (
    FUNCTION_WORDS,
    certifications,
    coordinated,
    degrees,
    domains,
    years_of_experience,
)
from hitl_resume.keywords.phrases import PhraseSet, sentences
from hitl_resume.keywords.results import Keyword
from hitl_resume.keywords.sources import slug
from hitl_resume.keywords.tokens import Token, is_word, tokenize

#: (start, end, kind) character zones from the posting's section headings.
Zones = Sequence[tuple[int, int, str]]
#: E-mail addresses and URLs are contact details, never keywords ("sam@…" is not SAM).
_ADDRESS_RE = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
#: Tagger spans longer than this are task descriptions, not keywords.
MODEL_MAX_TOKENS = 5
_CERT_WINDOW = 1
#: One-word concepts a capitalised modifier may narrow ("Governmental Accounting").
_FIELD_KINDS = frozenset({"knowledge", "skill"})
#: A modifier that narrows a field reads as an adjective ("Governmental", "Intermediate").
_ADJECTIVE_ENDINGS = ("al", "ive", "ic", "ed", "ary", "ate", "ent", "ous", "ar")


@dataclass(frozen=True, slots=True)
class _Candidate:
    first: int
    last: int
    concept: Concept | None
    origin: str
    text: str = ""
    category: Category | None = None


class KeywordExtractor:
    """Find keywords in text; build once per resource set, call for any number of texts."""

    def __init__(self, resources: KeywordResources) -> None:
        self.index = resources.index
        self.tagger = resources.tagger
        rules = resources.rules
        self._boilerplate = PhraseSet(rules.of("boilerplate"))
        self._required = PhraseSet(rules.of("required_cue"))
        self._preferred = PhraseSet(rules.of("preferred_cue"))
        self._degree = PhraseSet(rules.of("degree"))
        self._levels = rules.degree_levels
        self._cert = PhraseSet(rules.of("certification_cue"))
        self._domain = PhraseSet(rules.of("domain_cue"))
        self._deny = rules.deny
        self._cue_words = frozenset(
            p[0]
            for kind in ("required_cue", "preferred_cue")
            for p in rules.of(kind)
            if len(p) == 1
        )

    def extract(self, text: str, zones: Zones = ()) -> list[Keyword]:
        """Keywords in order of first appearance, one per concept."""
        masked = [m.span() for m in _ADDRESS_RE.finditer(text)]
        tokens = [t for t in tokenize(text) if not _inside(t.start, masked)]
        keys = [t.key for t in tokens]
        has_required_zone = any(kind == "required_section" for _, _, kind in zones)
        tainted = self._boilerplate_lines(text, tokens, keys)
        chosen: dict[str, Keyword] = {}
        mentions: dict[str, list[tuple[int, int]]] = {}
        for first, last in sentences(text, tokens):
            start = tokens[first].start
            zone = next((k for s, e, k in zones if s <= start < e), None)
            if zone == "boilerplate_section" or _line_of(text, start) in tainted:
                continue
            required = self._required_for(keys, first, last, zone, has_required_zone)
            cert_cues = {i for a, b in self._cert.find(keys, first, last) for i in range(a, b)}
            for cand in self._candidates(tokens, keys, first, last):
                keyword = self._keyword(text, tokens, cand, required, cert_cues)
                if keyword is None:
                    continue
                mentions.setdefault(keyword.id, []).append((keyword.start, keyword.end))
                previous = chosen.get(keyword.id)
                if previous is None or (keyword.required and not previous.required):
                    chosen[keyword.id] = keyword
        return sorted(
            (replace(k, mentions=tuple(sorted(set(mentions[k.id])))) for k in chosen.values()),
            key=lambda k: k.start,
        )

    def _boilerplate_lines(
        self, text: str, tokens: Sequence[Token], keys: Sequence[str]
    ) -> set[int]:
        """Start offsets of lines (paragraphs) holding EEO, benefits or how-to-apply phrases.

        The whole paragraph goes: "Diversity is at our core. We welcome applicants regardless
        of …" is one statement, though only its second sentence names the cue.
        """
        return {_line_of(text, tokens[a].start) for a, _ in self._boilerplate.find(keys)}

    def _required_for(
        self, keys: Sequence[str], first: int, last: int, zone: str | None, has_zone: bool
    ) -> bool:
        if self._preferred.any_in(keys, first, last):
            return False
        if zone == "preferred_section":
            return False
        if zone == "required_section" or self._required.any_in(keys, first, last):
            return True
        return zone in (None, "duties_section") and not has_zone

    def _candidates(
        self, tokens: Sequence[Token], keys: Sequence[str], first: int, last: int
    ) -> list[_Candidate]:
        sentence = tokens[first:last]
        hits = self.index.find(sentence)
        found = [_Candidate(h.first + first, h.last + first, h.concept, "index") for h in hits]
        if self.tagger is not None:
            trimmed = (
                _trim(tokens, a + first, b + first) for a, b in self.tagger.spans(sentence, hits)
            )
            spans = [(a, b) for a, b in trimmed if 0 < b - a <= MODEL_MAX_TOKENS]
            found = _merge(found, spans)
        found = [_extend_title_case(tokens, c, first) for c in found]
        shaped = [
            *(
                _Candidate(a, b, None, "years", category="experience")
                for a, b in years_of_experience(tokens, first, last)
            ),
            *(
                _Candidate(a, b, None, "certification", category="certification")
                for a, b in certifications(tokens, self._cert, first, last, self._cue_words)
            ),
            *(
                _Candidate(a, b, None, "domain", category="hard_skill")
                for a, b in domains(tokens, self._domain, first, last)
            ),
            *(
                _Candidate(a, b, None, "degree", category="education")
                for a, b in degrees(keys, self._degree, first, last)
            ),
        ]
        # The skills inside "5+ years of Java" stay keywords of their own; a span that merely
        # repeats the degree ("Bachelor's degree in …") does not.
        starts = {s.first for s in shaped}
        certs = [s for s in shaped if s.origin in ("certification", "domain")]
        found = [
            c
            for c in found
            if c.first not in starts
            and not any(s.first <= c.first and c.last <= s.last for s in certs)
        ] + shaped
        for mods, head, a, b in coordinated(tokens, self.index, first, last):
            inside = [c for c in found if a <= c.first and c.last <= b]
            found = [c for c in found if c not in inside]
            for m in mods:
                phrase = f"{tokens[m].text} {tokens[head].text}"
                concept = self.index.lookup((keys[m], keys[head])) or self.index.lookup(
                    (keys[head],)
                )
                found.append(_Candidate(m, head + 1, concept, "split", phrase))
        return found

    def _keyword(
        self,
        text: str,
        tokens: Sequence[Token],
        cand: _Candidate,
        required: bool,
        cert_cues: set[int],
    ) -> Keyword | None:
        words = [t for t in tokens[cand.first : cand.last] if is_word(t)]
        if not words:
            return None
        surface = cand.text or text[tokens[cand.first].start : tokens[cand.last - 1].end]
        span_key = tuple(t.key for t in tokens[cand.first : cand.last])
        if cand.origin != "split" and span_key in self._deny:
            return None
        if cand.origin == "split":
            span_key = tuple(t.key for t in tokenize(surface))
        concept = cand.concept
        # "Java 17" is Java: version numbers do not make a new concept.
        bare = tuple(k for k in span_key if not k[:1].isdigit())
        exact = concept is not None and (
            cand.origin == "index" or self.index.lookup(bare) is concept
        )
        near = {cand.first - _CERT_WINDOW, cand.last, *range(cand.first, cand.last)}
        if cand.category is not None:
            category, kind = cand.category, cand.origin
        elif (concept is None or concept.category != "job_title") and near & cert_cues:
            category, kind = "certification", "certification"
        elif concept is not None:
            category, kind = concept.category, concept.kind
        else:
            category, kind = "hard_skill", "skill"
        if exact and concept is not None:
            ident, label, source, broader = (
                concept.id,
                concept.label,
                concept.source,
                concept.broader,
            )
        else:
            ident = f"{category}.{slug(' '.join(span_key))}"
            label, source = surface, cand.origin
            broader = concept.label if concept is not None else ""
        start = tokens[cand.first].start
        end = tokens[cand.last - 1].end
        if cand.origin == "split":  # "tax" of "cost, tax and governmental accounting"
            start = tokens[cand.first].start
        level = ""
        if cand.origin == "degree":
            span_keys = [t.key for t in tokens[cand.first : cand.last]]
            found = self._degree.find(span_keys)
            level = (
                self._levels.get(tuple(span_keys[found[0][0] : found[0][1]]), "") if found else ""
            )
        return Keyword(
            ident,
            surface,
            label,
            category,
            kind,
            required,
            start,
            end,
            source,
            broader,
            level=level,
        )


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _line_of(text: str, offset: int) -> int:
    """The offset where the line holding ``offset`` starts."""
    return text.rfind("\n", 0, offset) + 1


def _merge(hits: list[_Candidate], spans: Sequence[tuple[int, int]]) -> list[_Candidate]:
    """Model spans win over the index hits they contain; index hits stay where no span is."""
    out: list[_Candidate] = []
    used: set[int] = set()
    for a, b in spans:
        inside = [i for i, h in enumerate(hits) if h.first < b and a < h.last]
        same = [i for i in inside if (hits[i].first, hits[i].last) == (a, b)]
        if same:  # the model agrees with the index: keep the concept
            continue
        concept = None
        for i in inside:
            used.add(i)
            if hits[i].first >= a and hits[i].last <= b and concept is None:
                concept = hits[i].concept
        out.append(_Candidate(a, b, concept, "model"))
    out += [h for i, h in enumerate(hits) if i not in used]
    return sorted(out, key=lambda c: c.first)


def _trim(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """Drop punctuation and function words at the edges of a tagged span ("and procedures")."""
    while first < last and (not is_word(tokens[first]) or tokens[first].key in FUNCTION_WORDS):
        first += 1
    while last > first and (
        not is_word(tokens[last - 1]) or tokens[last - 1].key in FUNCTION_WORDS
    ):
        last -= 1
    return first, last


def _extend_title_case(
    tokens: Sequence[Token], cand: _Candidate, sentence_first: int
) -> _Candidate:
    """ "Governmental Accounting": a capitalised word before a one-word field joins it.

    Course and field names are written in title case; the head concept stays the broader term.
    """
    at = cand.first - 1
    if (
        cand.origin != "index"
        or cand.last - cand.first != 1
        or cand.concept is None
        or cand.concept.kind not in _FIELD_KINDS
        or not tokens[cand.first].text[:1].isupper()
        or at <= sentence_first
    ):
        return cand
    word = tokens[at]
    if not (word.text.isalpha() and word.text[:1].isupper() and word.text[1:].islower()):
        return cand
    head = tokens[cand.first].text
    if not head[1:].islower() or not word.key.endswith(_ADJECTIVE_ENDINGS):
        return cand  # "Manager DevOps", "Senior BPMN" are not fields
    if word.key in FUNCTION_WORDS:
        return cand
    return _Candidate(at, cand.last, cand.concept, "compound")
