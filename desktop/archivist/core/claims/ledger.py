"""The ledger's queries: quantities across the archive (or a collection) in SQL, one row per quantity.

The grouping runs on the ``ix_claims_ledger`` covering index; Python only sees the rows shown.
"""

from __future__ import annotations

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Claim, document_collections
from archivist.core.claims.records import LedgerRow

ORDERS = ("sources", "claims", "what")


def ledger_query(collection_id: int | None, min_sources: int, text: str | None = None) -> Select[tuple[object, ...]]:
    # named sources, plus each document whose own voice gives a figure (no string building: SQLite and PostgreSQL)
    own_voice = case((Claim.source_key.is_(None), Claim.document_id))
    sources = func.count(func.distinct(Claim.source_key)) + func.count(func.distinct(own_voice))
    query = (
        select(Claim.what_key, Claim.unit, func.count(), sources, func.count(func.distinct(Claim.document_id)),
               func.min(Claim.normalized), func.max(Claim.normalized))
        .where(Claim.what_key != "")
        .group_by(Claim.what_key, Claim.unit)
    )
    if min_sources > 1:
        query = query.having(sources >= min_sources)
    if collection_id is not None:
        members = select(document_collections.c.document_id).where(
            document_collections.c.collection_id == collection_id)
        query = query.where(Claim.document_id.in_(members))
    if text:
        query = query.where(Claim.what_key.contains(text.lower(), autoescape=True))
    return query


def ledger_rows(session: Session, collection_id: int | None = None, min_sources: int = 2, text: str | None = None,
                order: str = "sources", limit: int | None = None, offset: int = 0) -> list[LedgerRow]:
    query = ledger_query(collection_id, min_sources, text)
    columns = query.selected_columns
    if order == "what":
        query = query.order_by(Claim.what_key)
    elif order == "claims":
        query = query.order_by(columns[2].desc(), Claim.what_key)
    else:
        query = query.order_by(columns[3].desc(), columns[2].desc(), Claim.what_key)
    query = query.limit(limit).offset(offset) if limit is not None else query
    return [LedgerRow(str(key), str(unit), int(n), int(s), int(d), float(lo), float(hi))
            for key, unit, n, s, d, lo, hi in session.execute(query)]
