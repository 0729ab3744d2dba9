"""Opening the catalogue: SQLite in WAL mode with foreign keys on, migrated to the newest schema."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from archivist.core.errors import ArchivistError

log = logging.getLogger("archivist.catalogue")

MIGRATIONS = Path(__file__).with_name("migrations")


def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe in WAL mode: a crash loses at most the last commit
    cursor.execute("PRAGMA busy_timeout=30000")  # another process writing: wait rather than fail at once
    cursor.close()


def create_catalogue_engine(path: Path) -> Engine:
    # check_same_thread off: the GUI hands work to worker threads; the pool gives each call its own connection.
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 30}, future=True
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def alembic_config(engine_connection: object | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = engine_connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; an archive from an older version opens in a newer one."""
    head = head_revision()
    with engine.begin() as connection:
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
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except (ResolutionError, CommandError):
        return False


def open_catalogue(path: Path) -> sessionmaker[Session]:
    """A session factory over the catalogue at ``path``, created and migrated as needed."""
    engine = create_catalogue_engine(path)
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)
