"""The pictures OCR reads: a PDF page rendered by PDFium at 300 dpi, or a scan's own image file.

A page is rendered in grey (Tesseract binarises it anyway; a third of the bytes of colour) and written as a
PGM file, which Tesseract reads without any imaging library in this process.
"""

from __future__ import annotations

from pathlib import Path

from archivist.core.extract.pdfium_text import PDFIUM_LOCK, open_document

DPI = 300
# A page larger than this many pixels (a poster, a map) is rendered at a lower resolution.
MAX_PIXELS = 60_000_000


def page_image(source: Path, format_name: str, index: int, folder: Path, passwords: tuple[str, ...] = ()) -> Path:
    """An image file of page ``index`` of ``source``, in ``folder`` (the file itself for an image)."""
    if format_name != "pdf":
        return source
    with PDFIUM_LOCK:
        document = open_document(source, passwords)
        try:
            page = document[index]
            try:
                width, height = page.get_size()
                scale = DPI / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / (width * height)) ** 0.5
                bitmap = page.render(scale=scale, grayscale=True)
                try:
                    header = f"P5\n{bitmap.width} {bitmap.height}\n255\n".encode("ascii")
                    pixels = _rows(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
                finally:
                    bitmap.close()
            finally:
                page.close()
        finally:
            document.close()
    image = folder / f"page-{index + 1}.pgm"
    image.write_bytes(header + pixels)
    return image


def _rows(buffer: bytes, width: int, height: int, stride: int) -> bytes:
    """The pixels without the padding PDFium may add at the end of each row."""
    if stride == width:
        return buffer[: width * height]
    return b"".join(buffer[row * stride : row * stride + width] for row in range(height))
