"""A PDF's page texts and page labels through PDFium (pypdfium2), with PDFium's line breaks repaired.

PDFium reads page text 6-8x faster than pypdf (benchmarks/pdf_speed.py), spaces words better and copes with more
damaged files (it rebuilds a broken cross-reference table). Its line breaks are repaired here so that
``pdf.normalise_page`` sees the lines it expects: a raised or lowered glyph (footnote mark, x², H₂O) gets a line
of its own, to be joined back; a hyphen that ends a line comes as U+FFFE with the line break removed, to be put
back; and where pypdf gave the empty lines that some producers (Word) write between paragraphs, PDFium gives
nothing, so a blank line goes where the gap between two lines is clearly wider than usual on the page.

PDFium is not thread-safe, not even across documents. Imports read files in worker processes that each read one
file at a time (see ``core/ingest/workers``), but ``Archive.re_extract`` runs in the calling process and OCR renders
pages from threads, so every use of PDFium holds ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from archivist.core.extract.base import ExtractionError

log = logging.getLogger("archivist.extract")
PDFIUM_LOCK = threading.Lock()
# PDFium's own end-of-line hyphen marker; put back as a hyphen and a line break (pypdf's form).
_HYPHEN = "\ufffe"
LOCKED = "password-protected PDF: it opens only with its password (archivist import --password PW)"
WRONG_PASSWORD = "password-protected PDF: the password given does not open it"
# A page with fewer characters than this that shows an image is a scan (a stamped page number is not a text layer).
SCAN_TEXT_CHARS = 20
_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_SECURITY: "PDF with unsupported encryption",
    pdfium_c.FPDF_ERR_FILE: "cannot read the file",
}
# Two pieces are on one visual line when their glyph boxes share at least this part of the smaller height...
_SAME_LINE_OVERLAP = 0.5
# ...and the second starts at most this many heights right of the first's end (or slightly left of it).
_SAME_LINE_GAP = 1.0
_SAME_LINE_BACKTRACK = 0.1
# A gap wider than this part of the smaller height is a space ("hooks⁵ (all"), a narrower one none ("R²").
_WORD_GAP = 0.15

# A baseline drop this many times the page's median drop between lines is a paragraph break; with fewer
# drops than this on the page there is no telling what is usual.
_PARAGRAPH_DROP = 1.35
_MIN_DROPS = 4

Box = tuple[float, float, float, float]  # left, bottom, right, top
Baselines = tuple[float | None, float | None]  # of a line's first and last visual line


@dataclass(slots=True)
class PdfiumPages:
    """Raw page texts ("\\n" line ends) and page labels ("" where the document gives none) of a document.

    ``info`` is its information dictionary in pypdf's form ({"/Title": ...}), ``language`` its catalogue's /Lang.
    """

    texts: list[str]
    labels: list[str]
    info: dict[str, str]
    language: str | None = None
    failure: str | None = None  # the first page error, when a page could not be read
    # Pages with (almost) no text that show an image: scanned pages, read by OCR.
    image_pages: set[int] = field(default_factory=set)


def read_pages(path: Path, passwords: tuple[str, ...] = ()) -> PdfiumPages:
    """Every page's text; raises ExtractionError when the document cannot be opened."""
    with PDFIUM_LOCK:
        document = open_document(path, passwords)
        try:
            return _read(document)
        finally:
            document.close()


def open_document(path: Path, passwords: tuple[str, ...] = ()) -> pdfium.PdfDocument:
    """The document, decrypted with the empty user password or one of ``passwords``; hold PDFIUM_LOCK.

    The original stays as it was given: the password is used to read it, never to write a decrypted copy.
    """
    for password in passwords:
        try:
            return pdfium.PdfDocument(path, password=password)
        except pdfium.PdfiumError as error:
            if error.err_code != pdfium_c.FPDF_ERR_PASSWORD:
                raise ExtractionError(_open_error(error)) from error
    try:
        return pdfium.PdfDocument(path, password="")
    except pdfium.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractionError(LOCKED if not passwords else WRONG_PASSWORD) from error
        raise ExtractionError(_open_error(error)) from error


def _open_error(error: pdfium.PdfiumError) -> str:
    message = _OPEN_ERRORS.get(error.err_code)
    if message is None:
        reason = pdfium.internal.consts.ErrorToStr.get(error.err_code, "unknown error")
        message = f"damaged PDF: {reason.lower()}"
    return message


def _read(document: pdfium.PdfDocument) -> PdfiumPages:
    texts: list[str] = []
    failure: str | None = None
    for index in range(len(document)):
        try:
            texts.append(_page_text(document, index))
        except (pdfium.PdfiumError, ValueError) as error:  # ValueError: text that is not UTF-16
            log.warning("page %d: no text: %s", index + 1, error)
            failure = failure or f"page {index + 1}: {error}"
            texts.append("")
    images = {index for index, text in enumerate(texts) if len(text.strip()) < SCAN_TEXT_CHARS
              and _shows_image(document, index)}
    return PdfiumPages(texts, _labels(document, len(texts)), _info(document), _language(document), failure,
                       images)


