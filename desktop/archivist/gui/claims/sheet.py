"""The ledger's two lower views: a sheet of quantities by source, and the claims behind it with their quotes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QWidget

from archivist.core.claims import ClaimPair, ClaimRecord, LedgerRow
from archivist.gui.claims.formatting import CONFLICT_COLOR, REVISION_COLOR, figure, source_column

MAX_COLUMNS = 40
LIST_COLUMNS = ("Figure", "What", "Source", "Page", "Quote", "Document")


def _against(pairs: list[ClaimPair]) -> dict[int, list[ClaimPair]]:
    found: dict[int, list[ClaimPair]] = {}
    for pair in pairs:
        found.setdefault(pair.first, []).append(pair)
        found.setdefault(pair.second, []).append(pair)
    return found


class SourceSheet(QTableWidget):
    """Rows by quantity, columns by source; a cell holds that source's figures; conflicting cells are red."""

    claim_chosen = Signal(int)  # the first claim of the clicked cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cellClicked.connect(self._clicked)

    def show_claims(self, rows: list[LedgerRow], claims: list[ClaimRecord], pairs: list[ClaimPair],
                    titles: dict[int, str]) -> None:
        counts = Counter(source_column(claim, titles) for claim in claims)
        columns = [name for name, _n in counts.most_common(MAX_COLUMNS)]  # the sources giving the most figures
        claims = [claim for claim in claims if source_column(claim, titles) in set(columns)]
        against = _against(pairs)
        self.clear()
        self.setRowCount(len(rows))
        self.setColumnCount(len(columns))
        self.setHorizontalHeaderLabels(columns)
        self.setVerticalHeaderLabels([claims_label(row, claims) for row in rows])
        cells: dict[tuple[int, int], list[ClaimRecord]] = {}
        row_of = {(row.key, row.unit): number for number, row in enumerate(rows)}
        for claim in claims:
            cells.setdefault((row_of[(claim.what_key, claim.unit)], columns.index(source_column(claim, titles))),
                             []).append(claim)
        for (row, column), members in cells.items():
            item = QTableWidgetItem("\n".join(figure(claim) for claim in members))
            item.setData(Qt.ItemDataRole.UserRole, members[0].id)
            kinds = {pair.kind for claim in members for pair in against.get(claim.id, [])}
            if kinds:
                item.setBackground(CONFLICT_COLOR if "conflict" in kinds else REVISION_COLOR)
                item.setToolTip("Sources disagree" if "conflict" in kinds else "This source revised its figure")
            self.setItem(row, column, item)

    def conflicted_cells(self) -> list[tuple[int, int]]:
        return [(row, column) for row in range(self.rowCount()) for column in range(self.columnCount())
                if (item := self.item(row, column)) is not None and item.toolTip() == "Sources disagree"]

    def _clicked(self, row: int, column: int) -> None:
        item = self.item(row, column)
        if item is not None:
            self.claim_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def claims_label(row: LedgerRow, claims: list[ClaimRecord]) -> str:
    """A quantity's row label: the phrase most of its claims use."""
    phrases = [claim.what for claim in claims if claim.what_key == row.key and claim.unit == row.unit]
    return max(set(phrases), key=phrases.count) if phrases else row.key


class ClaimsList(QTreeWidget):
    """The claims behind the sheet, each with its document, page and the sentence that states it."""

    claim_opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(list(LIST_COLUMNS))
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.header().setStretchLastSection(True)
        self.claims: dict[int, ClaimRecord] = {}
        self.itemDoubleClicked.connect(lambda item, _column: self._open(item))

    def show_claims(self, claims: list[ClaimRecord], pairs: list[ClaimPair], titles: dict[int, str],
                    quote: Callable[[ClaimRecord], str]) -> None:
        self.clear()
        self.claims = {claim.id: claim for claim in claims}
        against = _against(pairs)
        for claim in claims:
            item = QTreeWidgetItem([figure(claim), claim.what, claim.source or "the author", claim.page or "",
                                    quote(claim), titles.get(claim.document_id, str(claim.document_id))])
            item.setData(0, Qt.ItemDataRole.UserRole, claim.id)
            for pair in against.get(claim.id, []):
                other = pair.second if pair.first == claim.id else pair.first
                item.setToolTip(0, f"{pair.kind} with {figure(self.claims[other])} ({self.claims[other].source})")
                for column in range(len(LIST_COLUMNS)):
                    item.setBackground(column, CONFLICT_COLOR if pair.kind == "conflict" else REVISION_COLOR)
            self.addTopLevelItem(item)
        for column in range(4):
            self.resizeColumnToContents(column)
        self.setColumnWidth(4, 620)  # the quote: long sentences scroll; the tooltip-free width keeps rows one line

    def current_claim(self) -> ClaimRecord | None:
        item = self.currentItem() or self.topLevelItem(0)
        return None if item is None else self.claims.get(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def select_claim(self, claim_id: int) -> None:
        for index in range(self.topLevelItemCount()):
            item = self.topLevelItem(index)
            if item.data(0, Qt.ItemDataRole.UserRole) == claim_id:
                self.setCurrentItem(item)
                self.scrollToItem(item)
                return

    def _open(self, item: QTreeWidgetItem) -> None:
        claim = self.claims.get(int(item.data(0, Qt.ItemDataRole.UserRole)))
        if claim is not None:
            self.claim_opened.emit(claim)
