"""Background work: one writer thread for every archive change, one reader thread for slow queries, and one
thread for long jobs (an import) that take the archive's write lock only for moments.

Like Anki's CollectionOp/QueryOp on its one-thread task manager: writes are serialised, the GUI thread
only touches widgets, and results come back to the GUI thread through a queued signal. An import runs in a
child process that takes the write lock per batch (core/ingest/importer.py); waiting for it on the writer
thread held every edit back until the whole import ended (issue 16), so it waits on the job thread instead and
an edit made meanwhile only waits for the batch being committed.
"""

from __future__ import annotations

import itertools
import logging
import queue
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from archivist.core.archive import Archive
from archivist.core.errors import ArchivistError
from archivist.core.extract.base import ReadOptions
from archivist.core.ingest.process import import_in_subprocess
from archivist.core.jobs import CancelToken, Progress
from archivist.core.records import ImportResult

log = logging.getLogger("archivist.gui.tasks")

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]


@dataclass(slots=True)
class _Task:
    work: Callable[[], Any]
    on_done: DoneCallback | None
    on_error: ErrorCallback | None


class TaskManager(QObject):
    """Runs callables off the GUI thread and hands their results back to it.

    Every Python object a task involves is created, kept and freed on the GUI thread: the work and its callbacks
    wait in ``_pending`` (the worker only borrows the work while it runs), results come back through a Python
    queue, and the signal that crosses threads carries nothing. Issue 16's "Fatal Python error: bool_dealloc" on
    quit came from the opposite: a worker dropped the last reference to a task's closure (and to the widgets it
    held) after the GUI thread had let go of it, so Python wrappers of Qt objects were freed on a worker thread,
    and results travelled inside queued Qt events that were destroyed, never delivered, when the window closed.
    """

    _ready = Signal()  # a result is in the queue; emitted from a worker thread, delivered on the GUI thread
    # a user-facing message for an error nobody else handled
    error_reported = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archivist-writer")
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archivist-reader")
        self._jobs = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archivist-job")
        self._pending: dict[int, _Task] = {}
        self._results: queue.SimpleQueue[tuple[int, bool, Any]] = queue.SimpleQueue()
        self._numbers = itertools.count()
        self._closed = False
        self._ready.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def write(self, work: Callable[[], Any], on_done: DoneCallback | None = None,
              on_error: ErrorCallback | None = None) -> Future[None]:
        """Run an archive change on the single writer thread."""
        return self._submit(self._writer, work, on_done, on_error)

    def read(self, work: Callable[[], Any], on_done: DoneCallback | None = None,
             on_error: ErrorCallback | None = None) -> Future[None]:
        """Run a slow read (a search) on the reader thread, so the GUI never waits on the index."""
        return self._submit(self._reader, work, on_done, on_error)

    def job(self, work: Callable[[], Any], on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> Future[None]:
        """Run a long job beside the writer; it must take the archive's write lock itself, briefly (an import)."""
        return self._submit(self._jobs, work, on_done, on_error)

    def _submit(self, executor: ThreadPoolExecutor, work: Callable[[], Any], on_done: DoneCallback | None,
                on_error: ErrorCallback | None) -> Future[None]:
        if self._closed:  # a timer or a late paint of a closed window asked for more: nothing will show it
            dropped: Future[None] = Future()
            dropped.cancel()
            return dropped
        number = next(self._numbers)
        self._pending[number] = _Task(work, on_done, on_error)
        return executor.submit(self._run, number)

    def _run(self, number: int) -> None:
        """On a worker thread: run the work, queue its outcome, and keep no reference to anything of it."""
        work = self._pending[number].work
        try:
            outcome: tuple[int, bool, Any] = (number, True, work())
        except Exception as error:  # reported on the GUI thread, never lost in a worker
            if not isinstance(error, ArchivistError):
                log.exception("background task failed")
            outcome = (number, False, error)
        del work
        self._results.put(outcome)
        del outcome
        self._ready.emit()

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                number, succeeded, value = self._results.get_nowait()
            except queue.Empty:
                return
            task = self._pending.pop(number)
            callback = task.on_done if succeeded else (task.on_error or self._report)
            if callback is not None and not self._closed:
                callback(value)

    def _report(self, error: Exception) -> None:
        if isinstance(error, ArchivistError):
            self.error_reported.emit(str(error))
        else:
            self.error_reported.emit(f"Something went wrong: {error.__class__.__name__}: {error}")

    def shutdown(self) -> None:
        """Wait for running work (an import commits its last batch) and stop the threads; later work is dropped."""
        self._closed = True
        self._jobs.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True, cancel_futures=True)
        self._reader.shutdown(wait=True, cancel_futures=True)
        self._deliver()  # frees what finished meanwhile here, on the GUI thread (no callback runs)
        self._pending.clear()


class ImportJob(QObject):
    """One import on the job thread, beside the writer; progress arrives as signals, at most every PROGRESS_INTERVAL."""

    PROGRESS_INTERVAL = 0.05
    progressed = Signal(int, int, str)  # done, total (-1 when unknown), current file
    finished = Signal(object)  # ImportResult
    failed = Signal(str)

    def __init__(self, archive: Archive, paths: list[Path], parent: QObject | None = None,
                 options: ReadOptions | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.paths = paths
        self.options = options  # passwords for locked PDFs, OCR languages (issue 14)
        self.token = CancelToken()
        self._last_report = 0.0

    def start(self, tasks: TaskManager) -> None:
        tasks.job(self._run, self.finished.emit, lambda error: self.failed.emit(str(error)))

    def cancel(self) -> None:
        self.token.cancel()

    def _run(self) -> ImportResult:
        # In a child process: indexing in this process would stall the window (core/ingest/process.py).
        return import_in_subprocess(self.archive.root, self.paths, progress=self._progress, cancel=self.token,
                                    options=self.options)

    def _progress(self, progress: Progress) -> None:
        # called on the job thread for every file: throttle, so 2,000 files do not flood the event queue
        now = time.monotonic()
        last = progress.total is not None and progress.done >= progress.total
        if now - self._last_report >= self.PROGRESS_INTERVAL or last:
            self._last_report = now
            total = progress.total if progress.total is not None else -1
            self.progressed.emit(progress.done, total, progress.current)
