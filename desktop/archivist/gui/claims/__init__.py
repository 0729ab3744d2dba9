"""Claims in the window (issue 18): the Claims panel for the open document, the Ledger window across the
archive or a collection, and the two open documents' claims aligned under the side-by-side readers.

``install_claims(host)`` plugs all three in through the narrow ``Host`` interface (gui/host.py): the archive,
a dock, the readers. The window's View menu gets "Claims Ledger…" when the host has a menu bar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from archivist.core.claims import ClaimRecord
from archivist.gui.claims.aligned import AlignedClaimsPanel
from archivist.gui.claims.formatting import CLAIM_COLOR, CLAIM_LAYER
from archivist.gui.claims.ledger_view import LedgerWindow
from archivist.gui.claims.panel import ClaimsPanel

if TYPE_CHECKING:
    from archivist.gui.host import Host
    from archivist.gui.reader import ReaderView


@dataclass
class ClaimsUi:
    """What ``install_claims`` added, for tests and other features (no slots: Qt connects to its methods by
    weak reference)."""

    host: Host
    panel: ClaimsPanel
    dock: QDockWidget
    aligned: AlignedClaimsPanel
    ledger_action: QAction
    ledger: LedgerWindow | None = field(default=None)

    def open_ledger(self) -> LedgerWindow:
        """Show the Ledger window (read afresh each time it opens)."""
        if self.ledger is None:
            self.ledger = LedgerWindow(self.host.archive, self.host.dialog_parent())
            self.ledger.claim_opened.connect(self.show_claim)
            self.ledger.resize(1400, 860)
        else:
            self.ledger.reload()
        self.ledger.show()
        return self.ledger

    def show_claim(self, claim: ClaimRecord) -> None:
        """Scroll a reader to the claim and mark it (opening its document in the active reader if needed)."""
        reader = self._reader_for(claim.document_id)
        mark(reader, claim)

    def _reader_for(self, document_id: int) -> ReaderView:
        for reader in self.host.reading.readers:
            if reader.document_id == document_id and reader.isVisible():
                return reader
        reader = self.host.active_reader()
        reader.show_document(document_id)
        return reader


def mark(reader: ReaderView, claim: ClaimRecord) -> None:
    reader.select_range(claim.start, claim.end)
    reader.set_overlay(CLAIM_LAYER, [(claim.sentence_start, claim.sentence_end, CLAIM_COLOR)])


def install_claims(host: Host) -> ClaimsUi:
    """Add the Claims dock, the aligned-claims tab under the readers and the ledger action."""
    panel = ClaimsPanel(host.archive)
    dock = host.add_panel(panel, "Claims")
    aligned = AlignedClaimsPanel(host.archive)
    host.reading.add_panel(aligned, "Claims side by side")
    action = QAction("Claims &Ledger…", dock)
    action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    action.setToolTip("Every quantity the archive's documents state, by source, conflicts marked")
    ui = ClaimsUi(host, panel, dock, aligned, action)
    action.triggered.connect(ui.open_ledger)
    panel.ledger_requested.connect(ui.open_ledger)
    panel.claim_chosen.connect(ui.show_claim)
    aligned.pair_chosen.connect(lambda left, right: (mark(host.reading.left, left), mark(host.reading.right, right)))
    host.reading.active_reader_changed.connect(lambda reader: panel.show_document(reader.document_id or -1))
    host.reading.left.document_changed.connect(panel.show_document)
    host.reading.right.document_changed.connect(panel.show_document)
    host.reading.pair_changed.connect(aligned.show_pair)
    dock.hide()  # shown from View ▸ Claims (the window restores it when it was open last time)
    _add_to_view_menu(host, [dock.toggleViewAction(), action])
    return ui


def _add_to_view_menu(host: Host, actions: list[QAction]) -> None:
    menu_bar = getattr(host, "menuBar", None)  # a host without menus still has the panel's Ledger button
    view = next((item.menu() for item in menu_bar().actions() if item.text() == "&View"), None) \
        if menu_bar is not None else None
    if view is not None:
        view.addSeparator()
        view.addActions(actions)
    else:
        host.dialog_parent().addActions(actions)  # the shortcut still works


__all__ = ["AlignedClaimsPanel", "ClaimsPanel", "ClaimsUi", "LedgerWindow", "install_claims"]
