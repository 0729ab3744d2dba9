"""The document list and result models: valid Qt models that read only the rows a view asks for."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from archivist.core.archive import Archive
from archivist.gui.models.documents import DOCUMENT_ID_ROLE, DocumentTableModel, decode_ids
from archivist.gui.models.results import SNIPPETS_ROLE, ResultsModel


def test_document_model_passes_the_model_tester(qtmodeltester: ModelTester, seeded_archive: Archive) -> None:
    model = DocumentTableModel(seeded_archive)
    model.set_ids(seeded_archive.document_ids())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    titles = {model.index(row, 0).data() for row in range(2)}
    assert {summary.title for summary in seeded_archive.list_documents()} == titles


def test_results_model_passes_the_model_tester(qtmodeltester: ModelTester, seeded_archive: Archive) -> None:
    model = ResultsModel(seeded_archive)
    model.set_results(seeded_archive.search("coalition civilians"))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    snippets = model.index(0, 0).data(SNIPPETS_ROLE)
    assert snippets and snippets[0].marks
    assert model.index(0, 5).data() == "p. 1"


def test_rows_load_lazily_in_batches(qtbot: QtBot, seeded_archive: Archive) -> None:
    """100,000 ids cost nothing until a row is shown; then only its batch is read."""
    real = seeded_archive.document_ids()
    model = DocumentTableModel(seeded_archive)
    ids = [real[i % 2] for i in range(100_000)]
    model.set_ids(ids)
    assert model.rowCount() == 100_000 and len(model._cache) == 0
    assert model.index(50_000, 0).data(DOCUMENT_ID_ROLE) == ids[50_000]
    assert model.index(50_000, 0).data() in {s.title for s in seeded_archive.list_documents()}
    assert len(model._cache) <= DocumentTableModel.BATCH


def test_rows_drag_as_document_ids(seeded_archive: Archive) -> None:
    model = DocumentTableModel(seeded_archive)
    model.set_ids(seeded_archive.document_ids())
    mime = model.mimeData([model.index(1, 0), model.index(0, 2)])
    assert decode_ids(mime) == seeded_archive.document_ids()
