"""Coaching: verified governance rewrites, SOAR interview prompts and the week's plan.

``coach`` parses only the sentences it may rewrite (one ``nlp.pipe`` batch); the pipeline and
lexicon are passed in (defaults when missing) so tests can inject their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hitl_resume.coaching.articles import bare_person, bare_possessive
from hitl_resume.coaching.compound_verbs import compound_prefix, with_prefix
from hitl_resume.coaching.confirm_tails import build_tail
from hitl_resume.coaching.fixes import fix_clause, fix_typos, lexicon_words, name_words
from hitl_resume.coaching.framable import framable, verb_signals
from hitl_resume.coaching.grounding import GroundingGuard, resume_employers
from hitl_resume.coaching.interview import interview_prompts
from hitl_resume.coaching.plan import build_plan
from hitl_resume.coaching.results import InterviewPrompt, Plan, Rewrite, Tense
from hitl_resume.coaching.rewrites import (
    build_rewrite,
    clause_signals,
    leads_then,
    names_own_judgment,
    word_count,
)
from hitl_resume.coaching.segments import (
    DETERMINERS,
    WEAK_VERBS,
    duty_frame,
    gerund_twin,
    parse_text,
    present_twin,
    select_segment,
    strip_weak_opening,
)
from hitl_resume.coaching.shapes import Candidate, clause_problem, is_helper
from hitl_resume.coaching.slots import Piece, Slots, extract_slots, leading_lemmas, render
from hitl_resume.coaching.split import signal_split, tensed_prefix
from hitl_resume.coaching.tails import result_tail
from hitl_resume.coaching.verbs import verb_index
from hitl_resume.coaching.verify import body_problem
from hitl_resume.detection.results import Finding, RoleAssessment
from hitl_resume.language.coaching_lexicon import CoachingData
from hitl_resume.language.inflect import verb_lemmas
from hitl_resume.language.lexicon_loader import Lexicon
from hitl_resume.models import ExperienceEntry, Resume

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["coach", "is_strong"]

MAX_REWRITES = 6
MAX_CANDIDATES = 24
MAX_NOTICES = 2
#: How many rewrites of one resume may share a framing before another that fits is used.
REPEATS_BEFORE_VARYING = 2
#: Confirmed endings per resume (each ending at most once): two readers asked for "two or three
#: bullets, varied", not the same question on every line.
MAX_TAILS = 2
STRONG_MAX_WORDS = 30
#: Openings a rewrite may drop: they only frame the duty that follows ("Responsible for ...").
DUTY_OPENINGS = frozenset({"weak.responsible_for", "weak.duties", "weak.tasked_with"})
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: A leading manner adverb ("Thoroughly reviewed ..."): parsed without it, kept in the rewrite.
_LEAD_ADVERB = re.compile(r"^([A-Z][a-z]{2,}ly)\s+(?=[a-z]{3,})")
#: A current job: any automation plausible today was plausible in it.
CURRENT_YEAR_BOUND = 9999


@dataclass(frozen=True, slots=True)
class _Job:
    """One sentence to parse and the finding it came from."""

    finding: Finding
    text: str
    opening: str | None
    #: No duty opening was dropped, so a leading "-ing" word continues another sentence.
    fragment: bool = False
    #: The sentence as the bullet has it (with any opening): what a rewrite replaces.
    sentence: str = ""
    #: A first clause kept word for word before the framed one ("Prepared X and ...").
    prefix: str = ""
    #: A result kept word for word after it, with its joint ("; accuracy improved to 96%").
    suffix: str = ""


def is_strong(finding: Finding) -> bool:
    """Already governance-style: names the AI system, shows two behaviours, and is concise."""
    return (
        finding.explicit_ai
        and len(finding.signals) >= 2
        and word_count(finding.text) <= STRONG_MAX_WORDS
    )


def _entry(resume: Resume, finding: Finding) -> ExperienceEntry | None:
    index = finding.entry_index
    if index is not None and 0 <= index < len(resume.experience):
        return resume.experience[index]
    return None


def _tense(entry: ExperienceEntry | None) -> Tense:
    return "present" if entry is not None and entry.is_current else "past"


def job_year(entry: ExperienceEntry | None) -> int | None:
    """The last year of a job (a current job is unbounded); None when no date is given."""
    if entry is None:
        return None
    if entry.is_current:
        return CURRENT_YEAR_BOUND
    for date in (entry.end_date, entry.start_date):
        years = _YEAR.findall(date or "")
        if years:
            return int(years[-1])
    return None


def _anchor(finding: Finding) -> str | None:
    return next((c.text for c in finding.contributions if c.kind.startswith("signal:")), None)


def _jobs(
    finding: Finding,
    data: CoachingData,
    known: frozenset[str],
    signal_verbs: Mapping[str, tuple[str, ...]] | None = None,
) -> list[_Job]:
    """Each sentence holding one of the finding's signals, freed only of a duty opening.

    Long bullets and run-together paragraphs are split first; a sentence is never cut at a
    later verb, so the person's own verbs ("Developed, implemented and monitored") stay.
    """
    anchors: list[str | None] = [
        c.text for c in finding.contributions if c.kind.startswith("signal:")
    ]
    segments = dict.fromkeys(select_segment(finding.text, a, known) for a in anchors or [None])
    # A light check the finding kept (it has an accuracy purpose or holds back the next step:
    # "... and checked offer letters for correct salary details") splits a line as a signal verb
    kept_checks = {
        c.text.lower() for c in finding.contributions if c.text.lower() in data.check_verbs
    }
    if kept_checks:
        lemmas = {lemma for word in kept_checks for lemma in verb_lemmas(word)}
        signal_verbs = {**(signal_verbs or {}), **dict.fromkeys(lemmas, ("review",))}
    jobs = []
    for segment in segments:
        stripped = strip_weak_opening(segment, data.weak) if segment else None
        if stripped is None:
            continue
        remainder, opening, _ = stripped
        duty = opening is not None and _is_duty(opening, data)
        remainder = fix_typos(remainder, data.typos)
        tail = result_tail(remainder, data.result_verbs)
        suffix = ""
        if tail is not None:
            remainder, suffix = tail.clause, tail.text  # "..., accuracy improved to 96%"
        # "Duties: Reviewed and approved ...": a label, not a frame, so any verb form may follow
        # "I reviewed claims and approved payments": a bare "I" is the CV's voice, not a frame;
        # the bullet reads as its verb phrase ("I would then verify" keeps its frame)
        label = opening is not None and (opening.endswith(":") or opening == "I")
        if opening is None or label or (duty and remainder.split()[0].lower().endswith("ing")):
            # A sentence that opens the bullet may be written with -ing verbs; a later one
            # that does continues the sentence before it ("...; referring inquiries to X").
            later = _normal(finding.text).find(_normal(segment)) > 0
            fragment = opening is None and later
            jobs.append(_Job(finding, remainder, opening, fragment, segment, suffix=suffix))
            # "Responsible for building rotas, checking them ...": the duty after its frame
            # is split as the -ing bullet it would be without one
            split = (
                signal_split(
                    remainder[:1].upper() + remainder[1:],
                    signal_verbs or {},
                    known,
                    data.authoring | data.bookkeeping,
                )
                if not opening or label or duty
                else None
            )
            if split is not None and not fragment:
                jobs.append(_Job(finding, split.clause, None, False, segment, split.prefix, suffix))
        else:
            jobs.append(_Job(finding, segment, opening, sentence=segment))  # judged unfit later
    return jobs


def _fixed(
    job: _Job, vocabulary: Collection[str], data: CoachingData, names: Collection[str]
) -> _Job:
    text, prefix = fix_clause(
        job.text, job.prefix, vocabulary, data.countable, names, data.person_nouns
    )
    return dataclasses.replace(job, text=text, prefix=prefix)


def _is_duty(opening: str, data: CoachingData) -> bool:
    entry = next((w for w in data.weak if opening.lower() in w.phrases), None)
    return (
        (entry is not None and entry.id in DUTY_OPENINGS)
        or opening.lower().startswith(("duties", "responsib"))
        or duty_frame(opening)
    )


def prepare(
    resume: Resume,
    findings: Sequence[Finding],
    data: CoachingData,
    nlp: Language | None,
    signal_verbs: Mapping[str, tuple[str, ...]] | None = None,
    vocabulary: Collection[str] = frozenset(),
    names: Collection[str] = frozenset(),
) -> list[Candidate]:
    """Parse the strongest findings' sentences (one batch) and read their slots.

    ``vocabulary`` holds domain words that are never spelling slips (``lexicon_words``).
    """
    if nlp is None:
        from hitl_resume.language.nlp import load_model

        nlp = load_model()
    known = verb_index(nlp)
    ranked = sorted((f for f in findings if not is_strong(f)), key=lambda f: (-f.score, f.start))
    jobs = [job for f in ranked[:MAX_CANDIDATES] for job in _jobs(f, data, known, signal_verbs)]
    if not jobs:
        return []
    jobs = [_fixed(job, vocabulary, data, names) for job in jobs]
    adverbs = [_LEAD_ADVERB.match(job.text) for job in jobs]
    whole = [job.text[m.end() :] if m else job.text for job, m in zip(jobs, adverbs, strict=True)]
    prefixes = [compound_prefix(text) for text in whole]  # "Double-checked" parses as "checked"
    bare = [text[len(prefix) :] for text, prefix in zip(whole, prefixes, strict=True)]
    texts = [parse_text(text) for text in bare]
    slots_of = [
        extract_slots(doc, clause, len(text) - len(clause), known)
        for doc, text, clause in zip(nlp.pipe(texts), texts, bare, strict=True)
    ]
    # "Research, coordinate and resolve X": the small model may read a present-tense list as
    # nouns after "I"; a plural subject gives the parse a second chance. So does a bullet led by
    # -ing verbs whose object the parse lost ("Reviewing and approving motor claims").
    retry = [
        i
        for i, s in enumerate(slots_of)
        if (s.verb is None and not whole[i][:1].islower())
        or (s.verb is not None and not s.head_args)  # "I flag tasks ..." read as a compound
    ]
    retexts = [
        re.sub(
            r"^I (?:was )?",
            "They were " if " was " in parse_text(bare[i])[:6] else "They ",
            parse_text(bare[i]),
        )
        for i in retry
    ]
    for i, doc, text in zip(retry, nlp.pipe(retexts), retexts, strict=True):
        again = extract_slots(doc, bare[i], len(text) - len(bare[i]), known)
        if slots_of[i].verb is None or again.head_args or bare[i].split()[0].endswith("ing"):
            slots_of[i] = again
    _reparse_lost_objects(slots_of, bare, texts, nlp, known)
    twins = _gerund_twins(texts)
    _adopt_twins(
        slots_of, bare, texts, nlp, known, twins, changed_tag="VBG", keep=_more_of_the_list
    )
    twins = _listed_noun_twins(slots_of, texts, known)
    _adopt_twins(
        slots_of,
        bare,
        texts,
        nlp,
        known,
        twins,
        changed_tag="NN",
        keep=lambda new, _: bool(new.object),
    )
    slots_of = [
        _noun_kept(with_prefix(slots, prefix, text))
        for slots, prefix, text in zip(slots_of, prefixes, whole, strict=True)
    ]
    candidates = []
    for job, parsed, adverb in zip(jobs, slots_of, adverbs, strict=True):
        entry = _entry(resume, job.finding)
        slots = dataclasses.replace(
            parsed,
            pieces=_compounds_kept(parsed.pieces, data.noun_compounds),
            weak_opening=job.opening,
            employer=entry.organization if entry else None,
        )
        lemmas = leading_lemmas(slots.pieces)
        own = _own_signals(lemmas, signal_verbs or {}, slots.object_heads)
        # "Counted, verified and handled cash", "Investigate and draft responses": a handling or
        # authoring verb in the list makes the check part of the person's own work.
        # A later authoring verb makes the clause the person's own work too ("... and calculate
        # patient liability"); bookkeeping counts only in the opening list ("Reconciled ...").
        later = _later_authoring(slots.pieces, len(lemmas), data)
        # "Handled appeals ...": a weak verb working a queue of decisions is no own work
        # "Handled customer complaints and escalated unresolved cases to the team leader": a
        # weak verb that a chain template leads with, and a later verb of that chain, is triage
        queue = slots.verb in WEAK_VERBS and (
            bool(set(slots.object_heads) & data.decision_queue) or _weak_chain(slots, data)
        )
        own_verbs = [
            lemma
            for lemma in lemmas
            if lemma in data.authoring
            or lemma in data.bookkeeping
            or (lemma in WEAK_VERBS and not queue)
        ]
        bookkept = bool(own_verbs) and not later and set(own_verbs) <= data.bookkeeping
        candidates.append(
            Candidate(
                job.finding,
                slots,
                _tense(entry),
                messy=job.fragment and job.text.split()[0].lower().endswith("ing"),
                head_signals=own,
                own_work=bool(own_verbs) or bool(later),
                bookkept=bookkept,
                kept_slip=bare_possessive(job.text, data.countable)
                or bare_person(job.prefix or job.text),
                year=job_year(entry),
                adverb=adverb.group(1) if adverb else None,
                sentence=job.sentence,
                prefix=tensed_prefix(job.prefix, _tense(entry)) if job.prefix else "",
                suffix=job.suffix,
                queue=queue,
            )
        )
    return candidates


#: The verifier's word for a later word the parse read as a verb in another form than the list's.
_NOT_OF_THE_LIST = re.compile(r"^'([^']+)' is no verb of the clause's own list$")


def _noun_kept(slots: Slots) -> Slots:
    """A later word the parse took for a verb of the list, though the person wrote it in
    another form ("Checking the overtime and leave captured by supervisors": "leave" is the
    time off), stays as written; a real slip ("Reviewed invoices and approve payments") is
    still refused by the verifier's left-behind check."""
    problem = body_problem(slots.segment, render(slots.pieces, "ing"))
    match = _NOT_OF_THE_LIST.match(problem or "")
    if match is None:
        return slots
    word = match.group(1)
    marked = [i for i, p in enumerate(slots.pieces) if p.lemma and p.text == word]
    if len(marked) != 1 or marked[0] == 0:
        return slots
    following = [p.text.lower() for p in slots.pieces[marked[0] + 1 :] if p.text.strip()]
    if following and following[0] in DETERMINERS | {"them", "it"}:
        return slots  # "... and also pick a random sample": a verb with its object, left refused
    pieces = list(slots.pieces)
    pieces[marked[0]] = dataclasses.replace(pieces[marked[0]], lemma=None)
    return dataclasses.replace(slots, pieces=tuple(pieces))


