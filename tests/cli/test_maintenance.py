"""``archivist check [--repair] [--json]`` and ``archivist log [--run N] [--errors] [--json]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main
from archivist.core.archive import Archive
from archivist.core.extract.pdfium_text import LOCKED
from tests.conftest import DATA


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_says_consistent_and_exits_0(seeded_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--archive", str(seeded_root), "check")
    assert (code, err) == (0, "") and "2 document(s)" in out and "consistent" in out


def test_check_finds_repairs_and_reports_json(seeded_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (seeded_root / "files" / "tmp").mkdir(parents=True, exist_ok=True)
    (seeded_root / "files" / "tmp" / "incoming-left").write_bytes(b"x")
    code, out, err = run(capsys, "--archive", str(seeded_root), "check", "--json")
    assert code == 1 and json.loads(out)["ok"] is False
    assert err.startswith("archivist: temporary-file: ") and err.count("\n") == 1
    code, out, err = run(capsys, "--archive", str(seeded_root), "check", "--repair", "--json")
    report = json.loads(out)
    assert (code, err, report["ok"], report["problems"][0]["fixed"]) == (0, "", True, True)
    assert run(capsys, "--archive", str(seeded_root), "check")[0] == 0


def test_check_lists_what_cannot_be_repaired(empty_archive: Archive, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "gone.docx"
    source.write_bytes((DATA / "robust" / "single-paragraph.docx").read_bytes())
    doc_id = empty_archive.import_paths([source]).imported[0].id
    empty_archive.original_path(doc_id).unlink()
    source.unlink()
    code, _out, err = run(capsys, "--archive", str(empty_archive.root), "check", "--repair")
    assert code == 1 and "archivist: missing-original: document" in err and "backup" in err


def test_log_lists_runs_and_their_errors(empty_archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    robust = DATA / "robust"
    empty_archive.import_paths([robust / "r3-empty-password.pdf", robust / "r4-user-password.pdf"])
    empty_archive.import_paths([robust / "r3-empty-password.pdf"])
    root = str(empty_archive.root)
    code, out, _err = run(capsys, "--archive", root, "log")
    assert code == 0 and "imported 1, duplicates 0, errors 1" in out and "imported 0, duplicates 1" in out
    code, out, _err = run(capsys, "--archive", root, "log", "--run", "1", "--errors", "--json")
    data = json.loads(out)
    assert [run["state"] for run in data["runs"]] == ["finished", "finished"]
    assert data["run_id"] == 1
    assert [(Path(e["path"]).name, e["message"]) for e in data["entries"]] == [
        ("r4-user-password.pdf", LOCKED)]
    assert run(capsys, "--archive", root, "log", "--run", "9")[0] == 1
