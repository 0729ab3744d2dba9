"""The details of the open document, editable: title, authors, date, item type, site, publisher, URL, language,
keywords and tags."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archivist.core.records import DocumentRecord


def split_list(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


TEXT_FIELDS = ("title", "authors", "date", "site", "publisher", "url", "language", "keywords", "tags")


class MetadataPanel(QWidget):
    """Emits ``save_requested(id, changes, tags)``; the window saves through the writer and answers with
    ``show_record`` or ``show_error``."""

    save_requested = Signal(int, dict, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: DocumentRecord | None = None
        self.fields = {name: QLineEdit() for name in TEXT_FIELDS}
        # the item type (CSL's type: article-newspaper, report…); filled when a record first shows, because the
        # list lives in archivist.core.citations, which the window does not import to start
        self.item_type = QComboBox()
        self.item_type.setAccessibleName("Item type")
        self.fields["language"].setPlaceholderText("en, ar, fr… (empty: detected)")
        self.fields["keywords"].setPlaceholderText("the source's own keywords, comma separated")
        self.fields["authors"].setPlaceholderText("Family, Given; Another Author")
        self.fields["date"].setPlaceholderText("YYYY, YYYY-MM or YYYY-MM-DD")
        self.fields["tags"].setPlaceholderText("comma, separated")
        self.info = QLabel(wordWrap=True)
        self.info.setObjectName("metadataInfo")
        self.error = QLabel(wordWrap=True)
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #d9433b")
        self.error.hide()
        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        revert = buttons.addButton("Revert", QDialogButtonBox.ButtonRole.ResetRole)
        revert.clicked.connect(lambda: self.show_record(self.record))
        form = QFormLayout()
        for label, name in (("Title", "title"), ("Authors", "authors"), ("Date", "date"), ("Site", "site"),
                            ("Publisher", "publisher"), ("URL", "url"), ("Language", "language"),
                            ("Keywords", "keywords"), ("Tags", "tags")):
            form.addRow(label, self.fields[name])
            self.fields[name].setAccessibleName(label)
            self.fields[name].returnPressed.connect(self._save)
            if name == "date":
                form.addRow("Item type", self.item_type)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.show_record(None)

    def show_record(self, record: DocumentRecord | None) -> None:
        self.record = record
        self.error.hide()
        values = self._values(record)
        for name, edit in self.fields.items():
            edit.setText(values[name])
            edit.setEnabled(record is not None)
        if record is not None and self.item_type.count() == 0:
            from archivist.core.citations import CSL_TYPES

            self.item_type.addItem("(not set)", "")
            for csl_type in CSL_TYPES:
                self.item_type.addItem(csl_type.replace("-", " "), csl_type)
        self.item_type.setCurrentIndex(max(self.item_type.findData((record.csl_type or "") if record else ""), 0))
        self.item_type.setEnabled(record is not None)
        self.save_button.setEnabled(record is not None)
        self.info.setText(self._info(record))

    @staticmethod
    def _values(record: DocumentRecord | None) -> dict[str, str]:
        if record is None:
            return dict.fromkeys(TEXT_FIELDS, "")
        return {"title": record.title, "authors": "; ".join(record.authors), "date": record.date or "",
                "site": record.site or "", "url": record.url or "", "tags": ", ".join(record.tags),
                "publisher": record.publisher or "", "language": record.language or "",
                "keywords": ", ".join(record.keywords)}

    @staticmethod
    def _info(record: DocumentRecord | None) -> str:
        if record is None:
            return "No document open."
        lines = [f"File: {record.original_name}", f"Format: {record.format}, {record.page_count} page(s)",
                 f"Imported: {record.imported_at:%Y-%m-%d %H:%M}"]
        if record.citation_key:
            lines.append(f"Citation key: {record.citation_key}")
        return "\n".join(lines)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _save(self) -> None:
        if self.record is None:
            return
        self.error.hide()
        text = {name: edit.text().strip() for name, edit in self.fields.items()}
        changes: dict[str, Any] = {"title": text["title"], "authors": split_list(text["authors"], ";"),
                                   "date": text["date"], "site": text["site"], "url": text["url"],
                                   "publisher": text["publisher"], "language": text["language"],
                                   "keywords": split_list(text["keywords"], ",")}
        if self.item_type.count():
            changes["csl_type"] = self.item_type.currentData() or None
        self.save_requested.emit(self.record.id, changes, split_list(text["tags"], ","))
