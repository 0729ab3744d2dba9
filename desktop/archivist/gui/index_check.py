"""Keeping the search index in step with the catalogue without making the window wait for it.

``app.open_archive`` opens the archive without ``Archive.repair_index``: counting the index opens a Whoosh
searcher, and a missing or outdated index takes minutes to rebuild on a large archive.
So the window rebuilds a missing or outdated index on the writer thread as soon as its list is shown, and checks
for documents an interrupted import left out of the index only after the first search, which has opened the
searcher anyway. When either changed the index, the current search runs again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from archivist.core.archive import Archive
from archivist.gui.tasks import TaskManager


class IndexCheck(QObject):
    """Runs ``Archive.repair_index`` once per window, on the writer thread; ``search_again`` when it repaired."""

    def __init__(self, archive: Archive, tasks: TaskManager, status: QStatusBar,
                 search_again: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.status = status
        self.search_again = search_again
        self.done = False
        self.rebuilding = False

    def rebuild(self) -> None:
        """The index is missing or of an older version: make it now (searches wait for it)."""
        if self.rebuilding:
            return
        self.done = self.rebuilding = True
        self.status.showMessage("Rebuilding the search index…")
        self.tasks.write(self.archive.repair_index, self._rebuilt, self._failed)

    def after_search(self) -> None:
        """After a search (the first one checks, later ones do nothing)."""
        if not self.done:
            self.done = True
            self.tasks.write(self.archive.repair_index, self._checked)

    def _rebuilt(self, _repaired: bool) -> None:
        self.rebuilding = False
        self.status.clearMessage()
        self.search_again()  # a search typed meanwhile may have seen the index half made

    def _failed(self, error: Exception) -> None:
        self.rebuilding = False
        self.status.clearMessage()
        self.tasks.error_reported.emit(f"The search index could not be rebuilt: {error}")

    def _checked(self, repaired: bool) -> None:
        if repaired:
            self.search_again()
