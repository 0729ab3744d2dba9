"""Indexing in a child process, beside the importer that reads, stores and catalogues the next files.

Profiling an import showed Whoosh's analysis and commits as the largest cost, all of it holding the GIL;
on the same process it added to the catalogue and store work instead of overlapping it. The importer now
sends each committed batch here and goes on; the child holds the index's one writer and commits every
``batch`` documents or ``seconds``, whichever comes first, so another writer (an edit in the desktop
application) waits at most that long.

Only documents already committed to the catalogue are sent, so a crash at any point loses nothing: the
catalogue is the truth, and documents it holds that the index lacks are indexed when the archive next
opens (``Archive.sync_index``).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from contextlib import ExitStack, suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from archivist.core.index.documents import IndexDocument
from archivist.core.index.index import SearchIndex, add_fields
from archivist.core.processes import main_module_hidden, worker_context

log = logging.getLogger("archivist.index")

# Pause after each commit so a writer waiting for the index lock (polling every 0.1 s) gets its turn.
YIELD_SECONDS = 0.3
QUEUE_BATCHES = 25
COMMIT = "commit"


class IndexFeeder:
    """The parent's end: ``send`` batches, then ``finish`` (which waits for the last commit).

    A thread writes the batches to the pipe, so the importer goes on while the child is busy committing
    (py-spy showed the importer blocked in ``send`` for 15% of an import); at most QUEUE_BATCHES wait.
    """

    def __init__(self, folder: Path, batch: int, seconds: float) -> None:
        context = worker_context()
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_serve, args=(str(folder), child_end, batch, seconds),
                                        name="archivist-indexer")
        with main_module_hidden():
            self._process.start()
        child_end.close()
        self._error: str | None = None
        self._finished = False
        self._queue: queue.Queue[list[dict[str, object]] | str | None] = queue.Queue(maxsize=QUEUE_BATCHES)
        self._sender = threading.Thread(target=self._send_all, name="archivist-index-sender", daemon=True)
        self._sender.start()

    def send(self, documents: list[IndexDocument]) -> None:
        """Hand documents over; blocks only while QUEUE_BATCHES batches are still waiting."""
        if self._error is None and documents:
            self._queue.put([document.fields() for document in documents])

    def commit_now(self) -> None:
        """Ask the child to commit what it has (the importer does when few files remain, so the last commit,
        which nothing overlaps, is small)."""
        if self._error is None:
            self._queue.put(COMMIT)

    def _send_all(self) -> None:
        while True:
            batch = self._queue.get()
            if self._error is None:
                try:
                    self._connection.send(batch)
                except OSError:
                    self._error = self._child_error()
            if batch is None:
                return

    def _child_error(self) -> str:
        """What the child said before it stopped, if it said anything."""
        try:
            if self._connection.poll(1.0):
                kind, message = self._connection.recv()
                if kind == "error" and message:
                    return str(message)
        except (EOFError, OSError):
            pass
        return "the indexing process stopped"

    def finish(self) -> str | None:
        """Wait until everything sent is committed; the error that stopped indexing, if any."""
        if self._finished:
            return self._error
        self._finished = True
        self._queue.put(None)
        self._sender.join()
        if self._error is None:
            try:
                kind, message = self._connection.recv()
                if kind == "error":
                    self._error = message
            except (EOFError, OSError):
                self._error = "the indexing process stopped"
        self._connection.close()
        self._process.join(timeout=60)
        return self._error

    def __enter__(self) -> IndexFeeder:
        return self

    def __exit__(self, *_exc: object) -> None:
        error = self.finish()
        if error:
            log.warning("indexing stopped: %s; the archive indexes what is missing when it next opens", error)


def _serve(folder: str, connection: Connection, batch: int, seconds: float) -> None:
    """The child: add what arrives to one writer, commit when due, and once more at the end."""
    writing = _Writing(SearchIndex(Path(folder)), batch, seconds)
    try:
        while True:
            if connection.poll(writing.seconds_left()):
                try:
                    message = connection.recv()
                except EOFError:  # the importer is gone: commit what it sent (all of it is catalogued)
                    message = None
                if message is None:
                    break
                if message == COMMIT:
                    writing.commit()
                    continue
                writing.add(message)
            writing.commit_if_due()
        writing.commit()
        _reply(connection, ("done", None))
    except Exception as error:  # reported to the importer, which logs it: the index can be synced later
        log.exception("indexing failed")
        writing.cancel()
        _reply(connection, ("error", f"{type(error).__name__}: {error}"))


def _reply(connection: Connection, message: tuple[str, str | None]) -> None:
    with suppress(OSError):
        connection.send(message)


class _Writing:
    """The child's writer: opened at the first document after a commit."""

    def __init__(self, index: SearchIndex, batch: int, seconds: float) -> None:
        self.index, self.batch, self.seconds = index, batch, seconds
        self._stack: ExitStack | None = None
        self._writer: Any = None
        self._count = 0
        self._opened = 0.0

    def seconds_left(self) -> float | None:
        """How long to wait for the next message before a time-due commit (None: no writer, wait on)."""
        if self._stack is None:
            return None
        return max(0.0, self._opened + self.seconds - time.monotonic())

    def add(self, documents: list[dict[str, object]]) -> None:
        if self._stack is None:
            self._stack = ExitStack()
            self._writer = self._stack.enter_context(self.index.writer())
            self._opened, self._count = time.monotonic(), 0
        for fields in documents:
            add_fields(self._writer, fields)
        self._count += len(documents)

    def commit_if_due(self) -> None:
        if self._stack is not None and (self._count >= self.batch or time.monotonic() - self._opened >= self.seconds):
            self.commit()
            time.sleep(YIELD_SECONDS)

    def commit(self) -> None:
        stack, self._stack, self._writer = self._stack, None, None
        if stack is not None:
            stack.close()

    def cancel(self) -> None:
        stack, self._stack, self._writer = self._stack, None, None
        if stack is not None:
            stack.__exit__(RuntimeError, RuntimeError("cancelled"), None)
