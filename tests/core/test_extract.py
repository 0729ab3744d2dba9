"""The extractors against real files from the shared corpus (copied to tests/data/extract)."""

from __future__ import annotations

import json
import random
import shutil
import warnings
from pathlib import Path

import pytest

from archivist.core.extract import Extracted, ExtractionError, extract_file, fields, page_at, sniff_format
from archivist.core.extract import docx as docx_extractor
from archivist.core.extract.base import ReadOptions
from archivist.core.extract.pdf import normalise_page

DATA = Path(__file__).resolve().parents[1] / "data" / "extract"
PDF = DATA / "pdf"


def _check_shape(extracted: Extracted) -> None:
    """What every extractor promises: pages sorted from 0, headings inside the text, no triple newlines."""
    assert extracted.pages[0].start == 0
    starts = [page.start for page in extracted.pages]
    assert starts == sorted(starts) and starts[-1] <= len(extracted.text)
    assert "\n\n\n" not in extracted.text
    for heading in extracted.headings:
        span = extracted.text[heading.start : heading.end]
        assert span and span == span.strip() and "\n" not in span and 1 <= heading.level <= 6


# --- PDF ---------------------------------------------------------------------------------------------


def test_pdf_pages_and_text_follow_files_json() -> None:
    # pypdf-sample-files/files.json: 004-pdflatex-4-pages has 4 pages, not encrypted
    extracted = extract_file(PDF / "pdflatex-4-pages.pdf")
    _check_shape(extracted)
    assert extracted.format == "pdf"
    assert [page.label for page in extracted.pages] == ["1", "2", "3", "4"]
    assert "Huardest gefburn" in extracted.text
    # wrapped lines are joined into prose: no line break inside this sentence
    assert "If you read this text, you will get no information." in extracted.text
    assert page_at(extracted.pages, extracted.pages[2].start + 5) == "3"
    assert extracted.metadata.issued == "2022-04-03"  # creation_date 2022-04-03T19:59:45+02:00


def test_pdf_keeps_the_documents_page_labels() -> None:
    extracted = extract_file(PDF / "pagelabels.pdf")
    assert [page.label for page in extracted.pages] == ["iii", "iv", "1", "2", "1"]
    assert "Second section" in extracted.text[extracted.pages[1].start : extracted.pages[2].start]


def test_pdf_document_info() -> None:
    metadata = extract_file(PDF / "metadata.pdf").metadata
    assert metadata.title == "The Title"
    assert metadata.authors == ["Martin Thoma"]
    assert metadata.issued == "2022-04-15"
    assert metadata.keywords == ["Some Keywords", "other keywords", "more keywords"]


def test_pdf_xmp_metadata_when_the_info_dictionary_has_none() -> None:
    extracted = extract_file(PDF / "output_with_metadata_pymupdf.pdf")
    assert extracted.text == "Hello, World!"
    assert extracted.metadata.title == "Sample PDF with XMP Metadata"
    assert extracted.metadata.authors == ["John Doe"]
    assert extracted.metadata.issued == "1990-04-28"


def test_pdf_encrypted_with_an_empty_user_password_opens() -> None:
    extracted = extract_file(PDF / "r6-empty-password.pdf")  # AES-256, revision 6
    assert "pdf encryption test" in extracted.text
    assert extracted.metadata.authors == ["cheng"]


def test_pdf_that_needs_a_password() -> None:
    with pytest.raises(ExtractionError, match=r"^password-protected PDF: .*--password"):
        extract_file(PDF / "libreoffice-writer-password.pdf")


@pytest.mark.parametrize("keep", [3000, 12_000])
def test_damaged_pdf(tmp_path: Path, keep: int) -> None:
    # A real PDF cut short: its objects are in object streams listed by the lost xref stream. (PDFium rebuilds a
    # missing xref table, so simple1.pdf, which pypdf could not open, now imports: see test_extract_pdfium.py.)
    damaged = tmp_path / "cut.pdf"
    damaged.write_bytes((PDF / "pdflatex-4-pages.pdf").read_bytes()[:keep])
    with pytest.raises(ExtractionError, match=r"^damaged PDF: data format error$"):
        extract_file(damaged)


def test_pdf_of_images_only_is_kept_for_ocr() -> None:
    # issue 14: a scan is a document; its pages wait for OCR instead of the file being refused
    extracted = extract_file(PDF / "imagemagick-lzw.pdf")
    assert extracted.text == ""
    assert extracted.ocr_pages == list(range(len(extracted.pages)))


def test_pdf_opens_with_its_password() -> None:
    locked = PDF / "libreoffice-writer-password.pdf"
    extracted = extract_file(locked, options=ReadOptions(passwords=("wrong", "openpassword")))
    assert extracted.text.strip()
    with pytest.raises(ExtractionError, match=r"^password-protected PDF: the password given does not open it$"):
        extract_file(locked, options=ReadOptions(passwords=("wrong",)))


