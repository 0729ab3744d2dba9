"""Reading a RIS library (Zotero, Mendeley, EndNote exports) with rispy."""

from __future__ import annotations

import re

import rispy

from archivist.core.citations.names import display_name
from archivist.core.extract import fields
from archivist.core.reflibs.entry import RefEntry

TYPES = {
    "JOUR": "article-journal", "JFULL": "article-journal", "EJOUR": "article-journal", "MGZN": "article-magazine",
    "NEWS": "article-newspaper", "BOOK": "book", "EBOOK": "book", "EDBOOK": "book", "CHAP": "chapter",
    "ECHAP": "chapter", "CONF": "paper-conference", "CPAPER": "paper-conference", "RPRT": "report",
    "THES": "thesis", "ELEC": "webpage", "WEB": "webpage", "BLOG": "post-weblog", "UNPB": "manuscript",
    "MANSCPT": "manuscript", "GEN": "document", "GOVDOC": "report", "STAT": "legislation", "BILL": "bill",
    "CASE": "legal_case",
}  # fmt: skip
LIST_TAGS = [*rispy.LIST_TYPE_TAGS, "L1", "L2", "L4", "DO", "SN"]
_RECORD_START = re.compile(r"^TY  - ", re.MULTILINE)


def read(text: str) -> tuple[list[RefEntry], list[str]]:
    """The records of a RIS text, and one problem line if rispy could not read it."""
    text = text.lstrip("\ufeff")
    try:
        records = rispy.loads(text, list_tags=LIST_TAGS, skip_unknown_tags=False)
    except Exception as error:  # rispy raises IOError-like errors for broken files: one line, not a traceback
        return [], [f"not a readable RIS file: {error}"]
    sources = [chunk for chunk in _RECORD_START.split(text)[1:]]
    entries = []
    for number, record in enumerate(records):
        source = "TY  - " + sources[number] if number < len(sources) else ""
        entries.append(entry_of(record, source))
    return entries, []


def entry_of(record: dict[str, object], source: str = "") -> RefEntry:
    def get(*names: str) -> str | None:
        for name in names:
            value = record.get(name)
            if isinstance(value, list):
                value = value[0] if value else None
            text = " ".join(str(value).split()) if value else ""
            if text:
                return text
        return None

    kind = str(record.get("type_of_reference") or "GEN").upper()
    ref = RefEntry(key=get("id", "label"), csl_type=TYPES.get(kind, "document"), source=source.strip() + "\n")
    ref.title = fields.clean_title(get("title", "primary_title", "translated_title"))
    people = [name for tag in ("authors", "first_authors") for name in _list(record.get(tag))]
    ref.names = [_name(name) for name in people or _list(record.get("secondary_authors"))]
    ref.authors = [display_name(name) for name in ref.names]
    ref.issued = _issued(get("date", "publication_year", "year"), get("year", "publication_year"))
    container = get("secondary_title", "journal_name", "alternate_title3", "alternate_title1", "alternate_title2")
    if ref.csl_type in ("chapter", "paper-conference"):
        ref.csl["container-title"] = container or ""
    else:
        ref.site = container
    ref.publisher = get("publisher")
    ref.url = next((url for url in _list(record.get("urls")) if "://" in url and not url.startswith("file:")), None)
    ref.language = get("language")
    ref.keywords = fields.split_keywords(_list(record.get("keywords")))
    start, end = get("start_page"), get("end_page")
    pages = f"{start}-{end}" if start and end and start != end else start
    for key, value in (("DOI", get("doi")), ("page", pages), ("volume", get("volume")), ("issue", get("number")),
                       ("ISBN" if ref.csl_type in ("book", "chapter") else "ISSN", get("issn")),
                       ("edition", get("edition")), ("publisher-place", get("place_published")),
                       ("abstract", get("abstract", "notes_abstract")),
                       ("accessed", _issued(get("access_date"), None))):
        if value:
            ref.csl[key] = value
    ref.csl = {key: value for key, value in ref.csl.items() if value}
    ref.file_names = [name for tag in ("file_attachments1", "file_attachments2") for name in _list(record.get(tag))]
    ref.file_names += [url for url in _list(record.get("urls")) if url.startswith("file:")]
    return ref


def _list(value: object) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [" ".join(str(item).split()) for item in values if str(item).strip()]


def _name(name: str) -> dict[str, str]:
    """RIS names are "Family, Given" (or "Family, Given, Suffix"); an organisation has no comma."""
    family, comma, given = name.partition(",")
    if not comma:
        return {"literal": name.strip()}
    given, _, suffix = given.partition(",")
    parsed = {"family": family.strip(), "given": given.strip(), "suffix": suffix.strip()}
    return {key: value for key, value in parsed.items() if value}


def _issued(date: str | None, year: str | None) -> str | None:
    """RIS dates are "YYYY/MM/DD/other" with parts left empty; PY may be "2016///"."""
    for value in (date, year):
        if value:
            parts = [part for part in re.split(r"[/\-]", value) if part.strip()]
            if parts and re.fullmatch(r"\d{4}", parts[0].strip()):
                numbers = [part.strip() for part in parts[:3] if part.strip().isdigit()]
                return fields.iso_date("-".join(numbers))
    return None
