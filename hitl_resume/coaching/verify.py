"""The last word on a rewrite: it must be its source clause behind a framing, nothing else.

A rewrite may add a framing and change the form of the clause's own verbs ("Approved, denied or
pended claims" -> "by approving, denying or pending claims"); every other word must be the
source's, in its form and order. A rewrite that fails is never shown.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from hitl_resume.coaching.compound_verbs import compound_prefix
from hitl_resume.coaching.segments import ADJECTIVAL_PARTICIPLES, LIST_JOINERS
from hitl_resume.language.inflect import (
    gerund,
    is_adjective,
    is_adverb,
    known_verb,
    only_verb,
    same_verb,
    stems,
    verb_lemmas,
    verb_tags,
)
from hitl_resume.language.spelling import known_word

_LEFT_BEHIND = re.compile(r"^'([a-z]+)' keeps its old form beside a re-inflected verb$")
#: A "by" this close to the framing's own "by" reads as a stutter.
_NEAR_BY = 6
_JOINED = frozenset({"and", "or", ",", "&"})
#: Words that open a clause of its own: a verb after them is that clause's, not the list's.
_CLAUSE_WORDS = frozenset(
    {"which", "that", "who", "whom", "whose", "where", "when", "while", "to", "if", "because"}
)
#: How many verbs the parse may have missed in one list before the clause is given up.
MAX_MENDS = 2
_TOKEN = re.compile(r"[A-Za-z0-9$%]+(?:['’./-][A-Za-z0-9%]+)*|[^\sA-Za-z0-9]")
_AND_OR = frozenset({"and", "or", "/"})
#: Framing words that say nothing on their own and may repeat the clause's.
_FRAMING_GLUE = frozenset(
    """a an the by of to for on in as and or with at from each every""".split()  # noqa: SIM905
)


#: Framing words a clause may say in other words: "the human decision point by making the final
#: call", "by deciding whether ..." say decision twice; "closed the feedback loop by ... feeding
#: back errors" says feedback twice.
_ECHOES = {
    "decision": ("decid", "final call", "final say"),
    "feedback": ("feed back", "feeding back", "fed back", "feeds back"),
}


def tokens(text: str) -> list[str]:
    """Words and punctuation marks, as the comparison sees them."""
    return _TOKEN.findall(text)


def _leading_run(source: list[str], changed: Collection[int]) -> int:
    """How far the clause's opening list of verbs reaches ("Reviewed, coded and paid")."""
    end = 1
    index = 1
    while index < len(source):
        if source[index].lower() in LIST_JOINERS:
            index += 1
            continue
        if index in changed:
            end = index + 1
            index += 1
            continue
        break
    return end


def _last_without_and(src: list[str], changed: Collection[int], index: int) -> bool:
    """A comma-joined verb ends a list whose earlier verbs an "and" joined ("Review X and
    verify Y, escalate Z"); "Approved or denied X, ensured Y and documented Z" goes on."""
    joined = [j for j in changed if j > 0 and src[_joiner_at(src, j)].lower() in _AND_OR]
    return any(j < index for j in joined) and not any(j > index for j in joined)


#: Adverbs between a list's joiner and its next verb that do not end in -ly ("and also pick").
_LIST_ADVERBS = frozenset({"also", "then", "later", "often", "sometimes", "still"})


def _joiner_at(src: list[str], index: int) -> int:
    """Where the joiner before a list verb sits, past manner adverbs ("and manually verify")."""
    back = index - 1
    while back > 1 and (
        src[back].lower() in _LIST_ADVERBS
        or (src[back].lower().endswith("ly") and is_adverb(src[back]))
    ):
        back -= 1
    return back


def _dictionary_verb(word: str, inflected: str) -> bool:
    """The dictionary knows the word, or its new form, as a verb ("pended": "pending"); a
    compound check verb is known by its last part ("double-checked": "checked")."""
    if "-" in word and "-" in inflected:
        word, inflected = word.rsplit("-", 1)[1], inflected.rsplit("-", 1)[1]
    return known_verb(word) or known_verb(inflected) or known_word(inflected)


