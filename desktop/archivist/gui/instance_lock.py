"""One Archivist window per archive: a lock file held for the application's lifetime."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

LOCK_NAME = "gui.lock"
IN_USE_MESSAGE = "This archive is open in another Archivist window."


def acquire_gui_lock(root: Path) -> FileLock | None:
    """The held lock, or None when another running Archivist holds it (no waiting)."""
    lock = FileLock(str(Path(root) / LOCK_NAME), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock
