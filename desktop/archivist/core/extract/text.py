"""Plain text in any encoding (charset-normalizer guesses unknown ones); form feeds separate pages."""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from archivist.core.extract.base import Extracted, ExtractionError, Metadata, Page, pages_from_parts
from archivist.core.extract.header_blocks import header_metadata  # issue 17: PEP, e-mail and RFC headers

_TITLE_MAX = 120


def decode_bytes(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) when valid, else charset-normalizer's best guess."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Notepad's "Unicode"
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise ExtractionError("binary data or an unknown text encoding")
    return str(best)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_from_text(text: str) -> str | None:
    """The first non-empty line, shortened at a word boundary when it is a whole paragraph."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if not any(char.isalnum() for char in line):
            continue  # blank lines and rules such as "---" or "***"
        if len(line) <= _TITLE_MAX:
            return line
        cut = line[:_TITLE_MAX].rsplit(" ", 1)[0].rstrip(",;:")
        return cut + "…"
    return None


def paragraphs(text: str) -> str:
    """Collapse runs of blank lines so paragraphs are separated by exactly one blank line."""
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip("\n")


def _line_per_paragraph(text: str) -> bool:
    """No blank lines, and lines long enough to be paragraphs rather than wrapped prose."""
    lines = text.split("\n")
    return "\n\n" not in text and len(lines) >= 3 and sum(len(line) for line in lines) / len(lines) > 100


def extract(path: Path) -> Extracted:
    text = normalise_newlines(decode_bytes(path.read_bytes()))
    parts = [paragraphs(part) for part in text.split("\f")]
    # A line-per-paragraph text (like the seed articles) reads better with blank lines between paragraphs.
    parts = [part.replace("\n", "\n\n") if _line_per_paragraph(part) else part for part in parts]
    if len(parts) > 1:
        body, pages = pages_from_parts(parts)
    else:
        body, pages = parts[0], [Page(0, "1")]
    return Extracted("text", body, pages, header_metadata(body) or Metadata(title=title_from_text(body)))
