"""An e-book's original publication date, over the date the e-book edition was made (issue 17).

Where the package says so: EPUB 2's ``<dc:date opf:event="original-publication">``, EPUB 3's refinements
(``<meta refines="#id" property="dcterms:issued|…">`` naming an event), and the book's own description saying
when it was first published (Standard Ebooks' Moby Dick: "was first published in 1851"; its dc:date is the
2018 e-book). Nothing is guessed from the book's text.
"""

from __future__ import annotations

import re
from typing import Any

from archivist.core.extract import fields

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
_ORIGINAL_EVENTS = ("original-publication", "original", "first-publication", "publication", "issued")
_FIRST_PUBLISHED = re.compile(
    r"\b(?:was\s+)?(?:first|originally)\s+published\s+(?:[^.<]{0,40}?\s)?in\s+(\d{4})\b", re.IGNORECASE)


def original_date(book: Any) -> str | None:
    """The first publication date the package states, or None."""
    dates = book.get_metadata("DC", "date")
    metas = book.metadata.get(OPF, {}).get("meta", [])
    return _by_event(dates) or _by_refinement(dates, metas) or _by_description(book, metas)


def _by_event(dates: list[tuple[str, dict[str, str]]]) -> str | None:
    """EPUB 2: the event is an attribute of dc:date."""
    for event in _ORIGINAL_EVENTS[:3]:
        for value, attributes in dates:
            if any(key.endswith("event") and str(found).lower() == event for key, found in attributes.items()):
                return fields.iso_date(value)
    return None


def _by_refinement(dates: list[tuple[str, dict[str, str]]], metas: list[tuple[str, dict[str, str]]]) -> str | None:
    """EPUB 3: ``<meta refines="#date-id" property="role|event">original-publication</meta>``."""
    events = {attributes.get("refines", "").lstrip("#"): (value or "").strip().lower()
              for value, attributes in metas if attributes.get("refines")}
    for value, attributes in dates:
        if events.get(attributes.get("id", "")) in _ORIGINAL_EVENTS[:3]:
            return fields.iso_date(value)
    return None


def _by_description(book: Any, metas: list[tuple[str, dict[str, str]]]) -> str | None:
    descriptions = [value for value, _attributes in book.get_metadata("DC", "description") if value]
    descriptions += [value for value, attributes in metas
                     if value and "description" in attributes.get("property", "")]
    for description in descriptions:
        match = _FIRST_PUBLISHED.search(re.sub(r"<[^>]+>", "", str(description)))
        if match:
            return match.group(1)
    return None
