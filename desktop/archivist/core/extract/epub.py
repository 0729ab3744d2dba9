"""EPUB books through ebooklib: spine documents in reading order as pages, Dublin Core metadata."""

from __future__ import annotations

import logging
import posixpath
import warnings
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import lxml.html
from lxml import etree

from archivist.core.extract import fields
from archivist.core.extract.base import Extracted, ExtractionError, Metadata
from archivist.core.extract.blocks import HTML_ROLES, add_blocks
from archivist.core.extract.builder import TextBuilder
from archivist.core.extract.epub_metadata import original_date

log = logging.getLogger("archivist.extract")
# ebooklib warns about its own future defaults (FutureWarning/UserWarning) on every read.
warnings.filterwarnings("ignore", module=r"ebooklib(\..*)?")

_XML_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


def extract(path: Path) -> Extracted:
    book = _open(path)
    titles = _toc_titles(book.toc)
    builder = TextBuilder()
    number = 0
    for item in _spine_items(book):
        body = _body(item)
        if body is None:
            continue
        chapter = TextBuilder()
        add_blocks(chapter, body, HTML_ROLES)
        if not chapter.text:
            continue  # cover images and other pages without text
        number += 1
        builder.page(titles.get(_normalise_href(item.get_name())) or str(number))
        builder.extend(chapter)
    return Extracted("epub", builder.text, builder.result_pages(), _metadata(book), builder.headings)


def _open(path: Path) -> Any:
    from ebooklib import epub

    class TolerantReader(epub.EpubReader):  # type: ignore[misc]
        """ebooklib's reader, but a file the manifest lists and the ZIP lacks (an audio clip, an image) reads as
        empty instead of failing the whole book (issue 14: an EPUB whose audio file is missing was refused)."""

        def read_file(self, name: str) -> bytes:
            try:
                return bytes(super().read_file(name))
            except KeyError:
                log.info("%s: the book lists %s but does not hold it", path.name, name)
                return b""

    try:
        # ignore_ncx given explicitly: left unset, ebooklib warns about its future default.
        reader = TolerantReader(str(path), {"ignore_ncx": False})
        book = reader.load()
        reader.process()
        return book
    except zipfile.BadZipFile as error:
        raise ExtractionError(f"damaged EPUB: {error}") from error
    except (epub.EpubException, KeyError, etree.XMLSyntaxError) as error:
        raise ExtractionError(f"damaged EPUB: {error}") from error


def _spine_items(book: Any) -> list[Any]:
    """The documents of the spine in reading order (skipping ids the manifest does not have)."""
    items = []
    for entry in book.spine:
        idref = entry[0] if isinstance(entry, tuple) else entry
        item = book.get_item_with_id(idref)
        if item is None:
            log.info("spine entry %s is not in the manifest", idref)
        else:
            items.append(item)
    return items


def _toc_titles(toc: Any) -> dict[str, str]:
    """Chapter file -> the first title the table of contents gives it."""
    titles: dict[str, str] = {}
    stack = list(toc)[::-1] if isinstance(toc, tuple | list) else [toc]  # ebooklib gives a lone Link unlisted
    while stack:
        entry = stack.pop()
        if isinstance(entry, tuple | list):
            stack.extend(list(entry)[::-1])
            continue
        href, title = getattr(entry, "href", None), getattr(entry, "title", None)
        if href and title and " ".join(str(title).split()):
            titles.setdefault(_normalise_href(href), " ".join(str(title).split()))
    return titles


def _normalise_href(href: str) -> str:
    return posixpath.normpath(unquote(href.split("#", 1)[0]))


def _body(item: Any) -> Any:
    """The <body> of an XHTML document (parsed as XML, or as HTML when it is not well-formed)."""
    from ebooklib import ITEM_DOCUMENT

    if item.get_type() != ITEM_DOCUMENT:
        return None
    content = item.content or b""
    if not content.strip():
        return None
    root = etree.fromstring(content, _XML_PARSER) if content.lstrip().startswith(b"<") else None
    if root is None:
        try:
            root = lxml.html.document_fromstring(content)
        except (etree.ParserError, ValueError):
            return None
    bodies = [
        element for element in root.iter() if isinstance(element.tag, str) and element.tag.endswith("body")
    ]
    return bodies[0] if bodies else root


def _metadata(book: Any) -> Metadata:
    def values(name: str) -> list[str]:
        return [str(value) for value, _attributes in book.get_metadata("DC", name) if value]

    titles, dates = values("title"), values("date")
    publishers, languages = values("publisher"), values("language")
    return Metadata(
        title=fields.clean_title(titles[0]) if titles else None,
        authors=fields.clean_authors(values("creator")),
        issued=original_date(book) or (fields.iso_date(dates[0]) if dates else None),  # issue 17: first edition
        publisher=fields.clean_title(publishers[0]) if publishers else None,
        language=languages[0] if languages else None,
        keywords=fields.split_keywords(values("subject")),
        extra={"identifier": values("identifier")[0]} if values("identifier") else {},
    )
