"""Start-up: the window paints before it reads the library, opens no search index, and the probe reports times."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.main_window import MainWindow
from archivist.gui.models.documents import DocumentTableModel
from tests.gui.conftest import search_and_wait, wait_idle


def show_and_wait(qtbot: QtBot, window: MainWindow) -> None:
    """Until the list is shown and the work that waits for its paint (facets, the index) is done."""
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: bool(window.sidebar.rows("format")), timeout=10_000)
    wait_idle(qtbot, window)


def test_window_paints_before_reading_the_library_and_opens_no_searcher(qtbot: QtBot, seeded_root: Path) -> None:
    archive = Archive.open(seeded_root, check_index=False)
    searchers: list[object] = []
    original = archive.search_index.searcher
    archive.search_index.searcher = lambda: searchers.append(1) or original()  # type: ignore[method-assign]
    try:
        window = MainWindow(archive)
        assert window.documents_model.rowCount() == 0 and not window.tasks.busy  # nothing read while building
        show_and_wait(qtbot, window)
        assert window.documents_model.rowCount() == 2
        assert window.sidebar.rows("library") == [("All documents", "2")]
        assert window.sidebar.rows("format") == [("Text", "2")]  # counted from the catalogue
        assert searchers == []  # start-up never touched the Whoosh index
        search_and_wait(qtbot, window, "coalition civilians")
        assert window.results_model.rowCount() == 2 and searchers
        window.close()
    finally:
        archive.close()


def test_first_rows_come_with_the_ids(seeded_archive: Archive) -> None:
    ids = seeded_archive.document_ids()
    model = DocumentTableModel(seeded_archive)
    model.set_ids(ids, seeded_archive.summaries(ids))
    seeded_archive.summaries = lambda _ids: {}  # type: ignore[method-assign]  # a read now would lose the titles
    assert model.index(0, 0).data() and model.index(1, 0).data() != "(deleted)"


def test_a_missing_index_is_rebuilt_after_the_window_shows(qtbot: QtBot, seeded_root: Path) -> None:
    shutil.rmtree(seeded_root / "index")
    archive = Archive.open(seeded_root, check_index=False)
    try:
        window = MainWindow(archive)
        show_and_wait(qtbot, window)
        assert window.index_check.done and archive.search_index.exists()
        search_and_wait(qtbot, window, "coalition civilians")
        assert window.results_model.rowCount() == 2
        window.close()
    finally:
        archive.close()


def test_the_first_search_adds_what_an_interrupted_import_left_out(qtbot: QtBot, seeded_root: Path) -> None:
    with Archive.open(seeded_root) as archive:
        archive.search_index.delete(archive.document_ids()[:1])  # catalogued, never indexed
    archive = Archive.open(seeded_root, check_index=False)
    try:
        window = MainWindow(archive)
        show_and_wait(qtbot, window)
        search_and_wait(qtbot, window, "coalition civilians")  # one hit, then the check finds the other
        qtbot.waitUntil(lambda: window.results_model.rowCount() == 2, timeout=10_000)
        assert archive.search_index.document_count() == 2
        window.close()
    finally:
        archive.close()


def test_the_startup_probe_writes_its_report_and_quits(seeded_root: Path, tmp_path: Path) -> None:
    report = tmp_path / "startup.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARCHIVIST_STARTUP_REPORT=str(report),
               ARCHIVIST_STARTUP_ROWS="2", ARCHIVIST_STARTUP_T0=repr(time.time()))
    done = subprocess.run([sys.executable, "-m", "archivist.gui.app", "--archive", str(seeded_root)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    figures = json.loads(report.read_text(encoding="utf-8"))
    marks = figures["marks"]
    assert 0 < marks["archive_opened"] <= marks["window_built"] <= marks["window_shown"] <= marks["rows_painted"]
    assert marks["rows_painted"] <= marks["idle"] < 60
    assert figures["rows"] == 2 and figures["peak_mb"] > 20
