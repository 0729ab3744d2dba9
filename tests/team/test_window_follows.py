"""The open window of a team member finds a colleague's import within seconds, without a reindex (issue 19)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.main_window import MainWindow
from tests.conftest import SEEDS
from tests.team.members import connect_two
from tests.team.postgres_server import Server


@pytest.mark.usefixtures("pgpassword")
def test_bobs_open_window_finds_what_alice_imports(
        qtbot: QtBot, postgres: Server, tmp_path: Path, shared_store: Path) -> None:
    alice, bob = connect_two(postgres, postgres.new_database(), tmp_path, shared_store)
    archive = Archive.open(bob.root, check_index=False)
    window = MainWindow(archive, QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    assert archive.search("Manbij").total == 0

    alice.run("import", SEEDS)
    committed = time.monotonic()
    with qtbot.waitSignal(window.watcher.changed_elsewhere, timeout=10_000):
        pass
    assert time.monotonic() - committed < 5  # the watcher polls each second
    assert archive.search("Manbij").total == 1
    assert archive.count() == 2
