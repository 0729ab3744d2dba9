"""Which extractor reads a file: decided by the file's bytes first, its name second."""

from __future__ import annotations

import importlib
import re
import zipfile
import zlib
from pathlib import Path

from archivist.core.extract import content_kind, saved_page
from archivist.core.extract.base import Extracted, ExtractionError, ReadOptions
from archivist.core.language.detect import detect_language

# format name -> module holding ``extract(path) -> Extracted``; imported on first use so that start-up
# does not pay for pypdf, trafilatura, python-docx and ebooklib.
FORMATS: dict[str, str] = {
    "pdf": "archivist.core.extract.pdf",
    "html": "archivist.core.extract.html",
    "text": "archivist.core.extract.text",
    "markdown": "archivist.core.extract.markdown",
    "docx": "archivist.core.extract.docx",
    "epub": "archivist.core.extract.epub",
    "image": "archivist.core.extract.image",
    "mhtml": "archivist.core.extract.mhtml",
    "warc": "archivist.core.extract.warc",
    "webarchive": "archivist.core.extract.webarchive",
}

_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MHTML_SUFFIXES = {".mht", ".mhtml"}
# Word's other flavours: a template (.dotx) and a macro-enabled document (.docm, .dotm) hold the same parts.
_WORD_PARTS = ("word/document.xml",)
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
    special = _sniff_special(path, head)
    if special:
        return special
    suffix = path.suffix.lower()
    if (suffix in _HTML_SUFFIXES and b"<" in head) or _looks_like_html(head):
        return "html"
    what = content_kind.not_a_document(head)
    if what:
        raise ExtractionError(f"{what}, not a document")
    if not content_kind.is_text(head):
        raise ExtractionError("binary data, not a document Archivist can read")
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _sniff_special(path: Path, head: bytes) -> str | None:
    """Images, web captures (WARC, WARC.gz, Safari web archive, MHTML), from their first bytes."""
    if content_kind.image_kind(head):
        return "image"
    if head.startswith(b"WARC/") or (head.startswith(b"\x1f\x8b") and _gzip_starts_warc(head)):
        return "warc"
    if head.startswith(b"bplist00"):  # a binary property list: the reader says when it is not a web archive
        return "webarchive"
    if path.suffix.lower() in _MHTML_SUFFIXES or _looks_like_mhtml(head):
        return "mhtml"
    return None


def _gzip_starts_warc(head: bytes) -> bool:
    """Whether the first gzip member (a WARC.gz record) begins with a WARC header."""
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == b"application/epub+zip":
                return "epub"
            if any(part in names for part in _WORD_PARTS):
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


def _looks_like_mhtml(head: bytes) -> bool:
    """MIME headers announcing multipart/related before the first blank line (Blink, Internet Explorer, Word)."""
    headers = re.split(rb"\r?\n\r?\n", head.lower(), maxsplit=1)[0]
    return b"multipart/related" in headers and b"mime-version" in headers


def extract_file(path: Path, format_name: str | None = None, options: ReadOptions | None = None) -> Extracted:
    """Extract ``path``; every failure comes out as an ExtractionError with a short message.

    A document with no text is returned, not refused (issue 14: keep every document): its pages without a text
    layer are listed in ``ocr_pages``, and the importer catalogues it with a text state.
    """
    fmt = format_name or sniff_format(path)
    module = importlib.import_module(FORMATS[fmt])
    try:
        if fmt == "pdf":
            extracted: Extracted = module.extract(path, (options or ReadOptions()).passwords)
        else:
            extracted = module.extract(path)
        if fmt == "html":
            saved_page.add_capture_facts(path, extracted)
    except ExtractionError:
        raise
    except MemoryError as error:
        raise ExtractionError("the file needs more memory than Archivist allows") from error
    except Exception as error:  # a library's own exception: report it, never a traceback
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ExtractionError(f"cannot read this {fmt.upper()} file: {message[:200]}") from error
    if not extracted.metadata.language and extracted.text.strip():  # issue 15: every document gets a language
        extracted.metadata.language = detect_language(extracted.text, model=False)  # the importer asks the model
    return extracted
