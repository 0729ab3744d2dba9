"""Scans saved as images (PNG, JPEG, TIFF with any number of pages): kept as documents whose pages wait for OCR.

The reader only checks that the file is the image it claims to be (random bytes after a PNG signature are not a
scan) and counts a TIFF's pages; Tesseract reads the pixels later (core/ingest/ocr).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from archivist.core.extract.base import Extracted, ExtractionError, Metadata, Page
from archivist.core.extract.content_kind import image_kind

# A TIFF with more pages than this is a broken or hostile file rather than a scan.
_MAX_TIFF_PAGES = 5000


def extract(path: Path) -> Extracted:
    raw = path.read_bytes()
    kind = image_kind(raw[:16])
    if kind is None:
        raise ExtractionError("not an image Archivist can read")
    pages = {"png": _check_png, "jpeg": _check_jpeg, "tiff": _tiff_pages}[kind](raw)
    labels = [Page(0, str(number)) for number in range(1, pages + 1)]
    return Extracted("image", "", labels, Metadata(title=path.stem, extra={"image": kind}),
                     ocr_pages=list(range(pages)))


def _check_png(raw: bytes) -> int:
    """One page, when the header chunk (IHDR) is whole and its checksum right."""
    if len(raw) < 33 or raw[12:16] != b"IHDR":
        raise ExtractionError("damaged PNG image: no image header")
    (length,) = struct.unpack(">I", raw[8:12])
    (crc,) = struct.unpack(">I", raw[16 + length : 20 + length])
    if length != 13 or zlib.crc32(raw[12 : 16 + length]) != crc:
        raise ExtractionError("damaged PNG image: bad image header checksum")
    width, height = struct.unpack(">II", raw[16:24])
    if not width or not height or b"IDAT" not in raw:
        raise ExtractionError("damaged PNG image: no pixels")
    return 1


def _check_jpeg(raw: bytes) -> int:
    """One page, when the marker segments lead to a frame header (SOF) with a size."""
    position = 2
    while position + 4 <= len(raw):
        if raw[position] != 0xFF:
            break
        marker = raw[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        (length,) = struct.unpack(">H", raw[position + 2 : position + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", raw[position + 5 : position + 9])
            if width and height:
                return 1
            break
        if length < 2:
            break
        position += 2 + length
    raise ExtractionError("damaged JPEG image: no frame header")


def _tiff_pages(raw: bytes) -> int:
    """The number of image file directories (pages), walking the chain with bounds and a loop guard."""
    order = "<" if raw[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", raw[4:8])
    seen: set[int] = set()
    while offset:
        if offset in seen or offset + 2 > len(raw) or len(seen) >= _MAX_TIFF_PAGES:
            raise ExtractionError("damaged TIFF image: bad page directory")
        seen.add(offset)
        (entries,) = struct.unpack(order + "H", raw[offset : offset + 2])
        end = offset + 2 + 12 * entries
        if not entries or end + 4 > len(raw):
            raise ExtractionError("damaged TIFF image: bad page directory")
        (offset,) = struct.unpack(order + "I", raw[end : end + 4])
    if not seen:
        raise ExtractionError("damaged TIFF image: no pages")
    return len(seen)
