"""The Claims panel: the figures of the document in the active reader; a click scrolls to one and marks it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.core.archive import Archive
from archivist.core.claims import ClaimPair, ClaimRecord
from archivist.core.errors import NotFoundError
from archivist.gui.claims.formatting import CONFLICT_COLOR, REVISION_COLOR, figure, source

COLUMNS = ("Figure", "What", "Source", "Page")


class ClaimsPanel(QWidget):
    """Claims of one document, in text order; conflicts and revisions within it are tinted."""

    claim_chosen = Signal(object)  # the ClaimRecord clicked
    ledger_requested = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.document_id: int | None = None
        self.claims: list[ClaimRecord] = []
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _old: self._clicked(item))
        self.summary = QLabel("Open a document to see its figures.", self)
        self.summary.setWordWrap(True)
        self.copy_button = QPushButton("Copy as citation", self)
        self.copy_button.setToolTip("The claim's sentence in quotes with its citation and page")
        self.copy_button.clicked.connect(self.copy_current)
        ledger = QPushButton("Ledger…", self)
        ledger.setToolTip("Every quantity across the archive, by source, conflicts marked")
        ledger.clicked.connect(self.ledger_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(ledger)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def show_document(self, document_id: int) -> None:
        """List the claims of ``document_id`` (-1 or a deleted document: none)."""
        self.document_id = document_id if document_id >= 0 else None
        try:
            self.claims = self.archive.claims.for_documents([document_id]) if document_id >= 0 else []
        except NotFoundError:  # deleted meanwhile
            self.claims, self.document_id = [], None
        self._fill(self.archive.claims.pairs(self.claims))

    def _fill(self, pairs: list[ClaimPair]) -> None:
        self.tree.clear()
        tints = {claim_id: (CONFLICT_COLOR if pair.kind == "conflict" else REVISION_COLOR, pair)
                 for pair in pairs for claim_id in (pair.first, pair.second)}
        for claim in self.claims:
            item = QTreeWidgetItem([figure(claim), claim.what, source(claim), claim.page or ""])
            item.setData(0, Qt.ItemDataRole.UserRole, claim.id)
            if claim.id in tints:
                color, pair = tints[claim.id]
                other = pair.second if pair.first == claim.id else pair.first
                for column in range(len(COLUMNS)):
                    item.setBackground(column, color)
                item.setToolTip(0, f"{pair.kind} with claim #{other}")
            self.tree.addTopLevelItem(item)
        for column in (0, 2, 3):
            self.tree.resizeColumnToContents(column)
        conflicts = sum(pair.kind == "conflict" for pair in pairs)
        self.summary.setText(f"{len(self.claims)} figure(s)" + (f", {conflicts} conflict(s)" if conflicts else "")
                             if self.document_id is not None else "Open a document to see its figures.")
        self.copy_button.setEnabled(bool(self.claims))

    def current_claim(self) -> ClaimRecord | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        claim_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((claim for claim in self.claims if claim.id == claim_id), None)

    def _clicked(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and (claim := self.current_claim()) is not None:
            self.claim_chosen.emit(claim)

    def copy_current(self) -> None:
        claim = self.current_claim() or (self.claims[0] if self.claims else None)
        if claim is not None:
            QApplication.clipboard().setText(self.archive.claims.citation(claim))
