"""The sidebar: the whole library, collections, tags, and facet counts of what the list shows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from archivist.gui.models.documents import FORMAT_NAMES

FILTER_ROLE = Qt.ItemDataRole.UserRole + 10
FACET_TITLES = {"format": "Format", "year": "Year", "site": "Site"}
MAX_FACET_VALUES = 12


@dataclass(frozen=True, slots=True)
class SidebarFilter:
    """What a sidebar row stands for: ``kind`` is all, collection, tag, format, year or site."""

    kind: str
    value: str = ""

    def query(self) -> str:
        """The search-field query that shows the same documents (collections are not a query)."""
        quoted = '"' + self.value.replace('"', "") + '"'
        return {"tag": f"tag:{quoted}", "format": f"format:{self.value}", "year": f"date:{self.value}",
                "site": f"site:{quoted}"}.get(self.kind, "")


class Sidebar(QTreeWidget):
    """Sections with counts; clicking a row emits ``filter_requested``."""

    filter_requested = Signal(object)  # SidebarFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setIndentation(12)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.itemClicked.connect(self._clicked)
        self._sections: dict[str, QTreeWidgetItem] = {}
        for key, title in (("library", "Library"), ("collection", "Collections"), ("tag", "Tags"),
                           *FACET_TITLES.items()):
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
