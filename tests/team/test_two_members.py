"""Issue 19's floor: two members on one real PostgreSQL and one shared store find each other's work."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.team.follower import behind
from tests.conftest import SEEDS
from tests.team.members import connect_two
from tests.team.postgres_server import Server


def test_b_finds_what_a_imports_and_a_sees_bs_highlight_with_its_author(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    imported = a.json("import", SEEDS)["imported"]
    assert len(imported) == 2
    assert sorted(p.name for p in shared_store.glob("*/*")) == sorted(
        str(postgres.scalar(database, f"select sha256 from documents where id = {item['id']}"))
        for item in imported)  # the originals are in the shared store, not in A's folder
    assert not (a.root / "files").exists()

    hits = b.json("search", "Manbij")["hits"]  # B's index caught up with A's import when B's command ran
    assert [hit["id"] for hit in hits] == [imported[0]["id"]]
    b.run("highlight", str(imported[0]["id"]), "--quote", "Manbij", "--note", "Check the casualty figure")
    highlights = a.json("highlights")["highlights"]
    assert [(h["quote"], h["note"], h["author"], h["note_author"]) for h in highlights] == [
        ("Manbij", "Check the casualty figure", "Bob", "Bob")]
    assert postgres.scalar(database, "select author from import_runs") == "Alice"
    assert [run["author"] for run in b.json("log")["runs"]] == ["Alice"]  # B sees who imported what


@pytest.mark.usefixtures("pgpassword")
def test_a_document_b_deletes_is_no_longer_found_by_a(postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    a.run("import", SEEDS)
    assert a.json("search", "Guterres")["total"] == 1
    with Archive.open(b.root) as archive:
        doc_id = archive.search("Guterres").hits[0].id
        archive.delete(doc_id)
    assert a.json("search", "Guterres")["total"] == 0
    assert a.json("check")["ok"]
    assert postgres.scalar(database, "select count(*) from documents") == 1


@pytest.mark.usefixtures("pgpassword")
def test_a_colleagues_change_is_noticed_and_applied_without_a_reindex(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    """What the window's poll asks (``behind``) and does (``follow_changes``) while it stays open."""
    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    with Archive.open(b.root) as bobs:
        assert not behind(bobs)
        a.run("import", SEEDS)
        assert behind(bobs)
        assert bobs.search("Manbij").total == 0  # not yet: nothing has caught up
        report = bobs.follow_changes()
        assert report is not None and len(report.indexed) == 2 and not report.rebuilt
        assert bobs.search("Manbij").total == 1
        assert not behind(bobs)
        a.run("highlight", "1", "--quote", "Manbij")
        followed = bobs.follow_changes()
        assert followed is not None and followed.annotated == {1} and not followed.indexed


@pytest.mark.usefixtures("pgpassword")
def test_a_members_reindex_records_where_it_caught_up(postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    """After ``reindex`` the member does not apply again what the rebuilt index already holds."""
    from archivist.core.team.follower import read_seen

    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    with Archive.open(b.root, check_index=False) as bobs:
        before = read_seen(b.root)
        a.run("import", SEEDS)
        assert bobs.reindex() == 2
        assert read_seen(b.root) == postgres.scalar(database, "select max(id) from changes") != before
        report = bobs.follow_changes()
        assert report is not None and not report.changed
