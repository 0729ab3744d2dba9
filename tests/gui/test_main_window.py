"""The main window over a real archive: search, read, compare, import, cancel, remember."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.main_window import RESULTS_PAGE, MainWindow
from archivist.gui.reader.reader_view import SEARCH_LAYER
from tests.conftest import GUTERRES_SEED, MANBIJ_SEED
from tests.gui.conftest import REUTERS, open_window, search_and_wait, wait_idle


def seed_id(archive: Archive, seed: Path) -> int:
    return next(doc.id for doc in archive.list_documents() if archive.get(doc.id).original_name == seed.name)


def test_window_lists_the_archive(window: MainWindow, seeded_archive: Archive) -> None:
    assert window.windowTitle() == "Archivist"
    assert window.documents_model.rowCount() == seeded_archive.count() == 2
    assert window.sidebar.rows("library") == [("All documents", "2")]
    assert window.width() >= 1000 and window.height() >= 700


def test_typing_a_search_updates_the_results(qtbot: QtBot, window: MainWindow, seeded_archive: Archive) -> None:
    search_and_wait(qtbot, window, "coalition civilians")
    assert window.middle.currentIndex() == RESULTS_PAGE
    expected = [hit.id for hit in seeded_archive.search("coalition civilians").hits]
    assert window.results_model.ids() == expected and expected
    assert "2 results" in window.result_label.text()
    assert "p.&nbsp;1" in window.snippets.toHtml() or "p. 1" in window.snippets.toPlainText()
    search_and_wait(qtbot, window, "Manbij")
    assert window.results_model.ids() == [hit.id for hit in seeded_archive.search("Manbij").hits]


def test_opening_a_result_shows_its_text_with_the_terms_tinted(
    qtbot: QtBot, window: MainWindow, seeded_archive: Archive
) -> None:
    search_and_wait(qtbot, window, "coalition")
    reader = window.reading.left
    qtbot.waitUntil(lambda: bool(reader.overlay(SEARCH_LAYER)), timeout=10_000)
    document_id = window.results_model.document_id(0)
    text = seeded_archive.content(document_id).text
    assert reader.document_id == document_id
    assert reader.text_view.document().characterCount() - 1 == len(text)
    spans = reader.overlay(SEARCH_LAYER)
    assert spans and all(text[start:end].lower().startswith("coalition") for start, end, _color in spans)
    qtbot.keyClick(window, Qt.Key.Key_F3)
    start, end, _color = spans[0]
    assert reader.selected_range() == (start, end)
    assert reader.text_view.textCursor().selectedText() == text[start:end]


def test_two_documents_open_side_by_side(qtbot: QtBot, window: MainWindow, seeded_archive: Archive) -> None:
    manbij, guterres = seed_id(seeded_archive, MANBIJ_SEED), seed_id(seeded_archive, GUTERRES_SEED)
    window.open_document(manbij)
    window.open_side_by_side([guterres])
    reading = window.reading
    assert reading.is_comparing() and reading.right.isVisible()
    assert (reading.left.document_id, reading.right.document_id) == (manbij, guterres)
    assert reading.right.text_view.toPlainText().startswith(seeded_archive.content(guterres).text[:40])
    reading.set_linked_scrolling(True)
    left_bar = reading.left.text_view.verticalScrollBar()
    right_bar = reading.right.text_view.verticalScrollBar()
    qtbot.waitUntil(lambda: left_bar.maximum() > 0 and right_bar.maximum() > 0)
    left_bar.setValue(left_bar.maximum())
    assert right_bar.value() == right_bar.maximum()
    reading.close_comparison()
    assert not reading.is_comparing() and reading.right.document_id is None


def test_import_through_the_worker_updates_the_list_and_the_summary(
    qtbot: QtBot, empty_window: MainWindow, empty_archive: Archive, tmp_path: Path
) -> None:
    folder = tmp_path / "incoming"
    shutil.copytree(REUTERS, folder)
    (folder / "empty.txt").write_bytes(b"")
    shutil.copy(MANBIJ_SEED, folder / "a.txt")
    shutil.copy(MANBIJ_SEED, folder / "b.txt")  # the same bytes twice: a duplicate
    with qtbot.waitSignal(empty_window.importer.finished, timeout=60_000):
        assert empty_window.import_paths([folder])
        assert empty_window.import_progress.isVisible()
    wait_idle(qtbot, empty_window)
    expected = len(list(REUTERS.iterdir())) + 1
    assert empty_archive.count() == expected == empty_window.documents_model.rowCount()
    summary = empty_window.importer.summary
    assert summary is not None and summary.isVisible() and not summary.isModal()
    assert f"{expected} imported" in summary.headline.text()
    reasons = dict(summary.rows())
    assert "empty" in reasons[str(folder / "empty.txt")]
    assert "already in the archive" in reasons[str(folder / "b.txt")]
    assert reasons[str(folder / "a.txt")].startswith("imported: ")  # what was imported is listed too
    assert summary.width() >= summary.files.header().length()  # sized to its content
    assert not empty_window.import_progress.isVisible()


def test_cancelling_an_import_leaves_a_consistent_archive(
    qtbot: QtBot, empty_window: MainWindow, empty_archive: Archive, tmp_path: Path
) -> None:
    # Enough distinct files that Cancel arrives mid-way even when extraction is fast.
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(15):
        for story in REUTERS.iterdir():
            (folder / f"{copy:02d}-{story.name}").write_text(story.read_text() + f"\n[copy {copy}]\n")
    with qtbot.waitSignal(empty_window.importer.finished, timeout=120_000) as finished:
        empty_window.import_paths([folder])
        qtbot.waitUntil(lambda: empty_window.import_progress.bar.maximum() > 0, timeout=20_000)
        empty_window.import_progress.cancel_button.click()
    wait_idle(qtbot, empty_window)
    result = finished.args[0]
    assert result.cancelled
    count = empty_archive.count()
    assert count < len(list(folder.iterdir()))
    assert count == len(empty_archive.document_ids()) == empty_window.documents_model.rowCount()
    assert empty_archive.search_index.document_count() == count
    stored = [path for path in (empty_archive.root / "files").rglob("*") if path.is_file()]
    assert len(stored) == count  # no stray copies of files that were not catalogued


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QDragEnterEvent has no other constructor
def test_dropping_files_on_the_window_imports_them(
    qtbot: QtBot, empty_window: MainWindow, empty_archive: Archive
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(MANBIJ_SEED)), QUrl.fromLocalFile(str(GUTERRES_SEED))])
    position, action = QPointF(200, 200), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(position.toPoint(), action, mime, buttons, modifiers)
    empty_window.dragEnterEvent(enter)  # Qt delivers drops only during a real drag, so call the handlers
    assert enter.isAccepted()
    with qtbot.waitSignal(empty_window.importer.finished, timeout=30_000):
        empty_window.dropEvent(QDropEvent(position, action, mime, buttons, modifiers))
    wait_idle(qtbot, empty_window)
    assert empty_archive.count() == 2 == empty_window.documents_model.rowCount()


def test_metadata_edits_are_saved_and_errors_shown_inline(
    qtbot: QtBot, window: MainWindow, seeded_archive: Archive
) -> None:
    manbij = seed_id(seeded_archive, MANBIJ_SEED)
    window.open_document(manbij)
    panel = window.metadata_panel
    panel.fields["title"].setText("Syria asks the UN to act")
    panel.fields["date"].setText("2016-07")
    panel.fields["tags"].setText("syria, un")
    panel.save_button.click()
    qtbot.waitUntil(lambda: seeded_archive.get(manbij).title == "Syria asks the UN to act", timeout=10_000)
    wait_idle(qtbot, window)
    record = seeded_archive.get(manbij)
    assert (record.date, record.tags) == ("2016-07", ["syria", "un"])
    assert window.reading.left.title_label.text() == "Syria asks the UN to act"
    assert ("syria", "1") in window.sidebar.rows("tag")
    panel.fields["date"].setText("last summer")
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.error.isVisibleTo(panel), timeout=10_000)
    assert "not a date" in panel.error.text()
    assert seeded_archive.get(manbij).date == "2016-07"


def test_ctrl_f_always_searches_the_archive_and_find_in_document_has_its_own_key(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.documents_table.setFocus()
    window.open_document(window.documents_model.document_id(0))
    window.window_actions.find.trigger()
    assert window.search_field.hasFocus()
    reader = window.reading.left
    reader.text_view.setFocus()
    window.window_actions.find.trigger()  # issue 16: Ctrl+F in the reader still goes to the archive search
    assert window.search_field.hasFocus() and not reader.find_bar.isVisible()
    assert window.window_actions.find_in_document.shortcut().toString() == "Ctrl+Shift+F"
    reader.text_view.setFocus()
    window.window_actions.find_in_document.trigger()
    assert reader.find_bar.isVisible()
    qtbot.keyClicks(reader.find_bar.edit, "the")
    assert reader.match_ranges() and "of" in reader.find_bar.count.text()


def test_window_state_is_remembered(qtbot: QtBot, seeded_archive: Archive) -> None:
    first = open_window(qtbot, seeded_archive)
    first.resize(760, 560)  # within the offscreen screen, which clamps bigger windows
    first.main_splitter.setSizes([150, 300, 300])
    size, sizes = first.size(), first.main_splitter.sizes()
    first.close()
    second = open_window(qtbot, seeded_archive)
    assert second.size() == size
    assert second.main_splitter.sizes() == sizes
    second.close()


def test_list_context_menu_offers_side_by_side(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMenu

    window.open_document(window.documents_model.document_id(0))
    menu = QMenu(window)
    window._fill_document_menu(menu, [window.documents_model.document_id(1)])
    side = next(action for action in menu.actions() if action.text() == "Open Side by Side")
    assert side.isEnabled()
    side.trigger()
    assert window.reading.is_comparing()
