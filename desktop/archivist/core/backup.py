"""One-file backups of an archive (catalogue and originals) and restoring them into a new archive folder.

A backup is a zip: ``manifest.json``, ``catalogue.sqlite`` (copied with SQLite's online backup API, so it is
consistent even while the app writes) and ``files/ab/abcd…`` (the originals). The index is left out: restoring
rebuilds it. The zip is written to a temporary file beside the destination and renamed, so a crash never
leaves half a backup under the chosen name.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from archivist import __version__
from archivist.core.archive import CATALOGUE, FILES, Archive
from archivist.core.catalogue.models import utcnow
from archivist.core.errors import ArchivistError, InvalidInputError

log = logging.getLogger("archivist.backup")

MANIFEST = "manifest.json"
FORMAT = 1
_STORED = re.compile(r"^files/([0-9a-f]{2})/([0-9a-f]{64})$")
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class BackupReport:
    path: Path
    documents: int
    files: int
    size: int


def write_backup(archive: Archive, destination: Path) -> BackupReport:
    """Write ``destination`` (a zip) holding the archive's catalogue and originals."""
    destination = Path(destination).absolute()
    if archive.team is not None:  # issue 19: there is no catalogue.sqlite to copy (an empty one would be made)
        raise InvalidInputError(f"{archive.root} is a member of the team catalogue {archive.team.url}: back it up "
                                "with pg_dump and a copy of the shared store (docs/team.md)")
    if destination.is_dir():
        raise InvalidInputError(f"{destination} is a folder: give a file name for the backup")
    if not destination.parent.is_dir():
        raise InvalidInputError(f"no folder {destination.parent} to write the backup in")
    fd, tmp_name = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory(prefix="archivist-backup-") as scratch:
            snapshot = Path(scratch) / CATALOGUE
            with archive.lock.hold():  # the snapshot is consistent on its own; the lock keeps files in step
                copy_catalogue(archive.root / CATALOGUE, snapshot)
            hashes = _document_hashes(snapshot)
            _write_zip(Path(tmp_name), archive, snapshot, hashes)
        os.replace(tmp_name, destination)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return BackupReport(destination, len(hashes), len(set(hashes)), destination.stat().st_size)


def copy_catalogue(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database, as one file (no WAL beside it)."""
    reader, writer = sqlite3.connect(source), sqlite3.connect(target)
    try:
        reader.backup(writer)
        writer.execute("PRAGMA journal_mode=DELETE")
    finally:
        reader.close()
        writer.close()


def _document_hashes(catalogue: Path) -> list[str]:
    connection = sqlite3.connect(catalogue)
    try:
        return [row[0] for row in connection.execute("SELECT sha256 FROM documents ORDER BY id")]
    finally:
        connection.close()


def _write_zip(path: Path, archive: Archive, snapshot: Path, hashes: list[str]) -> None:
    manifest = {"format": FORMAT, "app_version": __version__, "created": utcnow().isoformat(timespec="seconds"),
                "documents": len(hashes), "files": sorted(set(hashes))}
    # Originals are mostly compressed already (PDF, DOCX, EPUB); deflating them costs time for little gain.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as bundle:
        bundle.writestr(MANIFEST, json.dumps(manifest, indent=1), compress_type=zipfile.ZIP_DEFLATED)
        bundle.write(snapshot, CATALOGUE, compress_type=zipfile.ZIP_DEFLATED)
        for sha in sorted(set(hashes)):
            stored = archive.store.path_for(sha)
            if not stored.is_file():
                raise ArchivistError(f"the original {sha[:12]}… is missing from {archive.root / FILES}; "
                                     "the archive changed during the backup or is damaged")
            bundle.write(stored, f"{FILES}/{sha[:2]}/{sha}")
        bundle.testzip()


# -- restoring -----------------------------------------------------------------------------------------
def restore_backup(backup: Path, target: Path) -> Archive:
    """Unpack ``backup`` into the new archive folder ``target``, verify every original, rebuild the index.

    Refuses a ``target`` that exists and is not empty, and a backup with entries outside the archive folder.
    The caller closes the returned archive.
    """
    backup, target = Path(backup), Path(target).absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InvalidInputError(f"{target} exists and is not empty: restore into a new folder")
    try:
        bundle = zipfile.ZipFile(backup)
    except (OSError, zipfile.BadZipFile) as error:
        raise InvalidInputError(f"{backup} is not an Archivist backup ({error})") from error
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.restore-"))
    try:
        with bundle:
            _check_entries(backup, bundle)
            _unpack(backup, bundle, staging)
        _verify(backup, staging)
        if target.exists():
            target.rmdir()
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Archive.open(target, create=False)  # no index in the backup: opening rebuilds it


def _check_entries(backup: Path, bundle: zipfile.ZipFile) -> None:
    """Every entry must be the manifest, the catalogue or a stored original: nothing else, nowhere else."""
    names = bundle.namelist()
    for name in names:
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name):
            raise InvalidInputError(f"{backup}: refusing entry {name!r}, which points outside the archive folder")
        if name not in (MANIFEST, CATALOGUE) and not _STORED.match(name) and not name.endswith("/"):
            raise InvalidInputError(f"{backup}: unexpected entry {name!r}; this is not an Archivist backup")
    if CATALOGUE not in names or MANIFEST not in names:
        raise InvalidInputError(f"{backup} is not an Archivist backup (no catalogue or manifest)")
    manifest = json.loads(bundle.read(MANIFEST))
    if manifest.get("format") != FORMAT:
        raise InvalidInputError(f"{backup} was written in backup format {manifest.get('format')}, not {FORMAT}")


def _unpack(backup: Path, bundle: zipfile.ZipFile, staging: Path) -> None:
    """Write each entry where its (checked) name says, hashing originals as they are written."""
    for info in bundle.infolist():
        if info.is_dir() or info.filename == MANIFEST:
            continue
        destination = staging.joinpath(*PurePosixPath(info.filename).parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with bundle.open(info) as reader, destination.open("wb") as writer:
            while chunk := reader.read(_CHUNK):
                digest.update(chunk)
                writer.write(chunk)
        match = _STORED.match(info.filename)
        if match and digest.hexdigest() != match.group(2):
            raise ArchivistError(f"{backup}: the original {match.group(2)[:12]}… is damaged (its sha256 differs)")


def _verify(backup: Path, staging: Path) -> None:
    """Every document in the restored catalogue must have its original."""
    missing = [sha for sha in _document_hashes(staging / CATALOGUE)
               if not (staging / FILES / sha[:2] / sha).is_file()]
    if missing:
        raise ArchivistError(f"{backup}: {len(missing)} original(s) are missing, e.g. {missing[0][:12]}…")
