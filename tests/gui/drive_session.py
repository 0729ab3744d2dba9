"""One scripted working session in the real application, for tests that check how the process ends.

``python -m tests.gui.drive_session ARCHIVE [ROUNDS]`` starts ``archivist-gui --archive ARCHIVE`` exactly as a
user would (``archivist.gui.app.main``), then, from timers on the GUI thread, searches, opens a result, compares
two documents, highlights, copies a citation and a quotation, closes the comparison, and quits through the
Quit action. Its exit status is the application's: 0, unless the process died on the way out.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from archivist.gui import app
from archivist.gui.main_window import MainWindow

STEP_MS = 150


def _window() -> MainWindow | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)


def _when(ready: Callable[[], bool], then: Callable[[], None]) -> None:
    """Poll until ``ready()``, then call ``then`` on the GUI thread."""
    QTimer.singleShot(STEP_MS, lambda: then() if ready() else _when(ready, then))


def _script(rounds: int) -> list[Callable[[MainWindow], object]]:
    def idle(window: MainWindow) -> bool:
        return not window.tasks.busy and not window.searcher.pending

    steps: list[Callable[[MainWindow], object]] = []
    for round_number in range(rounds):
        query = ("coalition", "Manbij civilians", "united nations")[round_number % 3]
        steps += [
            lambda w, q=query: w.search_field.set_query(q),
            idle,
            lambda w: w.results_table.select_row(0),
            lambda w: w.open_document(w.results_model.document_id(0)) if w.results_model.rowCount() else None,
            idle,
            lambda w: w.compare(*w.archive.document_ids()[:2]),
            idle,
            lambda w: w.reading.left.select_range(0, 30),
            lambda w: w.highlights.highlight_active("yellow"),
            idle,
            lambda w: w.citations_ui.copy_citation.trigger(),
            lambda w: w.window_actions.close_comparison.trigger(),
            lambda w: w.search_field.set_query(""),
            idle,
        ]
    # the way people quit: while work is still on its way (a search typed, a highlight being saved)
    steps += [
        lambda w: w.open_document(w.archive.document_ids()[0]),
        lambda w: w.search_field.set_query("coalition"),
        lambda w: w.reading.left.select_range(40, 60),
        lambda w: w.highlights.highlight_active("green"),
        _offscreen_clipboard_emptied,
        lambda w: w.window_actions.quit.trigger(),
    ]
    return steps


def _offscreen_clipboard_emptied(_window: MainWindow) -> None:
    """Qt's offscreen platform (not X11: checked under Xvfb) segfaults at exit while its clipboard holds data."""
    if QGuiApplication.platformName() == "offscreen":
        QGuiApplication.clipboard().clear()


def _run(steps: list[Callable[[MainWindow], object]]) -> None:
    window = _window()
    if window is None or window.documents_model.rowCount() == 0:
        QTimer.singleShot(STEP_MS, lambda: _run(steps))
        return
    step, rest = steps[0], steps[1:]
    if step.__name__ == "idle":
        _when(lambda: step(window) is True, lambda: _run(rest))  # type: ignore[arg-type]
        return
    step(window)
    if rest:
        QTimer.singleShot(STEP_MS if rest[0].__name__ == "idle" else 0, lambda: _run(rest))


def main(argv: list[str]) -> int:
    archive, rounds = argv[0], int(argv[1]) if len(argv) > 1 else 2
    app.make_application([sys.argv[0]])
    QTimer.singleShot(STEP_MS, lambda: _run(_script(rounds)))
    return app.main(["--archive", archive])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
