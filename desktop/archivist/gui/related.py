"""Related documents of the open document (Whoosh's key terms, "more like this"), in a dock panel.

Read on the reader thread whenever the active reader shows another document and the panel is visible;
activating a row opens that document beside the open one (or in its place with Ctrl held).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from archivist.core.index import RelatedHit

if TYPE_CHECKING:
    from archivist.gui.host import Host

ID_ROLE = Qt.ItemDataRole.UserRole + 30
LIMIT = 15


class RelatedPanel(QWidget):
    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.setAccessibleName("Related documents")
        self.heading = QLabel("Open a document to see the documents related to it.", self)
        self.heading.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Related documents list")
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        self.dock = host.add_panel(self, "Related", Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.dock.visibilityChanged.connect(lambda visible: self.refresh() if visible else None)
        self.toggle: QAction = self.dock.toggleViewAction()
        self.toggle.setText("&Related Documents")
        self.toggle.setObjectName("related_documents")
        self._shown_for: int | None = None
        for reader in host.reading.readers:
            reader.document_changed.connect(lambda _id: self.refresh())
        host.reading.active_reader_changed.connect(lambda _reader: self.refresh())

    def refresh(self) -> None:
        document_id = self.host.active_reader().document_id
        if not self.dock.isVisible() or document_id == self._shown_for:
            return
        self._shown_for = document_id
        self.list.clear()
        if document_id is None:
            self.heading.setText("Open a document to see the documents related to it.")
            return
        self.heading.setText("Finding related documents…")
        archive = self.host.archive
        self.host.tasks.read(lambda: archive.related(document_id, LIMIT),
                             lambda hits: self._show(document_id, hits))

    def _show(self, document_id: int, hits: list[RelatedHit]) -> None:
        if document_id != self._shown_for:
            return
        self.list.clear()
        self.heading.setText(f"{len(hits)} related document{'s' if len(hits) != 1 else ''}" if hits
                             else "No related documents in this archive.")
        for hit in hits:
            item = QListWidgetItem(hit.title or "(untitled)", self.list)
            item.setData(ID_ROLE, hit.id)
            item.setToolTip("Shares: " + ", ".join(hit.terms[:8]))

    def forget(self) -> None:
        """Read again next time (documents were added or removed)."""
        self._shown_for = None
        self.refresh()

    def _open(self, item: QListWidgetItem) -> None:
        document_id = int(item.data(ID_ROLE))
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            self.host.reading.show_document(document_id)
        else:
            self.host.reading.compare_with(document_id)
