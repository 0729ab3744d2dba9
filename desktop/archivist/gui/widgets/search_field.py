"""The search field: asks for a search after a short pause in typing, or at once on Enter."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

TYPING_PAUSE_MS = 250
PLACEHOLDER = 'Search: words, "a phrase", author:name, date:2016, tag:x   (Ctrl+F)'


class SearchField(QLineEdit):
    """Emits ``search_requested(text)`` once the user stops typing for 250 ms, or presses Enter."""

    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setObjectName("searchField")
        self.setMinimumWidth(360)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._request)
        self.textEdited.connect(lambda _text: self._pause.start())
        self.textChanged.connect(self._cleared)
        self.returnPressed.connect(self._request)

    def set_query(self, text: str) -> None:
        """Put a query in the field (a sidebar click) and search for it now."""
        self.setText(text)
        self._request()

    def _cleared(self, text: str) -> None:
        if not text:  # the clear button or select-all + delete: back to the whole list at once
            self._request()

    def _request(self) -> None:
        self._pause.stop()
        self.search_requested.emit(self.text().strip())
