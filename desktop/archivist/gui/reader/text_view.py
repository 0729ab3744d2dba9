"""The text pane of the reader: the document's exact text, formatted for reading, with tinted overlays.

Headings and page starts are formatting and painting only, never inserted text, so a QTextCursor position
is the catalogue offset (see offsets.py for the one exception).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QTextEdit, QWidget

from archivist.core.records import DocumentContent
from archivist.gui.models.documents import decode_ids
from archivist.gui.reader.offsets import OffsetMap, qt_safe

READING_COLUMN_CHARS = 72
MIN_MARGIN = 64  # room for the "p. 3" page labels
BASE_POINT_SIZE = 12.0
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "DejaVu Serif", "Liberation Serif", "serif"]
Overlay = list[tuple[int, int, QColor]]


def reading_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


class ReaderTextView(QTextBrowser):
    """A read-only text view: centred reading column, headings, page labels, named overlays."""

    documents_dropped = Signal(list)  # document ids dragged from a list
    context_menu_requested = Signal(QMenu, int)  # the menu about to show, the offset under the mouse

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)  # nothing in a document ever opens a browser or fetches anything
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.offsets = OffsetMap("")
        self.page_starts: list[tuple[int, str]] = []
        self.overlays: dict[str, Overlay] = {}
        self.extra_context_actions: list[QAction] = []
        self.point_size = BASE_POINT_SIZE
        self.setDocument(self._new_document(""))

    # -- content -------------------------------------------------------------------------------------
    def load(self, content: DocumentContent | None) -> None:
        text = content.text if content is not None else ""
        self.offsets = OffsetMap(text)
        document = self._new_document(text)
        if content is not None:
            self._format_headings(document, content)
            self.page_starts = [(self.offsets.to_position(p.start), p.label) for p in content.pages[1:]]
        else:
            self.page_starts = []
        self.overlays.clear()
        previous = self.document()
        self.setDocument(document)
        if previous is not None and previous.parent() is self:
            # the view does not delete a document it did not make: without this every document opened stayed
            # in memory, text, layout and all, for as long as the window was open (issue 16: all-day sessions)
            previous.deleteLater()
        self._update_margins()
        self.setExtraSelections([])

    def _new_document(self, text: str) -> QTextDocument:
        document = QTextDocument(self)
        document.setDefaultFont(reading_font(self.point_size))
        document.setDocumentMargin(24)
        document.setUndoRedoEnabled(False)
        document.setPlainText(qt_safe(text))
        cursor = QTextCursor(document)
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(145, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        return document

    def _format_headings(self, document: QTextDocument, content: DocumentContent) -> None:
        for heading in content.headings:
            cursor = QTextCursor(document)
            cursor.setPosition(self.offsets.to_position(heading.start))
            cursor.setPosition(self.offsets.to_position(heading.end), QTextCursor.MoveMode.KeepAnchor)
            char = QTextCharFormat()
            char.setFontWeight(QFont.Weight.Bold)
            char.setProperty(QTextFormat.Property.FontSizeAdjustment, max(0, 3 - heading.level))
            cursor.mergeCharFormat(char)

    # -- zoom and the reading column -----------------------------------------------------------------
    def set_point_size(self, size: float) -> None:
        self.point_size = max(7.0, min(size, 40.0))
        self.document().setDefaultFont(reading_font(self.point_size))
        self._update_margins()

    def _update_margins(self) -> None:
        """Centre a column of about 72 characters; the margins hold the page labels."""
        width = self.fontMetrics().averageCharWidth() * self.point_size / max(self.font().pointSizeF(), 1.0)
        column = int(width * READING_COLUMN_CHARS) + 2 * int(self.document().documentMargin())
        # narrow panes (side by side) keep just enough margin for the page labels, or almost none
        least = MIN_MARGIN if self.page_starts else 4
        side = max(least, (self.viewport().width() - column) // 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if int(frame.leftMargin()) != side:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margins()

    # -- overlays ------------------------------------------------------------------------------------
    def set_overlay(self, name: str, ranges: Overlay) -> None:
        if ranges:
            self.overlays[name] = list(ranges)
        else:
            self.overlays.pop(name, None)
        self._apply_overlays()

    def _apply_overlays(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        for ranges in self.overlays.values():
            for start, end, color in ranges:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.document())
                cursor.setPosition(self.offsets.to_position(start))
                cursor.setPosition(self.offsets.to_position(end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor  # type: ignore[misc]
                selection.format.setBackground(color)  # type: ignore[attr-defined]
                selections.append(selection)
        self.setExtraSelections(selections)

    # -- positions -----------------------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_position(end))
        cursor.setPosition(self.offsets.to_position(start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.scroll_to(start)

    def scroll_to(self, offset: int) -> None:
        """Bring the offset into view about a third of the way down, where the eye expects it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_position(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if not self.viewport().rect().adjusted(0, 20, 0, -20).contains(rect.center()):
            bar.setValue(bar.value() + rect.top() - self.viewport().height() // 3)

    def selected_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.to_offset(cursor.selectionStart()), self.offsets.to_offset(cursor.selectionEnd())

    def offset_at(self, point: QPoint) -> int:
        return self.offsets.to_offset(self.cursorForPosition(point).position())

    def top_offset(self) -> int:
        return self.offset_at(QPoint(self.viewport().width() // 2, 4))

    # -- page labels ---------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.page_starts:
            return
        painter = QPainter(self.viewport())
        color = self.palette().placeholderText().color()
        painter.setPen(color)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() - 1, 7))
        painter.setFont(font)
        left = int(self.document().rootFrame().frameFormat().leftMargin())
        for position, label in self._visible_page_starts(event.rect()):
            rect = self.cursorRect(self._cursor_at(position))
            label_rect = QRect(0, rect.top(), left - 8, rect.height())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"p. {label}")
            painter.drawLine(left, rect.top() - 2, self.viewport().width() - left, rect.top() - 2)
        painter.end()

    def _visible_page_starts(self, area: QRect) -> list[tuple[int, str]]:
        first = self.cursorForPosition(QPoint(0, area.top())).position()
        last = self.cursorForPosition(QPoint(self.viewport().width(), area.bottom())).position()
        return [(pos, label) for pos, label in self.page_starts if first - 200 <= pos <= last + 1]

    def _cursor_at(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        return cursor

    # -- context menu and drops ----------------------------------------------------------------------
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_context_actions:
            menu.addSeparator()
            menu.addActions(self.extra_context_actions)
        self.context_menu_requested.emit(menu, self.offset_at(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if decode_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()  # files go on to the window, which imports them

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if decode_ids(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = decode_ids(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.documents_dropped.emit(ids)
        else:
            event.ignore()
