"""MHTML (.mht, .mhtml): a browser's "Save as single file", a MIME multipart/related message.

The page is the first text/html part (the root); its URL is Blink's ``Snapshot-Content-Location`` header, else
the part's ``Content-Location``; the capture time is the message's ``Date`` header, else the file's time.
"""

from __future__ import annotations

import email
import email.policy
from datetime import datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

from archivist.core.extract.base import Extracted, ExtractionError
from archivist.core.extract.capture import file_time, page_from_html


def extract(path: Path) -> Extracted:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    part = _html_part(message)
    if part is None:
        raise ExtractionError("an MHTML file without a web page (no text/html part)")
    raw = part.get_payload(decode=True) or b""
    url = message.get("Snapshot-Content-Location") or part.get("Content-Location")
    extracted = page_from_html(_with_charset(raw, part), "mhtml", str(url) if url else None,
                               _date(message) or file_time(path))
    subject = str(message.get("Subject") or "").strip()
    if not extracted.metadata.title and subject:
        extracted.metadata.title = subject
    return extracted


def _html_part(message: EmailMessage) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part  # type: ignore[return-value]
    return None


def _with_charset(raw: bytes, part: EmailMessage) -> bytes:
    """The page's bytes, with its MIME charset declared when the markup does not declare one."""
    charset = part.get_content_charset()
    if not charset or b"charset" in raw[:4096].lower():
        return raw
    try:
        return raw.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return raw


def _date(message: EmailMessage) -> datetime | None:
    value = message.get("Date")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        return None
