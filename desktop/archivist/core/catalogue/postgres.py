"""A team catalogue on PostgreSQL (issue 19): the engine, and the URL forms users type.

Credentials come from the URL, ``~/.pgpass`` or ``PGPASSWORD`` (libpq reads both itself); the URL an archive
folder keeps has its password removed (``public_url``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from archivist.core.errors import InvalidInputError

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


def serialise_session_writes(factory: sessionmaker[Session], lock_key: int) -> None:
    """Every session transaction that writes takes the team's write lock before its first write.

    The change triggers take it too, but only after their statement's rows are in: two members adding the same
    new tag name could otherwise wait on each other's row and the lock at once (a deadlock PostgreSQL breaks by
    failing one). Taken first, writers simply queue, as SQLite's single-writer lock makes them on one machine.
    """

    def lock(session: Session) -> None:
        transaction = session.get_transaction()
        if transaction is not None and session.info.get("archivist_write_lock") is not transaction:
            session.info["archivist_write_lock"] = transaction
            session.execute(text(f"SELECT pg_advisory_xact_lock({lock_key})"))

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            lock(state.session)

    def on_flush(session: Session, _context: Any, _instances: Any) -> None:
        if session.new or session.dirty or session.deleted:
            lock(session)

    event.listen(factory, "do_orm_execute", on_execute)
    event.listen(factory, "before_flush", on_flush)
