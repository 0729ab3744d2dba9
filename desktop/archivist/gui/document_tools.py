"""Document tools for the open document: its note, re-extraction with the re-anchoring result, and pages.

- Document Note: a dock with the open document's own note (Markdown), saved a moment after typing stops, an
  undoable change like any other (one undo step per editing session of a note).
- Re-extract Text…: read the original again with today's extractors; the highlights are re-anchored and the
  result is shown: how many were found again and which quotes are now orphans (kept, listed, never dropped).
- Page N of M in the status bar for the active reader, and Go to Page… (Ctrl+G).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from archivist.core.annotation_records import ReanchorReport
from archivist.core.changes import Changes, of_documents
from archivist.gui.reader import ReaderView

if TYPE_CHECKING:
    from archivist.gui.host import Host

SAVE_AFTER_MS = 800
NOTE_MERGE_BASE = 2_000_000  # undo merge ids of document-note edits: one per document


class DocumentNoteEditor(QWidget):
    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.document_id: int | None = None
        self.heading = QLabel("Open a document to write its note.", self)
        self.heading.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName("Note on the whole document")
        self.edit.setPlaceholderText("Your note on this document (Markdown)")
        self.edit.textChanged.connect(self._typed)
        self.timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self.timer.timeout.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.edit, 1)
        self.dock = host.add_panel(self, "Document Note", Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.hide()
        self.toggle: QAction = self.dock.toggleViewAction()
        self.toggle.setText("Document &Note")
        self.toggle.setObjectName("document_note")
        self._loading = False

    def show_document(self, document_id: int | None) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.save()
        self.document_id = document_id
        note = self.host.archive.annotations.document_note(document_id) if document_id is not None else None
        self._loading = True
        self.edit.setPlainText(note.text if note is not None else "")
        self._loading = False
        self.edit.setEnabled(document_id is not None)
        self.heading.setText("Note on the open document" if document_id is not None
                             else "Open a document to write its note.")

    def _typed(self) -> None:
        if not self._loading and self.document_id is not None:
            self.timer.start()

    def save(self) -> None:
        document_id, text = self.document_id, self.edit.toPlainText()
        if document_id is None:
            return
        annotations, before = self.host.archive.annotations, []

        def do() -> Changes:
            if not before:
                old = annotations.document_note(document_id)
                before.append(old.text if old is not None else "")
            annotations.set_document_note(document_id, text)
            return of_documents([document_id], notes=True)

        def undo() -> Changes:
            annotations.set_document_note(document_id, before[0])
            return of_documents([document_id], notes=True)

        self.host.undo.push("Edit Document Note", do, undo, merge_key=NOTE_MERGE_BASE + document_id)

    def refresh(self, changes: Changes) -> None:
        """Another program (or Undo) changed the note: show the stored one, unless the user is typing."""
        if changes.notes and changes.touches(self.document_id) and not self.timer.isActive():
            self.show_document(self.document_id)


class DocumentTools(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        parent = host.dialog_parent()
        self.note = DocumentNoteEditor(host)
        self.re_extract = QAction("Re-e&xtract Text…", parent, objectName="re_extract_text")
        self.re_extract.setToolTip("Read the original again and re-anchor the highlights")
        self.re_extract.triggered.connect(lambda _checked=False: self.ask_re_extract())
        self.go_to_page = QAction("&Go to Page…", parent, objectName="go_to_page")
        self.go_to_page.setShortcut(QKeySequence("Ctrl+G"))
        self.go_to_page.triggered.connect(lambda _checked=False: self.ask_page())
        self.page_label = QLabel(parent)
        self.page_label.setAccessibleName("Page of the open document")
        for reader in host.reading.readers:
            reader.document_changed.connect(lambda _id, r=reader: self._document_changed(r))
            reader.text_view.verticalScrollBar().valueChanged.connect(lambda _v, r=reader: self._show_page(r))
        host.reading.active_reader_changed.connect(self._document_changed)
        self.last_report: ReanchorReport | None = None

    def actions(self) -> list[QAction]:
        return [self.note.toggle, self.go_to_page, self.re_extract]

    # -- pages -------------------------------------------------------------------------------------
    def _document_changed(self, reader: ReaderView) -> None:
        if reader is self.host.active_reader():
            self.note.show_document(reader.document_id)
            self._show_page(reader)

    def page_of(self, reader: ReaderView) -> tuple[int, int]:
        """(current page, number of pages) of the reader's document, 1-based; (0, 0) without one."""
        pages = reader.content.pages if reader.content is not None else []
        if not pages:
            return (0, 0)
        offset = reader.text_view.top_offset()
        return (max(1, sum(1 for page in pages if page.start <= offset)), len(pages))

    def _show_page(self, reader: ReaderView) -> None:
        if reader is not self.host.active_reader():
            return
        current, total = self.page_of(reader)
        self.page_label.setText(f"Page {current} of {total}" if total > 1 else "")

    def show_page(self, number: int) -> None:
        """Bring page ``number`` (1-based) of the active reader's document into view."""
        reader = self.host.active_reader()
        pages = reader.content.pages if reader.content is not None else []
        if not pages:
            return
        index = max(0, min(number, len(pages)) - 1)
        if reader.page_view_shown():
            reader.pdf_pane.show_page(index)
        view = reader.text_view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_position(pages[index].start))
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.cursorRect(cursor).top() - 1)  # the page's first line at the top
        self._show_page(reader)

    def ask_page(self) -> None:
        current, total = self.page_of(self.host.active_reader())
        if total == 0:
            return
        number, ok = QInputDialog.getInt(self.host.dialog_parent(), "Go to Page", f"Page (1–{total}):",
                                         current, 1, total)
        if ok:
            self.show_page(number)

    # -- re-extraction -----------------------------------------------------------------------------
    def ask_re_extract(self) -> None:
        document_id = self.host.active_reader().document_id
        if document_id is None:
            self.host.show_status("Open a document to re-extract its text.")
            return
        self.run_re_extract(document_id)

    def run_re_extract(self, document_id: int) -> None:
        archive = self.host.archive
        self.host.show_status("Reading the original again…", 0)
        self.host.tasks.write(lambda: archive.re_extract(document_id), self._re_extracted)

    def _re_extracted(self, report: ReanchorReport) -> None:
        self.last_report = report
        self.host.apply_changes(of_documents([report.document_id], text=report.text_changed, highlights=True))
        self.host.show_status(self.describe(report), 10_000)
        if report.orphaned:
            annotations = self.host.archive.annotations
            quotes = [annotations.highlight(hid).quote for hid in report.orphaned[:20]]
            box = QMessageBox(QMessageBox.Icon.Information, "Re-extracted", self.describe(report),
                              QMessageBox.StandardButton.Ok, self.host.dialog_parent())
            box.setInformativeText("No longer found in the new text (kept as orphans in the highlights list):\n\n"
                                   + "\n".join(f"“{quote[:120]}”" for quote in quotes))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    @staticmethod
    def describe(report: ReanchorReport) -> str:
        if not report.text_changed:
            return "Re-extracted: the text is the same; highlights are where they were."
        return (f"Re-extracted: the text changed; {report.refound} highlight(s) found again, "
                f"{len(report.orphaned)} orphaned.")
