"""Two readers side by side, each scrolling on its own or linked; a place below for comparison panels.

The shared-passages feature adds its list with ``add_panel(widget, title)``; it learns which pair is shown
from ``pair_changed(left_id, right_id)`` (-1 for an empty pane) and reaches the readers as ``left``/``right``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget

from archivist.core.archive import Archive
from archivist.gui.reader.reader_view import ReaderView
from archivist.gui.tasks import TaskManager


class SideBySideView(QWidget):
    """The reading area: one reader, or two side by side when comparing."""

    pair_changed = Signal(int, int)  # left and right document ids, -1 for none
    active_reader_changed = Signal(object)  # the ReaderView that last had focus
    comparing_changed = Signal(bool)  # two readers are shown (True) or one again (False)

    def __init__(self, archive: Archive, parent: QWidget | None = None, tasks: TaskManager | None = None) -> None:
        super().__init__(parent)
        self.left = ReaderView(archive, self, tasks)
        self.right = ReaderView(archive, self, tasks)
        self.right.hide()
        self._active = self.left
        self._syncing = False
        self.pair_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.pair_splitter.setChildrenCollapsible(False)
        self.pair_splitter.addWidget(self.left)
        self.pair_splitter.addWidget(self.right)
        self.panels = QTabWidget(self)
        self.panels.setDocumentMode(True)
        self.panels.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.pair_splitter)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_compare_bar())
        layout.addWidget(self.splitter, 1)
        for reader in (self.left, self.right):
            reader.document_changed.connect(self._emit_pair)
            reader.text_view.verticalScrollBar().valueChanged.connect(
                lambda value, source=reader: self._sync_scroll(source, value))
            reader.documents_dropped.connect(lambda ids, target=reader: self._dropped(target, ids))
            reader.text_view.installEventFilter(self)
        self.compare_bar.hide()

    def _build_compare_bar(self) -> QWidget:
        self.compare_bar = QWidget(self)
        self.compare_bar.setObjectName("compareBar")
        self.link_box = QCheckBox("Link scrolling", self)
        swap = QToolButton(self, text="Swap", toolTip="Swap the two documents", autoRaise=True)
        swap.clicked.connect(self.swap)
        close = QToolButton(self, text="Close comparison", autoRaise=True)
        close.clicked.connect(self.close_comparison)
        layout = QHBoxLayout(self.compare_bar)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.addWidget(QLabel("Side by side", self))
        layout.addStretch(1)
        layout.addWidget(self.link_box)
        layout.addWidget(swap)
        layout.addWidget(close)
        return self.compare_bar

    # -- the public API ------------------------------------------------------------------------------
    @property
    def readers(self) -> tuple[ReaderView, ReaderView]:
        return self.left, self.right

    def is_comparing(self) -> bool:
        return not self.right.isHidden()

    def active_reader(self) -> ReaderView:
        """The reader the user last worked in (the left one when only one is shown)."""
        return self._active if self.is_comparing() else self.left

    def show_document(self, document_id: int) -> None:
        """Open in the active reader."""
        self.active_reader().show_document(document_id)

    def compare(self, left_id: int, right_id: int) -> None:
        """Open two documents side by side."""
        self.left.show_document(left_id)
        self.right.show_document(right_id)
        self._set_comparing(True)

    def compare_with(self, document_id: int) -> None:
        """Open a document beside the one shown (or alone, when none is)."""
        if self.left.document_id is None:
            self.left.show_document(document_id)
        else:
            self.compare(self.left.document_id, document_id)

    def close_comparison(self) -> None:
        self._set_comparing(False)
        self.right.clear()
        self._active = self.left

    def swap(self) -> None:
        left, right = self.left.document_id, self.right.document_id
        if left is not None and right is not None:
            self.compare(right, left)

    def set_linked_scrolling(self, linked: bool) -> None:
        self.link_box.setChecked(linked)

    def linked_scrolling(self) -> bool:
        return self.link_box.isChecked()

    def set_search_query(self, query: str) -> None:
        for reader in self.readers:
            reader.set_search_query(query)

    def add_panel(self, widget: QWidget, title: str) -> None:
        """Add a panel under the two readers (a tab when there are several), e.g. the shared passages."""
        self.panels.addTab(widget, title)
        self.panels.setVisible(self.is_comparing())

    # -- internals -----------------------------------------------------------------------------------
    def _set_comparing(self, on: bool) -> None:
        was_comparing = self.is_comparing()
        self.right.setVisible(on)
        self.compare_bar.setVisible(on)
        self.panels.setVisible(on and self.panels.count() > 0)
        if on:
            half = max(self.pair_splitter.width() // 2, 200)
            self.pair_splitter.setSizes([half, half])
        self._emit_pair()
        if on != was_comparing:
            self.comparing_changed.emit(on)

    def _emit_pair(self) -> None:
        right = self.right.document_id if self.is_comparing() else None
        left = self.left.document_id
        self.pair_changed.emit(left if left is not None else -1, right if right is not None else -1)

    def _dropped(self, target: ReaderView, ids: list[int]) -> None:
        """A document dropped on a reader: beside the one shown, or in place of the pane's when comparing."""
        if self.is_comparing() or target is self.right:
            target.show_document(ids[0])
        else:
            self.compare_with(ids[0])

    def _sync_scroll(self, source: ReaderView, value: int) -> None:
        if self._syncing or not self.linked_scrolling() or not self.is_comparing():
            return
        other = self.right if source is self.left else self.left
        source_bar, other_bar = source.text_view.verticalScrollBar(), other.text_view.verticalScrollBar()
        fraction = value / source_bar.maximum() if source_bar.maximum() else 0.0
        self._syncing = True
        try:
            other_bar.setValue(round(fraction * other_bar.maximum()))
        finally:
            self._syncing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            reader = self.right if watched is self.right.text_view else self.left
            if reader is not self._active:
                self._active = reader
                self.active_reader_changed.emit(reader)
        return False