def _slashed(words: list[str]) -> list[str]:
    """ "approved/denied" read as two words and a joiner, so each verb is checked."""
    return [part for word in words for part in re.split(r"(/)", word) if part]


def _compound_past(src: list[str], index: int, changed: Collection[int]) -> bool:
    """ "and phone screened 25 applicants", "and spot checked files": a past verb with a noun
    before it, after "and"/"or", that the rewrite left as written."""
    word = src[index].lower()
    after = src[index + 1].lower() if index + 1 < len(src) else ""
    return (
        index >= 2
        and src[index - 2].lower() in _AND_OR
        and index - 1 not in changed  # "and referred suspected fraud": a verb, then its object
        and src[index - 1].isalpha()
        and src[index - 1].islower()
        and not src[index - 1].endswith("s")  # "and images flagged by ...": a modified noun
        and after != "by"
        and word.endswith("ed")
        and "VBD" in verb_tags(word)
    )


def body_problem(source: str, body: str) -> str | None:
    """Why ``body`` is not ``source`` with only its verbs re-inflected (None when it is)."""
    src, out = _slashed(tokens(source)), _slashed(tokens(body))
    if not src or len(src) != len(out):
        return "words were added or dropped"
    adverb = len(src) > 1 and src[0].lower().endswith("ly") and src[0].lower() == out[0].lower()
    if adverb and is_adverb(src[0]):  # "Thoroughly reviewed ...": kept
        src, out = src[1:], out[1:]
    if not out[0].lower().endswith("ing"):
        return f"{out[0]!r} is not the -ing verb a framing's 'by' needs"
    head = src[0].lower()
    # A word the dictionary does not know as a verb leads only when it looks inflected ("pended").
    # "Fact-check", "Double-check": a compound check verb is known by its last part
    known = known_verb(head) or known_verb(head[len(compound_prefix(head)) :])
    head_tags = verb_tags(head) if known or head.endswith(("ed", "ing")) else None
    if not head_tags:
        return f"{src[0]!r} is not a verb"
    changed = {i for i, (a, b) in enumerate(zip(src, out, strict=True)) if a != b}
    if changed <= {0} and src[0].lower() == out[0].lower():
        return None  # "Reviewing and approving claims": written in -ing already, nothing changed
    run = _leading_run(src, changed)
    for index in sorted(changed):
        a, b = src[index], out[index]
        if index == 0 and a.lower() == b.lower():
            continue
        if not same_verb(a.lower(), b.lower()):
            return f"{a!r} became {b!r}"
        if not _dictionary_verb(a.lower(), b.lower()):
            return f"{a!r} is no verb the dictionary knows (an adjective or noun: 'armored car')"
        if index == 0:
            continue
        previous = src[_joiner_at(src, index)].lower()  # "and manually reviewed ..."
        if _compound_past(src, index, changed - {index - 1}):
            previous = src[index - 2].lower()  # "and phone screened": the noun is part of it
        following = src[index + 1].lower() if index + 1 < len(src) else ""
        # "Review job descriptions, make salary recommendations" / "Approved credits over $250,
        # ensured compliance and documented ...": a second clause after a comma, with an object
        # of its own, in the head's form (a base form after a base head; a past "-ed" form after
        # a past head).
        base_list = "VB" in head_tags and "VBD" not in head_tags
        first_item = src[1 : src.index(",")] if "," in src else []
        titled = bool(first_item) and first_item[-1].lower().endswith(("er", "or", "ist"))
        # a past series "reviewed X, approved Y" (not after a title: "Authorized check signer,
        # approved ...")
        a_tags = verb_tags(a.lower())
        # "..., set reserves and approved payments": a past form that is a base form too,
        # before a plural object, in a series a regular past verb goes on with
        series_goes_on = following.endswith("s") and any(
            src[j - 1].lower() in _AND_OR and src[j].lower().endswith("ed")
            for j in range(index + 2, len(src))
        )
        past_list = (
            "VBD" in head_tags
            and "VBD" in a_tags
            and (a.lower().endswith("ed") or "VB" not in a_tags or series_goes_on)
            and not titled
        )
        clause_after_comma = (
            previous == ","
            and (base_list or past_list)
            and (following.replace("-", "").isalpha() or following == "/")
            # "..., confirmed or overturned the ban": a verb pair, not the list's end
            and (following not in _AND_OR or index + 2 in changed)
        )
        joined = (
            previous in _AND_OR or (previous in LIST_JOINERS and index < run) or clause_after_comma
        )
        if not joined or not verb_tags(a.lower()) & head_tags:
            return f"{a!r} is no verb of the clause's own list"
        if clause_after_comma and _last_without_and(src, changed, index):
            # "Review X and verify Y, escalate Z": readers mark the missing "and" as kept
            return f"the list before {a!r} lacks its 'and'"
    if changed and 0 in changed:
        return _left_behind(src, changed, head_tags)
    return None


