"""One writer at a time, across threads and processes (the GUI and the CLI may share an archive)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from archivist.core.errors import ArchiveLockedError

DEFAULT_TIMEOUT = 60.0


class WriteLock:
    """Held around every change to the catalogue, the store and the index."""

    def __init__(self, path: Path, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.path = path
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._file_lock = FileLock(str(path), timeout=timeout, thread_local=False)

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._thread_lock:
            try:
                self._file_lock.acquire(timeout=self.timeout)
            except Timeout as error:
                raise ArchiveLockedError(
                    f"another Archivist process is writing to {self.path.parent} and did not finish within "
                    f"{self.timeout:.0f} s; try again when it is done"
                ) from error
            try:
                yield
            finally:
                self._file_lock.release()
