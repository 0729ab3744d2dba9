"""Issue 17: the user's notes stay out of every export unless asked for (researchers share bibliographies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archivist.cli import main
from archivist.core.archive import Archive
from tests.conftest import MANBIJ_SEED
from tests.core.test_citations_helpers import ids_by_name

DOCUMENT_NOTE = "Source met in Gaziantep; do not name."
HIGHLIGHT_NOTE = "Second witness contradicts this."


@pytest.fixture
def noted(seeded_archive: Archive) -> tuple[Archive, int]:
    document_id = ids_by_name(seeded_archive)[MANBIJ_SEED.name]
    seeded_archive.annotations.set_document_note(document_id, DOCUMENT_NOTE)
    seeded_archive.annotations.add_highlight(document_id, quote="were brutally killed", note=HIGHLIGHT_NOTE)
    return seeded_archive, document_id


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json", "zotero-rdf", "apa", "chicago", "mla", "harvard"])
def test_no_note_in_any_format_by_default(noted: tuple[Archive, int], fmt: str) -> None:
    archive, document_id = noted
    text = archive.citations.render([document_id], fmt)
    assert text.strip()
    assert "Gaziantep" not in text and "witness" not in text
    assert "N1  -" not in text and "note" not in text.lower()


def test_notes_with_notes_in_every_data_format(noted: tuple[Archive, int]) -> None:
    archive, document_id = noted
    citations = archive.citations
    assert "N1  - Source met in Gaziantep; do not name." in citations.ris([document_id], with_notes=True)
    item = json.loads(citations.csl_json([document_id], with_notes=True))[0]
    assert item["note"].startswith(DOCUMENT_NOTE)
    # a highlight's note comes with its quote and page, after the document's own note
    assert '"were brutally killed" (p. 1): Second witness contradicts this.' in item["note"]
    assert "Gaziantep" in citations.bibtex([document_id], with_notes=True)


def test_export_file_leaves_notes_out_unless_asked(noted: tuple[Archive, int], tmp_path: Path) -> None:
    archive, document_id = noted
    for name in ("out.bib", "out.ris", "out.json"):
        archive.citations.export(tmp_path / name, [document_id])
        assert "Gaziantep" not in (tmp_path / name).read_text("utf-8")
        archive.citations.export(tmp_path / name, [document_id], with_notes=True)
        assert "Gaziantep" in (tmp_path / name).read_text("utf-8")


def test_cli_cite_and_export_with_notes_flag(noted: tuple[Archive, int], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    archive, document_id = noted
    root = str(archive.root)
    archive.close()
    for fmt in ("bibtex", "ris", "csl-json", "apa"):
        assert main(["--archive", root, "cite", str(document_id), "--format", fmt]) == 0
        assert "Gaziantep" not in capsys.readouterr().out
    assert main(["--archive", root, "cite", str(document_id), "--format", "ris", "--with-notes"]) == 0
    assert "N1  - Source met in Gaziantep" in capsys.readouterr().out
    target = tmp_path / "shared.bib"
    assert main(["--archive", root, "export", str(target)]) == 0
    assert "Gaziantep" not in target.read_text("utf-8")
    assert main(["--archive", root, "export", str(target), "--with-notes"]) == 0
    assert "Gaziantep" in target.read_text("utf-8")
