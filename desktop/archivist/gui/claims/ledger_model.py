"""The ledger's quantities as a Qt table model: one row per quantity, read by one SQL query."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from archivist.core.claims import LedgerRow

HEADERS = ("What", "Unit", "Sources", "Claims", "Documents", "Values")
Index = QModelIndex | QPersistentModelIndex


def spread(row: LedgerRow) -> str:
    return f"{row.low:,.10g}" if not row.values_differ else f"{row.low:,.10g} – {row.high:,.10g}  ≠"


class LedgerModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[LedgerRow] = []

    def set_rows(self, rows: list[LedgerRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.key, row.unit, row.sources, row.claims, row.documents, spread(row))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5 and row.values_differ:
            return "Sources give different values: select the row to see which disagree"
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= index.column() <= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, row: int) -> LedgerRow:
        return self.rows[row]
