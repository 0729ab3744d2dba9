"""The README's examples do what they say on the sample archive (issue 16: one example found nothing)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from archivist.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
# `archivist --archive D search '…'` lines; the comment after `#` is prose, not part of the command.
_SEARCH_LINE = re.compile(r"^archivist --archive D search (?P<args>.+?)\s*(?:#.*)?$", re.MULTILINE)


def readme_searches() -> list[str]:
    queries = []
    for match in _SEARCH_LINE.finditer(README.read_text(encoding="utf-8")):
        words = [word for word in shlex.split(match["args"]) if not word.startswith("--")]
        queries.append(" ".join(words))
    return queries


def test_the_readme_has_search_examples() -> None:
    assert len(readme_searches()) >= 3


@pytest.mark.parametrize("query", readme_searches())
def test_each_readme_search_finds_a_sample_article(
    capsys: pytest.CaptureFixture[str], seeded_root: Path, query: str
) -> None:
    status = main(["--archive", str(seeded_root), "search", query, "--json"])
    result = json.loads(capsys.readouterr().out)
    assert status == 0 and result["total"] >= 1, query


def test_the_readme_claims_example_gives_the_three_conflicting_totals(
    capsys: pytest.CaptureFixture[str], seeded_root: Path
) -> None:
    status = main(["--archive", str(seeded_root), "claims", "--what", "civilians killed", "--json"])
    result = json.loads(capsys.readouterr().out)
    by_id = {claim["id"]: claim for claim in result["claims"]}
    disputed = {by_id[number]["normalized"] for conflict in result["conflicts"] for number in conflict["claims"]}
    assert status == 0 and {624, 4734, 7000} <= {int(value) for value in disputed}
