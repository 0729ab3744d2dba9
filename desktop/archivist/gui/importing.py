"""Imports from the menu or a drop: one at a time, beside the writer thread, with progress and a summary."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from archivist.core.archive import Archive
from archivist.core.extract.base import ReadOptions
from archivist.core.records import ImportResult
from archivist.gui.tasks import ImportJob, TaskManager
from archivist.gui.widgets.import_progress import ImportProgress
from archivist.gui.widgets.import_summary import ImportSummaryDialog


class ImportController(QObject):
    finished = Signal(object)  # ImportResult, after the summary dialog is shown
    refused = Signal(str)

    def __init__(self, archive: Archive, tasks: TaskManager, progress: ImportProgress, window: QWidget) -> None:
        super().__init__(window)
        self.archive = archive
        self.tasks = tasks
        self.progress = progress
        self.window = window
        self.job: ImportJob | None = None
        self.summary: ImportSummaryDialog | None = None
        progress.cancel_requested.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, paths: list[Path], options: ReadOptions | None = None) -> bool:
        """Begin importing; False (and ``refused``) while another import is still running."""
        if self.job is not None:
            self.refused.emit("An import is already running; wait for it or cancel it first.")
            return False
        self.job = ImportJob(self.archive, paths, self, options)
        self.job.progressed.connect(self.progress.update_progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.progress.start()
        self.job.start(self.tasks)
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _finished(self, result: ImportResult) -> None:
        self._end()
        self.summary = ImportSummaryDialog(result, self.window)
        self.summary.show()  # non-modal: the user keeps it open while looking at the list
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.refused.emit(f"The import stopped: {message}")
        self.finished.emit(ImportResult(cancelled=True))

    def _end(self) -> None:
        self.progress.hide()
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
