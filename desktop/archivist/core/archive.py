"""Archive: the one facade the GUI and the CLI use.

An archive is a folder: ``catalogue.sqlite`` (the truth), ``files/`` (originals by sha256) and ``index/``
(Whoosh, a cache that ``reindex`` rebuilds from the catalogue).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from archivist.core.catalogue import Collection, Document, DocumentText, Highlight, Tag, open_catalogue
from archivist.core.catalogue.tags import tag_named
from archivist.core.dates import clean_issued
from archivist.core.errors import ArchivistError, InvalidInputError, NotFoundError
from archivist.core.extract.base import Heading, Page, ReadOptions
from archivist.core.extract.limits import Limits
from archivist.core.index import (
    IndexDocument,
    RelatedHit,
    SearchIndex,
    SearchResults,
    facet_counts,
    related_documents,
    run_search,
)
from archivist.core.index.documents import index_entry
from archivist.core.ingest.activity import ImportActivity
from archivist.core.ingest.discovery import discover
from archivist.core.ingest.importer import Importer
from archivist.core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from archivist.core.metadata_edit import CITABLE_FIELDS, apply_citable
from archivist.core.records import DocumentContent, DocumentRecord, DocumentSummary, ImportResult
from archivist.core.store import Store
from archivist.core.team.user import user_name
from archivist.core.writelock import WriteLock

if TYPE_CHECKING:
    from archivist.core.annotation_records import ReanchorReport
    from archivist.core.annotations import Annotations
    from archivist.core.check import CheckReport
    from archivist.core.citations import Citations
    from archivist.core.claims import Claims
    from archivist.core.compare import Comparer
    from archivist.core.ingest.log import ImportLog
    from archivist.core.team.binding import Binding
    from archivist.core.team.follower import FollowReport

log = logging.getLogger("archivist.archive")

CATALOGUE = "catalogue.sqlite"
TEAM = "team.json"  # team/binding.py's BINDING_FILE, named here so a local archive opens without importing it
FILES = "files"
INDEX = "index"
# csl_type, language and keywords: core/metadata_edit.py (issue 17)
EDITABLE_FIELDS = ("title", "authors", "date", "publisher", "site", "url", "language", "csl_type", "keywords")
ORDERS = {
    "imported": (Document.imported_at.desc(), Document.id.desc()),
    "title": (func.lower(Document.title), Document.id),
    "date": (Document.issued.desc().nulls_last(), Document.id.desc()),
}

class Archive:
    """An open archive folder."""

    def __init__(self, root: Path, sessions: sessionmaker[Session], team: Binding | None = None) -> None:
        self.root = root
        self.sessions = sessions
        self.team = team  # issue 19: the team catalogue this folder is bound to (None: a local archive)
        self.store = Store(team.store if team is not None else root / FILES)
        self.search_index = SearchIndex(root / INDEX)
        self.lock = WriteLock(root / "write.lock")
        self.imports = ImportActivity(root / "import.lock")
        self.import_limits = Limits.from_env()  # per-file size, time and memory limits of imports

    # -- opening and closing ---------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path, create: bool = True, check_index: bool = True) -> Archive:
        """Open the archive at ``root``; create it when missing and ``create`` is true.

        ``check_index`` runs ``repair_index`` now; the GUI passes False and runs it on a worker thread later,
        so its window never waits on the index (opening a searcher on 100,000 documents is slow and large).
        """
        root = Path(root)
        if (root / TEAM).is_file():  # issue 19: a member's folder of a team catalogue on PostgreSQL
            archive = cls._open_team(root)
            if check_index:
                archive.repair_index()
            return archive
        catalogue = root / CATALOGUE
        if not catalogue.exists():
            if not create:
                raise NotFoundError(f"no archive at {root}")
            if root.exists() and not root.is_dir():
                raise ArchivistError(f"{root} is a file, not an archive folder")
            root.mkdir(parents=True, exist_ok=True)
        archive = cls(root, open_catalogue(catalogue, user_name(root)))
        if check_index:
            archive.repair_index()
        return archive

    @classmethod
    def _open_team(cls, root: Path) -> Archive:
        from archivist.core.team.binding import read_binding
        from archivist.core.team.membership import open_member

        binding = read_binding(root)
        assert binding is not None
        return cls(root, open_member(root, binding, user_name(root)), binding)

    def follow_changes(self) -> FollowReport | None:
        """A team member's index applies colleagues' changes (issue 19); None for a local archive."""
        if self.team is None:
            return None
        from archivist.core.team.follower import catch_up

        return catch_up(self, self.team.member)

    def repair_index(self) -> bool:
        """Rebuild a missing or outdated index, or add what an interrupted import left out; True if it did."""
        if self.team is not None:
            report = self.follow_changes()
            return report is not None and report.changed
        if not self.search_index.exists():
            self.reindex()
            return True
        if self.search_index.document_count() != self.count() and self.imports.idle():
            self.sync_index()  # an import was interrupted between its catalogue and index commits
            return True
        return False

    @staticmethod
    def exists(root: Path) -> bool:
        return (Path(root) / CATALOGUE).is_file() or (Path(root) / TEAM).is_file()

    def close(self) -> None:
        self.search_index.close()
        bind = self.sessions.kw.get("bind")
        if bind is not None:
            bind.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: tuple[type[BaseException], BaseException, TracebackType] | Any) -> None:
        self.close()

    # -- features kept in their own modules ------------------------------------------------------------
    @cached_property
    def annotations(self) -> Annotations:
        from archivist.core.annotations import Annotations

        return Annotations(self)

    @cached_property
    def citations(self) -> Citations:
        from archivist.core.citations import Citations

        return Citations(self)

    @cached_property
    def claims(self) -> Claims:
        from archivist.core.claims import Claims

        return Claims(self)

    @cached_property
    def compare(self) -> Comparer:
        from archivist.core.compare import Comparer

        return Comparer(self)

    # -- reading documents -----------------------------------------------------------------------------
    def count(self) -> int:
        with self.sessions() as session:
            return session.scalar(select(func.count(Document.id))) or 0

    def document_ids(self, order: str = "imported") -> list[int]:
        """Every document id in list order: cheap even for 100,000 documents (ids only)."""
        with self.sessions() as session:
            return list(session.scalars(select(Document.id).order_by(*ORDERS[order])))

    def summaries(self, ids: Sequence[int]) -> dict[int, DocumentSummary]:
        """List rows for the given ids (a lazy model asks for a screenful at a time)."""
        with self.sessions() as session:
            rows = session.scalars(select(Document).where(Document.id.in_(list(ids))))
            return {row.id: DocumentSummary.of(row) for row in rows}

    def list_documents(self, order: str = "imported") -> list[DocumentSummary]:
        with self.sessions() as session:
            rows = session.scalars(select(Document).order_by(*ORDERS[order]))
            return [DocumentSummary.of(row) for row in rows]

    def get(self, document_id: int) -> DocumentRecord:
        with self.sessions() as session:
            return DocumentRecord.of(self._document(session, document_id))

    def content(self, document_id: int) -> DocumentContent:
        with self.sessions() as session:
            row = session.get(DocumentText, document_id)
            if row is None:
                raise NotFoundError(f"no document with id {document_id}")
            return DocumentContent(
                row.text,
                [Page(int(start), str(label)) for start, label in row.pages] or [Page(0, "1")],
                [Heading(int(s), int(e), int(level)) for s, e, level in row.headings or []],
            )

    def original_path(self, document_id: int) -> Path:
        """Where the stored original is (read-only: never hand it to anything that writes)."""
        return self.store.path_for(self.get(document_id).sha256)

    @staticmethod
    def _document(session: Session, document_id: int) -> Document:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFoundError(f"no document with id {document_id}")
        return document

    # -- changing documents ----------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Iterable[Path | str],
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        options: ReadOptions | None = None,
    ) -> ImportResult:
        """Import files and folders (recursively); per-file errors are reported, never raised.

        ``options``: passwords for locked PDFs and the OCR languages (issue 14; the GUI's password prompt and OCR
        language setting pass them here).

        Reference libraries (.bib, .ris, CSL-JSON) among them or in their folders are read as libraries after
        the documents (issue 17, core/reflibs), so attached files found in the same folder are matched, not
        imported twice."""
        from archivist.core.reflibs.library_import import import_libraries

        token = cancel or CancelToken()
        given = [Path(path) for path in paths]
        found = discover(given)
        importer = Importer(self, progress, token, self.import_limits, options)
        result = importer.run(given, found) if found.files or found.errors or not found.libraries else ImportResult()
        if found.libraries and not token.cancelled:
            import_libraries(self, found.libraries, result, progress, token)
        return result

    def update_metadata(self, document_id: int, **changes: Any) -> DocumentRecord:
        """Change editable fields (title, authors, date, publisher, site, url, language, csl_type, keywords);
        an empty value clears a field (csl_type: back to the type guessed from the format)."""
        unknown = set(changes) - set(EDITABLE_FIELDS)
        if unknown:
            raise InvalidInputError(f"cannot edit {', '.join(sorted(unknown))}")
        with self.lock.hold():
            with self.sessions.begin() as session:
                document = self._document(session, document_id)
                _apply_metadata(document, changes)
                record = DocumentRecord.of(document)
            self.index_documents([document_id])
        return record

    def set_tags(self, document_id: int, tags: Iterable[str]) -> DocumentRecord:
        with self.lock.hold():
            with self.sessions.begin() as session:
                document = self._document(session, document_id)
                document.tags = [tag_named(session, name) for name in dict.fromkeys(tags) if name.strip()]
                record = DocumentRecord.of(document)
            self.index_documents([document_id])
        return record

    def re_extract(self, document_id: int) -> ReanchorReport:
        """Extract the stored original again (an extractor improved) and re-anchor the document's highlights."""
        from archivist.core.extract import extract_file
        from archivist.core.ingest.ocr_store import keep_ocr_text

        if self.get(document_id).format == "reference":  # issue 17: a library entry, not a file to extract
            from archivist.core.reflibs import reference_text

            text = reference_text(self.original_path(document_id)) or self.content(document_id).text
            return self.replace_text(document_id, text, [Page(0, "1")], [])
        # a scan's pages keep the text OCR read (issue 14)
        extracted = keep_ocr_text(self, document_id, extract_file(self.original_path(document_id)))
        return self.replace_text(document_id, extracted.text, extracted.pages, extracted.headings)

    def replace_text(
        self, document_id: int, text: str, pages: Sequence[Page] | None = None,
        headings: Sequence[Heading] | None = None,
    ) -> ReanchorReport:
        """Give a document a new text: updates its text version, re-anchors highlights (orphans kept), reindexes."""
        report = self.annotations.replace_text(document_id, text, pages, headings)
        self.claims.rebuild([document_id])  # a new text has its own claims (issue 18)
        return report

    def highlight_count(self, document_id: int) -> int:
        with self.sessions() as session:
            query = select(func.count(Highlight.id)).where(Highlight.document_id == document_id)
            return session.scalar(query) or 0

    def delete(self, document_id: int, with_highlights: bool = False) -> None:
        """Remove a document; refuses when it has highlights unless ``with_highlights`` confirms."""
        with self.lock.hold():
            with self.sessions.begin() as session:
                document = self._document(session, document_id)
                highlights = session.scalar(
                    select(func.count(Highlight.id)).where(Highlight.document_id == document_id)
                )
                if highlights and not with_highlights:
                    raise InvalidInputError(
                        f"document {document_id} has {highlights} highlight(s); confirm to delete them too"
                    )
                sha = document.sha256
                session.delete(document)
            self.search_index.delete([document_id])
            self.store.remove(sha)

    # -- tags and collections --------------------------------------------------------------------------
    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of documents carrying it."""
        with self.sessions() as session:
            query = (
                select(Tag.name, func.count(Document.id))
                .join(Tag.documents, isouter=True)
                .group_by(Tag.id)
                .order_by(func.lower(Tag.name))
            )
            return [(name, count) for name, count in session.execute(query)]

    def collections(self) -> list[tuple[int, str, int]]:
        """(id, name, document count) of every collection."""
        with self.sessions() as session:
            query = (
                select(Collection.id, Collection.name, func.count(Document.id))
                .join(Collection.documents, isouter=True)
                .group_by(Collection.id)
                .order_by(func.lower(Collection.name))
            )
            return [(cid, name, count) for cid, name, count in session.execute(query)]

    def create_collection(self, name: str) -> int:
        name = name.strip()
        if not name:
            raise InvalidInputError("a collection needs a name")
        with self.lock.hold(), self.sessions.begin() as session:
            if session.scalar(select(Collection).where(Collection.name == name)) is not None:
                raise InvalidInputError(f"a collection named {name!r} exists already")
            collection = Collection(name=name)
            session.add(collection)
            session.flush()
            return collection.id

    def add_to_collection(self, collection_id: int, document_ids: Iterable[int]) -> None:
        ids = list(document_ids)
        with self.lock.hold():
            with self.sessions.begin() as session:
                collection = session.get(Collection, collection_id)
                if collection is None:
                    raise NotFoundError(f"no collection with id {collection_id}")
                present = {document.id for document in collection.documents}
                for document_id in ids:
                    if document_id not in present:
                        collection.documents.append(self._document(session, document_id))
            self.index_documents(ids)

    def collection_document_ids(self, collection_id: int) -> list[int]:
        with self.sessions() as session:
            collection = session.get(Collection, collection_id)
            if collection is None:
                raise NotFoundError(f"no collection with id {collection_id}")
            return sorted(document.id for document in collection.documents)

    # -- search and index ------------------------------------------------------------------------------
    def search(
        self, query: str, limit: int = 20, sort: str = "relevance", snippets: bool = True, free_text: bool = False
    ) -> SearchResults:
        """Ranked hits with snippets; ``free_text`` treats operators, fields and punctuation as plain words."""
        return run_search(self.search_index, query, self._texts_and_pages, limit, sort, snippets, free_text)

    def facets(self, query: str | Sequence[int] | None = None) -> dict[str, list[tuple[str, int]]]:
        """Counts by format, year, tag and site, biggest first (years newest first).

        A query string counts the documents it matches, from the index ("" or None: the whole archive);
        a list of ids counts those documents from the catalogue (format, year, site).
        """
        if query is None or isinstance(query, str):
            return facet_counts(self.search_index, query)
        from archivist.core.facets import catalogue_facets

        with self.sessions() as session:
            return catalogue_facets(session, query)

    def related(self, document_id: int, limit: int = 10) -> list[RelatedHit]:
        """Documents sharing this one's key terms (more like this), itself excluded."""
        return related_documents(self.search_index, document_id, self.content(document_id).text, limit)

    def match_spans(self, document_id: int, query: str) -> list[tuple[int, int]]:
        """(start, end) offsets in the document's text of what the query matches (for the reader): each word,
        and each quoted phrase as one match."""
        from archivist.core.index.search import match_spans

        return match_spans(self.search_index, self.content(document_id).text, query)

    def _texts_and_pages(self, document_ids: list[int]) -> dict[int, tuple[str, list[Page]]]:
        """Texts and pages of many documents in one query (snippets for 200 hits: 95 → 30 ms at 100k)."""
        query = select(DocumentText.document_id, DocumentText.text, DocumentText.pages).where(
            DocumentText.document_id.in_(document_ids))
        with self.sessions() as session:
            return {
                document_id: (text, [Page(int(start), str(label)) for start, label in pages or []] or [Page(0, "1")])
                for document_id, text, pages in session.execute(query)
            }

    def index_documents(self, document_ids: Sequence[int]) -> None:
        """Bring the index entries of these documents up to date with the catalogue."""
        self.search_index.add(self._index_documents(list(document_ids)))

    def _index_documents(self, document_ids: list[int] | None) -> Iterable[IndexDocument]:
        """IndexDocuments from the catalogue, read in chunks so memory stays flat for large archives."""
        with self.sessions() as session:
            ids = document_ids if document_ids is not None else list(session.scalars(select(Document.id)))
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                query = (
                    select(Document)
                    .where(Document.id.in_(chunk))
                    .options(selectinload(Document.content), selectinload(Document.collections))
                )
                for document in session.scalars(query):
                    yield _index_document(document)
                session.expunge_all()

    def sync_index(self) -> tuple[int, int]:
        """Index catalogued documents the index lacks and drop entries of deleted ones: (added, dropped)."""
        with self.lock.hold():
            with self.sessions() as session:
                catalogued = set(session.scalars(select(Document.id)))
            indexed = self.search_index.indexed_ids()
            missing, stale = sorted(catalogued - indexed), sorted(indexed - catalogued)
            if missing:
                self.index_documents(missing)
            if stale:
                self.search_index.delete(stale)
        log.info("index synced: %d added, %d dropped", len(missing), len(stale))
        return len(missing), len(stale)

    def reindex(self, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> int:
        """Rebuild the index from the catalogue; the old index stays in place until the new one is done."""
        total = self.count()
        token = cancel or CancelToken()

        def counted() -> Iterable[IndexDocument]:
            for done, document in enumerate(self._index_documents(None), start=1):
                token.raise_if_cancelled()
                if done % 100 == 0 or done == total:
                    progress(Progress(done, total, document.title))
                yield document

        with self.lock.hold():
            if self.team is None:
                return self.search_index.rebuild(counted())
            from archivist.core.team.follower import rebuilt_index

            return rebuilt_index(self, lambda: self.search_index.rebuild(counted()))  # issue 19

    def check(self, repair: bool = False) -> CheckReport:
        """Compare catalogue, stored originals and index; ``repair`` fixes what can be fixed."""
        from archivist.core.check import check_archive

        return check_archive(self, repair)

    def import_log(self, run_id: int | None = None, errors_only: bool = False) -> ImportLog:
        """Import runs with their counts, and the per-file entries of ``run_id`` (default: the newest run)."""
        from archivist.core.ingest.log import import_log

        return import_log(self, run_id, errors_only)


def _index_document(document: Document) -> IndexDocument:
    text = document.content.text if document.content is not None else ""
    return index_entry(document, text, [collection.id for collection in document.collections])


def _apply_metadata(document: Document, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        if name == "authors":
            names = value if isinstance(value, list) else str(value or "").split(";")
            document.authors = [author.strip() for author in names if author.strip()]
        elif name == "date":
            issued, precision = clean_issued(value or None)
            if value and issued is None:
                raise InvalidInputError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
            document.issued, document.issued_precision = issued, precision
        elif name in CITABLE_FIELDS:
            apply_citable(document, name, value)
        elif name == "title":
            if not str(value or "").strip():
                raise InvalidInputError("a document needs a title")
            document.title = str(value).strip()
        else:
            setattr(document, name, (str(value).strip() or None) if value is not None else None)
