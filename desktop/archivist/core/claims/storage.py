"""Writing claims to the catalogue: at import (in the import's transaction) and when rebuilt."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Claim
from archivist.core.claims.extract import FoundClaim, find_claims


def claim_rows(document_id: int, claims: Iterable[FoundClaim]) -> list[dict[str, Any]]:
    """Catalogue rows for a document's claims."""
    return [asdict(claim) | {"document_id": document_id} for claim in claims]


def insert_claims(session: Session, rows: list[dict[str, Any]]) -> None:
    """One executemany for a batch of rows (the import adds a batch's claims at once)."""
    if rows:
        session.execute(insert(Claim), rows)


def replace_claims(session: Session, document_id: int, text: str, pages: Sequence[tuple[int, str]],
                   language: str | None) -> int:
    """Find a document's claims again in its (new) text; returns how many it has now."""
    session.execute(delete(Claim).where(Claim.document_id == document_id))
    rows = claim_rows(document_id, find_claims(text, pages, language))
    insert_claims(session, rows)
    return len(rows)
