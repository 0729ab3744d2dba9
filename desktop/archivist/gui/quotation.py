"""Copy a highlight as a quotation with its page ("…" (Author Year, p. 3)): the step a researcher does most.

One window action (Ctrl+Alt+C, in the Edit menu and the highlights list's context menu) copies the highlight
the user is on: the one under the text cursor when a reader has the focus, else the one selected in the
highlights list. The reader's context menu offers the highlight under the mouse. Which highlight is read when
the action is triggered, never kept from an earlier menu (issue 16's wrong-citation defect).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from archivist.core.annotation_records import HighlightRecord
from archivist.core.errors import ArchivistError
from archivist.gui.reader import ReaderView

if TYPE_CHECKING:
    from archivist.gui.highlights import HighlightsController
    from archivist.gui.host import Host

SHORTCUT = "Ctrl+Alt+C"
BIBTEX_SHORTCUT = "Ctrl+Alt+Shift+C"  # the quotation, then the source's BibTeX entry (for LaTeX writers)


class QuotationActions(QObject):
    def __init__(self, host: Host, highlights: HighlightsController) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.highlights = highlights
        self.copy_quotation = QAction("Copy Highlight as &Quotation", host.dialog_parent())
        self.copy_quotation.setObjectName("copy_quotation")
        self.copy_quotation.setShortcut(QKeySequence(SHORTCUT))
        self.copy_quotation.setToolTip(f"Copy the highlight as a quotation with its page ({SHORTCUT})")
        self.copy_quotation.triggered.connect(lambda _checked=False: self.copy_current())
        self.copy_with_bibtex = QAction("Copy Quotation with &BibTeX", host.dialog_parent())
        self.copy_with_bibtex.setObjectName("copy_quotation_with_bibtex")
        self.copy_with_bibtex.setShortcut(QKeySequence(BIBTEX_SHORTCUT))
        self.copy_with_bibtex.triggered.connect(lambda _checked=False: self.copy_current(with_bibtex=True))
        tree = highlights.panel.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        tree.addActions([self.copy_quotation, self.copy_with_bibtex])
        for reader in host.reading.readers:
            reader.context_menu_requested.connect(lambda menu, offset, r=reader: self._offer(r, menu, offset))

    def current(self) -> HighlightRecord | None:
        """The highlight under the focused reader's cursor, else the one selected in the highlights list."""
        focus = QApplication.focusWidget()
        for reader in self.host.reading.readers:
            if focus is not None and reader.isAncestorOf(focus) and reader.document_id is not None:
                found = self.at(reader, reader.text_view.textCursor().position())
                if found is not None:
                    return found
        return self.highlights.panel.current_record()

    def at(self, reader: ReaderView, offset: int) -> HighlightRecord | None:
        if reader.document_id is None:
            return None
        records = self.host.archive.annotations.highlights(reader.document_id, orphans=False)
        return next((r for r in records if r.start <= offset <= r.end), None)

    def copy_current(self, with_bibtex: bool = False) -> None:
        record = self.current()
        if record is None:
            self.host.show_status("Select a highlight (in the text or the highlights list) to copy as a quotation.")
            return
        self.copy(record.id, with_bibtex)

    def copy(self, highlight_id: int, with_bibtex: bool = False) -> None:
        from archivist.gui.citations.clipboard import default_style, put_on_clipboard, quote_mime

        try:
            mime = quote_mime(self.host.archive, highlight_id, default_style(self.host.settings), with_bibtex)
        except ArchivistError as error:
            self.host.show_error(str(error))
            return
        put_on_clipboard(mime)
        self.host.show_status(f"Copied: {mime.text()[:120]}")

    def _offer(self, reader: ReaderView, menu: QMenu, offset: int) -> None:
        record = self.at(reader, offset)
        if record is not None:  # this menu's own action: it dies with the menu, so no id outlives it
            action = menu.addAction("Copy Highlight as Quotation", lambda: self.copy(record.id))
            action.setShortcut(QKeySequence(SHORTCUT))


def install_quotation(host: Host, highlights: HighlightsController) -> QuotationActions:
    return QuotationActions(host, highlights)
