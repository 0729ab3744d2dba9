"""The find bar under the reader: plain, case-insensitive text search within the open document."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from archivist.core.index.matching import find_phrase

QUOTES = ('"', '"'), ("\u201c", "\u201d"), ("\u00ab", "\u00bb")


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``needle`` in ``text``, ignoring case (casefold keeps lengths for most scripts).

    A quoted needle is a phrase, matched as search matches it: its words in order, each match one span (issue 15)."""
    if not needle:
        return []
    stripped = needle.strip()
    if len(stripped) > 2 and (stripped[0], stripped[-1]) in QUOTES:
        return find_phrase(text, stripped[1:-1])
    haystack, wanted = text.lower(), needle.lower()
    if len(haystack) != len(text):  # lower() changed lengths (rare: "İ"); fall back to exact case
        haystack, wanted = text, needle
    found, start = [], haystack.find(wanted)
    while start != -1:
        found.append((start, start + len(wanted)))
        start = haystack.find(wanted, start + max(len(wanted), 1))
    return found


class FindBar(QWidget):
    """A line edit with previous/next buttons and a match count; Escape closes it."""

    changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText="Find in document")
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.edit.returnPressed.connect(self.next_requested)
        self.count = QLabel()
        self.count.setMinimumWidth(80)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self._button("Previous", "↑", self.previous_requested.emit))
        layout.addWidget(self._button("Next", "↓", self.next_requested.emit))
        layout.addWidget(self.count)
        layout.addWidget(self._button("Close the find bar", "✕", self.close_bar))

    def _button(self, tip: str, text: str, slot: object) -> QToolButton:
        button = QToolButton(text=text, toolTip=tip, autoRaise=True)
        button.clicked.connect(slot)
        return button

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int | None, total: int) -> None:
        if not self.edit.text():
            self.count.clear()
        elif total == 0:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{(current or 0) + 1} of {total}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() == Qt.Key.Key_Return and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_requested.emit()
        else:
            super().keyPressEvent(event)
