"""Reading files in worker processes that can be stopped: a hung or runaway extractor costs one file, not the import.

Each worker reads one file at a time under an address-space limit; the parent gives every file a deadline
and kills and replaces a worker that passes it. Workers come from a ``forkserver`` context where there is one
(``spawn`` elsewhere): the GUI imports on a thread, and forking a process that has threads can deadlock.
Results come back in the order the files went in, so document ids follow the order of the files.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from archivist.core.claims.extract import FoundClaim, find_claims
from archivist.core.compare.fingerprints import fingerprints
from archivist.core.extract.base import Extracted, ExtractionError, ReadOptions
from archivist.core.extract.limits import Limits, check_zip
from archivist.core.extract.registry import extract_file, sniff_format
from archivist.core.processes import main_module_hidden, worker_context

log = logging.getLogger("archivist.import")

T = TypeVar("T")
ZIP_FORMATS = frozenset({"docx", "epub"})
# Files read ahead of the one the importer waits for; bounds the memory held by finished texts.
MAX_AHEAD = 64
# Files queued on each worker (see ExtractionPool), and how few may be left before more are sent, all in one
# message: one path a message was a pipe write and a wake-up on both sides for every file.
QUEUED = 16
REFILL_AT = 8
# A text longer than this has its claims found here even when the importer would find them later: the importer
# finds them on one core after the files are read, beside the index's last commit, whose cost per character
# falls as a text grows (its words repeat) while that of finding claims does not.
CLAIMS_LATER_MAX = 10_000
_CRASHED = "the reader stopped on this file (crashed or ran out of memory); skipped"


@dataclass(slots=True)
class Outcome:
    """What became of reading one file: its extraction or a short error, and how long it took."""

    extracted: Extracted | None = None
    error: str | None = None
    seconds: float = 0.0
    # The text's shared-passage fingerprints, computed here because workers have the text and idle cores,
    # while the importer's own process is the busiest of an import.
    fingerprints: set[int] | None = None
    # The text's claims (issue 18), found here for the same reason; None when not looked for (the importer
    # finds the claims of an import's last files itself, while the index commits them: importer.py).
    claims: list[FoundClaim] | None = None


def read_file(path: Path, limits: Limits, options: ReadOptions | None = None) -> Extracted:
    """Extract ``path`` after the checks that need no extractor (size, ZIP bombs); raises ExtractionError."""
    error = limits.size_error(path.stat().st_size)
    if error:
        raise ExtractionError(error)
    format_name = sniff_format(path)
    if format_name in ZIP_FORMATS:
        check_zip(path, limits)
    return extract_file(path, format_name, options)


def read_outcome(path: Path, limits: Limits, options: ReadOptions | None = None, claims_now: bool = True) -> Outcome:
    """``read_file`` with every failure turned into a one-line message (never a traceback); ``claims_now``
    False leaves the claims of a short text to be found later (``Outcome.claims`` None)."""
    started = time.monotonic()
    try:
        extracted = read_file(path, limits, options)
        claims = None
        if claims_now or len(extracted.text) > CLAIMS_LATER_MAX:
            claims = find_claims(extracted.text, [(page.start, page.label) for page in extracted.pages],
                                 extracted.metadata.language)
        return Outcome(extracted, None, time.monotonic() - started, fingerprints(extracted.text), claims)
    except ExtractionError as error:
        message = str(error)
    except MemoryError:
        message = "the file needs more memory than Archivist allows; skipped"
    except RecursionError:
        message = "the file is nested too deeply to read; skipped"
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
    except Exception as error:  # an extractor bug must cost this file only
        log.exception("reading %s failed", path)
        message = f"cannot read this file: {type(error).__name__}"
    return Outcome(error=message[:200], seconds=time.monotonic() - started)


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the deadline still bounds the worker
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError) as error:
        log.info("cannot limit worker memory: %s", error)


def worker_main(connection: Connection, limits: Limits, options: ReadOptions | None = None) -> None:
    """A worker's loop: (path, claims now?) pairs in, an Outcome out for each in turn, until the parent sends
    None or goes away."""
    _limit_memory(limits.memory_bytes)
    while True:
        try:
            paths = connection.recv()
        except (EOFError, OSError):
            return
        if paths is None:
            return
        for path, claims_now in paths:
            outcome = read_outcome(Path(path), limits, options, claims_now)
            try:
                connection.send(outcome)
            except MemoryError:
                connection.send(Outcome(error="the file needs more memory than Archivist allows; skipped"))


class _Worker(Generic[T]):
    """One worker process and the files queued for it, the first of which it is reading."""

    def __init__(self, context: BaseContext, limits: Limits, options: ReadOptions | None = None) -> None:
        self.context = context
        self.limits = limits
        self.options = options
        self.process: BaseProcess | None = None
        self.connection: Connection | None = None
        self.jobs: deque[tuple[int, T]] = deque()
        self.started = 0.0  # when the first queued file began (as far as the parent can tell)

    def submit(self, jobs: list[tuple[int, T, Path, bool]]) -> None:
        """Queue files (numbered, each with whether to find its claims now) in one message."""
        if self.process is None or not self.process.is_alive():
            self._start()
        assert self.connection is not None
        if not self.jobs:
            self.started = time.monotonic()
        self.jobs.extend((number, item) for number, item, _path, _claims in jobs)
        self.connection.send([(str(path), claims) for _number, _item, path, claims in jobs])

    def _start(self) -> None:
        self.stop()
        parent, child = self.context.Pipe()
        process = self.context.Process(target=worker_main, args=(child, self.limits, self.options), daemon=True,
                                       name="archivist-reader")
        with main_module_hidden():
            process.start()
        child.close()
        self.process, self.connection = process, parent

    def overdue(self, now: float) -> bool:
        return bool(self.jobs) and now - self.started > self.limits.seconds

    def receive(self) -> tuple[int, T, Outcome]:
        """The first job's outcome; a worker that died mid-file is stopped and reported as such."""
        assert self.connection is not None
        number, item = self.jobs.popleft()
        try:
            outcome: Outcome = self.connection.recv()
        except (EOFError, OSError):
            self.stop()
            outcome = Outcome(error=_CRASHED)
        now = time.monotonic()
        outcome.seconds, self.started = now - self.started, now
        return number, item, outcome

    def give_back(self) -> list[tuple[int, T]]:
        """The queued jobs a stopped worker never started, to hand to another."""
        jobs = list(self.jobs) if self.process is None else []
        if jobs:
            self.jobs.clear()
        return jobs

    def stop(self) -> None:
        """Kill the process (it may be stuck in C code that no signal handler reaches) and forget it."""
        if self.connection is not None:
            self.connection.close()
        if self.process is not None:
            self.process.kill()
            self.process.join(5)
        self.process = self.connection = None


