"""Search results: the document table with a ranked hit (score and snippets) behind each row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from archivist.core.archive import Archive
from archivist.core.index import Hit, SearchResults, Snippet
from archivist.core.records import DocumentSummary
from archivist.gui.models.documents import COLUMNS, AnyIndex, DocumentTableModel

SNIPPETS_ROLE = Qt.ItemDataRole.UserRole + 2
# every row shows its best passage (issue 16: snippets were shown for the selected row only)
RESULT_COLUMNS = (*COLUMNS, "Found on", "Passage")
FOUND_ON, PASSAGE = len(COLUMNS), len(COLUMNS) + 1


class ResultsModel(DocumentTableModel):
    """Rows are the hits of the last search, best first; metadata columns load lazily like the list's."""

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(archive, parent)
        self._hits: dict[int, Hit] = {}
        self.results: SearchResults | None = None

    def set_results(self, results: SearchResults | None) -> None:
        self.results = results
        hits = results.hits if results is not None else []
        self._hits = {hit.id: hit for hit in hits}
        self.set_ids([hit.id for hit in hits])

    def reorder(self, ids: list[int]) -> None:
        """The same hits in another order (a column was clicked); hits missing from ``ids`` go last."""
        known = [doc_id for doc_id in ids if doc_id in self._hits]
        placed = set(known)
        rest = [doc_id for doc_id in self.ids() if doc_id not in placed]
        self.set_ids(known + rest)

    def hit(self, row: int) -> Hit:
        return self._hits[self.document_id(row)]

    def snippets(self, row: int) -> list[Snippet]:
        return self.hit(row).snippets

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(RESULT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return RESULT_COLUMNS[section] if 0 <= section < len(RESULT_COLUMNS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.checkIndex(index) and role == SNIPPETS_ROLE:
            return self.snippets(index.row())
        if index.isValid() and self.checkIndex(index) and index.column() == PASSAGE:
            snippets = self.snippets(index.row())
            if role == Qt.ItemDataRole.DisplayRole:
                return _plain(snippets[0].text) if snippets else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n\n".join(f"p. {s.page}: {_plain(s.text)}" for s in snippets) or None
        return super().data(index, role)

    def cell_text(self, summary: DocumentSummary, column: int) -> str:
        if column < len(COLUMNS):
            return super().cell_text(summary, column)
        if column == PASSAGE:
            snippets = self._hits[summary.id].snippets
            return _plain(snippets[0].text) if snippets else ""
        pages = dict.fromkeys(snippet.page for snippet in self._hits[summary.id].snippets)
        return ", ".join(f"p. {page}" for page in pages)


def _plain(text: str) -> str:
    return " ".join(text.split())
