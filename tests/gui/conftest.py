"""GUI fixtures: a main window over a real archive, closed (threads stopped, settings written) at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.main_window import MainWindow

GUI_DATA = Path(__file__).resolve().parents[1] / "data" / "gui"
REUTERS = GUI_DATA / "reuters"
PDF_4_PAGES = GUI_DATA / "pdflatex-4-pages.pdf"


@pytest.fixture(autouse=True)
def _empty_clipboard_after(qapp: QApplication) -> Iterator[None]:
    """Qt's offscreen platform segfaults at interpreter exit while its clipboard holds QMimeData (PySide6 6.11 and
    6.12; a real X11 session exits cleanly: tests/gui/test_sessions.py checks it under Xvfb), so every GUI test
    leaves the clipboard empty."""
    yield
    QApplication.clipboard().clear()


def open_window(qtbot: QtBot, archive: Archive) -> MainWindow:
    """A shown window whose list and sidebar have been read (that happens off the GUI thread after it paints)."""
    window = MainWindow(archive)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.library_loaded, timeout=10_000):
        window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, seeded_archive: Archive) -> Iterator[MainWindow]:
    window = open_window(qtbot, seeded_archive)
    yield window
    window.close()


@pytest.fixture
def empty_window(qtbot: QtBot, empty_archive: Archive) -> Iterator[MainWindow]:
    window = open_window(qtbot, empty_archive)
    yield window
    window.close()


def search_and_wait(qtbot: QtBot, window: MainWindow, query: str) -> None:
    """Type a query as a user would and wait for the debounced search to show its results."""
    with qtbot.waitSignal(window.searcher.results_ready, timeout=10_000):
        window.search_field.clear()
        qtbot.keyClicks(window.search_field, query)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=20_000)
