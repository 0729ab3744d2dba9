"""Writing claims to the catalogue: at import (in the import's transaction) and when rebuilt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Claim
from archivist.core.claims.extract import FoundClaim, find_claims

FIELDS = [field.name for field in fields(FoundClaim)]
_COLUMNS = ", ".join(f'"{name}"' for name in ["document_id", *FIELDS])


def claim_rows(document_id: int, claims: Iterable[FoundClaim]) -> list[tuple[Any, ...]]:
    """Catalogue rows for a document's claims: ``document_id`` and then FIELDS, in order."""
    return [(document_id, *[getattr(claim, name) for name in FIELDS]) for claim in claims]


def insert_claims(session: Session, rows: list[tuple[Any, ...]]) -> None:
    """One executemany of plain tuples for a batch of rows (the import adds a batch's claims at once).

    The driver's own executemany: through ``insert(Claim)`` with a dict per row, 180,000 claims of the news set
    cost the importer's process (the busiest of an import) several seconds more.
    """
    if not rows:
        return
    connection = session.connection()
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO claims ({_COLUMNS}) VALUES ({', '.join([marker] * (len(FIELDS) + 1))})"
    connection.exec_driver_sql(sql, rows)


def replace_claims(session: Session, document_id: int, text: str, pages: Sequence[tuple[int, str]],
                   language: str | None) -> int:
    """Find a document's claims again in its (new) text; returns how many it has now."""
    session.execute(delete(Claim).where(Claim.document_id == document_id))
    rows = claim_rows(document_id, find_claims(text, pages, language))
    insert_claims(session, rows)
    return len(rows)
