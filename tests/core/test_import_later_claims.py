"""The claims of an import's last files, found once they are catalogued while the index commits them
(ingest/later_claims.py, issue 18): every claim is stored when the import returns, and a document an import
left without its claims is found again."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import delete, func, select

from archivist.core.archive import Archive
from archivist.core.catalogue.models import Claim
from archivist.core.claims.storage import mark_pending, pending_documents
from archivist.core.extract.limits import Limits
from archivist.core.ingest.importer import TAIL_FILES, _claims_from
from archivist.core.ingest.workers import CLAIMS_LATER_MAX, read_outcome
from tests.conftest import GUTERRES_SEED, MANBIJ_SEED

MORE = [
    "Officials said 1,200 people were evacuated after the flood, and at least 14 were killed.",
    "The company cut 3,500 jobs, its chief executive said on Tuesday, after a loss of $45 million.",
    "According to the ministry, about 600 schools remain closed.",
]


def _folder(tmp_path: Path) -> Path:
    """Five text files: more than the importer reads in its own process, so workers and the index child run."""
    folder = tmp_path / "files"
    folder.mkdir()
    for seed in (MANBIJ_SEED, GUTERRES_SEED):
        shutil.copy(seed, folder / seed.name)
    for number, text in enumerate(MORE):
        (folder / f"story-{number}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def _claims(archive: Archive) -> list[tuple[int, str, int, str | None, str]]:
    return sorted((c.document_id, c.value, c.start, c.source, c.what) for c in archive.claims.for_documents())


def _pending(archive: Archive) -> list[int]:
    with archive.sessions() as session:
        return pending_documents(session)


def test_the_last_files_of_a_large_import_have_their_claims_found_later() -> None:
    assert _claims_from(38_000) == 38_000 - TAIL_FILES  # the files of the index's last commit
    assert _claims_from(3 * TAIL_FILES) == 2 * TAIL_FILES
    assert _claims_from(2 * TAIL_FILES) == 0  # one commit holds every file


def test_an_import_returns_with_every_claim_stored(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive") as archive:
        result = archive.import_paths([_folder(tmp_path)])
        assert len(result.imported) == 5
        found = _claims(archive)
        assert _pending(archive) == []
        assert len(found) >= 20 and {value for _id, value, *_rest in found} >= {"624", "1,200", "3,500", "600"}
        archive.claims.rebuild()
        assert _claims(archive) == found  # the claims the document's stored text gives


def test_a_document_left_waiting_by_a_stopped_import_gets_its_claims_at_the_next(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive") as archive:
        archive.import_paths([_folder(tmp_path)])
        found = _claims(archive)
        waiting = sorted({document_id for document_id, *_rest in found})[:2]
        with archive.lock.hold(), archive.sessions.begin() as session:  # as an import that stopped leaves them
            session.execute(delete(Claim).where(Claim.document_id.in_(waiting)))
            mark_pending(session, waiting)
        assert _pending(archive) == waiting
        extra = tmp_path / "later.txt"
        extra.write_text("Rescuers said 85 people were missing.\n", encoding="utf-8")
        archive.import_paths([extra])
        assert _pending(archive) == []
        assert set(found) <= set(_claims(archive))


def test_rebuilding_a_documents_claims_ends_its_wait(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive") as archive:
        archive.import_paths([_folder(tmp_path)])
        document_id = _claims(archive)[0][0]
        with archive.lock.hold(), archive.sessions.begin() as session:
            mark_pending(session, [document_id])
        archive.claims.rebuild([document_id])
        assert _pending(archive) == []


def test_a_deleted_document_stops_waiting(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "archive") as archive:
        archive.import_paths([_folder(tmp_path)])
        document_id = _claims(archive)[0][0]
        with archive.lock.hold(), archive.sessions.begin() as session:
            mark_pending(session, [document_id])
        archive.delete(document_id)
        assert _pending(archive) == []
        with archive.sessions() as session:
            assert session.scalar(select(func.count()).select_from(Claim).where(Claim.document_id == document_id)) == 0


def test_a_worker_leaves_only_a_short_texts_claims_for_later(tmp_path: Path) -> None:
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text(MORE[0] + "\n", encoding="utf-8")
    long.write_text((MORE[0] + "\n") * (CLAIMS_LATER_MAX // len(MORE[0]) + 1), encoding="utf-8")
    assert read_outcome(short, Limits(), claims_now=False).claims is None
    assert read_outcome(short, Limits()).claims
    assert read_outcome(long, Limits(), claims_now=False).claims  # found at once: see CLAIMS_LATER_MAX
