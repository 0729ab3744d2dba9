"""The SQLite migrations build the same catalogue on PostgreSQL, with the change triggers (issue 19)."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa

from archivist.core.catalogue.database import head_revision, open_catalogue
from archivist.core.catalogue.models import Base, Document
from tests.team.postgres_server import Server


def test_every_migration_runs_on_postgresql_and_gives_the_models_tables(postgres: Server) -> None:
    database = postgres.new_database()
    sessions = open_catalogue(postgres.url(database), "Alice", "member-a")
    engine = sessions.kw["bind"]
    inspector = sa.inspect(engine)
    for table in Base.metadata.sorted_tables:
        assert {column.name for column in table.columns} <= {c["name"] for c in inspector.get_columns(table.name)}
    assert postgres.scalar(database, "select version_num from alembic_version") == head_revision()
    assert postgres.scalar(database, "select count(*) from colors") == 4
    engine.dispose()


def test_a_change_and_its_sequence_row_commit_together_or_not_at_all(postgres: Server) -> None:
    database = postgres.new_database()
    sessions = open_catalogue(postgres.url(database), "Alice", "member-a")
    row = {"sha256": "0" * 64, "format": "text", "title": "t", "authors": [], "citation_key_pinned": False,
           "original_name": "t.txt", "size": 1, "page_count": 1, "text_version": "", "extra": {}}
    with sessions.begin() as session:
        session.execute(sa.insert(Document), [row])
    try:
        with sessions.begin() as session:
            session.execute(sa.insert(Document), [{**row, "sha256": "1" * 64}])
            raise RuntimeError("killed before the commit")
    except RuntimeError:
        pass
    assert postgres.scalar(database, "select count(*) from documents") == 1
    assert postgres.scalar(database, "select count(*) from changes") == 1
    assert postgres.scalar(database, "select origin from changes") == "member-a"
    sessions.kw["bind"].dispose()


def test_a_catalogue_set_back_a_revision_migrates_again(postgres: Server) -> None:
    database = postgres.new_database()
    open_catalogue(postgres.url(database)).kw["bind"].dispose()
    with psycopg.connect(postgres.url(database)) as connection:
        connection.execute("update alembic_version set version_num = '0006'")
    open_catalogue(postgres.url(database)).kw["bind"].dispose()
    assert postgres.scalar(database, "select version_num from alembic_version") == head_revision()
    assert postgres.scalar(database, "select count(*) from pg_trigger where tgname like 'archivist_%'") == 14


def test_a_writing_session_waits_for_the_team_write_lock_before_its_first_write(postgres: Server) -> None:
    """Two members adding the same new tag queue up instead of deadlocking on the row and the lock."""
    import threading
    import time

    from archivist.core.catalogue.database import WRITE_LOCK_KEY
    from archivist.core.catalogue.models import Tag
    from archivist.core.catalogue.tags import tag_named

    database = postgres.new_database()
    sessions = open_catalogue(postgres.url(database), "Bob", "member-b")
    finished: list[float] = []

    def add_tag() -> None:
        with sessions.begin() as session:
            tag_named(session, "ceasefire")
        finished.append(time.monotonic())

    with psycopg.connect(postgres.url(database)) as holder:  # another member in the middle of a write
        holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        worker = threading.Thread(target=add_tag)
        worker.start()
        time.sleep(1.0)
        assert not finished  # waiting for the lock, not writing beside the other member
        released = time.monotonic()
        holder.commit()
    worker.join(timeout=30)
    assert finished and finished[0] >= released
    with sessions() as session:
        assert [tag.name for tag in session.query(Tag)] == ["ceasefire"]
    sessions.kw["bind"].dispose()


def test_a_transaction_opened_to_write_queues_before_it_reads(postgres: Server) -> None:
    """``sessions.begin()`` (every change in the core) waits for the lock first: its check-then-insert cannot race."""
    import threading
    import time

    from archivist.core.catalogue.database import WRITE_LOCK_KEY
    from archivist.core.catalogue.models import Tag

    database = postgres.new_database()
    sessions = open_catalogue(postgres.url(database), "Bob", "member-b")
    seen: list[int] = []

    def count_tags_in_a_write_transaction() -> None:
        with sessions.begin() as session:
            seen.append(len(session.query(Tag).all()))

    with psycopg.connect(postgres.url(database)) as holder:  # another member adds a tag, not yet committed
        holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        holder.execute("INSERT INTO tags (name) VALUES ('ceasefire')")
        worker = threading.Thread(target=count_tags_in_a_write_transaction)
        worker.start()
        time.sleep(1.0)
        assert not seen
        holder.commit()
    worker.join(timeout=30)
    assert seen == [1]  # it read after the other member's commit, so it would not insert the tag again
    sessions.kw["bind"].dispose()


def test_a_writer_gives_up_in_one_line_when_another_member_holds_the_lock_too_long(
        postgres: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    from archivist.core.catalogue.database import WRITE_LOCK_KEY
    from archivist.core.errors import ArchiveLockedError

    monkeypatch.setenv("ARCHIVIST_LOCK_TIMEOUT", "0.5")
    database = postgres.new_database()
    sessions = open_catalogue(postgres.url(database), "Bob", "member-b")
    with psycopg.connect(postgres.url(database)) as holder:
        holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        with pytest.raises(ArchiveLockedError, match="another member is writing"), sessions.begin():
            pass
    sessions.kw["bind"].dispose()
