"""Inflection of lexicon phrases: verbs on the first token, nouns on the last."""

from __future__ import annotations

import pytest

from hitl_resume.language.inflect import (
    Pos,
    gerund,
    known_verb,
    past,
    plural_noun,
    same_verb,
    variants,
    verb_lemmas,
)

CASES: list[tuple[str, Pos, tuple[str, ...]]] = [
    ("review", "verb", ("reviews", "reviewed", "reviewing")),
    ("verify", "verb", ("verifies", "verified", "verifying")),
    ("validate", "verb", ("validates", "validated", "validating")),
    ("audit", "verb", ("audits", "audited", "auditing")),
    ("flag", "verb", ("flags", "flagged", "flagging")),
    ("escalate", "verb", ("escalates", "escalated", "escalating")),
    ("refer", "verb", ("refers", "referred", "referring")),
    ("sign off", "verb", ("signs off", "signed off", "signing off")),
    ("route to", "verb", ("routes to", "routed to", "routing to")),
    ("write", "verb", ("writes", "wrote", "written", "writing")),
    ("oversee", "verb", ("oversees", "oversaw", "overseen", "overseeing")),
    ("lead", "verb", ("leads", "led", "leading")),
    ("make", "verb", ("makes", "made", "making")),
    ("override", "verb", ("overrides", "overrode", "overridden", "overriding")),
    ("rewrite", "verb", ("rewrites", "rewrote", "rewritten")),
    ("feed corrections back", "verb", ("fed corrections back", "feeding corrections back")),
    ("cross-check", "verb", ("cross-checks", "cross-checked", "cross-checking")),
    ("proofread", "verb", ("proofreads", "proofreading")),
    ("apply", "verb", ("applies", "applied", "applying")),
    ("approve", "verb", ("approves", "approved", "approving")),
    ("fix", "verb", ("fixes", "fixed", "fixing")),
    ("reconcile", "verb", ("reconciles", "reconciled", "reconciling")),
    ("label", "verb", ("labels", "labeled", "labelled", "labeling", "labelling")),
    ("document rationale", "verb", ("documented rationale", "documenting rationale")),
    ("train new reviewers", "verb", ("trained new reviewers", "training new reviewers")),
    ("agree", "verb", ("agrees", "agreed", "agreeing")),
    ("tie", "verb", ("ties", "tied", "tying")),
    ("teach", "verb", ("teaches", "taught", "teaching")),
    ("claim", "noun", ("claims",)),
    ("policy", "noun", ("policies",)),
    ("process", "noun", ("processes",)),
    ("analysis", "noun", ("analyses",)),
    ("tax", "noun", ("taxes",)),
    ("medical coder", "noun", ("medical coders",)),
    ("prior authorization", "noun", ("prior authorizations",)),
    ("candidate slates", "noun", ("candidate slate",)),
    ("user reports", "noun", ("user report",)),
    ("escalation policy", "noun", ("escalation policies",)),
    ("decision criterion", "noun", ("decision criteria",)),
    ("batch", "noun", ("batches",)),
    ("day", "noun", ("days",)),
]


@pytest.mark.parametrize(("phrase", "pos", "expected"), CASES)
def test_when_inflecting_then_expected_forms_are_present(
    phrase: str, pos: Pos, expected: tuple[str, ...]
) -> None:
    """Missing forms lose real matches, so every listed form must be produced."""
    forms = variants(phrase, pos)
    assert forms[0] == phrase
    for form in expected:
        assert form in forms


@pytest.mark.parametrize("phrase", ["human-in-the-loop", "sign off", "quality assurance"])
def test_when_pos_is_phrase_then_phrase_is_returned_as_is(phrase: str) -> None:
    """Fixed phrases must not be inflected."""
    assert variants(phrase, "phrase") == (phrase,)


