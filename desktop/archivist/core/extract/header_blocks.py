"""Metadata stated in a text's own header block: PEPs ("Title:", "Author:", "Created:"), e-mails ("From:",
"Subject:", "Date:"), RFCs (the "Request for Comments: 791" block and the centred title under it).

Only what the header says is taken; a text without such a block gets nothing from here (issue 17: a PEP came in
titled "PEP: 20").
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from archivist.core.extract import fields
from archivist.core.extract.base import Metadata

_FIELD = re.compile(r"^([A-Z][A-Za-z-]{1,30}):[ \t]*(.*)$")
_CONTINUATION = re.compile(r"^[ \t]+\S")
_TITLE_KEYS = ("title", "subject")
_AUTHOR_KEYS = ("author", "authors", "from")
_DATE_KEYS = ("created", "date")
# A header block is believed when it has at least two of these (one "Title:" line could be prose).
_KNOWN_KEYS = frozenset({"pep", "title", "author", "status", "type", "created", "from", "to", "subject", "date",
                         "cc", "message-id", "post-history", "version", "sponsor", "discussions-to"})
_EMAIL = re.compile(r"\s*<[^>]*>|\s*\([^)]*@[^)]*\)|\S+@\S+")
_RFC_NUMBER = re.compile(r"^Request for Comments:\s*(\d+)", re.MULTILINE)
_RFC_DATE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November"
                       r"|December)\s+(\d{4})\s*$", re.MULTILINE)


def header_metadata(text: str) -> Metadata | None:
    """The metadata of the text's header block, or None when the text opens with none."""
    return _key_value_block(text) or _rfc(text)


def _key_value_block(text: str) -> Metadata | None:
    values: dict[str, str] = {}
    current: str | None = None
    for line in text.lstrip("\ufeff").split("\n")[:60]:
        match = _FIELD.match(line)
        if match:
            current = match.group(1).lower()
            values[current] = match.group(2).strip()
        elif current and _CONTINUATION.match(line):
            values[current] += " " + line.strip()
        else:
            break  # the block ends at the first line that is neither a field nor its continuation
    if len(set(values) & _KNOWN_KEYS) < 2:
        return None
    metadata = Metadata(
        title=fields.clean_title(next((values[key] for key in _TITLE_KEYS if values.get(key)), None)),
        authors=_authors(next((values[key] for key in _AUTHOR_KEYS if values.get(key)), "")),
        issued=_date(next((values[key] for key in _DATE_KEYS if values.get(key)), "")),
    )
    if values.get("pep") and metadata.title:
        metadata.title = f"PEP {values['pep']} – {metadata.title}"  # how PEPs are cited (python.org's titles)
    return metadata if metadata.title or metadata.authors else None


def _authors(value: str) -> list[str]:
    """ "Tim Peters <tim@x.org>, Jane Doe <jane@y.org>" as names, the addresses dropped."""
    names = [" ".join(_EMAIL.sub("", part).split()).strip('" ') for part in re.split(r",(?![^<]*>)", value)]
    return fields.clean_authors(name for name in names if name)


def _date(value: str) -> str | None:
    """ "19-Aug-2004" (PEPs), "Tue, 1 Dec 2026 10:00:00 +0000" (e-mail) or an ISO date."""
    value = value.strip()
    for pattern in ("%d-%b-%Y", "%d %b %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
        return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        return fields.iso_date(value) if re.match(r"\d{4}-\d{2}", value) else None


def _rfc(text: str) -> Metadata | None:
    """An RFC's first page: the header columns, then its title centred on a line of its own."""
    head = text[:4000]
    number = _RFC_NUMBER.search(head)
    if not number:
        return None
    block_end = head.find("\n\n", number.end())
    title = None
    for line in head[block_end:].split("\n"):
        stripped = line.strip()
        if stripped:
            title = stripped if line.startswith("   ") or len(line) - len(line.lstrip()) > 5 else None
            break
    date = _RFC_DATE.search(head[: block_end if block_end > 0 else len(head)])
    issued = None
    if date:
        issued = f"{date.group(2)}-{dt.datetime.strptime(date.group(1), '%B').month:02d}"
    return Metadata(title=f"RFC {number.group(1)}: {title}" if title else f"RFC {number.group(1)}", issued=issued)
