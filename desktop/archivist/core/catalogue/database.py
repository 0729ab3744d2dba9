"""Opening the catalogue, migrated to the newest schema: SQLite in WAL mode with foreign keys on, or a team's
PostgreSQL (issue 19; psycopg is imported only then, so a local archive opens as fast as before)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from archivist.core.errors import ArchivistError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("archivist.catalogue")

MIGRATIONS = Path(__file__).with_name("migrations")
# Alembic takes ~0.2 s to import (a sixth of the GUI's start-up), so it is imported only to migrate: whether
# a catalogue is at the newest revision is read from the migration files' own ``revision = "…"`` lines.
_REVISION_LINE = re.compile(r"""^(down_)?revision\s*(?::[^=\n]*)?=\s*['"]?(\w+)['"]?""", re.MULTILINE)


def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode: a crash loses at most the last commit
    cursor.execute("PRAGMA busy_timeout=30000")  # another process writing: wait rather than fail at once
    cursor.close()


# Every transaction that writes to a team catalogue's tracked tables takes this transaction-level advisory lock
# (the change triggers take it, the importer takes it before it looks for duplicates): writers commit one
# after another, so the change sequence's ids are committed in order and a follower never skips one.
WRITE_LOCK_KEY = 0x41524348  # "ARCH"
MIGRATE_LOCK_KEY = 0x41524349  # the first members connecting at once: one migrates, the others wait


def is_postgresql(target: Path | str) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql:", "postgresql+", "postgres:"))


def create_catalogue_engine(path: Path | str, author: str | None = None, origin: str | None = None) -> Engine:
    """An engine over the SQLite file ``path``, or over a PostgreSQL URL (``author``/``origin`` name the member)."""
    if is_postgresql(path):
        from archivist.core.catalogue.postgres import create_postgres_engine

        engine = create_postgres_engine(str(path), origin)
    else:
        engine = _create_sqlite_engine(Path(path))
    # the author of highlights, notes and imports, read by the columns' default (models.current_author)
    event.listen(engine, "connect", lambda _dbapi, record: record.info.__setitem__("archivist_author", author))
    return engine


def _create_sqlite_engine(path: Path) -> Engine:
    # check_same_thread off: the GUI hands work to worker threads; the pool gives each call its own connection.
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30}, future=True
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def alembic_config(engine_connection: object | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = engine_connection
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _script_heads() -> set[str]:
    """The newest revisions as the migration files name them (a merge's tuple is not read: then Alembic decides)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, name in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (parents if down else revisions).add(name)
    return revisions - parents


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        except (OperationalError, ProgrammingError):  # a new catalogue: no version table yet
            return None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; an archive from an older version opens in a newer one."""
    heads = _script_heads()
    if len(heads) == 1 and _stored_revision(engine) in heads:
        return  # up to date, as nearly always: Alembic is not even imported
    _migrate_with_alembic(engine)


def _migrate_with_alembic(engine: Engine) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    head = head_revision()
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # two members connecting at once: one migrates
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK_KEY})")
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if current is not None and not _known_revision(current):
            raise ArchivistError(
                f"this archive was written by a newer version of Archivist (schema {current}); update Archivist"
            )
        log.info("migrating catalogue from %s to %s", current, head)
        command.upgrade(alembic_config(connection), "head")


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.script.revision import ResolutionError
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def open_catalogue(path: Path | str, author: str | None = None, origin: str | None = None) -> sessionmaker[Session]:
    """A session factory over the catalogue at ``path`` (a file, or a PostgreSQL URL), created and migrated."""
    engine = create_catalogue_engine(path, author, origin)
    migrate(engine)
    if is_postgresql(path):
        from archivist.core.catalogue.postgres import TeamSessions

        return TeamSessions(engine, expire_on_commit=False, lock_key=WRITE_LOCK_KEY)
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def catalogue_writes_held(engine: Engine) -> Iterator[None]:
    """On PostgreSQL, hold the team's write lock meanwhile (``check`` sees no batch half-stored); SQLite: nothing."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection, connection.begin():
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        yield


def serialize_writes(session: Session) -> None:
    """On PostgreSQL, wait until no other member's write transaction is open (held until this one ends).

    The importer calls it before it looks for duplicates, so two members importing the same file cannot both
    find it new; on SQLite the archive's write lock does this already.
    """
    if session.get_bind().dialect.name == "postgresql":
        from archivist.core.catalogue.postgres import take_write_lock

        take_write_lock(session, WRITE_LOCK_KEY)
