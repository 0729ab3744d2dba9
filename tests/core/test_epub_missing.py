"""An EPUB whose manifest lists files the ZIP does not hold (a missing audio clip or image) keeps its text
(issue 14); a missing chapter costs that chapter only."""

from __future__ import annotations

import zipfile
from pathlib import Path

from archivist.core.extract import extract_file

BOOK = Path(__file__).resolve().parents[1] / "data" / "extract" / "epub" / "p-g-wodehouse_love-among-the-chickens.epub"


def without(out: Path, leave_out: set[str]) -> Path:
    with zipfile.ZipFile(BOOK) as original, zipfile.ZipFile(out, "w") as copy:
        for item in original.infolist():
            if item.filename not in leave_out:
                copy.writestr(item, original.read(item.filename))
    return out


def test_missing_media_files_do_not_lose_the_book(tmp_path: Path) -> None:
    whole = extract_file(BOOK)
    with zipfile.ZipFile(BOOK) as container:
        media = {name for name in container.namelist() if name.endswith((".svg", ".jpg", ".png", ".css"))}
    damaged = extract_file(without(tmp_path / "no-media.epub", media))
    assert damaged.text == whole.text and damaged.metadata.title == "Love Among the Chickens"


def test_a_missing_chapter_costs_that_chapter_only(tmp_path: Path) -> None:
    damaged = extract_file(without(tmp_path / "no-chapter.epub", {"epub/text/chapter-1.xhtml"}))
    assert 0 < len(damaged.text) < len(extract_file(BOOK).text)
