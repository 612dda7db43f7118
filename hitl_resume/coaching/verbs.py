"""The clause's verbs: base forms checked against the lexicon, and the verbs coordinated with
the head ("reviewed, coded and paid"), told apart from nouns and modifiers the tagger misreads.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hitl_resume.coaching.agreement import hyphen_prefix, joined_to_verb
from hitl_resume.coaching.segments import (
    ADJECTIVAL_PARTICIPLES,
    ADJECTIVE_PARTICIPLES,
    DETERMINERS,
    LIST_JOINERS,
    LIST_VERBS,
    PLURAL_OBJECT_VERBS,
    WEAK_VERBS,
)
from hitl_resume.language.inflect import known_verb, verb_lemmas, verb_tags

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token


@functools.lru_cache(maxsize=4)
def verb_index(nlp: Language) -> frozenset[str]:
    """Known English verb base forms from the pipeline's lemmatizer tables (empty if none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def lemma_of(token: Token, known: frozenset[str] = frozenset()) -> str:
    """The verb's base form from lemminflect, preferring one the pipeline knows as a verb."""
    word = token.lower_
    candidates = verb_lemmas(word)
    for candidate in candidates:
        if candidate in known:
            return candidate
    if candidates:
        return candidates[0]
    return token.lemma_.lower() or word


_FORM_GROUPS = ({"VB", "VBP"}, {"VBD", "VBN"}, {"VBG"}, {"VBZ"})


def _same_form(head: Token, other: Token) -> bool:
    """Coordinated verbs share a form ("review ... and validate"); "40+ claims" is no verb."""
    return any(head.tag_ in group and other.tag_ in group for group in _FORM_GROUPS)


def _noun_modifier(token: Token) -> bool:
    """ "sales and use tax audits": a weak verb before a noun modifies it, it is no verb."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    weak = token.lemma_.lower() in WEAK_VERBS or token.lower_ in WEAK_VERBS
    return weak and following is not None and following.pos_ == "NOUN"


def _slipped_form(head: Token, other: Token, known: frozenset[str]) -> bool:
    """A conjunct verb in the wrong form ("Trained staff and assist them"): re-inflect it too.

    Only a base or past form before no noun: "..., and pay adjustments" may name a noun.
    """
    doc = other.doc
    following = doc[other.i + 1] if other.i + 1 < len(doc) else None
    if following is not None and following.pos_ in {"NOUN", "PROPN"}:
        return False
    if not known or lemma_of(other, known) not in known:
        return False
    if other.tag_ in {"NN", "NNS"}:
        # "..., and label as required", "and coordinates testing": a verb tagged as a noun,
        # told apart from a listed noun ("..., and expenses") by arguments of its own.
        verb_next = other.tag_ == "NN" and following is not None and following.pos_ in _VERB_NEXT
        return verb_next or any(c.dep_ in _VERB_ARGUMENTS for c in other.children)
    forms = {"VB", "VBP"} if head.tag_ in {"VBD", "VBN"} else {"VBD"}
    return other.tag_ in forms


_VERB_ARGUMENTS = frozenset({"dobj", "advcl", "xcomp", "ccomp", "acl", "mark", "prt"})
#: What follows a singular verb mis-tagged as a noun ("and label as required", "file the").
_VERB_NEXT = frozenset({"ADP", "SCONJ", "DET", "PRON"})


def _modifier_or_infinitive(token: Token) -> bool:
    """An adjective ("federal") or an infinitive ("to confirm"): its conjuncts are no verbs of
    the clause's own list."""
    if token.pos_ == "ADJ":
        return True
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _infinitive_or_list(head: Token) -> int | None:
    """Where the clause's first infinitive stands when an "or" list follows it ("Review records
    to verify details, monitor work activities, or evaluate performance"): base-form verbs after
    it are the infinitive's alternatives, whatever the parser hung them on. An "and" list stays
    the clause's own duties ("... to determine income, assess hardship, and determine ...").
    One pass over the clause (None when there is no such infinitive)."""
    doc = head.doc
    for token in doc[head.i + 1 :]:
        if token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            joiner = next((t.lower_ for t in doc[token.i + 1 :] if t.lower_ in {"and", "or"}), None)
            return token.i if joiner == "or" else None
    return None


_RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "whose"})