def test_pdf_text_normalisation() -> None:
    raw = (
        "Results\n"
        "This is a long line of running prose that goes on to the right mar-\n"
        "gin of the page and then wraps around onto the next line of the page,\n"
        "where it ends.\n"
        "• first item of a list\n"
        "• second item\n"
    )
    assert normalise_page(raw).split("\n\n") == [
        "Results",
        "This is a long line of running prose that goes on to the right margin of the page and then "
        "wraps around onto the next line of the page, where it ends.",
        "• first item of a list\n• second item",
    ]
    assert normalise_page("a ﬁne \ue000day\x00") == "a fine day"


# --- HTML --------------------------------------------------------------------------------------------


def test_html_article_and_metadata_match_readability_expectations() -> None:
    page = DATA / "html" / "gitlab-blog"
    expected = json.loads((page / "expected-metadata.json").read_text("utf-8"))
    extracted = extract_file(page / "source.html")
    _check_shape(extracted)
    assert extracted.format == "html"
    assert extracted.metadata.title == expected["title"]
    assert extracted.metadata.authors == [expected["byline"]]
    assert extracted.metadata.site == expected["siteName"]
    assert extracted.metadata.issued == expected["publishedTime"]
    assert extracted.metadata.url is not None and extracted.metadata.url.startswith(
        "https://about.gitlab.com/blog/"
    )
    headings = [extracted.text[h.start : h.end] for h in extracted.headings]
    assert "3. The cloud becomes table stakes" in headings
    assert "DevSecOps" in extracted.text
    assert "<div" not in extracted.text


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    """A real page saved as ISO-8859-1 with its <meta charset> saying so."""
    source = (DATA / "html" / "heise" / "source.html").read_text("utf-8")
    source = source.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "charset=utf-8", "charset=iso-8859-1"
    )
    assert "iso-8859-1" in source
    legacy = tmp_path / "heise.html"
    legacy.write_bytes(source.encode("cp1252", errors="xmlcharrefreplace"))
    expected = json.loads((DATA / "html" / "heise" / "expected-metadata.json").read_text("utf-8"))
    extracted = extract_file(legacy)
    assert extracted.metadata.title == expected["title"] == "1Password für Mac generiert Einmal-Passwörter"
    assert "Einmal-Passwörter" in extracted.text


def test_html_with_too_little_for_trafilatura_falls_back_to_the_body(tmp_path: Path) -> None:
    page = tmp_path / "note.html"
    page.write_text(
        "<html><head><title>Note</title></head><body><h1>Shopping</h1><div>Milk<br>Eggs</div>"
        "<script>var x = 1;</script></body></html>",
        "utf-8",
    )
    extracted = extract_file(page)
    assert "Milk\nEggs" in extracted.text and "var x" not in extracted.text
    assert extracted.metadata.title == "Note"


# --- Word, EPUB, Markdown ----------------------------------------------------------------------------


def test_docx_paragraphs_tables_and_headings() -> None:
    tables = extract_file(DATA / "docx" / "tables.docx")
    assert tables.text == "Above\n\nTop left\tTop right\nBottom left\tBottom right\n\nBelow"
    headed = extract_file(DATA / "docx" / "par-known-paragraphs.docx")
    _check_shape(headed)
    assert headed.text[headed.headings[0].start : headed.headings[0].end] == "Heading Paragraph"
    assert headed.metadata.title == "Heading Paragraph"
    assert headed.metadata.authors == ["Steve Canny"]
    assert [page.label for page in headed.pages] == ["1"]


def test_docx_core_properties() -> None:
    metadata = docx_extractor.extract(DATA / "docx" / "doc-coreprops.docx").metadata
    assert metadata.authors == ["Steve Canny"]
    assert metadata.issued == "2014-12-13"
    assert metadata.keywords == ["key", "word", "keyword"]


def test_docx_in_strict_open_xml() -> None:
    # ISO 29500 Strict: other namespaces and relationship types, read since issue 14 (elements by local name)
    assert extract_file(DATA / "docx" / "strict-format.docx").text == "Test"


def test_epub_chapters_are_pages_labelled_from_the_toc() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # ebooklib's FutureWarning/UserWarning must not escape
        extracted = extract_file(DATA / "epub" / "p-g-wodehouse_love-among-the-chickens.epub")
    _check_shape(extracted)
    labels = [page.label for page in extracted.pages]
    assert labels[:3] == ["Titlepage", "Imprint", "Dedication"]
    assert "I: A Letter with a Postscript" in labels
    chapter_one = labels.index("I: A Letter with a Postscript")
    start = extracted.pages[chapter_one].start
    assert extracted.text[start:].startswith("I\n\nA Letter with a Postscript")
    assert "Ukridge" in extracted.text
    metadata = extracted.metadata
    assert (metadata.title, metadata.authors, metadata.publisher) == (
        "Love Among the Chickens",
        ["P. G. Wodehouse"],
        "Standard Ebooks",
    )
    assert metadata.language == "en-GB" and metadata.issued == "2017-12-11"
    assert len(extracted.headings) >= len(labels) - 1


