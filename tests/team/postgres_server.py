"""A throwaway PostgreSQL server for the team tests: initdb into a temporary folder, pg_ctl on a free port.

Run as the ``postgres`` user when the tests run as root (PostgreSQL refuses to run as root). Password
authentication over TCP, so the tests exercise credentials the way a team's server asks for them.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER, PASSWORD = "postgres", "team-secret"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/N/bin), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    bin: Path
    folder: Path
    port: int

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + list(command), check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        data, sockets = self.folder / "data", self.folder / "sockets"
        sockets.mkdir()
        password = self.folder / "password"
        password.write_text(PASSWORD)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            for path in (sockets, password):
                shutil.chown(path, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", SUPERUSER, f"--pwfile={password}",
                  "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync")
        options = f"-p {self.port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str, password: bool = True) -> str:
        secret = f":{PASSWORD}" if password else ""
        return f"postgresql://{SUPERUSER}{secret}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database (one per test)."""
        import psycopg

        name = f"team_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return name

    def scalar(self, database: str, sql: str) -> object:
        import psycopg

        with psycopg.connect(self.url(database)) as connection:
            row = connection.execute(sql).fetchone()
            return row[0] if row else None


def start_server() -> Server:
    found = binaries()
    assert found is not None
    folder = Path(tempfile.mkdtemp(prefix="archivist-pg-"))
    os.chmod(folder, 0o755)
    server = Server(found, folder, _free_port())
    server.start()
    return server
