"""The narrow interface a window feature is given instead of the whole MainWindow.

Features (citations, highlights, collections, claims…) need the open archive, the background tasks, the
current selection, a place for panels and messages, and one way to say what they changed. They type against
``Host`` and never reach into the window's widgets, so the window can change its layout without breaking them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, Qt, SignalInstance

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QToolBar, QWidget

    from archivist.core.archive import Archive
    from archivist.core.changes import Changes
    from archivist.gui.reader import ReaderView, SideBySideView
    from archivist.gui.tasks import TaskManager
    from archivist.gui.undo import UndoHistory


class Host(Protocol):
    """What the main window offers its features."""

    archive: Archive
    tasks: TaskManager
    settings: QSettings
    reading: SideBySideView
    undo: UndoHistory
    changes_applied: SignalInstance  # (Changes) after every view was refreshed: features refresh from it too

    def selected_ids(self) -> list[int]:
        """The documents an action applies to *now*: the open document when a reader has the focus, else the
        rows selected in the list or results shown. Read when an action is triggered, never kept."""
        ...

    def active_reader(self) -> ReaderView: ...

    def add_panel(self, widget: QWidget, title: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget: ...

    def add_toolbar(self, toolbar: QToolBar) -> None: ...

    def open_document(self, document_id: int) -> None: ...

    def compare(self, left_id: int, right_id: int) -> None: ...

    def show_status(self, message: str, milliseconds: int = 4000) -> None: ...

    def show_error(self, message: str) -> None: ...

    def apply_changes(self, changes: Changes) -> None:
        """Refresh every view the report concerns (the list, sidebar, readers, panels): the one place."""
        ...

    def dialog_parent(self) -> QWidget: ...
