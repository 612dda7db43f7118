"""Reduce pasted HTML to plain text before any NLP (docs/security.md T-01, E-09)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SKIP_TAGS = frozenset(
    {"script", "style", "head", "title", "noscript", "template", "svg", "iframe"}
)
_TAG_HINT_RE = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when the text carries at least a couple of real tags."""
    return len(_TAG_HINT_RE.findall(text[:20_000])) >= 2


def html_to_text(text: str) -> str:
    """Return the visible text of an HTML fragment, block elements on their own lines.

    Script and style contents are dropped; the result is only ever treated as text.
    """
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    joined = "".join(collector.parts)
    lines = [" ".join(line.split()) for line in joined.split("\n")]
    return "\n".join(line for line in lines if line)


_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_MD_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:[^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_MD_LINK_DEF_RE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE)
_MD_AUTOLINK_RE = re.compile(r"<(https?://[^>\s]+)>")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS_RE = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_MD_CODE_RE = re.compile(r"`([^`\n]+)`")
_MD_FENCE_RE = re.compile(r"^[ \t]*(```|~~~).*$", re.MULTILINE)
_MD_BULLET_RE = re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE)
_MD_RULE_RE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_MD_QUOTE_RE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_MD_TABLE_RULE_RE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE
)
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_HINTS = (_MD_HEADING_RE, _MD_LINK_RE, _MD_STRONG_RE, _MD_IMAGE_RE)


def looks_like_markdown(text: str) -> bool:
    """True when the text carries Markdown marks a reader should not see (#, [x](url), **x**)."""
    sample = text[:20_000]
    return sum(len(pattern.findall(sample)) for pattern in _MD_HINTS) >= 2


def markdown_to_text(text: str) -> str:
    """Return what a rendered Markdown paste shows: headings, link text and bullets, no marks.

    ``# [Title](https://…)`` becomes ``Title``; list items become "• " lines; code spans keep
    their text. Line structure is kept so section headings still start their own line.
    """
    text = _MD_FENCE_RE.sub("", text)
    text = _MD_LINK_DEF_RE.sub("", text)
    text = _MD_TABLE_RULE_RE.sub("", text)
    text = _MD_RULE_RE.sub("", text)
    text = _MD_HEADING_RE.sub(r"\1", text)
    text = _MD_QUOTE_RE.sub("", text)
    text = _MD_BULLET_RE.sub(r"\1• ", text)
    text = _MD_IMAGE_RE.sub(r"\1", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _MD_REF_LINK_RE.sub(r"\1", text)
    text = _MD_AUTOLINK_RE.sub(r"\1", text)
    text = _MD_CODE_RE.sub(r"\1", text)
    text = _MD_STRONG_RE.sub(r"\2", text)
    text = _MD_EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), text)
    text = _MD_ESCAPE_RE.sub(r"\1", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(
        line.replace(" | ", " · ").strip("|").strip() if "|" in line else line for line in lines
    )
