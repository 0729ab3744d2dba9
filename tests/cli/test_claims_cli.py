"""``archivist claims`` through ``archivist.cli.main``: the JSON shape of issue 18, --what, --ledger, --rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main

KEYS = {"id", "document_id", "value", "normalized", "unit", "currency", "qualifier", "what", "source", "start",
        "end", "page"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_claims_json_shape_and_offsets_into_show_text(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    root = str(seeded_root)
    status, out, err = run(capsys, "--archive", root, "claims", "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert set(data) >= {"claims", "conflicts"}
    assert all(set(claim) == KEYS for claim in data["claims"])
    texts: dict[int, str] = {}
    for claim in data["claims"]:
        if claim["document_id"] not in texts:
            _, shown, _ = run(capsys, "--archive", root, "show", str(claim["document_id"]), "--json")
            texts[claim["document_id"]] = json.loads(shown)["text"]
        assert texts[claim["document_id"]][claim["start"]:claim["end"]] == claim["value"]
    values = {claim["id"]: claim["value"] for claim in data["claims"]}
    flagged = {frozenset(values[i] for i in conflict["claims"]) for conflict in data["conflicts"]}
    assert flagged == {frozenset(pair) for pair in (("624", "4,734"), ("624", "7,000"), ("4,734", "7,000"))}
    assert all(conflict["what"] == "civilians killed" for conflict in data["conflicts"])


def test_claims_what_lists_one_quantity_across_sources(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run(capsys, "--archive", str(seeded_root), "claims", "--what", "civilians killed", "--json")
    claims = json.loads(out)["claims"]
    assert status == 0
    assert {claim["source"] for claim in claims} >= {"Airwars", "the US-led coalition", None}
    assert {claim["document_id"] for claim in claims} == {1, 2}
    status, out, _ = run(capsys, "--archive", str(seeded_root), "claims", "--what", "tonnes of wheat", "--json")
    assert status == 0 and json.loads(out) == {"claims": [], "conflicts": [], "revisions": []}


def test_claims_of_one_document_as_text(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run(capsys, "--archive", str(seeded_root), "claims", "2")
    assert status == 0
    assert "at least 4,734  civilians killed  — Airwars" in out
    assert "conflict: #" in out and "doc 1 " not in out


def test_ledger_and_rebuild(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run(capsys, "--archive", str(seeded_root), "claims", "--ledger", "--json")
    rows = json.loads(out)["ledger"]
    assert status == 0 and rows[0]["what"] == "civilian killed" and rows[0]["documents"] == 2
    status, out, _ = run(capsys, "--archive", str(seeded_root), "claims", "--rebuild")
    assert status == 0 and out.startswith("found ") and out.rstrip().endswith("in 2 document(s)")


def test_unknown_document_is_one_line_error(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, err = run(capsys, "--archive", str(seeded_root), "claims", "99", "--json")
    assert status == 1 and out == "" and err == "archivist: no document with id 99\n"


def test_bad_document_id_is_a_usage_error(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--archive", str(seeded_root), "claims", "two"])
    assert exit_info.value.code == 2