class ExtractionPool(Generic[T]):
    """A few worker processes reading files under ``limits``; use as a context manager.

    Each worker has up to QUEUED files waiting in its pipe, so it goes on reading while the importer is busy
    committing a batch; with one file each, py-spy showed both workers idle for most of an import.
    """

    def __init__(self, limits: Limits, workers: int = 2, options: ReadOptions | None = None) -> None:
        self.limits = limits
        self._context = worker_context()
        self._workers: list[_Worker[T]] = [_Worker(self._context, limits, options) for _ in range(max(1, workers))]
        self._retry: deque[tuple[int, T]] = deque()

    def __enter__(self) -> ExtractionPool[T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            if worker.connection is not None and not worker.jobs:
                with suppress(OSError):
                    worker.connection.send(None)  # let an idle worker exit on its own
            worker.stop()

    def read(self, items: Iterable[T], path_of: Callable[[T], Path],
             claims_now: Callable[[T], bool] = lambda _item: True) -> Iterator[tuple[T, Outcome]]:
        """Each item with the outcome of reading its file, in the order of ``items`` (read lazily)."""
        source = enumerate(items)
        finished: dict[int, tuple[T, Outcome]] = {}
        next_out, exhausted = 0, False
        while True:
            exhausted = self._fill(source, path_of, claims_now, finished, exhausted)
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
            busy = [worker for worker in self._workers if worker.jobs]
            if not busy:
                if exhausted and not finished and not self._retry:
                    return
                continue
            self._collect(busy, finished)

    def _fill(self, source: Iterator[tuple[int, T]], path_of: Callable[[T], Path], claims_now: Callable[[T], bool],
              finished: dict[int, tuple[T, Outcome]], exhausted: bool) -> bool:
        """Queue files on the workers left with few while the read-ahead allows; True once ``source`` is used up."""
        for worker in self._workers:
            if len(worker.jobs) > REFILL_AT:
                continue
            batch: list[tuple[int, T, Path, bool]] = []
            ahead = len(finished) + self._in_flight()
            while len(worker.jobs) + len(batch) < QUEUED and ahead + len(batch) < MAX_AHEAD:
                entry = self._retry.popleft() if self._retry else (None if exhausted else next(source, None))
                if entry is None:
                    exhausted = True
                    break
                batch.append((entry[0], entry[1], path_of(entry[1]), claims_now(entry[1])))
            if batch:
                worker.submit(batch)
        return exhausted

    def _in_flight(self) -> int:
        return sum(len(worker.jobs) for worker in self._workers)

    def _collect(self, busy: list[_Worker[T]], finished: dict[int, tuple[T, Outcome]]) -> None:
        """Wait for the first worker to finish a file or pass its deadline, and record what came of it."""
        deadline = min(worker.started for worker in busy) + self.limits.seconds
        connections = [worker.connection for worker in busy if worker.connection is not None]
        ready = wait(connections, timeout=max(0.0, deadline - time.monotonic()))
        now = time.monotonic()
        for worker in busy:
            if worker.connection in ready:
                number, item, outcome = worker.receive()
                finished[number] = (item, outcome)
            elif worker.overdue(now):
                number, item = worker.jobs.popleft()
                log.warning("%s: over %g s; stopping its reader", item, self.limits.seconds)
                worker.stop()
                finished[number] = (item, Outcome(error=self.limits.timeout_error(), seconds=now - worker.started))
            self._retry.extend(worker.give_back())



class Reader(Protocol[T]):
    """Reads items' files: each item with its Outcome, in order (``claims_now``: whether to find its claims)."""

    def __call__(self, items: Iterable[T], path_of: Callable[[T], Path],
                 claims_now: Callable[[T], bool] = ..., /) -> Iterator[tuple[T, Outcome]]: ...


# Up to this many plain-text files are read in the importing process: starting a worker would take longer
# than reading them. Plain text cannot hang (one decoding pass over a file already under the size limit);
# every format whose library could loop or blow up (PDF, HTML, DOCX, EPUB, Markdown's YAML) goes to a worker.
IN_PROCESS_MAX_FILES = 3
_IN_PROCESS_FORMATS = frozenset({"text"})


def needs_workers(paths: list[Path]) -> bool:
    """Whether these files must be read in worker processes (see IN_PROCESS_MAX_FILES)."""
    if len(paths) > IN_PROCESS_MAX_FILES:
        return True
    for path in paths:
        try:
            if sniff_format(path) not in _IN_PROCESS_FORMATS:
                return True
        except (ExtractionError, OSError):
            continue  # the reader reports it
    return False


@contextmanager
def open_reader(paths: list[Path], limits: Limits, workers: int = 2,
                options: ReadOptions | None = None) -> Iterator[Reader[T]]:
    """A reader for an import of ``paths``: worker processes, or the calling process for a few text files."""
    if needs_workers(paths):
        with ExtractionPool[T](limits, workers, options) as pool:
            yield pool.read
        return

    def read_here(items: Iterable[T], path_of: Callable[[T], Path],
                  claims_now: Callable[[T], bool] = lambda _item: True) -> Iterator[tuple[T, Outcome]]:
        for item in items:
            yield item, read_outcome(path_of(item), limits, options, claims_now(item))

    yield read_here
