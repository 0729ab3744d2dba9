"""ReaderView: one document, readable; the widget every feature that works on a text plugs into.

Public API for the highlights, citations and shared-passages features:
``show_document(id)``, ``document_id``, ``content``, ``select_range(start, end)``, ``selected_range()``,
``scroll_to(offset)``, ``set_overlay(name, [(start, end, QColor)])``, ``extra_context_actions`` (QActions
appended to the text's context menu) and the ``context_menu_requested(menu, offset)`` signal. Offsets are
the catalogue's character offsets into ``content.text``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from archivist.core.archive import Archive
from archivist.core.errors import ArchivistError
from archivist.core.records import DocumentContent, DocumentRecord
from archivist.gui.models.documents import authors_text
from archivist.gui.reader.find_bar import FindBar, find_all
from archivist.gui.reader.pdf_pane import PdfPane
from archivist.gui.reader.text_view import BASE_POINT_SIZE, Overlay, ReaderTextView
from archivist.gui.tasks import TaskManager
from archivist.gui.theme import CURRENT_MATCH_COLOR, MATCH_COLOR

log = logging.getLogger("archivist.gui.reader")

SEARCH_LAYER = "search"
FIND_LAYER = "find"
CURRENT_LAYER = "current-match"
PAGE_VIEW_LAYER = "highlights"  # the layer also drawn on a PDF's page view (gui/highlights: OVERLAY)
ZOOM_STEP = 1.0


class ReaderView(QWidget):
    """A document's text (and, for PDFs, its pages), with search terms, find and overlays."""

    document_changed = Signal(int)  # the new document id, or -1 when cleared
    documents_dropped = Signal(list)  # ids dragged onto this reader
    context_menu_requested = Signal(QMenu, int)  # add actions to the menu; the offset under the mouse
    selection_changed = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None, tasks: TaskManager | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        # with a task manager, the index is read on its reader thread (an import may hold the index)
        self.tasks = tasks
        self._tint_generation = 0
        self.record: DocumentRecord | None = None
        self.content: DocumentContent | None = None
        self.query = ""
        self._matches: list[tuple[int, int]] = []
        self._search_spans: list[tuple[int, int]] = []
        self._current: int | None = None
        self._build()

    # -- layout --------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.text_view = ReaderTextView(self)
        self.text_view.documents_dropped.connect(self.documents_dropped)
        self.text_view.context_menu_requested.connect(self.context_menu_requested)
        self.text_view.selectionChanged.connect(self.selection_changed)
        self.pdf_pane = PdfPane(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.text_view)
        self.stack.addWidget(self.pdf_pane)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.find_bar.changed.connect(self._find_changed)
        self.find_bar.next_requested.connect(self.next_match)
        self.find_bar.previous_requested.connect(self.previous_match)
        self.find_bar.closed.connect(self._find_closed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.find_bar)
        self._show_placeholder()

    def _build_header(self) -> QWidget:
        header = QWidget(self)
        header.setObjectName("readerHeader")
        self.title_label = QLabel(wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        self.meta_label = QLabel(wordWrap=True)
        self.meta_label.setObjectName("readerMeta")
        self.match_label = QLabel()
        self.previous_button = self._tool_button("◀", "Previous match (Shift+F3)", self.previous_match)
        self.next_button = self._tool_button("▶", "Next match (F3)", self.next_match)
        self.page_button = self._tool_button("Pages", "Show the PDF's real pages instead of its text", None)
        self.page_button.setCheckable(True)
        self.page_button.toggled.connect(self.set_page_view)
        bar = QHBoxLayout()
        bar.addWidget(self.meta_label, 1)
        for widget in (self.match_label, self.previous_button, self.next_button, self.page_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(header)
        layout.setContentsMargins(16, 10, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addLayout(bar)
        return header

    def _tool_button(self, text: str, tip: str, slot: object | None) -> QToolButton:
        button = QToolButton(self, text=text, toolTip=tip, autoRaise=True)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    # -- showing a document --------------------------------------------------------------------------
    @property
    def document_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    @property
    def extra_context_actions(self) -> list[QAction]:
        """QActions appended to the text's context menu; append to this list to add yours."""
        return self.text_view.extra_context_actions

    def show_document(self, document_id: int) -> None:
        """Show a document (raises NotFoundError for an unknown id); keeps the search query's terms tinted."""
        record, content = self.archive.get(document_id), self.archive.content(document_id)
        self.record, self.content = record, content
        self._matches, self._search_spans, self._current = [], [], None
        self.pdf_pane.clear()
        self.text_view.load(content)
        self.refresh_header(record)
        self.page_button.setEnabled(record.format == "pdf")
        if self.page_button.isChecked() and record.format == "pdf":
            self.set_page_view(True)
        else:
            self.stack.setCurrentWidget(self.text_view)
        self._tint_search_terms()
        if self.find_bar.isVisible():
            self._find_changed(self.find_bar.edit.text())
        self.document_changed.emit(document_id)

    def clear(self) -> None:
        self.record, self.content = None, None
        self._matches, self._search_spans, self._current = [], [], None
        self.text_view.load(None)
        self.pdf_pane.clear()
        self._show_placeholder()
        self.document_changed.emit(-1)

    def refresh_header(self, record: DocumentRecord) -> None:
        self.record = record
        self.title_label.setText(record.title)
        pages = f"{record.page_count} pages" if record.format == "pdf" else ""
        parts = [authors_text(record.authors), record.date or "", record.site or record.publisher or "", pages]
        self.meta_label.setText("  ·  ".join(part for part in parts if part))

    def _show_placeholder(self) -> None:
        self.title_label.setText("No document open")
        self.meta_label.setText("Select a document in the list to read it here.")
        self.match_label.clear()
        self.page_button.setEnabled(False)
        self.page_button.setChecked(False)
        self.stack.setCurrentWidget(self.text_view)

    # -- the public API for other features -----------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Select text[start:end] and scroll it into view (switching to the text view if needed)."""
        self.stack.setCurrentWidget(self.text_view)
        self.page_button.setChecked(False)
        self.text_view.select_range(start, end)

    def selected_range(self) -> tuple[int, int] | None:
        return self.text_view.selected_range()

    def scroll_to(self, offset: int) -> None:
        self.text_view.scroll_to(offset)

    def set_overlay(self, name: str, ranges: Overlay) -> None:
        """A named layer of tinted ranges (``"highlights"``, ``"shared"``…); an empty list removes it.
        Highlights are drawn on a PDF's page view as well."""
        self.text_view.set_overlay(name, ranges)
        if name == PAGE_VIEW_LAYER:
            self.pdf_pane.set_marks(self._page_marks(ranges))

    def _page_marks(self, ranges: Overlay) -> list[tuple[int, str, QColor]]:
        if self.content is None or self.record is None or self.record.format != "pdf":
            return []
        text = self.content.text
        return [(self._page_index_at(start), text[start:end], color) for start, end, color in ranges]

    def overlay(self, name: str) -> Overlay:
        return list(self.text_view.overlays.get(name, []))

    # -- search terms and find -----------------------------------------------------------------------
    def set_search_query(self, query: str) -> None:
        """Tint the words this query matches (the search field's query); F3 walks through them."""
        self.query = query.strip()
        self._tint_search_terms()

    def _tint_search_terms(self) -> None:
        self._tint_generation += 1
        generation, document_id, query = self._tint_generation, self.document_id, self.query
        if not query or document_id is None:
            self._apply_spans(generation, [])
        elif self.tasks is None:
            self._apply_spans(generation, self._match_spans(document_id, query))
        else:
            self.tasks.read(lambda: self._match_spans(document_id, query),
                            lambda spans: self._apply_spans(generation, spans))

    def _match_spans(self, document_id: int, query: str) -> list[tuple[int, int]]:
        try:
            return self.archive.match_spans(document_id, query)
        except ArchivistError as error:  # a deleted document or an odd query: nothing to tint
            log.warning("cannot tint %r: %s", query, error)
            return []

    def _apply_spans(self, generation: int, spans: list[tuple[int, int]]) -> None:
        if generation != self._tint_generation:
            return  # a newer document or query is already shown
        self._search_spans = spans
        self.set_overlay(SEARCH_LAYER, [(start, end, MATCH_COLOR) for start, end in spans])
        if not self.find_bar.isVisible() or not self.find_bar.edit.text():
            self._use_matches(spans)

    def match_ranges(self) -> list[tuple[int, int]]:
        """The ranges F3 walks through: the find bar's when it is in use, else the search terms."""
        return list(self._matches)

    def _use_matches(self, matches: list[tuple[int, int]]) -> None:
        self._matches, self._current = matches, None
        self.set_overlay(CURRENT_LAYER, [])
        self._show_match_count()

    def _show_match_count(self) -> None:
        total = len(self._matches)
        if self.record is None or (not total and not self.query):
            self.match_label.clear()
        elif self._current is None:
            self.match_label.setText(f"{total} match{'es' if total != 1 else ''}")
        else:
            self.match_label.setText(f"{self._current + 1} of {total}")
        self.previous_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)
        self.find_bar.show_count(self._current, total)

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self._matches:
            return
        if self._current is None:
            self._current = 0 if direction > 0 else len(self._matches) - 1
        else:
            self._current = (self._current + direction) % len(self._matches)
        start, end = self._matches[self._current]
        self.set_overlay(CURRENT_LAYER, [(start, end, CURRENT_MATCH_COLOR)])
        self.select_range(start, end)
        self._show_match_count()

    def open_find_bar(self) -> None:
        self.find_bar.open_bar()

    def _find_changed(self, needle: str) -> None:
        found = find_all(self.content.text, needle) if self.content is not None else []
        self.set_overlay(FIND_LAYER, [(start, end, QColor(120, 200, 255, 140)) for start, end in found])
        self._use_matches(found if needle else self._search_spans)

    def _find_closed(self) -> None:
        self.set_overlay(FIND_LAYER, [])
        self._use_matches(self._search_spans)
        self.text_view.setFocus()

    # -- zoom and the page view ----------------------------------------------------------------------
    def zoom_in(self) -> None:
        self.text_view.set_point_size(self.text_view.point_size + ZOOM_STEP)

    def zoom_out(self) -> None:
        self.text_view.set_point_size(self.text_view.point_size - ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.text_view.set_point_size(BASE_POINT_SIZE)

    def page_view_available(self) -> bool:
        return self.record is not None and self.record.format == "pdf"

    def set_page_view(self, on: bool) -> None:
        """Show the PDF's rendered pages (on the page the text view was at) or the text."""
        if on and self.page_view_available() and self.record is not None:
            if not self.pdf_pane.load(self.archive.original_path(self.record.id)):
                self.meta_label.setText("This PDF's pages cannot be shown; its text is below.")
                self.page_button.setChecked(False)
                return
            self.pdf_pane.show_page(self._page_index_at(self.text_view.top_offset()))
            self.stack.setCurrentWidget(self.pdf_pane)
        else:
            self.stack.setCurrentWidget(self.text_view)
        if self.page_button.isChecked() != (self.stack.currentWidget() is self.pdf_pane):
            self.page_button.setChecked(self.stack.currentWidget() is self.pdf_pane)

    def page_view_shown(self) -> bool:
        return self.stack.currentWidget() is self.pdf_pane

    def _page_index_at(self, offset: int) -> int:
        pages = self.content.pages if self.content is not None else []
        return max(0, sum(1 for page in pages if page.start <= offset) - 1)
