"""``archivist check``: is the catalogue consistent with the stored originals and the search index?

The catalogue is the truth. A crash can leave a stored original that no committed row names (store.put runs
inside the batch's transaction, so a rollback leaves the copy behind), a temporary file, or index entries
behind the catalogue; all of that is repaired here. What cannot be repaired (an original that is gone and whose
source file changed, a damaged SQLite file) is listed for the user.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from archivist.core.catalogue.database import catalogue_writes_held
from archivist.core.catalogue.models import Document
from archivist.core.store import STORE_MARKER, sha256_of

if TYPE_CHECKING:
    from archivist.core.archive import Archive


@dataclass(slots=True)
class Problem:
    """One inconsistency; ``fixed`` once a repair dealt with it."""

    kind: str
    detail: str
    fixed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail, "fixed": self.fixed}


@dataclass(slots=True)
class CheckReport:
    """What a check looked at and what it found."""

    documents: int = 0
    files: int = 0
    index_entries: int = 0
    repaired: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing is wrong any more (no problems, or every one repaired)."""
        return all(problem.fixed for problem in self.problems)

    @property
    def unfixed(self) -> list[Problem]:
        return [problem for problem in self.problems if not problem.fixed]

    def add(self, kind: str, detail: str, fixed: bool = False) -> None:
        self.problems.append(Problem(kind, detail, fixed))

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "repaired": self.repaired, "documents": self.documents, "files": self.files,
                "index_entries": self.index_entries, "problems": [problem.to_json() for problem in self.problems]}


def check_archive(archive: Archive, repair: bool = False) -> CheckReport:
    """Compare catalogue, store and index; with ``repair``, fix what can be fixed.

    Holds the write lock so that an import in another process cannot look like orphans mid-batch.
    """
    report = CheckReport(repaired=repair)
    engine = archive.sessions.kw["bind"]
    with archive.lock.hold(), catalogue_writes_held(engine):  # issue 19: a team's other members wait too
        if archive.team is not None:
            archive.follow_changes()  # colleagues' changes are not this index's problems
        else:
            _check_sqlite(archive, report)
        with archive.sessions() as session:
            documents = {sha: (doc_id, source) for doc_id, sha, source in
                         session.execute(select(Document.id, Document.sha256, Document.source_path))}
        report.documents = len(documents)
        _check_originals(archive, documents, report, repair)
        _check_store_extras(archive, set(documents), report, repair)
        _check_index(archive, {doc_id for doc_id, _ in documents.values()}, report, repair)
    return report


def _check_sqlite(archive: Archive, report: CheckReport) -> None:
    with archive.sessions() as session:
        integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        foreign = list(session.execute(text("PRAGMA foreign_key_check")))
    if integrity != ["ok"]:
        for message in integrity[:20]:
            report.add("catalogue-damaged", f"SQLite integrity check: {message}; restore from a backup")
    for table, rowid, parent, _index in foreign[:50]:
        report.add("catalogue-reference", f"{table} row {rowid} refers to a missing {parent} row")


def _check_originals(archive: Archive, documents: dict[str, tuple[int, str | None]], report: CheckReport,
                     repair: bool) -> None:
    """Every catalogued document's original is present and still has its sha256."""
    for sha, (doc_id, source) in documents.items():
        stored = archive.store.path_for(sha)
        if not stored.is_file():
            kind, detail = "missing-original", f"document {doc_id}: its original {sha[:12]}… is missing"
        elif sha256_of(stored) != sha:
            kind, detail = "corrupt-original", f"document {doc_id}: its original {sha[:12]}… no longer matches"
        else:
            report.files += 1
            continue
        fixed = repair and _restore_original(archive, sha, source)
        if repair and not fixed:
            detail += f"; its source {source or '(unknown)'} is gone or changed: restore it from a backup"
        report.add(kind, detail, fixed)


def _restore_original(archive: Archive, sha: str, source: str | None) -> bool:
    """Copy the original back from where it was imported from, if that file still has the same bytes."""
    if not source or not Path(source).is_file():
        return False
    try:
        if sha256_of(Path(source)) != sha:
            return False
        archive.store.remove(sha)
        stored_sha, _ = archive.store.put(Path(source))
    except OSError:
        return False
    return stored_sha == sha


def _check_store_extras(archive: Archive, shas: set[str], report: CheckReport, repair: bool) -> None:
    """Files in ``files/`` that no document names, and temporaries an interrupted copy left."""
    root = archive.store.root
    if not root.is_dir():
        return
    for folder in sorted(root.iterdir()):
        if not folder.is_dir():
            if folder.name != STORE_MARKER:  # a team store's marker (issue 19) is no orphan
                _extra(report, "orphan-file", folder, repair)
            continue
        for entry in sorted(folder.iterdir()):
            if folder.name == "tmp":
                _extra(report, "temporary-file", entry, repair)
            elif entry.name not in shas or folder.name != entry.name[:2]:
                _extra(report, "orphan-file", entry, repair)
    for leftover in (archive.search_index.folder.with_name(archive.search_index.folder.name + suffix)
                     for suffix in (".rebuilding", ".old")):
        if leftover.exists():
            _extra(report, "temporary-file", leftover, repair)


def _extra(report: CheckReport, kind: str, path: Path, repair: bool) -> None:
    """A file or folder that should not be there; removing it loses nothing the catalogue knows of."""
    if repair:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    report.add(kind, str(path), fixed=repair and not path.exists())


def _check_index(archive: Archive, ids: set[int], report: CheckReport, repair: bool) -> None:
    try:
        entries = _index_entries(archive)
    except Exception as error:  # a damaged index is only a cache: any failure to read it means rebuild
        report.add("index-damaged", f"the search index cannot be read ({type(error).__name__})")
        if repair:
            archive.reindex()
            report.problems[-1].fixed = True
        return
    indexed = set(entries)
    report.index_entries = len(entries)
    missing, stale = sorted(ids - indexed), sorted(indexed - ids)
    doubled = sorted({doc_id for doc_id in entries if entries.count(doc_id) > 1} & ids)
    if repair and (missing or doubled):
        archive.index_documents(missing + doubled)  # an update replaces every entry with the id
    if repair and stale:
        archive.search_index.delete(stale)
    for doc_id in missing:
        report.add("not-indexed", f"document {doc_id} is not in the search index", repair)
    for doc_id in doubled:
        report.add("doubled-index-entry", f"document {doc_id} has more than one index entry", repair)
    for doc_id in stale:
        report.add("stale-index-entry", f"the index has an entry for document {doc_id}, which does not exist", repair)


def _index_entries(archive: Archive) -> list[int]:
    """The id of every live index entry, read through a fresh searcher (a reused one may miss deletions)."""
    with archive.search_index.index.searcher() as searcher:
        return [int(fields["id"]) for fields in searcher.all_stored_fields()]