def _weak_chain(slots: Slots, data: CoachingData) -> bool:
    """The clause is a chain a ``leads`` template frames from its weak head verb."""
    return any(leads_then(template, slots.pieces) for template in data.rewrites)


def _reparse_lost_objects(
    slots_of: list[Slots],
    bare: Sequence[str],
    texts: Sequence[str],
    nlp: Language,
    known: frozenset[str],
) -> None:
    """Give a clause whose parse lost its object a second parse with its second past verb in the
    third person ("Reviewed and approved expense reports": the small model reads "approved" as an
    adjective; "approves" has the same length); keep it when it finds the object."""
    twins = {
        i: twin
        for i, slots in enumerate(slots_of)
        if slots.verb is not None and not slots.object
        for twin in [present_twin(texts[i])]
        if twin is not None
    }
    for (i, text), doc in zip(twins.items(), nlp.pipe(twins.values()), strict=True):
        changed = next(k for k, (a, b) in enumerate(zip(texts[i], text, strict=True)) if a != b)
        for token in doc:
            if token.idx <= changed < token.idx + len(token):
                token.tag_ = "VBD"  # the bullet's own past form, as the clause's list reads it
        slots = extract_slots(doc, bare[i], len(text) - len(bare[i]), known)
        if slots.object or (slots.object_heads and not slots_of[i].object_heads):
            slots_of[i] = slots


