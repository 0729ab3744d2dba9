"""Highlights, notes and colours on a real archive of the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.errors import InvalidInputError, NotFoundError
from archivist.core.extract.base import Page
from tests.conftest import MANBIJ_SEED

QUOTE = "were brutally killed"


def manbij_id(archive: Archive) -> int:
    return next(d.id for d in archive.list_documents() if archive.get(d.id).original_name == MANBIJ_SEED.name)


def test_highlight_with_note_is_listed_with_page_colour_note(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    made = seeded_archive.annotations.add_highlight(doc, quote=QUOTE, note="45 civilians, per SANA")
    [listed] = seeded_archive.annotations.highlights(doc)
    assert listed == made
    assert (listed.quote, listed.page, listed.color, listed.note, listed.orphan) == (
        QUOTE, "1", "yellow", "45 civilians, per SANA", False)
    text = seeded_archive.content(doc).text
    assert text[listed.start : listed.end] == QUOTE
    assert listed.prefix == text[listed.start - 32 : listed.start] and len(listed.suffix) == 32
    assert listed.text_version == seeded_archive.get(doc).text_version


def test_quote_is_found_with_whitespace_and_case_ignored(seeded_archive: Archive) -> None:
    made = seeded_archive.annotations.add_highlight(manbij_id(seeded_archive), quote="  WERE brutally\n killed ")
    assert made.quote == QUOTE  # the document's own text is stored, not what was typed


def test_highlight_by_offsets_is_trimmed(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    text = seeded_archive.content(doc).text
    start = text.index(QUOTE)
    made = seeded_archive.annotations.add_highlight(doc, start=start - 1, end=start + len(QUOTE), color="red")
    assert (made.start, made.end, made.quote, made.color) == (start, start + len(QUOTE), QUOTE, "red")


def test_highlight_survives_reindex(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    made = seeded_archive.annotations.add_highlight(doc, quote=QUOTE, note="n")
    seeded_archive.reindex()
    assert seeded_archive.annotations.highlights(doc) == [made]


def test_highlight_survives_reextraction_with_shifted_text(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    made = seeded_archive.annotations.add_highlight(doc, quote=QUOTE, note="n")
    original = seeded_archive.content(doc).text
    shifted = "An editor's note added before the article.\n\n" + " ".join(original.split(" "))
    report = seeded_archive.replace_text(doc, shifted, [Page(0, "1")])
    [moved] = seeded_archive.annotations.highlights(doc)
    assert report.refound == 1 and not report.orphaned
    assert moved.start == made.start + len("An editor's note added before the article.\n\n")
    assert shifted[moved.start : moved.end] == QUOTE and not moved.orphan and moved.note == "n"
    assert seeded_archive.get(doc).text_version == moved.text_version != made.text_version
    assert seeded_archive.search('"editor\'s note added"').total == 1  # the document was reindexed
    seeded_archive.re_extract(doc)  # the extractor again: back to the original text
    [back] = seeded_archive.annotations.highlights(doc)
    assert (back.start, back.end, back.text_version) == (made.start, made.end, made.text_version)


def test_highlight_on_later_page_gets_its_label(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    text = seeded_archive.content(doc).text
    second = text.index(QUOTE) - 10
    seeded_archive.replace_text(doc, text, [Page(0, "i"), Page(second, "ii")])
    assert seeded_archive.annotations.add_highlight(doc, quote=QUOTE).page == "ii"


def test_lost_passage_becomes_an_orphan_and_is_never_dropped(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    made = seeded_archive.annotations.add_highlight(doc, quote="45 civilians were brutally killed", note="keep")
    original = seeded_archive.content(doc)
    cut = original.text[: made.start - 60] + original.text[made.end + 60 :]
    report = seeded_archive.replace_text(doc, cut, original.pages)
    assert report.orphaned == [made.id]
    [orphan] = seeded_archive.annotations.highlights(doc, orphans=True)
    assert orphan.quote == made.quote and orphan.note == "keep" and orphan.text_version == made.text_version
    assert seeded_archive.annotations.highlights(doc, orphans=False) == []
    seeded_archive.replace_text(doc, original.text, original.pages)  # the passage comes back, so does the anchor
    assert not seeded_archive.annotations.highlight(made.id).orphan


def test_filters_by_colour_text_and_document(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    other = next(i for i in seeded_archive.document_ids() if i != doc)
    notes = seeded_archive.annotations
    first = notes.add_highlight(doc, quote=QUOTE, color="yellow", note="casualty figure")
    second = notes.add_highlight(other, quote="Guterres", color="blue")
    assert {h.id for h in notes.highlights()} == {first.id, second.id}
    assert notes.highlights(color="background") == [second]  # a label names its colour too
    assert notes.highlights(text="CASUALTY") == [first]  # the note's text is searched as well as the quote
    assert notes.highlights(other) == [second]


def test_update_and_delete(seeded_archive: Archive) -> None:
    notes = seeded_archive.annotations
    made = notes.add_highlight(manbij_id(seeded_archive), quote=QUOTE, note="first")
    assert notes.update_highlight(made.id, color="green").note == "first"
    changed = notes.update_highlight(made.id, note="**second**")
    assert (changed.color, changed.note) == ("green", "**second**")
    assert notes.update_highlight(made.id, note="").note == ""
    notes.delete_highlight(made.id)
    assert notes.highlights() == []
    with pytest.raises(NotFoundError, match="no highlight"):
        notes.delete_highlight(made.id)


def test_colours_can_be_renamed(seeded_archive: Archive) -> None:
    notes = seeded_archive.annotations
    assert [(c.name, c.label) for c in notes.colors()] == [
        ("yellow", "Claim"), ("green", "Figure"), ("red", "Dispute"), ("blue", "Background")]
    assert notes.rename_color("yellow", "Argument").label == "Argument"
    assert notes.add_highlight(manbij_id(seeded_archive), quote=QUOTE, color="argument").color == "yellow"
    with pytest.raises(InvalidInputError, match="needs a label"):
        notes.rename_color("yellow", " ")


def test_document_note(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    notes = seeded_archive.annotations
    assert notes.document_note(doc) is None
    assert notes.set_document_note(doc, "# Source\nSANA, via Xinhua").text.startswith("# Source")
    assert notes.document_note(doc).text == "# Source\nSANA, via Xinhua"  # type: ignore[union-attr]
    assert notes.set_document_note(doc, "") is None and notes.document_note(doc) is None


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"quote": "a sentence that is not in the article"}, NotFoundError, "not in the document"),
        ({"quote": "   "}, InvalidInputError, "empty"),
        ({"quote": QUOTE, "color": "purple"}, InvalidInputError, "unknown colour 'purple'"),
        ({"quote": QUOTE, "occurrence": 2}, InvalidInputError, "occurs 1 time"),
        ({"start": 5, "end": 10**7}, InvalidInputError, "not inside the text"),
        ({}, InvalidInputError, "give a quote"),
    ],
)
def test_bad_input_is_refused_and_nothing_created(
    seeded_archive: Archive, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        seeded_archive.annotations.add_highlight(manbij_id(seeded_archive), **kwargs)  # type: ignore[arg-type]
    assert seeded_archive.annotations.highlights() == []


def test_unknown_document_is_refused(seeded_archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no document with id 999"):
        seeded_archive.annotations.add_highlight(999, quote=QUOTE)
    with pytest.raises(NotFoundError, match="no document with id 999"):
        seeded_archive.annotations.highlights(999)
    with pytest.raises(NotFoundError):
        seeded_archive.annotations.set_document_note(999, "x")


def test_deleting_a_document_takes_its_highlights_only_when_confirmed(seeded_archive: Archive) -> None:
    doc = manbij_id(seeded_archive)
    seeded_archive.annotations.add_highlight(doc, quote=QUOTE, note="n")
    with pytest.raises(InvalidInputError, match="1 highlight"):
        seeded_archive.delete(doc)
    assert len(seeded_archive.annotations.highlights()) == 1
    seeded_archive.delete(doc, with_highlights=True)
    assert seeded_archive.annotations.highlights() == []


def test_highlights_persist_across_opening(seeded_root: Path) -> None:
    with Archive.open(seeded_root) as archive:
        made = archive.annotations.add_highlight(manbij_id(archive), quote=QUOTE, note="n")
    with Archive.open(seeded_root) as archive:
        assert archive.annotations.highlights() == [made]
