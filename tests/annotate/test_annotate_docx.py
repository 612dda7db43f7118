"""annotate_docx: comments on the user's own DOCX, decided rewrites applied, nothing else moved."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from annotate_docs import (
    BULLETS,
    DUPLICATE,
    HEADER,
    MIXED,
    NUMBERED,
    SOFT_FIRST,
    SOFT_SECOND,
    TEXTBOX_BULLET,
    TYPED,
    Paragraphs,
    W,
    all_rewrites,
    make_rewrite,
    resume_text,
    rich_resume_docx,
)
from docx_factory import header_footer_docx, table_layout_resume_docx, textbox_xml
from lxml import etree

from hitl_resume.annotate import (
    AUTHOR,
    INITIALS,
    Decision,
    Decisions,
    DecisionsError,
    annotate_docx,
)
from hitl_resume.ingest.docx_precheck import precheck_docx
from hitl_resume.ingest.docx_reader import read_docx

pytest.importorskip("PIL")


@pytest.fixture(scope="module")
def source() -> bytes:
    return rich_resume_docx()


def _decide(rewrites: list, verdict: str) -> Decisions:
    return Decisions(tuple(Decision(r.id, verdict) for r in rewrites))  # type: ignore[arg-type]


def _comments(data: bytes) -> list[tuple[str, str, str]]:
    document = docx.Document(io.BytesIO(data))
    return [(c.author, c.initials or "", c.text) for c in document.comments]


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def _canonical_parts(data: bytes) -> dict[str, bytes]:
    """Every zip member except those a comment legitimately adds to or changes."""
    changed = {
        "word/document.xml",
        "word/comments.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    }
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name in changed:
                continue
            raw = zf.read(name)
            if name.endswith((".xml", ".rels")):
                raw = _c14n(raw)
            out[name] = raw
    return out


def _ppr(p: etree._Element) -> bytes:
    ppr = p.find(W + "pPr")
    return b"" if ppr is None else etree.tostring(ppr)


def _c14n(raw: bytes) -> bytes:
    return etree.tostring(etree.fromstring(raw), method="c14n")


def _assert_opens(data: bytes) -> None:
    precheck_docx(data)
    docx.Document(io.BytesIO(data))
    read_docx(data)


def test_when_pending_then_one_comment_per_rewrite_and_text_unchanged(source: bytes) -> None:
    """The comments-only output must keep every paragraph, text and style and add N comments."""
    rewrites = all_rewrites(source)
    result = annotate_docx(source, rewrites, roles={"trust_safety": "Trust & Safety"})
    before, after = Paragraphs.of(source), Paragraphs.of(result.data)
    assert len(after.elements) == len(before.elements)
    assert after.texts() == before.texts()
    assert after.styles() == before.styles()
    assert [o.status for o in result.outcomes] == ["commented"] * len(rewrites)
    comments = _comments(result.data)
    assert len(comments) == len(rewrites) == result.comments
    assert {(a, i) for a, i, _ in comments} == {(AUTHOR, INITIALS)}
    body = next(text for _, _, text in comments if BULLETS[MIXED] in text)
    assert "Why: Names you as the human check" in body
    assert "Confirm: the items were flagged by an automated system" in body
    assert "Supports the role: Trust & Safety" in body
    assert _part(result.data, "word/document.xml").count(b"w:commentReference ") == len(rewrites)
    assert _canonical_parts(result.data) == _canonical_parts(source)
    _assert_opens(result.data)


def test_when_all_accepted_then_proposals_replace_bullets_and_rest_is_identical(
    source: bytes,
) -> None:
    """Accepted rewrites appear in place; count, styles and every other paragraph are unchanged."""
    rewrites = all_rewrites(source)
    result = annotate_docx(source, rewrites, _decide(rewrites, "accepted"))
    assert [o.status for o in result.outcomes] == ["applied"] * len(rewrites)
    before, after = Paragraphs.of(source), Paragraphs.of(result.data)
    assert len(after.elements) == len(before.elements)
    assert after.styles() == before.styles()
    for old, new in zip(before.elements, after.elements, strict=True):
        # pPr (style, numbering, section breaks) never changes, even in edited paragraphs.
        assert _ppr(old) == _ppr(new)
    changed = set()
    for index, (old_text, new_text) in enumerate(zip(before.texts(), after.texts(), strict=True)):
        if old_text != new_text:
            changed.add(index)
    expected = {i for i, t in enumerate(before.texts()) if any(o in t for o in BULLETS)}
    assert changed == expected
    text = resume_text(result.data)
    for original, proposed in BULLETS.items():
        assert proposed in text
        assert original not in text
    # The text box's two stored copies (Choice and Fallback) both carry the new text.
    xml = _part(result.data, "word/document.xml").decode()
    assert xml.count(BULLETS[TEXTBOX_BULLET]) == 2
    assert TEXTBOX_BULLET not in xml
    # Paragraphs holding no rewritten text (nor a text box that holds one) are byte-identical.
    for index, (old, new) in enumerate(zip(before.xml(), after.xml(), strict=True)):
        holds = any(p.encode() in new for p in BULLETS.values())
        if not holds:
            assert old == new, f"paragraph {index} changed"
    assert _canonical_parts(result.data) == _canonical_parts(source)
    _assert_opens(result.data)


def test_when_accepted_then_first_run_format_numbering_image_and_bookmark_are_kept(
    source: bytes,
) -> None:
    """The bullet keeps its first run's rPr, its numbering, its image and its bookmark."""
    rewrites = all_rewrites(source)
    result = annotate_docx(source, rewrites, _decide(rewrites, "accepted"))
    document = docx.Document(io.BytesIO(result.data))
    by_text = {p.text: p for p in document.paragraphs}
    mixed = by_text[BULLETS[MIXED]]
    assert mixed.style.name == "List Bullet"
    text_runs = [r for r in mixed.runs if r.text]
    assert len(text_runs) == 1
    run = text_runs[0]
    assert (run.bold, run.italic, run.font.name, run.font.size.pt) == (True, True, "Arial", 11)
    image = next(p for p in document.paragraphs if p.text.startswith("Audited 400"))
    assert image._p.find(f"{W}r/{W}drawing") is not None
    assert image._p.find(W + "bookmarkStart") is not None
    assert image._p.find(W + "bookmarkEnd") is not None
    soft = next(p for p in document.paragraphs if p.text.startswith(SOFT_FIRST))
    assert soft.text == f"{SOFT_FIRST}\n{BULLETS[SOFT_SECOND]}"
    assert len(document.sections) == 2
    assert len(document.inline_shapes) == 2


