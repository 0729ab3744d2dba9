"""Reading a BibTeX library (Zotero, Better BibTeX, JabRef, Mendeley exports) with bibtexparser 2."""

from __future__ import annotations

import re
from collections.abc import Callable

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import Entry

from archivist.core.citations.names import display_name
from archivist.core.extract import fields
from archivist.core.reflibs.entry import RefEntry
from archivist.core.reflibs.file_fields import split_file_field

TYPES = {
    "article": "article-journal", "book": "book", "inbook": "chapter", "incollection": "chapter",
    "inproceedings": "paper-conference", "conference": "paper-conference", "techreport": "report",
    "report": "report", "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
    "online": "webpage", "electronic": "webpage", "www": "webpage", "unpublished": "manuscript",
    "manual": "report", "booklet": "book", "misc": "document", "newspaper": "article-newspaper",
}  # fmt: skip
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_BRACES = re.compile(r"[{}]")


def read(text: str) -> tuple[list[RefEntry], list[str]]:
    """The entries of a .bib text, and one problem line per block bibtexparser could not read."""
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    # name lists read again without LaTeX decoding, which drops the braces that mark an organisation
    raw_names = {entry.key: entry for entry in bibtexparser.parse_string(text).entries}
    problems = [f"line {block.start_line + 1}: {block.error}" if hasattr(block, "error") else
                f"line {block.start_line + 1}: not a BibTeX entry" for block in library.failed_blocks]
    return [entry_of(entry, raw_names.get(entry.key)) for entry in library.entries], problems


def entry_of(entry: Entry, undecoded: Entry | None = None) -> RefEntry:
    get = _getter(entry)
    kind = entry.entry_type.lower()
    ref = RefEntry(key=entry.key, csl_type=TYPES.get(kind, "document"), source=entry.raw or "")
    ref.title = fields.clean_title(get("title"))
    ref.names = names(_raw(undecoded or entry, "author") or _raw(undecoded or entry, "editor") or "")
    if undecoded is not None:  # the braces came from there; the letters from the decoded entry
        decoded = names(_raw(entry, "author") or _raw(entry, "editor") or "")
        ref.names = [{"literal": _literal(decoded, number) or name["literal"]} if "literal" in name
                     and len(decoded) == len(ref.names) else decoded[number] if len(decoded) == len(ref.names)
                     else name for number, name in enumerate(ref.names)]
    ref.authors = [display_name(name) for name in ref.names]
    ref.issued = _issued(get("date"), get("year"), get("month"))
    ref.site = get("journaltitle") or get("journal") or (get("howpublished") if kind in ("online", "misc") else None)
    if kind in ("inbook", "incollection", "inproceedings", "conference"):
        ref.csl["container-title"] = get("booktitle") or ""
    ref.publisher = get("publisher") or get("institution") or get("school") or get("organization")
    ref.url = get("url")
    ref.language = get("langid") or get("language")
    ref.keywords = fields.split_keywords(get("keywords"))
    for name, key in (("doi", "DOI"), ("pages", "page"), ("volume", "volume"), ("isbn", "ISBN"), ("issn", "ISSN"),
                      ("edition", "edition"), ("address", "publisher-place"), ("location", "publisher-place"),
                      ("abstract", "abstract"), ("series", "collection-title"), ("urldate", "accessed")):
        if get(name) and key not in ref.csl:
            ref.csl[key] = get(name) or ""
    if get("number"):
        ref.csl["issue" if ref.csl_type.startswith("article") else "number"] = get("number") or ""
    ref.csl = {key: value for key, value in ref.csl.items() if value}
    if ref.csl_type == "document" and ref.url and not ref.site:
        ref.csl_type = "webpage"
    ref.file_names = [path for value in (get("file"), get("pdf"), get("local-url")) if value
                      for path in split_file_field(value)]
    return ref


def _literal(decoded: list[dict[str, str]], number: int) -> str | None:
    name = decoded[number]
    return name.get("literal") or " ".join(part for part in (name.get("given"), name.get("family")) if part)


def _raw(entry: Entry, name: str) -> str | None:
    """A field's value with its braces (they mark organisations in name lists)."""
    return next((str(field.value) for field in entry.fields if field.key.lower() == name), None)


def _getter(entry: Entry) -> Callable[[str], str | None]:
    values = {field.key.lower(): field.value for field in entry.fields}

    def get(name: str) -> str | None:
        value = values.get(name)
        if value is None:
            return None
        text = " ".join(_BRACES.sub("", str(value)).split())
        return text or None

    return get


def names(value: str) -> list[dict[str, str]]:
    """CSL names from a BibTeX name list ("Jong, Michiel de and {World Health Organization}").

    A name braced whole is an organisation, kept as written (``literal``).
    """
    result: list[dict[str, str]] = []
    for person in split_multiple_persons_names(value):
        person = person.strip()
        plain = _BRACES.sub("", person).strip()
        if not plain or plain.lower() == "others":
            continue
        if person.startswith("{") and person.endswith("}"):
            result.append({"literal": plain})
            continue
        try:
            parts = parse_single_name_into_parts(person)
        except Exception:  # bibtexparser's InvalidNameError and friends: keep the name as written
            result.append({"literal": plain})
            continue
        name = {"family": _BRACES.sub("", " ".join(parts.last)), "given": _BRACES.sub("", " ".join(parts.first))}
        if parts.von:
            name["non-dropping-particle"] = _BRACES.sub("", " ".join(parts.von))
        if parts.jr:
            name["suffix"] = _BRACES.sub("", " ".join(parts.jr))
        result.append({key: text for key, text in name.items() if text})
    return result


def _issued(date: str | None, year: str | None, month: str | None) -> str | None:
    if date:
        return fields.iso_date(date)
    if not year:
        return None
    number = MONTHS.get((month or "")[:3].lower()) or (int(month) if month and month.isdigit() else None)
    return fields.iso_date(f"{year}-{number:02d}" if number and 1 <= number <= 12 else year)
