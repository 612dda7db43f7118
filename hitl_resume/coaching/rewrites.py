"""Put a governance framing before a bullet's own clause, only where it fits, and verify it.

The clause keeps every word of the bullet in its order; only its own verbs change form
("by approving, denying or pending claims"). A framing rests on a signal carried by the clause's
verbs, and "human oversight" or "human judgment" rests on a work product or decision (claims,
codes, schedules), never on laws or programs. The automation variant is offered inside the same
rewrite, with its confirmation, only for objects and years where such software was plausible.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection, Mapping, Sequence

from hitl_resume.coaching.articles import PREPOSITIONS
from hitl_resume.coaching.fixes import drop_list_colon
from hitl_resume.coaching.framable import ACCURACY_PURPOSE
from hitl_resume.coaching.grounding import GroundingGuard
from hitl_resume.coaching.results import Rewrite
from hitl_resume.coaching.segments import LIST_JOINERS, WEAK_VERBS, weak_opening_of
from hitl_resume.coaching.shapes import Candidate, clause_problem
from hitl_resume.coaching.slots import Piece, leading_lemmas, render
from hitl_resume.coaching.split import prefix_fits
from hitl_resume.coaching.verify import body_problem, mend_left_forms, repetition
from hitl_resume.language.coaching_lexicon import (
    CoachingData,
    RewriteTemplate,
    WeakOpening,
    WorkProduct,
)
from hitl_resume.language.inflect import finite, noun_lemma, verb_lemmas

MAX_WORDS = 40
#: Rank: an automation variant adds to a rewrite; a framing put mid-sentence after a kept first
#: clause costs more than that, so a framing of the whole line wins over it.
VARIANT_BONUS = 10
SPLIT_COST = 15
#: Words that name a check: a framing never adds one to a clause that already has one.
REVIEW_WORDS = frozenset(
    """review reviewer check checker checkpoint verify verification validate validation audit
    auditor inspect inspection examine proofread scrutinize accuracy""".split()  # noqa: SIM905
)
_SLOT_RE = re.compile(r"\{([a-z_]+)(?::([a-z]+))?\}")
#: "Conducted monthly audits of X": a light verb and up to three words (never "and"/"or", which
#: would make the signal word a second verb: "Complete and review X") before a signal noun.
_LIGHT_VERB = (
    r"\b((?:conduct|perform|complet|lead|led|head|run|ran|execut|carr(?:y|ie)|ensur|assur)\w*)"
    r"\s+(?:(?!and\b|or\b)[^\s,]+\s+){0,3}"
)

#: A pair of modifiers before the light verb's noun ("Performing CDD and EDD reviews").
_PAIRED = r"(?:(?:and|or|&)\s+[^\s,]+\s+)?"

#: Head verbs that name an outcome, not an action ("Ensure accuracy of all transactions"): a
#: framing over one reads as "oversight by ensuring compliance", the vague framing coaches reject.
_OUTCOME_VERBS = frozenset({"ensure", "assure", "insure"})

#: Verbs that write a reason down: with a reasoning noun as object they document a decision.
_RECORD_VERBS = frozenset(
    {"write", "record", "log", "document", "keep", "note", "enter", "add", "put"}
)

#: "Exercised sound judgment in issuing credits and making exceptions": the decisions named
#: after it are the clause's own (its SOAR prompt asks about them). Two coaches read "Acted as
#: the human decision point by exercising sound judgment" as saying it twice, so a decision
#: framing takes the judgment phrase's place ("Acted as the human decision point in issuing
#: credits ..."); no other framing is offered.
_JUDGMENT_IN = re.compile(r"^exercis\w* (?:\w+ )?judge?ment (in|when|on|by) ")
_DECISION_SIGNALS = frozenset({"approve", "override"})


def names_own_judgment(text: str) -> bool:
    """The line opens "Exercised (sound) judgment in ...": its judgment is no work object."""
    return _JUDGMENT_IN.match(text.lower()) is not None


def word_count(text: str) -> int:
    """Words as a reader counts them (punctuation-only tokens do not count)."""
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def starts_weak(text: str, weak: Sequence[WeakOpening]) -> bool:
    """True when the text opens with a weak phrase or a weak verb ("Used", "Helped")."""
    if weak_opening_of(text, weak) is not None:
        return True
    words = text.lower().split(maxsplit=1)
    return bool(words) and words[0] in WEAK_VERBS


def clause_signals(candidate: Candidate) -> tuple[str, ...]:
    """Signals carried by the clause's head verb ("Approved ..." -> approve), not by its nouns
    or a later verb ("Prepared invoices and reconciled ..." is no oversight).

    A light verb with a signal noun counts as the verb ("Conducted monthly audits" -> audit),
    and a verb that writes something down with a reasoning noun is that documentation ("Wrote
    decision rationales" -> document_reasoning), even though writing is the person's own work.
    """
    recorded = candidate.slots.verb in _RECORD_VERBS and any(
        c.kind == "signal:document_reasoning"
        and (
            c.text.lower() in (candidate.slots.object or "").lower()
            # "documented every adjustment ... so the auditors can see why": the reason is
            # what the record is for
            or (
                c.text.lower().endswith(" why")
                and c.text.lower() in candidate.slots.segment.lower()
            )
        )
        for c in candidate.finding.contributions
    )
    if candidate.own_work:
        return ("document_reasoning",) if recorded else ()
    verbs = set(candidate.slots.verb_words[:1])
    segment = candidate.slots.segment.lower()
    found = list(candidate.head_signals)
    judging = _JUDGMENT_IN.match(segment)
    for contribution in candidate.finding.contributions:
        if contribution.kind.startswith("signal:"):
            words = contribution.text.lower().split()
            light = re.search(_LIGHT_VERB + _PAIRED + re.escape(contribution.text.lower()), segment)
            judged = judging is not None and segment.find(contribution.text.lower()) >= len(
                judging.group(0)
            )
            if (words and words[0] in verbs) or (light and light.group(1) in verbs) or judged:
                found.append(contribution.kind.removeprefix("signal:"))
    if recorded:
        found.append("document_reasoning")
    return tuple(dict.fromkeys(found))


def chain_fits(template: RewriteTemplate, candidate: Candidate) -> bool:
    """Whether the clause is the chain a ``leads`` template frames: the person's own verbs, the
    head one of ``leads`` and a later one of ``then`` ("Identified errors in physician orders and
    returned them to the prescriber", "Processed returns and approved exceptions"). The line's
    signal may then sit anywhere in it, or in a participle after a comma or a joiner
    ("Handled appeals ..., reversing incorrect decisions", "reinstating or upholding").
    A ``books`` chain may open on the person's own books ("Reconciled vendor statements ... and
    reported discrepancies to the controller"): what the check found goes to someone else."""
    books = template.books and candidate.bookkept
    return (not candidate.own_work or books) and leads_then(template, candidate.slots.pieces)


def leads_then(template: RewriteTemplate, pieces: Sequence[Piece]) -> bool:
    """The head verb is one of the template's ``leads`` and a later verb, or a participle after
    a joiner, one of its ``then``; a later verb counts by every base form its word can have
    ("routed" is "rout" to the parser as often as "route")."""
    verbs = [piece for piece in pieces if piece.lemma]
    later = [
        lemma for piece in verbs[1:] for lemma in {piece.lemma, *verb_lemmas(piece.text.lower())}
    ]
    participles = [
        lemma
        for before, piece in itertools.pairwise(pieces)
        if piece.lemma is None
        and piece.text.lower().endswith("ing")
        and before.text.lower() in {",", "and", "or"}
        for lemma in verb_lemmas(piece.text.lower())
    ]
    return (
        bool(verbs)
        and (verbs[0].lemma in template.leads or _light_lead(pieces, template.leads))
        and any(lemma in template.then for lemma in [*later, *participles])
    )


def _light_lead(pieces: Sequence[Piece], leads: Collection[str]) -> bool:
    """A light head verb whose noun names the check ("Conducted monthly testing of sales
    practices", "Performed audits of ..."): the check leads the chain as its verb would."""
    words = [piece.text.lower() for piece in pieces]
    if not words or not re.match(_LIGHT_VERB, f"{words[0]} "):
        return False
    for word in words[1:5]:
        if word in LIST_JOINERS or word in PREPOSITIONS or not word.isalpha():
            return False
        if word.endswith(("ing", "s")) and set(verb_lemmas(word)) & set(leads):
            return True
    return False


def work_product(candidate: Candidate, products: Sequence[WorkProduct]) -> WorkProduct | None:
    """The work product the clause acts on: its first object noun, when no head is a rule.

    After a review or partitive noun ("Conducted reviews of all assessments", "quality assurance
    reviews on customer information", "800 pieces of user content") the product follows "of" or
    "on"; after "risk", also "for" ("analyzed risk for new business applications").
    """
    by_noun = _product_index(tuple(products))
    compound = _compound_product(candidate, products)
    if compound is not None:
        return compound  # "time cards", "job postings": the two words name the product
    heads = [noun_lemma(h) for h in candidate.slots.object_heads]
    if heads and set(heads) <= _PRONOUNS and candidate.prefix:
        # "Dispatched drivers to jobs and ... rerouting them": "them" are the kept clause's
        kept = [noun_lemma(w) for w in re.findall(r"[a-z-]+", candidate.prefix.lower())]
        heads = [word for word in kept if word in by_noun][-1:]
    if heads and heads[0] in _REVIEW_NOUNS | _PARTITIVE_NOUNS:
        joint = r" (?:of|on|for) " if heads[0] == "risk" else r" (?:of|on) "
        after = re.split(joint, candidate.slots.segment.lower(), maxsplit=1)
        listed = _LIST_END.split(after[1], maxsplit=1)[0] if after[1:] else ""
        words = [noun_lemma(w) for w in re.findall(r"[a-z]+", listed)[:_LISTED_WORDS]]
        heads = [
            word
            for word, following in itertools.pairwise([*words, ""])
            if word in by_noun and not (_is_rule(by_noun[word]) and following in by_noun)
        ]  # "vendor invoices", "customer information": a person before the noun is no rule
        if not after[1:] and candidate.slots.object:
            # "CDD and EDD reviews for ... clients", "chart audits": the words before the review
            # noun name what was reviewed
            before = re.findall(r"[a-z]+", candidate.slots.object.lower())[:-1]
            heads = [word for word in map(noun_lemma, before) if word in by_noun][:1]
    if not heads and candidate.slots.object:
        # The parse named no head ("American Express credit card that ..."): the first noun of
        # the object's opening words that names a product or a rule stands in for it.
        words = re.findall(r"[a-z-]+", candidate.slots.object.lower())[:6]
        heads = [h for h in map(noun_lemma, words) if h in by_noun][:1]
    if not heads and not candidate.slots.object:
        heads = _surface_head(candidate, by_noun)
    if not heads or any(by_noun.get(h) is not None and _is_rule(by_noun[h]) for h in heads):
        return None  # "regulations, contracts, laws": the framing would oversee the law
    # "marketing materials and advertisements": the first head that names a product
    product = next((by_noun[h] for h in heads if h in by_noun), None)
    if product is None and ACCURACY_PURPOSE.search(candidate.slots.segment):
        # "Reviewed loan packages for accuracy": what is checked for accuracy is a work product.
        product = next((p for p in products if p.automation is None and not _is_rule(p)), None)
    if product is None or _is_rule(product):
        return None
    # "prior authorization requests": a modifier may name a more specific product; the file
    # lists products from most to least specific.
    order = {p.id: index for index, p in enumerate(products)}
    # Without a pronoun-safe object the clause's opening words stand in ("balance sheet
    # schedules prepared by ..." are accounting schedules, not delivery schedules).
    phrase = candidate.slots.object or " ".join(candidate.slots.segment.split()[1:7])
    words = [noun_lemma(w) for w in re.findall(r"[A-Za-z-]+", phrase)]
    named = [by_noun[w] for w in words if w in by_noun and not _is_rule(by_noun[w])]
    if product.automation is not None:
        return product  # "billing complaints" are complaints, whatever they are about
    return min([product, *named], key=lambda p: order[p.id])


_PRONOUNS = frozenset({"they", "them", "it"})
#: How far into the phrase after "reviews of" / "risk for" a product noun is looked for ("risk
#: for Commercial CGL and Workers' Comp new business applications": the eighth word).
_LISTED_WORDS = 10
#: Where the objects after "reviews of" end: a preposition or clause word, not a list comma.
_LIST_END = re.compile(
    r"\b(?:" + "|".join(sorted(PREPOSITIONS | {"to", "which", "that", "who"})) + r")\b|[;:(]"
)
_NOUN_PHRASE_END = re.compile(
    r"\b(?:"
    + "|".join(sorted(PREPOSITIONS | {"to", "which", "that", "who", "and", "or"}))
    + r")\b|[,;:(]"
)


def _surface_head(candidate: Candidate, by_noun: Mapping[str, WorkProduct]) -> list[str]:
    """The object's head read from the words after the verbs, when the parse found none:
    the last product or rule noun before a preposition ("American Express accounts for ...")
    stands in, and any rule noun among them makes the framing unfit."""
    pieces = list(candidate.slots.pieces)
    while pieces and (pieces[0].lemma is not None or pieces[0].text.lower() in LIST_JOINERS):
        pieces.pop(0)  # the verb list and its joiners ("Counted, verified and ...")
    tail = "".join(p.text + p.space for p in pieces)
    phrase = _NOUN_PHRASE_END.split(tail.lower(), maxsplit=1)[0]
    nouns = [h for h in map(noun_lemma, re.findall(r"[a-z-]+", phrase)[:6]) if h in by_noun]
    if any(_is_rule(by_noun[h]) for h in nouns):
        return nouns
    return nouns[-1:]


def _compound_product(candidate: Candidate, products: Sequence[WorkProduct]) -> WorkProduct | None:
    """A product named by a two-word noun in the clause's object ("time cards")."""
    phrase = candidate.slots.object or " ".join(candidate.slots.segment.split()[1:8])
    words = [noun_lemma(w) for w in re.findall(r"[a-z-]+", phrase.lower())]
    pairs = {" ".join(pair) for pair in itertools.pairwise(words)}
    return next((p for p in products for noun in p.nouns if " " in noun and noun in pairs), None)


@functools.lru_cache(maxsize=8)
def _product_index(products: tuple[WorkProduct, ...]) -> Mapping[str, WorkProduct]:
    """Each noun of the lexicon's work products and the product it names (built once)."""
    return {noun: product for product in products for noun in product.nouns}


def _later_product(candidate: Candidate, products: Sequence[WorkProduct]) -> WorkProduct | None:
    """The first work product named anywhere after the verb, for an escalation whose object is
    a person ("Queried physicians when documentation did not support the diagnosis") or an
    approval whose object sits in a phrase ("Signed off on journal entries"); none when a rule
    or a group of people comes first ("Referred customers to other lines of banking")."""
    by_noun = _product_index(tuple(products))
    for word in re.findall(r"[a-z-]+", candidate.slots.segment.lower())[1:]:
        product = by_noun.get(noun_lemma(word))
        if product is not None:
            return None if _is_rule(product) else product
    return None


def _is_rule(product: WorkProduct) -> bool:
    return product.id.startswith("rule.")


#: "800 pieces of user content", "batches of claims": the product is the noun after "of".
_PARTITIVE_NOUNS = frozenset({"piece", "item", "unit", "batch", "set", "volume", "lot", "stack"})
_REVIEW_NOUNS = frozenset(
    {
        "review",
        "audit",
        "check",
        "inspection",
        "reconciliation",
        "quality",
        "accuracy",
        "integrity",
        "risk",
    }
)


def _names_rule(candidate: Candidate, data: CoachingData) -> bool:
    """The object names a law, policy or program rather than a piece of work."""
    rules = {n for p in data.products if p.id.startswith("rule.") for n in p.nouns}
    return bool(set(candidate.slots.object_heads) & rules)


def _object_fits(
    template: RewriteTemplate, candidate: Candidate, product: WorkProduct | None, data: CoachingData
) -> bool:
    """The template may rest on this clause's object, and on a clause of this shape."""
    if template.whole_line and candidate.prefix:
        return False  # "Answered questions ..., and applied human judgment by escalating ..."
    if template.objects == "work_product" and product is None:
        return False
    if product is not None and product.id in template.not_products:
        return False  # "investigating customer inquiries" is service, not oversight of work
    if template.products and (product is None or product.id not in template.products):
        return False  # "judgment to a software-generated plan" rests on schedules and routes only
    # a decision on a law is none; an object the parse left open may name work
    return template.objects != "not_rule" or not (
        (not candidate.slots.object and product is None) or _names_rule(candidate, data)
    )


def _fits(template: RewriteTemplate, candidate: Candidate, signals: Sequence[str]) -> bool:
    finding = candidate.finding
    if template.evidence == "explicit" and not finding.names_ai:
        return False
    if template.evidence == "transferable" and finding.explicit_ai:
        return False
    if template.roles and finding.role not in template.roles:
        return False
    if template.signals and not any(s in template.signals for s in signals):
        return False
    if template.requires:
        segment = " ".join(re.findall(r"[a-z-]+", candidate.slots.segment.lower()))
        words = set(segment.split())
        # "for payment": a quality gate needs the step the check comes before, not the word
        return any(
            (f" {need} " in f" {segment} ") if " " in need else need in words
            for need in template.requires
        )
    return True


def _fill(text: str, clause_ing: str, candidate: Candidate, automation: str = "") -> str:
    def substitute(match: re.Match[str]) -> str:
        name, verb = match.group(1), match.group(2)
        if name == "v" and verb:
            return finite(verb, candidate.tense)
        return {"clause_ing": clause_ing, "automation": automation}.get(name, "")

    filled = " ".join(_SLOT_RE.sub(substitute, text).split())
    return filled[:1].upper() + filled[1:]


def _joined(prefix: str, text: str) -> str:
    """The kept first clause, "and", then the framed clause ("Prepared X and provided ...")."""
    if not prefix:
        return text
    joint = ", and" if " and " in prefix else " and"  # "Worked denials and rejections, and ..."
    return f"{prefix}{joint} {text[:1].lower()}{text[1:]}"


def _framed(text: str, clause_ing: str, source: str, joint: str = "by") -> str | None:
    """The framing before the clause, when the text is framing + verified clause."""
    if not text.endswith(clause_ing):
        return None
    framing = text[: len(text) - len(clause_ing)].rstrip()
    if framing.endswith(f" {joint}") and body_problem(source, clause_ing) is None:
        return framing
    return None


def _other_software(
    candidate: Candidate, product: WorkProduct, products: Sequence[WorkProduct]
) -> bool:
    """A word of the object names a product with other software than the head's ("shipment
    contents", "billing complaints"): the question would guess which one made them."""
    if any(" " in noun for noun in product.nouns if noun in (candidate.slots.object or "").lower()):
        return False  # "medical bills": the two words name the product
    words = {noun_lemma(w) for w in re.findall(r"[A-Za-z-]+", candidate.slots.object or "")}
    return any(
        p.id != product.id
        and p.automation not in (None, product.automation)
        and words & set(p.nouns)
        for p in products
    )


def _made_by_person(candidate: Candidate, product: WorkProduct | None, data: CoachingData) -> bool:
    """The kept first clause makes the plan the framed clause changes ("Built weekly rotas and
    adjusted shifts"): "human judgment" on one's own plan is filler (both list-18 readers), so a
    framing that rests on a made plan (its template names ``products``) is not offered."""
    if not candidate.prefix or product is None:
        return False
    first, *rest = re.findall(r"[a-z-]+", candidate.prefix.lower())
    made = set(verb_lemmas(first)) & data.authoring
    return bool(made) and any(
        {noun_lemma(word), word.removesuffix("s")} & set(product.nouns) for word in rest
    )


#: What opens an object before its noun in the confirm question: an article, and a count or
#: range of the person's ("40-60 auto and property claims" -> "auto and property claims").
_COUNTED = re.compile(
    r"^(?:(?:the|each|a|an|all|around|about|approximately|over)\s+)*"
    r"(?:[-–]?\d[\d,.]*\+?(?:\s?(?:-|–|to)\s?\d[\d,.]*\+?)?\s+)?",
    re.IGNORECASE,
)


def _variant(
    template: RewriteTemplate,
    candidate: Candidate,
    product: WorkProduct | None,
    clause_ing: str,
    source: str,
    data: CoachingData,
) -> tuple[str, str] | None:
    """The automation variant and its confirmation, when plausible for the object and year."""
    products, software_words = data.products, data.software_words
    if template.alternative is None or template.confirm is None or candidate.finding.explicit_ai:
        return None
    if product is None or product.automation is None or product.since is None:
        return None
    if product.automation_roles and candidate.finding.role not in product.automation_roles:
        return None  # a moderator's "flagged seller accounts" are no bank-feed matches
    if software_words & set(re.findall(r"[a-z]+", candidate.slots.segment.lower())):
        return None  # "codes suggested by the encoder": the line already names the software
    if not candidate.slots.object:
        return None  # the parse could not delimit the object: no question to ask about it
    allowed = set(product.nouns) | {noun.split()[-1] for noun in product.nouns}
    if any(noun_lemma(head) not in allowed for head in candidate.slots.object_heads):
        return None  # "financial statements and tax audits": no software made the audits
    if _other_software(candidate, product, products):
        return None  # "shipment contents": the head says content, the modifier says freight
    owners = re.findall(r"\b(\w+) accounts?\b", candidate.slots.object.lower())
    if set(owners) & data.service_parties:
        return None  # "flagged seller accounts": a customer's account, no ledger entry
    if _made_by_people(candidate):
        return None  # "tickets from Tier 1 agents": people made them, no software did
    if candidate.year is None or candidate.year < product.since:
        return None
    text = _fill(template.alternative, clause_ing, candidate, product.automation)
    obj = _COUNTED.sub("", candidate.slots.object)  # "the -60 auto claims" asks about nothing
    confirm = (
        template.confirm.replace("{object}", obj)
        .replace("{automation}", product.automation)
        .replace("{them}", "them" if candidate.slots.object_plural else "it")
    )
    framing = _framed(text, clause_ing, source)
    if framing is None or repetition(framing, source, REVIEW_WORDS) is not None:
        return None
    return text, confirm


#: "tickets from Tier 1 agents", "returns prepared by junior staff": the line says people made
#: the object, so no question asks whether software did.
_PEOPLE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+)?(?:from|by)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:\w+(?:ers?|ors?|ists?|ants?)|staff|teams?|agents?|reps?|nurses?|physicians?|managers?)\b",
    re.IGNORECASE,
)


