"""Progress reporting and cancellation for long operations, usable from the CLI and the GUI alike."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """Raised inside a job when its token was cancelled."""


@dataclass(frozen=True, slots=True)
class Progress:
    """One step of a job: ``done`` of ``total`` items, and the item being worked on."""

    done: int
    total: int | None
    current: str = ""


ProgressCallback = Callable[[Progress], None]


def no_progress(_progress: Progress) -> None:
    """A progress callback that ignores every report."""


class CancelToken:
    """A flag a job checks between items; any thread may set it."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
