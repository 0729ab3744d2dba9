"""The citation dialog (a live preview per style) and the Export Bibliography dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from archivist.core.archive import Archive
from archivist.core.citations import FORMATS, Citations
from archivist.core.citations.styles import STYLES
from archivist.core.errors import ArchivistError
from archivist.gui.citations.clipboard import STYLE_SETTING, citation_mime, default_style, put_on_clipboard
from archivist.gui.folders import last_folder, remember_folder

FORMAT_LABELS = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON", "zotero-rdf": "Zotero RDF",
                 **{name: info.label for name, info in STYLES.items()}}
EXPORT_FILTERS = "BibTeX (*.bib);;RIS (*.ris);;CSL-JSON (*.json);;Zotero RDF (*.rdf)"


class CitationDialog(QDialog):
    """Pick a style or format and see the citation of the selected documents as it will be copied."""

    def __init__(self, archive: Archive, ids: list[int], settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive, self.ids, self.settings = archive, ids, settings
        self.setWindowTitle("Cite")
        self.format_box = QComboBox(self)
        for name in FORMATS:
            self.format_box.addItem(FORMAT_LABELS[name], name)
        self.format_box.setCurrentIndex(FORMATS.index(default_style(settings)))
        self.in_text = QCheckBox("In-text citation", self)
        self.preview = QTextBrowser(self)
        self.preview.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.AcceptRole)
        copy.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Style:", self.format_box)
        form.addRow("", self.in_text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.format_box.currentIndexChanged.connect(self.refresh)
        self.in_text.toggled.connect(self.refresh)
        self.resize(640, 360)
        self.refresh()

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def refresh(self) -> None:
        """Render the preview (citeproc is quick for a handful of documents; no worker thread needed)."""
        is_style = self.fmt in STYLES
        self.in_text.setEnabled(is_style)
        try:
            if is_style:
                self.preview.setHtml(self.archive.citations.render(self.ids, self.fmt, as_html=True,
                                                                   in_text=self.in_text.isChecked()))
            else:
                self.preview.setPlainText(self.archive.citations.render(self.ids, self.fmt))
        except ArchivistError as error:
            self.preview.setPlainText(str(error))

    def copy(self) -> None:
        """Copy what the preview shows; a chosen style becomes the default for Copy Citation."""
        if self.fmt in STYLES and not self.in_text.isChecked():
            self.settings.setValue(STYLE_SETTING, self.fmt)
            put_on_clipboard(citation_mime(self.archive, self.ids, self.fmt))
        else:
            mime = QMimeData()
            mime.setText(self.preview.toPlainText())
            if self.fmt in STYLES:
                mime.setHtml(self.archive.citations.render(self.ids, self.fmt, as_html=True, in_text=True))
            put_on_clipboard(mime)
        self.accept()


class ExportDialog(QFileDialog):
    """Where to save a bibliography (the format follows the extension), and whether to include your notes:
    they are private by default and leave the archive only when asked for (issue 17)."""

    def __init__(self, count: int, folder: str, parent: QWidget | None = None) -> None:
        label = f"Export {count} document(s)" if count else "Export every document"
        super().__init__(parent, label, str(Path(folder) / "references.bib"), EXPORT_FILTERS)
        self.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.setOption(QFileDialog.Option.DontUseNativeDialog)  # a native dialog has no room for the check box
        self.include_notes = QCheckBox("Include my notes on these documents", self)
        self.include_notes.setAccessibleName("Include my notes in the exported file")
        grid = self.layout()
        if isinstance(grid, QGridLayout):
            grid.addWidget(self.include_notes, grid.rowCount(), 0, 1, grid.columnCount())

    def chosen_path(self) -> Path | None:
        files = self.selectedFiles()
        if not files:
            return None
        path = Path(files[0])
        if not path.suffix:
            chosen = self.selectedNameFilter()
            path = path.with_suffix({"RIS": ".ris", "CSL": ".json", "Zotero": ".rdf"}.get(
                chosen.split(" ")[0].split("-")[0], ".bib"))
        return path


def export_bibliography(citations: Citations, ids: list[int], parent: QWidget | None = None,
                        settings: QSettings | None = None) -> Path | None:
    """Ask where to save the documents' bibliography (format by extension) and write it; the path or None."""
    dialog = ExportDialog(len(ids), last_folder(settings) if settings is not None else str(Path.home()), parent)
    if not dialog.exec():
        return None
    path = dialog.chosen_path()
    if path is None:
        return None
    if settings is not None:
        remember_folder(settings, path)
    citations.export(path, ids or None, with_notes=dialog.include_notes.isChecked())
    return path
