"""``check`` finds every way catalogue, store and index can disagree, and ``repair`` fixes what it can."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from archivist.core.archive import Archive
from tests.conftest import MANBIJ_SEED


def kinds(report: object) -> list[str]:
    return sorted(problem.kind for problem in report.problems)  # type: ignore[attr-defined]


def test_a_fresh_archive_is_consistent(seeded_archive: Archive) -> None:
    report = seeded_archive.check()
    assert report.ok and not report.problems
    assert (report.documents, report.files, report.index_entries) == (2, 2, 2)


def test_a_missing_original_is_restored_from_its_source(seeded_archive: Archive) -> None:
    record = seeded_archive.get(seeded_archive.document_ids()[0])
    seeded_archive.store.path_for(record.sha256).unlink()
    assert kinds(seeded_archive.check()) == ["missing-original"] and not seeded_archive.check().ok
    assert seeded_archive.check(repair=True).ok
    assert seeded_archive.check().problems == []


def test_a_corrupt_original_is_restored_and_one_without_source_is_listed(empty_archive: Archive,
                                                                           tmp_path: Path) -> None:
    source = shutil.copyfile(MANBIJ_SEED, tmp_path / "article.txt")
    doc_id = empty_archive.import_paths([source]).imported[0].id
    stored = empty_archive.original_path(doc_id)
    stored.chmod(0o644)
    stored.write_bytes(b"bit rot")
    assert kinds(empty_archive.check(repair=True)) == ["corrupt-original"]
    assert empty_archive.check().ok
    stored.unlink()
    source.unlink()
    report = empty_archive.check(repair=True)
    assert not report.ok and "restore it from a backup" in report.unfixed[0].detail


def test_orphans_temporaries_and_leftover_index_folders_are_removed(seeded_archive: Archive) -> None:
    files = seeded_archive.store.root
    (files / "ab").mkdir(exist_ok=True)
    (files / "ab" / ("ab" + "0" * 62)).write_bytes(b"rolled back")
    (files / "tmp").mkdir(exist_ok=True)
    (files / "tmp" / "incoming-x1").write_bytes(b"half a copy")
    (seeded_archive.root / "index.rebuilding").mkdir()
    assert kinds(seeded_archive.check()) == ["orphan-file", "temporary-file", "temporary-file"]
    assert seeded_archive.check(repair=True).ok
    assert seeded_archive.check().problems == []


def test_index_entries_follow_the_catalogue(seeded_archive: Archive) -> None:
    first, second = seeded_archive.document_ids()
    seeded_archive.search_index.delete([first])
    with seeded_archive.sessions.begin() as session:  # a row gone behind the index's back
        session.execute(text("DELETE FROM documents WHERE id = :id"), {"id": second})
    assert kinds(seeded_archive.check()) == ["not-indexed", "orphan-file", "stale-index-entry"]
    assert seeded_archive.check(repair=True).ok
    assert seeded_archive.check().problems == []
    assert seeded_archive.check().index_entries == 1


def test_a_damaged_index_is_rebuilt(seeded_archive: Archive) -> None:
    seeded_archive.search_index.close()
    for segment in seeded_archive.search_index.folder.glob("*.seg"):
        segment.write_bytes(b"garbage")
    for toc in seeded_archive.search_index.folder.glob("*.toc"):
        toc.write_bytes(b"garbage")
    assert kinds(seeded_archive.check()) == ["index-damaged"]
    assert seeded_archive.check(repair=True).ok
    assert seeded_archive.search_index.indexed_ids() == set(seeded_archive.document_ids())
