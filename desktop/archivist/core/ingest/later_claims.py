"""The claims of an import's last files, found once they are catalogued, while the search index commits them.

The index's last commit runs alone at the end of an import (nothing is left to read), one core idle beside it;
finding the claims of the files in that commit there, instead of in the extraction workers while both cores
are busy reading, takes that work off the rest of the import (issue 18: claims add at most 15% to an import).
The documents are listed in ``claims_pending`` in the transaction that catalogues them, so an import that stops
before their claims are stored loses nothing: the next import finds them, as does ``archivist claims --rebuild``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from archivist.core.catalogue.database import serialize_writes
from archivist.core.catalogue.models import Document, DocumentText
from archivist.core.claims.extract import FoundClaim, find_claims
from archivist.core.claims.storage import store_pending

if TYPE_CHECKING:
    from archivist.core.archive import Archive

# Documents read, searched and stored at a time: each chunk is one short write transaction under the archive's
# lock, so another program (the GUI beside a CLI import) is never shut out for long.
CHUNK = 500


def find_later(archive: Archive, document_ids: Sequence[int], step: Callable[[int], None] = lambda _done: None) -> int:
    """Find and store the claims of these pending documents; how many claims were stored.

    ``step`` is told how many documents are done after each chunk."""
    stored = 0
    for start in range(0, len(document_ids), CHUNK):
        chunk = list(document_ids[start:start + CHUNK])
        found = _found(archive, chunk)
        with archive.lock.hold(), archive.sessions.begin() as session:
            serialize_writes(session)  # issue 19: a team catalogue's writers commit one after another
            stored += store_pending(session, found)
        step(start + len(chunk))
    return stored


def _found(archive: Archive, document_ids: list[int]) -> dict[int, list[FoundClaim]]:
    """The claims in these documents' stored texts (none for a document without one: it stops being pending)."""
    query = (select(DocumentText.document_id, DocumentText.text, DocumentText.pages, Document.language)
             .join(Document, Document.id == DocumentText.document_id)
             .where(DocumentText.document_id.in_(document_ids)))
    with archive.sessions() as session:
        rows = session.execute(query).all()
    found: dict[int, list[FoundClaim]] = {document_id: [] for document_id in document_ids}
    for document_id, text, pages, language in rows:
        found[document_id] = find_claims(text, [(int(start), str(label)) for start, label in pages or []], language)
    return found
