"""Cleaning of metadata values that files carry: titles, author lists, dates, keywords."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

# Titles that producers write when nobody typed one (pypdf-resources/reportlab-inline-image.pdf says
# "untitled", two-different-pages.pdf "Untitled document", the AutoCAD samples "Model").
_JUNK_TITLES = re.compile(
    r"(?:untitled(?: document)?|no title|title|document|presentation|slide \d+|model|none|null|unknown"
    r"|(?:document|book|binder|untitled|sheet)\s*\d+)",
    re.IGNORECASE,
)
# "Microsoft Word - report.docx": the application's name before the file name (pypdf-resources/bytes.pdf).
_APP_PREFIX = re.compile(r"^(?:microsoft\s+(?:word|powerpoint|excel)|word|powerpoint)\s+-\s+", re.IGNORECASE)
_FILE_SUFFIX = re.compile(
    r"\.(?:pdf|docx?|rtf|odt|txt|tex|dvi|ps|indd|pptx?|xlsx?|html?|md|qxd|pages|wpd)$", re.IGNORECASE
)
_JUNK_AUTHORS = {
    "anonymous", "unknown", "admin", "administrator", "user", "ieuser", "username", "owner", "author",
    "microsoft office user", "microsoft", "default", "none", "null", "x",
}  # fmt: skip
_AND = re.compile(r"\s+(?:and|&|und|et|y)\s+", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def clean_title(value: object) -> str | None:
    """A title as people would write it, or None for empty and placeholder titles."""
    title = _as_text(value)
    if not title:
        return None
    title = _APP_PREFIX.sub("", title)
    if _FILE_SUFFIX.search(title):
        stem = _FILE_SUFFIX.sub("", title).strip()
        # "zen_of_python.txt", "Binder1.pdf": a bare file name tells nothing about the document.
        if " " not in stem:
            return None
        title = stem
    if _JUNK_TITLES.fullmatch(title) or not any(char.isalpha() for char in title):
        return None
    return title


def title_line(line: str | None) -> str | None:
    """A document's first line as its title, unless it is a short exclamation or sentence ("Ouch.": the
    mammoth test files footnotes.docx and comments.docx) that names nothing; the importer then keeps the
    file's name."""
    line = clean_title(line)
    if line and len(line.split()) <= 2 and line.rstrip()[-1:] in ".!?":
        return None
    return line


def split_authors(value: object) -> list[str]:
    """Display names from one author field: "A; B", "A and B", "Doe, Jane", "A, B, C"."""
    text = _as_text(value)
    if not text:
        return []
    parts = [part for chunk in text.split(";") for part in _split_and(chunk)]
    names: list[str] = []
    for part in parts:
        names.extend(_split_commas(part.strip(" ,")))
    return clean_authors(names)


def clean_authors(names: Iterable[object]) -> list[str]:
    """Drop placeholders and repeats (case-insensitively), keeping the order."""
    seen: set[str] = set()
    result: list[str] = []
    for name in names:
        text = _as_text(name)
        if text and text.lower().startswith("by "):
            text = text[3:].strip()
        if not text or text.lower() in _JUNK_AUTHORS or not any(char.isalpha() for char in text):
            continue
        if text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result


def _split_and(chunk: str) -> list[str]:
    """ "Jane Doe and John Roe" are two people; "Johnson & Johnson" or "Mac & i" are one name."""
    parts = [part.strip() for part in _AND.split(chunk)]
    if len(parts) > 1 and all(len(part.split()) >= 2 for part in parts):
        return parts
    return [chunk]


def _split_commas(part: str) -> list[str]:
    """ "Doe, Jane" is one name written family first; "Doe, Roe, Poe" are three names."""
    pieces = [piece.strip() for piece in part.split(",") if piece.strip()]
    if len(pieces) == 2 and len(pieces[0].split()) == 1 and len(pieces[1].split()) <= 3:
        return [f"{pieces[1]} {pieces[0]}"]
    return pieces


# Keyword lists: commas and semicolons, full-width ones and the ideographic comma (、) too.
_KEYWORD_SEPARATORS = re.compile(r"[;,；，、]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def split_keywords(value: object) -> list[str]:
    """Keywords from a "a, b; c" field or a list of them (each item split too), without repeats.

    CJK keyword fields are often space-separated ("宇航员 太空 国际空间站": readability page gmw), and CJK
    keywords have no inner spaces, so those split at spaces as well.
    """
    values = value if isinstance(value, (list, tuple, set)) else [value]
    items = [part for item in values for part in _KEYWORD_SEPARATORS.split(_as_text(item) or "")]
    items = [word for item in items for word in (item.split() if _CJK.search(item) else [item])]
    seen: set[str] = set()
    result = []
    for item in (item.strip() for item in items):
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            result.append(item)
    return result


def iso_date(value: object) -> str | None:
    """ "2016", "2016-07" or "2016-07-29" from a date, a datetime or an ISO-like string."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d") if 1000 <= value.year <= 2999 else None
    text = _as_text(value)
    match = _ISO_DATE.match(text or "")
    return _checked(*match.groups()) if match else None


def pdf_date(value: object) -> str | None:
    """ "D:20160729143000+02'00'" (or without "D:", or cut short) as an ISO date."""
    text = _as_text(value) or ""
    match = re.match(r"(?:D:)?\s*(\d{4})(\d{2})?(\d{2})?", text)
    return _checked(*match.groups()) if match else None


def _checked(year: str, month: str | None, day: str | None) -> str | None:
    """The date cut to the precision that is valid; None for impossible years."""
    if not 1000 <= int(year) <= 2999:
        return None
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day:
        return f"{year}-{int(month):02d}"
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return f"{year}-{int(month):02d}"


def _as_text(value: object) -> str | None:
    """A stripped one-line string from str, bytes or anything printable; None when empty."""
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    text = " ".join(str(value).replace("\x00", " ").split())
    return text or None