def _gerund_twins(texts: Sequence[str]) -> dict[int, str]:
    """-ing bullets with their later -ing verbs in the third person ("Handling complaints and
    escalating unresolved cases": the small model reads "escalating" as an adjective)."""
    return {i: twin for i, text in enumerate(texts) for twin in [gerund_twin(text)] if twin}


def _more_of_the_list(new: Slots, old: Slots) -> bool:
    """The second parse finds the object, or more of the list's verbs with one."""
    return bool(new.object) and (_verb_count(new) > _verb_count(old) or not old.object)


#: The last item of a comma list of plural nouns led by a word that is also a verb ("posts,
#: comments and profile photos"): the small model reads the word as a second verb.
_LISTED_NOUN = re.compile(r"\b[a-z]+s,(?: [a-z]+s,?)*+ (?:and|or) ([a-z]{3,}) [a-z]+s\b")
#: How far into a clause the list is looked for: each comma may start a search of the rest, so
#: a hostile list of thousands of items would cost their square (docs/security.md).
_LISTED_CHARS = 300


def _listed_noun_twins(
    slots_of: Sequence[Slots], texts: Sequence[str], known: frozenset[str]
) -> dict[int, str]:
    """Clauses whose object list was cut at such a word, with a made-up word of the same
    length in its place (the twin's parse tags it a noun)."""
    twins: dict[int, str] = {}
    for i, slots in enumerate(slots_of):
        match = _LISTED_NOUN.search(texts[i], 0, _LISTED_CHARS)  # a framed clause is short
        if slots.verb is not None and not slots.object and match and match.group(1) in known:
            start, end = match.span(1)
            twins[i] = texts[i][:start] + "z" * (end - start) + texts[i][end:]
    return twins


