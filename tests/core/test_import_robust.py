"""Import survives odd files: limits on size, time, memory and ZIP bombs; encrypted PDFs; zip-slip names."""

from __future__ import annotations

import shutil
import uuid
import zipfile
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract.limits import Limits
from archivist.core.extract.pdfium_text import LOCKED
from archivist.core.ingest.workers import needs_workers
from tests.conftest import DATA, GUTERRES_SEED, MANBIJ_SEED
from tests.core.made_pdf import slow_pdf

ROBUST = DATA / "robust"
EMPTY_PASSWORD_PDF = ROBUST / "r3-empty-password.pdf"  # pypdf resources: encrypted, empty user password
USER_PASSWORD_PDF = ROBUST / "r4-user-password.pdf"  # pypdf resources: needs its user password
DOCX = ROBUST / "single-paragraph.docx"  # mammoth test suite


def errors_by_name(result: object) -> dict[str, str]:
    return {Path(item.path).name: item.error for item in result.errors}  # type: ignore[attr-defined]


def with_extra_entries(source: Path, target: Path, entries: dict[str, bytes]) -> Path:
    """A copy of a real ZIP container (DOCX, EPUB) with extra members added."""
    shutil.copyfile(source, target)
    with zipfile.ZipFile(target, "a", compression=zipfile.ZIP_DEFLATED) as container:
        for name, data in entries.items():
            container.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return target


def test_a_file_over_the_size_limit_is_skipped_with_a_clear_message(empty_archive: Archive) -> None:
    empty_archive.import_limits = Limits(max_bytes=1000)
    result = empty_archive.import_paths([MANBIJ_SEED])
    assert not result.imported
    assert "over the 1000 bytes limit; skipped" in result.errors[0].error


def test_a_file_that_takes_too_long_is_stopped_and_the_rest_imported(empty_archive: Archive, tmp_path: Path) -> None:
    slow = slow_pdf(tmp_path / "slow.pdf")
    empty_archive.import_limits = Limits(seconds=0.5)
    result = empty_archive.import_paths([slow, EMPTY_PASSWORD_PDF, DOCX, MANBIJ_SEED, GUTERRES_SEED])
    assert errors_by_name(result) == {slow.name: "took longer than 0.5 s to read; skipped"}
    assert [Path(item.path).name for item in result.imported] == [
        EMPTY_PASSWORD_PDF.name, DOCX.name, MANBIJ_SEED.name, GUTERRES_SEED.name]  # file order kept
    assert empty_archive.check().ok


def test_a_worker_over_its_memory_limit_costs_only_that_file(empty_archive: Archive, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(("word " * 20 + "\n") * 600_000)  # 60 MB of text: decoding it needs several copies
    empty_archive.import_limits = Limits(memory_bytes=200 << 20)
    result = empty_archive.import_paths([big, EMPTY_PASSWORD_PDF, MANBIJ_SEED, GUTERRES_SEED])
    assert "more memory than Archivist allows" in errors_by_name(result)["big.txt"]
    assert len(result.imported) == 3


def test_encrypted_pdfs_open_with_an_empty_password_and_name_the_others(empty_archive: Archive) -> None:
    result = empty_archive.import_paths([EMPTY_PASSWORD_PDF, USER_PASSWORD_PDF])
    assert [Path(item.path).name for item in result.imported] == [EMPTY_PASSWORD_PDF.name]
    assert errors_by_name(result) == {USER_PASSWORD_PDF.name: LOCKED}


def test_a_zip_bomb_docx_is_refused_before_it_is_unpacked(empty_archive: Archive, tmp_path: Path) -> None:
    bomb = with_extra_entries(DOCX, tmp_path / "bomb.docx", {"word/media/zeros.bin": bytes(60 << 20)})
    assert bomb.stat().st_size < 1 << 20
    result = empty_archive.import_paths([bomb])
    error = errors_by_name(result)["bomb.docx"]
    assert "ZIP bomb" in error and len(error) < 200


def test_a_zip_bomb_over_the_total_is_refused(empty_archive: Archive, tmp_path: Path) -> None:
    empty_archive.import_limits = Limits(zip_max_unpacked=1 << 20)
    bomb = with_extra_entries(DOCX, tmp_path / "big.docx", {f"word/media/{n}.bin": bytes(400_000) for n in range(3)})
    assert "likely ZIP bomb" in errors_by_name(empty_archive.import_paths([bomb]))["big.docx"]


@pytest.mark.parametrize("name", ["../../../../../tmp/{marker}.txt", "/tmp/{marker}.txt", "..\\..\\{marker}.txt"])
def test_zip_slip_names_in_a_docx_write_nothing(empty_archive: Archive, tmp_path: Path, name: str) -> None:
    marker = f"archivist-zip-slip-{uuid.uuid4().hex}"
    evil = with_extra_entries(DOCX, tmp_path / "evil.docx", {name.format(marker=marker): b"owned"})
    result = empty_archive.import_paths([evil])
    assert len(result.imported) == 1 or len(result.errors[0].error) < 200
    assert not list(Path("/tmp").glob(f"{marker}*")) and not list(tmp_path.parent.rglob(f"{marker}*"))
    assert empty_archive.check().ok


def test_few_plain_text_files_are_read_in_process_and_anything_else_in_workers() -> None:
    assert not needs_workers([MANBIJ_SEED, GUTERRES_SEED])
    assert needs_workers([MANBIJ_SEED, DOCX])
    assert needs_workers([MANBIJ_SEED] * 4)


def test_the_same_bytes_twice_in_one_import_are_one_document(empty_archive: Archive, tmp_path: Path) -> None:
    copies = [shutil.copyfile(EMPTY_PASSWORD_PDF, tmp_path / f"copy{n}.pdf") for n in range(3)]
    result = empty_archive.import_paths([*copies, DOCX, USER_PASSWORD_PDF, USER_PASSWORD_PDF])
    assert len(result.imported) == 2 and len(result.duplicates) == 2 and len(result.errors) == 2
    assert {item.id for item in result.duplicates} == {result.imported[0].id}