def _made_by_people(candidate: Candidate) -> bool:
    """The line names who made the object: after it ("from Tier 1 agents") or as its owner
    ("other tellers' cash counts", "each agent's calls")."""
    segment, obj = candidate.slots.segment, candidate.slots.object or ""
    if re.search(r"\w(?:s['’]|['’]s)(?=\s)", obj):
        return True
    at = segment.find(obj) if obj else -1
    return at >= 0 and _PEOPLE_AFTER.match(segment[at + len(obj) :]) is not None


def rewrite_of(
    candidate: Candidate,
    rewrite_id: str,
    proposed: str,
    *,
    template: str,
    framing: str,
    clause: str,
    value: int,
    confirm: tuple[str, ...] = (),
    alternative: str | None = None,
) -> Rewrite:
    """The rewrite of a candidate's sentence: its finding, offsets and tense come with it."""
    original, start, end = replaced_sentence(candidate)
    return Rewrite(
        id=rewrite_id,
        finding_id=candidate.finding.id,
        role=candidate.finding.role,
        original=original,
        proposed=proposed,
        template=template,
        framing=framing,
        needs_confirmation=confirm,
        tense=candidate.tense,
        start=start,
        end=end,
        clause=clause,
        alternative=alternative,
        value=value,
    )


def replaced_sentence(candidate: Candidate) -> tuple[str, int, int]:
    """What the rewrite replaces: its sentence of the bullet, with offsets in the resume.

    Another sentence of the same bullet is left alone (two bullets are never merged).
    """
    finding = candidate.finding
    position = finding.text.find(candidate.sentence) if candidate.sentence else -1
    if position < 0:
        return finding.text, finding.start, finding.end
    start = finding.start + position
    return candidate.sentence, start, start + len(candidate.sentence)


