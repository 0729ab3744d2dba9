"""Imports run in a child process (how the window keeps responsive): same result, progress, cancel."""

from __future__ import annotations

from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.ingest.process import import_in_subprocess
from archivist.core.jobs import CancelToken, Progress
from tests.conftest import SEEDS


def test_child_process_import_reports_progress_and_the_result(empty_archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    steps: list[Progress] = []
    result = import_in_subprocess(empty_archive.root, [SEEDS, tmp_path / "empty.txt"], progress=steps.append)
    assert len(result.imported) == 2 and [Path(item.path).name for item in result.errors] == ["empty.txt"]
    assert steps and steps[-1].done == steps[-1].total == 3
    assert empty_archive.count() == 2
    assert {hit.id for hit in empty_archive.search("Manbij").hits} == {result.imported[0].id}


def test_cancelled_before_start_imports_nothing_and_says_so(empty_archive: Archive) -> None:
    token = CancelToken()
    token.cancel()
    result = import_in_subprocess(empty_archive.root, [SEEDS], cancel=token)
    assert result.cancelled and not result.imported
    assert empty_archive.count() == 0
