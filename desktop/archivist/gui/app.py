"""``archivist-gui``: start the desktop application on an archive."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMessageBox

from archivist import APP_ID, APP_NAME, __version__
from archivist.core.archive import Archive
from archivist.core.errors import ArchivistError
from archivist.core.paths import default_archive_dir, resolve_archive_dir
from archivist.core.samples import open_or_create_with_samples
from archivist.gui.instance_lock import IN_USE_MESSAGE, acquire_gui_lock


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="archivist-gui", description="Open the Archivist desktop application.")
    parser.add_argument("--archive", metavar="DIR", help="the archive folder to open")
    parser.add_argument("--version", action="version", version=f"Archivist {__version__}")
    return parser.parse_args(argv)


def open_archive(explicit: str | None) -> Archive:
    """The archive to show; the default one is created with the sample articles on first run."""
    root = resolve_archive_dir(explicit)
    if explicit is None and root == default_archive_dir():
        archive, _created = open_or_create_with_samples(root)
        return archive
    return Archive.open(root, create=True)


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
    from archivist.gui.main_window import MainWindow

    window = MainWindow(archive)
    window.show()
    try:
        return app.exec()
    finally:
        archive.close()
        lock.release()


if __name__ == "__main__":
    sys.exit(main())