#: Words that may follow a party in "with <party> ...": the party ends the noun phrase there.
_PARTY_FOLLOWERS = (
    PREPOSITIONS
    | LIST_JOINERS
    | frozenset(
        [
            "to",
            "during",
            "over",
            "about",
            "regarding",
            "before",
            "after",
            "while",
            "who",
            "that",
            "which",
            "when",
            "whose",
        ]
    )
)


def _head_phrase(pieces: Sequence[Piece]) -> str:
    """The clause up to the first verb after its opening list: the opening verbs' own phrase
    ("Reviewed and approved the budget with the CFO", not "... and discussed X with Y")."""
    words = [piece for piece in pieces if piece.text.strip()]
    opening = len(leading_lemmas(words))
    verbs = [i for i, piece in enumerate(words) if piece.lemma]
    later = verbs[opening:] if len(verbs) > opening else []
    return " ".join(piece.text for piece in words[: later[0] if later else len(words)])


def context_refuses(candidate: Candidate, data: CoachingData, clause_ing: str) -> bool:
    """The clause's context makes any framing wrong: background reading, an open purpose
    (analysis, or a decision the line leaves unsaid), service with a guest, a review held with
    management, or a kept first clause the framed one would pull apart."""
    lowered = f" {candidate.slots.segment.lower()} "
    if any(f" {b} " in lowered for b in data.background):
        return True  # reading last year's papers prepares the person's own work
    if any(f" {purpose} " in lowered for purpose in data.open_purposes):
        return True  # "... to measure productivity", "for credit": nothing to frame
    # "..., collaborating with management", "... and discussed findings with the client
    # Controller": a later verb's partners are not the check's
    main = re.split(r", \w+ing\b", _head_phrase(candidate.slots.pieces).lower(), maxsplit=1)[0]
    with_party = re.search(r"\bwith (?:the |our |all |each )?([a-z]+)(?: ([a-z]+))?", main)
    if (
        with_party
        and with_party.group(1) in data.service_parties
        # "Dealt with customer queries": the party word names the queries' kind
        and (with_party.group(2) is None or with_party.group(2) in _PARTY_FOLLOWERS)
    ):
        return True  # "Review accounts and charges with guests": service, not oversight
    held_with = re.search(r"\bwith((?: [a-z&]+){1,5})", main)
    if held_with and set(held_with.group(1).split()) & data.meeting_parties:
        return True  # "Reviewed variances with finance management": a meeting, not oversight
    return bool(candidate.prefix) and (
        not prefix_fits(candidate.prefix, candidate.tense)
        or candidate.adverb is not None
        or re.search(r", \w+ing\b", clause_ing) is not None
    )  # "X and provide oversight by reviewing Y, making Z": the list comes apart


