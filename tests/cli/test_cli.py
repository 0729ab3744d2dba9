"""The `archivist` command as DESIGN.md specifies it: JSON shapes, exit statuses, one-line errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.cli import main
from tests.conftest import SEEDS


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_import_then_duplicates_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archive = str(tmp_path / "D")
    status, out, _ = run_cli(capsys, "--archive", archive, "import", str(SEEDS), "--json")
    data = json.loads(out)
    assert status == 0 and len(data["imported"]) == 2
    assert set(data["imported"][0]) >= {"id", "path", "title"}
    status, out, _ = run_cli(capsys, "--archive", archive, "import", str(SEEDS), "--json")
    data = json.loads(out)
    assert status == 0 and data["imported"] == [] and len(data["duplicates"]) == 2


def test_search_list_show_json(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    archive = str(seeded_root)
    _, out, _ = run_cli(capsys, "--archive", archive, "search", "Guterres", "--json")
    data = json.loads(out)
    assert data["query"] == "Guterres" and data["total"] == 1 and data["took_ms"] >= 0
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "score", "snippets"}
    assert "Guterres" in hit["snippets"][0]["text"] and hit["snippets"][0]["page"] == "1"
    _, out, _ = run_cli(capsys, "--archive", archive, "list", "--json")
    documents = json.loads(out)["documents"]
    assert len(documents) == 2 and set(documents[0]) == {"id", "title", "authors", "date", "format", "text_state"}
    _, out, _ = run_cli(capsys, "--archive", archive, "show", str(hit["id"]), "--json")
    shown = json.loads(out)
    assert "Guterres" in shown["text"] and shown["pages"] == [{"start": 0, "label": "1"}]


def test_search_limit(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    _, out, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "Syria", "--limit", "1", "--json")
    data = json.loads(out)
    assert data["total"] == 2 and len(data["hits"]) == 1


def test_mixed_folder_exit_1_with_named_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "note.md").write_text("# Notes\n\nA good note about Ghandour.\n")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(os.urandom(2048))
    status, out, err = run_cli(capsys, "--archive", str(tmp_path / "D"), "import", str(folder), "--json")
    data = json.loads(out)
    assert status == 1
    assert [Path(item["path"]).name for item in data["imported"]] == ["note.md"]
    assert sorted(Path(item["path"]).name for item in data["errors"]) == ["broken.pdf", "empty.txt", "noise.txt"]
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("archivist: ") for line in lines)
    assert "Traceback" not in err


def test_missing_archive_and_unknown_document(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              seeded_root: Path) -> None:
    status, _, err = run_cli(capsys, "--archive", str(tmp_path / "none"), "list")
    assert status == 1 and "no archive at" in err
    status, _, err = run_cli(capsys, "--archive", str(seeded_root), "show", "999")
    assert status == 1 and err.strip() == "archivist: no document with id 999"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["search"])
    assert raised.value.code == 2


def test_reindex_after_deleting_index(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    _, before, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "without any authorization", "--json")
    shutil.rmtree(seeded_root / "index")
    status, out, _ = run_cli(capsys, "--archive", str(seeded_root), "reindex")
    assert status == 0 and "2" in out
    _, after, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "without any authorization", "--json")
    strip = lambda text: {k: v for k, v in json.loads(text).items() if k != "took_ms"}  # noqa: E731
    assert strip(after) == strip(before)


def test_installed_entry_point_runs(tmp_path: Path) -> None:
    """The real `archivist` script, as a user runs it, with ARCHIVIST_HOME choosing the archive."""
    exe = Path(sys.executable).with_name("archivist")
    env = {**os.environ, "ARCHIVIST_HOME": str(tmp_path / "home-archive")}
    result = subprocess.run([str(exe), "import", str(SEEDS)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([str(exe), "search", "Manbij"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0 and "[Manbij]" in result.stdout
