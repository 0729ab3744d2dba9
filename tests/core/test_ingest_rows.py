"""The catalogue rows the importer writes for a file, and the transient documents made from them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from archivist.core.citations.source import source_of
from archivist.core.extract.limits import Limits
from archivist.core.ingest.rows import document_values, transient_documents
from archivist.core.ingest.workers import read_file
from archivist.core.store import Store, sha256_of
from tests.conftest import MANBIJ_SEED


def test_a_transient_document_reads_back_the_row_it_was_made_from() -> None:
    extracted = read_file(MANBIJ_SEED, Limits())
    values = document_values(MANBIJ_SEED, sha256_of(MANBIJ_SEED), extracted, MANBIJ_SEED.stat().st_size)
    assert values["language"] == "en" and values["size"] == MANBIJ_SEED.stat().st_size
    [document] = transient_documents([41], [values])
    assert inspect(document).transient  # never in a session: nothing is flushed from it
    assert document.id == 41 and document.title == values["title"] and document.sha256 == values["sha256"]
    source = source_of(document)
    assert (source.id, source.title, source.url, source.language) == (41, values["title"], values["url"], "en")


def test_the_size_catalogued_is_that_of_the_copy_stored(tmp_path: Path) -> None:
    staged = Store(tmp_path / "files").stage(MANBIJ_SEED)
    assert staged.size == MANBIJ_SEED.stat().st_size == staged.path.stat().st_size