def build_rewrite(
    candidate: Candidate,
    data: CoachingData,
    guard: GroundingGuard,
    *,
    rewrite_id: str,
    skip: Collection[str] = (),
) -> Rewrite | None:
    """The highest-priority framing that fits, verifies and adds no fact; None otherwise.

    Templates in ``skip`` are passed over (a framing the resume already uses twice).
    """
    if clause_problem(candidate) is not None:
        return None
    slots = candidate.slots
    signals = clause_signals(candidate)
    chains = [t for t in data.rewrites if t.leads and chain_fits(t, candidate)]
    if not signals and not chains:
        return None
    product = work_product(candidate, data.products)
    if product is None and (
        "escalate" in signals or (not slots.object and "approve" in signals)
    ):  # "Queried physicians when documentation ...", "Signed off on journal entries"
        product = _later_product(candidate, data.products)
    clause_ing = drop_list_colon(render(slots.pieces, "ing"))
    source = drop_list_colon(slots.segment)
    if candidate.adverb:
        clause_ing = f"{candidate.adverb.lower()} {clause_ing}"
        source = f"{candidate.adverb} {source}"
    clause_ing = mend_left_forms(source, clause_ing)
    if body_problem(source, clause_ing) is not None:
        return None
    if context_refuses(candidate, data, clause_ing):
        return None
    if slots.verb in _OUTCOME_VERBS:
        return None  # "oversight by ensuring accuracy": an outcome wrapped in a label (two reads)
    if {piece.lemma for piece in slots.pieces[1:]} & data.logistics_verbs:
        return None  # "... phone screens and coordinating interviews": no framing spans logistics
    judgment = _JUDGMENT_IN.match(slots.segment.lower())
    if judgment is not None:
        if candidate.adverb or candidate.prefix or not _DECISION_SIGNALS & set(signals):
            return None
        # the judgment phrase gives way to the framing; the decisions after it stay as written
        source = clause_ing = slots.segment[judgment.end() :]
    for template in sorted(data.rewrites, key=lambda t: (-t.priority, t.id)):
        if template not in chains if template.leads else not signals:
            continue
        if template.id in skip or not _fits(template, candidate, signals):
            continue
        if not _object_fits(template, candidate, product, data):
            continue
        if template.products and _made_by_person(candidate, product, data):
            continue  # "Built weekly rotas and adjusted shifts": judgment on one's own plan
        if judgment is not None and not (
            _DECISION_SIGNALS & set(template.signals) and template.text.endswith(" by {clause_ing}")
        ):
            continue
        joint = judgment.group(1) if judgment else "by"
        text = _fill(template.text.replace(" by {", f" {joint} {{"), clause_ing, candidate)
        framing = _framed(text, clause_ing, source, joint)
        if framing is None or repetition(framing, source, REVIEW_WORDS) is not None:
            continue
        text = _joined(candidate.prefix, text) + candidate.suffix
        kept = f"{candidate.prefix} {candidate.suffix}".strip()
        if word_count(text) > MAX_WORDS or (
            kept and repetition(framing, kept, REVIEW_WORDS) is not None
        ):
            continue
        if not guard.allows(candidate.finding.text, text):
            continue  # the guard is final: an ungrounded candidate is dropped, never kept
        variant = _variant(template, candidate, product, clause_ing, source, data)
        if variant is not None:
            variant = (_joined(candidate.prefix, variant[0]) + candidate.suffix, variant[1])
        if variant is not None and (
            word_count(variant[0]) > MAX_WORDS
            or not guard.allows(candidate.finding.text, variant[0], (variant[1],))
        ):
            variant = None
        return rewrite_of(
            candidate,
            rewrite_id,
            text,
            template=template.id,
            framing=template.framing,
            clause=slots.segment if judgment else source,
            value=template.priority
            + (VARIANT_BONUS if variant else 0)
            - (SPLIT_COST if candidate.prefix else 0),
            confirm=(variant[1],) if variant else (),
            alternative=variant[0] if variant else None,
        )
    return None