def test_when_typed_glyph_then_glyph_stays_and_text_after_it_changes() -> None:
    """A typed "•" is not part of the bullet: it must stay in front of the new text."""
    data = rich_resume_docx()
    rewrite = make_rewrite("t", TYPED, "New wording", resume_text(data))
    result = annotate_docx(data, [rewrite], _decide([rewrite], "accepted"))
    assert "• New wording" in Paragraphs.of(result.data).texts()


def test_when_list_numbering_then_num_pr_is_kept(source: bytes) -> None:
    """List Number paragraphs keep w:numPr-driven numbering through their style and pPr."""
    rewrites = all_rewrites(source)
    result = annotate_docx(source, rewrites, _decide(rewrites, "accepted"))
    name = "word/numbering.xml"
    assert _c14n(_part(result.data, name)) == _c14n(_part(source, name))
    document = docx.Document(io.BytesIO(result.data))
    numbered = next(p for p in document.paragraphs if p.text == BULLETS[NUMBERED])
    assert numbered.style.name == "List Number"


@pytest.mark.parametrize(
    ("verdict", "text", "status", "expected"),
    [
        ("edited", "My own   wording\nfor this", "edited", "My own wording for this"),
        ("rejected", None, "rejected", None),
    ],
)
def test_when_edited_or_rejected_then_user_text_or_nothing(
    source: bytes, verdict: str, text: str | None, status: str, expected: str | None
) -> None:
    """Edited uses the user's (cleaned) text; rejected leaves no comment and no change."""
    rewrite = make_rewrite("one", MIXED, BULLETS[MIXED], resume_text(source))
    decisions = Decisions((Decision("one", verdict, text),))  # type: ignore[arg-type]
    result = annotate_docx(source, [rewrite], decisions)
    assert result.outcomes[0].status == status
    texts = Paragraphs.of(result.data).texts()
    if expected is None:
        assert texts == Paragraphs.of(source).texts()
        assert _comments(result.data) == []
        assert Paragraphs.of(result.data).xml() == Paragraphs.of(source).xml()
    else:
        assert expected in texts
        assert len(_comments(result.data)) == 1
        assert "Your edited rewrite was applied" in _comments(result.data)[0][2]


def test_when_identical_bullets_then_offsets_pick_the_right_one(source: bytes) -> None:
    """Two identical bullets: the rewrite's start offset decides which one changes."""
    rewrite = make_rewrite("dup", DUPLICATE, "Second copy rewritten", resume_text(source), 1)
    result = annotate_docx(source, [rewrite], _decide([rewrite], "accepted"))
    texts = [t for t in Paragraphs.of(result.data).texts() if t in (DUPLICATE, rewrite.proposed)]
    assert texts == [DUPLICATE, "Second copy rewritten"]


def test_when_bullet_is_missing_then_skipped_with_reason(source: bytes) -> None:
    """A rewrite whose text is not in the file is reported, and the file is unchanged."""
    rewrite = make_rewrite("gone", MIXED, "x", resume_text(source))
    rewrite = type(rewrite)(**{**rewrite.to_dict(), "original": "Not in this document at all",
                               "needs_confirmation": ()})  # fmt: skip
    result = annotate_docx(source, [rewrite])
    assert result.outcomes[0].outcome == "skipped: the bullet's text was not found in the document"
    assert _comments(result.data) == []


