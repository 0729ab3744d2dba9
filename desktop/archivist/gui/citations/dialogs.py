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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from archivist.core.archive import Archive
from archivist.core.citations import FORMATS, Citations
from archivist.core.citations.styles import STYLES
from archivist.core.errors import ArchivistError
from archivist.gui.citations.clipboard import STYLE_SETTING, citation_mime, default_style, put_on_clipboard

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


def export_bibliography(citations: Citations, ids: list[int], parent: QWidget | None = None) -> Path | None:
    """Ask where to save the documents' bibliography (format by extension) and write it; the path or None."""
    label = f"Export {len(ids)} document(s)" if ids else "Export every document"
    name, chosen = QFileDialog.getSaveFileName(parent, label, str(Path.home() / "references.bib"), EXPORT_FILTERS)
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix({"RIS": ".ris", "CSL": ".json"}.get(chosen.split(" ")[0].split("-")[0], ".bib"))
    citations.export(path, ids or None)
    return path
