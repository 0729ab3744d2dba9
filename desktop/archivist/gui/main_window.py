"""The main window (a first version: the document list; the full window is its own issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QMainWindow

from archivist import APP_NAME
from archivist.core.archive import Archive


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.setWindowTitle(APP_NAME)
        self.resize(1200, 800)
        self.documents = QListWidget()
        for summary in archive.list_documents():
            self.documents.addItem(summary.title)
        self.setCentralWidget(self.documents)