def leading_list(head: Token, known: frozenset[str] = frozenset()) -> list[Token]:
    """The verbs listed right after the head ("Counted, verified and handled deposits"), read
    from their forms: the small model often hangs such a list on a later word.

    Each must be a dictionary verb in a form the head shares (past beside past, base beside
    base) and follow only commas and "and"/"or" from the head or the verb before it.
    """
    doc = head.doc
    head_tags = verb_tags(head.lower_)
    found: list[Token] = []
    index = head.i + 1
    while index < len(doc):
        start = index
        while index < len(doc) and doc[index].lower_ in LIST_JOINERS:
            index += 1
        if index == start or index >= len(doc):
            break
        token = doc[index]
        if not token.is_alpha or not known_verb(token.lower_):
            break
        if not verb_tags(token.lower_) & head_tags - {"VBN"} or (
            known and lemma_of(token, known) not in known
        ):
            break
        found.append(token)
        index += 1
    return found


def _in_relative_clause(token: Token, found: Sequence[Token]) -> bool:
    """The token belongs to a clause that modifies a noun, or to an adverbial clause with a
    subject of its own ("when it misroutes customers or gives the wrong answer"), below the
    clause's verbs."""
    for ancestor in [token, *token.ancestors]:
        if ancestor in found:
            return False
        if ancestor.dep_ in {"relcl", "acl"}:
            return True
        if ancestor.dep_ == "advcl" and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ != "i" for c in ancestor.children
        ):
            return True
    return False


def _joiner_before(token: Token) -> Token:
    """The word before the token, past one manner adverb ("and manually reviewed X")."""
    doc = token.doc
    previous = doc[token.i - 1]
    adverb = previous.tag_ == "RB" and previous.lower_.endswith("ly")
    if adverb and token.dep_ == "conj" and token.i >= 2:  # not "was correctly recorded"
        return doc[token.i - 2]
    return previous


#: How far past a base-looking past form ("set") the series' next regular past verb may come.
_SERIES_WINDOW = 12


def _irregular_past(token: Token, previous: Token) -> bool:
    """ "Signed off on entries, sent back 10%": an irregular past form that is no base form
    too continues a comma series. One that is ("set", "cut" could be nouns) does only before a
    plural object in a series a regular past verb goes on with ("..., set reserves and approved
    payments"; not "..., cost centers and budgets")."""
    tags = verb_tags(token.lower_)
    if previous.lower_ != "," or "VBD" not in tags:
        return False
    if "VB" not in tags:
        return True
    doc = token.doc
    plural_object = token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "NNS"
    # a window, not the rest of the text: a hostile run of ", set X" stays linear
    regular_later = any(
        doc[i - 1].lower_ in {"and", "or"} and doc[i].lower_.endswith("ed")
        for i in range(token.i + 2, min(len(doc), token.i + _SERIES_WINDOW))
    )
    return plural_object and regular_later


def _past_series(token: Token, found: Sequence[Token]) -> bool:
    """ "Investigated claims, reviewed photos, approved payments and referred the rest": after a
    comma, a past form is the next verb of a series when the item before the comma opened with
    one of the clause's verbs (", fixed assets" and ", related documents" are caught before)."""
    doc = token.doc
    start = token.i - 2
    while start > 0 and doc[start - 1].text != "," and doc[start - 1] not in found:
        start -= 1
    opener = doc[start - 1] if start > 0 and doc[start - 1] in found else doc[start]
    return opener in found


