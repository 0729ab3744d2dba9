"""The sidebar: the whole library, collections, saved searches, tags, and facet counts of what the list shows.

Documents dragged from the list onto a collection are added to it (``documents_dropped``); a right-click on a
row asks the window for its menu (``context_menu_requested``: rename or delete a collection or saved search).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from archivist.core.saved_searches import SavedSearchRecord
from archivist.gui.models.documents import FORMAT_NAMES, decode_ids

FILTER_ROLE = Qt.ItemDataRole.UserRole + 10
FACET_TITLES = {"format": "Format", "year": "Year", "site": "Site"}
MAX_FACET_VALUES = 12


@dataclass(frozen=True, slots=True)
class SidebarFilter:
    """What a sidebar row stands for: ``kind`` is all, collection, saved (a saved search), tag, format, year or
    site; ``value`` the collection's or saved search's id, or the tag, format, year or site."""

    kind: str
    value: str = ""
    search: str = ""  # a saved search's query

    def query(self) -> str:
        """The search-field query that shows the same documents (collections are not a query)."""
        quoted = '"' + self.value.replace('"', "") + '"'
        return {"tag": f"tag:{quoted}", "format": f"format:{self.value}", "year": f"date:{self.value}",
                "site": f"site:{quoted}", "saved": self.search}.get(self.kind, "")


class Sidebar(QTreeWidget):
    """Sections with counts; clicking a row emits ``filter_requested``."""

    filter_requested = Signal(object)  # SidebarFilter
    documents_dropped = Signal(int, list)  # collection id, document ids dragged onto it
    context_menu_requested = Signal(QMenu, object)  # a menu to fill for this SidebarFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, like the other panes (issue 16)
        self.setAccessibleName("Sidebar: library, collections, saved searches, tags")
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self._sections: dict[str, QTreeWidgetItem] = {}
        for key, title in (("library", "Library"), ("collection", "Collections"), ("saved", "Saved searches"),
                           ("tag", "Tags"), *FACET_TITLES.items()):
            self._sections[key] = self._section(title)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, self.header().ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, self.header().ResizeMode.ResizeToContents)

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title.upper()])
        font = item.font(0)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setWeight(QFont.Weight.DemiBold)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setForeground(0, self.palette().placeholderText())
        item.setExpanded(True)
        item.setHidden(True)  # until it has rows: the window shows before the library has been read
        return item

    def _fill(self, key: str, rows: list[tuple[str, int, SidebarFilter]]) -> None:
        section = self._sections[key]
        section.takeChildren()
        for label, count, what in rows:
            child = QTreeWidgetItem(section, [label, f"{count:,}"])
            child.setData(0, FILTER_ROLE, what)
            child.setToolTip(0, label)
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            child.setForeground(1, self.palette().placeholderText())
        section.setHidden(not rows)
        section.setExpanded(True)

    def set_library(self, total: int, collections: list[tuple[int, str, int]], tags: list[tuple[str, int]]) -> None:
        self._fill("library", [("All documents", total, SidebarFilter("all"))])
        self._fill("collection", [(name, count, SidebarFilter("collection", str(cid)))
                                  for cid, name, count in collections])
        self._fill("tag", [(name, count, SidebarFilter("tag", name)) for name, count in tags])

    def set_saved_searches(self, searches: list[SavedSearchRecord]) -> None:
        self._fill("saved", [(search.name, 0, SidebarFilter("saved", str(search.id), search.query))
                             for search in searches])
        section = self._sections["saved"]
        for index in range(section.childCount()):
            section.child(index).setText(1, "")  # a saved search has no count until it runs
            section.child(index).setToolTip(0, searches[index].query)

    def filter_at(self, point: QPoint) -> SidebarFilter | None:
        item = self.itemAt(point)
        what = item.data(0, FILTER_ROLE) if item is not None else None
        return what if isinstance(what, SidebarFilter) else None

    def _show_menu(self, point: QPoint) -> None:
        what = self.filter_at(point)
        if what is None:
            return
        menu = QMenu(self)
        self.context_menu_requested.emit(menu, what)
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    # -- documents dragged from the list onto a collection --------------------------------------------------
    def _collection_at(self, point: QPoint) -> int | None:
        what = self.filter_at(point)
        return int(what.value) if what is not None and what.kind == "collection" else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if decode_ids(event.mimeData()) and self._collection_at(event.position().toPoint()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids, collection = decode_ids(event.mimeData()), self._collection_at(event.position().toPoint())
        if ids and collection is not None:
            event.acceptProposedAction()
            self.documents_dropped.emit(collection, ids)
        else:
            event.ignore()

    def set_facets(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        for key in FACET_TITLES:
            values = facets.get(key, [])[:MAX_FACET_VALUES]
            label = (lambda v: FORMAT_NAMES.get(v, v)) if key == "format" else str
            self._fill(key, [(label(value), count, SidebarFilter(key, value)) for value, count in values])

    def rows(self, key: str) -> list[tuple[str, str]]:
        """(label, count) of a section's rows, as shown."""
        section = self._sections[key]
        return [(section.child(i).text(0), section.child(i).text(1)) for i in range(section.childCount())]

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        what = item.data(0, FILTER_ROLE)
        if isinstance(what, SidebarFilter):
            self.filter_requested.emit(what)
