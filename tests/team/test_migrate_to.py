"""``migrate-to``: a local archive moves into a team catalogue with every row and original, counts checked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SEEDS
from tests.team.conftest import cli
from tests.team.members import PEPS, Member
from tests.team.postgres_server import PASSWORD, Server


def test_a_local_archive_moves_into_the_team_and_a_colleague_finds_it(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    env = {"PGPASSWORD": PASSWORD}
    local = Member(tmp_path / "local", env)
    local.run("config", "user", "Alice")
    local.run("import", SEEDS)
    local.run("highlight", "2", "--quote", "Guterres", "--note", "UN chief")
    before = local.json("search", "coalition")["hits"]
    database = postgres.new_database()

    moved = local.json("migrate-to", postgres.url(database), "--store", shared_store)
    assert moved["counts"]["documents"] == 2 and moved["counts"]["highlights"] == 1
    assert moved["files_copied"] == 2
    assert (tmp_path / "local" / "catalogue.sqlite.migrated").is_file()  # kept, and the originals too
    assert len(list((tmp_path / "local" / "files").glob("*/*"))) == 2
    assert postgres.scalar(database, "select count(*) from documents") == 2
    assert local.json("search", "coalition")["hits"] == before  # the folder's index carried over

    colleague = Member(tmp_path / "colleague", env)
    cli("--archive", colleague.root, "connect", postgres.url(database, password=False), env=env)
    assert colleague.json("search", "coalition")["hits"] == before
    assert [(h["quote"], h["author"]) for h in colleague.json("highlights")["highlights"]] == [("Guterres", "Alice")]
    new = colleague.json("import", PEPS / "pep-0020.rst")["imported"]
    assert [item["id"] for item in new] == [3]  # the ids go on after the copied ones


def test_migrating_into_a_catalogue_with_documents_is_refused(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    env = {"PGPASSWORD": PASSWORD}
    database = postgres.new_database()
    cli("--archive", tmp_path / "member", "connect", postgres.url(database), "--store", shared_store)
    cli("--archive", tmp_path / "member", "import", SEEDS / "000_fe0f681e3d97170e.txt", env=env)
    local = Member(tmp_path / "local", env)
    local.run("import", SEEDS)
    refused = local.run("migrate-to", postgres.url(database), "--store", tmp_path / "other-store", check=False)
    assert refused.returncode == 1 and "has documents already" in refused.stderr
    assert (tmp_path / "local" / "catalogue.sqlite").is_file() and not (tmp_path / "local" / "team.json").exists()
    assert json.loads(local.run("list", "--json").stdout)["documents"].__len__() == 2
    again = cli("--archive", tmp_path / "member", "migrate-to", postgres.url(database), "--store", shared_store,
                check=False, env=env)
    assert again.returncode == 1 and "already a member" in again.stderr
