"""Facet counts (format, year, site) for a set of documents, computed with GROUP BY on the catalogue."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from archivist.core.catalogue import Document

# SQLite limits bound parameters per statement (32,766 by default); stay far below it.
CHUNK = 5000
FACETS: dict[str, ColumnElement[str | None]] = {
    "format": Document.format,
    "year": func.substr(Document.issued, 1, 4),
    "site": func.coalesce(Document.site, Document.publisher),
}


def catalogue_facets(session: Session, document_ids: Sequence[int] | None) -> dict[str, list[tuple[str, int]]]:
    """``{"format": [("pdf", 12), …], "year": […], "site": […]}``; missing values are left out."""
    chunks: list[Sequence[int] | None] = [None] if document_ids is None else [
        document_ids[start : start + CHUNK] for start in range(0, len(document_ids), CHUNK)
    ]
    facets: dict[str, list[tuple[str, int]]] = {}
    for name, column in FACETS.items():
        counts: Counter[str] = Counter()
        for chunk in chunks:
            query = select(column, func.count(Document.id)).group_by(column)
            if chunk is not None:
                query = query.where(Document.id.in_(list(chunk)))
            counts.update({value: count for value, count in session.execute(query) if value})
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        facets[name] = ordered if name != "year" else sorted(counts.items(), reverse=True)
    return facets
