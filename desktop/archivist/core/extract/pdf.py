"""PDF: page text through PDFium (see pdfium_text) with the document's own page labels, and its metadata.

pypdf, which read everything before, is five to ten times slower at page text. It still reads the pages in a
right-to-left script (PDFium gives them in visual order) and the XMP packet (see pdf_metadata).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from pypdf import PdfReader

from archivist.core.extract import page_numbers, pdf_metadata, pdf_title, pdfium_text
from archivist.core.extract.base import Extracted, ExtractionError, Page

log = logging.getLogger("archivist.extract")

_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_LIST_ITEM = re.compile(r"(?:[•◦▪●·∙\-–—*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
# Private-use glyphs (icon fonts, e.g. the flags in google-doc-document.pdf), control characters and the
# noncharacters U+FFFE/U+FFFF.
_JUNK_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffe\uffff\U000f0000-\U0010ffff]")
_MIN_PROSE_WIDTH = 30
# Hebrew, Arabic, Syriac, Thaana, N'Ko and the Hebrew and Arabic presentation forms.
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u07ff\u0860-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Typographic ligatures (pdfTeX output is full of them) would hide "filled" from a search for it.
_LIGATURE = re.compile(r"[\ufb00-\ufb06]")
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)


def extract(path: Path, passwords: tuple[str, ...] = ()) -> Extracted:
    document = pdfium_text.read_pages(path, passwords)
    texts = [normalise_page(text) for text in document.texts]
    if not any(texts) and document.failure is not None:
        raise ExtractionError(f"damaged PDF: {document.failure}")
    # Issue 14: a scan is kept, its pages read by OCR. With no text anywhere every page is a scan; otherwise the
    # pages that show an image and have (almost) no text: a scanned appendix inside a digital report.
    scanned = list(range(len(texts))) if not any(texts) else sorted(document.image_pages)
    for index in scanned:
        texts[index] = ""
    right_to_left = any(_RIGHT_TO_LEFT.search(text) for text in texts)
    xmp = pdf_metadata.has_xmp(path)
    needs_pypdf = right_to_left or xmp or pdf_metadata.info_needs_pypdf(document)
    reader = pdf_metadata.pypdf_reader(path) if needs_pypdf else None
    if right_to_left and reader is not None:
        _reread_right_to_left(texts, reader)
    printed = None if all(document.labels) else page_numbers.printed_labels(texts)  # issue 17: running heads
    text, pages = _join_pages(texts, printed or _page_labels(document.labels))
    metadata = pdf_metadata.metadata(document, reader, xmp)
    metadata.title = metadata.title or pdf_title.first_page_title(path, passwords, texts[0] if texts else "")
    return Extracted("pdf", text, pages, metadata, ocr_pages=scanned)


def _reread_right_to_left(texts: list[str], reader: PdfReader) -> None:
    """Read pages in Arabic or Hebrew script again with pypdf: PDFium gives them in visual order, each word reversed."""
    for index, text in enumerate(texts):
        if _RIGHT_TO_LEFT.search(text):
            try:
                texts[index] = normalise_page(reader.pages[index].extract_text() or "") or text
            except Exception as error:  # pypdf raises many kinds on broken content streams; PDFium's text stays
                log.info("page %d: pypdf cannot read it: %s", index + 1, error)


def _page_labels(labels: list[str]) -> list[str]:
    """The labels the document gives its pages ("iii", "A-1"), or 1..n when it gives none to some."""
    return labels if all(labels) else [str(number) for number in range(1, len(labels) + 1)]


def _join_pages(texts: list[str], labels: list[str]) -> tuple[str, list[Page]]:
    """Pages joined by a blank line; an empty page starts where the next text starts."""
    chunks: list[str] = []
    pages: list[Page] = []
    offset = 0
    for text, label in zip(texts, labels, strict=True):
        pages.append(Page(offset, label))
        if text:
            chunks.append(text)
            offset += len(text) + 2
    joined = "\n\n".join(chunks)
    end = len(joined)
    return joined, [Page(min(page.start, end), page.label) for page in pages] or [Page(0, "1")]


def normalise_page(raw: str) -> str:
    """One page's text: paragraphs separated by blank lines, wrapped prose lines joined."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _JUNK_CHARS.sub("", text)
    if _LIGATURE.search(text):  # translate() is slow on non-ASCII text, and most pages have no ligature
        text = text.translate(_LIGATURES)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    lines = [line.strip() for line in text.split("\n")]
    return "\n\n".join(_paragraphs(lines))


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    A line about as wide as the page's usual line is wrapped prose: the next line continues it. A
    prose paragraph ends at its first short line; runs of short lines (tables, lists, headings) stay
    one block with line breaks.
    """
    full_width = _full_width(lines)
    paragraphs: list[str] = []
    block: list[str] = []
    prose = previous_full = False
    for line in lines:
        if not line:
            _flush(paragraphs, block)
            prose = previous_full = False
            continue
        is_full = full_width is not None and len(line) >= full_width
        if block and previous_full and not _starts_block(block[-1], line, is_full):
            block[-1] = _join_lines(block[-1], line)
            prose = True
        elif block and (prose or is_full or previous_full):
            _flush(paragraphs, block)
            prose = False
            block.append(line)
        else:
            block.append(line)
        previous_full = is_full
    _flush(paragraphs, block)
    return paragraphs


def _starts_block(previous: str, line: str, is_full: bool) -> bool:
    """A list item, or a short unpunctuated line after a finished sentence (a heading): not a continuation."""
    if _LIST_ITEM.match(line):
        return True
    return (
        not is_full
        and previous.endswith((".", "!", "?", ":", "”", '"'))
        and not line.endswith((".", "!", "?", ":", ",", ";", "”", '"'))
        and (line[0].isupper() or line[0].isdigit())
    )


def _full_width(lines: list[str]) -> float | None:
    """The width from which a line counts as running to the right margin; None when lines are short."""
    widths = sorted(len(line) for line in lines if line)
    if len(widths) < 3:
        return None
    typical = widths[(len(widths) * 3) // 4]
    return typical * 0.8 if typical >= _MIN_PROSE_WIDTH else None


def _join_lines(first: str, second: str) -> str:
    """Join a wrapped line to the next: "exam-" + "ple" is "example", "Jean-" + "Paul" keeps its hyphen."""
    if first.endswith(("-", "\u00ad")) and len(first) > 1 and first[-2].isalpha():
        return first[:-1] + second if second[:1].islower() else first + second
    return first + second if first.endswith("/") else f"{first} {second}"


def _flush(paragraphs: list[str], block: list[str]) -> None:
    if block:
        paragraphs.append("\n".join(block))
        block.clear()
