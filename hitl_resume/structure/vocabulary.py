"""The structure vocabulary of the lexicon the current ``build_resume`` call was handed.

Headings, job-title words, entry-field labels and places are read deep inside the structure
helpers; rather than pass the lexicon through every one of them, ``build_resume`` makes it the
active one for the duration of the build (a context variable, so concurrent builds in threads
each see their own). Outside a build the helpers read the bundled lexicon. No module keeps a
copy of lexicon data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hitl_resume.language.lexicon_loader import Lexicon
    from hitl_resume.language.structure_lexicon import FieldLabels, HeadingLexicon, Places

_ACTIVE: ContextVar[Lexicon | None] = ContextVar("hitl_resume_structure_lexicon", default=None)


@contextmanager
def using(lexicon: Lexicon) -> Iterator[None]:
    """Make ``lexicon`` the one the structure helpers read until the block ends."""
    token = _ACTIVE.set(lexicon)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_lexicon() -> Lexicon:
    """The lexicon of the running build, or the bundled one outside a build."""
    lexicon = _ACTIVE.get()
    if lexicon is None:
        from hitl_resume.defaults import default_lexicon

        lexicon = default_lexicon()
    return lexicon


def headings() -> HeadingLexicon:
    """Section headings of the active lexicon."""
    return active_lexicon().headings


def title_words() -> frozenset[str]:
    """Words that mark a job title, of the active lexicon."""
    return active_lexicon().title_words


def field_labels() -> FieldLabels:
    """Entry-field and personal-detail labels of the active lexicon."""
    return active_lexicon().field_labels


def places() -> Places:
    """Countries and large cities of the active lexicon."""
    return active_lexicon().places
