"""The archive's side of shared passages: ``archive.compare``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlalchemy import select

from archivist.core.catalogue.models import Document, DocumentText
from archivist.core.compare.align import align
from archivist.core.compare.fingerprints import fingerprints
from archivist.core.compare.index import Entry, FingerprintIndex
from archivist.core.compare.passages import Passage, ReuseReport
from archivist.core.compare.reuse import find_reuse
from archivist.core.errors import InvalidInputError, NotFoundError
from archivist.core.jobs import CancelToken, Progress, ProgressCallback, no_progress

if TYPE_CHECKING:
    from archivist.core.archive import Archive

log = logging.getLogger("archivist.compare")

INDEX_FILE = "passages/fingerprints.sqlite"
_CHUNK = 200


class Comparer:
    """Passage alignment and archive-wide reuse; reached as ``archive.compare``.

    The reuse index is a cache file in the archive folder (``passages/``): the importer adds new documents'
    fingerprints to it (``add_fingerprints``), and before each query it is brought in step with the catalogue (documents
    deleted, re-extracted or imported by an older Archivist), so it never answers from stale texts.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.index = FingerprintIndex(archive.root / INDEX_FILE)

    # -- two documents ----------------------------------------------------------------------------------
    def passages(self, document_a: int, document_b: int) -> list[Passage]:
        """The passages two documents share, in the order of ``document_a``."""
        if document_a == document_b:
            raise InvalidInputError("compare needs two different documents")
        return align(self.archive.content(document_a).text, self.archive.content(document_b).text)

    # -- the whole archive -------------------------------------------------------------------------------
    def reuse(self, document_id: int, limit: int = 20) -> ReuseReport:
        """The documents sharing passages with ``document_id``, most shared characters first."""
        text = self.archive.content(document_id).text
        self.sync_index()
        sources = find_reuse(document_id, text, self.index, self._text_or_none, self._titles, limit)
        return ReuseReport(document_id, sources)

    def _text_or_none(self, document_id: int) -> str | None:
        try:
            return self.archive.content(document_id).text
        except NotFoundError:
            return None

    def _titles(self, document_ids: list[int]) -> dict[int, str]:
        return {key: summary.title for key, summary in self.archive.summaries(document_ids).items()}

    # -- keeping the reuse index in step -----------------------------------------------------------------
    def adding(self) -> AbstractContextManager[None]:
        """A block of ``add_fingerprints`` calls (an import) that share one connection to the reuse index."""
        return self.index.held()

    def add_fingerprints(self, entries: list[Entry]) -> None:
        """Fingerprints of newly imported documents (the importer's extraction workers compute them)."""
        with self.archive.lock.hold():
            self.index.put(entries)

    def sync_index(self, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> int:
        """Fingerprint documents missing from the index or changed since; drop deleted ones. Returns the count."""
        with self.archive.sessions() as session:
            catalogue = dict(session.execute(select(Document.id, Document.text_version)).all())
        indexed = self.index.versions()
        gone = [document_id for document_id in indexed if document_id not in catalogue]
        stale = [key for key, version in catalogue.items() if indexed.get(key) != version]
        if gone:
            with self.archive.lock.hold():
                self.index.remove(gone)
        if stale:
            self._index(stale, progress, cancel)
        return len(stale)

    def rebuild_index(self, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> int:
        """Throw the reuse index away and fingerprint every document again."""
        with self.archive.lock.hold():
            self.index.clear()
        return self.sync_index(progress, cancel)

    def _index(self, document_ids: list[int], progress: ProgressCallback = no_progress,
               cancel: CancelToken | None = None) -> None:
        token = cancel or CancelToken()
        for start in range(0, len(document_ids), _CHUNK):
            token.raise_if_cancelled()
            entries = list(self._entries(document_ids[start : start + _CHUNK]))
            with self.archive.lock.hold():
                self.index.put(entries)
            progress(Progress(min(start + _CHUNK, len(document_ids)), len(document_ids), "fingerprints"))
        log.info("fingerprinted %d document(s)", len(document_ids))

    def _entries(self, document_ids: list[int]) -> Iterator[Entry]:
        query = (select(Document.id, Document.text_version, DocumentText.text)
                 .join(DocumentText, DocumentText.document_id == Document.id)
                 .where(Document.id.in_(document_ids)))
        with self.archive.sessions() as session:
            for document_id, version, text in session.execute(query):
                yield document_id, version, fingerprints(text)
