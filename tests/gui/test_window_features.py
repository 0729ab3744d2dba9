"""Issue 16's features, driven through the real window over a real archive."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from archivist.gui.main_window import MainWindow
from tests.gui.conftest import search_and_wait


def _click_header(qtbot: QtBot, window: MainWindow, table_name: str, column: int) -> None:
    table = getattr(window, table_name)
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(window.library_loaded if table_name == "documents_table" else
                          table.model().modelReset, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _titles(window: MainWindow, model_name: str) -> list[str]:
    model = getattr(window, model_name)
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_clicking_the_title_header_sorts_the_list_in_sql_and_again_reverses_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    _click_header(qtbot, window, "documents_table", 0)
    titles = _titles(window, "documents_model")
    assert titles == sorted(titles, key=str.lower) and len(titles) == 2
    assert window.documents_table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    _click_header(qtbot, window, "documents_table", 0)
    assert _titles(window, "documents_model") == titles[::-1]


def test_clicking_a_results_header_sorts_the_hits(qtbot: QtBot, window: MainWindow) -> None:
    search_and_wait(qtbot, window, "coalition")
    _click_header(qtbot, window, "results_table", 0)
    titles = _titles(window, "results_model")
    assert titles == sorted(titles, key=str.lower) and len(titles) == 2
    assert window.results_model.snippets(0)  # the hits keep their snippets
