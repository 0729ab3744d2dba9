"""PDF through pypdf: text page by page with the document's own page labels, and its metadata."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from archivist.core.extract import fields
from archivist.core.extract.base import Extracted, ExtractionError, Metadata, Page

log = logging.getLogger("archivist.extract")
# pypdf logs a warning for every odd font or xref it works around (GeoTopo-komprimiert.pdf alone gives
# dozens about fontTools); those are not the user's business, real failures still raise.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_DAMAGED = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError)
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_LIST_ITEM = re.compile(r"(?:[•◦▪●·∙\-–—*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
# Private-use glyphs (icon fonts, e.g. the flags in google-doc-document.pdf) and control characters.
_JUNK_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\U000f0000-\U0010ffff]")
_MIN_PROSE_WIDTH = 30
# Typographic ligatures (pdfTeX output is full of them) would hide "filled" from a search for it.
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


def extract(path: Path) -> Extracted:
    reader = _open(path)
    try:
        page_objects = list(reader.pages)
    except _DAMAGED as error:
        raise ExtractionError(f"damaged PDF: {_first_line(error)}") from error
    texts = _page_texts(page_objects)
    text, pages = _join_pages(texts, _page_labels(reader, len(page_objects)))
    if not text.strip():
        raise ExtractionError("no text in this PDF (scanned pages without a text layer?)")
    return Extracted("pdf", text, pages, _metadata(reader))


def _open(path: Path) -> PdfReader:
    """A reader with the file decrypted when an empty user password opens it."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ExtractionError("password-protected PDF")
    except ExtractionError:
        raise
    except DependencyError as error:
        raise ExtractionError("encrypted PDF that needs the 'cryptography' package") from error
    except FileNotDecryptedError as error:
        raise ExtractionError("password-protected PDF") from error
    except NotImplementedError as error:
        raise ExtractionError(f"PDF with unsupported encryption: {_first_line(error)}") from error
    except _DAMAGED as error:
        raise ExtractionError(f"damaged PDF: {_first_line(error)}") from error
    return reader


def _page_texts(page_objects: list[Any]) -> list[str]:
    """Each page's normalised text; a page pypdf cannot read is left empty unless all of them fail."""
    texts: list[str] = []
    failure: Exception | None = None
    for number, page in enumerate(page_objects, start=1):
        try:
            texts.append(normalise_page(page.extract_text() or ""))
        except Exception as error:  # pypdf raises many kinds on broken content streams
            log.warning("page %d: no text: %s", number, _first_line(error))
            failure = failure or error
            texts.append("")
    if failure is not None and not any(texts):
        raise ExtractionError(f"damaged PDF: {_first_line(failure)}") from failure
    return texts


def _page_labels(reader: PdfReader, count: int) -> list[str]:
    """The labels the document gives its pages ("iii", "A-1"), or 1..n."""
    try:
        labels = list(reader.page_labels)
    except Exception as error:  # a broken /PageLabels tree is no reason to lose the document
        log.info("page labels unreadable: %s", _first_line(error))
        labels = []
    if len(labels) != count or not all(labels):
        return [str(number) for number in range(1, count + 1)]
    return [str(label) for label in labels]


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
    text = _JUNK_CHARS.sub("", text).translate(_LIGATURES)
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


def _metadata(reader: PdfReader) -> Metadata:
    info = _info(reader)
    xmp = _xmp(reader)
    metadata = Metadata(
        title=fields.clean_title(info.get("/Title")) or fields.clean_title(xmp.get("title")),
        authors=fields.split_authors(info.get("/Author")) or fields.clean_authors(xmp.get("creators", [])),
        # dc:date is the document's own date; /CreationDate is when the file was written.
        issued=xmp.get("date") or fields.pdf_date(info.get("/CreationDate")),
        language=_language(reader) or xmp.get("language"),
        tags=fields.split_keywords(info.get("/Keywords")),
    )
    subject = fields.clean_title(info.get("/Subject"))
    if subject and subject.lower() != "unspecified":
        metadata.extra["subject"] = subject
    return metadata


def _info(reader: PdfReader) -> dict[str, object]:
    """The document information dictionary with indirect values resolved; empty when unreadable."""
    try:
        info = reader.metadata
        if not info:
            return {}
        return {key: _resolved(value) for key, value in info.items()}
    except Exception as error:  # pypdf-sample-files 017-unreadable-meta-data
        log.info("document info unreadable: %s", _first_line(error))
        return {}


def _resolved(value: object) -> object:
    # font-size-test.pdf (pdfminer samples) stores its /Title as an indirect object.
    get_object = getattr(value, "get_object", None)
    return get_object() if callable(get_object) else value


def _xmp(reader: PdfReader) -> dict[str, Any]:
    """title, creators, date and language from the XMP packet, where present and well-formed."""
    try:
        xmp = reader.xmp_metadata
        if xmp is None:
            return {}
        titles = xmp.dc_title or {}
        dates = xmp.dc_date or []
        languages = xmp.dc_language or []
        return {
            "title": titles.get("x-default") or next(iter(titles.values()), None),
            "creators": xmp.dc_creator or [],
            "date": fields.iso_date(dates[0]) if dates else None,
            "language": languages[0] if languages else None,
        }
    except Exception as error:  # AcroForm_TEST.pdf (pdfminer samples) has malformed XMP
        log.info("XMP metadata unreadable: %s", _first_line(error))
        return {}


def _language(reader: PdfReader) -> str | None:
    try:
        value = _resolved(reader.trailer["/Root"].get("/Lang"))
    except Exception:  # an optional entry of a catalogue that may itself be damaged
        return None
    language = fields.clean_title(value)
    return language if language and len(language) <= 35 else None


def _first_line(error: BaseException) -> str:
    message = str(error).strip()
    return message.splitlines()[0][:160] if message else type(error).__name__
