"""Running searches on the reader thread; only the answer to the newest query is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from archivist.core.archive import Archive
from archivist.core.index import SearchResults
from archivist.gui.tasks import TaskManager

RESULT_LIMIT = 200


class SearchController(QObject):
    results_ready = Signal(object)  # SearchResults of the newest query
    failed = Signal(str)

    def __init__(self, archive: Archive, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self._generation = 0
        self.pending = False

    def search(self, query: str) -> None:
        """Search in the background; a result that arrives after a newer query was typed is dropped."""
        self._generation += 1
        generation = self._generation
        self.pending = True
        self.tasks.read(
            lambda: self.archive.search(query, limit=RESULT_LIMIT),
            lambda results: self._done(generation, results),
            lambda error: self._failed(generation, error),
        )

    def cancel_pending(self) -> None:
        """Forget the query in flight (the field was cleared)."""
        self._generation += 1
        self.pending = False

    def _done(self, generation: int, results: SearchResults) -> None:
        if generation == self._generation:
            self.pending = False
            self.results_ready.emit(results)

    def _failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self.pending = False
            self.failed.emit(str(error))