def test_when_no_rewrites_then_bytes_are_returned_unchanged(source: bytes) -> None:
    """No suggestions: the user gets their exact file back."""
    assert annotate_docx(source, []).data == source


def test_when_bullet_is_in_header_then_comment_goes_on_first_body_paragraph() -> None:
    """Word keeps no comments in headers: the comment lands in the body and says where."""
    data = header_footer_docx()
    rewrite = make_rewrite("h", HEADER, "Jordan Example, Trust & Safety", resume_text(data))
    result = annotate_docx(data, [rewrite])
    assert result.outcomes[0].commented
    assert "About the bullet in the page header:" in _comments(result.data)[0][2]
    assert Paragraphs.of(result.data).texts() == Paragraphs.of(data).texts()
    applied = annotate_docx(data, [rewrite], _decide([rewrite], "accepted"))
    header = _part(applied.data, "word/header1.xml").decode()
    assert "Jordan Example, Trust &amp; Safety" in header
    _assert_opens(applied.data)


def test_when_table_layout_then_cell_bullets_are_applied() -> None:
    """Bullets inside (merged) table cells are found and replaced in place."""
    data = table_layout_resume_docx()
    text = resume_text(data)
    rewrites = [
        make_rewrite("a", "Labeled 40k images", "Labeled 40k images for model QA", text),
        make_rewrite("b", "Audited label quality", "Audited model label quality", text),
    ]
    result = annotate_docx(data, rewrites, _decide(rewrites, "accepted"))
    texts = Paragraphs.of(result.data).texts()
    assert "Labeled 40k images for model QA" in texts
    assert "Audited model label quality" in texts
    assert len(texts) == len(Paragraphs.of(data).texts())


def test_when_text_box_copies_differ_then_apply_is_skipped_but_commented() -> None:
    """A text box whose Fallback copy has other text is not edited (the copies would diverge)."""
    document = docx.Document()
    anchor = document.add_paragraph("Anchor")
    xml = textbox_xml(("Only line",)).replace(
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>Only line",
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>Old line",
    )
    anchor.add_run()._r.append(docx.oxml.parse_xml(xml))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    rewrite = make_rewrite("tb", "Only line", "New line", resume_text(data))
    result = annotate_docx(data, [rewrite], _decide([rewrite], "accepted"))
    outcome = result.outcomes[0]
    assert outcome.status == "skipped"
    assert outcome.commented
    assert "copies differ" in outcome.outcome
    assert b"New line</w:t>" not in _part(result.data, "word/document.xml")


def test_when_decision_names_unknown_rewrite_then_clear_error(source: bytes) -> None:
    """Decisions for rewrites the analysis does not have are refused, naming the ids."""
    rewrites = all_rewrites(source)
    decisions = Decisions((Decision("rw-99", "accepted"),))
    with pytest.raises(DecisionsError, match='"rw-99"'):
        annotate_docx(source, rewrites, decisions)


def _saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_when_bullet_spans_a_soft_break_then_both_lines_are_replaced() -> None:
    """A bullet wrapped with Shift+Enter matches across the break; the break goes with it."""
    document = docx.Document()
    document.add_paragraph("Experience", style="Heading 1")
    paragraph = document.add_paragraph(style="List Bullet")
    paragraph.add_run("Reviewed AI outputs").add_break()
    paragraph.add_run("and escalated errors")
    data = _saved(document)
    original = "Reviewed AI outputs and escalated errors"
    rewrite = make_rewrite("s", "Reviewed AI outputs", "Audited model outputs", resume_text(data))
    rewrite = type(rewrite)(**{**rewrite.to_dict(), "original": original,
                               "needs_confirmation": ()})  # fmt: skip
    result = annotate_docx(data, [rewrite], _decide([rewrite], "accepted"))
    assert result.outcomes[0].status == "applied"
    assert Paragraphs.of(result.data).texts()[1] == "Audited model outputs"
    assert Paragraphs.of(result.data).styles() == Paragraphs.of(data).styles()


def test_when_bullet_holds_a_link_then_emptied_link_is_removed() -> None:
    """Text inside a hyperlink is replaced too, and a link left without runs disappears."""
    document = docx.Document()
    paragraph = document.add_paragraph("Built ", style="List Bullet")
    link = docx.oxml.parse_xml(
        f'<w:hyperlink {docx.oxml.ns.nsdecls("w")} w:anchor="x"><w:r><w:t>the review tool'
        "</w:t></w:r></w:hyperlink>"
    )
    paragraph._p.append(link)
    data = _saved(document)
    rewrite = make_rewrite("l", "Built the review tool", "Built the HITL tool", resume_text(data))
    result = annotate_docx(data, [rewrite], _decide([rewrite], "accepted"))
    assert Paragraphs.of(result.data).texts() == ["Built the HITL tool"]
    assert b"w:hyperlink" not in _part(result.data, "word/document.xml")