def _left_behind(src: list[str], changed: Collection[int], head_tags: frozenset[str]) -> str | None:
    """A word of the source's verb list the rewrite left in its old form beside the
    re-inflected head ("reviewing invoices, approved payments"); None when there is none."""
    # "to verify details, monitor activities, or evaluate ...": the infinitive's own list
    infinitive = next(
        (
            j
            for j in range(len(src) - 1)
            if src[j].lower() == "to" and known_verb(src[j + 1].lower())
        ),
        len(src),
    )
    for index, word in enumerate(src[1:], start=1):
        if index in changed:
            continue
        if _compound_past(src, index, changed) or (
            word.lower().endswith("'d") and src[index - 1].lower() in _AND_OR
        ):
            return f"{word!r} keeps its old form beside a re-inflected verb"
        back = _joiner_at(src, index)  # "and manually verify customer identity"
        if src[back].lower() not in _AND_OR | {","}:
            continue
        lower = word.lower()
        tags = verb_tags(lower)
        # "reviewing invoices, approved payments, and filing records": a past form left
        # between re-inflected verbs of one list
        later_changed = any(j > index for j in changed)
        # "hourly or salaried associates", "late or damaged shipments": an adjective before
        # the joiner makes the -ed word one too
        paired = back >= 1 and is_adjective(src[back - 1])
        # "overriding X when ..., documented reason in claim file": a past verb with an
        # object after a comma, left as written ("..., documented in the file" is a modifier)
        after = src[index + 1].lower() if index + 1 < len(src) else ""
        # "..., put vendor payments on hold": an irregular past left as written
        irregular_past = (
            "VBD" in tags
            and not lower.endswith("ed")
            and (lower in _SAME_FORM_PASTS or lower not in verb_lemmas(lower))
        )
        comma_past = (
            src[back] == ","
            and ((lower.endswith("ed") and tags <= {"VBD", "VBN"}) or irregular_past)
            and "VBD" in tags
            and lower not in ADJECTIVAL_PARTICIPLES
            and after.isalpha()
            and after not in _FRAMING_GLUE
        )
        past_slip = (
            "VBD" in head_tags
            and not paired
            and lower not in ADJECTIVAL_PARTICIPLES  # "shortages or damaged goods"
            and (
                (src[back] != "," and tags == {"VBD"})
                or (later_changed and "VBD" in tags and tags <= {"VBD", "VBN"})
                or comma_past
            )
        )
        # "reviewing invoices, approve payments": a word that can only be a verb, in the
        # head's form, left behind in the list
        # "querying physicians when ..., track responses": a base verb before a plural
        # object after a comma may be the list's verb left behind; a noun there ("cost
        # centers") is refused with it, never shown wrong
        comma_base = (
            src[back] == ","
            and lower.isalpha()
            and "VB" in tags
            and known_verb(lower)  # "..., such as": a guessed verb form is none
            and after.endswith("s")
        )
        # "... and re-plan work manually": a "re-" verb after the joiner is the list's verb, as
        # is a base form after "and also" ("and also pick a random sample")
        prefixed = (lower.startswith("re-") and known_verb(lower[3:])) or (
            back < index - 1 and src[index - 1].lower() in _LIST_ADVERBS and known_verb(lower)
        )
        base_slip = (
            "VBD" not in head_tags
            and index <= infinitive
            and (only_verb(lower) or comma_base or prefixed)
            and bool(tags & head_tags)
        )
        # "reviewing invoices, approve payments and filing records": a word that can only be
        # a verb, in its base form, left in a past list
        base_in_past = (
            "VBD" in head_tags
            and only_verb(lower)
            and not tags & {"VBD", "VBN", "VBG"}
            and not _CLAUSE_WORDS & {w.lower() for w in src[:index]}
        )  # "... when it misroutes customers or gives the wrong answer" has its own subject
        if past_slip or base_slip or base_in_past:
            return f"{word!r} keeps its old form beside a re-inflected verb"
    return None


