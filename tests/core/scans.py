"""Scans made from real documents for the OCR tests and benchmarks: no text layer, only pixels.

``image_only_pdf`` rasterises pages of a real PDF and puts each picture on a page of a new PDF (what a scanner
gives); ``png_of_page`` writes one page as a greyscale PNG; ``render_arabic_png`` draws Arabic paragraphs with a
Noto Arabic font through Qt (the test-side only: the core never imports Qt). ``word_recall`` is the share of the
original's words that OCR found.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

_WORD = re.compile(r"\w+", re.UNICODE)


def image_only_pdf(source: Path, pages: list[int], out: Path, dpi: int = 200) -> Path:
    """A PDF whose pages are pictures of ``pages`` (indices) of ``source``."""
    original = pdfium.PdfDocument(source)
    scan = pdfium.PdfDocument.new()
    try:
        for index in pages:
            page = original[index]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            new_page = scan.new_page(width, height)
            image = pdfium.PdfImage.new(scan)
            image.set_bitmap(bitmap)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            new_page.insert_obj(image)
            new_page.gen_content()
        scan.save(out)
    finally:
        scan.close()
        original.close()
    return out


def png_of_page(source: Path, index: int, out: Path, dpi: int = 200) -> Path:
    """Page ``index`` of a PDF as an 8-bit greyscale PNG."""
    document = pdfium.PdfDocument(source)
    try:
        bitmap = document[index].render(scale=dpi / 72, grayscale=True)
        rows = bytes(bitmap.buffer)
        write_png(out, bitmap.width, bitmap.height, [rows[y * bitmap.stride : y * bitmap.stride + bitmap.width]
                                                     for y in range(bitmap.height)])
    finally:
        document.close()
    return out


def write_png(out: Path, width: int, height: int, rows: list[bytes]) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + row for row in rows), 9)
    out.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def pdf_text(source: Path, pages: list[int]) -> str:
    """The text layer of those pages (the truth OCR is measured against)."""
    document = pdfium.PdfDocument(source)
    try:
        return "\n".join(document[index].get_textpage().get_text_range() for index in pages)
    finally:
        document.close()


def word_recall(truth: str, found: str) -> float:
    """Share of the truth's words (with repeats, case-folded) that OCR found."""
    wanted = Counter(word.casefold() for word in _WORD.findall(truth) if not word.isdigit() or len(word) > 1)
    got = Counter(word.casefold() for word in _WORD.findall(found))
    total = sum(wanted.values())
    return sum(min(count, got[word]) for word, count in wanted.items()) / total if total else 1.0


def render_arabic_png(text: str, out: Path, width: int = 1700, point_size: int = 13, dpi: int = 200) -> Path:
    """Arabic paragraphs drawn right to left on a white page with Noto Naskh Arabic, as a greyscale PNG."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFont, QImage, QPainter, QTextOption
    from PySide6.QtWidgets import QApplication

    # A QApplication, not a QGuiApplication: Qt keeps the first application object for the whole test run, and
    # the GUI tests that come later abort in QWidget's constructor when it cannot make widgets.
    _app = QApplication.instance() or QApplication([])
    font = QFont("Noto Naskh Arabic")
    font.setPixelSize(int(point_size * dpi / 72))
    margin = int(dpi * 0.8)
    height = int(width * 1.3)
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    option = QTextOption(Qt.AlignmentFlag.AlignRight)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    painter.drawText(QRect(margin, margin, width - 2 * margin, height - 2 * margin).toRectF(), text, option)
    painter.end()
    image.save(str(out), "PNG")
    return out


def tiff_of_pages(source: Path, pages: list[int], out: Path, dpi: int = 150) -> Path:
    """A multi-page, uncompressed greyscale TIFF of PDF pages (what a sheet-feed scanner writes)."""
    document = pdfium.PdfDocument(source)
    images: list[tuple[int, int, bytes]] = []
    try:
        for index in pages:
            bitmap = document[index].render(scale=dpi / 72, grayscale=True)
            raw = bytes(bitmap.buffer)
            rows = b"".join(raw[y * bitmap.stride : y * bitmap.stride + bitmap.width] for y in range(bitmap.height))
            images.append((bitmap.width, bitmap.height, rows))
    finally:
        document.close()
    body = bytearray(b"II*\x00\x00\x00\x00\x00")
    previous_link = 4
    for width, height, pixels in images:
        pixel_offset = len(body)
        body += pixels
        resolution_offset = len(body)
        body += struct.pack("<II", dpi, 1)
        if len(body) % 2:
            body += b"\x00"
        ifd_offset = len(body)
        struct.pack_into("<I", body, previous_link, ifd_offset)
        entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
                   (273, 4, 1, pixel_offset), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, len(pixels)),
                   (282, 5, 1, resolution_offset), (283, 5, 1, resolution_offset), (296, 3, 1, 2)]
        body += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            body += struct.pack("<HHII", tag, kind, count, value)
        previous_link = len(body)
        body += b"\x00\x00\x00\x00"
    out.write_bytes(bytes(body))
    return out
