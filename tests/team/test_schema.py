"""The SQLite migrations build the same catalogue on PostgreSQL, with the change triggers (issue 19)."""

from __future__ import annotations

import psycopg
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
