"""Issue 16's defects, each driven through the real window: written to fail before its fix."""

from __future__ import annotations

import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archivist.gui.citations.clipboard import citation_mime, default_style
from archivist.gui.compare_layout import COMPARE_LIST_WIDTH
from archivist.gui.main_window import MainWindow
from tests.gui.conftest import REUTERS

# a popup menu on the offscreen platform warns that it cannot raise itself or grab the keyboard
POPUP_WARNINGS = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


def _row_point(window: MainWindow, row: int) -> QPoint:
    table = window.documents_table
    return table.visualRect(table.model().index(row, 0)).center()


def _dismiss_next_popup(qtbot: QtBot) -> list[bool]:
    """Press Esc in the context menu as soon as it shows (menu.exec blocks until then)."""
    dismissed: list[bool] = []

    def press_escape() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(20, press_escape)
            return
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
        dismissed.append(True)

    QTimer.singleShot(50, press_escape)
    return dismissed


@POPUP_WARNINGS
def test_copy_citation_after_a_dismissed_context_menu_cites_the_clicked_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.documents_table
    first, second = (window.documents_model.document_id(row) for row in (0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 0))
    dismissed = _dismiss_next_popup(qtbot)
    table.customContextMenuRequested.emit(_row_point(window, 0))  # the menu for the first row, then Esc
    assert dismissed
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 1))
    assert table.selected_ids() == [second]
    window.activateWindow()  # a window shortcut needs its window active (an earlier test's may still be)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    expected = citation_mime(window.archive, [second], default_style(window.settings)).text()
    assert QGuiApplication.clipboard().text() == expected
    assert expected != citation_mime(window.archive, [first], default_style(window.settings)).text()


@POPUP_WARNINGS
def test_every_citation_action_reads_the_selection_when_triggered(qtbot: QtBot, window: MainWindow) -> None:
    table = window.documents_table
    second = window.documents_model.document_id(1)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 0))
    dismissed = _dismiss_next_popup(qtbot)
    table.customContextMenuRequested.emit(_row_point(window, 0))
    assert dismissed
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 1))
    table.setFocus()
    window.citations_ui.copy_bibtex.trigger()
    key = window.archive.get(second).citation_key
    assert QGuiApplication.clipboard().text().lstrip().split("{", 1)[1].split(",", 1)[0] == key


def _write_sources(folder: Path, count: int) -> Path:
    """``count`` small distinct text files, as a researcher's folder of saved notes would be."""
    folder.mkdir()
    for number in range(count):
        (folder / f"note-{number:04d}.txt").write_text(
            f"Field note {number}\n\nWitness {number} described the convoy at checkpoint {number * 7}. "
            f"The report numbered {number} was filed the same evening.\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_highlight_made_during_a_long_import_is_saved_within_a_second(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = _write_sources(tmp_path / "notes", 2000)
    manbij = window.documents_model.document_id(0)
    window.open_document(manbij)
    assert window.import_paths([folder])
    # the import is under way: its first batch has been committed to the catalogue
    qtbot.waitUntil(lambda: window.archive.count() > 2, timeout=120_000)
    assert window.importer.running
    reader = window.reading.left
    reader.select_range(0, 20)
    started = time.monotonic()
    window.highlights.highlight(reader, "yellow")
    qtbot.waitUntil(lambda: bool(window.archive.annotations.highlights(manbij)), timeout=1_000)
    saved_after = time.monotonic() - started
    print(f"highlight saved {saved_after * 1000:.0f} ms after it was made, during a 2,000-file import")
    assert window.importer.running, "the import ended first: the test did not measure an edit during it"
    with qtbot.waitSignal(window.importer.finished, timeout=300_000):
        pass
    assert window.archive.count() == 2002


def test_closing_a_comparison_gives_the_list_its_width_back_and_does_not_save_it_squeezed(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.main_splitter.sizes()
    first, second = window.documents_model.ids()[:2]
    window.compare(first, second)
    assert window.main_splitter.sizes()[1] == COMPARE_LIST_WIDTH < before[1]
    window.window_actions.close_comparison.trigger()
    assert window.main_splitter.sizes() == before
    window.compare(first, second)  # quit while comparing: the next start shows the list as it was
    window.close()
    assert _saved_splitter_sizes(window)[1] == before[1]


def _saved_splitter_sizes(window: MainWindow) -> list[int]:
    """The sizes in the saved QSplitter state (marker, version, then a QList<int> of sizes, big-endian)."""
    state = bytes(window.settings.value("splitters/main"))
    count = struct.unpack(">i", state[8:12])[0]
    return list(struct.unpack(f">{count}i", state[12:12 + 4 * count]))


def test_the_window_notices_an_import_made_from_the_shell(qtbot: QtBot, window: MainWindow) -> None:
    archivist = Path(sys.executable).with_name("archivist")
    source = REUTERS / "reuters-00001.txt"
    shell = subprocess.run([str(archivist), "--archive", str(window.archive.root), "import", str(source)],
                           capture_output=True, text=True, timeout=120)
    assert shell.returncode == 0, shell.stderr
    qtbot.waitUntil(lambda: window.documents_model.rowCount() == 3, timeout=5_000)
    assert window.sidebar.rows("library") == [("All documents", "3")]
    imported = window.archive.document_ids()[0]
    shell = subprocess.run([str(archivist), "--archive", str(window.archive.root), "highlight", str(imported),
                            "--quote", "said"], capture_output=True, text=True, timeout=120)
    assert shell.returncode == 0, shell.stderr
    window.open_document(imported)
    window.highlights.panel.set_highlights([])  # shown empty: only the change report can fill it again
    qtbot.waitUntil(lambda: len(window.highlights.panel.records) == 1, timeout=5_000)


def test_citation_actions_in_the_reader_act_on_the_open_document(qtbot: QtBot, window: MainWindow) -> None:
    other, opened = window.documents_model.ids()[:2]
    window.documents_table.select_row(window.documents_model.row_of(other))  # the list's row: the left reader
    window.compare(other, opened)
    window.reading.right.text_view.setFocus()
    assert window.selected_ids() == [opened]  # Cite… from the right reader cites what is read there
    window.citations_ui.copy_citation.trigger()
    expected = citation_mime(window.archive, [opened], default_style(window.settings)).text()
    assert QGuiApplication.clipboard().text() == expected
