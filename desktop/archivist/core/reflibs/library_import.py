"""Bringing a library's entries into the catalogue: attached files imported, metadata applied, keys kept.

A second import of the same library updates the records the first made: an entry is matched to a document by
its attached file (same bytes), else by its citation key (a key the library gave is pinned), else by its DOI.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Document, DocumentText, utcnow
from archivist.core.dates import clean_issued
from archivist.core.jobs import CancelToken, ProgressCallback, no_progress
from archivist.core.records import DuplicateItem, ImportedItem, ImportErrorItem, ImportResult
from archivist.core.reflibs import read_library
from archivist.core.reflibs.entry import RefEntry, normal_doi
from archivist.core.reflibs.file_fields import resolve
from archivist.core.text_version import text_version

if TYPE_CHECKING:
    from archivist.core.archive import Archive

log = logging.getLogger("archivist.import")

REFERENCE_FORMAT = "reference"  # a metadata-only record: its original is the library entry's own text


@dataclass(slots=True)
class _Targets:
    """Which documents an entry's metadata goes to: the first one also takes the entry's citation key."""

    ids: list[int] = field(default_factory=list)
    new: set[int] = field(default_factory=set)


def import_libraries(archive: Archive, libraries: list[Path], result: ImportResult,
                     progress: ProgressCallback = no_progress, cancel: CancelToken | None = None) -> None:
    """Import each library into ``result`` (imported, updated, duplicates, errors)."""
    for library in libraries:
        try:
            entries, problems = read_library(library)
        except OSError as error:
            result.errors.append(ImportErrorItem(str(library), f"cannot read the file: {error.strerror or error}"))
            continue
        result.errors += [ImportErrorItem(str(library), problem) for problem in problems]
        if not entries and not problems:
            result.errors.append(ImportErrorItem(str(library), "no entries in this reference library"))
        if entries:
            _import_entries(archive, library, entries, result, progress, cancel)


def _import_entries(archive: Archive, library: Path, entries: list[RefEntry], result: ImportResult,
                    progress: ProgressCallback, cancel: CancelToken | None) -> None:
    for entry in entries:
        for name in entry.file_names:
            found = resolve(name, library)
            if found is None:
                label = f"entry {entry.key}" if entry.key else f"entry {entry.title!r}"
                if "://" not in name or name.startswith("file:"):
                    result.errors.append(ImportErrorItem(str(library), f"{label}: no file {name}"))
            elif found not in entry.files:
                entry.files.append(found)
    files = list(dict.fromkeys(path for entry in entries for path in entry.files))
    by_path: dict[str, int] = {}
    new_ids: set[int] = set()
    if files:
        attached = archive.import_paths(files, progress, cancel)
        result.errors += attached.errors
        by_path = {item.path: item.id for item in [*attached.imported, *attached.duplicates]}
        new_ids = {item.id for item in attached.imported}
    with archive.lock.hold(), archive.sessions.begin() as session:
        finder = _Finder(session)
        touched: list[int] = []
        for entry in entries:
            targets = _targets(archive, session, finder, library, entry, by_path, new_ids)
            for number, document_id in enumerate(targets.ids):
                document = session.get(Document, document_id)
                assert document is not None
                apply_entry(session, document, entry, library, primary=number == 0, new=document_id in targets.new)
                touched.append(document_id)
                title = document.title
                if document_id in targets.new:
                    result.imported.append(ImportedItem(document_id, _entry_path(library, entry, document), title))
                else:
                    result.updated.append(DuplicateItem(document_id, _entry_path(library, entry, document)))
        session.flush()
        documents = [session.get(Document, document_id) for document_id in dict.fromkeys(touched)]
        archive.citations.key_new_documents(
            session, [document for document in documents if document is not None and not document.citation_key])
    archive.index_documents(list(dict.fromkeys(touched)))


def _entry_path(library: Path, entry: RefEntry, document: Document) -> str:
    """How an entry is named in the import result: the attached file, else ``library.bib#key``."""
    if document.format != REFERENCE_FORMAT and document.source_path:
        return document.source_path
    return f"{library}#{entry.key or document.id}"


