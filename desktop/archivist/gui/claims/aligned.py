"""Side by side: the two open documents' claims about the same quantities, on one row each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from archivist.core.archive import Archive
from archivist.core.claims import ClaimRecord
from archivist.core.errors import NotFoundError
from archivist.gui.claims.formatting import CONFLICT_COLOR, figure, source

COLUMNS = ("What", "Left", "Right")


def _cell(claims: list[ClaimRecord]) -> str:
    return "; ".join(f"{figure(claim)} ({source(claim)})" for claim in claims)


class AlignedClaimsPanel(QTreeWidget):
    """One row per quantity both documents state; rows whose figures conflict are tinted."""

    pair_chosen = Signal(object, object)  # the first left and first right ClaimRecord of the clicked row

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setHeaderLabels(list(COLUMNS))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.rows: list[tuple[str, list[ClaimRecord], list[ClaimRecord]]] = []
        self.currentItemChanged.connect(lambda item, _old: self._chosen(item))

    def show_pair(self, left: int, right: int) -> None:
        """Align the claims of two documents (-1 for an empty pane: nothing to align)."""
        self.clear()
        try:
            self.rows = self.archive.claims.aligned(left, right) if left >= 0 and right >= 0 else []
        except NotFoundError:
            self.rows = []
        for number, (what, first, second) in enumerate(self.rows):
            item = QTreeWidgetItem([what, _cell(first), _cell(second)])
            item.setData(0, Qt.ItemDataRole.UserRole, number)
            if any(pair.kind == "conflict" for pair in self.archive.claims.pairs(first + second)):
                for column in range(len(COLUMNS)):
                    item.setBackground(column, CONFLICT_COLOR)
                item.setToolTip(0, "The two documents' figures disagree")
            self.addTopLevelItem(item)
        for column in range(len(COLUMNS)):
            self.resizeColumnToContents(column)

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            _what, first, second = self.rows[int(item.data(0, Qt.ItemDataRole.UserRole))]
            self.pair_chosen.emit(first[0], second[0])
