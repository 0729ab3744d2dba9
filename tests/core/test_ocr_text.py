"""Tesseract's TSV turned into a page's text and word boxes (no Tesseract needed: the TSV is Tesseract 5's own
output for a two-paragraph page, cut down), and the page joining OCR uses."""

from __future__ import annotations

from archivist.core.ingest.ocr_store import join_pages, split_pages
from archivist.core.ingest.ocr_text import parse_tsv

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
ROWS = [
    "1\t1\t0\t0\t0\t0\t0\t0\t1000\t2000\t-1\t",
    "2\t1\t1\t0\t0\t0\t100\t100\t800\t300\t-1\t",
    "5\t1\t1\t1\t1\t1\t100\t100\t200\t50\t96.5\tSyria",
    "5\t1\t1\t1\t1\t2\t320\t100\t180\t50\t95.1\thas",
    "5\t1\t1\t1\t2\t1\t100\t160\t300\t50\t93.0\treiterated",
    "5\t1\t1\t2\t1\t1\t100\t300\t100\t50\t91.0\tIts",
    "5\t1\t1\t2\t1\t2\t220\t300\t100\t50\t-1\t ",
    "5\t1\t1\t2\t1\t3\t340\t300\t100\t50\t90.0\tcalls",
    "1\t2\t0\t0\t0\t0\t0\t0\t500\t500\t-1\t",
    "5\t2\t1\t1\t1\t1\t50\t50\t100\t25\t90.0\tpage-two",
]


def test_words_lines_and_paragraphs_with_boxes() -> None:
    first, second = parse_tsv("\n".join([HEADER, *ROWS]))
    assert first.text == "Syria has\nreiterated\n\nIts calls"
    start, end, left, top, right, bottom = first.words[2]
    assert first.text[start:end] == "reiterated"
    assert (left, top, right, bottom) == (0.1, 0.08, 0.4, 0.105)
    assert second.text == "page-two" and second.shifted(10)[0][:2] == [10, 18]


def test_an_empty_page_gives_empty_text() -> None:
    (page,) = parse_tsv("\n".join([HEADER, ROWS[0]]))
    assert page.text == "" and page.words == []


def test_pages_split_and_joined_again_keep_their_places() -> None:
    texts = ["one", "", "three\n\nthree b", ""]
    joined, starts = join_pages(texts)
    assert joined == "one\n\nthree\n\nthree b" and starts == [0, 5, 5, 19]
    assert split_pages(joined, [[start, str(n)] for n, start in enumerate(starts)]) == texts
