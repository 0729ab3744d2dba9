"""PDF text through PDFium: its line breaks repaired, metadata as pypdf read it, the lock around PDFium."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from archivist.core.extract import extract_file
from tests.conftest import ROOT
from tests.core.made_pdf import Run, pdf_with_text

PDF = Path(__file__).resolve().parents[1] / "data" / "extract" / "pdf"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the repository")

def two_paragraphs(gap: float) -> list[Run]:
    """Full-width lines 12 pt apart, ``gap`` pt before the fifth; a raised "2" after the "x" of the third."""
    return [
        (72, 700, 10, "Archivist reads the text of a PDF page by page and joins the wrapped lines of its para-"),
        (72, 688, 10, "graphs again, so that a search finds each of their words, and keeps the exponent of"),
        (72, 676, 10, "x"),
        (77.5, 680, 7, "2"),
        (82, 676, 10, " squared with its letter, as the raised two belongs to the same line as the x does."),
        (72, 664, 10, "And this last line of the first paragraph runs all the way to the right margin, too."),
        (72, 664 - gap, 10, "A second paragraph starts after a wider gap than usual between two lines, which"),
        (72, 652 - gap, 10, "the page shows as space and PDFium does not mark at all."),
    ]


def test_hyphens_raised_glyphs_and_paragraph_gaps(tmp_path: Path) -> None:
    # PDFium gives "para\ufffegraphs" on one line, "x\r\n2\r\n squared" on three, and no mark at the gap.
    text = extract_file(pdf_with_text(tmp_path / "page.pdf", two_paragraphs(gap=24))).text
    first, second = text.split("\n\n")
    assert "the wrapped lines of its paragraphs again" in first
    assert "the exponent of x2 squared with its letter" in first
    assert first.endswith("runs all the way to the right margin, too.")
    assert second.startswith("A second paragraph starts") and "\n" not in second


def test_the_usual_line_pitch_is_no_paragraph_break(tmp_path: Path) -> None:
    text = extract_file(pdf_with_text(tmp_path / "page.pdf", two_paragraphs(gap=12))).text
    assert "\n" not in text and "margin, too. A second paragraph" in text


def test_pypdf_reads_the_info_when_pdfium_finds_no_title(tmp_path: Path) -> None:
    # hyperref writes /Title and /Author twice, empty first: PDFium keeps the first, pypdf the last.
    info = "<< /Title () /Author () /Title (The Real Title) /Author (Jane Doe) /CreationDate (D:20230116204232Z) >>"
    metadata = extract_file(pdf_with_text(tmp_path / "page.pdf", two_paragraphs(gap=24), info)).metadata
    assert (metadata.title, metadata.authors, metadata.issued) == ("The Real Title", ["Jane Doe"], "2023-01-16")


def test_pdfium_info_and_language(tmp_path: Path) -> None:
    info = "<< /Title (A Title) /Author (Jane Doe; John Roe) /Keywords (alpha, beta) /Subject (Tests) >>"
    metadata = extract_file(pdf_with_text(tmp_path / "page.pdf", two_paragraphs(gap=24), info)).metadata
    assert (metadata.title, metadata.authors) == ("A Title", ["Jane Doe", "John Roe"])
    assert metadata.keywords == ["alpha", "beta"]
    assert metadata.extra == {"subject": "Tests"}


@pytest.mark.parametrize(("name", "text"), [("simple1.pdf", "Hello World"), ("issue-1113-evil-xobjects.pdf", "Hello")])
def test_a_pdf_without_a_usable_xref_table_is_rebuilt(name: str, text: str) -> None:
    # pdfminer's simple1.pdf has no xref table at all: pypdf could not open it, PDFium rebuilds the table.
    assert text in extract_file(PDF / name).text


def test_threads_take_turns_with_pdfium() -> None:
    # PDFium is not thread-safe; Archive.re_extract may run on any thread, so the extractor holds a lock.
    expected = extract_file(PDF / "pdflatex-4-pages.pdf").text
    with ThreadPoolExecutor(4) as pool:
        texts = list(pool.map(lambda _: extract_file(PDF / "pdflatex-4-pages.pdf").text, range(8)))
    assert texts == [expected] * 8


@needs_corpus
def test_superscripts_ligatures_and_hyphens_in_a_pdftex_book() -> None:
    extracted = extract_file(CORPUS / "pypdf-sample-files" / "009-pdflatex-geotopo" / "GeoTopo-komprimiert.pdf")
    assert "Die Kugeloberfläche S2 lässt sich durch strecken" in extracted.text
    assert "Algebra II“ wird der Begriff der Orthonormalbasis eingeführt." in extracted.text
    assert "ihre Übungsaufgaben und Lösungen" in extracted.text
    assert "\ufffe" not in extracted.text and "\r" not in extracted.text


@needs_corpus
def test_arabic_pages_are_read_by_pypdf() -> None:
    # PDFium gives right-to-left text in visual order, each word reversed.
    assert extract_file(CORPUS / "pypdf-sample-files" / "015-arabic" / "habibi.pdf").text == "حَبيبي habibi حَبيبي"