@pytest.mark.parametrize(("phrase", "pos"), [(p, pos) for p, pos, _ in CASES])
def test_when_inflecting_then_forms_are_unique_and_keep_other_tokens(phrase: str, pos: Pos) -> None:
    """Duplicates would bloat the matcher; untouched tokens must stay as written."""
    forms = variants(phrase, pos)
    assert len(forms) == len(set(forms))
    tokens = phrase.split()
    for form in forms:
        assert len(form.split()) == len(tokens)
        if pos == "verb":
            assert form.split()[1:] == tokens[1:]
        else:
            assert form.split()[:-1] == tokens[:-1]


def test_when_phrase_is_empty_then_it_is_returned_unchanged() -> None:
    """An empty phrase must not crash the index builder."""
    assert variants("", "verb") == ("",)


@pytest.mark.parametrize(
    ("lemma", "past_form", "ing_form"),
    [
        ("review", "reviewed", "reviewing"),
        ("oversee", "oversaw", "overseeing"),
        ("refer", "referred", "referring"),
        ("pend", "pended", "pending"),
        ("co-lead", "co-led", "co-leading"),
        ("panic", "panicked", "panicking"),
    ],
)
def test_when_coaching_retenses_a_verb_then_the_library_spells_it(
    lemma: str, past_form: str, ing_form: str
) -> None:
    """Rewrites re-inflect verbs through lemminflect; hyphenated and unknown verbs included."""
    assert (past(lemma), gerund(lemma)) == (past_form, ing_form)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("oversaw", "oversee"), ("led", "lead"), ("pended", "pend"), ("approved", "approve")],
)
def test_when_a_verb_form_is_read_then_its_base_form_is_known(word: str, lemma: str) -> None:
    """The verifier and the clause reader need a verb's base form, irregulars included."""
    assert lemma in verb_lemmas(word)
    assert same_verb(word, lemma + "s" if not lemma.endswith("s") else lemma)


@pytest.mark.parametrize(
    ("word", "plural"), [("case", "cases"), ("entries", "entries"), ("data", "data")]
)
def test_when_a_noun_is_pluralised_then_plurals_stay_as_they_are(word: str, plural: str) -> None:
    """SOAR prompts name the object in the plural without "datas" or "entrieses"."""
    assert plural_noun(word) == plural


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("authorized", ("authorized", "authorised")),
        ("analyze", ("analyze", "analyse")),
        ("prioritization", ("prioritization", "prioritisation")),
        ("size", ("size",)),  # no British form: too short a stem
        ("citizen", ("citizen",)),
        ("review", ("review",)),
    ],
)
def test_when_a_word_has_a_british_spelling_then_both_are_given(
    word: str, expected: tuple[str, ...]
) -> None:
    """CVs from the UK and India write "authorised": the lexicon's phrases match it too."""
    from hitl_resume.language.inflect import spellings

    assert spellings(word) == expected


def test_when_a_verb_phrase_is_inflected_then_british_forms_are_matched() -> None:
    forms = variants("authorize", "verb")
    assert {"authorised", "authorising", "authorises"} <= set(forms)


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("recategorize", True),  # "re" before a verb the dictionary knows
        ("recoded", True),
        ("reverified", True),
        ("revenue", False),  # "venue" is no verb
        ("regional", False),
        ("redline", False),  # "dline" is nothing
        ("review", True),  # the dictionary's own verbs as before
    ],
)
def test_when_a_verb_is_re_before_a_known_verb_then_it_is_known(word: str, known: bool) -> None:
    """Work done again ("recategorize transactions the software auto-codes wrong") is HITL
    work; the dictionary lacks many such verbs, so the line was read as having no verb."""
    assert known_verb(word) is known


@pytest.mark.parametrize("word", ["", "•", "(", "--", "1099"])
def test_when_a_word_has_no_letters_then_it_is_no_verb_and_nothing_fails(word: str) -> None:
    """A stray glyph reached the -ing check of a split ("• Resolve ..."); the library's guesser
    raised IndexError on the empty base form it was handed."""
    assert verb_lemmas(word) == ()
    assert not known_verb(word)
    assert gerund(word) == word
    assert past(word) == word
