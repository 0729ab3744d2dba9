"""Claims and figures (issue 18): every figure a document states, what it counts, who says so, where.

``extract`` finds them in a text (the import does it in its extraction workers), ``storage`` keeps them in
the catalogue, ``ledger`` and ``conflicts`` put claims about the same quantity side by side, and ``service``
is what ``Archive.claims`` hands the CLI and the GUI.
"""

from archivist.core.claims.extract import FoundClaim, find_claims
from archivist.core.claims.records import ClaimPair, ClaimRecord, LedgerRow
from archivist.core.claims.service import Claims

__all__ = ["ClaimPair", "ClaimRecord", "Claims", "FoundClaim", "LedgerRow", "find_claims"]
