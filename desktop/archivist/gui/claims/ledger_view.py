"""The Ledger window: quantities across the archive or a collection, the chosen ones as a sheet with a column
per source (conflicts marked), their claims with quotes; copy one as a citation, export CSV or Markdown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archivist.core.archive import Archive
from archivist.core.claims import ClaimPair, ClaimRecord
from archivist.core.errors import ArchivistError
from archivist.gui.claims.ledger_model import LedgerModel
from archivist.gui.claims.sheet import ClaimsList, SourceSheet

SHEET_ROWS = 12  # quantities shown side by side at most
FIRST_ROWS = 4  # quantities selected when the ledger opens
PER_QUANTITY = 100  # claims read for each quantity shown (a news archive's "shares" has tens of thousands)


class LedgerWindow(QWidget):
    """Rows by quantity; a sheet of the selected quantities by source; their claims; export."""

    claim_opened = Signal(object)  # a ClaimRecord double-clicked: open its document there

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.archive = archive
        self.setWindowTitle("Claims ledger")
        self.claims: list[ClaimRecord] = []
        self.pairs: list[ClaimPair] = []
        self.model = LedgerModel(self)
        self._build()
        self.reload()

    def _build(self) -> None:
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter quantities (e.g. killed)")
        self.filter.textChanged.connect(lambda _text: self.reload())
        self.scope = QComboBox(self)
        self.scope.addItem("Whole archive", None)
        for collection_id, name, _count in self.archive.collections():
            self.scope.addItem(f"Collection: {name}", collection_id)
        self.scope.currentIndexChanged.connect(lambda _index: self.reload())
        self.several = QCheckBox("Only quantities two or more sources give", self)
        self.several.setChecked(True)
        self.several.toggled.connect(lambda _on: self.reload())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(200)  # widths from 200 rows, not all 8,000
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        self.sheet = SourceSheet(self)
        self.list = ClaimsList(self)
        self.list.claim_opened.connect(self.claim_opened)
        self.sheet.claim_chosen.connect(self.list.select_claim)
        self.status = QLabel(self)
        self._layout()

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.scope)
        top.addWidget(self.several)
        buttons = QHBoxLayout()
        for text, slot in (("Copy as citation", self.copy_citation), ("Export CSV…", lambda: self.export_dialog("csv")),
                           ("Export Markdown…", lambda: self.export_dialog("md"))):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.sheet)
        right.addWidget(self.list)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([470, 1090])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # -- reading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the quantities again (one SQL query) and show the first few side by side."""
        rows = self.archive.claims.ledger(self.scope.currentData(), 2 if self.several.isChecked() else 1,
                                          self.filter.text().strip() or None)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.status.setText(f"{len(rows):,} quantit{'y' if len(rows) == 1 else 'ies'}")
        if rows:  # the first quantities side by side at once: what a researcher opens the ledger for
            first = self.model.index(0, 0)
            last = self.model.index(min(len(rows), FIRST_ROWS) - 1, self.model.columnCount() - 1)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().select(QItemSelection(first, last), flags)
        else:
            self.show_selected()

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())[:SHEET_ROWS]

    def show_selected(self) -> None:
        """The sheet and the claims of the selected quantities, with their conflicts."""
        collection = self.scope.currentData()
        rows = [self.model.row_at(row) for row in self.selected_rows()]
        self.claims = [claim for row in rows
                       for claim in self.archive.claims.quantity(row.key, row.unit, collection, PER_QUANTITY)]
        self.pairs = self.archive.claims.pairs(self.claims)
        titles = {summary.id: summary.title
                  for summary in self.archive.summaries({claim.document_id for claim in self.claims}).values()}
        self.sheet.show_claims(rows, self.claims, self.pairs, titles)
        quotes = self.archive.claims.quotes(self.claims)
        self.list.show_claims(self.claims, self.pairs, titles, lambda claim: quotes[claim.id])
        shown = sum(min(row.claims, PER_QUANTITY) for row in rows)
        if shown < sum(row.claims for row in rows):
            self.status.setText(f"Showing the first {PER_QUANTITY} claims of each quantity")

    # -- copying and exporting -----------------------------------------------------------------------------
    def copy_citation(self) -> None:
        claim = self.list.current_claim()
        if claim is not None:
            QApplication.clipboard().setText(self.archive.claims.citation(claim))
            self.status.setText("Copied the claim as a citation")

    def export_dialog(self, kind: str) -> None:
        name = "CSV (*.csv)" if kind == "csv" else "Markdown (*.md)"
        path, _filter = QFileDialog.getSaveFileName(self, "Export the ledger", f"ledger.{kind}", name)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> int:
        """Write the selected quantities' claims (with quotes and citations) to ``path``; how many."""
        try:
            written = self.archive.claims.export(path, self.claims)
        except ArchivistError as error:
            self.status.setText(str(error))
            return 0
        self.status.setText(f"Exported {written} claim(s) to {path.name}")
        return written
