"""`archivist search` and `archivist related` as DESIGN.md specifies them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_search_json_shape(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "coalition", "civilians", "--json")
    data = json.loads(out)
    assert status == 0 and data["query"] == "coalition civilians" and data["total"] == 2 and data["took_ms"] > 0
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "score", "snippets"} and hit["score"] > 0
    assert all(set(snippet) >= {"text", "page"} for snippet in hit["snippets"])


def test_search_limit_and_sort(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    _, out, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "coalition", "--limit", "1", "--json")
    data = json.loads(out)
    assert data["total"] == 2 and len(data["hits"]) == 1
    status, _, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "coalition", "--sort=-date")
    assert status == 0


@pytest.mark.parametrize("bad", [["--limit", "-1"], ["--limit", "many"], ["--sort", "title"]])
def test_bad_options_are_usage_errors(capsys: pytest.CaptureFixture[str], seeded_root: Path, bad: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--archive", str(seeded_root), "search", "coalition", *bad])
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("query", ["(((", '"unclosed', "date:[garbage", "title:", "AND", "x~99"])
def test_malformed_queries_exit_zero_without_traceback(
    capsys: pytest.CaptureFixture[str], seeded_root: Path, query: str
) -> None:
    status, out, err = run_cli(capsys, "--archive", str(seeded_root), "search", query, "--json")
    assert status == 0 and "Traceback" not in err and json.loads(out)["total"] >= 0


def test_did_you_mean_is_printed(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    _, out, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "coalitoin")
    assert "Did you mean: coalition" in out
    _, out, _ = run_cli(capsys, "--archive", str(seeded_root), "search", "coalitoin", "--json")
    assert json.loads(out)["suggestion"] == "coalition"


def test_related_json(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, out, _ = run_cli(capsys, "--archive", str(seeded_root), "related", "1", "--json")
    data = json.loads(out)
    assert status == 0 and data["document"] == 1
    assert [item["id"] for item in data["related"]] == [2]
    assert set(data["related"][0]) == {"id", "title", "score", "terms"} and data["related"][0]["terms"]


def test_related_unknown_document_is_a_one_line_error(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    status, _, err = run_cli(capsys, "--archive", str(seeded_root), "related", "999")
    assert status == 1 and err.strip() == "archivist: no document with id 999"
