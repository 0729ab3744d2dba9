"""How scans and locked PDFs are read (issue 14's core, in the window): the OCR languages, a password prompt
for PDFs an import refused as locked, and reading a document's scanned pages by OCR again.

The OCR languages are a window setting (Tesseract's form, "ara+eng"; empty lets the script be detected) that
every import from the window passes on. After an import, PDFs refused for want of a password can be imported
again with one the user types (it is used for that import only and never stored).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit

from archivist.core.changes import of_documents
from archivist.core.extract.base import ReadOptions
from archivist.core.records import ImportResult

if TYPE_CHECKING:
    from archivist.core.ingest.ocr_run import OcrReport
    from archivist.gui.host import Host

OCR_LANGUAGES = "import/ocr_languages"
PASSWORD_WORDS = "password-protected"  # in the core's message for a locked PDF (core/extract/pdfium_text.py)


class ReadingOptions(QObject):
    def __init__(self, host: Host, start_import: object) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self._start_import = start_import  # (paths, ReadOptions) -> bool
        parent = host.dialog_parent()
        self.ocr_languages_action = QAction("OCR &Languages…", parent, objectName="ocr_languages")
        self.ocr_languages_action.triggered.connect(lambda _checked=False: self.ask_ocr_languages())
        self.ocr_again = QAction("Read Scanned Pages (&OCR)", parent, objectName="ocr_again")
        self.ocr_again.setToolTip("Read the open document's scanned pages again by OCR, in the OCR languages set")
        self.ocr_again.triggered.connect(lambda _checked=False: self.run_ocr(self.host.active_reader().document_id))
        self.last_ocr: OcrReport | None = None

    # -- OCR languages ---------------------------------------------------------------------------------
    def ocr_languages(self) -> str | None:
        value = self.host.settings.value(OCR_LANGUAGES)
        return value.strip() if isinstance(value, str) and value.strip() else None

    def set_ocr_languages(self, languages: str) -> None:
        self.host.settings.setValue(OCR_LANGUAGES, languages.strip())

    def options(self, passwords: tuple[str, ...] = ()) -> ReadOptions:
        return ReadOptions(passwords=passwords, ocr_languages=self.ocr_languages())

    def ask_ocr_languages(self) -> None:
        text, ok = QInputDialog.getText(
            self.host.dialog_parent(), "OCR Languages",
            "Languages of scanned pages, in Tesseract's form (ara+eng, fra, rus+ukr…);\n"
            "leave empty to let Archivist detect the script:", text=self.ocr_languages() or "")
        if ok:
            self.set_ocr_languages(text)

    # -- locked PDFs -----------------------------------------------------------------------------------
    @staticmethod
    def locked_paths(result: ImportResult) -> list[Path]:
        return [Path(error.path) for error in result.errors if PASSWORD_WORDS in error.error]

    def offer_password(self, result: ImportResult) -> None:
        """After an import: ask for the password of the PDFs it refused as locked, and import them again."""
        locked = self.locked_paths(result)
        if not locked:
            return
        names = ", ".join(path.name for path in locked[:3]) + ("…" if len(locked) > 3 else "")
        password, ok = QInputDialog.getText(
            self.host.dialog_parent(), "Password-protected PDF",
            f"{names} opens only with its password. Password (used for this import only, never stored):",
            QLineEdit.EchoMode.Password)
        if ok and password:
            self.import_with_password(locked, password)

    def import_with_password(self, paths: list[Path], password: str) -> bool:
        return bool(self._start_import(paths, self.options((password,))))  # type: ignore[operator]

    # -- OCR again -------------------------------------------------------------------------------------
    def run_ocr(self, document_id: int | None) -> None:
        if document_id is None:
            self.host.show_status("Open a scanned document to read its pages by OCR.")
            return
        from archivist.core.ingest.ocr_run import ocr_documents

        archive, options = self.host.archive, self.options()
        self.host.show_status("Reading the scanned pages by OCR…", 0)
        self.host.tasks.job(lambda: ocr_documents(archive, [document_id], options),
                            lambda report: self._ocr_done(document_id, report))

    def _ocr_done(self, document_id: int, report: OcrReport) -> None:
        self.last_ocr = report
        self.host.apply_changes(of_documents([document_id], text=True, metadata=True, highlights=True))
        if report.errors:
            self.host.show_error("; ".join(error for _id, error in report.errors))
        elif report.read:
            self.host.show_status(f"OCR read {report.pages} page(s).", 8000)
        else:
            self.host.show_status("No page of this document waits for OCR.", 8000)
