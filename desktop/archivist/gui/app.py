"""``archivist-gui``: start the desktop application on an archive."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

# The core (SQLAlchemy, Alembic, Whoosh: some 600 modules) is imported before PySide6 on purpose: once PySide6
# is imported, its import hook reads the source of every module that imports anything, to look for
# ``from __feature__ import``; that made start-up about 0.4 s slower.
from archivist import APP_ID, APP_NAME, __version__
from archivist.core.archive import Archive
from archivist.core.errors import ArchivistError
from archivist.core.paths import default_archive_dir, resolve_archive_dir
from archivist.core.samples import open_or_create_with_samples

# isort: split
from PySide6.QtWidgets import QApplication, QMessageBox

from archivist.gui import startup_probe
from archivist.gui.instance_lock import IN_USE_MESSAGE, acquire_gui_lock


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="archivist-gui", description="Open the Archivist desktop application.")
    parser.add_argument("--archive", metavar="DIR", help="the archive folder to open")
    parser.add_argument("--version", action="version", version=f"Archivist {__version__}")
    return parser.parse_args(argv)


def open_archive(explicit: str | None) -> Archive:
    """The archive to show; the default one is created with the sample articles on first run.

    The index is not checked here: the window does that on a worker thread (MainWindow.rebuild_index,
    _check_index), so it appears without waiting on the index.
    """
    root = resolve_archive_dir(explicit)
    if explicit is None and root == default_archive_dir() and not Archive.exists(root):
        archive, _created = open_or_create_with_samples(root)
        return archive
    return Archive.open(root, create=True, check_index=False)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    from archivist.gui.theme import apply_theme

    apply_theme(app)  # type: ignore[arg-type]
    return app  # type: ignore[return-value]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    app = make_application([sys.argv[0]])
    startup_probe.mark("app_created")
    try:
        archive = open_archive(args.archive)
    except ArchivistError as error:
        QMessageBox.critical(None, APP_NAME, f"Archivist cannot open the archive.\n\n{error}")
        return 1
    lock = acquire_gui_lock(archive.root)
    if lock is None:
        archive.close()
        QMessageBox.warning(None, APP_NAME, f"{IN_USE_MESSAGE}\n\n{archive.root}")
        return 1
    startup_probe.mark("archive_opened")
    from archivist.gui.main_window import MainWindow

    window = MainWindow(archive)
    startup_probe.mark("window_built")
    startup_probe.watch(window)  # benchmarks/gui_startup.py: times the first paints when asked to
    window.show()
    try:
        return app.exec()
    finally:
        archive.close()
        lock.release()


if __name__ == "__main__":
    sys.exit(main())
