"""What every web-capture reader shares: the captured page goes through the HTML extraction, then gets the
captured URL and the capture time (issue 14: "the page, its URL and the capture date").

The capture time is the day the page was accessed; it goes into ``extra["accessed"]`` as an ISO date, where the
citation code reads it (CSL ``accessed``).
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from archivist.core.extract.base import Extracted, ExtractionError


def page_from_html(raw: bytes, format_name: str, url: str | None, captured: datetime | None) -> Extracted:
    """The HTML ``raw`` extracted as a web page, marked as ``format_name`` with its URL and capture time."""
    if not raw.strip():
        raise ExtractionError(f"the {format_name.upper()} capture holds no web page")
    from archivist.core.extract import html  # trafilatura: imported when a capture is read, not at start-up

    # html.extract reads a file; the page lives inside the capture, so it is handed over in a temporary one.
    handle, name = tempfile.mkstemp(suffix=".html", prefix="archivist-capture-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(raw)
        extracted = html.extract(Path(name))
    finally:
        os.unlink(name)
    extracted.format = format_name
    mark_capture(extracted, url, captured)
    return extracted


def mark_capture(extracted: Extracted, url: str | None, captured: datetime | None) -> None:
    """Set the captured URL (a web address, not a local file path) and the access date on ``extracted``."""
    if url and url.lower().startswith(("http://", "https://")):
        extracted.metadata.url = url
    if captured is not None:
        extracted.metadata.extra["accessed"] = captured.astimezone(UTC).date().isoformat()


def file_time(path: Path) -> datetime:
    """When the file was last written: the capture time of a capture that does not say."""
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)