def test_markdown_front_matter_and_headings() -> None:
    extracted = extract_file(DATA / "markdown" / "details.md")
    _check_shape(extracted)
    assert extracted.format == "markdown"
    assert extracted.metadata.title == "Details shortcode"
    assert not extracted.text.startswith("---") and "linkTitle" not in extracted.text
    headings = [(extracted.text[h.start : h.end], h.level) for h in extracted.headings]
    assert ("Example", 2) in headings and ("Arguments", 2) in headings
    # "#" inside fenced code is code, not a heading
    assert all(not text.startswith("#") for text, _level in headings)


def test_markdown_of_front_matter_only() -> None:
    extracted = extract_file(DATA / "markdown" / "functions-index.md")  # Hugo's section page
    assert extracted.metadata.title == "Functions"
    assert "templates and archetypes" in extracted.text


def test_markdown_front_matter_fields(tmp_path: Path) -> None:
    note = tmp_path / "note.md"
    note.write_text(
        "---\ntitle: Field notes\nauthors: [Jane Doe, John Roe]\ndate: 2016-07-29\ntags: [war, syria]\n"
        "categories: reports\nurl: https://example.org/notes\n---\n# Day one\n\nWe arrived.\n",
        "utf-8",
    )
    extracted = extract_file(note)
    metadata = extracted.metadata
    assert (metadata.title, metadata.authors, metadata.issued) == (
        "Field notes",
        ["Jane Doe", "John Roe"],
        "2016-07-29",
    )
    assert metadata.keywords == ["war", "syria", "reports"] and metadata.url == "https://example.org/notes"
    assert extracted.text == "Day one\n\nWe arrived."


def test_markdown_with_broken_front_matter_is_still_imported(tmp_path: Path) -> None:
    note = tmp_path / "broken.md"
    note.write_text("---\ntitle: [unclosed\n---\nBody text here.\n", "utf-8")
    extracted = extract_file(note)
    assert "Body text here." in extracted.text
    assert extracted.metadata.title == "title: [unclosed"  # the first line with words in it


# --- plain text and sniffing -------------------------------------------------------------------------


def test_text_in_windows_1252() -> None:
    extracted = extract_file(DATA / "text" / "lemonde-cp1252.txt")
    assert "Les députés ont, sans surprise, adopté" in extracted.text
    assert "\r" not in extracted.text and "\n\n" in extracted.text


def test_plain_text_file() -> None:
    extracted = extract_file(DATA / "text" / "pep-0815.rst")
    assert extracted.format == "text" and "Konstantin Schütze" in extracted.text


def test_empty_text_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ExtractionError, match="empty"):
        extract_file(empty)


def test_random_bytes_named_txt(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(1).randbytes(4096))
    with pytest.raises(ExtractionError, match="binary"):
        extract_file(noise)


def test_content_decides_over_the_file_name(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(DATA / "html" / "gitlab-blog" / "source.html", page)
    pdf = tmp_path / "report.txt"
    shutil.copy(PDF / "metadata.pdf", pdf)
    book = tmp_path / "book.zip"
    shutil.copy(DATA / "epub" / "p-g-wodehouse_love-among-the-chickens.epub", book)
    assert (sniff_format(page), sniff_format(pdf), sniff_format(book)) == ("html", "pdf", "epub")
    assert extract_file(pdf).metadata.title == "The Title"
    assert sniff_format(DATA / "docx" / "tables.docx") == "docx"
    assert sniff_format(DATA / "markdown" / "details.md") == "markdown"


# --- metadata cleaning -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Microsoft Word - Test Orient PDF.docx", "Test Orient PDF"),  # pypdf-resources/test Orient.pdf
        ("Binder1.pdf", None),  # Seige_of_Vicksburg_Sample_OCR.pdf
        ("untitled", None),
        ("Untitled document", None),
        ("imagemagick-images\x00", "imagemagick-images"),
        ("Geometrie und Topologie", "Geometrie und Topologie"),
    ],
)
def test_clean_title(raw: str, title: str | None) -> None:
    assert fields.clean_title(raw) == title


@pytest.mark.parametrize(
    ("raw", "authors"),
    [
        ("Jane Doe; John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Yawney, John", ["John Yawney"]),
        ("Stella Kim, Jennifer Jett", ["Stella Kim", "Jennifer Jett"]),
        ("Johnson & Johnson", ["Johnson & Johnson"]),
        ("anonymous", []),
    ],
)
def test_split_authors(raw: str, authors: list[str]) -> None:
    assert fields.split_authors(raw) == authors


def test_pdf_dates() -> None:
    assert fields.pdf_date("D:20061006163404-04'00'") == "2006-10-06"
    assert fields.pdf_date("20180611140829-04'00'") == "2018-06-11"  # no "D:" (pdfminer issue-00352)
    assert fields.pdf_date("D:2005") == "2005"
    assert fields.pdf_date("D:20051399") == "2005"
    assert fields.pdf_date("garbage") is None
