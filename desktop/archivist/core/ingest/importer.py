"""Importing files: find them, skip duplicates, extract, store, catalogue, index.

A batch of documents is stored and committed to the catalogue in one SQLite transaction, and only then
added to the index, so a crash leaves either nothing or complete documents (the index can be rebuilt).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from archivist.core.catalogue.database import serialize_writes
from archivist.core.catalogue.models import (
    Document,
    DocumentText,
    document_tags,
)
from archivist.core.catalogue.tags import tag_named
from archivist.core.claims.extract import FoundClaim
from archivist.core.claims.storage import claim_rows, insert_claims, mark_pending, pending_documents
from archivist.core.compare.index import Entry
from archivist.core.extract import Extracted
from archivist.core.extract.base import ReadOptions
from archivist.core.extract.limits import Limits
from archivist.core.index.documents import IndexDocument, index_entry
from archivist.core.index.feeder import IndexFeeder
from archivist.core.ingest import text_state
from archivist.core.ingest.discovery import Found, discover, hash_file
from archivist.core.ingest.garbage import fewer_collections
from archivist.core.ingest.later_claims import find_later
from archivist.core.ingest.log import ImportRunLog
from archivist.core.ingest.ocr_run import ocr_documents
from archivist.core.ingest.rows import document_values, tag_names, text_values, transient_documents
from archivist.core.ingest.workers import Outcome, Reader, needs_workers, open_reader, read_outcome
from archivist.core.jobs import CancelToken, Progress, ProgressCallback
from archivist.core.records import DuplicateItem, ImportedItem, ImportErrorItem, ImportResult
from archivist.core.store import Staged

if TYPE_CHECKING:
    from archivist.core.archive import Archive

log = logging.getLogger("archivist.import")

BATCH_SIZE = 200
BATCH_SECONDS = 2.0
# The index commits every INDEX_BATCH documents or INDEX_SECONDS: Whoosh writes every term of a segment at
# each commit, so a commit per catalogue batch (every 200) took 40% of an import's time; and each commit
# leaves a segment every search must visit (20 segments at 100,000 documents: fuzzy queries 590 ms, 87 ms
# merged). New documents become searchable at each commit.
INDEX_BATCH = 20_000
INDEX_SECONDS = 60.0
# Indexing runs in a child process beside the importer (core/index/feeder.py) whenever files are read in
# worker processes anyway (any PDF, web page, DOCX…, or more than a few text files), or from this many files;
# for a few text files, starting a process costs more than it saves.
FEEDER_MIN_FILES = 300
# When this many files remain, the indexer commits what it has: the last commit waits for nothing else and
# nothing overlaps it, so it should be small (38,000 files: the last commit held 18,000 documents).
TAIL_FILES = 4000
# The claims of the files in that last commit are found while it runs (ingest/later_claims.py), not by the
# extraction workers while every core is busy reading; per document, finding claims costs about what the commit
# does, so the two end together.


@dataclass(slots=True)
class Prepared:
    """A file read and extracted, ready to be stored and catalogued (or the reason it cannot be)."""

    path: Path
    sha256: str
    extracted: Extracted | None = None
    error: str | None = None
    fingerprints: set[int] | None = None
    claims: list[FoundClaim] | None = None
    size: int = 0  # of the copy stored
    claims_later: bool = False  # found once catalogued (ingest/later_claims.py), not by the extraction worker


def prepare(path: Path, sha256: str, limits: Limits | None = None) -> Prepared:
    """Extract one file in this process (no deadline: the importer uses worker processes for that)."""
    outcome = read_outcome(path, limits or Limits())
    return Prepared(path, sha256, extracted=outcome.extracted, error=outcome.error)


class Importer:
    """Runs one import over an archive's catalogue, store and index.

    Files are hashed here and read (extracted) in worker processes, two at a time; finished files are
    stored and committed in batches under the archive's write lock, which is let go between batches so
    another program on the same archive (the GUI beside a CLI import) is never shut out for long.
    """

    def __init__(self, archive: Archive, progress: ProgressCallback, cancel: CancelToken,
                 limits: Limits | None = None, options: ReadOptions | None = None) -> None:
        self.archive = archive
        self.options = options or ReadOptions()
        self.progress = progress
        self.cancel = cancel
        self.limits = limits or Limits.from_env()
        self.result = ImportResult()
        self._pending: list[Prepared] = []
        self._pending_duplicates: list[tuple[Path, str]] = []
        self._pending_errors: list[ImportErrorItem] = []
        self._known: dict[str, int] = {}
        self._twins: dict[str, list[Path]] = {}  # sha256 being read -> later paths with the same bytes
        self._done = 0
        self._total = 0
        self._to_index: list[IndexDocument] = []
        self._fingerprints: list[Entry] = []
        self._indexing: IndexFeeder | _IndexHere | None = None
        self._tail_committed = False
        self._claims_from: int | None = None  # files from this position on have their claims found later
        self._claims_waiting: list[int] = []  # documents whose claims are still to be found (claims_pending)

    def run(self, paths: list[Path], found: Found | None = None) -> ImportResult:
        """Import the documents ``found`` among ``paths`` (discovered here when not given)."""
        found = found if found is not None else discover(paths)
        files, errors = found.files, found.errors
        self.result.errors.extend(errors)
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            self._known = dict(session.execute(select(Document.sha256, Document.id)).all())
            if self.archive.team is None and self.archive.imports.idle():  # left by an import that stopped
                self._claims_waiting = pending_documents(session)
            self.run_log = ImportRunLog(session, [str(path) for path in paths])
            self.result.run_id = self.run_log.run_id
            for item in errors:
                self.run_log.entry(item.path, "error", item.error)
            self.run_log.write(session)
        self._total = len(files)
        with self.archive.imports.running(), fewer_collections(), self.archive.compare.adding():
            with self._indexer(files) as self._indexing:
                self._claims_from = _claims_from(len(files)) if isinstance(self._indexing, IndexFeeder) else None
                self._read_all(files)
                self._flush(final=True)
                self._find_claims_later()
                self.progress(Progress(self._done, self._total, "updating the search index"))
            # Scans are read after everything else is catalogued and searchable (issue 14: a long scan must not
            # hold up the other files; it is findable by its metadata meanwhile).
            self._read_scans()
        self.progress(Progress(self._done, self._total, ""))
        return self.result

    def _read_scans(self) -> None:
        waiting = [entry["id"] for entry in self.result.without_text if entry["text_state"] == text_state.OCR_PENDING]
        if not waiting or self.result.cancelled:
            return
        report = ocr_documents(self.archive, waiting, self.options, self.progress, self.cancel)
        self.result.ocr_pages = report.pages
        self.result.cancelled = self.result.cancelled or report.cancelled
        states = {doc_id: text_state.TEXT for doc_id in report.read} | {doc_id: text_state.NO_TEXT
                                                                         for doc_id in report.empty}
        for entry in self.result.without_text:
            entry["text_state"] = states.get(entry["id"], entry["text_state"])
        self.result.without_text = [entry for entry in self.result.without_text if entry["text_state"] != "text"]

    def _find_claims_later(self) -> None:
        """The claims of the documents catalogued without them, found while the indexer commits the last files."""
        waiting = self._claims_waiting
        if waiting:
            assert self._indexing is not None
            self._indexing.commit_now()  # the last commit starts now, not when this is done
            self.progress(Progress(self._done, self._total, "finding claims"))
            find_later(self.archive.sessions, self.archive.lock, waiting)
        self._claims_waiting = []

    def _indexer(self, files: list[Path]) -> IndexFeeder | _IndexHere:
        if len(files) >= FEEDER_MIN_FILES or needs_workers(files):
            return IndexFeeder(self.archive.search_index.folder, INDEX_BATCH, INDEX_SECONDS)
        return _IndexHere(self.archive)

    def _read_all(self, files: list[Path]) -> None:
        """Read every new file and commit what was read in batches of BATCH_SIZE or BATCH_SECONDS."""
        last_flush = time.monotonic()
        reader: Reader[Prepared]
        with open_reader(files, self.limits, options=self.options) as reader:
            for item, outcome in reader(self._to_read(files), _path_of, _claims_now):
                self._read_one(item, outcome)
                if self.cancel.cancelled:
                    self.result.cancelled = True
                    break
                if len(self._pending) >= BATCH_SIZE or time.monotonic() - last_flush > BATCH_SECONDS:
                    self._flush()
                    last_flush = time.monotonic()

    def _to_read(self, files: list[Path]) -> Iterator[Prepared]:
        """The files that need reading; duplicates and unreadable files are noted on the way."""
        for position, path in enumerate(files):
            if self.cancel.cancelled:
                self.result.cancelled = True
                return
            sha, error = hash_file(path, self.limits)
            if sha is None:
                self._pending_errors.append(ImportErrorItem(str(path), error or "cannot read the file"))
                self._step(path)
            elif sha in self._known:
                self._pending_duplicates.append((path, sha))
                self._step(path)
            elif sha in self._twins:
                # the same bytes are being read already: this copy waits for that one's fate
                self._twins[sha].append(path)
                self._step(path)
            else:
                self._twins[sha] = []
                yield Prepared(path, sha, claims_later=self._claims_from is not None and position >= self._claims_from)

    def _read_one(self, item: Prepared, outcome: Outcome) -> None:
        if outcome.error is not None:
            for path in [item.path, *self._twins.pop(item.sha256, [])]:
                self._pending_errors.append(ImportErrorItem(str(path), outcome.error))
        else:
            item.extracted, item.fingerprints, item.claims = outcome.extracted, outcome.fingerprints, outcome.claims
            self._pending.append(item)
        if outcome.seconds > 10:
            log.info("%s took %.1f s to read", item.path, outcome.seconds)
        self._step(item.path)

    def _step(self, path: Path) -> None:
        self._done += 1
        self.progress(Progress(self._done, self._total, str(path)))

    def _flush(self, final: bool = False) -> None:
        """Store and catalogue the pending files in one transaction, then hand them to the indexer.

        Documents catalogued but not yet indexed after a crash are indexed when the archive next opens
        (``Archive.sync_index``) or by ``archivist check --repair``.
        """
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            self._commit_batch(session)
            if final:
                self.run_log.finish(session, self.result.cancelled)
        assert self._indexing is not None
        self._indexing.send(self._to_index)
        if not self._tail_committed and self._done > 2 * TAIL_FILES and self._total - self._done <= TAIL_FILES:
            self._indexing.commit_now()
            self._tail_committed = True
        if self._fingerprints:  # citation keys were made in the transaction (_add_all)
            self.archive.compare.add_fingerprints(self._fingerprints)
        self._pending, self._pending_duplicates, self._pending_errors = [], [], []
        self._to_index, self._fingerprints = [], []

    def _commit_batch(self, session: Session) -> None:
        shas = [item.sha256 for item in self._pending]
        # issue 19: on a team catalogue, wait for other members' write transactions first, so the query below
        # sees every committed document and the loser of a race records a duplicate (the unique sha256 backs it)
        serialize_writes(session)
        # another process may have imported the same bytes since we looked
        taken = dict(session.execute(select(Document.sha256, Document.id).where(Document.sha256.in_(shas))).all())
        self._known.update(taken)
        staged = self._stage_all([item for item in self._pending if item.sha256 not in self._known])
        stored: list[Prepared] = []
        twins_of: list[tuple[Path, str]] = []
        for item in self._pending:
            twins = self._twins.pop(item.sha256, [])
            if item.sha256 in self._known:
                self._pending_duplicates.append((item.path, item.sha256))
            elif item.sha256 in staged and self._place(item, staged[item.sha256]):
                stored.append(item)
            else:
                self._pending_errors += [ImportErrorItem(str(path), "the file changed while it was being imported")
                                         for path in twins]
                continue
            twins_of += [(path, item.sha256) for path in twins]
        if stored:
            self._add_all(session, stored)
        self._pending_duplicates += twins_of
        for path, sha in self._pending_duplicates:
            doc_id = self._known[sha]
            self.result.duplicates.append(DuplicateItem(doc_id, str(path)))
            self.run_log.entry(str(path), "duplicate", f"same bytes as document {doc_id}", doc_id)
        for error in self._pending_errors:
            self.result.errors.append(error)
            self.run_log.entry(error.path, "error", error.error)
        self.run_log.write(session)

    def _add_all(self, session: Session, items: list[Prepared]) -> None:
        """Catalogue rows for the stored items: a few bulk INSERTs for the whole batch.

        Core inserts, not ORM objects: the unit of work cost the importer's process more than anything else
        (py-spy, 10,000 files). The Document objects made afterwards are transient, never added to the session;
        they carry the values to the citation keys, the index and the result.
        """
        values = [document_values(item.path, item.sha256, _extracted(item), item.size) for item in items]
        ids = list(session.scalars(insert(Document).returning(Document.id, sort_by_parameter_order=True), values))
        pairs = list(zip(ids, items, strict=True))
        session.execute(insert(DocumentText), [text_values(_extracted(item)) | {"document_id": i} for i, item in pairs])
        names = [tag_names(_extracted(item)) for item in items]
        tag_rows = [{"document_id": doc_id, "tag_id": tag_named(session, name).id}
                    for doc_id, item_names in zip(ids, names, strict=True) for name in item_names]
        if tag_rows:
            session.execute(insert(document_tags), tag_rows)
        insert_claims(session, [row for i, item in pairs for row in claim_rows(i, item.claims or [])])  # issue 18
        later = [i for i, item in pairs if item.claims is None]
        mark_pending(session, later)
        self._claims_waiting += later
        documents = transient_documents(ids, values)
        self.archive.citations.key_new_documents(session, documents)
        for item, document, item_names in zip(items, documents, names, strict=True):
            self._to_index.append(index_entry(document, _extracted(item).text, [], item_names))
            if item.fingerprints is not None:
                self._fingerprints.append((document.id, document.text_version, item.fingerprints))
            self._known[item.sha256] = document.id
            self.result.imported.append(ImportedItem(document.id, str(item.path), document.title))
            if document.text_state != text_state.TEXT:
                self.result.without_text.append({"id": document.id, "path": str(item.path),
                                                 "text_state": document.text_state})
            self.run_log.entry(str(item.path), "ok", "", document.id)

    def _stage_all(self, items: list[Prepared]) -> dict[str, Staged]:
        """Copy the originals into the store's temporary folder and sync them, all at once; by sha256.

        A file whose bytes changed since it was hashed is left out with an error.
        """
        store = self.archive.store
        staged: dict[str, Staged] = {}
        for item, copy in zip(items, store.stage_many([item.path for item in items]), strict=True):
            if isinstance(copy, OSError):
                message = f"cannot copy the file: {copy.strerror or copy}"
            elif copy.sha256 != item.sha256:
                store.discard(copy)
                message = "the file changed while it was being imported; import it again"
            else:
                staged[item.sha256], item.size = copy, copy.size
                continue
            self._pending_errors.append(ImportErrorItem(str(item.path), message))
        return staged

    def _place(self, item: Prepared, staged: Staged) -> bool:
        try:
            self.archive.store.place(staged)
        except OSError as error:
            self.archive.store.discard(staged)
            message = f"cannot write to the archive: {error.strerror}"
            self._pending_errors.append(ImportErrorItem(str(item.path), message))
            return False
        return True


class _IndexHere:
    """Indexing in this process, for small imports: one commit at the end.

    Not under the archive's write lock, as the index feeder's commits are not: holding it while waiting for
    the index's own writer lock, which another import's feeder holds for its whole run, deadlocked until a
    timeout (that import's next batch waits for the archive lock; tests/core/test_writelock.py, four imports).
    The documents are catalogued already; one left unindexed by a crash is indexed when the archive next opens.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._documents: list[IndexDocument] = []

    def send(self, documents: list[IndexDocument]) -> None:
        self._documents += documents

    def commit_now(self) -> None:
        """Nothing to do: a small import commits once, at the end."""

    def __enter__(self) -> _IndexHere:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._documents:
            self.archive.search_index.add(self._documents)


def _claims_from(files: int) -> int:
    """The position from which files' claims are found later: the files of the index's last commit."""
    return max(files - TAIL_FILES, 2 * TAIL_FILES) if files > 2 * TAIL_FILES else 0


def _path_of(item: Prepared) -> Path:
    return item.path


def _claims_now(item: Prepared) -> bool:
    return not item.claims_later


def _extracted(item: Prepared) -> Extracted:
    assert item.extracted is not None
    return item.extracted
