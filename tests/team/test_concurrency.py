"""Several members writing at once: overlapping imports, and a member killed in the middle of one."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.team.conftest import ARCHIVIST
from tests.team.members import PEPS, Member, connect_two, peps
from tests.team.postgres_server import Server

pytestmark = [pytest.mark.skipif(not PEPS.is_dir(), reason=f"the PEP corpus is not at {PEPS}"), pytest.mark.slow]


def start_import(member: Member, *folders: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([str(ARCHIVIST), "--archive", str(member.root), "import", *map(str, folders), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **member.env}, start_new_session=True)


def test_overlapping_imports_from_two_members_give_one_document_per_file(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    first = peps(tmp_path / "alice-folder", 0, 400)
    second = peps(tmp_path / "bob-folder", 200, 700)
    shutil.copy(first[0], tmp_path / "bob-folder" / "same-bytes-other-name.rst")  # a duplicate by content only
    distinct = len({path.name for path in first + second})
    runs = [start_import(a, tmp_path / "alice-folder"), start_import(b, tmp_path / "bob-folder")]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    assert postgres.scalar(database, "select count(*) from documents") == distinct
    assert postgres.scalar(database, "select count(distinct sha256) from documents") == distinct
    assert postgres.scalar(database, "select count(*) from import_log where status = 'error'") == 0
    # every file either became a document or was recorded as a duplicate of one, by one member or the other
    assert postgres.scalar(database, "select count(*) from import_log where status = 'ok'") == distinct
    assert postgres.scalar(database, "select count(distinct citation_key) from documents") == distinct
    for member in (a, b):
        assert member.json("search", "PEP")["total"] > 0
        assert member.json("check")["ok"]
        assert member.json("list")["documents"].__len__() == distinct


def test_a_member_killed_mid_import_leaves_the_team_consistent_and_can_import_again(
        postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    database = postgres.new_database()
    a, b = connect_two(postgres, database, tmp_path, shared_store)
    files = peps(tmp_path / "peps", 0, 10_000)
    run = start_import(a, tmp_path / "peps")
    deadline = time.monotonic() + 300
    while not postgres.scalar(database, "select count(*) from documents") and time.monotonic() < deadline:
        time.sleep(0.05)  # the first batch is committed: the import is under way
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(run.pid, signal.SIGKILL)  # the extraction workers and the indexer it started die with it
    committed = int(postgres.scalar(database, "select count(*) from documents"))  # type: ignore[arg-type]
    assert 0 < committed < len(files), "the import finished before it could be killed"

    assert b.json("search", "PEP")["total"] > 0  # B searches what A committed
    report = b.json("check") if b.run("check", check=False).returncode == 0 else b.json("check", "--repair")
    # what the killed batch left is at most copies in the store that no document names; nothing half-written
    assert {problem["kind"] for problem in report["problems"]} <= {"temporary-file", "orphan-file"}
    assert report["documents"] == report["index_entries"] == committed
    assert b.run("check").returncode == 0

    again = a.json("import", tmp_path / "peps")
    assert len(again["imported"]) + len(again["duplicates"]) == len(files) and not again["errors"]
    assert postgres.scalar(database, "select count(*) from documents") == len(files)
    assert a.json("check")["ok"] and b.json("check")["ok"]
    assert b.json("search", "Guido")["total"] == a.json("search", "Guido")["total"] > 0
