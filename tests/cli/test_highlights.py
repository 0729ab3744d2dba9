"""The highlight, note, colour, backup and restore commands, run through ``archivist.cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main
from tests.conftest import MANBIJ_SEED

QUOTE = "were brutally killed"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def manbij(capsys: pytest.CaptureFixture[str], root: Path) -> str:
    _, out, _ = run_cli(capsys, "--archive", str(root), "list", "--json")
    for document in json.loads(out)["documents"]:
        _, shown, _ = run_cli(capsys, "--archive", str(root), "show", str(document["id"]), "--json")
        if json.loads(shown)["original_name"] == MANBIJ_SEED.name:
            return str(document["id"])
    raise AssertionError("the Manbij seed is missing")


def test_highlight_then_list_json(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    root, doc = str(seeded_root), manbij(capsys, seeded_root)
    status, out, err = run_cli(capsys, "--archive", root, "highlight", doc, "--quote", QUOTE, "--color", "red",
                               "--note", "45 dead", "--json")
    assert status == 0 and err == ""
    made = json.loads(out)
    status, out, _ = run_cli(capsys, "--archive", root, "highlights", doc, "--json")
    [listed] = json.loads(out)["highlights"]
    assert set(listed) >= {"id", "document_id", "quote", "page", "color", "note", "orphan"}
    assert listed == made
    assert (listed["quote"], listed["page"], listed["color"], listed["note"], listed["orphan"]) == (
        QUOTE, "1", "red", "45 dead", False)
    status, out, _ = run_cli(capsys, "--archive", root, "highlights")
    assert status == 0 and "“were brutally killed”" in out and "45 dead" in out


def test_edit_delete_filters_note_and_colours(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    root, doc = str(seeded_root), manbij(capsys, seeded_root)
    _, out, _ = run_cli(capsys, "--archive", root, "highlight", doc, "--quote", QUOTE, "--json")
    hl = str(json.loads(out)["id"])
    _, out, _ = run_cli(capsys, "--archive", root, "highlight-edit", hl, "--color", "green", "--note", "n", "--json")
    assert (json.loads(out)["color"], json.loads(out)["note"]) == ("green", "n")
    _, out, _ = run_cli(capsys, "--archive", root, "highlights", "--color", "yellow", "--json")
    assert json.loads(out)["highlights"] == []
    _, out, _ = run_cli(capsys, "--archive", root, "highlights", "--orphans", "--json")
    assert json.loads(out)["highlights"] == []
    assert run_cli(capsys, "--archive", root, "note", doc, "--set", "# mine")[0] == 0
    _, out, _ = run_cli(capsys, "--archive", root, "note", doc, "--json")
    assert json.loads(out)["note"]["text"] == "# mine"
    _, out, _ = run_cli(capsys, "--archive", root, "colors", "--rename", "green", "Number", "--json")
    assert {"name": "green", "label": "Number", "rgb": "#8ce99a"} in json.loads(out)["colors"]
    assert run_cli(capsys, "--archive", root, "highlight-delete", hl)[0] == 0
    _, out, _ = run_cli(capsys, "--archive", root, "highlights", "--json")
    assert json.loads(out)["highlights"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quote", "not in this article at all"], "is not in the document"),
        (["--quote", ""], "the quote is empty"),
        (["--quote", QUOTE, "--color", "purple"], "unknown colour 'purple'"),
    ],
)
def test_bad_highlight_input(capsys: pytest.CaptureFixture[str], seeded_root: Path, args: list[str],
                             message: str) -> None:
    root, doc = str(seeded_root), manbij(capsys, seeded_root)
    status, out, err = run_cli(capsys, "--archive", root, "highlight", doc, *args)
    assert status == 1 and out == "" and err.startswith("archivist: ") and message in err
    assert err.count("\n") == 1
    _, out, _ = run_cli(capsys, "--archive", root, "highlights", "--json")
    assert json.loads(out)["highlights"] == []  # nothing was created


def test_unknown_document_and_highlight(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    root = str(seeded_root)
    status, _, err = run_cli(capsys, "--archive", root, "highlight", "999", "--quote", QUOTE)
    assert status == 1 and "no document with id 999" in err
    status, _, err = run_cli(capsys, "--archive", root, "highlight-delete", "999")
    assert status == 1 and "no highlight with id 999" in err


def test_missing_quote_is_a_usage_error(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--archive", str(seeded_root), "highlight", "1"])
    assert exit_info.value.code == 2


def test_backup_restore_keeps_the_highlight(capsys: pytest.CaptureFixture[str], seeded_root: Path,
                                            tmp_path: Path) -> None:
    root, doc = str(seeded_root), manbij(capsys, seeded_root)
    run_cli(capsys, "--archive", root, "highlight", doc, "--quote", QUOTE, "--note", "45 dead")
    status, out, _ = run_cli(capsys, "--archive", root, "backup", str(tmp_path / "b.zip"))
    assert status == 0 and "backed up 2 document(s)" in out
    restored = str(tmp_path / "restored")
    status, out, _ = run_cli(capsys, "restore", str(tmp_path / "b.zip"), restored)
    assert status == 0 and "restored 2 document(s)" in out
    _, out, _ = run_cli(capsys, "--archive", restored, "highlights", "--json")
    [listed] = json.loads(out)["highlights"]
    assert (listed["quote"], listed["note"], listed["orphan"]) == (QUOTE, "45 dead", False)
    _, out, _ = run_cli(capsys, "--archive", restored, "search", '"brutally killed"', "--json")
    assert json.loads(out)["total"] == 1
    status, _, err = run_cli(capsys, "restore", str(tmp_path / "b.zip"), restored)
    assert status == 1 and "not empty" in err
