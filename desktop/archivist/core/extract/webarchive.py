"""Safari's .webarchive: a binary property list whose WebMainResource holds the page's bytes and URL.

Safari writes no capture time into the file, so the capture date is the file's time.
"""

from __future__ import annotations

import plistlib
from pathlib import Path
from typing import Any

from archivist.core.extract.base import Extracted, ExtractionError
from archivist.core.extract.capture import file_time, page_from_html

MAGIC = b"bplist00"


def extract(path: Path) -> Extracted:
    try:
        archive = plistlib.loads(path.read_bytes())
    except (plistlib.InvalidFileException, ValueError, OverflowError) as error:
        raise ExtractionError(f"damaged Safari web archive: {error}") from error
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise ExtractionError("a property list that is not a Safari web archive (no WebMainResource)")
    raw = _declared(main["WebResourceData"], main.get("WebResourceTextEncodingName"))
    url = main.get("WebResourceURL")
    extracted = page_from_html(raw, "webarchive", url if isinstance(url, str) else None, file_time(path))
    frames = [text for text in _frame_texts(archive) if text.strip()]
    if frames:  # a page of frames (psxdatacenter-ntsc-j-list-frames): its text is in the frames
        extracted.text = "\n\n".join([extracted.text, *frames]).strip("\n")
    return extracted


def _frame_texts(archive: dict[str, Any], depth: int = 0) -> list[str]:
    """The text of each frame's page (WebSubframeArchives, which may hold frames of their own)."""
    texts: list[str] = []
    for frame in archive.get("WebSubframeArchives") or []:
        main = frame.get("WebMainResource") if isinstance(frame, dict) else None
        if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes) or depth > 3:
            continue
        raw = _declared(main["WebResourceData"], main.get("WebResourceTextEncodingName"))
        try:
            texts.append(page_from_html(raw, "webarchive", None, None).text)
        except ExtractionError:
            continue
        texts += _frame_texts(frame, depth + 1)
    return texts


def _declared(raw: bytes, encoding: Any) -> bytes:
    """The page as UTF-8 when Safari names an encoding the markup itself may not declare."""
    if not isinstance(encoding, str) or encoding.lower().replace("-", "") == "utf8":
        return raw
    try:
        return raw.decode(encoding).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return raw
