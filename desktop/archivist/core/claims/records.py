"""Plain values the claims service hands out (the GUI and CLI never hold ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from archivist.core.catalogue.models import Claim


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One stored claim; ``start``/``end`` are offsets into the document's text as ``show --json`` gives it."""

    id: int
    document_id: int
    value: str
    normalized: float
    high: float | None
    unit: str
    currency: str | None
    qualifier: str | None
    what: str
    what_key: str
    source: str | None
    source_key: str | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    page: str | None
    scope: str
    context: str

    @classmethod
    def of(cls, row: Claim) -> ClaimRecord:
        return cls(row.id, row.document_id, row.value, row.normalized, row.high, row.unit, row.currency,
                   row.qualifier, row.what, row.what_key, row.source, row.source_key, row.start, row.end,
                   row.sentence_start, row.sentence_end, row.page, row.scope, row.context)

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
