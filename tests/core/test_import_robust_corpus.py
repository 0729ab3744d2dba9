"""Every real PDF, DOCX and EPUB of the shared corpus is imported or gets a short error, in bounded time."""

from __future__ import annotations

import shutil
import time
import uuid
import zipfile
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract.pdfium_text import LOCKED
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ["pdf/pypdf-sample-files", "pdf/pypdf-resources", "pdf/pdfminer-samples", "docx", "epub"]
EPUB = CORPUS / "epub" / "standardebooks" / "p-g-wodehouse_love-among-the-chickens.epub"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the repository"),
]


def corpus_files() -> list[Path]:
    return sorted(path for folder in FOLDERS for path in (CORPUS / folder).rglob("*")
                  if path.suffix.lower() in {".pdf", ".docx", ".epub"})


@pytest.mark.timeout(240)
def test_every_corpus_file_is_imported_or_gets_a_short_error(empty_archive: Archive) -> None:
    files = corpus_files()
    assert len(files) > 200
    started = time.monotonic()
    result = empty_archive.import_paths(files)
    assert time.monotonic() - started < 180
    outcomes = {item.path for item in result.imported} | {item.path for item in result.duplicates}
    outcomes |= {item.path for item in result.errors}
    assert outcomes == {str(path) for path in files}
    for item in result.errors:
        assert len(item.error) < 200 and "Traceback" not in item.error and "\n" not in item.error, item
    assert len(result.imported) > 140
    # issue 14: scans and files without text are kept (23 of these PDFs have no text layer), never refused
    assert not [item for item in result.errors if "no text" in item.error or "binary" in item.error]
    assert empty_archive.check().ok


def test_encrypted_corpus_pdfs_open_with_an_empty_password_only(empty_archive: Archive) -> None:
    encryption = CORPUS / "pdf" / "pypdf-resources" / "encryption"
    result = empty_archive.import_paths([encryption])
    imported = {Path(item.path).name for item in result.imported}
    assert {"r2-empty-password.pdf", "r3-empty-password.pdf", "r6-empty-password.pdf"} <= imported
    errors = {Path(item.path).name: item.error for item in result.errors}
    assert errors["r4-user-password.pdf"] == LOCKED
    assert errors["r6-both-passwords.pdf"] == LOCKED
    miner = empty_archive.import_paths([CORPUS / "pdf" / "pdfminer-samples" / "encryption" / "aes-256.pdf"])
    assert miner.errors[0].error == LOCKED  # user password "foo"


def test_a_zip_slip_entry_in_a_real_epub_writes_nothing(empty_archive: Archive, tmp_path: Path) -> None:
    marker = f"archivist-zip-slip-{uuid.uuid4().hex}"
    evil = tmp_path / "evil.epub"
    shutil.copyfile(EPUB, evil)
    with zipfile.ZipFile(evil, "a") as container:
        container.writestr(f"../../../../tmp/{marker}.xhtml", b"<html><body>owned</body></html>")
        container.writestr(f"/tmp/{marker}-abs.xhtml", b"<html><body>owned</body></html>")
    result = empty_archive.import_paths([evil])
    assert len(result.imported) == 1, result.errors
    assert not list(Path("/tmp").glob(f"{marker}*")) and not list(tmp_path.rglob(f"{marker}*"))
