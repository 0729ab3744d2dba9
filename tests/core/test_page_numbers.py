"""Issue 17: the page numbers printed in running heads, for PDFs without page labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.extract import extract_file
from archivist.core.extract.page_numbers import printed_labels

DATA = Path(__file__).resolve().parents[1] / "data" / "metadata" / "pdf"


def test_running_heads_give_printed_numbers() -> None:
    heads = ["THE SIEGE OF VICKSBURG. 49\ntext", "50 THE SIEGE OF VICKSBUEG.\ntext", "52 THE SIEGE\ntext\n—4",
             "THE SIEGE OP VICKSBURG. 53\ntext", "54 THE SIEGE\ntext"]
    assert printed_labels(heads) == ["49", "50", "52", "53", "54"]


@pytest.mark.parametrize(
    "texts",
    [
        ["1\nintro", "2\nmore", "3\nend"],  # the numbers are the indices: nothing to change
        ["Table 7 shows\n12", "In 1998 the\n3", "We found 40\n1999"],  # numbers that do not run
        ["49 head", "", ""],  # too few pages
    ],
)
def test_numbers_that_do_not_run_are_not_labels(texts: list[str]) -> None:
    assert printed_labels(texts) is None


def test_scanned_book_cites_its_printed_page(empty_archive: Archive) -> None:
    """Seige_of_Vicksburg_Sample_OCR.pdf (pypdf resources, 206 KB, an OCR'd scan without page labels)."""
    pdf = DATA / "Seige_of_Vicksburg_Sample_OCR.pdf"
    extracted = extract_file(pdf)
    assert [page.label for page in extracted.pages] == ["49", "50", "52", "53", "54", "55"]
    document_id = empty_archive.import_paths([pdf]).imported[0].id
    content = empty_archive.content(document_id)
    start = content.text.index("THE SIEGE", content.pages[1].start)
    highlight = empty_archive.annotations.add_highlight(document_id, start=start, end=start + 9)
    assert empty_archive.citations.quote(highlight.id, "apa").endswith("p. 50)")
