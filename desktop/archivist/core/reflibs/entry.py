"""One reference of a library (BibTeX, RIS or CSL-JSON), in the catalogue's terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from archivist.core.extract import fields

# CSL fields kept in ``Document.extra["csl"]`` and written back out in every export (BibTeX, RIS, CSL-JSON).
EXTRA_FIELDS = ("DOI", "page", "volume", "issue", "number", "ISBN", "ISSN", "edition", "publisher-place",
                "container-title", "abstract", "collection-title")


@dataclass(slots=True)
class RefEntry:
    """A library entry: its metadata, the files it names, and its own text as the library wrote it."""

    key: str | None
    csl_type: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)  # display names: "Michiel de Jong", "World Health Organization"
    issued: str | None = None  # ISO date cut to its precision
    site: str | None = None  # the journal, newspaper or site it appeared in
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    keywords: list[str] = field(default_factory=list)
    csl: dict[str, str] = field(default_factory=dict)  # EXTRA_FIELDS that the entry has
    names: list[dict[str, str]] = field(default_factory=list)  # CSL names of ``authors``, where the library tells
    file_names: list[str] = field(default_factory=list)  # as the library wrote them
    files: list[Path] = field(default_factory=list)  # those found on disk
    source: str = ""  # the entry's own text in the library

    @property
    def doi(self) -> str | None:
        doi = self.csl.get("DOI")
        return normal_doi(doi) if doi else None

    def as_text(self) -> str:
        """What a metadata-only record shows and what search finds: title, authors, where, abstract, ids."""
        where = ", ".join(part for part in (self.site or self.csl.get("container-title"), self.publisher,
                                            self.issued, self.csl.get("page") and f"pp. {self.csl['page']}") if part)
        lines = [self.title or self.key or "Untitled", "; ".join(self.authors), where, self.csl.get("abstract", ""),
                 f"DOI: {self.csl['DOI']}" if self.csl.get("DOI") else "", self.url or "",
                 ("Keywords: " + "; ".join(self.keywords)) if self.keywords else ""]
        return "\n\n".join(line for line in lines if line)


def bare_doi(doi: str) -> str:
    """ "https://doi.org/10.1000/X" and "doi:10.1000/X" as the bare DOI "10.1000/X"."""
    doi = doi.strip()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"):
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix):]
    return doi.strip()


def normal_doi(doi: str) -> str:
    """DOIs are case-insensitive: compared bare and lowercased."""
    return bare_doi(doi).lower()


def tidy(entry: RefEntry) -> RefEntry:
    """One form for what libraries write in several: bare DOIs, page ranges with a hyphen."""
    if entry.csl.get("DOI"):
        entry.csl["DOI"] = bare_doi(entry.csl["DOI"])
    if entry.csl.get("accessed"):
        entry.csl["accessed"] = fields.iso_date(entry.csl["accessed"]) or ""
    if entry.csl.get("page"):
        entry.csl["page"] = re.sub(r"\s*[-\u2013\u2014]+\s*", "-", entry.csl["page"])
    entry.csl = {key: value for key, value in entry.csl.items() if value}
    return entry


def display(given: str, family: str) -> str:
    return " ".join(part for part in (given.strip(), family.strip()) if part)
