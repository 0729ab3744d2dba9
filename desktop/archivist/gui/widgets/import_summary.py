"""What an import did: counts, and a row per duplicate or failed file with the reason. Non-modal."""

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
        self.resize(720, 420)
        self.headline = QLabel(summary_line(result), wordWrap=True)
        self.files = QTreeWidget()
        self.files.setHeaderLabels(["File", "Result"])
        self.files.setRootIsDecorated(False)
        self.files.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for error in result.errors:
            QTreeWidgetItem(self.files, [error.path, error.error])
        for duplicate in result.duplicates:
            QTreeWidgetItem(self.files, [duplicate.path, f"already in the archive (document {duplicate.id})"])
        self.files.setVisible(self.files.topLevelItemCount() > 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.files, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.files.topLevelItem(i).text(0), self.files.topLevelItem(i).text(1))
                for i in range(self.files.topLevelItemCount())]
