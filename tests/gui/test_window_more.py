"""Issue 16: help, first run, remembered folders, accessibility and the smaller features of the window."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archivist.core.annotation_records import NoteRecord
from archivist.core.archive import Archive
from archivist.gui.citations.dialogs import ExportDialog
from archivist.gui.folders import last_folder, remember_folder
from archivist.gui.main_window import MainWindow
from archivist.gui.models.results import PASSAGE
from archivist.gui.search_help import EXAMPLES, SearchSyntaxDialog
from tests.gui.conftest import GUI_DATA, PDF_4_PAGES, search_and_wait


def test_every_search_syntax_example_finds_something_in_the_sample_articles(seeded_archive: Archive) -> None:
    for query, _meaning in EXAMPLES:
        assert seeded_archive.search(query).total > 0, query


def test_search_syntax_is_in_the_help_menu_and_its_examples_run(qtbot: QtBot, window: MainWindow) -> None:
    action = window.window_actions.search_syntax
    assert action in window.menus["help"].actions()
    action.trigger()
    dialog = window.search_help
    assert isinstance(dialog, SearchSyntaxDialog) and '"US-led coalition"' in dialog.browser.toPlainText()
    with qtbot.waitSignal(window.searcher.results_ready, timeout=10_000):
        dialog.browser.anchorClicked.emit(dialog.browser.document().baseUrl().fromUserInput("search:civil*"))
    assert window.search_field.text() == "civil*"
    dialog.close()


def test_every_action_has_a_name_and_text(window: MainWindow) -> None:
    unnamed = [action.text() for action in window.findChildren(QAction)
               if not action.isSeparator() and action.text() and not action.objectName()]
    assert not unnamed


def test_main_widgets_have_accessible_names_and_tab_moves_between_panes(qtbot: QtBot, window: MainWindow) -> None:
    for widget in (window.search_field, window.sidebar, window.documents_table, window.reading.left.text_view,
                   window.metadata_panel):
        assert widget.accessibleName(), widget
    window.open_document(window.documents_model.document_id(0))
    window.activateWindow()
    window.search_field.setFocus()
    reached = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[:3] == [window.sidebar, window.documents_table, window.reading.left.text_view]


def test_an_empty_archive_shows_a_first_run_hint(empty_window: MainWindow) -> None:
    assert empty_window.empty_hint.isVisible() and "archive is empty" in empty_window.empty_hint.text()


def test_an_archive_with_documents_shows_no_hint(window: MainWindow) -> None:
    assert not window.empty_hint.isVisible()


def test_file_dialogs_open_in_the_last_folder_used(window: MainWindow, tmp_path: Path, isolated_home: Path) -> None:
    assert last_folder(window.settings) == str(Path.home())
    (tmp_path / "notes").mkdir()
    remember_folder(window.settings, tmp_path / "notes" / "a.pdf")
    assert last_folder(window.settings) == str(tmp_path / "notes")


def test_highlights_are_drawn_on_the_pdf_page_view(qtbot: QtBot, window: MainWindow) -> None:
    document_id = window.archive.import_paths([PDF_4_PAGES]).imported[0].id
    content = window.archive.content(document_id)
    second = content.pages[1]
    start = second.start + content.text[second.start:].index("information")
    window.archive.annotations.add_highlight(document_id, start=start, end=start + len("information"), color="green")
    window.open_document(document_id)
    reader = window.reading.left
    qtbot.waitUntil(lambda: bool(reader.overlay("highlights")), timeout=5_000)
    reader.set_page_view(True)
    view = reader.pdf_pane.view
    qtbot.waitUntil(lambda: bool(view.shapes()), timeout=5_000)
    assert list(view.shapes()) == [1]  # page 2, as a zero-based index
    view.verticalScrollBar().setValue(int(view.page_rects()[1].top() + view.verticalScrollBar().value()))
    qtbot.wait(300)  # QtPdf renders the page on its thread
    image = view.viewport().grab().toImage()
    tinted = [(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height() // 3, 2)
              if (pixel := image.pixelColor(x, y)).green() > pixel.red() + 20 and pixel.green() > 150]
    assert tinted  # the green highlight shows on the page (white paper and black ink are not green)


def test_every_result_row_shows_its_passage(qtbot: QtBot, window: MainWindow) -> None:
    search_and_wait(qtbot, window, "coalition")
    model = window.results_model
    assert model.headerData(PASSAGE, Qt.Orientation.Horizontal) == "Passage"
    for row in range(model.rowCount()):
        passage = model.index(row, PASSAGE).data()
        assert "coalition" in passage.lower(), passage


def test_import_log_and_backup_from_the_file_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    menu = window.menus["file"].actions()
    ui = window.archive_menu
    assert ui.import_log in menu and ui.backup in menu and ui.open_archive in menu
    dialog = ui.show_import_log()
    qtbot.waitUntil(lambda: len(dialog.rows()) == 2, timeout=10_000)
    assert {status for _path, status in dialog.rows()} == {"ok"}
    dialog.close()
    destination = tmp_path / "backup.zip"
    ui.back_up(destination)
    qtbot.waitUntil(lambda: "Backed up" in window.statusBar().currentMessage(), timeout=20_000)
    assert destination.stat().st_size > 1000


def test_details_edit_item_type_publisher_and_language_and_undo_puts_them_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    document_id = window.documents_model.document_id(0)
    window.open_document(document_id)
    panel = window.metadata_panel
    panel.show_record(window.archive.get(document_id))
    panel.item_type.setCurrentIndex(panel.item_type.findData("report"))
    panel.fields["publisher"].setText("United Nations")
    panel.fields["language"].setText("fr")
    panel.save_button.click()
    qtbot.waitUntil(lambda: window.archive.get(document_id).publisher == "United Nations", timeout=5_000)
    record = window.archive.get(document_id)
    assert (record.csl_type, record.language) == ("report", "fr")
    window.undo.undo_action.trigger()
    qtbot.waitUntil(lambda: window.archive.get(document_id).publisher is None, timeout=5_000)
    assert window.archive.get(document_id).language == "en"


def _note_text(note: NoteRecord | None) -> str:
    return note.text if note is not None else ""


def test_the_document_note_editor_saves_and_undo_restores(qtbot: QtBot, window: MainWindow) -> None:
    document_id = window.documents_model.document_id(0)
    window.open_document(document_id)
    tools = window.document_tools
    tools.note.toggle.trigger()
    assert tools.note.toggle in window.menus["document"].actions() and tools.note.edit.isEnabled()
    qtbot.keyClicks(tools.note.edit, "Check the casualty figures")
    notes = window.archive.annotations
    qtbot.waitUntil(lambda: _note_text(notes.document_note(document_id)) == "Check the casualty figures",
                    timeout=5_000)
    window.undo.undo_action.trigger()
    qtbot.waitUntil(lambda: notes.document_note(document_id) is None, timeout=5_000)
    qtbot.waitUntil(lambda: tools.note.edit.toPlainText() == "", timeout=5_000)


def test_page_n_of_m_and_go_to_page(qtbot: QtBot, window: MainWindow) -> None:
    document_id = window.archive.import_paths([PDF_4_PAGES]).imported[0].id
    window.open_document(document_id)
    tools = window.document_tools
    qtbot.waitUntil(lambda: tools.page_label.text() == "Page 1 of 4", timeout=5_000)
    tools.show_page(3)
    assert tools.page_of(window.reading.left) == (3, 4) and tools.page_label.text() == "Page 3 of 4"
    assert tools.go_to_page.shortcut().toString() == "Ctrl+G"


def test_re_extract_reports_what_became_of_the_highlights(qtbot: QtBot, window: MainWindow) -> None:
    document_id = window.documents_model.document_id(0)
    window.archive.annotations.add_highlight(document_id, quote="coalition")
    window.open_document(document_id)
    tools = window.document_tools
    assert tools.re_extract in window.menus["document"].actions()
    tools.run_re_extract(document_id)
    qtbot.waitUntil(lambda: tools.last_report is not None, timeout=20_000)
    assert not tools.last_report.orphaned
    assert "Re-extracted" in window.statusBar().currentMessage()


def test_opening_documents_all_day_keeps_one_text_document_per_reader(qtbot: QtBot, window: MainWindow) -> None:
    first, second = window.documents_model.ids()[:2]
    for _ in range(20):
        window.open_document(first)
        window.open_document(second)
    qtbot.wait(50)  # deleteLater runs in the event loop
    documents = window.reading.left.text_view.findChildren(QTextDocument)
    assert len(documents) <= 2, len(documents)


LOCKED_PDF = GUI_DATA.parent / "extract" / "pdf" / "libreoffice-writer-password.pdf"  # password: openpassword


def test_a_locked_pdf_is_imported_again_with_the_password_typed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    locked = tmp_path / "locked.pdf"
    shutil.copy(LOCKED_PDF, locked)
    options = window.reading_options
    options.set_ocr_languages("eng")
    assert options.options().ocr_languages == "eng"
    window.reading_options.offer_password = lambda result: refused.append(result)  # type: ignore[method-assign]
    refused: list = []
    with qtbot.waitSignal(window.importer.finished, timeout=60_000):
        window.import_paths([locked])
    qtbot.waitUntil(lambda: bool(refused), timeout=5_000)  # the window offers the password prompt
    assert options.locked_paths(refused[0]) == [locked]
    with qtbot.waitSignal(window.importer.finished, timeout=60_000) as finished:
        assert options.import_with_password([locked], "openpassword")
    assert [item.path for item in finished.args[0].imported] == [str(locked)]


def test_ocr_again_is_in_the_document_menu(window: MainWindow) -> None:
    assert window.reading_options.ocr_again in window.menus["document"].actions()
    assert window.reading_options.ocr_languages_action in window.menus["file"].actions()


def test_the_export_dialog_offers_to_include_notes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = ExportDialog(2, str(tmp_path), window)
    qtbot.addWidget(dialog)
    assert not dialog.include_notes.isChecked() and dialog.include_notes.text().startswith("Include my notes")
    dialog.selectFile(str(tmp_path / "refs"))
    dialog.selectNameFilter("CSL-JSON (*.json)")
    assert dialog.chosen_path() == tmp_path / "refs.json"
