"""How claims read in the window: the figure with its qualifier, the source, the colours of conflicts."""

from __future__ import annotations

from PySide6.QtGui import QColor

from archivist.core.claims import ClaimRecord
from archivist.core.claims.export import figure_text

CLAIM_LAYER = "claims"  # the reader overlay that marks the chosen claim
CLAIM_COLOR = QColor(255, 196, 80, 150)
CONFLICT_COLOR = QColor(230, 80, 70, 70)
REVISION_COLOR = QColor(240, 180, 60, 70)
AUTHOR = "the author"


def figure(claim: ClaimRecord) -> str:
    text = figure_text(claim)
    if claim.currency and claim.currency not in claim.value:
        text += f" ({claim.currency})"
    if claim.unit not in ("count", "money", "percent"):
        text += f" {claim.unit}"
    return text


def source(claim: ClaimRecord) -> str:
    return claim.source or AUTHOR


def source_column(claim: ClaimRecord, titles: dict[int, str]) -> str:
    """A ledger column's name: the named source, or the document whose own voice gives the figure."""
    if claim.source:
        return claim.source
    title = titles.get(claim.document_id, f"document {claim.document_id}")
    return f"{title[:28]}{'…' if len(title) > 28 else ''} (author)"
