"""A panel listing the documents that share passages with the open one; choosing one opens the pair."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from archivist.core.archive import Archive
from archivist.core.compare import ReuseReport
from archivist.gui.tasks import TaskManager


class SharedSourcesPanel(QWidget):
    """"Sources sharing passages": for the open document, the others that share text with it, most first."""

    pair_requested = Signal(int, int)  # the open document and the chosen source

    def __init__(self, archive: Archive, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.tasks = tasks
        self.document_id: int | None = None
        self.summary = QLabel("Open a document to see which others share passages with it.", self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)  # titles are long; the dock is narrow
        self.list.setSpacing(2)
        self.list.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_document(self, document_id: int) -> None:
        """Look up, in the background, the sources sharing passages with ``document_id`` (-1 clears)."""
        self.list.clear()
        self.document_id = document_id if document_id >= 0 else None
        if self.document_id is None:
            self.summary.setText("Open a document to see which others share passages with it.")
            return
        self.summary.setText("Looking across the archive…")
        archive, asked = self.archive, self.document_id
        self.tasks.read(lambda: archive.compare.reuse(asked),
                        lambda report: self.set_report(report) if self.document_id == asked else None)

    def set_report(self, report: ReuseReport) -> None:
        self.list.clear()
        for source in report.sources:
            count = len(source.passages)
            item = QListWidgetItem(f"{source.title}\n{source.shared_chars:,} characters in {count} "
                                   f"passage{'s' * (count != 1)}")
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setToolTip("Open side by side")
            self.list.addItem(item)
        count = len(report.sources)
        verb = "shares" if count == 1 else "share"
        found = f"{count} document{'s' * (count != 1)} {verb} passages with this one. Double-click to compare."
        self.summary.setText(found if count else "No other document shares passages with this one.")

    def _chosen(self, item: QListWidgetItem) -> None:
        if self.document_id is not None:
            self.pair_requested.emit(self.document_id, int(item.data(Qt.ItemDataRole.UserRole)))
