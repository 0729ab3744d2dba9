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
    return page_from_html(raw, "webarchive", url if isinstance(url, str) else None, file_time(path))


def _declared(raw: bytes, encoding: Any) -> bytes:
    """The page as UTF-8 when Safari names an encoding the markup itself may not declare."""
    if not isinstance(encoding, str) or encoding.lower().replace("-", "") == "utf8":
        return raw
    try:
        return raw.decode(encoding).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return raw
