"""`archivist compare` and `archivist reuse`: the JSON shapes of DESIGN.md and the human output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_compare_json_pairs_the_reworded_sentence(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run_cli(capsys, "--archive", str(seeded_root), "compare", "1", "2", "--json")
    data = json.loads(out)
    assert status == 0 and data["passages"]
    passage = next(p for p in data["passages"] if "since September 2014" in p["a"]["text"])
    assert set(passage) == {"a", "b", "similarity"} and set(passage["a"]) == {"start", "end", "text"}
    assert "since September 2014" in passage["b"]["text"] and 0 < passage["similarity"] <= 1


def test_compare_human_output_marks_the_changed_words(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run_cli(capsys, "--archive", str(seeded_root), "compare", "1", "2")
    assert status == 0 and "similarity" in out
    assert "[bombarding]" in out or "[conducting" in out
    assert "since September 2014 without any authorization from" in out  # shared words stay unmarked


def test_reuse_json(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run_cli(capsys, "--archive", str(seeded_root), "reuse", "2", "--json")
    data = json.loads(out)
    assert status == 0 and data["document"] == 2
    [source] = data["sources"]
    assert source["id"] == 1 and source["shared_chars"] > 150 and source["title"]
    assert source["passages"][0]["b"]["text"]


def test_compare_unknown_document_is_one_line(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, err = run_cli(capsys, "--archive", str(seeded_root), "compare", "1", "99")
    assert status == 1 and out == "" and err.strip() == "archivist: no document with id 99"
    status, _, err = run_cli(capsys, "--archive", str(seeded_root), "compare", "1", "1")
    assert status == 1 and err.startswith("archivist: compare needs two different documents")
