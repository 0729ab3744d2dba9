"""Issue 16's features, driven through the real window over a real archive."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from archivist.core.changes import of_documents
from archivist.gui.main_window import MainWindow
from archivist.gui.models.documents import encode_ids
from archivist.gui.related import ID_ROLE
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
    window.quotation.copy_with_bibtex.trigger()  # for LaTeX writers: the quotation, then the source's entry
    assert QGuiApplication.clipboard().text().startswith(copied + "\n\n@")


def _wait_collections(qtbot: QtBot, window: MainWindow, expected: list[tuple[str, str]]) -> None:
    qtbot.waitUntil(lambda: window.sidebar.rows("collection") == expected, timeout=10_000)


def test_collections_from_the_window_with_undo(qtbot: QtBot, window: MainWindow) -> None:
    actions = {action.objectName() for action in window.findChildren(QAction)}
    assert {"new_collection", "rename_collection", "delete_collection", "add_to_collection",
            "remove_from_collection", "export_collection", "save_search", "related_documents",
            "undo", "redo"} <= actions
    ui, ids = window.collections_ui, window.documents_model.ids()
    ui.create("Syria")
    _wait_collections(qtbot, window, [("Syria", "0")])
    collection_id = window.archive.collections()[0][0]
    # dragging two rows onto the collection in the sidebar
    section = window.sidebar.findItems("Syria", Qt.MatchFlag.MatchRecursive)[0]
    point = window.sidebar.visualItemRect(section).center()
    mime = encode_ids(ids)
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.sidebar.dropEvent(drop)
    _wait_collections(qtbot, window, [("Syria", "2")])
    ui.rename(collection_id, "Syria 2016")
    _wait_collections(qtbot, window, [("Syria 2016", "2")])
    window.undo.undo_action.trigger()
    _wait_collections(qtbot, window, [("Syria", "2")])
    window.undo.undo_action.trigger()  # the drop
    _wait_collections(qtbot, window, [("Syria", "0")])
    window.undo.redo_action.trigger()
    _wait_collections(qtbot, window, [("Syria", "2")])
    ui.remove(collection_id, ids[:1])
    _wait_collections(qtbot, window, [("Syria", "1")])
    ui.delete(collection_id)
    _wait_collections(qtbot, window, [])
    window.undo.undo_action.trigger()  # the collection comes back with its document
    _wait_collections(qtbot, window, [("Syria", "1")])


def test_a_saved_search_shows_in_the_sidebar_and_runs_when_clicked(qtbot: QtBot, window: MainWindow) -> None:
    search_and_wait(qtbot, window, "coalition")
    window.collections_ui.save_current_search("Coalition")
    qtbot.waitUntil(lambda: window.sidebar.rows("saved") == [("Coalition", "")], timeout=10_000)
    search_and_wait(qtbot, window, "Manbij")
    item = window.sidebar.findItems("Coalition", Qt.MatchFlag.MatchRecursive)[0]
    with qtbot.waitSignal(window.searcher.results_ready, timeout=10_000):
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.sidebar.visualItemRect(item).center())
    assert window.search_field.text() == "coalition"


def test_related_documents_of_the_open_document(qtbot: QtBot, window: MainWindow) -> None:
    first, second = window.documents_model.ids()[:2]
    window.open_document(first)
    window.related.toggle.trigger()
    qtbot.waitUntil(lambda: window.related.list.count() == 1, timeout=10_000)
    assert window.related.list.item(0).data(ID_ROLE) == second


def test_undo_removes_a_highlight_and_redo_makes_it_again(qtbot: QtBot, window: MainWindow) -> None:
    document_id = window.documents_model.document_id(0)
    window.open_document(document_id)
    window.reading.left.select_range(0, 12)
    window.highlights.highlight_active("yellow")
    annotations = window.archive.annotations
    qtbot.waitUntil(lambda: len(annotations.highlights(document_id)) == 1, timeout=5_000)
    assert window.undo.undo_action.text().replace("&", "") == "Undo Highlight"
    window.undo.undo_action.trigger()
    qtbot.waitUntil(lambda: not annotations.highlights(document_id), timeout=5_000)
    qtbot.waitUntil(lambda: not window.highlights.panel.records, timeout=5_000)
    window.undo.redo_action.trigger()
    qtbot.waitUntil(lambda: len(annotations.highlights(document_id)) == 1, timeout=5_000)
    # deleting a highlight with a note can be undone, note and all
    record = annotations.highlights(document_id)[0]
    annotations.update_highlight(record.id, note="check the date")
    window.highlights.delete(record.id)
    qtbot.waitUntil(lambda: not annotations.highlights(document_id), timeout=5_000)
    window.undo.undo_action.trigger()
    qtbot.waitUntil(lambda: [h.note for h in annotations.highlights(document_id)] == ["check the date"],
                    timeout=5_000)
