"""Issue 17 through the real entry point: reference libraries in, ``edit``, private notes out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archivist.cli import main
from archivist.core.archive import Archive

LIBRARIES = Path(__file__).resolve().parents[1] / "data" / "reflibs"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "Zotero export"
    shutil.copytree(LIBRARIES, folder)
    bib = folder / "zotero-bbt.bib"
    bib.write_text(bib.read_text("utf-8").replace("/ABSOLUTE", str(folder)), "utf-8")
    return folder


def run(archive: Path, *args: str) -> list[str]:
    return ["--archive", str(archive), *args]


def test_import_libraries_search_and_cite_without_the_private_note(
        tmp_path: Path, library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "archive"
    assert main(run(archive, "import", str(library / "zotero-bbt.bib"), str(library / "zotero.ris"), "--json")) == 1
    result = json.loads(capsys.readouterr().out)
    titles = {item["title"]: item["id"] for item in result["imported"]}
    assert "A Book Nobody Scanned" in titles and "Coalition Strikes Near Manbij Kill Civilians" in titles
    assert [error["error"] for error in result["errors"]] == ["entry missing2020: no file files/99/gone.pdf"]
    crazy = titles["The Crazy Ones: Here's to the Misfits"]
    assert any(item["id"] == crazy for item in result["updated"])  # the RIS names the same PDF: updated
    assert main(run(archive, "search", "misfits", "--json")) == 0
    assert [hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]] == [crazy]
    with Archive.open(archive) as opened:
        opened.annotations.set_document_note(crazy, "Private: the source asked not to be named.")
    for fmt, expected in (("bibtex", "doi = {10.5555/crazy.1998.14}"), ("ris", "SP  - 33"),
                          ("csl-json", '"DOI": "10.5555/crazy.1998.14"'), ("apa", "12(4), 33–35")):
        assert main(run(archive, "cite", str(crazy), "--format", fmt)) == 0
        out = capsys.readouterr().out
        assert expected in out and "source asked" not in out
    assert main(run(archive, "cite", str(crazy), "--format", "bibtex", "--with-notes")) == 0
    assert "source asked not to be named" in capsys.readouterr().out


def test_edit_type_publisher_language(seeded_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(run(seeded_root, "edit", "1", "--type", "article-newspaper", "--publisher", "Press TV",
                    "--language", "en", "--site", "Press TV", "--date", "2016-07-29", "--json")) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["csl_type"], record["publisher"], record["language"]) == ("article-newspaper", "Press TV", "en")
    assert main(run(seeded_root, "cite", "1", "--format", "apa")) == 0
    assert "Press TV" in capsys.readouterr().out
    assert main(run(seeded_root, "edit", "1", "--type", "")) == 0  # empty: back to the guessed type
    capsys.readouterr()
    with Archive.open(seeded_root) as archive:
        assert archive.get(1).csl_type is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["edit", "1", "--type", "novel"], "unknown type 'novel'"),
        (["edit", "1", "--language", "English!"], "is not a language tag"),
        (["edit", "1", "--date", "July 2016"], "is not a date"),
        (["edit", "1"], "nothing to change"),
        (["edit", "99", "--title", "X"], "no document with id 99"),
    ],
)
def test_edit_bad_input_is_one_line(seeded_root: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                    message: str) -> None:
    assert main(run(seeded_root, *args)) == 1
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
