"""First run: the default archive does not exist, so the app creates it with the sample articles."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from archivist.core.paths import default_archive_dir
from archivist.gui.app import open_archive
from archivist.gui.main_window import MainWindow


def test_first_run_opens_the_sample_archive(qtbot: QtBot, isolated_home: Path) -> None:
    root = default_archive_dir()
    assert str(root).startswith(str(isolated_home)) and not root.exists()
    archive = open_archive(None)
    try:
        assert archive.count() == 2
        window = MainWindow(archive)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle() == "Archivist"
    finally:
        archive.close()
    second = open_archive(None)
    try:
        assert second.count() == 2  # opened again, not seeded twice
    finally:
        second.close()
