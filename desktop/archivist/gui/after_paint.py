"""Run something once a widget has been painted, so background work starts after the window is on screen.

Work on the reader thread holds Python's GIL, and a view's paint calls into Python for every cell it draws:
started together, each of those calls waits for the worker to let go, and the first paint takes several times
as long. So start-up work waits for the paint it would slow.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A hidden widget is never painted: its work starts at once; a shown one that is not painted (minimised,
# covered) starts after this long anyway.
FALLBACK_MS = 1500


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        # checked on the next turn of the event loop: a window being built is shown only after this is made
        QTimer.singleShot(0, self, lambda: self._fire() if not widget.isVisible() else None)
        QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self, self._fire)  # once this paint pass is over
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None], fallback_ms: int = FALLBACK_MS) -> None:
    """Call ``callback`` on the GUI thread right after ``widget``'s next paint (at once if it is hidden)."""
    _AfterPaint(widget, callback, fallback_ms)
