"""Whether an import is running on an archive, in this process or another.

Importers hold a shared lock on ``import.lock`` for their whole run (several may run at once); whoever wants
to know that none is running tries the exclusive lock without waiting. The operating system drops the lock
of a process that dies, so a crashed import never looks as if it were still running.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; callers then treat an import as possibly running
    fcntl = None  # type: ignore[assignment]


class ImportActivity:
    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def running(self) -> Iterator[None]:
        """Mark an import as running for the duration of the block."""
        if fcntl is None:
            yield
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def idle(self) -> bool:
        """True when certainly no import is running (False when unsure)."""
        if fcntl is None:
            return False
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False
        finally:
            os.close(fd)
