"""One writer at a time, across threads and processes (the GUI and the CLI may share an archive).

Only writers take the lock; readers (list, search, show) never do: SQLite's WAL mode lets them read the last
commit while a write is under way, and Whoosh searchers see the last committed index. A writer that finds the
lock taken waits up to ``timeout`` seconds (long imports let go of it between batches), then fails with a
message naming what to do. The lock is a ``filelock`` on ``write.lock``: the operating system releases it when
the holder dies, so a crashed import never leaves the archive locked.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from archivist.core.errors import ArchiveLockedError

DEFAULT_TIMEOUT = 60.0


def default_timeout() -> float:
    """DEFAULT_TIMEOUT, or ARCHIVIST_LOCK_TIMEOUT seconds (scripts that would rather fail fast set it low)."""
    try:
        value = float(os.environ.get("ARCHIVIST_LOCK_TIMEOUT", ""))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value >= 0 else DEFAULT_TIMEOUT


class WriteLock:
    """Held around every change to the catalogue, the store and the index; re-entrant within a thread."""

    def __init__(self, path: Path, timeout: float | None = None) -> None:
        self.path = path
        self.timeout = default_timeout() if timeout is None else timeout
        self._thread_lock = threading.RLock()
        self._file_lock = FileLock(str(path), timeout=self.timeout, thread_local=False)

    @contextmanager
    def hold(self) -> Iterator[None]:
        # Another thread of this process (a GUI import beside a GUI edit) is waited for like another process.
        if not self._thread_lock.acquire(timeout=self.timeout):
            raise self._locked_error("another task in this window")
        try:
            try:
                self._file_lock.acquire(timeout=self.timeout)
            except Timeout as error:
                raise self._locked_error("another Archivist program") from error
            try:
                yield
            finally:
                self._file_lock.release()
        finally:
            self._thread_lock.release()

    def _locked_error(self, holder: str) -> ArchiveLockedError:
        return ArchiveLockedError(
            f"{holder} is writing to the archive {self.path.parent} and did not finish within "
            f"{self.timeout:g} s; try again when it is done"
        )
