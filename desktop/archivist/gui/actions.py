"""The window's actions with their standard shortcuts, and the menus that hold them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

if TYPE_CHECKING:
    from archivist.gui.main_window import MainWindow

Key = QKeySequence.StandardKey


@dataclass(slots=True)
class WindowActions:
    import_files: QAction
    import_folder: QAction
    quit: QAction
    find: QAction
    find_in_document: QAction
    find_next: QAction
    find_previous: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    page_view: QAction
    details: QAction
    compare_with: QAction
    close_comparison: QAction
    link_scrolling: QAction
    delete: QAction
    about: QAction
    search_syntax: QAction


def _action(window: MainWindow, text: str, slot: Callable[[], object],
            shortcut: Key | str | list[QKeySequence] | None = None) -> QAction:
    action = QAction(text, window)
    # a name for tests and scripts to find it by ("find_in_document"); screen readers read its text
    action.setObjectName(text.replace("&", "").rstrip("…").replace(" (PDF)", "").lower().replace(" ", "_"))
    if isinstance(shortcut, list | Key):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even while the menu bar is hidden
    return action


def build_actions(window: MainWindow) -> WindowActions:
    reading = window.reading
    actions = WindowActions(
        import_files=_action(window, "&Import Files…", window.import_files, Key.Open),
        import_folder=_action(window, "Import &Folder…", window.import_folder, "Ctrl+Shift+O"),
        quit=_action(window, "&Quit", window.close, Key.Quit),
        find=_action(window, "&Find…", window.find, Key.Find),
        find_in_document=_action(window, "Find in &Document…", window.find_in_document, "Ctrl+Shift+F"),
        find_next=_action(window, "Find &Next", lambda: window.active_reader().next_match(), Key.FindNext),
        find_previous=_action(window, "Find &Previous", lambda: window.active_reader().previous_match(),
                              Key.FindPrevious),
        zoom_in=_action(window, "Zoom &In", lambda: window.active_reader().zoom_in(),
                        [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")]),
        zoom_out=_action(window, "Zoom &Out", lambda: window.active_reader().zoom_out(), Key.ZoomOut),
        zoom_reset=_action(window, "&Actual Size", lambda: window.active_reader().reset_zoom(), "Ctrl+0"),
        page_view=_action(window, "&Page View (PDF)", window.toggle_page_view, "Ctrl+P"),
        details=window.details_dock.toggleViewAction(),
        compare_with=_action(window, "&Compare With…", window.compare_with_dialog, "Ctrl+D"),
        close_comparison=_action(window, "C&lose Comparison", reading.close_comparison),
        link_scrolling=_action(window, "&Link Scrolling", lambda: None),
        delete=_action(window, "&Delete Document…", window.delete_selected),
        about=_action(window, "&About Archivist", window.about),
        search_syntax=_action(window, "&Search Syntax", window.show_search_syntax, Key.HelpContents),
    )
    actions.details.setText("&Details")
    actions.details.setShortcut(QKeySequence("Ctrl+I"))
    actions.link_scrolling.setCheckable(True)
    actions.link_scrolling.toggled.connect(reading.set_linked_scrolling)
    reading.link_box.toggled.connect(actions.link_scrolling.setChecked)
    return actions


def build_menus(menubar: QMenuBar, actions: WindowActions) -> dict[str, QMenu]:
    """The menus, by name ("file", "edit", "view", "document", "help"), for features to add their actions to."""
    file_menu = menubar.addMenu("&File")
    file_menu.addActions([actions.import_files, actions.import_folder])
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = menubar.addMenu("&Edit")
    edit_menu.addActions([actions.find, actions.find_in_document, actions.find_next, actions.find_previous])
    view_menu = menubar.addMenu("&View")
    view_menu.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_reset])
    view_menu.addSeparator()
    view_menu.addActions([actions.page_view, actions.details])
    document_menu = menubar.addMenu("&Document")
    document_menu.addActions([actions.compare_with, actions.link_scrolling, actions.close_comparison])
    document_menu.addSeparator()
    document_menu.addAction(actions.delete)
    help_menu = menubar.addMenu("&Help")
    help_menu.addActions([actions.search_syntax, actions.about])
    return {"file": file_menu, "edit": edit_menu, "view": view_menu, "document": document_menu, "help": help_menu}
