"""Connecting folders to a team catalogue: credentials, the store's location, and every bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.team.conftest import cli
from tests.team.members import Member
from tests.team.postgres_server import PASSWORD, Server


def test_the_password_is_used_once_and_never_written_into_the_folder(
        postgres: Server, tmp_path: Path, shared_store: Path, isolated_home: Path) -> None:
    database = postgres.new_database()
    root = tmp_path / "member"
    cli("--archive", root, "connect", postgres.url(database), "--store", shared_store)
    for path in root.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
    binding = json.loads((root / "team.json").read_text())
    assert binding["url"] == postgres.url(database, password=False)
    assert oct((root / "team.json").stat().st_mode & 0o777) == "0o600"

    without = cli("--archive", root, "list", check=False, env={"PGPASSWORD": ""})
    assert without.returncode == 1 and len(without.stderr.strip().splitlines()) == 1
    assert "no password supplied" in without.stderr and "~/.pgpass" in without.stderr

    pgpass = isolated_home / ".pgpass"
    pgpass.write_text(f"127.0.0.1:{postgres.port}:{database}:postgres:{PASSWORD}\n")
    os.chmod(pgpass, 0o600)
    cli("--archive", root, "import", SEEDS, env={"HOME": str(isolated_home), "PGPASSWORD": ""})
    assert "2 document(s)" in cli("--archive", root, "search", "Syria", env={"PGPASSWORD": ""}).stdout


def test_a_later_member_mounting_the_store_elsewhere_gives_its_path(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    env = {"PGPASSWORD": PASSWORD}
    cli("--archive", tmp_path / "a", "connect", postgres.url(database), "--store", shared_store)
    cli("--archive", tmp_path / "a", "import", SEEDS, env=env)
    mounted_here = tmp_path / "mnt" / "files"
    mounted_here.parent.mkdir()
    mounted_here.symlink_to(shared_store)
    joined = json.loads(cli("--archive", tmp_path / "b", "connect", postgres.url(database, password=False),
                            "--store", mounted_here, "--json", env=env).stdout)
    assert joined == {"url": postgres.url(database, password=False), "store": str(mounted_here),
                      "first_member": False, "documents": 2}
    b = Member(tmp_path / "b", env)
    assert b.json("check")["ok"]
    assert b.json("search", "Manbij")["total"] == 1


@pytest.mark.parametrize(("url", "message"), [
    ("sqlite:///catalogue.sqlite", "a team catalogue is a PostgreSQL URL"),
    ("not a url at all", "is not a database URL"),
    ("postgresql://postgres@127.0.0.1:1/", "names no database"),
    ("postgresql://postgres@127.0.0.1:1/team", "cannot open the team catalogue postgresql://postgres@127.0.0.1:1/team"),
])
def test_bad_urls_are_one_line_errors(tmp_path: Path, url: str, message: str) -> None:
    result = cli("--archive", tmp_path / "member", "connect", url, "--store", tmp_path / "store", check=False)
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "member" / "team.json").exists()


def test_bad_stores_and_folders_are_refused(postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    url = postgres.url(database)
    no_store = cli("--archive", tmp_path / "first", "connect", url, check=False)
    assert no_store.returncode == 1 and "give the shared store's folder with --store PATH" in no_store.stderr

    not_empty = tmp_path / "not-empty"
    not_empty.mkdir()
    (not_empty / "somebody's file.txt").write_text("keep me")
    refused = cli("--archive", tmp_path / "first", "connect", url, "--store", not_empty, check=False)
    assert refused.returncode == 1 and "is not empty" in refused.stderr

    cli("--archive", tmp_path / "first", "connect", url, "--store", shared_store)
    wrong = cli("--archive", tmp_path / "second", "connect", url, "--store", not_empty, check=False)
    assert wrong.returncode == 1 and "is not this team catalogue's store" in wrong.stderr

    local = tmp_path / "local"
    cli("--archive", local, "import", SEEDS)
    mixed = cli("--archive", local, "connect", url, check=False)
    assert mixed.returncode == 1 and "migrate-to" in mixed.stderr

    shared_store.rename(shared_store.with_name("unmounted"))
    gone = cli("--archive", tmp_path / "first", "list", check=False, env={"PGPASSWORD": PASSWORD})
    assert gone.returncode == 1 and "is not reachable" in gone.stderr
    assert len(gone.stderr.strip().splitlines()) == 1


def test_config_user_names_the_author_and_refuses_an_empty_name(tmp_path: Path) -> None:
    root = tmp_path / "archive"
    assert cli("--archive", root, "config", "user", "  Rima   Haddad ").stdout.strip().endswith("Rima Haddad")
    assert cli("--archive", root, "config", "user").stdout.strip() == "Rima Haddad"
    empty = cli("--archive", root, "config", "user", "   ", check=False)
    assert empty.returncode == 1 and "cannot be empty" in empty.stderr
    too_long = cli("--archive", root, "config", "user", "x" * 101, check=False)
    assert too_long.returncode == 1 and "at most 100" in too_long.stderr
    cli("--archive", root, "import", SEEDS)
    cli("--archive", root, "highlight", "1", "--quote", "Manbij")
    highlights = json.loads(cli("--archive", root, "highlights", "--json").stdout)["highlights"]
    assert [h["author"] for h in highlights] == ["Rima Haddad"]  # a local SQLite archive records it too


def test_backup_of_a_member_folder_points_to_pg_dump(postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    root = tmp_path / "member"
    cli("--archive", root, "connect", postgres.url(postgres.new_database()), "--store", shared_store)
    refused = cli("--archive", root, "backup", tmp_path / "backup.zip", check=False, env={"PGPASSWORD": PASSWORD})
    assert refused.returncode == 1 and "pg_dump" in refused.stderr and not (tmp_path / "backup.zip").exists()
    assert not (root / "catalogue.sqlite").exists()


def test_a_folder_moved_to_another_catalogue_rebuilds_its_index(postgres: Server, tmp_path: Path) -> None:
    env = {"PGPASSWORD": PASSWORD}
    first, second = postgres.new_database(), postgres.new_database()
    root = tmp_path / "member"
    cli("--archive", root, "connect", postgres.url(first), "--store", tmp_path / "store-1")
    cli("--archive", root, "import", SEEDS, env=env)
    cli("--archive", root, "connect", postgres.url(second), "--store", tmp_path / "store-2")
    assert "0 document(s)" in cli("--archive", root, "search", "Syria", env=env).stdout
    assert json.loads(cli("--archive", root, "check", "--json", env=env).stdout)["ok"]


def test_a_store_left_by_a_failed_first_attempt_can_be_claimed_again(postgres: Server, tmp_path: Path) -> None:
    """Originals a migration copied before its transaction failed (no marker yet) do not block the next try."""
    store = tmp_path / "store"
    leftover = store / "ab" / ("ab" + "0" * 62)
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"an original copied by an attempt that never committed")
    (store / "tmp").mkdir()
    database = postgres.new_database()
    connected = json.loads(cli("--archive", tmp_path / "m", "connect", postgres.url(database), "--store", store,
                               "--json").stdout)
    assert connected["first_member"] is True
    assert (store / "ARCHIVIST-TEAM-STORE").is_file()
    other = cli("--archive", tmp_path / "n", "connect", postgres.url(postgres.new_database()), "--store", store,
                check=False)
    assert other.returncode == 1 and "the store of another team catalogue" in other.stderr
