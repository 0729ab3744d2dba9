"""After an upgrade that changed the analysis (issue 15), the first command says so and rebuilds the index once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main


def test_an_old_index_is_rebuilt_once_with_a_message(capsys: pytest.CaptureFixture[str], seeded_root: Path) -> None:
    marker = seeded_root / "index" / "archivist-schema"
    marker.write_text("4", encoding="ascii")
    status = main(["--archive", str(seeded_root), "search", '"without any authorization"', "--json"])
    out, err = capsys.readouterr()
    assert status == 0 and json.loads(out)["total"] == 2
    assert "built by an older version" in err and "rebuilding it for 2 document(s)" in err
    main(["--archive", str(seeded_root), "search", "coalition"])
    assert "older version" not in capsys.readouterr().err  # once


def test_reindex_rebuilds_an_old_index_without_a_second_pass(capsys: pytest.CaptureFixture[str],
                                                           seeded_root: Path) -> None:
    (seeded_root / "index" / "archivist-schema").write_text("4", encoding="ascii")
    assert main(["--archive", str(seeded_root), "reindex"]) == 0
    out, err = capsys.readouterr()
    assert "reindexed 2 document(s)" in out and "older version" not in err
