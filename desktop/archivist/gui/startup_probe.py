"""Start-up timing for ``benchmarks/gui_startup.py``; does nothing unless ``ARCHIVIST_STARTUP_REPORT`` is set.

With ``ARCHIVIST_STARTUP_REPORT=<file.json>`` in the environment, ``app.main`` calls ``mark`` at its milestones
and ``watch(window)`` just before showing the window. The probe then records, in seconds since the process
started:

- ``window_shown``: the window's first paint has finished;
- ``rows_painted``: the document list has painted while holding at least ``ARCHIVIST_STARTUP_ROWS`` rows
  (default 50; a smaller archive passes its size);
- ``idle``: the start-up background work (ids, counts, facets) is done;

and the peak memory (``VmHWM``, in MB) at ``idle``. It writes them as JSON and closes the window, so the
application exits. ``ARCHIVIST_STARTUP_T0`` is the wall-clock ``time.time()`` the launcher read just before
starting the process; without it the clock starts when this module is imported (which is later, so faster).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from archivist.gui.main_window import MainWindow

ENV_REPORT = "ARCHIVIST_STARTUP_REPORT"
ENV_STARTED = "ARCHIVIST_STARTUP_T0"
ENV_ROWS = "ARCHIVIST_STARTUP_ROWS"
LIST_ROWS = 50
POLL_MS = 25
IDLE_POLLS = 4  # background work counts as done once the task manager was idle this many polls in a row
GIVE_UP_S = 180.0  # write what was measured and quit even if a milestone never came

_IMPORTED = time.time()


def peak_memory_mb() -> float | None:
    """The process's peak resident memory (VmHWM) in MB; None where /proc is missing."""
    return _proc_status_mb("VmHWM")


def _proc_status_mb(field: str) -> float | None:
    try:
        lines = Path("/proc/self/status").read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return None


class StartupProbe(QObject):
    """Watches one window's first paints and writes the report; see the module's docstring."""

    def __init__(self, report: Path, started: float, rows: int) -> None:
        super().__init__()
        self.report = report
        self.started = started
        self.rows = rows
        self.marks: dict[str, float] = {"imported": round(_IMPORTED - started, 4)}  # app.py's imports done
        self.window: MainWindow | None = None
        self._idle_polls = 0
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._check_idle)

    def mark(self, name: str) -> None:
        """Record the first time ``name`` happened (seconds since the start)."""
        self.marks.setdefault(name, round(time.time() - self.started, 4))

    def watch(self, window: MainWindow) -> None:
        self.window = window
        window.installEventFilter(self)
        window.documents_table.viewport().installEventFilter(self)
        QTimer.singleShot(int(GIVE_UP_S * 1000), self.finish)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.window is not None:
            if watched is self.window and "window_shown" not in self.marks:
                QTimer.singleShot(0, lambda: self.mark("window_shown"))  # once this paint pass is over
            elif watched is not self.window and self._list_full() and "rows_painted" not in self.marks:
                QTimer.singleShot(0, self._rows_painted)
        return False

    def _list_full(self) -> bool:
        assert self.window is not None
        return self.window.documents_model.rowCount() >= self.rows

    def _rows_painted(self) -> None:
        self.mark("rows_painted")
        self.marks.setdefault("window_shown", self.marks["rows_painted"])
        self._poll.start()

    def _check_idle(self) -> None:
        assert self.window is not None
        self._idle_polls = 0 if self.window.tasks.busy else self._idle_polls + 1
        if self._idle_polls >= IDLE_POLLS:
            self.mark("idle")
            self.finish()

    def finish(self) -> None:
        """Write the report and close the window (the application quits with its last window)."""
        if self.window is None:
            return
        self._poll.stop()
        figures = {"started": self.started, "marks": self.marks, "peak_mb": peak_memory_mb(),
                   "rss_mb": _proc_status_mb("VmRSS"), "rows": self.window.documents_model.rowCount()}
        self.report.write_text(json.dumps(figures, indent=2), encoding="utf-8")
        window, self.window = self.window, None
        window.close()
        QApplication.quit()


_probe: StartupProbe | None = None


def probe() -> StartupProbe | None:
    """The probe when the environment asks for one (made on first use), else None."""
    global _probe
    report = os.environ.get(ENV_REPORT)
    if _probe is None and report:
        started = float(os.environ.get(ENV_STARTED) or _IMPORTED)
        _probe = StartupProbe(Path(report), started, int(os.environ.get(ENV_ROWS) or LIST_ROWS))
    return _probe


def mark(name: str) -> None:
    current = probe()
    if current is not None:
        current.mark(name)


def watch(window: MainWindow) -> None:
    current = probe()
    if current is not None:
        current.watch(window)
