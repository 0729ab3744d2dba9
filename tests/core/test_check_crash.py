"""A ``kill -9`` in the middle of a large import leaves an archive that ``check`` finds (or makes) consistent."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.corpus import REUTERS, write_reuters
from sqlalchemy import text

from archivist.core.archive import Archive

needs_reuters = pytest.mark.skipif(not REUTERS.is_dir(), reason="the shared corpus is not beside the repository")


def archivist(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([str(Path(sys.executable).with_name("archivist")), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def committed_documents(catalogue: Path) -> int:
    if not catalogue.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{catalogue}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def distinct_hashes(paths: list[Path]) -> int:
    return len({hashlib.sha256(path.read_bytes()).hexdigest() for path in paths})


@pytest.mark.slow
@needs_reuters
@pytest.mark.timeout(180)
def test_kill_9_mid_import_then_check_repair_and_reimport(tmp_path: Path) -> None:
    files = write_reuters(tmp_path / "reuters", limit=1500)
    root = tmp_path / "archive"
    process = archivist("--archive", str(root), "import", str(tmp_path / "reuters"))
    deadline = time.monotonic() + 90
    while committed_documents(root / "catalogue.sqlite") < 150 and process.poll() is None:
        assert time.monotonic() < deadline, "the import committed nothing"
        time.sleep(0.05)
    assert process.poll() is None, "the import finished before it could be killed; make it larger"
    process.send_signal(signal.SIGKILL)  # kill -9: no cleanup, no finally blocks
    process.wait()

    with Archive.open(root) as archive:
        killed_at = archive.count()
        assert 0 < killed_at < len(files)
        with archive.sessions() as session:  # every committed document is complete: row, text, original
            assert session.scalar(text("SELECT count(*) FROM document_texts")) == killed_at
        report = archive.check(repair=True)
        assert report.ok, report.unfixed
        assert {problem.kind for problem in report.problems} <= {"not-indexed", "orphan-file", "temporary-file"}
        assert archive.check().problems == []
        assert archive.import_log().runs[0].state == "interrupted"

    again = archivist("--archive", str(root), "import", "--json", str(tmp_path / "reuters"))
    _out, err = again.communicate(timeout=150)
    assert again.returncode == 0, err
    with Archive.open(root) as archive:
        assert archive.count() == distinct_hashes(files)
        assert archive.check().problems == []
