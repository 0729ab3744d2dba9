"""A team catalogue on PostgreSQL (issue 19): the engine, and the URL forms users type.

Credentials come from the URL, ``~/.pgpass`` or ``PGPASSWORD`` (libpq reads both itself); the URL an archive
folder keeps has its password removed (``public_url``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from archivist.core.errors import ArchiveLockedError, InvalidInputError
from archivist.core.writelock import default_timeout

CONNECT_TIMEOUT = 10  # seconds: an unreachable server is a one-line error, not a hang


def parse_url(url: str) -> URL:
    """``postgresql://user@host[:port]/db`` (also ``postgres://``) as SQLAlchemy's psycopg 3 URL."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as error:
        raise InvalidInputError(f"{url!r} is not a database URL (postgresql://user@host/database)") from error
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise InvalidInputError(f"{url!r}: a team catalogue is a PostgreSQL URL (postgresql://user@host/database)")
    if not parsed.database:
        raise InvalidInputError(f"{url!r} names no database (postgresql://user@host/database)")
    return parsed.set(drivername="postgresql+psycopg")


def public_url(url: str) -> str:
    """The URL without its password, as an archive folder may keep it."""
    parsed = parse_url(url)
    public = URL.create("postgresql", parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    return public.render_as_string(hide_password=False)


def create_postgres_engine(url: str, origin: str | None = None) -> Engine:
    """An engine whose connections tell the change triggers which member they are (``archivist.origin``)."""
    engine = create_engine(parse_url(url), pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT})

    def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT set_config('archivist.origin', %s, false)", (origin or "",))
        cursor.close()
        dbapi_connection.commit()

    event.listen(engine, "connect", on_connect)
    return engine


def take_write_lock(session: Session, lock_key: int) -> None:
    """Wait until no other member's write transaction is open; held until this transaction ends (once per one)."""
    transaction = session.get_transaction()
    if transaction is None or session.info.get("archivist_write_lock") is transaction:
        return
    session.info["archivist_write_lock"] = transaction
    seconds = default_timeout()  # as long as the SQLite lock waits (ARCHIVIST_LOCK_TIMEOUT)
    try:  # lock_timeout bounds the wait for this lock and every later one of the transaction
        session.execute(text(f"SELECT set_config('lock_timeout', '{int(seconds * 1000)}ms', true), "
                             f"pg_advisory_xact_lock({lock_key})"))
    except OperationalError as error:
        if getattr(error.orig, "sqlstate", None) != "55P03":  # lock_not_available
            raise
        raise ArchiveLockedError(f"another member is writing to the team catalogue and did not finish within "
                                 f"{seconds:g} s; try again when it is done") from error


class TeamSessions(sessionmaker[Session]):
    """Sessions over a team catalogue: writers queue for the team's write lock, as SQLite's lock makes them.

    A transaction opened to write (``begin()``, as every change in the core is made) takes the lock before it
    reads anything, so a check-then-insert (is there a tag of this name? a document with this hash?) cannot race
    another member's. Any other session takes it before its first write (ORM statements and flushes). The change
    triggers take it too, but only after their statement's rows are in: alone, two members adding the same new
    tag could wait on each other's row and the lock at once (a deadlock PostgreSQL breaks by failing one).
    """

    def __init__(self, *args: Any, lock_key: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lock_key = lock_key
        event.listen(self, "do_orm_execute", self._on_execute)
        event.listen(self, "before_flush", self._on_flush)

    @contextmanager
    def begin(self) -> Iterator[Session]:  # type: ignore[override]
        with super().begin() as session:
            take_write_lock(session, self.lock_key)
            yield session

    def _on_execute(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            take_write_lock(state.session, self.lock_key)

    def _on_flush(self, session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            take_write_lock(session, self.lock_key)
