"""``archivist migrate-to URL --store PATH``: move a local archive into a new team catalogue (issue 19).

Every catalogue row is copied with its id in one PostgreSQL transaction, after the originals are in the shared
store; the row counts of every table are compared afterwards. The local ``catalogue.sqlite`` is kept, renamed
``catalogue.sqlite.migrated``, and so is ``files/``: nothing the user imported is lost. Ids are kept, so the
folder's search index stays valid and becomes the member's cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, delete, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from archivist.core.catalogue.database import serialize_writes
from archivist.core.catalogue.models import Base, Document
from archivist.core.catalogue.postgres import public_url
from archivist.core.errors import ArchivistError, InvalidInputError
from archivist.core.store import Store
from archivist.core.team.binding import Binding, new_member_id, write_binding
from archivist.core.team.follower import latest_change_in, write_seen
from archivist.core.team.membership import database_problem, open_team_catalogue
from archivist.core.team.store_claim import agree_on_store, write_marker
from archivist.core.team.user import user_name

if TYPE_CHECKING:
    from archivist.core.archive import Archive

NOT_COPIED = frozenset({"changes", "team_settings"})  # the team's own bookkeeping starts afresh
CHUNK = 2000


@dataclass(slots=True)
class Migrated:
    url: str
    store: Path
    counts: dict[str, int] = field(default_factory=dict)
    files_copied: int = 0
    kept: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "store": str(self.store), "counts": self.counts, "files_copied": self.files_copied,
                "kept": self.kept}


def migrate_to(archive: Archive, url: str, store: Path) -> Migrated:
    if archive.team is not None:
        raise InvalidInputError(f"{archive.root} is already a member of the team catalogue {archive.team.url}")
    member = new_member_id()
    target = open_team_catalogue(url, user_name(archive.root), member)
    try:
        with archive.lock.hold():
            report = _copy(archive, target, store)
            report.url = public_url(url)
            write_binding(archive.root, Binding(url, report.store, member))
            write_seen(archive.root, latest_change_in(target))
    finally:
        bind = target.kw.get("bind")
        if bind is not None:
            bind.dispose()
    report.kept = _retire_local_catalogue(archive)
    return report


def _copy(archive: Archive, target: sessionmaker[Session], store: Path) -> Migrated:
    tables = [table for table in Base.metadata.sorted_tables if table.name not in NOT_COPIED]
    try:
        with target.begin() as session:
            serialize_writes(session)
            if session.scalar(select(func.count(Document.id))):
                raise InvalidInputError(f"the team catalogue {public_url(str(target.kw['bind'].url))} has documents "
                                        "already; migrate into a new, empty database")
            store_path, marker = agree_on_store(session, store)
            report = Migrated("", store_path)
            report.files_copied = _copy_originals(archive, Store(store_path))
            connection = session.connection()
            for table in reversed(tables):  # defaults the migrations inserted (colours) give way to the archive's
                connection.execute(delete(table))
            with archive.sessions() as source:
                for table in tables:
                    _copy_table(source.connection(), connection, table)
            report.counts = _compare_counts(archive, connection, tables)
    except DBAPIError as error:
        raise database_problem(public_url(str(target.kw["bind"].url)), error) from error
    if marker is not None:
        write_marker(store_path, marker)
    return report


def _copy_originals(archive: Archive, store: Store) -> int:
    copied = 0
    for sha in archive.store.all_hashes():
        if not store.has(sha):
            stored, _ = store.put(archive.store.path_for(sha))
            if stored != sha:
                raise ArchivistError(f"the original {archive.store.path_for(sha)} no longer matches its name; "
                                     "run 'archivist check --repair' before migrating")
            copied += 1
    return copied


def _copy_table(source: Connection, target: Connection, table: Table) -> None:
    rows = source.execute(select(table)).mappings()
    while chunk := rows.fetchmany(CHUNK):
        target.execute(table.insert(), [dict(row) for row in chunk])
    if "id" in table.c and table.c.id.primary_key and len(table.primary_key.columns) == 1:
        # rows came with their ids: the next id PostgreSQL hands out must follow the largest
        target.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))


def _compare_counts(archive: Archive, target: Connection, tables: list[Table]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with archive.sessions() as source:
        for table in tables:
            here = source.scalar(select(func.count()).select_from(table)) or 0
            there = target.scalar(select(func.count()).select_from(table)) or 0
            if here != there:
                raise ArchivistError(f"{table.name}: {here} rows here but {there} in the team catalogue; "
                                     "nothing was changed")
            counts[table.name] = int(there)
    return counts


def _retire_local_catalogue(archive: Archive) -> str:
    """Close the local catalogue and keep it beside the folder's binding under a name that is never opened."""
    bind = archive.sessions.kw.get("bind")
    if bind is not None:
        bind.dispose()
    kept = archive.root / "catalogue.sqlite.migrated"
    (archive.root / "catalogue.sqlite").replace(kept)
    for suffix in ("-wal", "-shm"):  # normally gone once the engine is closed; kept with it if not
        journal = archive.root / f"catalogue.sqlite{suffix}"
        if journal.exists():
            journal.replace(archive.root / f"catalogue.sqlite.migrated{suffix}")
    return str(kept)
