"""Parse checks that keep a rewrite grammatical: clauses it would mis-inflect, objects it would cut.

A rewrite re-inflects the clause's coordinated verbs and may replace its object with a pronoun.
Both go wrong when the bullet's own grammar slips ("Assist tellers ... and giving overrides",
"Trained staff and assist them") or when the parse stops the object early ("AP accruals, payroll
transactions, ..." -> "them" for the first item only). These checks find such clauses so the
caller can skip them: no rewrite is better than one that copies or worsens a slip.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from hitl_resume.coaching.segments import ADJECTIVAL_PARTICIPLES, WEAK_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Words that join coordinated verbs ("reviewed, coded and paid").
JOINERS = frozenset({"and", "or", ",", "&", "/", "as", "well"})
#: Prepositions that only attach to nouns: "details about the referral" cannot become
#: "reviewing them about the referral".
NOUN_ONLY_PREPS = frozenset(
    {"about", "regarding", "concerning", "including", "like", "such", "between", "re"}
)
#: Words that never coordinate with a verb in a clean bullet ("... and responsible for").
_SLIP_WORDS = frozenset({"responsible", "accountable", "tasked", "duties"})
MAX_NOUN_PREP_WORDS = 4
#: Determiners that need a plural noun ("various journals", "several accounts").
_PLURAL_DETERMINERS = frozenset({"various", "several", "multiple", "numerous", "many"})


def _second_statement(doc: Doc, token: Token, verbs: Collection[int]) -> bool:
    """A subject after a comma with a verb of its own, outside the clause's list and not in a
    "when"/"so"/"that" clause: "..., team error rate dropped", "..., picking accuracy improved"."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.i in verbs:
        return False
    verb = token.head
    if verb.dep_ in {"relcl", "acl"} or any(c.dep_ == "mark" for c in verb.children):
        return False
    return any(t.text == "," for t in doc[max(0, token.i - 4) : token.i])


def coordination_slip(doc: Doc, first: int, verbs: Collection[int]) -> bool:
    """A conjunct of the clause's verbs that would keep its own, different form.

    "Trained staff and assist them", "Assessed work and responsible for ...", "Monitor X, and
    coordinates Y", "Assist tellers ... and giving overrides": the rewrite would inflect the
    first verb but not the second.
    """
    for token in doc[first:]:
        if token.lower_ in {"a", "an"} and token.head.tag_ in {"NNS", "NNPS"}:
            return True  # "in a competitive markets"
        if _second_statement(doc, token, verbs):
            return True  # "..., team error rate dropped from 12% to 4%": a second statement
        if token.lower_ in _PLURAL_DETERMINERS and token.head.tag_ == "NN":
            return True  # "various gross journal"
        if token.i in verbs or token.is_punct:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ in ADJECTIVAL_PARTICIPLES and after is not None and after.pos_ == "NOUN":
            continue  # "and supporting documents": a modifier, not a second verb form
        previous = doc[token.i - 1] if token.i > 0 else None
        joined = previous is not None and previous.lower_ in {"and", "or", ","}
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        compound_use = (
            token.lemma_.lower() in WEAK_VERBS
            and following is not None
            and following.pos_ == "NOUN"
            and token.tag_ in {"VB", "VBP", "NN"}
        )  # "sales and use tax audits": a noun modifier, not a verb
        if compound_use:
            continue
        participle = token.tag_ == "VBG" and previous is not None and previous.text == ","
        if joined and token.dep_ == "conj" and token.head.i in verbs and not participle:
            noun_next = following is not None and following.pos_ in {"NOUN", "PROPN"}
            if not (token.tag_ in {"VB", "VBP"} and noun_next):
                return True  # "and assist them", "and responsible for", "and coordinates"
            # "..., and pay adjustments": a noun modifier (or a slip the text keeps as written)
        if joined and token.lower_ in _SLIP_WORDS:
            return True
        if (
            previous is not None
            and previous.lower_ in {"and", "or"}  # ", evaluating results" is a fine participle
            and token.tag_ in {"VBG", "VBZ"}
            and token.head.i in verbs
            and token.dep_ in {"advcl", "xcomp", "ccomp", "dep"}
        ):
            return True
    return False


def joined_to_verb(doc: Doc, token: Token) -> bool:
    """A conjunct verb sits right after a joiner (adverbs aside): "reviewed and approved".

    "were being properly allocated" is a conj only by a misparse; nothing joins it to the head.
    """
    index = token.i - 1
    while index >= 0 and doc[index].pos_ == "ADV" and doc[index].lower_ not in JOINERS:
        index -= 1
    return index >= 0 and doc[index].lower_ in JOINERS


def hyphen_prefix(doc: Doc, token: Token) -> bool:
    """ "re" of "re-computed": a prefix glued to a hyphen, not a verb of its own."""
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is not None and not token.whitespace_ and nxt.text == "-"


def object_runs_on(doc: Doc, end: int, verbs: Collection[int]) -> bool:
    """The object's list goes on past the parse ("X, general management, TEAM building").

    After the object, a joiner must lead to another verb of the clause; a noun, adjective or
    slash means the parse stopped inside a longer list, and a pronoun would drop part of it.
    """
    index = end + 1
    if index >= len(doc):
        return False
    if doc[index].text in {"/", "&", "+"} or (doc[index].text == "-" and not doc[end].whitespace_):
        return True  # "invoices/billing", "approvals-"
    if doc[index].lower_ not in {",", "and", "or"}:
        return doc[index].tag_ == "VBZ" and index not in verbs  # "payroll feeds to ..."
    while index < len(doc) and doc[index].lower_ in {",", "and", "or"}:
        index += 1
    if index >= len(doc):
        return False
    nxt = doc[index]
    if nxt.i in verbs or nxt.pos_ in {"ADV", "SCONJ", "ADP", "PART"}:
        return False  # another verb of the clause, an adverb or a preposition
    if nxt.lower_ == "such" and index + 1 < len(doc) and doc[index + 1].lower_ == "as":
        return False  # "issues, such as harassment and discrimination": examples, no list
    joined_verb = nxt.head.i in verbs or nxt.tag_ == "VBG"  # "..., and pay X", ", ensuring Y"
    if nxt.pos_ in {"VERB", "AUX"} and joined_verb and nxt.tag_ not in {"VBN", "VBD"}:
        return False  # but ", unbilled, unearned" and "and duplicate MHA files" list on
    return nxt.is_alpha or nxt.like_num


def noun_prep_end(obj: Token, end: int) -> int | None:
    """Where the object ends once a noun-only prepositional phrase joins it (None: too long).

    "details and expectations about the referral" keeps "about the referral"; a pronoun
    cannot carry it.
    """
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_ONLY_PREPS and child.i > end:
            if child.right_edge.i - child.i + 1 > MAX_NOUN_PREP_WORDS:
                return None
            return child.right_edge.i
    return end
