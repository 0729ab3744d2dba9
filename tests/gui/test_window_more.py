"""Issue 16: help, first run, remembered folders, accessibility and the smaller features of the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.folders import last_folder, remember_folder
from archivist.gui.main_window import MainWindow
from archivist.gui.search_help import EXAMPLES, SearchSyntaxDialog


def test_every_search_syntax_example_finds_something_in_the_sample_articles(seeded_archive: Archive) -> None:
    for query, _meaning in EXAMPLES:
        assert seeded_archive.search(query).total > 0, query


def test_search_syntax_is_in_the_help_menu_and_its_examples_run(qtbot: QtBot, window: MainWindow) -> None:
    action = window.window_actions.search_syntax
    assert action in window.menus["help"].actions()
    action.trigger()
    dialog = window.search_help
    assert isinstance(dialog, SearchSyntaxDialog) and '"US-led coalition"' in dialog.browser.toPlainText()
    with qtbot.waitSignal(window.searcher.results_ready, timeout=10_000):
        dialog.browser.anchorClicked.emit(dialog.browser.document().baseUrl().fromUserInput("search:civil*"))
    assert window.search_field.text() == "civil*"
    dialog.close()


def test_every_action_has_a_name_and_text(window: MainWindow) -> None:
    unnamed = [action.text() for action in window.findChildren(QAction)
               if not action.isSeparator() and action.text() and not action.objectName()]
    assert not unnamed


def test_main_widgets_have_accessible_names_and_tab_moves_between_panes(qtbot: QtBot, window: MainWindow) -> None:
    for widget in (window.search_field, window.sidebar, window.documents_table, window.reading.left.text_view,
                   window.metadata_panel):
        assert widget.accessibleName(), widget
    window.search_field.setFocus()
    order = [window.search_field]
    for _ in range(3):
        order.append(order[-1].nextInFocusChain())
        while not order[-1].isVisible() or not order[-1].focusPolicy():
            order[-1] = order[-1].nextInFocusChain()
    assert window.sidebar in order and window.documents_table in order


def test_an_empty_archive_shows_a_first_run_hint(empty_window: MainWindow) -> None:
    assert empty_window.empty_hint.isVisible() and "archive is empty" in empty_window.empty_hint.text()


def test_an_archive_with_documents_shows_no_hint(window: MainWindow) -> None:
    assert not window.empty_hint.isVisible()


def test_file_dialogs_open_in_the_last_folder_used(window: MainWindow, tmp_path: Path, isolated_home: Path) -> None:
    assert last_folder(window.settings) == str(Path.home())
    (tmp_path / "notes").mkdir()
    remember_folder(window.settings, tmp_path / "notes" / "a.pdf")
    assert last_folder(window.settings) == str(tmp_path / "notes")
