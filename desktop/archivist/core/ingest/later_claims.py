"""The claims of an import's last files, found once they are catalogued, while the search index commits them.

The index's last commit runs alone at the end of an import (nothing is left to read), one core idle beside it;
finding the claims of the files in that commit there, instead of in the extraction workers while both cores
are busy reading, takes that work off the rest of the import (issue 18: claims add at most 15% to an import).
The documents are listed in ``claims_pending`` in the transaction that catalogues them, so an import that stops
before their claims are stored loses nothing: the next import finds them, as does ``archivist claims --rebuild``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from archivist.core.catalogue.database import serialize_writes
from archivist.core.claims.storage import found_in_stored_texts, store_pending
from archivist.core.writelock import WriteLock

# Documents read, searched and stored at a time: each chunk is one short write transaction under the archive's
# lock, so another program (the GUI beside a CLI import) is never shut out for long.
CHUNK = 500


def find_later(sessions: sessionmaker[Session], lock: WriteLock, document_ids: Sequence[int],
               step: Callable[[int], None] = lambda _done: None) -> int:
    """Find and store the claims of these pending documents; how many claims were stored.

    ``step`` is told how many documents are done after each chunk."""
    stored = 0
    for start in range(0, len(document_ids), CHUNK):
        chunk = list(document_ids[start:start + CHUNK])
        with sessions() as session:
            found = found_in_stored_texts(session, chunk)
        with lock.hold(), sessions.begin() as session:
            serialize_writes(session)  # issue 19: a team catalogue's writers commit one after another
            stored += store_pending(session, found)
        step(start + len(chunk))
    return stored

