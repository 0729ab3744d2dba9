"""What an import did: counts, and a row per file: refused (why), skipped (a duplicate) or imported (its title).

Sized to its content (issue 16: the rows were cut off), up to most of the screen; non-modal.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.core.records import ImportResult

MAX_IMPORTED_ROWS = 2000  # a 38,000-file import lists the first ones; the counts above say how many


def summary_line(result: ImportResult) -> str:
    parts = [f"{len(result.imported):,} imported", f"{len(result.duplicates):,} already in the archive",
             f"{len(result.errors):,} could not be read"]
    prefix = "Import cancelled: " if result.cancelled else ""
    return prefix + ", ".join(parts) + "."


class ImportSummaryDialog(QDialog):
    """Stays open beside the window while the user looks at the new documents."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.setWindowTitle("Import finished" if not result.cancelled else "Import cancelled")
        self.setModal(False)
        self.setAccessibleName("Import summary")
        self.headline = QLabel(summary_line(result), wordWrap=True)
        self.files = QTreeWidget()
        self.files.setHeaderLabels(["File", "Result"])
        self.files.setAccessibleName("Imported, skipped and refused files")
        self.files.setRootIsDecorated(False)
        self.files.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for error in result.errors:
            QTreeWidgetItem(self.files, [error.path, f"refused: {error.error}"])
        for duplicate in result.duplicates:
            QTreeWidgetItem(self.files, [duplicate.path, f"skipped: already in the archive (document {duplicate.id})"])
        for item in result.imported[:MAX_IMPORTED_ROWS]:
            QTreeWidgetItem(self.files, [item.path, f"imported: {item.title}"])
        self.files.setVisible(self.files.topLevelItemCount() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.files, 1)
        layout.addWidget(buttons)
        self._fit_to_content()

    def _fit_to_content(self) -> None:
        """As wide and tall as the rows need, within 90% of the screen and at least 480 x 200."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        header = self.files.header()
        wanted_width = sum(max(self.files.sizeHintForColumn(i), header.sectionSizeHint(i))
                           for i in range(header.count())) + 60
        rows = self.files.topLevelItemCount()
        row_height = self.files.sizeHintForRow(0) if rows else 0
        wanted_height = self.headline.sizeHint().height() + header.sizeHint().height() + rows * row_height + 120
        max_width = int(screen.width() * 0.9) if screen else 1400
        max_height = int(screen.height() * 0.9) if screen else 900
        self.resize(max(480, min(wanted_width, max_width)), max(200, min(wanted_height, max_height)))

    def rows(self) -> list[tuple[str, str]]:
        return [(self.files.topLevelItem(i).text(0), self.files.topLevelItem(i).text(1))
                for i in range(self.files.topLevelItemCount())]
