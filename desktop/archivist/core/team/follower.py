"""A member's search index follows the team catalogue's change sequence (issue 19).

The catalogue's triggers write a ``changes`` row for every document, text, tag, collection, highlight and note
row that changes, in the same transaction, and commit them in id order (migration 0007). Each member keeps the
last id its index applied in ``index-seen.json``; catching up re-indexes the documents changed since then and
drops the deleted ones. Applying a change twice is harmless (an index update replaces the entry), so the id is
written after the index commits: a crash in between costs a repeat, never a miss. Changes this member made
itself are skipped — its own commands indexed them already.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from archivist.core.catalogue.models import Change, Document

if TYPE_CHECKING:
    from archivist.core.archive import Archive

log = logging.getLogger("archivist.team")

SEEN_FILE = "index-seen.json"
PAGE = 20_000  # change rows read at a time
# tables whose changes alter a document's index entry (highlights and notes are not indexed)
DOCUMENT_KINDS = frozenset({"documents", "document_texts", "document_tags", "document_collections"})


@dataclass(slots=True)
class FollowReport:
    """What catching up did: ``indexed``/``dropped`` document ids, annotations others changed, the last id seen."""

    last_seen: int = 0
    rebuilt: bool = False
    indexed: list[int] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    annotated: set[int] = field(default_factory=set)  # documents whose highlights or notes others changed

    @property
    def changed(self) -> bool:
        return self.rebuilt or bool(self.indexed or self.dropped or self.annotated)

    def to_json(self) -> dict[str, Any]:
        return {"last_seen": self.last_seen, "rebuilt": self.rebuilt, "indexed": len(self.indexed),
                "dropped": len(self.dropped), "annotated": sorted(self.annotated)}


def read_seen(root: Path) -> int | None:
    try:
        return int(json.loads((root / SEEN_FILE).read_text(encoding="utf-8"))["change"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_seen(root: Path, change_id: int) -> None:
    tmp = root / (SEEN_FILE + ".tmp")
    tmp.write_text(json.dumps({"change": change_id}) + "\n", encoding="utf-8")
    tmp.replace(root / SEEN_FILE)


def latest_change(archive: Archive) -> int:
    return latest_change_in(archive.sessions)


def latest_change_in(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.max(Change.id))) or 0)


def behind(archive: Archive) -> bool:
    """True when colleagues changed the catalogue since this member's index last caught up (cheap: one query)."""
    return latest_change(archive) > (read_seen(archive.root) or 0)


def catch_up(archive: Archive, member: str) -> FollowReport:
    """Apply the changes past the last one seen to this member's index; build it first when it is missing."""
    with archive.lock.hold():
        seen = read_seen(archive.root)
        if not archive.search_index.exists() or seen is None:
            return _rebuild(archive)
        report = FollowReport(last_seen=seen)
        for page in _pages(archive, seen):
            report.last_seen = page[-1][0]
            _apply(archive, [row for row in page if row[3] != member], report)
        if report.last_seen != seen:
            write_seen(archive.root, report.last_seen)
        if archive.search_index.document_count() != archive.count() and archive.imports.idle():
            added, dropped = archive.sync_index()  # this member's import was killed between its two commits
            report.rebuilt = report.rebuilt or bool(added or dropped)
    if report.changed:
        log.info("index caught up to change %d: %d indexed, %d dropped", report.last_seen, len(report.indexed),
                 len(report.dropped))
    return report


def _rebuild(archive: Archive) -> FollowReport:
    archive.reindex()
    return FollowReport(last_seen=read_seen(archive.root) or 0, rebuilt=True)


def rebuilt_index(archive: Archive, rebuild: Callable[[], int]) -> int:
    """Run a member's index rebuild and record the change it is up to (``Archive.reindex`` on a team folder)."""
    last = latest_change(archive)  # read first: what commits during the rebuild is applied next time
    count = rebuild()
    write_seen(archive.root, last)
    return count


def _pages(archive: Archive, seen: int) -> Iterator[list[tuple[int, str, int | None, str | None]]]:
    query = select(Change.id, Change.kind, Change.document_id, Change.origin).order_by(Change.id).limit(PAGE)
    while True:
        with archive.sessions() as session:
            page = [tuple(row) for row in session.execute(query.where(Change.id > seen))]
        if not page:
            return
        yield page  # type: ignore[misc]
        seen = page[-1][0]


def _apply(archive: Archive, rows: list[tuple[int, str, int | None, str | None]], report: FollowReport) -> None:
    touched = {doc_id for _, kind, doc_id, _ in rows if kind in DOCUMENT_KINDS and doc_id is not None}
    report.annotated |= {doc_id for _, kind, doc_id, _ in rows if kind not in DOCUMENT_KINDS and doc_id is not None}
    if not touched:
        return
    existing: set[int] = set()
    ordered = sorted(touched)
    with archive.sessions() as session:
        for start in range(0, len(ordered), 5000):
            chunk = ordered[start : start + 5000]
            existing |= set(session.scalars(select(Document.id).where(Document.id.in_(chunk))))
    gone = sorted(touched - existing)
    if existing:
        archive.index_documents(sorted(existing))
    if gone:
        archive.search_index.delete(gone)
    report.indexed += sorted(existing)
    report.dropped += gone
