"""Wires highlights into the main window: colour actions, reader overlays, the panel, and writes.

Every change runs on the window's writer thread (``main_window.tasks.write``); when it is done the window is
told what changed (``apply_changes``) and the readers' overlays and the panel are refreshed from the archive
when a report names highlights or notes, whoever made the change, so what is shown is what is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from archivist.core.annotation_records import ColorRecord, HighlightRecord
from archivist.core.changes import Changes, of_documents
from archivist.core.errors import ArchivistError
from archivist.gui.highlights.colors import action_text, swatch, tint
from archivist.gui.highlights.panel import SCOPE_ALL, HighlightsPanel
from archivist.gui.reader import ReaderView

if TYPE_CHECKING:
    from archivist.gui.host import Host

OVERLAY = "highlights"
NOTE_MERGE_BASE = 1_000_000  # undo merge ids of note edits: one per highlight


class HighlightsController(QObject):
    """The highlights feature of one main window."""

    def __init__(self, window: Host) -> None:
        super().__init__(window.dialog_parent())
        self.window = window
        self.archive = window.archive
        self.colors: list[ColorRecord] = self.archive.annotations.colors()
        self.panel = HighlightsPanel(window.dialog_parent())
        self.panel.set_colors(self.colors)
        self.dock = window.add_panel(self.panel, "Highlights", Qt.DockWidgetArea.RightDockWidgetArea)
        self.toolbar = self._build_toolbar()
        for reader in window.reading.readers:
            self._attach(reader)
        window.reading.active_reader_changed.connect(lambda _reader: self.refresh_panel())
        self.panel.activated.connect(self.reveal)
        self.panel.scope_changed.connect(lambda _scope: self.refresh_panel())
        self.panel.note_editor.note_changed.connect(self.save_note)
        self.panel.recolour_requested.connect(lambda hid, color: self._write_update(hid, color=color))
        self.panel.delete_requested.connect(self.delete)
        window.changes_applied.connect(self._changes_applied)
        window.dialog_parent().installEventFilter(self)

    # -- building ------------------------------------------------------------------------------------
    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Highlight", self.window.dialog_parent())
        toolbar.setObjectName("highlightToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)  # the meanings, not just tints
        toolbar.addWidget(_toolbar_label(toolbar))
        for number, color in enumerate(self.colors, start=1):
            action = QAction(swatch(color.rgb), action_text(color), toolbar)
            action.setToolTip(f"Highlight the selection as {color.label} ({number})")
            action.triggered.connect(lambda _checked=False, name=color.name: self.highlight_active(name))
            toolbar.addAction(action)
        self.window.add_toolbar(toolbar)
        return toolbar

    def _attach(self, reader: ReaderView) -> None:
        """Keys 1–4 and context-menu entries on this reader's text; its overlay follows its document."""
        for number, color in enumerate(self.colors, start=1):
            action = QAction(swatch(color.rgb), f"Highlight as {action_text(color)}", reader.text_view)
            # Only while the text has the focus: typing "1" in the search field must stay typing.
            action.setShortcut(QKeySequence(str(number)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, r=reader, name=color.name: self.highlight(r, name))
            reader.text_view.addAction(action)
            reader.extra_context_actions.append(action)
        reader.selection_changed.connect(lambda r=reader: self._selection_changed(r))
        reader.document_changed.connect(lambda _id, r=reader: self.refresh_reader(r))
        self._selection_changed(reader)

    def _selection_changed(self, reader: ReaderView) -> None:
        has_selection = reader.selected_range() is not None
        for action in reader.extra_context_actions:
            if action.parent() is reader.text_view:
                action.setEnabled(has_selection)

    # -- highlighting --------------------------------------------------------------------------------
    def highlight_active(self, color: str) -> None:
        self.highlight(self.window.active_reader(), color)

    def highlight(self, reader: ReaderView, color: str) -> None:
        """Highlight the reader's selection in ``color`` (on the writer thread; Undo removes it)."""
        span, document_id = reader.selected_range(), reader.document_id
        if span is None or document_id is None:
            self.window.show_status("Select a passage to highlight first.")
            return
        annotations = self.archive.annotations
        made: list[int] = []  # the highlight's id; a redo after an undo makes it again with a new one

        def do() -> Changes:
            made[:] = [annotations.add_highlight(document_id, start=span[0], end=span[1], color=color).id]
            return of_documents([document_id], highlights=True)

        def undo() -> Changes:
            annotations.delete_highlight(made[0])
            return of_documents([document_id], highlights=True, notes=True)

        self.window.undo.push("Highlight", do, undo, after=lambda: self._added(made[0]))

    def _added(self, highlight_id: int) -> None:
        self.dock.show()
        self.panel.select(highlight_id)
        self.panel.note_editor.edit.setFocus()

    def save_note(self, highlight_id: int, text: str) -> None:
        annotations = self.archive.annotations
        before: list[str] = []

        def do() -> Changes:
            if not before:
                before.append(annotations.highlight(highlight_id).note)
            record = annotations.update_highlight(highlight_id, note=text)
            return of_documents([record.document_id], notes=True)

        def undo() -> Changes:
            record = annotations.update_highlight(highlight_id, note=before[0])
            return of_documents([record.document_id], notes=True)

        self.window.undo.push("Edit Note", do, undo, merge_key=NOTE_MERGE_BASE + highlight_id)

    def _write_update(self, highlight_id: int, color: str | None = None, note: str | None = None) -> None:
        annotations = self.archive.annotations
        before: list[str] = []

        def do() -> Changes:
            record = annotations.highlight(highlight_id)
            before[:] = [record.color]
            annotations.update_highlight(highlight_id, color=color, note=note)
            return of_documents([record.document_id], highlights=True)

        def undo() -> Changes:
            record = annotations.update_highlight(highlight_id, color=before[0])
            return of_documents([record.document_id], highlights=True)

        self.window.undo.push("Change Colour", do, undo)

    def delete(self, highlight_id: int) -> None:
        """Delete a highlight (and its note); Undo puts both back."""
        annotations = self.archive.annotations
        current = [highlight_id]
        kept: list[HighlightRecord] = []

        def do() -> Changes:
            record = annotations.highlight(current[0])
            kept[:] = [record]
            annotations.delete_highlight(record.id)
            return of_documents([record.document_id], highlights=True, notes=True)

        def undo() -> Changes:
            old = kept[0]
            again = annotations.add_highlight(old.document_id, start=old.start, end=old.end, color=old.color,
                                              note=old.note or None)
            current[:] = [again.id]
            return of_documents([old.document_id], highlights=True, notes=True)

        self.window.undo.push("Delete Highlight", do, undo)

    def _changes_applied(self, changes: Changes) -> None:
        if changes.highlights or changes.notes or changes.document_list or changes.text:
            self.refresh_all()

    # -- showing -------------------------------------------------------------------------------------
    def refresh_all(self) -> None:
        for reader in self.window.reading.readers:
            self.refresh_reader(reader)
        self.refresh_panel()

    def refresh_reader(self, reader: ReaderView) -> None:
        """Draw the reader's document's highlights over its text (orphans have no place to be drawn)."""
        if reader.document_id is None:
            reader.set_overlay(OVERLAY, [])
            return
        rgb = {color.name: color.rgb for color in self.colors}
        records = self.archive.annotations.highlights(reader.document_id, orphans=False)
        reader.set_overlay(OVERLAY, [(r.start, r.end, tint(rgb.get(r.color, "#ffe066"))) for r in records])
        if reader is self.window.active_reader():
            self.refresh_panel()

    def refresh_panel(self) -> None:
        document_id = self.window.active_reader().document_id
        if self.panel.scope.currentData() == SCOPE_ALL:
            records = self.archive.annotations.highlights()
        elif document_id is not None:
            try:
                records = self.archive.annotations.highlights(document_id)
            except ArchivistError:  # deleted meanwhile
                records = []
        else:
            records = []
        self.panel.set_highlights(records)

    def reveal(self, record: HighlightRecord) -> None:
        """Scroll a reader to the highlight, opening its document in the active reader when no reader has it."""
        reader = next((r for r in self.window.reading.readers if r.document_id == record.document_id), None)
        if reader is None:
            self.window.open_document(record.document_id)
            reader = self.window.active_reader()
        if not record.orphan and reader.document_id == record.document_id:
            reader.scroll_to(record.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Before the window closes (and stops its writer thread), save a note still waiting to be saved."""
        if watched is self.window.dialog_parent() and event.type() == QEvent.Type.Close:
            self.save_pending_note()
        return False

    def save_pending_note(self) -> None:
        editor = self.panel.note_editor
        if editor.timer.isActive() and editor.highlight_id is not None:
            editor.timer.stop()
            try:  # on the GUI thread: the writer is about to stop, and one small write is quick
                self.archive.annotations.update_highlight(editor.highlight_id, note=editor.edit.toPlainText())
            except ArchivistError as error:
                self.window.show_error(str(error))


def _toolbar_label(parent: QToolBar) -> QLabel:
    return QLabel(" Highlight: ", parent)


def install_highlights(window: Host) -> HighlightsController:
    """Add the highlights toolbar, keys, context actions, overlays and panel to the window (its Host side)."""
    controller = HighlightsController(window)
    window.highlights = controller  # type: ignore[attr-defined]
    return controller