def _targets(archive: Archive, session: Session, finder: _Finder, library: Path, entry: RefEntry,
             by_path: dict[str, int], new_ids: set[int]) -> _Targets:
    targets = _Targets()
    for path in entry.files:
        document_id = by_path.get(str(path))
        if document_id is not None and document_id not in targets.ids:
            targets.ids.append(document_id)
            if document_id in new_ids:
                targets.new.add(document_id)
    if targets.ids:
        return targets
    existing = finder.find(entry)
    if existing is not None:
        targets.ids.append(existing)
        return targets
    document_id, created = _reference_record(archive, session, library, entry)
    targets.ids.append(document_id)
    if created:
        targets.new.add(document_id)
    finder.remember(entry, document_id)
    return targets


class _Finder:
    """The documents an entry may already be: by pinned citation key or DOI (read once per library)."""

    def __init__(self, session: Session) -> None:
        pinned = select(Document.citation_key, Document.id).where(Document.citation_key_pinned)
        self.keys = {key.lower(): document_id for key, document_id in session.execute(pinned) if key}
        self.dois: dict[str, int] = {}
        with_doi = select(Document.id, Document.extra).where(cast(Document.extra, Text).like('%"DOI"%'))
        for document_id, extra in session.execute(with_doi):
            doi = ((extra or {}).get("csl") or {}).get("DOI")
            if doi:
                self.dois.setdefault(normal_doi(doi), document_id)

    def find(self, entry: RefEntry) -> int | None:
        if entry.key and entry.key.lower() in self.keys:
            return self.keys[entry.key.lower()]
        return self.dois.get(entry.doi) if entry.doi else None

    def remember(self, entry: RefEntry, document_id: int) -> None:
        if entry.key:
            self.keys.setdefault(entry.key.lower(), document_id)
        if entry.doi:
            self.dois.setdefault(entry.doi, document_id)


def _reference_record(archive: Archive, session: Session, library: Path, entry: RefEntry) -> tuple[int, bool]:
    """A metadata-only document whose stored original is the entry's text; (id, True when made now)."""
    suffix = library.suffix or ".txt"
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder) / f"{entry.key or 'entry'}{suffix}"
        original.write_text(entry.source or entry.as_text(), encoding="utf-8")
        sha, _stored = archive.store.put(original)
        size = original.stat().st_size
    known = session.scalar(select(Document.id).where(Document.sha256 == sha))
    if known is not None:
        return known, False
    text = entry.as_text()
    now = utcnow()
    document = Document(
        sha256=sha, format=REFERENCE_FORMAT, title=entry.title or entry.key or "Untitled reference", authors=[],
        source_path=str(library.absolute()), original_name=f"{library.name} [{entry.key or entry.title}]",
        size=size, page_count=1, text_version=text_version(text), extra={}, imported_at=now, modified_at=now,
    )
    document.content = DocumentText(text=text, pages=[[0, "1"]], headings=[])
    session.add(document)
    session.flush()
    return document.id, True


def apply_entry(session: Session, document: Document, entry: RefEntry, library: Path, primary: bool,
                new: bool = False) -> None:
    """The entry's metadata onto the document; the primary document also takes the entry's citation key."""
    if entry.title:
        document.title = entry.title if primary or document.format == REFERENCE_FORMAT else \
            f"{entry.title} ({document.original_name})"
    if entry.authors:
        document.authors = list(entry.authors)
    if entry.issued:
        document.issued, document.issued_precision = clean_issued(entry.issued)
    for name in ("site", "publisher", "url", "language"):
        value = getattr(entry, name)
        if value:
            setattr(document, name, value)
    document.csl_type = entry.csl_type
    extra: dict[str, Any] = dict(document.extra or {})
    extra["csl"] = dict(entry.csl)
    if entry.keywords:
        extra["keywords"] = list(entry.keywords)
    extra["library"] = {"file": library.name, "key": entry.key}
    if entry.names:
        extra["csl_names"] = list(entry.names)
    document.extra = extra
    if primary and entry.key:
        _take_key(session, document, entry.key)
    elif not document.citation_key_pinned and new:
        document.citation_key = None  # made at import from the file's own metadata: made again from the entry's


def _take_key(session: Session, document: Document, key: str) -> None:
    """Give the document the library's key, pinned, unless another document holds it (then it keeps its own)."""
    holder = session.scalar(select(Document.id).where(func.lower(Document.citation_key) == key.lower()))
    if holder is not None and holder != document.id:
        log.info("citation key %s is taken by document %s; document %s keeps %s", key, holder, document.id,
                 document.citation_key)
        return
    document.citation_key, document.citation_key_pinned = key, True
