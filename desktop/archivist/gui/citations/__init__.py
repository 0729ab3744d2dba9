"""Citation actions for the main window: Copy Citation (Ctrl+Shift+C), Copy as BibTeX, Cite…, Export Bibliography….

``install_citations(window)`` adds them to the Edit menu and to the document list's context menu. Each action
reads the host's selection when it is triggered (issue 16: ids left in the actions' data() by a dismissed
context menu made Copy Citation cite the wrong row); everything else works on an Archive and a list of ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from archivist.core.errors import ArchivistError

# clipboard.py and dialogs.py are imported when an action is used: they bring in archivist.core.citations
# (bibtexparser, lxml, CSL styles), which the window does not need to appear.
if TYPE_CHECKING:
    from archivist.gui.host import Host
    from archivist.gui.main_window import MainWindow

__all__ = ["CitationActions", "install_citations"]


class CitationActions:
    """The window's citation actions; each acts on the ids it is given or on the current selection."""

    def __init__(self, window: Host) -> None:
        self.window = window
        self.copy_citation = self._action("Copy Citation", self.copy_selected, QKeySequence("Ctrl+Shift+C"))
        self.copy_bibtex = self._action("Copy as BibTeX", self.copy_selected_bibtex)
        self.cite = self._action("Cite…", self.open_dialog)
        self.export = self._action("Export Bibliography…", self.export_selected)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window.dialog_parent())
        action.setObjectName(text.rstrip("…").lower().replace(" ", "_"))
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: self._run(slot))  # type: ignore[arg-type]
        return action

    def _run(self, slot: object) -> None:
        try:
            slot(self.window.selected_ids())  # type: ignore[operator]
        except ArchivistError as error:
            self.window.show_error(str(error))

    def copy_selected(self, ids: list[int]) -> None:
        from archivist.gui.citations.clipboard import citation_mime, default_style, put_on_clipboard

        if ids:
            put_on_clipboard(citation_mime(self.window.archive, ids, default_style(self.window.settings)))
            self.window.show_status(f"Copied the citation of {len(ids)} document(s)")

    def copy_selected_bibtex(self, ids: list[int]) -> None:
        from archivist.gui.citations.clipboard import bibtex_mime, put_on_clipboard

        if ids:
            put_on_clipboard(bibtex_mime(self.window.archive, ids))
            self.window.show_status(f"Copied {len(ids)} BibTeX entr(ies)")

    def copy_highlight(self, highlight_id: int, with_bibtex: bool = False) -> None:
        """For the highlights panel: a quotation with its page in the default style."""
        from archivist.gui.citations.clipboard import default_style, put_on_clipboard, quote_mime

        style = default_style(self.window.settings)
        put_on_clipboard(quote_mime(self.window.archive, highlight_id, style, with_bibtex))

    def open_dialog(self, ids: list[int]) -> None:
        from archivist.gui.citations.dialogs import CitationDialog

        if ids:
            CitationDialog(self.window.archive, ids, self.window.settings, self.window.dialog_parent()).exec()

    def export_selected(self, ids: list[int]) -> None:
        """The selection, or every document when nothing is selected."""
        from archivist.gui.citations.dialogs import export_bibliography

        path = export_bibliography(self.window.archive.citations, ids, self.window.dialog_parent(),
                                   self.window.settings)
        if path is not None:
            self.window.show_status(f"Exported to {path}", 6000)

    def export_collection(self, collection_id: int) -> None:
        self.export_selected(self.window.archive.collection_document_ids(collection_id))

    @property
    def actions(self) -> list[QAction]:
        return [self.copy_citation, self.copy_bibtex, self.cite, self.export]


def install_citations(window: MainWindow) -> CitationActions:
    """Add the citation actions to the Edit menu and the document context menu; call after the menus exist."""
    citations = CitationActions(window)
    window.document_context_actions.extend(citations.actions)
    edit_menu = next((action.menu() for action in window.menuBar().actions() if action.text() == "&Edit"), None)
    if edit_menu is not None:
        edit_menu.addSeparator()
        edit_menu.addActions(citations.actions)
    else:
        window.addActions(citations.actions)  # shortcuts still work without the menu
    return citations
