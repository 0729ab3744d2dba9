"""The real pages of a PDF, beside the text view (QtPdf renders them; nothing is fetched or run).

Highlights are drawn over the pages too (issue 16). A highlight is stored as offsets into the catalogue's text,
which pypdfium2 extracted; QtPdf has its own text of each page, so the quote is looked up in the page's QtPdf
text and QtPdf gives the rectangles of those characters in page points. They are painted over the view at the
place QPdfView lays each page out: in multi-page fit-to-width mode, pages stacked below one another inside
``documentMargins`` with ``pageSpacing`` between, each scaled to the viewport's width (qpdfview.cpp).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygonF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

# (page index, quote, colour) of each highlight to draw
PageMark = tuple[int, str, QColor]


class MarkedPdfView(QPdfView):
    """QPdfView that paints translucent highlight marks over its pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: list[PageMark] = []
        self._shapes: dict[int, list[tuple[list[QPolygonF], QColor]]] | None = None  # page -> polygons, in points

    def set_marks(self, marks: list[PageMark]) -> None:
        self.marks = marks
        self._shapes = None
        self.viewport().update()

    def shapes(self) -> dict[int, list[tuple[list[QPolygonF], QColor]]]:
        """The marks' polygons by page (in page points), found once per document and set of marks."""
        if self._shapes is None:
            self._shapes = {}
            document = self.document()
            for page, quote, color in self.marks if document is not None else []:
                found = _locate(document.getAllText(page).text(), quote)
                if found is not None:
                    selection = document.getSelectionAtIndex(page, found[0], found[1] - found[0])
                    self._shapes.setdefault(page, []).append((list(selection.bounds()), color))
        return self._shapes

    def page_rects(self) -> dict[int, QRectF]:
        """Where QPdfView puts each page, in viewport pixels (multi-page, fit to width)."""
        document, margins = self.document(), self.documentMargins()
        if document is None or document.status() != QPdfDocument.Status.Ready:
            return {}
        width = self.viewport().width() - margins.left() - margins.right()
        rects, y = {}, float(margins.top())
        for page in range(document.pageCount()):
            size = document.pagePointSize(page)
            if size.width() <= 0:
                continue
            scale = width / size.width()
            height = size.height() * scale
            x = (self.viewport().width() - width) / 2
            rects[page] = QRectF(x - self.horizontalScrollBar().value(), y - self.verticalScrollBar().value(),
                                 width, height)
            y += height + self.pageSpacing()
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        shapes = self.shapes()
        if not shapes:
            return
        painter = QPainter(self.viewport())
        painter.setPen(QColor(0, 0, 0, 0))
        for page, rect in self.page_rects().items():
            if page not in shapes or not rect.intersects(QRectF(self.viewport().rect())):
                continue
            scale = rect.width() / self.document().pagePointSize(page).width()
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(scale, scale)
            for polygons, color in shapes[page]:
                painter.setBrush(color)
                for polygon in polygons:
                    painter.drawPolygon(polygon)
            painter.restore()
        painter.end()


def _locate(page_text: str, quote: str) -> tuple[int, int] | None:
    """Where the quote is in QtPdf's text of the page, as (start, end) indexes into that text.

    The two texts break lines differently ("mor\ufffetar" in QtPdf's, PDFium's mark for a soft hyphen, where
    ours has "mortar": pypdf-resources/Seige_of_Vicksburg_Sample_OCR.pdf), so both are compared without
    whitespace and hyphens.
    """
    kept = [(index, char.lower()) for index, char in enumerate(page_text) if not _ignored(char)]
    squashed = "".join(char for _index, char in kept)
    needle = "".join(char.lower() for char in quote if not _ignored(char))
    at = squashed.find(needle) if needle else -1
    if at < 0:
        return None
    return kept[at][0], kept[at + len(needle) - 1][0] + 1


def _ignored(char: str) -> bool:
    return char.isspace() or char in "-\u00ad\u2010\ufffe"


class PdfPane(QWidget):
    """A multi-page, fit-to-width view of one PDF file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self.view = MarkedPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.loaded: Path | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, path: Path) -> bool:
        """Open the file (once); False when QtPdf cannot read it."""
        if self.loaded == path:
            return True
        self.pdf.close()
        self.loaded = None
        if self.pdf.load(str(path)) != QPdfDocument.Error.None_:
            return False
        self.loaded = path
        return True

    def clear(self) -> None:
        self.pdf.close()
        self.loaded = None
        self.view.set_marks([])

    def set_marks(self, marks: list[PageMark]) -> None:
        """Highlights to draw over the pages: (page index, quote, colour)."""
        self.view.set_marks(marks)

    def page_count(self) -> int:
        return self.pdf.pageCount()

    def show_page(self, index: int) -> None:
        self.view.pageNavigator().jump(max(0, min(index, self.pdf.pageCount() - 1)), QPointF(0, 0), 0)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()
