"""The real pages of a PDF, beside the text view (QtPdf renders them; nothing is fetched or run)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget


class PdfPane(QWidget):
    """A multi-page, fit-to-width view of one PDF file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
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

    def page_count(self) -> int:
        return self.pdf.pageCount()

    def show_page(self, index: int) -> None:
        self.view.pageNavigator().jump(max(0, min(index, self.pdf.pageCount() - 1)), QPointF(0, 0), 0)

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()
