"""Issue 17: an e-book's first publication over its edition's date, where the package says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from ebooklib import epub

from archivist.core.extract import extract_file

OPF = "{http://www.idpf.org/2007/opf}"
EXTRACT = Path(__file__).resolve().parents[1] / "data" / "extract"


def make_book(path: Path, dates: list[tuple[str, dict[str, str]]], metas: list[tuple[str, dict[str, str]]] = (),
              description: str | None = None) -> Path:
    book = epub.EpubBook()
    book.set_identifier("urn:test:moby")
    book.set_title("Moby Dick")
    book.set_language("en")
    book.add_author("Herman Melville")
    for value, attributes in dates:
        book.add_metadata("DC", "date", value, attributes)
    for value, attributes in metas:
        book.add_metadata(None, "meta", value, attributes)
    if description:
        book.add_metadata("DC", "description", description)
    chapter = epub.EpubHtml(title="Loomings", file_name="chap1.xhtml", lang="en")
    chapter.content = "<html><body><h1>Loomings</h1><p>Call me Ishmael.</p></body></html>"
    book.add_item(chapter)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", chapter]
    epub.write_epub(str(path), book)
    return path


def test_epub2_event_attribute(tmp_path: Path) -> None:
    book = make_book(tmp_path / "moby.epub", [("2018-03-27", {f"{OPF}event": "publication"}),
                                              ("1851-10-18", {f"{OPF}event": "original-publication"})])
    assert extract_file(book).metadata.issued == "1851-10-18"


def test_epub3_refinement(tmp_path: Path) -> None:
    book = make_book(tmp_path / "moby.epub", [("2018-03-27", {"id": "edition"}), ("1851", {"id": "first"})],
                     metas=[("original-publication", {"refines": "#first", "property": "event"})])
    assert extract_file(book).metadata.issued == "1851"


def test_description_saying_when_first_published(tmp_path: Path) -> None:
    """Standard Ebooks' Moby Dick: dc:date is the 2018 e-book; the description says "first published in 1851"."""
    book = make_book(tmp_path / "moby.epub", [("2018-03-27T22:02:30Z", {})],
                     description="<p><i>Moby Dick</i> was first published in 1851.</p>")
    assert extract_file(book).metadata.issued == "1851"


@pytest.mark.parametrize("description", [None, "A story published by us in 2018 for readers."])
def test_only_the_edition_date_when_nothing_says_more(tmp_path: Path, description: str | None) -> None:
    book = make_book(tmp_path / "moby.epub", [("2018-03-27T22:02:30Z", {})], description=description)
    assert extract_file(book).metadata.issued == "2018-03-27"


def test_real_standard_ebook_keeps_its_date() -> None:
    metadata = extract_file(EXTRACT / "epub" / "p-g-wodehouse_love-among-the-chickens.epub").metadata
    assert metadata.issued == "2017-12-11"  # nothing in the package says when the novel first appeared
