"""The File menu's archive actions: Import Log…, Back Up Archive…, Open Archive….

The import log is read on the reader thread and shown run by run; a backup is written on the writer thread
(it holds the write lock while it copies); Open Archive starts a new window on the chosen folder in its own
process, since a window belongs to one archive (its lock, its watcher, its index).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.core.ingest.log import ImportLog, import_log
from archivist.gui.folders import last_folder, remember_folder

if TYPE_CHECKING:
    from archivist.gui.host import Host


class ImportLogDialog(QDialog):
    """Every import run (newest first); the chosen run's files with what became of each."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setWindowTitle("Import Log")
        self.setAccessibleName("Import log")
        self.runs = QComboBox(self)
        self.runs.setAccessibleName("Import runs")
        self.runs.activated.connect(lambda _index: self.load(self.runs.currentData()))
        self.entries = QTreeWidget(self)
        self.entries.setAccessibleName("Files of the import run")
        self.entries.setHeaderLabels(["File", "Result", "Message"])
        self.entries.setRootIsDecorated(False)
        self.entries.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.runs)
        layout.addWidget(self.entries, 1)
        layout.addWidget(buttons)
        self.resize(820, 480)

    def load(self, run_id: int | None = None) -> None:
        archive = self.host.archive
        self.host.tasks.read(lambda: import_log(archive, run_id), self.show_log)

    def show_log(self, log: ImportLog) -> None:
        self.runs.clear()
        for run in log.runs:
            when = run.started_at.strftime("%Y-%m-%d %H:%M")
            self.runs.addItem(f"{when}: {run.imported} imported, {run.duplicates} duplicates, {run.errors} errors "
                              f"({run.state})", run.id)
        self.runs.setCurrentIndex(max(self.runs.findData(log.run_id), 0))
        self.entries.clear()
        for entry in log.entries:
            QTreeWidgetItem(self.entries, [entry.path, entry.status, entry.message])

    def rows(self) -> list[tuple[str, str]]:
        return [(self.entries.topLevelItem(i).text(0), self.entries.topLevelItem(i).text(1))
                for i in range(self.entries.topLevelItemCount())]


class ArchiveMenu(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        parent = host.dialog_parent()
        self.import_log = QAction("Import &Log…", parent, objectName="import_log")
        self.import_log.triggered.connect(lambda _checked=False: self.show_import_log())
        self.backup = QAction("&Back Up Archive…", parent, objectName="back_up_archive")
        self.backup.triggered.connect(lambda _checked=False: self.ask_backup())
        self.open_archive = QAction("&Open Archive…", parent, objectName="open_archive")
        self.open_archive.triggered.connect(lambda _checked=False: self.ask_open())
        self.log_dialog: ImportLogDialog | None = None

    def actions(self) -> list[QAction]:
        return [self.open_archive, self.import_log, self.backup]

    def show_import_log(self) -> ImportLogDialog:
        if self.log_dialog is None:
            self.log_dialog = ImportLogDialog(self.host, self.host.dialog_parent())
        self.log_dialog.load()
        self.log_dialog.show()
        return self.log_dialog

    def ask_backup(self) -> None:
        settings = self.host.settings
        default = str(Path(last_folder(settings)) / f"{self.host.archive.root.name}-backup.zip")
        name, _filter = QFileDialog.getSaveFileName(self.host.dialog_parent(), "Back Up Archive", default,
                                                    "Archivist backup (*.zip)")
        if name:
            remember_folder(settings, name)
            self.back_up(Path(name))

    def back_up(self, destination: Path) -> None:
        from archivist.core.backup import write_backup

        archive = self.host.archive
        self.host.show_status(f"Backing up to {destination}…", 0)
        self.host.tasks.write(lambda: write_backup(archive, destination),
                              lambda _report: self.host.show_status(f"Backed up to {destination}", 8000))

    def ask_open(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host.dialog_parent(), "Open Archive",
                                                  last_folder(self.host.settings))
        if folder:
            remember_folder(self.host.settings, folder)
            self.open_in_new_window(Path(folder))

    @staticmethod
    def open_in_new_window(folder: Path) -> bool:
        """A new window on ``folder`` (created when empty), in a process of its own."""
        if getattr(sys, "frozen", False):  # the bundle: its executable is the app
            return QProcess.startDetached(sys.executable, ["gui", "--archive", str(folder)])[0]
        return QProcess.startDetached(sys.executable, ["-m", "archivist.gui.app", "--archive", str(folder)])[0]
