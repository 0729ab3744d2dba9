"""A dialog to choose one document (for "Compare with…"): the list, narrowed by a search as you type."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from archivist.core.archive import Archive
from archivist.gui.models.documents import DocumentTableModel
from archivist.gui.widgets.document_table import DocumentTable

PICKER_LIMIT = 200


class DocumentPicker(QDialog):
    def __init__(self, archive: Archive, title: str, exclude: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.exclude = exclude
        self.setWindowTitle(title)
        self.resize(760, 480)
        self.filter = QLineEdit(placeholderText="Type to search")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._refilter)
        self.model = DocumentTableModel(archive, self)
        self.table = DocumentTable(self.model, self)
        self.table.doubleClicked.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._refilter("")

    def _refilter(self, text: str) -> None:
        if text.strip():
            ids = [hit.id for hit in self.archive.search(text, limit=PICKER_LIMIT, snippets=False).hits]
        else:
            ids = self.archive.document_ids()
        self.model.set_ids([doc_id for doc_id in ids if doc_id != self.exclude])
        self.table.select_row(0)

    def chosen(self) -> int | None:
        ids = self.table.selected_ids()
        return ids[0] if ids else None
