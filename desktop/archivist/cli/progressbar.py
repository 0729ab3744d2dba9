"""A one-line progress bar on a terminal's stderr (nothing when stderr is not a terminal)."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

from archivist.core.jobs import Progress


class ProgressBar:
    def __init__(self, stream: TextIO | None = None, label: str = "") -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.label = label
        self._last = 0.0

    def __call__(self, progress: Progress) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and progress.done != progress.total:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 20)).columns
        total = progress.total or 0
        fraction = progress.done / total if total else 0.0
        bar_width = 24
        filled = int(bar_width * fraction)
        name = progress.current.rsplit("/", 1)[-1]
        text = f"\r{self.label} [{'#' * filled}{'.' * (bar_width - filled)}] {progress.done}/{total} {name}"
        self.stream.write(text[: width - 1].ljust(width - 1))
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((80, 20)).columns - 1) + "\r")
            self.stream.flush()
