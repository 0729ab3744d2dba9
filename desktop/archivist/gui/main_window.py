"""The main window: search at the top, sidebar, document list or results, and the reader.

It only assembles widgets and routes between them; each part lives in its own module (models/, widgets/,
reader/, tasks.py, searching.py, importing.py, actions.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from archivist import APP_NAME, __version__
from archivist.core.archive import Archive
from archivist.core.changes import Changes, of_documents
from archivist.core.errors import ArchivistError
from archivist.core.extract.base import ReadOptions
from archivist.core.index import SearchResults
from archivist.core.records import ImportResult
from archivist.gui.accessibility import make_accessible
from archivist.gui.actions import build_actions, build_menus
from archivist.gui.after_paint import after_next_paint
from archivist.gui.citations import install_citations
from archivist.gui.claims import install_claims
from archivist.gui.compare import install_shared_passages
from archivist.gui.compare_layout import CompareLayout
from archivist.gui.features import install_features
from archivist.gui.folders import last_folder, remember_folder
from archivist.gui.highlights import install_highlights
from archivist.gui.importing import ImportController
from archivist.gui.index_check import IndexCheck
from archivist.gui.library import FacetCounts, Library, LibraryCounts, archive_facets, read_counts, read_library
from archivist.gui.models.documents import DocumentTableModel
from archivist.gui.models.results import ResultsModel
from archivist.gui.reader import ReaderView, SideBySideView
from archivist.gui.reading_options import ReadingOptions
from archivist.gui.searching import SearchController
from archivist.gui.settings import open_settings, restore_window, save_window
from archivist.gui.tasks import TaskManager
from archivist.gui.theme import app_icon
from archivist.gui.undo import UndoHistory
from archivist.gui.watching import ChangeWatcher
from archivist.gui.widgets.document_picker import DocumentPicker
from archivist.gui.widgets.document_table import DocumentTable, empty_archive_hint
from archivist.gui.widgets.import_progress import ImportProgress
from archivist.gui.widgets.metadata_panel import MetadataPanel
from archivist.gui.widgets.search_field import SearchField
from archivist.gui.widgets.sidebar import Sidebar, SidebarFilter
from archivist.gui.widgets.snippet_pane import SnippetPane

log = logging.getLogger("archivist.gui")

DEFAULT_SIZE = (1280, 800)
LIST_PAGE, RESULTS_PAGE = 0, 1


class MainWindow(QMainWindow):
    """Archivist's window over one open archive.

    Features plug in through the narrow ``Host`` interface it implements (gui/host.py: the archive, tasks,
    ``selected_ids()``, ``add_panel``, ``show_status``, ``apply_changes``…), and ``document_context_actions``
    (QActions added to the list's context menu; they read ``selected_ids()`` when triggered).

    The list and the sidebar are read on the reader thread once the window has painted (``library_loaded``
    tells when they are shown), so the window appears at once however large the archive.
    """

    library_loaded = Signal()  # the list, the counts and the sidebar show the archive as last read
    changes_applied = Signal(object)  # a Changes report every view has been told of (features refresh from it)

    def __init__(self, archive: Archive, settings: QSettings | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.settings = settings if settings is not None else open_settings()
        self.tasks = TaskManager(self)
        self.tasks.error_reported.connect(self.show_error)
        self.document_context_actions: list = []
        self.query = ""
        self.collection_filter: str | None = None
        self._library_reads = 0  # only the newest read of the library is shown
        self._saved_searches_read = False
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build()
        self.undo = UndoHistory(self)
        self.shared_passages = install_shared_passages(self)  # issue 10: shared passages
        self.highlights = install_highlights(self)  # issue 5: highlights and notes
        self.window_actions = build_actions(self)
        self.menus = build_menus(self.menuBar(), self.window_actions)
        self.citations_ui = install_citations(self)  # issue 6: copy citation, BibTeX, export bibliography
        (self.quotation, self.collections_ui, self.related, self.document_tools, self.reading_options,
         self.archive_menu) = install_features(self)  # issue 16
        self.claims_ui = install_claims(self)  # issue 18: claims panel, ledger, claims side by side
        make_accessible(self)  # after every feature has added its actions
        self.resize(*DEFAULT_SIZE)
        restore_window(self.settings, self, self._splitters())
        self.status_label.setText(f"Opening {self.archive.root}…")
        after_next_paint(self.documents_table.viewport(), self.reload_library)

    # -- building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.documents_model = DocumentTableModel(self.archive, self)
        self.results_model = ResultsModel(self.archive, self)
        self.search_field = SearchField(self)
        self.search_field.search_requested.connect(self.search)
        self.searcher = SearchController(self.archive, self.tasks, self)
        self.searcher.results_ready.connect(self._show_results)
        self.searcher.failed.connect(self.show_error)
        self.sidebar = Sidebar(self)
        self.sidebar.filter_requested.connect(self._apply_filter)
        self.reading = SideBySideView(self.archive, self, self.tasks)
        self.reading.active_reader_changed.connect(self._reader_focused)
        for reader in self.reading.readers:
            reader.document_changed.connect(lambda _id, r=reader: self._reader_changed(r))
        self._build_toolbar()
        self._build_centre()
        self._build_details()
        self._build_status()

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Search", self)
        toolbar.setObjectName("searchToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.addWidget(self.search_field)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")
        self.result_label.setMinimumWidth(220)
        toolbar.addWidget(self.result_label)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # the search field keeps a row of its own

    def _build_centre(self) -> None:
        self.documents_table = DocumentTable(self.documents_model, self)
        self.results_table = DocumentTable(self.results_model, self)
        self.snippets = SnippetPane(self)
        self.snippets.passage_requested.connect(lambda s, e: self.active_reader().select_range(s, e))
        self.results_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.results_splitter.addWidget(self.results_table)
        self.results_splitter.addWidget(self.snippets)
        self.results_splitter.setSizes([460, 200])
        for table in (self.documents_table, self.results_table):
            table.document_activated.connect(self.open_document)
            table.context_menu_requested.connect(self._fill_document_menu)
        self.documents_table.sort_requested.connect(lambda _key, _descending: self.reload_library())
        self.results_table.sort_requested.connect(self._sort_results)
        self.results_table.document_activated.connect(self._show_snippets)
        self.empty_hint = empty_archive_hint(self.documents_table)
        self.middle = QStackedWidget(self)
        self.middle.addWidget(self.documents_table)
        self.middle.addWidget(self.results_splitter)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.middle)
        self.main_splitter.addWidget(self.reading)
        self.main_splitter.setStretchFactor(2, 1)
        self.main_splitter.setSizes([190, 440, 650])
        self.setCentralWidget(self.main_splitter)
        self.compare_layout = CompareLayout(self.main_splitter, [self.documents_table, self.results_table])
        self.reading.comparing_changed.connect(self.compare_layout.comparing_changed)

    def _build_details(self) -> None:
        self.metadata_panel = MetadataPanel(self)
        self.metadata_panel.save_requested.connect(self.save_metadata)
        self.details_dock = self.add_panel(self.metadata_panel, "Details", Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock.hide()

    def _build_status(self) -> None:
        self.status_label = QLabel(self)
        self.statusBar().addWidget(self.status_label, 1)
        self.import_progress = ImportProgress(self)
        self.statusBar().addPermanentWidget(self.import_progress)
        self.importer = ImportController(self.archive, self.tasks, self.import_progress, self)
        self.importer.finished.connect(self._import_finished)
        self.importer.refused.connect(self.show_error)
        self.index_check = IndexCheck(self.archive, self.tasks, self.statusBar(), self._search_again, self)
        self.watcher = ChangeWatcher(self.archive, self, self.tasks)
        self.watcher.changed_elsewhere.connect(lambda: self.apply_changes(Changes.everything()))

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_splitter, "results": self.results_splitter, "reading": self.reading.splitter,
                "pair": self.reading.pair_splitter}

    # -- public API for other features ---------------------------------------------------------------
    def add_panel(self, widget: QWidget, title: str,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> QDockWidget:
        """Add a dock panel (its visibility is remembered across runs); returns the dock."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower().replace(' ', '-')}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def active_reader(self) -> ReaderView:
        return self.reading.active_reader()

    def shown_collection(self) -> int | None:
        """The collection the list shows, if it shows one."""
        return int(self.collection_filter) if self.collection_filter is not None else None

    def selected_ids(self) -> list[int]:
        """The documents an action applies to now: the open one when a reader has the focus, else the
        selected rows of the list or results shown (read at the moment of the action, never remembered)."""
        focus = QApplication.focusWidget()
        for reader in self.reading.readers:
            if focus is not None and reader.isVisible() and reader.isAncestorOf(focus):
                return [reader.document_id] if reader.document_id is not None else []
        return self.visible_table().selected_ids()

    def visible_table(self) -> DocumentTable:
        return self.results_table if self.middle.currentIndex() == RESULTS_PAGE else self.documents_table

    def add_toolbar(self, toolbar: QToolBar) -> None:
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def show_status(self, message: str, milliseconds: int = 4000) -> None:
        self.statusBar().showMessage(message, milliseconds)

    def dialog_parent(self) -> QWidget:
        return self

    # -- the list and the search ---------------------------------------------------------------------
    def reload_library(self) -> None:
        """Re-read ids, sidebar and counts on the reader thread (at start, after an import, a delete)."""
        self._library_reads += 1
        read, archive = self._library_reads, self.archive
        collection = int(self.collection_filter) if self.collection_filter is not None else None
        table = self.documents_table
        sort = (table.sort_key, table.sort_descending) if table.sort_key is not None else None
        self.tasks.read(lambda: read_library(archive, collection, DocumentTableModel.BATCH, sort),
                        lambda library: self._show_library(read, library))

    def _show_library(self, read: int, library: Library) -> None:
        if read != self._library_reads:
            return  # a newer read is on its way
        self.documents_model.set_ids(library.ids, library.first_rows)
        self.empty_hint.setVisible(not library.ids and self.collection_filter is None)
        self._show_counts(library.counts)
        if not self.query:
            self._show_list_count()
        # facets, searches and the index wait for the rows' paint: started now, they would slow it (after_paint.py)
        after_next_paint(self.documents_table.viewport(), lambda: self._library_shown(library))
        self.library_loaded.emit()

    def _library_shown(self, library: Library) -> None:
        if not self._saved_searches_read:
            self._saved_searches_read = True
            self.load_saved_searches()
        if self.query:
            self.searcher.search(self.query)
        else:
            self._update_list_facets()
        if not library.index_ready:
            self.index_check.rebuild()

    def _show_counts(self, counts: LibraryCounts) -> None:
        self.sidebar.set_library(counts.total, counts.collections, counts.tags)
        self.status_label.setText(f"{counts.total:,} documents  ·  {self.archive.root}")

    def load_saved_searches(self) -> None:
        from archivist.core.saved_searches import saved_searches

        archive = self.archive
        self.tasks.read(lambda: saved_searches(archive), self.sidebar.set_saved_searches)

    def refresh_sidebar(self) -> None:
        """Re-read the counts of the library, collections and tags (on the reader thread)."""
        archive = self.archive
        self.tasks.read(lambda: read_counts(archive), self._show_counts)

    def _search_again(self) -> None:
        if self.query:
            self.searcher.search(self.query)

    def search(self, query: str) -> None:
        self.query = query
        self.reading.set_search_query(query)
        if not query:
            self.searcher.cancel_pending()
            self.middle.setCurrentIndex(LIST_PAGE)
            self._show_list_counts()
            return
        self.collection_filter = None
        self.searcher.search(query)

    def _sort_results(self, key: str, descending: bool) -> None:
        """Hits in a column's order (in SQL, among the hits), the ranking kept for when the query changes."""
        from archivist.core.sorting import sorted_ids

        archive, hits = self.archive, self.results_model.ids()
        self.tasks.read(lambda: sorted_ids(archive, key, descending, among=hits), self.results_model.reorder)

    def _show_results(self, results: SearchResults) -> None:
        self.results_table.clear_sort()
        self.results_model.set_results(results)
        self.middle.setCurrentIndex(RESULTS_PAGE)
        shown = f" (first {len(results.hits)})" if results.total > len(results.hits) else ""
        noun = "result" if results.total == 1 else "results"
        self.result_label.setText(f"{results.total:,} {noun}{shown} · {results.took_ms:.0f} ms")
        self.update_facets(results.query)
        self.index_check.after_search()
        if results.hits:
            self.results_table.select_row(0)
        else:
            self.snippets.show_snippets([])

    def _show_list_counts(self) -> None:
        self._show_list_count()
        self._update_list_facets()

    def _show_list_count(self) -> None:
        count = self.documents_model.rowCount()
        self.result_label.setText(f"{count:,} document{'s' if count != 1 else ''}")

    def _update_list_facets(self) -> None:
        self.update_facets(self.documents_model.ids() if self.collection_filter is not None else None)

    def update_facets(self, scope: str | list[int] | None) -> None:
        """Facet counts of a query, of some documents, or (None) of the archive; on the reader thread."""
        archive = self.archive

        def count() -> FacetCounts:
            return archive_facets(archive) if scope is None else archive.facets(scope)

        self.tasks.read(count, self.sidebar.set_facets)

    def _show_snippets(self, document_id: int) -> None:
        row = self.results_model.row_of(document_id)
        self.snippets.show_snippets(self.results_model.snippets(row) if row is not None else [])

    def _apply_filter(self, what: SidebarFilter) -> None:
        if what.kind == "collection":
            self.collection_filter = what.value
            self.search_field.clear()
            self.reload_library()
        elif what.kind == "all":
            self.collection_filter = None
            self.search_field.clear()
            self.reload_library()
        else:
            self.search_field.set_query(what.query())

    # -- reading -------------------------------------------------------------------------------------
    def open_document(self, document_id: int) -> None:
        try:
            self.active_reader().show_document(document_id)
        except ArchivistError as error:
            self.show_error(str(error))

    def _reader_changed(self, reader: ReaderView) -> None:
        if reader is self.active_reader():
            self.metadata_panel.show_record(reader.record)

    def _reader_focused(self, reader: ReaderView) -> None:
        self.metadata_panel.show_record(reader.record)

    def find(self) -> None:
        """Ctrl+F always goes to the archive search (issue 16); Find in Document has its own shortcut."""
        self.focus_search()

    def find_in_document(self) -> None:
        self.active_reader().open_find_bar()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def toggle_page_view(self) -> None:
        reader = self.active_reader()
        if reader.page_view_available():
            reader.set_page_view(not reader.page_view_shown())

    def compare(self, left_id: int, right_id: int) -> None:
        try:
            self.reading.compare(left_id, right_id)
        except ArchivistError as error:
            self.show_error(str(error))

    def compare_with_dialog(self) -> None:
        current = self.reading.left.document_id
        picker = DocumentPicker(self.archive, "Compare with…", exclude=current, parent=self)
        if picker.exec() and picker.chosen() is not None:
            self.open_side_by_side([picker.chosen()])  # type: ignore[list-item]

    def open_side_by_side(self, ids: list[int]) -> None:
        """Two ids: those two; one id: beside the document already open."""
        if len(ids) >= 2:
            self.compare(ids[0], ids[1])
        elif ids and self.reading.left.document_id is not None:
            self.compare(self.reading.left.document_id, ids[0])
        elif ids:
            self.open_document(ids[0])

    def _fill_document_menu(self, menu: QMenu, ids: list[int]) -> None:
        menu.addAction("Open", lambda: self.open_document(ids[0]))
        side = menu.addAction("Open Side by Side", lambda: self.open_side_by_side(ids))
        side.setEnabled(len(ids) == 2 or (len(ids) == 1 and self.reading.left.document_id not in (None, ids[0])))
        menu.addAction(self.window_actions.compare_with)
        menu.addActions(self.document_context_actions)  # they read selected_ids() when triggered
        menu.addSeparator()
        menu.addAction(self.window_actions.delete)

    # -- changes (through the writer) ----------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        """The one place views are refreshed after a change, this window's or another program's."""
        self.watcher.absorb()
        if not changes:
            return
        if changes.saved_searches:
            self.load_saved_searches()
        if changes.document_list:
            self.related.forget()
        if changes.document_list or changes.collections:
            self.reload_library()  # ids, counts and sidebar
        elif changes.metadata or changes.tags:
            self.refresh_sidebar()
        if changes.text:
            self._reload_texts(changes)  # before the headers are refreshed: it compares their text versions
        if changes.metadata or changes.tags:
            everything = changes == Changes.everything()
            self.documents_model.forget(None if everything else list(changes.documents))
            self.results_model.forget(None if everything else list(changes.documents))
            self._refresh_records(changes)
        self.changes_applied.emit(changes)

    def _reload_texts(self, changes: Changes) -> None:
        """Readers whose document's text changed show the new text (where they were)."""
        for reader in self.reading.readers:
            if reader.document_id is None or not changes.touches(reader.document_id) or reader.record is None:
                continue
            try:
                stored = self.archive.get(reader.document_id).text_version
            except ArchivistError:
                continue  # deleted: _refresh_records clears the reader
            if stored != reader.record.text_version:  # another program's change may not be to this text
                offset = reader.text_view.top_offset()
                self.open_document_in(reader, reader.document_id)
                reader.scroll_to(offset)

    def open_document_in(self, reader: ReaderView, document_id: int) -> None:
        try:
            reader.show_document(document_id)
        except ArchivistError as error:
            self.show_error(str(error))

    def _refresh_records(self, changes: Changes) -> None:
        """Headers of open documents and the details panel show their metadata as now stored."""
        for reader in self.reading.readers:
            if changes.touches(reader.document_id):
                try:
                    record = self.archive.get(reader.document_id)  # type: ignore[arg-type]
                except ArchivistError:  # deleted by another program
                    reader.clear()
                    continue
                reader.refresh_header(record)
                if reader is self.active_reader():
                    self.metadata_panel.show_record(record)

    def save_metadata(self, document_id: int, changes: dict, tags: list[str]) -> None:
        """Save the details panel's edits; Undo puts the old values back."""
        archive, before = self.archive, []
        report = of_documents([document_id], metadata=True, tags=True)

        def do() -> Changes:
            old = archive.get(document_id)
            before[:] = [({key: getattr(old, key) for key in changes if hasattr(old, key)}, list(old.tags))]
            archive.update_metadata(document_id, **changes)
            archive.set_tags(document_id, tags)
            return report

        def undo() -> Changes:
            old_values, old_tags = before[0]
            archive.update_metadata(document_id, **old_values)
            archive.set_tags(document_id, old_tags)
            return report

        self.undo.push("Edit Details", do, undo, failed=self._metadata_failed)

    def _metadata_failed(self, error: Exception) -> None:
        message = str(error) if isinstance(error, ArchivistError) else f"Could not save: {error}"
        self.metadata_panel.show_error(message)

    def delete_selected(self) -> None:
        ids = self.visible_table().selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(self, "Delete", f"Delete {len(ids)} document(s) and their highlights? "
                                      "The original files you imported are not touched.")
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_documents(ids)

    def delete_documents(self, ids: list[int]) -> None:
        for reader in self.reading.readers:
            if reader.document_id in ids:
                reader.clear()

        def work() -> None:
            for document_id in ids:
                self.archive.delete(document_id, with_highlights=True)

        self.tasks.write(work, lambda _none: self.apply_changes(
            of_documents(ids, document_list=True, highlights=True, notes=True, collections=True, tags=True)))

    # -- importing -----------------------------------------------------------------------------------
    def import_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "Import Files", last_folder(self.settings))
        if names:
            remember_folder(self.settings, names[0])
            self.import_paths([Path(name) for name in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import Folder", last_folder(self.settings))
        if folder:
            remember_folder(self.settings, folder)
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path], options: ReadOptions | None = None) -> bool:
        started = self.importer.start(paths, options or self.reading_options.options())
        self.watcher.paused = self.watcher.paused or started  # its batches are not another program's changes
        return started

    def _import_finished(self, result: ImportResult | None) -> None:
        self.watcher.paused = False
        self.apply_changes(Changes(document_list=True, tags=True))
        if result is not None and ReadingOptions.locked_paths(result):
            QTimer.singleShot(0, lambda: self.reading_options.offer_password(result))
        if result is not None and result.imported and self.reading.left.document_id is None:
            self.open_document(result.imported[0].id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- messages and closing ------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        """A problem the user can act on: shown in a message box that does not block the window."""
        self.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_search_syntax(self) -> None:
        from archivist.gui.search_help import SearchSyntaxDialog

        dialog = SearchSyntaxDialog(self.search_field.set_query, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.search_help = dialog

    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}", f"<b>{APP_NAME}</b> {__version__}<br>"
                          "An offline research archive: import, search, read side by side, highlight and cite.")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watcher.stop()
        self.importer.cancel()  # the importer stops after the current file and commits what it has
        self.tasks.shutdown()
        self.compare_layout.restore()  # a comparison open at quit is not the layout to start with next time
        save_window(self.settings, self, self._splitters())
        super().closeEvent(event)
