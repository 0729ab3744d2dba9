"""The window's issue-16 features, installed in one place through the Host interface: quotations, collections
and saved searches, related documents, the document tools, reading options (OCR, passwords) and the File menu's
archive actions. Each lives in its own module; this only builds them and puts their actions in the menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from archivist.gui.archive_menu import ArchiveMenu
from archivist.gui.collecting import CollectionsUi, install_collections
from archivist.gui.document_tools import DocumentTools
from archivist.gui.quotation import QuotationActions, install_quotation
from archivist.gui.reading_options import ReadingOptions
from archivist.gui.related import RelatedPanel

if TYPE_CHECKING:
    from archivist.gui.main_window import MainWindow


class WindowFeatures(NamedTuple):
    quotation: QuotationActions
    collections: CollectionsUi
    related: RelatedPanel
    document_tools: DocumentTools
    reading_options: ReadingOptions
    archive_menu: ArchiveMenu


def install_features(window: MainWindow) -> WindowFeatures:
    menus, actions = window.menus, window.window_actions
    edit_first = menus["edit"].actions()[0]
    menus["edit"].insertActions(edit_first, [window.undo.undo_action, window.undo.redo_action])
    menus["edit"].insertSeparator(edit_first)
    quotation = install_quotation(window, window.highlights)
    menus["edit"].addActions([quotation.copy_quotation, quotation.copy_with_bibtex])
    collections = install_collections(window, window.sidebar, window.shown_collection, lambda: window.query,
                                      window.citations_ui)
    window.menuBar().insertMenu(menus["help"].menuAction(), collections.menu())
    window.document_context_actions.extend(collections.context_actions())
    related = RelatedPanel(window)
    tools = DocumentTools(window)
    window.statusBar().addPermanentWidget(tools.page_label)
    window.changes_applied.connect(tools.note.refresh)
    reading = ReadingOptions(window, window.import_paths)
    menus["document"].insertActions(actions.compare_with, [related.toggle, *tools.actions(), reading.ocr_again])
    archive_menu = ArchiveMenu(window)
    menus["file"].insertActions(actions.quit, [*archive_menu.actions(), reading.ocr_languages_action])
    menus["file"].insertSeparator(actions.quit)
    return WindowFeatures(quotation, collections, related, tools, reading, archive_menu)
