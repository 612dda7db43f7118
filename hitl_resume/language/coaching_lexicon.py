"""Load and validate the coaching data files so every rewrite and prompt cites a data line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hitl_resume.language.coaching_schema import (
    COACHING_FILES,
    OBJECTS_FILE,
    PLAN_FILE,
    REWRITES_FILE,
    SOAR_FILE,
    TAILS_FILE,
    TYPOS_FILE,
    WEAK_FILE,
    WORDS_FILE,
    record_problems,
)
from hitl_resume.language.inflect import spellings
from hitl_resume.language.jsonl_reader import (
    LexiconError,
    Problem,
    Record,
    RecordCheck,
    check_files,
)
from hitl_resume.language.lexicon_schema import bundled_lexicon_dir

__all__ = [
    "COACHING_FILES",
    "CoachingData",
    "ConfirmTail",
    "PlanEntry",
    "RewriteTemplate",
    "SoarTemplate",
    "WeakOpening",
    "WorkProduct",
    "check_coaching_lexicon",
    "load_coaching_data",
]


@dataclass(frozen=True, slots=True)
class RewriteTemplate:
    """One governance framing put before the bullet's own clause ("<framing> by <clause>ing").

    ``alternative`` is the automation variant of the framing, offered only with ``confirm``.
    """

    id: str
    framing: str
    evidence: str
    signals: tuple[str, ...]
    roles: tuple[str, ...]
    text: str
    objects: str
    priority: int
    requires: tuple[str, ...] = ()
    signal_by: str = "any"
    alternative: str | None = None
    confirm: str | None = None
    #: Work products (ids in work_products.jsonl) the framing never rests on.
    not_products: tuple[str, ...] = ()
    #: The only work products the framing rests on ([] = any the other fields allow).
    products: tuple[str, ...] = ()
    #: A chain of the person's own verbs: the head one of ``leads``, a later one of ``then``
    #: ("Identified errors ... and returned them"); the line's signal may sit anywhere in it.
    leads: tuple[str, ...] = ()
    then: tuple[str, ...] = ()
    #: Offered only on a whole line, never after a kept first clause ("Answered questions ...,
    #: and applied human judgment by escalating ..." reads as judgment bolted onto a hand-off).
    whole_line: bool = False
    #: The chain may open on the person's own books ("Reconciled vendor statements ... and
    #: reported discrepancies to the controller"): what the check found goes to someone else.
    books: bool = False


@dataclass(frozen=True, slots=True)
class ConfirmTail:
    """One step of human control put after a line that names none ("..., tracing and correcting
    the discrepancies found"), always shown with its question: the line does not say it."""

    id: str
    framing: str
    roles: tuple[str, ...]
    #: One must be among the line's opening verbs (base forms).
    verbs: tuple[str, ...]
    #: Singular heads of the object, one of which must match ([] = any).
    nouns: tuple[str, ...]
    #: Work products (ids in work_products.jsonl) the object must name ([] = any).
    products: tuple[str, ...]
    #: Words or word starts the line must not hold (the ending would say them twice).
    avoid: tuple[str, ...]
    text: str
    confirm_past: str
    confirm_present: str
    priority: int


@dataclass(frozen=True, slots=True)
class WorkProduct:
    """Nouns naming a work product or decision, and the automation plausible for it since when."""

    id: str
    nouns: tuple[str, ...]
    automation: str | None
    since: int | None
    #: Families whose findings may be asked about the automation ("accounts" are bank accounts
    #: to a teller, user accounts to a moderator); empty: every family.
    automation_roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SoarTemplate:
    """One SOAR part (or Result hint) for findings matching its evidence, signals and roles."""

    id: str
    part: str
    evidence: str
    signals: tuple[str, ...]
    roles: tuple[str, ...]
    text: str
    priority: int
    #: "own": only for a bullet about the person's own work ("Prepared monthly reports");
    #: "checked": never for one; "any".
    work: str = "any"


@dataclass(frozen=True, slots=True)
class WeakOpening:
    """Bullet openings that are replaced, never produced."""

    id: str
    phrases: tuple[str, ...]
    replace_with: str | None
    mode: str = "fallback"


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """A board, search term, skill, look-back prompt or checklist step of the plan."""

    id: str
    kind: str
    text: str
    url: str = ""
    signals: tuple[str, ...] = ()
    min_findings: int = 1
    roles: tuple[str, ...] = ()
    explicit_only: bool = False
    #: A skill's backing findings must name a system or AI the person worked in (``explicit_ai``).
    systems_only: bool = False
    when: str = "always"
    #: A skill's backing finding must hold one of these words ("coding" for coding validation).
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CoachingData:
    """Every coaching data file, validated."""

    rewrites: tuple[RewriteTemplate, ...]
    soar: tuple[SoarTemplate, ...]
    weak: tuple[WeakOpening, ...]
    plan: tuple[PlanEntry, ...]
    products: tuple[WorkProduct, ...] = ()
    #: Obvious typos a rewrite may fix ("insure accuracy" -> "ensure accuracy").
    typos: tuple[tuple[str, str], ...] = ()
    #: Verbs that make the thing a later verb checks ("Drafted and reviewed statements"):
    #: checking one's own work is no oversight of it.
    authoring: frozenset[str] = frozenset()
    #: Always-countable singular nouns a rewrite gives "the" when the bullet left it out
    #: (the person nouns among them).
    countable: frozenset[str] = frozenset()
    #: Nouns of a person's job ("manager"): a phrase after "to" ending in one is a noun phrase.
    person_nouns: frozenset[str] = frozenset()
    #: Verbs that keep the person's own books ("Reconciled bank statements"): a clause they lead
    #: is the person's own work.
    bookkeeping: frozenset[str] = frozenset()
    #: Light check verbs that are a full check with an accuracy purpose ("Check figures for
    #: mathematical accuracy").
    check_verbs: frozenset[str] = frozenset()
    #: Verbs that arrange work rather than judge it ("coordinate interviews"): a framing never
    #: spans one ("Applied human judgment by conducting phone screens and coordinating ...").
    logistics_verbs: frozenset[str] = frozenset()
    #: The people a service worker talks with ("with guests": service, not oversight).
    service_parties: frozenset[str] = frozenset()
    #: People a review is held with ("reviewed variances with management"): a meeting.
    meeting_parties: frozenset[str] = frozenset()
    #: What a write-up records about a decision ("wrote up my reasoning"): not authored work.
    reasoning_nouns: frozenset[str] = frozenset()
    #: Words that name software in a line ("codes suggested by the encoder"): no automation
    #: question asks what the line already says.
    software_words: frozenset[str] = frozenset()
    #: Nouns (lemmas) of work that arrives as decisions to make ("Handled appeals ...,
    #: reversing incorrect decisions"): a weak verb working them may lead a decision framing.
    decision_queue: frozenset[str] = frozenset()
    #: Purposes that leave a review without anything to frame ("to measure productivity",
    #: "for credit"): analysis, or a decision the line does not say the person made.
    open_purposes: frozenset[str] = frozenset()
    #: Noun compounds whose first word is also a verb ("check holds"): never re-inflected.
    noun_compounds: frozenset[str] = frozenset()
    #: Verbs that state a result after a comma ("..., accuracy improved from 91% to 96%",
    #: "..., recovering $40K"): the result is kept word for word after the framed clause.
    result_verbs: frozenset[str] = frozenset()
    #: Words that make the object background reading ("prior year's audit documentation").
    background: frozenset[str] = frozenset()
    #: Confirmed endings for lines no framing fits ("..., escalating those that needed a
    #: supervisor's decision"), highest priority first.
    tails: tuple[ConfirmTail, ...] = ()

    def plan_of(self, kind: str) -> tuple[PlanEntry, ...]:
        """Plan entries of one kind, in file order."""
        return tuple(entry for entry in self.plan if entry.kind == kind)


def _checker_for(name: str) -> RecordCheck:
    return lambda record: record_problems(name, record)


_MISSING = "required coaching file is missing"


def _check(directory: Path) -> tuple[dict[str, list[Record]], list[Problem]]:
    good, problems = check_files(directory, COACHING_FILES, _checker_for, missing=_MISSING)
    # A lexicon copied before confirmed endings existed still loads: it offers none.
    problems = [p for p in problems if not (p.path.name == TAILS_FILE and p.message == _MISSING)]
    problems.sort(key=lambda p: (COACHING_FILES.index(p.path.name), p.line))
    return good, problems


def check_coaching_lexicon(directory: Path | None = None) -> list[str]:
    """Return every problem of the coaching files as ``file:line: problem`` (empty when valid)."""
    target = bundled_lexicon_dir() if directory is None else Path(directory)
    return [str(problem) for problem in _check(target)[1]]


def _build(good: dict[str, list[Record]]) -> CoachingData:
    def rows(name: str) -> list[dict[str, Any]]:
        return [record.data for record in good[name]]

    return CoachingData(
        rewrites=tuple(
            RewriteTemplate(
                id=d["id"],
                framing=d["framing"],
                evidence=d["evidence"],
                signals=tuple(d["signals"]),
                roles=tuple(d["roles"]),
                text=d["text"],
                objects=d["objects"],
                priority=d["priority"],
                requires=tuple(d["requires"]),
                signal_by=d.get("signal_by", "any"),
                alternative=d.get("alternative"),
                confirm=d.get("confirm"),
                not_products=tuple(d.get("not_products", ())),
                products=tuple(d.get("products", ())),
                leads=_with_spellings(d.get("leads", ())),
                then=_with_spellings(d.get("then", ())),
                whole_line=d.get("whole_line", False),
                books=d.get("books", False),
            )
            for d in rows(REWRITES_FILE)
        ),
        soar=tuple(
            SoarTemplate(
                d["id"],
                d["part"],
                d["evidence"],
                tuple(d["signals"]),
                tuple(d["roles"]),
                d["text"],
                d["priority"],
                d.get("work", "any"),
            )
            for d in rows(SOAR_FILE)
        ),
        weak=tuple(
            WeakOpening(d["id"], tuple(d["phrases"]), d["replace_with"], d.get("mode", "fallback"))
            for d in rows(WEAK_FILE)
        ),
        plan=tuple(
            PlanEntry(
                id=d["id"],
                kind=d["kind"],
                text=d.get("text") or d.get("name", ""),
                url=d.get("url", ""),
                signals=tuple(d.get("signals", ())),
                roles=tuple(d.get("roles", ())),
                explicit_only=bool(d.get("explicit_only", False)),
                systems_only=bool(d.get("systems_only", False)),
                when=d.get("when", "always"),
                min_findings=d.get("min_findings", 1),
                words=tuple(d.get("words", ())),
            )
            for d in rows(PLAN_FILE)
        ),
        products=tuple(
            WorkProduct(
                d["id"],
                tuple(d["nouns"]),
                d["automation"],
                d["since"],
                tuple(d.get("automation_roles", ())),
            )
            for d in rows(OBJECTS_FILE)
        ),
        typos=tuple((d["wrong"], d["right"]) for d in rows(TYPOS_FILE)),
        tails=tuple(
            sorted(
                (
                    ConfirmTail(
                        id=d["id"],
                        framing=d["framing"],
                        roles=tuple(d["roles"]),
                        verbs=tuple(d["verbs"]),
                        nouns=tuple(d["nouns"]),
                        products=tuple(d["products"]),
                        avoid=tuple(d["avoid"]),
                        text=d["text"],
                        confirm_past=d["confirm_past"],
                        confirm_present=d["confirm_present"],
                        priority=d["priority"],
                    )
                    for d in rows(TAILS_FILE)
                ),
                key=lambda tail: (-tail.priority, tail.id),
            )
        ),
        authoring=_words_of(rows(WORDS_FILE), "authoring_verb"),
        countable=_words_of(rows(WORDS_FILE), "countable_noun")
        | _words_of(rows(WORDS_FILE), "person_noun"),
        person_nouns=_words_of(rows(WORDS_FILE), "person_noun"),
        bookkeeping=_words_of(rows(WORDS_FILE), "bookkeeping_verb"),
        background=_words_of(rows(WORDS_FILE), "background_modifier"),
        check_verbs=_words_of(rows(WORDS_FILE), "check_verb"),
        logistics_verbs=_words_of(rows(WORDS_FILE), "logistics_verb"),
        service_parties=_words_of(rows(WORDS_FILE), "service_party"),
        meeting_parties=_words_of(rows(WORDS_FILE), "meeting_party"),
        reasoning_nouns=_words_of(rows(WORDS_FILE), "reasoning_noun"),
        software_words=_words_of(rows(WORDS_FILE), "software_word"),
        result_verbs=_words_of(rows(WORDS_FILE), "result_verb"),
        decision_queue=_words_of(rows(WORDS_FILE), "decision_queue"),
        noun_compounds=_words_of(rows(WORDS_FILE), "noun_compound"),
        open_purposes=_words_of(rows(WORDS_FILE), "open_purpose"),
    )


def _with_spellings(verbs: list[str]) -> tuple[str, ...]:
    """Chain verbs with their British spellings: "authorising" is "authorise" to the lemmatizer."""
    return tuple(dict.fromkeys(spelling for verb in verbs for spelling in spellings(verb)))


def _words_of(records: list[dict[str, Any]], kind: str) -> frozenset[str]:
    return frozenset(w for d in records if d["kind"] == kind for w in d["words"])


def load_coaching_data(directory: Path | None = None) -> CoachingData:
    """Load and validate the coaching files of a directory (None: the bundled lexicon).

    Raises:
        LexiconError: naming the file and line of the first problem found.
    """
    target = bundled_lexicon_dir() if directory is None else Path(directory)
    good, problems = _check(target)
    if problems:
        first = problems[0]
        raise LexiconError(first.path, first.line, first.message)
    return _build(good)
