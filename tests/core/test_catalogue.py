"""The catalogue: WAL and foreign keys on, migrations applied on open, older archives open in newer versions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from archivist.core.archive import Archive
from archivist.core.catalogue.database import head_revision
from archivist.core.errors import ArchivistError


def test_wal_mode_and_foreign_keys(empty_archive: Archive) -> None:
    with empty_archive.sessions() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_new_archive_is_at_the_newest_schema_with_default_colours(empty_archive: Archive) -> None:
    with sqlite3.connect(empty_archive.root / "catalogue.sqlite") as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        colours = [row[0] for row in connection.execute("SELECT name FROM colors ORDER BY position")]
    assert colours == ["yellow", "green", "red", "blue"]


def test_archive_of_the_first_schema_opens_and_keeps_its_documents(seeded_root: Path) -> None:
    """Simulate an archive written by version 0.1 (schema 0001): opening migrates it, data intact."""
    catalogue = seeded_root / "catalogue.sqlite"
    with sqlite3.connect(catalogue) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
    with Archive.open(seeded_root) as archive:
        assert archive.count() == 2
    with sqlite3.connect(catalogue) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()


def test_archive_from_a_newer_version_is_refused_clearly(seeded_root: Path) -> None:
    with sqlite3.connect(seeded_root / "catalogue.sqlite") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    with pytest.raises(ArchivistError, match="newer version of Archivist"):
        Archive.open(seeded_root)
