"""BibTeX through bibtexparser 2: Entry/Field objects written with a fixed BibtexFormat (byte-stable output).

Entry types are the classic ones every ``.bst`` knows (``@article``, ``@book``, ``@techreport``, ``@misc``), so
``bibtex`` with plain.bst runs without "entry type not defined" warnings; biblatex reads them too and uses
``url``/``urldate``.
"""

from __future__ import annotations

import re

import bibtexparser
from bibtexparser.middlewares import AddEnclosingMiddleware
from bibtexparser.model import Entry, Field

from archivist.core.citations.csl import CslItem
from archivist.core.citations.latex import escape, protect_title, safe_url
from archivist.core.citations.names import CslName

ENTRY_TYPES = {
    "article-newspaper": "article", "article-magazine": "article", "article-journal": "article",
    "book": "book", "report": "techreport", "chapter": "incollection", "paper-conference": "inproceedings",
    "thesis": "phdthesis",
}
# where the site / periodical / publisher goes, per entry type
CONTAINER_FIELD = {"article": "journal", "book": "publisher", "techreport": "institution", "misc": "howpublished",
                   "incollection": "publisher", "inproceedings": "publisher", "phdthesis": "school"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_AND = re.compile(r"(^|\s)and(\s|$)", re.IGNORECASE)


def entry_for(item: CslItem, ascii_only: bool = False, note: str | None = None) -> Entry:
    """The BibTeX entry of a CSL item, fields in a fixed order."""
    entry_type = ENTRY_TYPES.get(item["type"], "misc")
    fields: list[Field] = []

    def add(key: str, value: str | None, enclosing: str | None = None) -> None:
        if value:
            fields.append(Field(key, value, enclosing=enclosing))

    add("author", " and ".join(bib_name(name, ascii_only) for name in item.get("author", [])))
    add("title", protect_title(item.get("title") or "Untitled", ascii_only))
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    add("year", str(parts[0]) if parts else None)
    # a month macro (jul) is what every style knows how to print in the reader's language
    add("month", MONTHS[parts[1] - 1] if len(parts) > 1 else None, enclosing="no-enclosing")
    container = item.get("container-title") or item.get("publisher")
    if entry_type in ("incollection", "inproceedings"):
        container = item.get("publisher")  # the book or proceedings title goes to booktitle
    add(CONTAINER_FIELD[entry_type], escape(container, ascii_only) if container else None)
    if entry_type == "article" and item.get("publisher"):
        add("publisher", escape(item["publisher"], ascii_only))
    if entry_type in ("incollection", "inproceedings") and item.get("container-title"):
        add("booktitle", escape(item["container-title"], ascii_only))
    for csl_key, bib_key in (("volume", "volume"), ("issue", "number"), ("number", "number"), ("page", "pages"),
                             ("publisher-place", "address"), ("edition", "edition"), ("ISBN", "isbn"),
                             ("ISSN", "issn")):
        if item.get(csl_key) and not any(existing.key == bib_key for existing in fields):
            value = str(item[csl_key])
            add(bib_key, escape(value.replace("-", "--") if bib_key == "pages" else value, ascii_only))
    add("doi", escape(item["DOI"], ascii_only) if item.get("DOI") else None)
    add("url", safe_url(item["URL"]) if item.get("URL") else None)
    add("urldate", _iso(item["accessed"]) if item.get("accessed") else None)
    add("keywords", escape(item["keyword"], ascii_only) if item.get("keyword") else None)
    add("note", escape(note, ascii_only) if note else None)
    return Entry(entry_type, item["id"], fields)


def bib_name(name: CslName, ascii_only: bool = False) -> str:
    """``Family, Given`` (with a von part), or an organisation braced whole so BibTeX does not split it."""
    if "literal" in name:
        return "{" + escape(name["literal"], ascii_only) + "}"
    family = _guard(escape(name.get("family", ""), ascii_only))
    particle = name.get("non-dropping-particle")
    if particle:
        family = f"{escape(particle, ascii_only)} {family}"
    given = _guard(escape(name.get("given", ""), ascii_only))
    return f"{family}, {given}" if given else family


def _guard(part: str) -> str:
    """Brace a name part BibTeX would misread: a comma or the word "and" inside it."""
    return "{" + part + "}" if "," in part or _AND.search(part) else part


def _iso(date: dict[str, list[list[int]]]) -> str:
    parts = date["date-parts"][0]
    return "-".join(f"{part:04d}" if i == 0 else f"{part:02d}" for i, part in enumerate(parts))


def write(entries: list[Entry]) -> str:
    """BibTeX text of the entries: two-space indent, one blank line between entries, a final newline."""
    if not entries:
        return ""
    library = bibtexparser.Library(entries)
    bib_format = bibtexparser.BibtexFormat()
    bib_format.indent = "  "
    bib_format.block_separator = "\n"  # each entry already ends with a newline: one blank line between
    bib_format.trailing_comma = True
    stack = [AddEnclosingMiddleware(reuse_previous_enclosing=False, enclose_integers=False, default_enclosing="{")]
    return bibtexparser.write_string(library, unparse_stack=stack, bibtex_format=bib_format).rstrip("\n") + "\n"
