"""Screenshots for the README: the main window, a search, and the two seed articles side by side.

    .venv/bin/archivist --archive /tmp/shots-archive import seeds/
    DISPLAY=:99 .venv/bin/python scripts/screenshots.py /tmp/shots-archive docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from archivist.core.archive import Archive
from archivist.gui.app import make_application
from archivist.gui.main_window import MainWindow


def settle(app: QApplication, ms: int = 700) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def shoot(window: MainWindow, app: QApplication, path: Path) -> None:
    settle(app)
    window.grab().save(str(path))
    print("saved", path)


def main(archive_dir: str, out: str) -> int:
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # default window layout, not the user's
    app = make_application(sys.argv[:1])
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    with Archive.open(Path(archive_dir), create=False) as archive:
        window = MainWindow(archive)
        window.resize(1560, 960)  # the Xvfb screen is 1600x1000; the other panels need the room
        window.show()
        window.documents_table.select_row(0)
        shoot(window, app, folder / "main.png")
        window.search_field.set_query("coalition civilians")
        shoot(window, app, folder / "search.png")
        ids = sorted(archive.document_ids())
        window.search_field.clear()
        window.reading.set_search_query("coalition")
        window.compare(ids[0], ids[1])
        shoot(window, app, folder / "side-by-side.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
