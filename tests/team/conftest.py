"""Fixtures of the team tests: one real PostgreSQL per session, a fresh database per test."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.team.postgres_server import Server, binaries, start_server

ARCHIVIST = Path(sys.executable).with_name("archivist")


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    if binaries() is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql); team tests need a real one")
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def team_url(postgres: Server) -> str:
    """The URL of a fresh database, with its password in it (as a user may type it once, to connect)."""
    return postgres.url(postgres.new_database())


def cli(*args: str | os.PathLike[str], env: dict[str, str] | None = None,
        check: bool = True) -> subprocess.CompletedProcess[str]:
    """``archivist ARGS`` in a new process, as a member would run it."""
    completed = subprocess.run([str(ARCHIVIST), *map(str, args)], capture_output=True,
                               text=True, timeout=600, env={**os.environ, **(env or {})})
    if check:
        assert completed.returncode == 0, completed.stderr
    return completed


@pytest.fixture
def shared_store(tmp_path: Path) -> Path:
    store = tmp_path / "fileserver" / "archivist-files"
    store.mkdir(parents=True)
    return store


@pytest.fixture
def pgpassword(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process members read the password from PGPASSWORD, as a member's shell would give it."""
    from tests.team.postgres_server import PASSWORD

    monkeypatch.setenv("PGPASSWORD", PASSWORD)
