"""Writing claims to the catalogue: at import (in the import's transaction, or for its last files once they are
catalogued: ``claims_pending``) and when rebuilt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Claim, ClaimsPending, Document, DocumentText
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


def mark_pending(session: Session, document_ids: Sequence[int]) -> None:
    """Note documents whose claims are still to be found (in the transaction that catalogues them)."""
    if document_ids:
        session.execute(insert(ClaimsPending), [{"document_id": document_id} for document_id in document_ids])


def pending_documents(session: Session) -> list[int]:
    """Documents whose claims are still to be found, in id order."""
    return list(session.scalars(select(ClaimsPending.document_id).order_by(ClaimsPending.document_id)))


def store_pending(session: Session, found: Mapping[int, Sequence[FoundClaim]]) -> int:
    """Store the claims found for pending documents, which then stop being pending; how many were stored.

    Only documents still pending in this transaction get theirs: another process may have stored them since
    (``archivist claims --rebuild``), or deleted the document."""
    pending = set(session.scalars(select(ClaimsPending.document_id).where(ClaimsPending.document_id.in_(list(found)))))
    if not pending:
        return 0
    session.execute(delete(ClaimsPending).where(ClaimsPending.document_id.in_(list(pending))))
    rows = [row for document_id, claims in found.items() if document_id in pending
            for row in claim_rows(document_id, claims)]
    insert_claims(session, rows)
    return len(rows)


def found_in_stored_texts(session: Session, document_ids: Sequence[int]) -> dict[int, list[FoundClaim]]:
    """The claims in these documents' stored texts, in their catalogued language (none for a document without
    a text)."""
    query = (select(DocumentText.document_id, DocumentText.text, DocumentText.pages, Document.language)
             .join(Document, Document.id == DocumentText.document_id)
             .where(DocumentText.document_id.in_(list(document_ids))))
    found: dict[int, list[FoundClaim]] = {document_id: [] for document_id in document_ids}
    for document_id, text, pages, language in session.execute(query).all():
        found[document_id] = find_claims(text, [(int(start), str(label)) for start, label in pages or []], language)
    return found


def replace_claims(session: Session, document_id: int, claims: Sequence[FoundClaim]) -> int:
    """Put a document's claims found again in place of those it had; returns how many it has now."""
    session.execute(delete(Claim).where(Claim.document_id == document_id))
    session.execute(delete(ClaimsPending).where(ClaimsPending.document_id == document_id))
    rows = claim_rows(document_id, claims)
    insert_claims(session, rows)
    return len(rows)