def _shows_image(document: pdfium.PdfDocument, index: int) -> bool:
    """Whether the page draws an image (checked only for pages without text: a scan's page is one image)."""
    try:
        page = document[index]
    except pdfium.PdfiumError:
        return False
    try:
        return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)), None) is not None
    finally:
        page.close()


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    # Closed at once rather than left to the garbage collector: a long PDF would otherwise hold every page.
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return _repaired(textpage, textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()


def _repaired(textpage: pdfium.PdfTextPage, text: str) -> str:
    """PDFium's text with a glyph moved up or down joined back to its line, a blank line where a wider gap than
    usual separates two lines (a paragraph), and end-of-line hyphens put back.
    """
    lines = text.split("\r\n")
    visual = [lines[0]]
    baselines = [_first_and_last_baseline(textpage, lines[0], 0)]
    end = len(lines[0])  # where the "\r\n" after the current PDFium line starts
    for previous, line in pairwise(lines):
        start = end + 2
        separator = None
        if previous.strip() and line.strip():
            last = end - 1 - (len(previous) - len(previous.rstrip()))
            first = start + len(line) - len(line.lstrip())
            separator = _same_line_separator(_box(textpage, last), _box(textpage, first))
        if separator is None:
            visual.append(line)
            baselines.append(_first_and_last_baseline(textpage, line, start))
        else:
            visual[-1] = visual[-1].rstrip() + separator + line.lstrip()
            if _HYPHEN in line:
                baselines[-1] = (baselines[-1][0], _first_and_last_baseline(textpage, line, start)[1])
        end = start + len(line)
    return _joined(visual, baselines).replace(_HYPHEN, "-\n")


def _first_and_last_baseline(textpage: pdfium.PdfTextPage, line: str, start: int) -> Baselines:
    """The baselines of a PDFium line's first and last visual line (it joins lines at a hyphen)."""
    first = _baseline(textpage, start + len(line) - len(line.lstrip())) if line.strip() else None
    hyphen = line.rfind(_HYPHEN)
    if hyphen < 0 or not line[hyphen + 1 :].strip():
        return first, first
    rest = line[hyphen + 1 :]
    return first, _baseline(textpage, start + hyphen + 1 + len(rest) - len(rest.lstrip()))


def _joined(lines: list[str], baselines: list[Baselines]) -> str:
    """Lines joined by line breaks, by a blank line where the baseline drops clearly more than usual."""
    drops = [_drop(above, below) for above, below in pairwise(baselines)]
    usual = sorted(drop for drop in drops if drop is not None and drop > 0)
    if len(usual) < _MIN_DROPS:
        return "\n".join(lines)
    paragraph_drop = usual[len(usual) // 2] * _PARAGRAPH_DROP
    parts = [lines[0]]
    for drop, line in zip(drops, lines[1:], strict=True):
        parts.append("\n\n" if drop is not None and drop > paragraph_drop else "\n")
        parts.append(line)
    return "".join(parts)


def _drop(above: Baselines, below: Baselines) -> float | None:
    """How far the first baseline of ``below`` lies under the last one of ``above``."""
    return None if above[1] is None or below[0] is None else above[1] - below[0]


def _baseline(textpage: pdfium.PdfTextPage, text_index: int) -> float | None:
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    x, y = ctypes.c_double(), ctypes.c_double()
    if char_index < 0 or not pdfium_c.FPDFText_GetCharOrigin(textpage, char_index, x, y):
        return None
    return y.value


def _box(textpage: pdfium.PdfTextPage, text_index: int) -> Box | None:
    """The loose glyph box (full font height) of the character at ``text_index`` of the page's text."""
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    rect = pdfium_c.FS_RECTF()
    if char_index < 0 or not pdfium_c.FPDFText_GetLooseCharBox(textpage, char_index, rect):
        return None
    return rect.left, rect.bottom, rect.right, rect.top


def _same_line_separator(before: Box | None, after: Box | None) -> str | None:
    """" " or "" when ``after`` continues the visual line that ``before`` ends; None for a real line break."""
    if before is None or after is None:
        return None
    height_before, height_after = before[3] - before[1], after[3] - after[1]
    if height_before <= 0 or height_after <= 0:
        return None
    smaller, larger = min(height_before, height_after), max(height_before, height_after)
    overlap = min(before[3], after[3]) - max(before[1], after[1])
    gap = after[0] - before[2]
    if overlap < _SAME_LINE_OVERLAP * smaller or not -_SAME_LINE_BACKTRACK * larger <= gap <= _SAME_LINE_GAP * larger:
        return None
    return " " if gap > _WORD_GAP * smaller else ""


def _labels(document: pdfium.PdfDocument, count: int) -> list[str]:
    try:
        return [document.get_page_label(index) for index in range(count)]
    except ValueError:  # a label that is not UTF-16; a broken /PageLabels tree is no reason to lose the document
        return [""] * count


def _info(document: pdfium.PdfDocument) -> dict[str, str]:
    try:
        return {f"/{key}": value for key, value in document.get_metadata_dict(skip_empty=True).items()}
    except (pdfium.PdfiumError, ValueError):  # ValueError: a value that is not UTF-16
        return {}


def _language(document: pdfium.PdfDocument) -> str | None:
    size = pdfium_c.FPDFCatalog_GetLanguage(document, None, 0)  # in bytes, with the closing NUL
    if size <= 2:
        return None
    buffer = (pdfium_c.FPDF_WCHAR * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(document, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", errors="replace")
