"""Running an import in a child process, for a caller that must stay responsive (the desktop application).

Whoosh's indexing and commits are pure Python or hold the GIL in long C calls (sorting a segment's postings),
so an import on a thread of the GUI process stalls the window for hundreds of milliseconds at a time
(benchmarks/gui_responsiveness.py: 460 ms). In a child process it cannot. The child opens the same archive
and imports through the same ``Archive.import_paths``; progress comes back over a queue, cancelling sets an
event the child turns into its CancelToken, and the child's writes take the archive's write lock as any
other process's do.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue as queue_module
import threading
import time
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from archivist.core.errors import ArchivistError
from archivist.core.extract.base import ReadOptions
from archivist.core.jobs import CancelToken, Progress, ProgressCallback, no_progress
from archivist.core.processes import main_module_hidden
from archivist.core.records import ImportResult

log = logging.getLogger("archivist.import")

PROGRESS_INTERVAL = 0.05  # seconds between progress messages: 2,000 files must not flood the queue
POLL = 0.1


def import_in_subprocess(
    root: Path, paths: list[Path], progress: ProgressCallback = no_progress, cancel: CancelToken | None = None,
    options: ReadOptions | None = None,
) -> ImportResult:
    """``Archive(root).import_paths(paths)`` in a child process; blocks the calling thread until it ends.

    ``options`` carries the passwords the window asked for and its OCR language setting (issue 14)."""
    context = multiprocessing.get_context("spawn")
    messages: Any = context.Queue()
    stop = context.Event()
    # Not a daemon: the child starts its own extraction workers, which daemonic processes may not do.
    child = context.Process(target=_child, args=(str(root), [str(path) for path in paths], messages, stop, options),
                            name="archivist-import")
    with main_module_hidden():
        child.start()
    try:
        result = _relay(child, messages, stop, progress, cancel or CancelToken())
    finally:
        child.join(timeout=60)
    return result


def _relay(child: Any, messages: Any, stop: Event, progress: ProgressCallback, cancel: CancelToken) -> ImportResult:
    while True:
        if cancel.cancelled:
            stop.set()
        try:
            kind, payload = messages.get(timeout=POLL)
        except queue_module.Empty:
            if not child.is_alive():
                raise ArchivistError(
                    f"the import stopped unexpectedly (exit code {child.exitcode}); what it had finished is kept, "
                    "and `archivist check --repair` tidies the rest"
                ) from None
            continue
        if kind == "progress":
            progress(Progress(*payload))
        elif kind == "result":
            return payload
        else:
            raise ArchivistError(payload)


def _child(root: str, paths: list[str], messages: Any, stop: Event, options: ReadOptions | None = None) -> None:
    """The child's side: open the archive, import, send the result (or the user-facing error)."""
    from archivist.core.archive import Archive

    token = CancelToken()
    threading.Thread(target=lambda: (stop.wait(), token.cancel()), daemon=True).start()
    last = 0.0

    def report(step: Progress) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or (step.total is not None and step.done >= step.total):
            last = now
            messages.put(("progress", (step.done, step.total, step.current)))

    try:
        with Archive.open(Path(root)) as archive:
            messages.put(("result", archive.import_paths(paths, progress=report, cancel=token, options=options)))
    except ArchivistError as error:
        messages.put(("error", str(error)))
    except Exception as error:  # never a traceback in the window: one line, and the log has the rest
        log.exception("import process failed")
        messages.put(("error", f"the import failed: {type(error).__name__}: {error}"))
