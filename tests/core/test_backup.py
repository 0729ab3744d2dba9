"""Backups: one zip with catalogue and originals, written atomically; restored only into a new folder."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.backup import restore_backup, write_backup
from archivist.core.errors import ArchivistError, InvalidInputError
from tests.core.test_annotations import QUOTE, manbij_id


def test_backup_and_restore_keep_documents_highlights_and_search(seeded_archive: Archive, tmp_path: Path) -> None:
    made = seeded_archive.annotations.add_highlight(manbij_id(seeded_archive), quote=QUOTE, note="n")
    seeded_archive.annotations.set_document_note(made.document_id, "whole-document note")
    report = write_backup(seeded_archive, tmp_path / "archive-backup.zip")
    assert report.documents == 2 and report.path.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "archive-backup.zip"]  # no temporary left
    with zipfile.ZipFile(report.path) as bundle:
        assert not any(name.startswith("index/") for name in bundle.namelist())
    with restore_backup(report.path, tmp_path / "restored") as restored:
        assert restored.annotations.highlights() == [made]
        assert restored.annotations.document_note(made.document_id).text == "whole-document note"  # type: ignore
        assert restored.search('"brutally killed"').total == 1  # the index was rebuilt
        assert restored.store.all_hashes() == seeded_archive.store.all_hashes()


def test_restore_refuses_a_non_empty_folder(seeded_archive: Archive, tmp_path: Path) -> None:
    backup = write_backup(seeded_archive, tmp_path / "b.zip").path
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "mine.txt").write_text("do not touch")
    with pytest.raises(InvalidInputError, match="not empty"):
        restore_backup(backup, tmp_path / "taken")
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["mine.txt"]
    (tmp_path / "empty").mkdir()
    restore_backup(backup, tmp_path / "empty").close()  # an empty folder is fine


@pytest.mark.parametrize("evil", ["../escaped.txt", "/tmp/absolute.txt", "files/../../escaped.txt"])
def test_restore_refuses_entries_outside_the_folder(seeded_archive: Archive, tmp_path: Path, evil: str) -> None:
    backup = write_backup(seeded_archive, tmp_path / "b.zip").path
    with zipfile.ZipFile(backup, "a") as bundle:
        bundle.writestr(evil, "gotcha")
    with pytest.raises(InvalidInputError, match="outside the archive folder"):
        restore_backup(backup, tmp_path / "out" / "restored")
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "out" / "restored").exists()
    assert list((tmp_path / "out").iterdir()) == []  # the staging folder was removed


def test_restore_verifies_every_original(seeded_archive: Archive, tmp_path: Path) -> None:
    backup = write_backup(seeded_archive, tmp_path / "b.zip").path
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data + b"tampered" if info.filename.startswith("files/") else data)
    with pytest.raises(ArchivistError, match="damaged"):
        restore_backup(damaged, tmp_path / "restored")
    assert not (tmp_path / "restored").exists()


def test_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.zip"
    junk.write_text("not a zip")
    with pytest.raises(InvalidInputError, match="not an Archivist backup"):
        restore_backup(junk, tmp_path / "restored")


def test_backup_to_a_folder_is_refused(seeded_archive: Archive, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="is a folder"):
        write_backup(seeded_archive, tmp_path)
