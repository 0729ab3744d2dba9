"""Documents as CSL-JSON items: the one metadata shape every output (BibTeX, RIS, styles) is made from."""

from __future__ import annotations

import json
from typing import Any

from archivist.core.citations.names import csl_name, display_name
from archivist.core.citations.source import CiteSource

CslItem = dict[str, Any]

# Types whose ``container-title`` is the site or periodical the document appeared in.
SERIAL_TYPES = frozenset({"article-newspaper", "article-magazine", "article-journal", "webpage", "post-weblog", "post"})
WEB_FORMATS = frozenset({"html", "mhtml", "warc", "webarchive"})  # web captures too (issue 14)
BY_FORMAT = {"pdf": "report", "epub": "book"}


def csl_type(source: CiteSource) -> str:
    """The CSL type: the user's choice (``Document.csl_type``) or a guess from the format and metadata."""
    if source.csl_type:
        return source.csl_type
    if source.format in BY_FORMAT:
        return BY_FORMAT[source.format]
    # A dated piece on a named site reads as a news article (a saved page, or its text pasted into a file).
    if source.site and source.issued:
        return "article-newspaper"
    return "webpage" if source.format in WEB_FORMATS else "document"


def date_parts(iso: str) -> dict[str, list[list[int]]]:
    """``"2016-07"`` -> ``{"date-parts": [[2016, 7]]}``: the precision is the number of parts."""
    return {"date-parts": [[int(part) for part in iso.split("-")]]}


def csl_item(source: CiteSource, with_note: bool = True) -> CslItem:
    """The CSL-JSON item of a document (keys in a fixed order, so its JSON is byte-stable)."""
    kind = csl_type(source)
    item: CslItem = {"id": source.key or f"doc{source.id}", "type": kind, "title": source.title}
    if source.authors:
        item["author"] = _names(source)
    if source.issued:
        item["issued"] = date_parts(source.issued)
    if kind in SERIAL_TYPES and source.site:
        item["container-title"] = source.site
    publisher = source.publisher or (source.site if kind not in SERIAL_TYPES else None)
    if publisher and publisher != item.get("container-title"):
        item["publisher"] = publisher
    if source.url:
        item["URL"] = source.url
        # the day the page was saved is the day it was accessed (web pages change; the archive keeps that copy)
        accessed = source.extra.get("accessed")  # a reference library's own access date (urldate, Y2)
        item["accessed"] = date_parts(accessed if isinstance(accessed, str) and accessed[:4].isdigit()
                                      else source.imported_at.date().isoformat())
    if source.language:
        item["language"] = source.language
    for key, value in sorted(source.extra.items()):  # DOI, page, volume… (a reference library's, issue 17)
        if value and key not in item and key != "accessed":
            item[key] = value
    if source.keywords:
        item["keyword"] = ", ".join(source.keywords)
    if with_note and source.note:
        item["note"] = source.note
    return item


def _names(source: CiteSource) -> list[dict[str, Any]]:
    """CSL names: those a reference library gave while the authors are still the ones it gave (an
    organisation such as {Apple Computer} stays one), else parsed from the display names."""
    if source.names and [display_name(name) for name in source.names] == list(source.authors):
        return [dict(name) for name in source.names]
    return [csl_name(name) for name in source.authors]


def to_json(items: list[CslItem]) -> str:
    """CSL-JSON text: an array of items, UTF-8, two-space indent, ending in a newline."""
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
