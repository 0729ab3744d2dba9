"""How long the GUI thread can stall while 2,000 Reuters stories are imported through the window's worker.

Splits Reuters-21578 into one text file per <REUTERS> element (title + body), opens the main window
offscreen on a fresh archive, imports the folder through the ImportController, and records with a 10 ms
QTimer the longest gap between ticks on the GUI thread. Prints the figure (the target is < 100 ms).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/gui_responsiveness.py [--count 2000]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import write_reuters


class GapMeter:
    """A 10 ms timer on the GUI thread; the longest time between two ticks is how long the GUI froze."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self.worst_at = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self.timer = QTimer(interval=interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self._last > self.longest:
            self.longest, self.worst_at = now - self._last, now
        self._last = now
        self.ticks += 1


def run(count: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from archivist.core.archive import Archive
    from archivist.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as temp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(temp) / "config")  # keep the user's window settings out of it
        files = write_reuters(Path(temp) / "stories", limit=count)
        archive = Archive.open(Path(temp) / "archive")
        window = MainWindow(archive)
        window.show()
        app.processEvents()
        meter, done = GapMeter(), []
        window.importer.finished.connect(done.append)
        started = time.perf_counter()
        meter.start()
        window.import_paths([Path(temp) / "stories"])
        while not done:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        worst_after = meter.worst_at - started
        meter.timer.stop()
        listed = window.documents_model.rowCount()
        window.close()
        window.deleteLater()  # destroyed now, not by the garbage collector during interpreter shutdown
        app.processEvents()
        done.clear()
        archive.close()
    return {"files": len(files), "listed": listed, "seconds": elapsed, "longest_gap_ms": meter.longest * 1000,
            "ticks": meter.ticks, "worst_after": worst_after}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    figures = run(args.count)
    print(f"imported {figures['listed']:,} of {figures['files']:,} Reuters stories in {figures['seconds']:.1f} s; "
          f"longest GUI-thread stall: {figures['longest_gap_ms']:.0f} ms ({figures['ticks']} ticks of 10 ms), "
          f"{figures['worst_after']:.1f} s after the start")
    return 0 if figures["longest_gap_ms"] < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
