"""Find the candidate's name, e-mail, phone and links, header area first, then the whole text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hitl_resume.models import Contact
from hitl_resume.structure.text import TextLine

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}(?![\w])"
    r"|(?<![\w+])\+\d{1,3}[\s.-]?\d{2,4}(?:[\s.-]\d{2,4}){2,3}(?!\w)"
)
_URL = re.compile(
    r"(?:https?://|mailto:)[^\s<>\"']{1,300}"
    r"|(?<![\w@./])(?:www\.)?(?:linkedin\.com/in/|github\.com/)[^\s<>\"']{1,200}",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[A-Z][a-zA-Z'’-]*\.?|[A-Z]\.")
_NOT_NAME = frozenset(
    {
        "resume", "résumé", "curriculum", "vitae", "cv", "profile", "contact", "summary",
        "objective", "page", "phone", "email", "address", "mobile", "name", "company",
        "city", "state", "experience", "education", "skills", "manager", "specialist",
        "analyst", "assistant", "director", "engineer", "accountant", "nurse", "consultant",
    }
)  # fmt: skip


def _looks_like_name(text: str) -> bool:
    """Return whether a line reads like a person's name: 2-4 capitalised words, no digits/@."""
    words = text.split()
    if not 2 <= len(words) <= 4 or any(c.isdigit() or c in "@/|:,()" for c in text):
        return False
    if any(w.lower().strip(".") in _NOT_NAME for w in words):
        return False
    return all(_NAME_WORD.fullmatch(w) for w in words)


def _clean_link(link: str) -> str:
    link = link.rstrip(".,;:!?)]}>'\"")
    if not link.lower().startswith(("http://", "https://", "mailto:")):
        link = "https://" + link
    return link


# International forms the pattern above misses: "+91 98765 43210", "0091 ...", "+7 (912) 345-67-89",
# "050-1234567", "9876543210".
_PHONE_ANY = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d{1,5}\)?(?:[ .-]?\(?\d{1,5}\)?){1,6}(?!\w)")
_YEAR_GROUP = re.compile(r"(?:19|20)\d\d")


def _phone(text: str) -> str | None:
    for match in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in match.group())
        if 10 <= digits <= 15:
            return match.group().strip()
    for match in _PHONE_ANY.finditer(text):
        found = match.group().strip()
        digits = sum(c.isdigit() for c in found)
        groups = re.findall(r"\d+", found)
        if all(_YEAR_GROUP.fullmatch(g) for g in groups):
            continue  # "2015 2019": years, not a number
        low = 8 if found.startswith(("+", "00")) else 9
        if low <= digits <= 15:
            return found
    return None


def find_contact(header: Sequence[TextLine], full_text: str) -> Contact:
    """Return the contact details, preferring what the header area holds."""
    name = next(
        (
            line.stripped
            for line in header[:8]
            if not line.blank and _looks_like_name(line.stripped)
        ),
        None,
    )
    header_text = "\n".join(line.text for line in header)
    email = next((m.group() for m in _EMAIL.finditer(header_text)), None) or next(
        (m.group() for m in _EMAIL.finditer(full_text)), None
    )
    phone = _phone(header_text) or _phone(full_text)
    links: list[str] = []
    for source in (header_text, full_text):
        for match in _URL.finditer(source):
            link = _clean_link(match.group())
            if link not in links and "@" not in link.split("//", 1)[-1].split("/")[0]:
                links.append(link)
        if links:
            break
    return Contact(
        name=name, email=email.rstrip(".") if email else None, phone=phone, links=tuple(links)
    )
