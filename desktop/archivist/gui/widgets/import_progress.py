"""The import's progress in the status bar: the file being read, a bar, and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ImportProgress(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setMinimumWidth(260)
        self.label.setMaximumWidth(420)
        self.bar = QProgressBar()
        self.bar.setFixedWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self) -> None:
        self.label.setText("Looking for files…")
        self.bar.setRange(0, 0)  # busy until the first report says how many files there are
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, current: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
            self.bar.setFormat(f"{done:,} of {total:,}")
        name = Path(current).name if current else ""
        metrics = self.label.fontMetrics()
        elided = metrics.elidedText(f"Importing {name}" if name else "Finishing…", Qt.TextElideMode.ElideMiddle,
                                     self.label.maximumWidth())
        self.label.setText(elided)
        self.label.setToolTip(current)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling after the current file…")
        self.cancel_requested.emit()
