"""The archive facade on real files: import, duplicates, search, reindex, bad input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.errors import InvalidInputError, NotFoundError
from tests.conftest import GUTERRES_SEED, MANBIJ_SEED, SEEDS


def _ids_for(archive: Archive, query: str) -> set[int]:
    return {hit.id for hit in archive.search(query).hits}


def _id_of(archive: Archive, seed: Path) -> int:
    return next(doc.id for doc in archive.list_documents() if archive.get(doc.id).original_name == seed.name)


def test_import_seeds_then_duplicates(empty_archive: Archive) -> None:
    first = empty_archive.import_paths([SEEDS])
    assert len(first.imported) == 2 and not first.duplicates and not first.errors
    again = empty_archive.import_paths([SEEDS])
    assert not again.imported and len(again.duplicates) == 2
    assert {item.id for item in again.duplicates} == {item.id for item in first.imported}
    assert empty_archive.count() == 2


def test_store_holds_an_unmodified_copy(empty_archive: Archive, tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    shutil.copy(MANBIJ_SEED, source)
    before = (source.read_bytes(), source.stat().st_mtime_ns)
    item = empty_archive.import_paths([source]).imported[0]
    stored = empty_archive.original_path(item.id)
    assert stored.read_bytes() == before[0]
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before
    assert stored.name == empty_archive.get(item.id).sha256


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Manbij", {MANBIJ_SEED}), ("Guterres", {GUTERRES_SEED}),
     ('"without any authorization"', {MANBIJ_SEED, GUTERRES_SEED})],
)
def test_search_finds_the_right_seed(seeded_archive: Archive, query: str, expected: set[Path]) -> None:
    results = seeded_archive.search(query)
    assert {hit.id for hit in results.hits} == {_id_of(seeded_archive, seed) for seed in expected}
    assert results.total == len(expected)
    for hit in results.hits:
        assert hit.snippets, hit
        marked = [snippet.text[s:e].lower() for snippet in hit.snippets for s, e in snippet.marks]
        assert marked, hit.snippets
        for word in query.strip('"').lower().split():
            assert any(word in snippet.text.lower() for snippet in hit.snippets)
        assert all(snippet.page == "1" for snippet in hit.snippets)


def test_reindex_after_deleting_the_index_gives_the_same_results(seeded_root: Path) -> None:
    queries = ["Manbij", "Guterres", '"without any authorization"', "coalition civilians"]
    with Archive.open(seeded_root) as archive:
        before = {query: [(hit.id, hit.score) for hit in archive.search(query).hits] for query in queries}
    shutil.rmtree(seeded_root / "index")
    with Archive.open(seeded_root) as archive:
        assert archive.reindex() == 2
        after = {query: [(hit.id, hit.score) for hit in archive.search(query).hits] for query in queries}
    assert after == before


def test_bad_files_are_named_errors_and_the_rest_imports(seeded_archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "note.md").write_text("---\ntitle: Field notes\n---\n# Ghandour\n\nInterview notes on the strike.\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntruncated garbage \x00\x01")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.txt").write_bytes(os.urandom(4096))
    result = seeded_archive.import_paths([folder, tmp_path / "does-not-exist.pdf"])
    assert [item.title for item in result.imported] == ["Field notes"]
    errors = {Path(item.path).name: item.error for item in result.errors}
    assert set(errors) == {"broken.pdf", "empty.txt", "random.txt", "does-not-exist.pdf"}
    assert "empty" in errors["empty.txt"]
    assert all("Traceback" not in message and len(message) < 200 for message in errors.values())
    assert seeded_archive.count() == 3
    assert _ids_for(seeded_archive, "Manbij")


def test_failed_import_changes_nothing_already_there(seeded_archive: Archive, tmp_path: Path) -> None:
    before = [(doc, seeded_archive.content(doc.id).text) for doc in seeded_archive.list_documents()]
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff" * 100)
    result = seeded_archive.import_paths([tmp_path / "bad.txt"])
    assert len(result.errors) == 1
    assert [(doc, seeded_archive.content(doc.id).text) for doc in seeded_archive.list_documents()] == before


def test_import_log_records_every_file(seeded_archive: Archive, tmp_path: Path) -> None:
    from sqlalchemy import select

    from archivist.core.catalogue import ImportLogEntry

    (tmp_path / "empty.txt").write_bytes(b"")
    seeded_archive.import_paths([SEEDS, tmp_path / "empty.txt"])
    with seeded_archive.sessions() as session:
        statuses = sorted(session.scalars(select(ImportLogEntry.status)))
    assert statuses == ["duplicate", "duplicate", "error", "ok", "ok"]


def test_edit_metadata_and_tags_reach_the_search(seeded_archive: Archive) -> None:
    doc_id = _id_of(seeded_archive, GUTERRES_SEED)
    record = seeded_archive.update_metadata(doc_id, title="Syria renews call to dissolve coalition",
                                            authors="Press TV; Staff", date="2017-06-04", site="Press TV")
    assert record.authors == ["Press TV", "Staff"] and record.date_precision == "day"
    seeded_archive.set_tags(doc_id, ["Syria", "coalition"])
    assert _ids_for(seeded_archive, "title:dissolve") == {doc_id}
    assert _ids_for(seeded_archive, "tag:syria") == {doc_id}
    assert _ids_for(seeded_archive, "author:press") == {doc_id}
    with pytest.raises(InvalidInputError):
        seeded_archive.update_metadata(doc_id, date="June 2017")


def test_unknown_document_is_a_clear_error(seeded_archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="no document with id 999"):
        seeded_archive.get(999)


def test_delete_removes_document_file_and_index_entry(seeded_archive: Archive) -> None:
    doc_id = _id_of(seeded_archive, MANBIJ_SEED)
    stored = seeded_archive.original_path(doc_id)
    seeded_archive.delete(doc_id)
    assert not stored.exists()
    assert _ids_for(seeded_archive, "Manbij") == set()
    assert seeded_archive.count() == 1


def test_collections(seeded_archive: Archive) -> None:
    collection = seeded_archive.create_collection("Manbij strikes")
    doc_id = _id_of(seeded_archive, MANBIJ_SEED)
    seeded_archive.add_to_collection(collection, [doc_id])
    assert seeded_archive.collections() == [(collection, "Manbij strikes", 1)]
    assert seeded_archive.collection_document_ids(collection) == [doc_id]


def test_index_sees_deletions_and_edits_after_a_search(seeded_archive: Archive) -> None:
    """A searcher opened before a change must not keep serving the old index (Whoosh's refresh did)."""
    manbij, guterres = _id_of(seeded_archive, MANBIJ_SEED), _id_of(seeded_archive, GUTERRES_SEED)
    assert _ids_for(seeded_archive, "Syria") == {manbij, guterres}  # opens the searcher
    seeded_archive.delete(manbij)
    assert seeded_archive.search_index.document_count() == 1
    assert seeded_archive.search_index.indexed_ids() == {guterres}
    assert _ids_for(seeded_archive, "Syria") == {guterres}
    seeded_archive.update_metadata(guterres, title="Letters on Resolution 2253")
    assert seeded_archive.search_index.document_count() == 1
    assert _ids_for(seeded_archive, "title:resolution") == {guterres}
