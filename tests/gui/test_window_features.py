"""Issue 16's features, driven through the real window over a real archive."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from archivist.core.changes import of_documents
from archivist.gui.main_window import MainWindow
from tests.gui.conftest import PDF_4_PAGES, search_and_wait


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


def test_an_action_copies_a_highlight_as_a_quotation_with_its_page(qtbot: QtBot, window: MainWindow) -> None:
    document_id = window.archive.import_paths([PDF_4_PAGES]).imported[0].id
    content = window.archive.content(document_id)
    third = content.pages[2]
    start = third.start + content.text[third.start:].index(" ") + 1
    end = content.text.index(" ", start + 3)
    record = window.archive.annotations.add_highlight(document_id, start=start, end=end)
    assert str(record.page) == "3"
    window.open_document(document_id)
    window.apply_changes(of_documents([document_id], highlights=True))
    window.highlights.panel.select(record.id)
    window.highlights.panel.tree.setFocus()
    action = window.quotation.copy_quotation
    assert action.shortcut().toString() == "Ctrl+Alt+C" and action in window.menus["edit"].actions()
    qtbot.keyClick(window.highlights.panel.tree, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f'"{record.quote}" (') and copied.endswith("p. 3)"), copied
    # in the reader: the highlight under the text cursor
    QGuiApplication.clipboard().clear()
    reader = window.reading.left
    reader.select_range(record.start + 2, record.start + 2)
    reader.text_view.setFocus()
    action.trigger()
    assert QGuiApplication.clipboard().text() == copied
