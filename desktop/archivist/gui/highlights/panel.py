"""The highlights panel: the document's (or the archive's) highlights, filterable, with a note editor.

It shows what the controller gives it and reports what the user did as signals; it never writes to the
archive itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.core.annotation_records import ColorRecord, HighlightRecord
from archivist.gui.highlights.colors import swatch

NOTE_DEBOUNCE_MS = 600
SCOPE_DOCUMENT, SCOPE_ALL = "document", "all"
RECORD_ROLE = Qt.ItemDataRole.UserRole


class NoteEditor(QWidget):
    """Markdown note of one highlight; ``note_changed(id, text)`` fires once typing pauses."""

    note_changed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.highlight_id: int | None = None
        self.heading = QLabel("Select a highlight to write a note on it.", self, wordWrap=True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText("Note (Markdown): why this passage matters…")
        self.edit.setEnabled(False)
        self.timer = QTimer(self, singleShot=True, interval=NOTE_DEBOUNCE_MS)
        self.timer.timeout.connect(self._save)
        self.edit.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.edit, 1)

    def show_highlight(self, record: HighlightRecord | None) -> None:
        if record is not None and record.id == self.highlight_id:
            return  # a refresh after our own save: keep the cursor where the user is typing
        self.flush()
        self.highlight_id = record.id if record is not None else None
        self.edit.blockSignals(True)
        self.edit.setPlainText(record.note if record is not None else "")
        self.edit.blockSignals(False)
        self.edit.setEnabled(record is not None)
        where = f"p. {record.page}" if record is not None and record.page else ""
        self.heading.setText(f"Note on highlight {record.id}  {where}" if record else
                             "Select a highlight to write a note on it.")

    def _typed(self) -> None:
        self.timer.start()

    def flush(self) -> None:
        """Save now what is waiting for the debounce (on switching highlights)."""
        if self.timer.isActive():
            self.timer.stop()
            self._save()

    def _save(self) -> None:
        if self.highlight_id is not None:
            self.note_changed.emit(self.highlight_id, self.edit.toPlainText())


class HighlightsPanel(QWidget):
    """List of highlights (orphans in their own section) with filters and the note editor beside it."""

    activated = Signal(object)  # HighlightRecord clicked: show it in the reader
    scope_changed = Signal(str)
    recolour_requested = Signal(int, str)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records: list[HighlightRecord] = []
        self.colors: list[ColorRecord] = []
        self._build()

    def _build(self) -> None:
        self.scope = QComboBox(self)
        self.scope.addItem("This document", SCOPE_DOCUMENT)
        self.scope.addItem("All documents", SCOPE_ALL)
        self.scope.currentIndexChanged.connect(lambda _i: self.scope_changed.emit(self.scope.currentData()))
        self.color_filter = QComboBox(self)
        self.color_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.author_filter = QComboBox(self)  # issue 19: in a team archive, whose highlights to show
        self.author_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.text_filter = QLineEdit(self, placeholderText="Filter quotes and notes", clearButtonEnabled=True)
        self.text_filter.textChanged.connect(lambda _t: self._fill())
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _old: self.note_editor.show_highlight(self._record(item)))
        self.note_editor = NoteEditor(self)
        self.recolour = QComboBox(self)
        self.recolour.activated.connect(self._recolour)
        self.delete_button = QPushButton("Delete", self)
        self.delete_button.clicked.connect(self._delete)
        self._layout()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.scope)
        filters.addWidget(self.color_filter)
        filters.addWidget(self.author_filter)
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel("Colour:", self))
        edit_row.addWidget(self.recolour, 1)
        edit_row.addWidget(self.delete_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.note_editor, 1)
        lower_layout.addLayout(edit_row)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(lower)
        self.splitter.setSizes([360, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.text_filter)
        layout.addWidget(self.splitter, 1)
        self._enable_editing(False)

    # -- filling ---------------------------------------------------------------------------------------
    def set_colors(self, colors: list[ColorRecord]) -> None:
        self.colors = colors
        chosen = self.color_filter.currentData()
        for box in (self.color_filter, self.recolour):
            box.blockSignals(True)
            box.clear()
        self.color_filter.addItem("All colours", None)
        for color in colors:
            self.color_filter.addItem(swatch(color.rgb), color.label, color.name)
            self.recolour.addItem(swatch(color.rgb), color.label, color.name)
        self.color_filter.setCurrentIndex(max(self.color_filter.findData(chosen), 0))
        for box in (self.color_filter, self.recolour):
            box.blockSignals(False)

    def set_highlights(self, records: list[HighlightRecord]) -> None:
        self.records = records
        self._set_authors(sorted({r.author for r in records if r.author}))
        self._fill()

    def _set_authors(self, authors: list[str]) -> None:
        """The author filter lists who made the highlights shown; hidden while there is only one (issue 19)."""
        chosen = self.author_filter.currentData()
        self.author_filter.blockSignals(True)
        self.author_filter.clear()
        self.author_filter.addItem("Everyone", None)
        for author in authors:
            self.author_filter.addItem(author, author)
        self.author_filter.setCurrentIndex(max(self.author_filter.findData(chosen), 0))
        self.author_filter.blockSignals(False)
        self.author_filter.setVisible(len(authors) > 1)

    def _visible(self) -> list[HighlightRecord]:
        color, needle = self.color_filter.currentData(), self.text_filter.text().strip().lower()
        author = self.author_filter.currentData()
        return [r for r in self.records if (color is None or r.color == color)
                and (author is None or r.author == author)
                and (not needle or needle in r.quote.lower() or needle in r.note.lower())]

    def _fill(self) -> None:
        current = self.current_record()
        self.tree.blockSignals(True)
        self.tree.clear()
        visible = self._visible()
        placed = [r for r in visible if not r.orphan]
        orphans = [r for r in visible if r.orphan]
        self._section(f"Highlights ({len(placed)})", placed)
        if orphans:  # lost when the text changed: kept, and shown apart so the user can deal with them
            self._section(f"Orphans ({len(orphans)}): no longer found in the text", orphans)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.select(current.id if current is not None else None)

    def _section(self, title: str, records: list[HighlightRecord]) -> None:
        header = QTreeWidgetItem(self.tree, [title])
        header.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = header.font(0)
        font.setBold(True)
        header.setFont(0, font)
        scoped_to_all = self.scope.currentData() == SCOPE_ALL
        labels = {color.name: color.rgb for color in self.colors}
        for record in records:
            item = QTreeWidgetItem(header, [_item_text(record, scoped_to_all)])
            item.setIcon(0, swatch(labels.get(record.color, "#cccccc")))
            item.setData(0, RECORD_ROLE, record)
            item.setToolTip(0, record.quote)

    # -- selection and editing -------------------------------------------------------------------------
    def select(self, highlight_id: int | None) -> None:
        item = self._item_of(highlight_id)
        self.tree.setCurrentItem(item)
        self.note_editor.show_highlight(self._record(item))
        self._enable_editing(item is not None)
        if item is not None:
            record = self._record(item)
            self.recolour.setCurrentIndex(max(self.recolour.findData(record.color if record else None), 0))

    def current_record(self) -> HighlightRecord | None:
        return self._record(self.tree.currentItem())

    def _item_of(self, highlight_id: int | None) -> QTreeWidgetItem | None:
        for section in range(self.tree.topLevelItemCount()):
            header = self.tree.topLevelItem(section)
            for row in range(header.childCount()):
                record = self._record(header.child(row))
                if record is not None and record.id == highlight_id:
                    return header.child(row)
        return None

    @staticmethod
    def _record(item: QTreeWidgetItem | None) -> HighlightRecord | None:
        return item.data(0, RECORD_ROLE) if item is not None else None

    def _clicked(self, item: QTreeWidgetItem) -> None:
        record = self._record(item)
        if record is not None:
            self.select(record.id)
            self.activated.emit(record)

    def _enable_editing(self, on: bool) -> None:
        self.recolour.setEnabled(on)
        self.delete_button.setEnabled(on)

    def _recolour(self, _index: int) -> None:
        record = self.current_record()
        if record is not None and self.recolour.currentData() != record.color:
            self.recolour_requested.emit(record.id, self.recolour.currentData())

    def _delete(self) -> None:
        record = self.current_record()
        if record is not None:
            self.delete_requested.emit(record.id)


def _item_text(record: HighlightRecord, with_title: bool) -> str:
    quote = " ".join(record.quote.split())
    quote = quote if len(quote) <= 160 else quote[:159] + "…"
    lines = [f"“{quote}”"]
    where = f"p. {record.page}" if record.page else ""
    if with_title:
        where = f"{record.document_title[:60]}  ·  {where}"
    if record.author:  # issue 19: who made it (in a team archive, a colleague)
        where = f"{where}  ·  {record.author}" if where else record.author
    lines.append(where)
    if record.note:
        lines.append("✎ " + " ".join(record.note.split())[:120])
    return "\n".join(line for line in lines if line)
