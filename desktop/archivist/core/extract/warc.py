"""WARC and WARC.gz (Heritrix, Webrecorder, the Wayback Machine's crawls) through warcio.

A WARC holds many records; the document is the capture's main page: the first HTML response with status 200
that has a <title> (else the first HTML response). Its URL is ``WARC-Target-URI`` and its capture time
``WARC-Date``. Revisit records carry no page and are passed over.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from archivist.core.extract.base import Extracted, ExtractionError
from archivist.core.extract.capture import page_from_html

MAGIC = b"WARC/"
_PAGE_RECORDS = ("response", "resource")
# Pages are read whole; past this a record is a video or a dump, not the page.
_MAX_PAGE_BYTES = 32 << 20


def extract(path: Path) -> Extracted:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    chosen: tuple[bytes, str | None, str | None] | None = None
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                page = _html_page(record)
                if page is None:
                    continue
                if chosen is None:
                    chosen = page
                if b"<title" in page[0][:65536].lower():
                    chosen = page
                    break
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as error:
        if chosen is None:
            raise ExtractionError(f"damaged WARC file: {str(error).strip()[:120]}") from error
    if chosen is None:
        raise ExtractionError("a WARC file without a captured web page (no HTML response)")
    raw, url, date = chosen
    return page_from_html(raw, "warc", url, _parse_date(date))


def _html_page(record: Any) -> tuple[bytes, str | None, str | None] | None:
    """(payload, URL, WARC-Date) of an HTML page captured with status 200, else None."""
    if record.rec_type not in _PAGE_RECORDS:
        return None
    if record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    raw = record.content_stream().read(_MAX_PAGE_BYTES)
    if not raw.strip():
        return None
    headers = record.rec_headers
    return raw, headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date")


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