def coordinated_verbs(head: Token, known: frozenset[str] = frozenset()) -> list[Token]:
    """The head verb and the verbs coordinated with it ("approved, denied or pended")."""
    found = [head]
    queue = [head]
    infinitive = _infinitive_or_list(head)

    def after_infinitive(verb: Token) -> bool:
        return infinitive is not None and verb.i > infinitive and verb.tag_ == "VB"

    while queue:
        current = queue.pop()
        for child in current.children:
            if (
                child.dep_ == "conj"
                and (_same_form(head, child) or _slipped_form(head, child, known))
                and child.i > head.i
                and joined_to_verb(child.doc, child)
                and not hyphen_prefix(child.doc, child)
                and not _noun_modifier(child)
                and child.lower_ not in ADJECTIVAL_PARTICIPLES
                and not ADJECTIVE_PARTICIPLES.match(child.doc[child.i :].text)
                and not after_infinitive(child)
            ):
                found.append(child)
                queue.append(child)
    found += [t for t in leading_list(head, known) if t not in found]
    # Coordinated verbs the parser attached elsewhere ("... queries and track responses",
    # "reviewed schedules and adjusted routes"): after "and"/"or", a form matching the head's.
    doc = head.doc
    # "Overrode ...": an irregular past the tagger may read as present is past all the same
    past_head = (
        head.tag_ == "VBD" or head.lower_.endswith("ed") or verb_tags(head.lower_) == {"VBD"}
    )
    for token in doc[head.i + 1 :]:
        if token.lower_ in _RELATIVE_PRONOUNS:
            break  # "records which applied billing and generated invoices": their verbs
        previous = _joiner_before(token)
        if previous.lower_ not in {"and", "or", ",", "/"} or token in found or not token.is_alpha:
            continue
        glued = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
        if len(token) < 3 or glued:
            continue  # "re-computed": a prefix, not a verb
        if token.lemma_.lower() in WEAK_VERBS or token.lower_ in WEAK_VERBS:
            continue  # "sales and use tax": a weak verb would never lead a rewrite anyway
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ in ADJECTIVAL_PARTICIPLES and nxt is not None and nxt.pos_ == "NOUN":
            continue  # "and attached receipts": most likely a modifier, never re-inflected
        # "Review X, approve Y, and forward Z": the last of a comma list of verbs, whatever
        # its tag, is the list's verb too
        list_tail = (
            len(found) >= 2
            and previous.lower_ in {"and", "or"}
            and token.i >= 2
            and doc[token.i - 2].text == ","
            and token.lower_ in known
        )
        # "and correct errors", "and dispute overcharges": verbs the parser reads as modifiers
        list_verb = token.lower_ in LIST_VERBS or (
            token.lower_ in PLURAL_OBJECT_VERBS and nxt is not None and nxt.tag_ == "NNS"
        )
        if (
            not past_head
            and not list_tail
            and not list_verb
            and token.dep_ in {"compound", "amod"}
            and token.head.i > token.i
        ):
            continue  # "sales and use tax audits": a modifier, not a verb
        # "posts flagged by X and confirm Y", "accounts flagged by X, confirmed or overturned
        # the ban": the parser hangs the person's next verb on the participle
        misattached = (
            not past_head
            and token.tag_ == "VB"
            and (
                token.head.tag_ == "VBN"
                or token.head in found
                # "... when appropriate and document the reason": a base verb with an object
                or (nxt is not None and nxt.lower_ in DETERMINERS)
            )
        ) or (
            past_head
            and (
                (previous.lower_ == "," and _past_series(token, found))
                or (token.dep_ == "conj" and token.head in found)
            )
        )
        if (
            token.dep_ == "conj"
            and token.head not in found
            and _modifier_or_infinitive(token.head)
            and not misattached  # "posts flagged by X and confirm Y": no base form joins "flagged"
        ):
            continue  # "federal and state laws", "to confirm and enforce": joined to another word
        if _in_relative_clause(token, found) and not misattached:
            continue  # "records which applied billing ... and generated invoices": not ours
        if after_infinitive(token):
            continue  # "to verify details, monitor activities": the infinitive's list
        if ADJECTIVE_PARTICIPLES.match(doc[token.i :].text):
            continue  # "... and agreed upon procedures": an audit term, not a verb
        if past_head:
            # "and adjusted routes" is a verb; ", fixed assets" in a list is not, nor is the
            # second of two participles that modify one noun ("on rejected and warned items").
            before = doc[token.i - 2] if token.i >= 2 else None
            # "late or damaged shipments": an adjective before "or" makes the -ed word one too;
            # a predicate adjective does not ("when the location was wrong and updated records")
            paired = (
                before is not None
                and before.dep_ != "acomp"
                and (
                    (before.lower_.endswith("ed") and before not in found)
                    or before.tag_ == "JJ"
                    or before.dep_ == "amod"
                )
            )
            is_verb = (
                (previous.lower_ != "," or _past_series(token, found))
                and not paired
                and (
                    (token.lower_.endswith("ed") and token.tag_ in {"VBD", "VBN", "JJ"})
                    or (_irregular_past(token, previous) and token.tag_ in {"VBD", "VBN", "VB"})
                )
            )
        else:
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            is_verb = (
                token.tag_ in {"VB", "VBP"}
                or (
                    previous.lower_ in {"and", "or", ","}
                    and (
                        list_verb
                        # "and document the reason": a determiner opens the verb's object
                        or (following is not None and following.lower_ in DETERMINERS)
                    )
                )
                or (head.tag_ == "VBZ" and token.tag_ == "VBZ")
                or (previous.lower_ != "," and token.tag_ == "VBD")
                # "... and flag unusual decisions": a known verb tagged as a noun
                or (
                    token.tag_ == "NN"
                    and token.lower_ in known
                    # "background and reference checks": a noun joined to a noun
                    and not (token.dep_ == "conj" and token.head.pos_ in {"NOUN", "PROPN"})
                    and following is not None
                    and (
                        following.pos_ in {"ADJ", "DET"}
                        or (
                            following.pos_ == "NOUN"
                            and token.dep_ not in {"compound", "amod", "nmod"}
                        )
                    )
                )
                or list_tail
            )
        if is_verb and (
            not known_verb(token.lower_) or (known and lemma_of(token, known) not in known)
        ):
            is_verb = False  # "payroll", "variance", "armored": nouns and adjectives, no verbs
        if is_verb:
            found.append(token)
    return found
