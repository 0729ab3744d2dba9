"""OCR of scans (issue 14), with the real Tesseract: image-only PDFs made from a real PDF, an Arabic page, a
multi-page TIFF; the document is kept before its text is read; no Tesseract means kept and read later."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select

from archivist.cli import main
from archivist.core.archive import Archive
from archivist.core.catalogue.models import PageWords
from archivist.core.extract import extract_file
from archivist.core.ingest import tesseract
from archivist.core.ingest.ocr_run import ocr_documents, waiting_documents
from archivist.core.ingest.ocr_store import word_boxes
from archivist.core.jobs import CancelToken, Progress
from tests.core.scans import image_only_pdf, pdf_text, render_arabic_png, tiff_of_pages, word_recall

DATA = Path(__file__).resolve().parents[1] / "data"
LATEX = DATA / "extract" / "pdf" / "pdflatex-4-pages.pdf"
ARABIC = DATA / "ocr" / "arabic-scan.png"
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")

pytestmark = pytest.mark.skipif(not tesseract.available(), reason="Tesseract is not installed")


def test_a_scanned_pdf_is_kept_then_read_with_its_pages_and_word_boxes(empty_archive: Archive,
                                                                      tmp_path: Path) -> None:
    scan = image_only_pdf(LATEX, [0, 1], tmp_path / "scan.pdf")
    result = empty_archive.import_paths([scan])
    assert not result.errors and result.ocr_pages == 2 and not result.without_text
    doc_id = result.imported[0].id
    record, content = empty_archive.get(doc_id), empty_archive.content(doc_id)
    assert record.text_state == "text" and record.language == "en"
    assert word_recall(pdf_text(LATEX, [0, 1]), content.text) >= 0.93
    assert [page.label for page in content.pages] == ["1", "2"] and content.pages[1].start > 0
    second_page_word = content.text[content.pages[1].start:].split()[3]
    hits = empty_archive.search(f'"{second_page_word}"').hits
    assert hits and hits[0].id == doc_id
    with empty_archive.sessions() as session:
        rows = list(session.scalars(select(PageWords).where(PageWords.document_id == doc_id)))
    assert [row.page for row in rows] == [0, 1] and all(row.languages == "eng" for row in rows)
    boxes = word_boxes(empty_archive, doc_id)
    assert sorted(boxes) == [0, 1] and boxes[1] == rows[1].words
    start, end, left, top, right, bottom = boxes[1][0]
    assert content.text[int(start):int(end)] == content.text[content.pages[1].start:].split()[0]
    assert 0 <= left < right <= 1 and 0 <= top < bottom <= 1


def test_an_arabic_scan_comes_out_in_arabic_without_a_flag(empty_archive: Archive) -> None:
    result = empty_archive.import_paths([ARABIC])
    doc_id = result.imported[0].id
    record, text = empty_archive.get(doc_id), empty_archive.content(doc_id).text
    assert record.format == "image" and record.text_state == "text" and record.language == "ar"
    assert word_recall((DATA / "ocr" / "arabic-scan.txt").read_text(), text) >= 0.85


def test_ocr_languages_override_the_detected_script(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = str(tmp_path / "archive")
    assert main(["--archive", archive, "import", "--ocr-languages", "eng", str(ARABIC), "--json"]) == 0
    capsys.readouterr()
    main(["--archive", archive, "show", "1", "--json"])
    shown = json.loads(capsys.readouterr().out)
    assert len(_ARABIC_LETTER.findall(shown["text"])) < 10  # read as English, as asked


def test_unknown_ocr_language_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--archive", str(tmp_path / "a"), "import", "--ocr-languages", "ara+klingon", str(ARABIC)])
    assert stopped.value.code == 2 and "no language data for klingon" in capsys.readouterr().err


def test_a_multi_page_tiff_is_read_page_by_page(empty_archive: Archive, tmp_path: Path) -> None:
    tiff = tiff_of_pages(LATEX, [0, 1], tmp_path / "scan.tif")
    assert len(extract_file(tiff).pages) == 2
    doc_id = empty_archive.import_paths([tiff]).imported[0].id
    content = empty_archive.content(doc_id)
    assert [page.label for page in content.pages] == ["1", "2"]
    assert word_recall(pdf_text(LATEX, [1]), content.text[content.pages[1].start:]) >= 0.93


def test_only_the_scanned_page_of_a_digital_pdf_waits_for_ocr(tmp_path: Path) -> None:
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(LATEX), [0])
    scan = pdfium.PdfDocument(image_only_pdf(LATEX, [1], tmp_path / "page2.pdf"))
    mixed.import_pages(scan, [0])
    mixed.save(tmp_path / "mixed.pdf")
    extracted = extract_file(tmp_path / "mixed.pdf")
    assert extracted.ocr_pages == [1]
    assert "Hello, here is some text" in extracted.text and extracted.pages[1].start == len(extracted.text)


def test_without_tesseract_the_scan_is_kept_and_read_later(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    archive = str(tmp_path / "archive")
    scan = image_only_pdf(LATEX, [0], tmp_path / "letter.pdf")
    monkeypatch.setenv("ARCHIVIST_TESSERACT", str(tmp_path / "no-such-tesseract"))
    tesseract.installed_languages.cache_clear()
    try:
        assert main(["--archive", archive, "import", str(scan)]) == 0
        assert "no text yet — OCR unavailable: install tesseract-ocr" in capsys.readouterr().err
        main(["--archive", archive, "list", "--json"])
        assert json.loads(capsys.readouterr().out)["documents"][0]["text_state"] == "ocr_unavailable"
        assert main(["--archive", archive, "search", "title:letter", "--json"]) == 0  # findable by its metadata
        assert json.loads(capsys.readouterr().out)["total"] == 1
    finally:
        monkeypatch.delenv("ARCHIVIST_TESSERACT")
        tesseract.installed_languages.cache_clear()
    assert main(["--archive", archive, "ocr", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["read"] == [1]
    main(["--archive", archive, "search", "blind text", "--json"])
    assert json.loads(capsys.readouterr().out)["total"] == 1


def test_cancelled_ocr_leaves_the_document_waiting(empty_archive: Archive, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    scan = image_only_pdf(LATEX, [0, 1, 2, 3], tmp_path / "long.pdf")
    monkeypatch.setenv("ARCHIVIST_TESSERACT", str(tmp_path / "no-such-tesseract"))
    tesseract.installed_languages.cache_clear()
    doc_id = empty_archive.import_paths([scan]).imported[0].id
    monkeypatch.delenv("ARCHIVIST_TESSERACT")
    tesseract.installed_languages.cache_clear()
    cancel = CancelToken()
    seen: list[Progress] = []

    def progress(step: Progress) -> None:
        seen.append(step)
        if step.done >= 1:
            cancel.cancel()

    report = ocr_documents(empty_archive, [doc_id], progress=progress, cancel=cancel)
    assert report.cancelled and report.read == [] and report.pages < 4
    assert waiting_documents(empty_archive) == [doc_id]
    assert empty_archive.get(doc_id).text_state == "ocr_unavailable"


def test_the_other_files_are_searchable_before_the_scan_is_read(empty_archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    image_only_pdf(LATEX, [0, 1], folder / "a-scanned-letter.pdf")
    (folder / "b-note.txt").write_text("Minutes of the meeting on reconstruction funding.\n")
    seen_during_ocr: list[tuple[int, int, str]] = []

    def progress(step: Progress) -> None:
        if step.current.startswith("OCR") and not seen_during_ocr:
            note = empty_archive.search("reconstruction").total
            letter = empty_archive.search("title:letter").hits
            seen_during_ocr.append((note, len(letter), empty_archive.get(letter[0].id).text_state if letter else ""))

    result = empty_archive.import_paths([folder], progress=progress)
    assert seen_during_ocr == [(1, 1, "ocr_pending")]  # the note searchable, the scan findable by its metadata
    assert empty_archive.search("blind text").total == 1 and not result.without_text


def test_re_extracting_a_scan_keeps_what_ocr_read(empty_archive: Archive, tmp_path: Path) -> None:
    doc_id = empty_archive.import_paths([image_only_pdf(LATEX, [0], tmp_path / "scan.pdf")]).imported[0].id
    before = empty_archive.content(doc_id).text
    assert "blind text" in before
    empty_archive.re_extract(doc_id)
    assert empty_archive.content(doc_id).text == before


def test_a_persian_scan_is_read_with_the_persian_pack(empty_archive: Archive, tmp_path: Path) -> None:
    # OSD says "Arabic" for Persian too; the first pass tells them apart (Persian letters پ چ ژ گ need fas)
    truth = (DATA / "ocr" / "persian.txt").read_text()
    page = render_arabic_png(truth, tmp_path / "persian.png")
    doc_id = empty_archive.import_paths([page]).imported[0].id
    assert empty_archive.get(doc_id).language == "fa"
    assert word_recall(truth, empty_archive.content(doc_id).text) >= 0.85
    assert {row.languages for row in _page_words(empty_archive, doc_id)} == {"fas"}


def _page_words(archive: Archive, doc_id: int) -> list[PageWords]:
    with archive.sessions() as session:
        return list(session.scalars(select(PageWords).where(PageWords.document_id == doc_id)))
