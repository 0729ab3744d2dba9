"""Two members' folders on one PostgreSQL catalogue and one shared store, driven through the CLI."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.team.conftest import cli
from tests.team.postgres_server import PASSWORD, Server

PEPS = Path("/work/shared/corpus/text/python-peps")


@dataclass
class Member:
    root: Path
    env: dict[str, str]

    def run(self, *args: str | Path, check: bool = True) -> Any:
        return cli("--archive", self.root, *args, env=self.env, check=check)

    def json(self, *args: str | Path) -> Any:
        return json.loads(self.run(*args, "--json").stdout)


def connect_two(server: Server, database: str, tmp: Path, store: Path) -> tuple[Member, Member]:
    """A creates the team catalogue (password in the URL, once); B joins with the URL alone and PGPASSWORD."""
    env = {"PGPASSWORD": PASSWORD}
    a, b = Member(tmp / "alice-archive", env), Member(tmp / "bob-archive", env)
    cli("--archive", a.root, "connect", server.url(database), "--store", store)
    cli("--archive", b.root, "connect", server.url(database, password=False), env=env)
    a.run("config", "user", "Alice")
    b.run("config", "user", "Bob")
    return a, b


def peps(folder: Path, first: int, last: int) -> list[Path]:
    """Copies of real PEPs number ``first`` to ``last`` (those that exist) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    copied = []
    for source in sorted(PEPS.glob("pep-*.rst")):
        if first <= int(source.stem[4:]) <= last:
            copied.append(Path(shutil.copy(source, folder / source.name)))
    return copied
