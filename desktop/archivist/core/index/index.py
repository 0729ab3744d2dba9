"""The Whoosh index folder: one writer at a time, a searcher reused until the index changes."""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex, LockError
from whoosh.searching import Searcher
from whoosh.writing import SegmentWriter

from archivist.core.errors import ArchivistError
from archivist.core.index import forms, whoosh_patches  # noqa: F401  (applied on import)
from archivist.core.index.analysis import document_language
from archivist.core.index.documents import IndexDocument
from archivist.core.index.schema import SCHEMA_VERSION, build_schema
from archivist.core.index.scoring import ArchivistBM25

log = logging.getLogger("archivist.index")

# A writer's RAM buffer before it flushes a segment; generous because the machine has memory to spare
# and fewer, larger segments make both indexing and searching faster.
WRITER_LIMIT_MB = 256
# How long a writer waits for another to finish: an import's indexer commits at least every 60 s.
WRITER_WAIT = 90.0
# Names the schema version an index was built with; an index without it, or of another version, is stale.
VERSION_FILE = "archivist-schema"


class SearchIndex:
    """The ``index/`` folder of an archive: a cache of the catalogue that can always be rebuilt."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.RLock()
        self._index: FileIndex | None = None
        self._searcher: Searcher | None = None

    # -- opening -------------------------------------------------------------------------------------
    def exists(self) -> bool:
        """An index of the current schema version is there (an older one counts as missing: rebuild it)."""
        marker = self.folder / VERSION_FILE
        try:
            current = marker.read_text(encoding="ascii").strip() == str(SCHEMA_VERSION)
        except (OSError, UnicodeDecodeError):
            current = False
        return current and whoosh_index.exists_in(str(self.folder))

    def built_version(self) -> str | None:
        """The schema version the index in the folder was built with ("?" for an index without a stamp, one
        built before the stamp existed); None when there is no index."""
        if not whoosh_index.exists_in(str(self.folder)):
            return None
        try:
            return (self.folder / VERSION_FILE).read_text(encoding="ascii").strip() or "?"
        except (OSError, UnicodeDecodeError):
            return "?"

    def outdated(self) -> bool:
        """An index is there, built with another schema or analysis: ``archivist reindex`` (or opening the
        archive) rebuilds it once after an upgrade."""
        built = self.built_version()
        return built is not None and built != str(SCHEMA_VERSION)

    def _open(self) -> FileIndex:
        if self._index is None:
            # No mmap: Whoosh wraps each mapped part of a segment in a BytesIO, which copies it, so a searcher
            # held the whole index in memory twice over (+66 MB at 19,000 documents, +340 MB expected at
            # 100,000). Plain reads measured no slower (benchmarks/search_speed.py).
            storage = FileStorage(str(self.folder), supports_mmap=False)
            if not self.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                self._index = storage.create_index(build_schema())
                (self.folder / VERSION_FILE).write_text(str(SCHEMA_VERSION), encoding="ascii")
            else:
                self._index = storage.open_index()
        return self._index

    @property
    def index(self) -> FileIndex:
        with self._lock:
            return self._open()

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            if self._index is not None:
                self._index.close()
                self._index = None

    # -- reading -------------------------------------------------------------------------------------
    def searcher(self) -> Searcher:
        """A searcher over the newest committed state; reused while nothing changed."""
        with self._lock:
            if self._searcher is None or not self._searcher.up_to_date():
                # A fresh searcher, not Searcher.refresh(): refresh reuses the readers of unchanged segments and
                # so never sees documents deleted from them, and it fails on a searcher of an empty index.
                # The stale searcher is left to the garbage collector: another thread may still be reading it.
                self._searcher = self._open().searcher(weighting=ArchivistBM25())
            return self._searcher

    def document_count(self) -> int:
        return self.searcher().doc_count()

    def vocabulary(self) -> frozenset[str]:
        """The unstemmed words the index has met ("did you mean" offers these)."""
        return forms.words(self.folder)

    def forms(self) -> forms.Forms:
        """The forms of each stem the index has met (what a word's search expands to)."""
        return forms.load(self.folder)

    def indexed_ids(self) -> set[int]:
        searcher = self.searcher()
        return {int(fields["id"]) for fields in searcher.all_stored_fields()}

    # -- writing -------------------------------------------------------------------------------------
    @contextmanager
    def writer(self) -> Iterator[SegmentWriter]:
        """The one writer; commits when the block ends, cancels on an exception."""
        with self._lock:
            try:
                writer = self._open().writer(limitmb=WRITER_LIMIT_MB, timeout=WRITER_WAIT)
            except LockError:
                raise ArchivistError("the search index is busy (another program is writing to it); try again") from None
            try:
                with forms.recording() as pairs:
                    yield writer
                forms.save(self.folder, pairs)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()

    def add(self, documents: Iterable[IndexDocument]) -> int:
        """Add or replace documents (by id) in one commit."""
        count = 0
        with self.writer() as writer:
            for document in documents:
                add_fields(writer, document.fields())
                count += 1
        return count

    def delete(self, document_ids: Iterable[int]) -> None:
        with self.writer() as writer:
            for document_id in document_ids:
                writer.delete_by_term("id", document_id)

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Build a fresh index beside the old one, then swap it in: a failed rebuild loses nothing."""
        with self._lock:
            self.close()
            fresh = self.folder.with_name(self.folder.name + ".rebuilding")
            shutil.rmtree(fresh, ignore_errors=True)
            fresh.mkdir(parents=True)
            new_index = whoosh_index.create_in(str(fresh), build_schema())
            writer = new_index.writer(limitmb=WRITER_LIMIT_MB)
            count = 0
            try:
                with forms.recording() as pairs:
                    for document in documents:
                        add_fields(writer, document.fields(), replace=False)
                        count += 1
                forms.save(fresh, pairs)
            except BaseException:
                writer.cancel()
                new_index.close()
                shutil.rmtree(fresh, ignore_errors=True)
                raise
            writer.commit()
            new_index.close()
            (fresh / VERSION_FILE).write_text(str(SCHEMA_VERSION), encoding="ascii")
            old = self.folder.with_name(self.folder.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            if self.folder.exists():
                self.folder.rename(old)
            fresh.rename(self.folder)
            shutil.rmtree(old, ignore_errors=True)
            log.info("index rebuilt with %d documents", count)
            return count


def add_fields(writer: SegmentWriter, fields: dict[str, object], replace: bool = True) -> None:
    """Index one document's fields (IndexDocument.fields()), its text analysed in its language."""
    language = fields.get("lang")
    with document_language(language if isinstance(language, str) else None):
        if replace:
            writer.update_document(**fields)
        else:
            writer.add_document(**fields)
