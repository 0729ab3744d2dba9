"""The import log as plain values: what each import run did with each file (for ``archivist log`` and the GUI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, insert, select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import ImportLogEntry, ImportRun, utcnow
from archivist.core.errors import NotFoundError

if TYPE_CHECKING:
    from archivist.core.archive import Archive

STATUSES = ("ok", "duplicate", "error")


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment is not None else None


@dataclass(frozen=True, slots=True)
class RunSummary:
    """One import run with how many files it imported, found duplicate, or could not read.

    ``state`` is ``finished``, ``cancelled``, or ``interrupted`` (the program stopped before the run ended:
    what it committed is complete, the rest was never imported).
    """

    id: int
    started_at: datetime
    finished_at: datetime | None
    sources: list[str]
    state: str
    imported: int
    duplicates: int
    errors: int
    author: str | None = None  # who ran it (issue 19: a team member, or this machine's user)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "started_at": _iso(self.started_at), "finished_at": _iso(self.finished_at),
                "sources": self.sources, "state": self.state, "imported": self.imported,
                "duplicates": self.duplicates, "errors": self.errors, "author": self.author}


@dataclass(frozen=True, slots=True)
class LogEntry:
    """What became of one file: status ``ok``, ``duplicate`` or ``error`` with its message."""

    path: str
    status: str
    message: str
    document_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "status": self.status, "message": self.message,
                "document_id": self.document_id}


@dataclass(frozen=True, slots=True)
class ImportLog:
    """Every run (newest first) and the entries of one run (the one asked for, else the newest)."""

    runs: list[RunSummary]
    run_id: int | None = None
    entries: list[LogEntry] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"runs": [run.to_json() for run in self.runs], "run_id": self.run_id,
                "entries": [entry.to_json() for entry in self.entries]}


def import_log(archive: Archive, run_id: int | None = None, errors_only: bool = False) -> ImportLog:
    """The runs of ``archive`` and the entries of ``run_id`` (default: the newest run)."""
    runs = _runs(archive)
    if run_id is None:
        run_id = runs[0].id if runs else None
    elif all(run.id != run_id for run in runs):
        raise NotFoundError(f"no import run with id {run_id}")
    entries = _entries(archive, run_id, errors_only) if run_id is not None else []
    return ImportLog(runs, run_id, entries)


def _runs(archive: Archive) -> list[RunSummary]:
    counts = [func.sum(case((ImportLogEntry.status == status, 1), else_=0)) for status in STATUSES]
    query = (
        select(ImportRun, *counts)
        .join(ImportLogEntry, ImportLogEntry.run_id == ImportRun.id, isouter=True)
        .group_by(ImportRun.id)
        .order_by(ImportRun.id.desc())
    )
    with archive.sessions() as session:
        return [
            RunSummary(run.id, run.started_at, run.finished_at, list(run.sources or []), _state(run),
                       int(ok or 0), int(duplicates or 0), int(errors or 0), run.author)
            for run, ok, duplicates, errors in session.execute(query)
        ]


def _state(run: ImportRun) -> str:
    if run.cancelled:
        return "cancelled"
    return "finished" if run.finished_at is not None else "interrupted"


def _entries(archive: Archive, run_id: int, errors_only: bool) -> list[LogEntry]:
    query = select(ImportLogEntry).where(ImportLogEntry.run_id == run_id).order_by(ImportLogEntry.id)
    if errors_only:
        query = query.where(ImportLogEntry.status == "error")
    with archive.sessions() as session:
        return [LogEntry(row.path, row.status, row.message, row.document_id) for row in session.scalars(query)]


class ImportRunLog:
    """The catalogue's record of one import: a run row and an entry per file."""

    def __init__(self, session: Session, sources: list[str]) -> None:
        run = ImportRun(sources=sources, started_at=utcnow(), cancelled=False)
        session.add(run)
        session.flush()
        self.run_id = run.id
        self._rows: list[dict[str, object]] = []

    def entry(self, path: str, status: str, message: str = "", doc_id: int | None = None) -> None:
        """Note one file's fate; ``write`` puts the noted entries in the catalogue."""
        self._rows.append({"run_id": self.run_id, "path": path, "status": status, "message": message,
                           "document_id": doc_id, "at": utcnow()})

    def write(self, session: Session) -> None:
        """The noted entries in one INSERT (an ORM object per file was a tenth of the importer's own time)."""
        if self._rows:
            session.execute(insert(ImportLogEntry), self._rows)
            self._rows = []

    def finish(self, session: Session, cancelled: bool) -> None:
        run = session.get(ImportRun, self.run_id)
        if run is not None:
            run.finished_at = utcnow()
            run.cancelled = cancelled
