"""Plain values the claims service hands out (the GUI and CLI never hold ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from archivist.core.catalogue.models import Claim
from archivist.core.claims.extract import FoundClaim

_FOUND_FIELDS = [found.name for found in fields(FoundClaim)]


@dataclass(frozen=True, slots=True)
class ClaimRecord(FoundClaim):
    """One stored claim: a found claim with its id and document; ``start``/``end`` are offsets into the
    document's text as ``show --json`` gives it."""

    id: int = field(kw_only=True)
    document_id: int = field(kw_only=True)

    @classmethod
    def of(cls, row: Claim) -> ClaimRecord:
        return cls(*(getattr(row, name) for name in _FOUND_FIELDS), id=row.id, document_id=row.document_id)

    @classmethod
    def stored(cls, claim: FoundClaim, claim_id: int, document_id: int) -> ClaimRecord:
        """``claim`` as it is once stored as ``claim_id`` for ``document_id``."""
        return cls(*(getattr(claim, name) for name in _FOUND_FIELDS), id=claim_id, document_id=document_id)

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
