"""Claims in the window on the sample archive: the panel marks a claim in the reader, the ledger shows sources
side by side with the casualty figures in conflict, copies a citation, exports; claims aligned side by side."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from archivist.gui.claims.formatting import CLAIM_LAYER
from archivist.gui.main_window import MainWindow

GUTERRES = 2


def test_panel_lists_the_open_documents_claims_and_marks_one(qtbot: QtBot, window: MainWindow) -> None:
    ui = window.claims_ui
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    toggle = next(a for a in view.actions() if a.text() == "Claims")
    toggle.trigger()
    assert ui.dock.isVisible()
    window.open_document(GUTERRES)
    panel = ui.panel
    assert panel.tree.topLevelItemCount() == len(window.archive.claims.for_documents([GUTERRES]))
    assert "3 conflict(s)" in panel.summary.text()
    item = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                if panel.tree.topLevelItem(i).text(0) == "at least 4,734")
    assert item.text(2) == "Airwars" and item.toolTip(0).startswith("conflict with claim #")
    panel.tree.setCurrentItem(item)
    reader = window.active_reader()
    start, end = reader.selected_range() or (0, 0)
    assert reader.content.text[start:end] == "4,734"
    [(s_start, s_end, _color)] = reader.overlay(CLAIM_LAYER)
    assert reader.content.text[s_start:s_end].startswith("Airwars, a UK-based non-profit monitoring group")


def test_panel_copies_a_claim_as_a_citation(qtbot: QtBot, window: MainWindow) -> None:
    window.open_document(GUTERRES)
    panel = window.claims_ui.panel
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    panel.copy_current()
    copied = QApplication.clipboard().text()
    assert copied.startswith("\"On Friday, a report released by the US-led coalition said")
    assert copied.endswith("para. 9)")  # the article has no pages: its paragraph


def test_ledger_shows_sources_side_by_side_with_conflicts(qtbot: QtBot, window: MainWindow,
                                                         tmp_path: Path) -> None:
    ledger = window.claims_ui.open_ledger()
    qtbot.addWidget(ledger)
    assert ledger.model.row_at(0).key == "civilian killed"
    sheet = ledger.sheet
    headers = [sheet.horizontalHeaderItem(column).text() for column in range(sheet.columnCount())]
    assert {"the US-led coalition", "Airwars", "Syrian Observatory for Human Rights"} <= set(headers)
    conflicted = {headers[column] for row, column in sheet.conflicted_cells() if row == 0}
    assert conflicted == {"the US-led coalition", "Airwars", "Syrian Observatory for Human Rights"}
    killed_row = [sheet.item(0, column).text() if sheet.item(0, column) else "" for column in range(len(headers))]
    assert "at least 4,734" in killed_row
    assert ledger.export_to(tmp_path / "ledger.csv") == len(ledger.claims)
    rows = list(csv.DictReader((tmp_path / "ledger.csv").open(encoding="utf-8")))
    assert any(row["value"] == "624" and row["conflicts_with"] for row in rows)
    assert ledger.export_to(tmp_path / "ledger.md") > 0
    assert "# Claims ledger" in (tmp_path / "ledger.md").read_text(encoding="utf-8")
    ledger.close()


def test_ledger_export_error_is_shown_not_raised(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ledger = window.claims_ui.open_ledger()
    qtbot.addWidget(ledger)
    assert ledger.export_to(tmp_path / "no-folder" / "ledger.csv") == 0
    assert "cannot write the file" in ledger.status.text()
    assert ledger.export_to(tmp_path / "ledger.pdf") == 0
    assert "export the ledger as .csv or .md" in ledger.status.text()
    ledger.close()


def test_ledger_filter_and_collection(qtbot: QtBot, window: MainWindow) -> None:
    archive = window.archive
    collection = archive.create_collection("Totals")
    archive.add_to_collection(collection, [GUTERRES])
    ledger = window.claims_ui.open_ledger()
    qtbot.addWidget(ledger)
    ledger.filter.setText("killed")
    assert all("killed" in ledger.model.row_at(row).key for row in range(ledger.model.rowCount()))
    ledger.filter.setText("no such quantity")
    assert ledger.model.rowCount() == 0 and ledger.sheet.rowCount() == 0
    ledger.filter.clear()
    ledger.several.setChecked(False)
    ledger.scope.setCurrentIndex(ledger.scope.findData(collection))
    assert {ledger.model.row_at(row).documents for row in range(ledger.model.rowCount())} == {1}
    ledger.close()


def test_double_clicked_claim_opens_in_the_reader(qtbot: QtBot, window: MainWindow) -> None:
    ledger = window.claims_ui.open_ledger()
    qtbot.addWidget(ledger)
    claim = next(claim for claim in ledger.claims if claim.value == "45")
    ledger.claim_opened.emit(claim)
    reader = window.active_reader()
    assert reader.document_id == claim.document_id
    start, end = reader.selected_range() or (0, 0)
    assert reader.content.text[start:end] == "45"
    ledger.close()


def test_claims_aligned_when_two_documents_are_side_by_side(qtbot: QtBot, window: MainWindow) -> None:
    aligned = window.claims_ui.aligned
    window.compare(1, GUTERRES)
    whats = [aligned.topLevelItem(i).text(0) for i in range(aligned.topLevelItemCount())]
    assert "civilians killed" in whats
    row = aligned.topLevelItem(whats.index("civilians killed"))
    assert "at least 45 (Syria's official SANA news agency)" in row.text(1) and "Airwars" in row.text(2)
    aligned.setCurrentItem(row)
    left, right = window.reading.left, window.reading.right
    assert left.overlay(CLAIM_LAYER) and right.overlay(CLAIM_LAYER)
    window.reading.close_comparison()
