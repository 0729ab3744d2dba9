"""Copying citations from the window: plain text and HTML on the clipboard, the dialog's live preview."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from archivist.gui.citations.clipboard import STYLE_SETTING, quote_mime
from archivist.gui.citations.dialogs import CitationDialog
from archivist.gui.main_window import MainWindow
from tests.conftest import MANBIJ_SEED
from tests.core.test_citations_helpers import describe_seeds


def test_copy_citation_puts_text_and_html_on_the_clipboard(qtbot: QtBot, window: MainWindow) -> None:
    ids = describe_seeds(window.archive)
    action = window.citations_ui.copy_citation
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    window.documents_table.select_row(window.documents_model.row_of(ids[MANBIJ_SEED.name]))
    window.documents_table.setFocus()
    action.trigger()  # it reads the selection when triggered
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasText() and mime.hasHtml()
    assert "text/plain" in mime.formats() and "text/html" in mime.formats()
    assert mime.text() == "Syria urges UN to act against US-led coalition after Manbij airstrikes. (2016, July 29). " \
                          "Press TV."
    assert "<i>Press TV</i>" in mime.html()


def test_copy_as_bibtex_and_highlight_quote(qtbot: QtBot, window: MainWindow) -> None:
    ids = describe_seeds(window.archive)
    window.citations_ui.copy_selected_bibtex([ids[MANBIJ_SEED.name]])
    assert QGuiApplication.clipboard().text().startswith("@article{press2016syria,")
    highlight = window.archive.annotations.add_highlight(ids[MANBIJ_SEED.name], quote="were brutally killed")
    mime = quote_mime(window.archive, highlight.id, "apa", with_bibtex=True)
    assert mime.text().startswith('"were brutally killed" (“Syria Urges')
    assert "@article{press2016syria," in mime.text() and mime.hasHtml()


def test_dialog_previews_each_style_and_remembers_the_choice(qtbot: QtBot, window: MainWindow) -> None:
    ids = list(describe_seeds(window.archive).values())
    dialog = CitationDialog(window.archive, ids, window.settings, window)
    qtbot.addWidget(dialog)
    previews = {}
    for index in range(dialog.format_box.count()):
        dialog.format_box.setCurrentIndex(index)
        previews[dialog.fmt] = dialog.preview.toPlainText()
    assert previews["chicago"].startswith("Press TV. 2016.")
    assert previews["bibtex"].startswith("@article{")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("mla"))
    dialog.copy()
    assert window.settings.value(STYLE_SETTING) == "mla"
    assert QGuiApplication.clipboard().mimeData().hasHtml()
