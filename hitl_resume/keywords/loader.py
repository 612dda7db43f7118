"""Load the keyword resources from one lexicon directory: index, overrides, rules, tagger."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hitl_resume.keywords.concepts import Category, Concept
from hitl_resume.keywords.index import INDEX_NAME, KeywordIndex, load_index
from hitl_resume.keywords.tagger import MODEL_NAME, SpanTagger
from hitl_resume.keywords.tokens import is_short_acronym, phrase_key
from hitl_resume.language.jsonl_reader import LexiconError, read_jsonl
from hitl_resume.language.lexicon_schema import bundled_lexicon_dir

RULES_NAME = "keyword_rules.jsonl"
OVERRIDES_NAME = "keywords.jsonl"
#: Project keyword kinds → the categories users know.
_KIND_CATEGORY: dict[str, Category] = {
    "tool": "hard_skill",
    "skill": "hard_skill",
    "framework": "hard_skill",
    "certification": "certification",
    "title": "job_title",
    "soft_skill": "soft_skill",
}
RULE_KINDS = frozenset(
    {
        "deny",
        "boilerplate",
        "required_cue",
        "preferred_cue",
        "degree",
        "certification_cue",
        "domain_cue",
    }
)


#: Education levels, lowest first; "any" is a bare "degree".
DEGREE_LEVELS = ("high_school", "vocational", "associate", "any", "bachelor", "master", "doctorate")


@dataclass(frozen=True, slots=True)
class KeywordRules:
    """Hand-written rules: never-keywords, EEO/benefit cues, requirement cues, degree words."""

    deny: frozenset[tuple[str, ...]]
    phrases: dict[str, tuple[tuple[str, ...], ...]]
    degree_levels: dict[tuple[str, ...], str]

    def of(self, kind: str) -> tuple[tuple[str, ...], ...]:
        """Token keys of every phrase of a rule kind."""
        return self.phrases.get(kind, ())


@dataclass(frozen=True, slots=True)
class KeywordResources:
    """Everything the extractor reads, loaded once."""

    index: KeywordIndex
    rules: KeywordRules
    tagger: SpanTagger | None


def load_resources(directory: Path, with_tagger: bool = True) -> KeywordResources:
    """Read the compiled index, layer ``keywords.jsonl`` over it and apply the deny list.

    Not cached: the analyzer that owns the lexicon loads them once (``defaults`` shares one).

    A user's lexicon directory without the compiled index, tagger or rules file uses the
    bundled ones (so a copy made before they existed keeps the EEO filter); its own
    keywords.jsonl always applies.
    """
    rules_path = directory / RULES_NAME
    rules = load_rules(rules_path if rules_path.is_file() else bundled_lexicon_dir() / RULES_NAME)
    built = directory if (directory / INDEX_NAME).is_file() else bundled_lexicon_dir()
    index = load_index(built)
    _overlay(index, directory / OVERRIDES_NAME)
    for key in rules.deny:
        index.remove(key)
    model = directory / MODEL_NAME
    if not model.is_file():
        model = bundled_lexicon_dir() / MODEL_NAME
    tagger = SpanTagger(model) if with_tagger and model.is_file() else None
    return KeywordResources(index, rules, tagger)


def _overlay(index: KeywordIndex, path: Path) -> None:
    """Project entries win over the compiled sources; their phrases are synonyms."""
    if not path.is_file():
        return
    for record in read_jsonl(path):
        data = record.data
        phrases = data.get("phrases")
        category = _KIND_CATEGORY.get(str(data.get("kind")))
        if not isinstance(phrases, list) or not phrases or category is None:
            raise LexiconError(path, record.line, "needs a known kind and a list of phrases")
        concept = Concept(str(data["id"]), str(phrases[0]), category, str(data["kind"]), "lexicon")
        number = len(index.concepts)
        index.concepts.append(concept)
        index.by_id[concept.id] = concept
        for phrase in phrases:
            surface = str(phrase) if is_short_acronym(str(phrase)) else ""
            index.add(phrase_key(str(phrase)), number, surface, replace=True)


def load_rules(path: Path) -> KeywordRules:
    """Read ``keyword_rules.jsonl``; errors name the file and line."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    levels: dict[tuple[str, ...], str] = {}
    if path.is_file():
        for record in read_jsonl(path):
            kind = record.data.get("kind")
            values = record.data.get("phrases")
            unknown = set(record.data) - {"id", "kind", "phrases", "level"}
            if unknown or not isinstance(record.data.get("id"), str):
                raise LexiconError(
                    path, record.line, f"needs id, kind, phrases (got {sorted(record.data)})"
                )
            if kind not in RULE_KINDS or not isinstance(values, list) or not values:
                raise LexiconError(path, record.line, f"kind must be one of {sorted(RULE_KINDS)}")
            keys = [phrase_key(str(v)) for v in values]
            phrases.setdefault(str(kind), []).extend(keys)
            level = record.data.get("level")
            if kind == "degree":
                if level not in DEGREE_LEVELS:
                    raise LexiconError(path, record.line, f"level must be one of {DEGREE_LEVELS}")
                levels.update(dict.fromkeys(keys, str(level)))
            elif level is not None:
                raise LexiconError(path, record.line, "only degree entries have a level")
    frozen = {k: tuple(v) for k, v in phrases.items()}
    return KeywordRules(frozenset(frozen.get("deny", ())), frozen, levels)
