"""A PDF's bibliographic metadata: the information dictionary and /Lang through PDFium, and through pypdf where
PDFium falls short.

Opening a file with pypdf costs up to a quarter of reading all its text with PDFium (pypdf parses the whole
cross-reference table, then the object stream holding the catalogue), so pypdf opens only the files that need it:
those with an XMP packet, which PDFium has no call for (a stream's dictionary is never compressed, so a byte
search finds it); those whose title or author PDFium does not find (hyperref writes /Title and /Author twice,
empty first; PDFium keeps the first, pypdf the last); and those with non-ASCII text in them, which PDFium decodes
as PDFDocEncoding even when it is UTF-8 (pypdf-resources/bytes.pdf) where pypdf leaves it undecoded.
"""

from __future__ import annotations

import logging
import mmap
import re
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader

from archivist.core.extract import fields
from archivist.core.extract.base import Metadata
from archivist.core.extract.pdfium_text import PdfiumPages

log = logging.getLogger("archivist.extract")
# pypdf logs a warning for every odd font or xref it works around (GeoTopo-komprimiert.pdf alone gives
# dozens about fontTools); those are not the user's business, real failures still raise.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_TEXT_KEYS = ("/Title", "/Author", "/Subject", "/Keywords")
# The dictionary of an XMP metadata stream: /Type /Metadata /Subtype /XML.
_METADATA_STREAM = re.compile(rb"/(?:Type\s*/Metadata|Subtype\s*/XML)\b")


def info_needs_pypdf(document: PdfiumPages) -> bool:
    """Whether pypdf must read the information dictionary (see above): PDFium's would differ from pypdf's."""
    info = document.info
    if not (info.get("/Title") and info.get("/Author")):
        return True
    return not all(info.get(key, "").isascii() for key in _TEXT_KEYS)


def metadata(document: PdfiumPages, reader: PdfReader | None, has_xmp: bool) -> Metadata:
    """The metadata; pypdf's ``reader``, where given, reads the information dictionary, and the XMP packet if any."""
    info = (_info(reader) if reader is not None else {}) or document.info
    xmp = _xmp(reader) if reader is not None and has_xmp else {}
    found = Metadata(
        title=fields.clean_title(info.get("/Title")) or fields.clean_title(xmp.get("title")),
        authors=fields.split_authors(info.get("/Author")) or fields.clean_authors(xmp.get("creators", [])),
        # dc:date is the document's own date; /CreationDate is when the file was written.
        issued=xmp.get("date") or fields.pdf_date(info.get("/CreationDate")),
        language=_language(document.language) or xmp.get("language"),
        keywords=fields.split_keywords(info.get("/Keywords")),
    )
    subject = fields.clean_title(info.get("/Subject"))
    if subject and subject.lower() != "unspecified":
        found.extra["subject"] = subject
    return found


def has_xmp(path: Path) -> bool:
    """Whether the file holds an XMP metadata stream (or, rarely, bytes that look like one)."""
    try:
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _METADATA_STREAM.search(data) is not None
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return False


def pypdf_reader(path: Path) -> PdfReader | None:
    """A pypdf reader, decrypted with the empty user password if need be; None when pypdf cannot open the file."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return None
    except Exception as error:  # PDFium opens files pypdf cannot (no xref table)
        log.info("pypdf cannot open the file: %s", _first_line(error))
        return None
    return reader


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


def _language(value: object) -> str | None:
    language = fields.clean_title(value)
    return language if language and len(language) <= 35 else None


def _first_line(error: BaseException) -> str:
    message = str(error).strip()
    return message.splitlines()[0][:160] if message else type(error).__name__
