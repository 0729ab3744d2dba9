"""The document list: a table model that holds only ids and fetches rows a screenful at a time.

Like Anki's browser table, rows are loaded into a cache in batches through ``Archive.summaries`` when the
view first asks for them, so an archive of 100,000 documents opens without reading 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from archivist.core.archive import Archive
from archivist.core.records import DocumentSummary

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENT_IDS_MIME = "application/x-archivist-document-ids"
COLUMNS = ("Title", "Authors", "Date", "Site", "Format")
FORMAT_NAMES = {"pdf": "PDF", "html": "Web page", "docx": "Word", "epub": "EPUB", "text": "Text",
                "markdown": "Markdown"}
AnyIndex = QModelIndex | QPersistentModelIndex


def encode_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(DOCUMENT_IDS_MIME, ",".join(str(i) for i in ids).encode("ascii"))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(DOCUMENT_IDS_MIME):
        return []
    raw = bytes(mime.data(DOCUMENT_IDS_MIME).data()).decode("ascii")
    return [int(part) for part in raw.split(",") if part.isdigit()]


def authors_text(authors: list[str]) -> str:
    if len(authors) > 2:
        return f"{authors[0]} et al."
    return "; ".join(authors)


class DocumentTableModel(QAbstractTableModel):
    """Rows are documents in a given order; only ids are held, summaries are cached on demand."""

    BATCH = 200
    MAX_CACHE = 20_000

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self._ids: list[int] = []
        self._rows: dict[int, int] | None = None  # id → row, made when first asked for
        self._cache: dict[int, DocumentSummary | None] = {}

    # -- what the model holds ------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], known: Mapping[int, DocumentSummary] | None = None) -> None:
        """Show these documents; ``known`` summaries (read off the GUI thread) need not be read again."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = None  # 100,000 ids take ~15 ms to map: only done when a row is looked up
        self._cache.clear()
        if known:
            self._cache.update(known)
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def document_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, document_id: int) -> int | None:
        if self._rows is None:
            self._rows = {doc_id: row for row, doc_id in enumerate(self._ids)}
        return self._rows.get(document_id)

    def forget(self, document_ids: Sequence[int] | None) -> None:
        """Drop cached rows (their metadata changed; None: any row may have) and tell the views to ask again."""
        if document_ids is None:
            self._cache.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))
            return
        for document_id in document_ids:
            self._cache.pop(document_id, None)
            row = self.row_of(document_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def summary(self, row: int) -> DocumentSummary | None:
        document_id = self._ids[row]
        if document_id not in self._cache:
            self._load_batch(row)
        return self._cache.get(document_id)

    def _load_batch(self, row: int) -> None:
        if len(self._cache) > self.MAX_CACHE:
            self._cache.clear()
        start = row - row % self.BATCH
        batch = self._ids[start : start + self.BATCH]
        found = self.archive.summaries(batch)
        # a deleted document stays None so the row shows a placeholder instead of asking again and again
        self._cache.update({doc_id: found.get(doc_id) for doc_id in batch})

    # -- Qt's model interface ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.checkIndex(index):
            return None
        if role == DOCUMENT_ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return "(deleted)" if index.column() == 0 else ""
        text = self.cell_text(summary, index.column())
        return text if role == Qt.ItemDataRole.DisplayRole or index.column() in (0, 1, 3) else None

    def cell_text(self, summary: DocumentSummary, column: int) -> str:
        return (
            summary.title,
            authors_text(summary.authors),
            summary.date or "",
            summary.site or "",
            FORMAT_NAMES.get(summary.format, summary.format),
        )[column]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        return encode_ids([self._ids[row] for row in rows])
