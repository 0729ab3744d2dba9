"""The cite, export and citekey commands, run through the real entry point."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest

from archivist.cli import main
from archivist.core.archive import Archive
from tests.conftest import MANBIJ_SEED
from tests.core.test_citations_helpers import describe_seeds


@pytest.fixture
def described_root(seeded_root: Path) -> tuple[Path, dict[str, int]]:
    with Archive.open(seeded_root) as archive:
        ids = describe_seeds(archive)
        archive.annotations.add_highlight(ids[MANBIJ_SEED.name], quote="were brutally killed")
    return seeded_root, ids


def run(root: Path, *args: str) -> list[str]:
    return ["--archive", str(root), *args]


def test_cite_formats(described_root: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    root, ids = described_root
    manbij = str(ids[MANBIJ_SEED.name])
    assert main(run(root, "cite", manbij, "--format", "bibtex")) == 0
    first = capsys.readouterr().out
    assert first.startswith("@article{press2016syria,")
    assert main(run(root, "cite", manbij, "--format", "bibtex")) == 0
    assert capsys.readouterr().out == first
    assert main(run(root, "cite", manbij, "--format", "apa", "--html")) == 0
    assert capsys.readouterr().out.startswith('<div class="csl-entry">Syria urges UN')
    assert main(run(root, "cite", manbij, "--format", "harvard", "--in-text")) == 0
    assert capsys.readouterr().out == "(Press TV, 2016)\n"


def test_cite_highlight(described_root: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    root, _ids = described_root
    assert main(run(root, "cite", "--highlight", "1", "--format", "harvard", "--with-bibtex")) == 0
    out = capsys.readouterr().out
    assert out.startswith('"were brutally killed" (Press TV, 2016, para. 4)\n')  # unpaginated: its paragraph
    assert "@article{press2016syria," in out


def test_cite_errors(described_root: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    root, _ids = described_root
    assert main(run(root, "cite", "999")) == 1
    assert capsys.readouterr().err == "archivist: no document with id 999\n"
    assert main(run(root, "citekey", "1", "--set", "bad key")) == 1
    assert "not a usable citation key" in capsys.readouterr().err


def test_export_by_extension(described_root: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    root, _ids = described_root
    assert main(run(root, "export", str(tmp_path / "all.bib"))) == 0
    assert len(bibtexparser.parse_file(str(tmp_path / "all.bib")).entries) == 2
    assert main(run(root, "export", str(tmp_path / "one.ris"), "1")) == 0
    assert (tmp_path / "one.ris").read_text().startswith("TY  - NEWS\n")
    assert main(run(root, "export", str(tmp_path / "all.json"))) == 0
    assert (tmp_path / "all.json").read_text().startswith("[\n")


def test_citekey(described_root: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    root, _ids = described_root
    assert main(run(root, "citekey", "1", "--set", "manbij2016")) == 0
    assert main(run(root, "citekey", "1")) == 0
    assert capsys.readouterr().out == "manbij2016\nmanbij2016\n"
