"""The Claims Ledger on the sample archive, for docs/screenshots/ledger.png (issue 18).

    .venv/bin/archivist --archive /tmp/ledger-archive import seeds/
    Xvfb :99 -screen 0 1600x1000x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 .venv/bin/python scripts/ledger_screenshot.py /tmp/ledger-archive docs/screenshots/ledger.png
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


def settle(app: QApplication, ms: int = 800) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def main(archive_dir: str, out: str) -> int:
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # default window layout, not the user's
    app = make_application(sys.argv[:1])
    with Archive.open(Path(archive_dir), create=False) as archive:
        window = MainWindow(archive)
        window.resize(1560, 960)
        window.show()
        ledger = window.claims_ui.open_ledger()
        ledger.resize(1560, 960)
        ledger.move(20, 20)
        settle(app)
        ledger.grab().save(out)
        print("saved", out)
        ledger.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
