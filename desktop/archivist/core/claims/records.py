"""Plain values the claims service hands out (the GUI and CLI never hold ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from archivist.core.catalogue.models import Claim
from archivist.core.claims.extract import FoundClaim, claim_fields


@dataclass(frozen=True, slots=True)
class ClaimRecord(FoundClaim):
    """One stored claim: a found claim with its id and document; ``start``/``end`` are offsets into the
    document's text as ``show --json`` gives it."""

    id: int = field(kw_only=True)
    document_id: int = field(kw_only=True)

    @classmethod
    def of(cls, row: Claim) -> ClaimRecord:
        return cls(*claim_fields(row), id=row.id, document_id=row.document_id)  # type: ignore[arg-type]

    @classmethod
    def stored(cls, claim: FoundClaim, claim_id: int, document_id: int) -> ClaimRecord:
        """``claim`` as it is once stored as ``claim_id`` for ``document_id``."""
        return cls(*claim_fields(claim), id=claim_id, document_id=document_id)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_record, (claim_fields(self), self.id, self.document_id))

    @property
    def voice(self) -> str:
        """Who gives the figure, for comparing: the named source, or the document's own voice."""
        return self.source_key or f"document {self.document_id}"

    def to_json(self) -> dict[str, Any]:
        """The shape of ``archivist claims --json`` (issue 18)."""
        return {"id": self.id, "document_id": self.document_id, "value": self.value,
                "normalized": self.normalized, "unit": self.unit, "currency": self.currency,
                "qualifier": self.qualifier, "what": self.what, "source": self.source, "start": self.start,
                "end": self.end, "page": self.page}


def _record(found: tuple[Any, ...], claim_id: int, document_id: int) -> ClaimRecord:
    """A ClaimRecord from its pickled state (``ClaimRecord.__reduce__``)."""
    return ClaimRecord(*found, id=claim_id, document_id=document_id)


@dataclass(frozen=True, slots=True)
class ClaimPair:
    """Two claims about one quantity whose values differ: a ``conflict`` between sources, or a ``revision``
    when one source gives two figures."""

    first: int
    second: int
    what: str
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {"claims": [self.first, self.second], "what": self.what}


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One quantity across the archive: how many claims and sources give it, and the spread of their values."""

    key: str
    unit: str
    claims: int
    sources: int
    documents: int
    low: float
    high: float

    @property
    def values_differ(self) -> bool:
        """Whether the values spread beyond rounding (the pairs themselves say which conflict)."""
        return self.high > self.low * 1.01 + 1e-9
