"""Issue 17: a quotation's locator by the source's kind — page, paragraph or chapter."""

from __future__ import annotations

from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.citations.locators import Locator, locator_for, paragraph_number
from archivist.core.extract.base import Heading, Page

EXTRACT = Path(__file__).resolve().parents[1] / "data" / "extract"


def test_paragraph_numbers_skip_headings() -> None:
    text = "Title\n\nFirst paragraph.\n\nSecond one.\n\n  \n\nThird, after a blank."
    headings = [Heading(0, 5, 1)]
    assert paragraph_number(text, headings, text.index("First")) == 1
    assert paragraph_number(text, headings, text.index("Second")) == 2
    assert paragraph_number(text, headings, text.index("Third")) == 3
    assert paragraph_number(text, [], text.index("Second")) == 3


def test_locator_kinds() -> None:
    text = "One.\n\nTwo."
    assert locator_for("html", text, [Page(0, "1")], [], 7) == Locator("paragraph", "2")
    assert locator_for("epub", text, [Page(0, "I"), Page(6, "II")], [], 7) == Locator("chapter", "II")
    # a PDF cites its printed page label, whatever its index
    assert locator_for("pdf", text, [Page(0, "49"), Page(6, "50")], [], 7) == Locator("page", "50")


def test_epub_quote_cites_its_chapter(empty_archive: Archive) -> None:
    book = empty_archive.import_paths([EXTRACT / "epub" / "p-g-wodehouse_love-among-the-chickens.epub"])
    document_id = book.imported[0].id
    content = empty_archive.content(document_id)
    number = next(i for i, page in enumerate(content.pages) if page.label.startswith("III:"))
    chapter, after = content.pages[number], content.pages[number + 1]
    middle = (chapter.start + after.start) // 2
    quote = content.text[middle : middle + 80].split(" ", 1)[1].rsplit(" ", 1)[0]
    highlight = empty_archive.annotations.add_highlight(document_id, quote=quote)
    assert empty_archive.citations.locator(highlight.id) == Locator("chapter", "III")
    cited = empty_archive.citations.quote(highlight.id, "apa")
    assert cited.endswith("chap. III)") and ", p. " not in cited
    assert empty_archive.citations.quote(highlight.id, "mla").endswith("ch. III)")


def test_pdf_quote_cites_the_printed_page_label(empty_archive: Archive) -> None:
    """pagelabels.pdf labels its pages iii, iv, 1, 2, 1: its third page is cited as "1", not "3"."""
    result = empty_archive.import_paths([EXTRACT / "pdf" / "pagelabels.pdf"])
    document_id = result.imported[0].id
    content = empty_archive.content(document_id)
    assert [page.label for page in content.pages] == ["iii", "iv", "1", "2", "1"]
    third = content.pages[2]
    start = content.text.index("Some text", third.start)
    highlight = empty_archive.annotations.add_highlight(document_id, start=start, end=start + 9)
    assert empty_archive.citations.quote(highlight.id, "apa").endswith("p. 1)")
