"""Which extractor reads a file: decided by the file's bytes first, its name second."""

from __future__ import annotations

import importlib
import re
import zipfile
from pathlib import Path

from archivist.core.extract.base import Extracted, ExtractionError

# format name -> module holding ``extract(path) -> Extracted``; imported on first use so that start-up
# does not pay for pypdf, trafilatura, python-docx and ebooklib.
FORMATS: dict[str, str] = {
    "pdf": "archivist.core.extract.pdf",
    "html": "archivist.core.extract.html",
    "text": "archivist.core.extract.text",
    "markdown": "archivist.core.extract.markdown",
    "docx": "archivist.core.extract.docx",
    "epub": "archivist.core.extract.epub",
}

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# A saved page often starts with "<?xml ...?>" or "<!-- saved from url=... -->" (Internet Explorer).
_LEADING_NOISE = re.compile(rb"\A(?:\xef\xbb\xbf|\s|<\?xml[^>]*>|<!--.*?-->)*", re.DOTALL)
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")


def sniff_format(path: Path) -> str:
    """The format name of ``path``, from its content; raises ExtractionError when it is none we read."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as error:
        raise ExtractionError(f"cannot read the file: {error.strerror or error}") from error
    if not head:
        raise ExtractionError("the file is empty")
    if head.lstrip(b"\x00\t\r\n \xef\xbb\xbf")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    suffix = path.suffix.lower()
    if (suffix in _HTML_SUFFIXES and b"<" in head) or _looks_like_html(head):
        return "html"
    if _looks_binary(head):
        raise ExtractionError("binary data, not a document Archivist can read")
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == b"application/epub+zip":
                return "epub"
            if "word/document.xml" in names:
                return "docx"
    except (zipfile.BadZipFile, OSError, KeyError) as error:
        raise ExtractionError(f"damaged ZIP container: {error}") from error
    if path.suffix.lower() == ".epub":
        return "epub"
    raise ExtractionError("a ZIP archive that is neither a Word document nor an EPUB book")


def _looks_like_html(head: bytes) -> bool:
    """Markup that starts like a web page, after any BOM, XML declaration and comments."""
    lowered = _LEADING_NOISE.sub(b"", head.lower())
    return any(lowered.startswith(marker) for marker in _HTML_MARKERS)


def _looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters: not text in any encoding we would guess."""
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > max(len(head) // 20, 2)


def extract_file(path: Path, format_name: str | None = None) -> Extracted:
    """Extract ``path``; every failure comes out as an ExtractionError with a short message."""
    fmt = format_name or sniff_format(path)
    module = importlib.import_module(FORMATS[fmt])
    try:
        extracted: Extracted = module.extract(path)
    except ExtractionError:
        raise
    except MemoryError as error:
        raise ExtractionError("the file needs more memory than Archivist allows") from error
    except Exception as error:  # a library's own exception: report it, never a traceback
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ExtractionError(f"cannot read this {fmt.upper()} file: {message[:200]}") from error
    if not extracted.text.strip():
        raise ExtractionError(f"no text found in this {fmt.upper()} file")
    return extracted
