"""The table that shows the document list or the search results."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMenu, QTableView, QWidget

from archivist.gui.models.documents import DOCUMENT_ID_ROLE, DocumentTableModel

COLUMN_WIDTHS = (300, 130, 84, 120, 70, 70)
SORT_KEYS = ("title", "authors", "date", "site", "format")  # by column; the results' "Found on" is not sortable


class DocumentTable(QTableView):
    """Rows select documents; the context menu offers opening, comparing and deleting."""

    document_activated = Signal(int)  # the current row changed to this document
    context_menu_requested = Signal(QMenu, list)  # a menu to fill, the selected document ids
    sort_requested = Signal(str, bool)  # a column header was clicked: sort key, descending

    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.verticalHeader().hide()
        # fixed row heights: the view never measures rows, so 100,000 rows cost nothing
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # interactive widths (never ResizeToContents: that would read every row); the last column fills
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS[: model.columnCount()]):
            header.resizeSection(column, width)
        # Clicking a header sorts in SQL (core/sorting.py) and the model keeps reading rows lazily; Qt's own
        # setSortingEnabled would sort at once by the first column and lose the list's newest-first order.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._header_clicked)
        self.sort_key: str | None = None
        self.sort_descending = False
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def document_model(self) -> DocumentTableModel:
        model = self.model()
        assert isinstance(model, DocumentTableModel)
        return model

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self.document_model().document_id(row) for row in rows]

    def select_row(self, row: int) -> None:
        if 0 <= row < self.document_model().rowCount():
            self.selectRow(row)
            self.scrollTo(self.document_model().index(row, 0))

    def _header_clicked(self, column: int) -> None:
        if column >= len(SORT_KEYS):
            return
        key = SORT_KEYS[column]
        self.sort_descending = not self.sort_descending if key == self.sort_key else False
        self.sort_key = key
        header = self.horizontalHeader()
        header.setSortIndicatorShown(True)
        order = Qt.SortOrder.DescendingOrder if self.sort_descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)
        self.sort_requested.emit(key, self.sort_descending)

    def clear_sort(self) -> None:
        """Back to the model's own order (newest first, or relevance for results)."""
        self.sort_key, self.sort_descending = None, False
        self.horizontalHeader().setSortIndicatorShown(False)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.document_activated.emit(int(current.data(DOCUMENT_ID_ROLE)))

    def _show_menu(self, point: QPoint) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        self.context_menu_requested.emit(menu, ids)
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()


EMPTY_HINT = ("<p><b>This archive is empty.</b></p><p>Drop files or folders here, or use File ▸ Import Files… "
              "(Ctrl+O) or Import Folder… (Ctrl+Shift+O): web pages, PDFs, Word files, e-books, Markdown and text."
              "</p><p>Then search them with Ctrl+F (Help ▸ Search Syntax shows how).</p>")


def empty_archive_hint(table: DocumentTable) -> QLabel:
    """A first-run hint over the empty list, hidden once the archive has documents."""
    hint = QLabel(EMPTY_HINT, table.viewport())
    hint.setObjectName("emptyArchiveHint")
    hint.setAccessibleName("The archive is empty: how to import")
    hint.setWordWrap(True)
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setMargin(24)
    hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # drops still reach the window
    hint.hide()
    table.viewport().installEventFilter(_FollowSize(hint, table.viewport()))
    return hint


class _FollowSize(QObject):
    def __init__(self, hint: QLabel, viewport: QWidget) -> None:
        super().__init__(hint)
        self._hint = hint
        hint.resize(viewport.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._hint.resize(watched.size())
        return False