def _adopt_twins(
    slots_of: list[Slots],
    bare: Sequence[str],
    texts: Sequence[str],
    nlp: Language,
    known: frozenset[str],
    twins: Mapping[int, str],
    *,
    changed_tag: str,
    keep: Callable[[Slots, Slots], bool],
) -> None:
    """Parse each twin, lay its parse over the bullet's own words (a changed word takes
    ``changed_tag``) and keep the new slots where ``keep(new, old)`` says they read more."""
    for i, parsed in zip(twins, nlp.pipe(twins.values()), strict=True):
        doc = _laid_over(texts[i], parsed, nlp, changed_tag)
        if doc is None:
            continue
        slots = extract_slots(doc, bare[i], len(texts[i]) - len(bare[i]), known)
        if keep(slots, slots_of[i]):
            slots_of[i] = slots


def _laid_over(text: str, parsed: Doc, nlp: Language, changed_tag: str) -> Doc | None:
    """The bullet's own words with the twin's parse, token by token (None when the two split
    into different tokens); a word the twin changed takes ``changed_tag`` (its own -ing tag)."""
    from spacy.tokens import Doc

    words = nlp.tokenizer(text)
    if [len(words), *(t.whitespace_ for t in words)] != [
        len(parsed),
        *(t.whitespace_ for t in parsed),
    ]:
        return None
    changed = [a.text != b.text for a, b in zip(words, parsed, strict=True)]
    return Doc(
        nlp.vocab,
        words=[t.text for t in words],
        spaces=[bool(t.whitespace_) for t in words],
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
        tags=[changed_tag if c else t.tag_ for t, c in zip(parsed, changed, strict=True)],
        pos=[t.pos_ for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
    )


def _verb_count(slots: Slots) -> int:
    return sum(1 for piece in slots.pieces if piece.lemma)


def _compounds_kept(pieces: Sequence[Piece], compounds: Collection[str]) -> tuple[Piece, ...]:
    """A later "verb" that opens a known noun compound stays as written: "approve overrides for
    cash limits and check holds" holds on checks, not "checking holds"."""
    kept = list(pieces)
    for index in range(1, len(kept) - 1):
        piece, after = kept[index], kept[index + 1]
        if piece.lemma and f"{piece.text} {after.text}".lower() in compounds:
            kept[index] = dataclasses.replace(piece, lemma=None)
    return tuple(kept)


def _later_authoring(pieces: Sequence[Piece], opening: int, data: CoachingData) -> list[str]:
    """Authoring verbs after the opening list, except one that writes up the person's own
    reasoning ("... and wrote up my reasoning in the file", "wrote up false positive patterns")."""
    found = []
    verbs = [i for i, piece in enumerate(pieces) if piece.lemma][opening:]
    for index in verbs:
        lemma = pieces[index].lemma
        if lemma not in data.authoring:
            continue
        following = {p.text.lower() for p in pieces[index + 1 : index + 6]}
        if not following & data.reasoning_nouns:
            found.append(lemma)
    return found


def _own_signals(
    lemmas: Sequence[str],
    signal_verbs: Mapping[str, tuple[str, ...]],
    heads: Sequence[str] = (),
) -> tuple[str, ...]:
    """Signals the lexicon gives the clause's opening verbs ("Reviewed and approved X",
    "Coordinate and review X"), alone or with the object's head ("scored ... calls"); a list
    that also makes or handles the thing is the candidate's ``own_work`` and carries no framing."""
    keys = [*lemmas, *(f"{lemma} {head}" for lemma in lemmas for head in heads)]
    return tuple(dict.fromkeys(kind for key in keys for kind in signal_verbs.get(key, ())))


def _normal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def choose_rewrites(
    candidates: Sequence[Candidate], data: CoachingData, guard: GroundingGuard
) -> list[Rewrite]:
    """At most one rewrite per line and per sentence, ranked by what each adds (R001 first)."""
    built = []
    for candidate in candidates:
        rewrite = build_rewrite(candidate, data, guard, rewrite_id="R000") or build_tail(
            candidate, data, guard, rewrite_id="R000"
        )
        if rewrite is not None:
            built.append((rewrite, candidate))
    built.sort(key=lambda pair: (-pair[0].value, -pair[1].finding.score, pair[0].start))
    chosen: list[Rewrite] = []
    seen: set[str] = set()
    tails = {tail.id for tail in data.tails}
    for best, candidate in built:
        keys = {_normal(candidate.finding.text), _normal(candidate.slots.segment)}
        if keys & seen:
            continue
        if best.template in tails:
            # an ending asks a question: one of each, and few, or the page reads as a form
            ended = [r.template for r in chosen if r.template in tails]
            if best.template in ended or len(ended) >= MAX_TAILS:
                continue
        seen |= keys
        used = [r.template for r in chosen]
        worn = {t for t in used if used.count(t) >= REPEATS_BEFORE_VARYING}
        varied = None
        if best.template in worn:
            # Six lines opening "Provided human oversight by" read as boilerplate: another
            # framing that fits this line takes over, keeping the line's rank.
            varied = build_rewrite(candidate, data, guard, rewrite_id="R000", skip=worn)
        if varied is None or varied.framing != best.framing:
            chosen.append(best)
        else:
            chosen.append(dataclasses.replace(varied, value=best.value))
    return [
        dataclasses.replace(rewrite, id=f"R{number:03d}")
        for number, rewrite in enumerate(chosen[:MAX_REWRITES], start=1)
    ]


def notices(candidates: Sequence[Candidate], rewritten: set[str]) -> dict[str, str]:
    """Why the strongest unrewritten findings cannot carry a rewrite (broken sentences only)."""
    found: dict[str, str] = {}
    for candidate in sorted(candidates, key=lambda c: (-c.finding.score, c.finding.start)):
        if len(found) == MAX_NOTICES:
            break
        if candidate.prefix or candidate.finding.id in rewritten or candidate.finding.id in found:
            continue
        problem = clause_problem(candidate)
        if problem is not None and problem[0] == "broken":
            found[candidate.finding.id] = problem[1]
    return found


#: A line where the person asked for the decision instead of making it ("got approval from the
#: controller to proceed").
_ASKED_FOR_APPROVAL = re.compile(
    r"\b(?:get|gets|got|obtain\w*|request\w*|seek\w*|sought|secur\w*)\s+(?:\w+\s+){0,2}"
    r"(?:approvals?|authori[sz]ations?|sign-?offs?)\b",
    re.IGNORECASE,
)
#: Signals that name a decision the line gives the person ("giving overrides").
_DECISIONS = frozenset({"approve", "override"})


def _supporting(candidate: Candidate) -> bool:
    """The decision was someone else's: the person asked for it, or helped without deciding
    ("Assisted the branch manager with loan reviews"; not "Assist tellers ... giving overrides")."""
    if _ASKED_FOR_APPROVAL.search(candidate.slots.segment):
        return True
    helped = is_helper(candidate.slots.weak_opening) or is_helper(candidate.slots.segment)
    return helped and not _DECISIONS & set(candidate.finding.signals)


def _story_material(
    candidates: Sequence[Candidate], rewrites: Sequence[Rewrite]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Per finding: the object its signal verb acts on, the sentence to quote, and what the
    person's part in that sentence was when not a check: "own" work ("Prepared monthly reports")
    or "support" of someone else's decision ("Assisted tellers", "get approval to proceed").

    Only a clause whose own head verb carries the signal names what the person checked;
    a rewritten clause comes first.
    """
    objects: dict[str, str] = {}
    clauses: dict[str, str] = {r.finding_id: r.clause for r in rewrites if r.clause}
    for candidate in candidates:
        fid = candidate.finding.id
        slots = candidate.slots
        if not clause_signals(candidate):
            continue
        clauses.setdefault(fid, slots.segment)
        own_judgment = names_own_judgment(slots.segment)  # "Exercised sound judgment in ..."
        if (
            slots.object
            and slots.object_of_head
            and not own_judgment
            and clauses[fid].endswith(slots.segment)
        ):
            objects.setdefault(fid, slots.object)
    for candidate in candidates:  # else the first sentence that holds a signal
        clauses.setdefault(candidate.finding.id, candidate.sentence or candidate.slots.segment)
    work: dict[str, str] = {}
    for c in candidates:
        fid = c.finding.id
        if not clauses[fid].endswith(c.slots.segment):
            continue
        if _supporting(c):
            work.setdefault(fid, "support")  # "Assisted tellers ...", "got approval to proceed"
        elif c.own_work and fid not in objects and not _DECISIONS & set(c.finding.signals):
            work.setdefault(fid, "own")  # "Reconciled bank statements", "Prepared reports"
    for c in candidates:  # the quote keeps a result the rewrite kept ("..., accuracy improved")
        if c.suffix and c.sentence and clauses.get(c.finding.id) == c.slots.segment:
            clauses[c.finding.id] = c.sentence
    return objects, clauses, work


def coach(
    resume: Resume,
    findings: Sequence[Finding],
    roles: Sequence[RoleAssessment],
    *,
    nlp: Language | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[tuple[Rewrite, ...], tuple[InterviewPrompt, ...], Plan]:
    """Rewrites, SOAR prompts and the plan for one analysed resume (deterministic).

    Raises:
        LexiconError: when a coaching data file beside a custom lexicon is malformed.
    """
    if lexicon is None:
        from hitl_resume.defaults import default_lexicon

        lexicon = default_lexicon()
    data = lexicon.coaching
    guard = GroundingGuard(lexicon, resume_employers(resume))
    candidates = prepare(
        resume,
        framable(findings, lexicon),
        data,
        nlp,
        verb_signals(lexicon),
        lexicon_words(lexicon),
        name_words(lexicon),
    )
    rewrites = choose_rewrites(candidates, data, guard)
    broken = notices(candidates, {r.finding_id for r in rewrites})
    objects, clauses, work = _story_material(candidates, rewrites)
    interview = interview_prompts(
        findings,
        resume.experience,
        data.soar,
        objects,
        broken,
        clauses,
        title_words=lexicon.title_words,
        places=lexicon.places,
        work_of=work,
    )
    plan = build_plan(
        resume, findings, roles, rewrites, interview, data, lexicon.title_words, lexicon.places
    )
    return tuple(rewrites), interview, plan