#: Irregular verbs whose past is their base form: after a comma in a past list, the past.
_SAME_FORM_PASTS = frozenset({"put", "set", "cut", "let", "shut", "hit", "split", "spread"})


#: Words before a number in a measure ("by around 20%", "by over $5K").
_APPROXIMATORS = frozenset(
    ["around", "about", "approximately", "approx", "roughly", "nearly", "almost", "over", "up"]
)


def repetition(framing: str, source: str, review_words: Collection[str]) -> str | None:
    """A framing word the clause already says, or a second review word (None when clean).

    "Served as the accuracy check ..., reviewing them to ensure accuracy" says it twice.
    """
    source_stems = set().union(*(stems(w) for w in tokens(source) if w.replace("-", "").isalpha()))
    lowered = source.lower()
    for word in tokens(framing):
        if not word.isalpha() or word.lower() in _FRAMING_GLUE:
            continue
        if stems(word) & source_stems:
            return f"the framing repeats {word!r}"
        if any(echo in lowered for echo in _ECHOES.get(word.lower(), ())):
            return f"the clause already says {word!r} in other words"
    near = tokens(source)[: _NEAR_BY + 1]
    if framing.endswith(" by") and (
        re.search(r"\bby \w+ing\b", source, re.IGNORECASE)
        or any(
            word.lower() == "by"
            and not before.lower().endswith(("ed", "en"))
            and not after[:1].isdigit()
            and after.lower() not in _APPROXIMATORS
            for before, word, after in zip(near, near[1:], near[2:], strict=False)
        )
    ):  # "by handling inbound queries by phone and email"; "posts flagged by X" is an agent;
        # "cutting wrongful cancellations by 30%" is a measure
        return "the clause already says how ('by ...'); a second 'by' reads badly"
    framing_review = {w.lower() for w in tokens(framing)} & set(review_words)
    if framing_review and source_stems & set(review_words):
        return "the clause already says review; the framing says it again"
    return None


def mend_left_forms(source: str, body: str) -> str:
    """``body`` with the list verbs the parse missed put in the -ing form too.

    "Reviewed resumes and phone screened 25+ applicants": the parse reads "screened" as a
    modifier, so the -ing clause keeps it; the verifier finds it, and when it is in the head
    verb's own form (the source's list is consistent: no slip of the person's) it is mended to
    "screening". Only a past list is mended: a base form may be a noun ("..., batch records"),
    and a word in another form than the head's is left for the verifier to refuse.
    """
    src = tokens(source)
    head_tags = verb_tags(src[0].lower()) if src else frozenset()
    joined = [word.lower() for before, word in itertools.pairwise(src) if before.lower() in _JOINED]
    if any(only_verb(word) and not verb_tags(word) & head_tags for word in joined):
        return body  # "Reviewed invoices, approve payments": the person's own slip stays refused
    for _ in range(MAX_MENDS):
        problem = body_problem(source, body)
        match = _LEFT_BEHIND.match(problem or "")
        if match is None:
            break
        word = match.group(1)
        lemmas = verb_lemmas(word)
        if not (known_verb(word) and lemmas and "VBD" in verb_tags(word) & head_tags):
            break  # only a past list: a base form after a comma may be a noun ("batch records")
        found = list(re.finditer(rf"\b{re.escape(word)}\b", body))
        if len(found) != 1:
            break  # the word twice: which one the verifier meant is unclear
        if _CLAUSE_WORDS & {w.lower() for w in tokens(body[: found[0].start()])}:
            break  # "... records which applied billing and generated invoices": not the list's
        spot = found[0]
        body = f"{body[: spot.start()]}{gerund(lemmas[0])}{body[spot.end() :]}"
    return body
