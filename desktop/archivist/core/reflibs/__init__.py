"""Reference libraries in (issue 17): BibTeX, RIS and CSL-JSON files exported by Zotero, JabRef or Mendeley.

``archivist import library.bib`` reads each entry into a catalogue record with its metadata and citation key,
imports the files its ``file`` field names (their text becomes searchable), keeps an entry without a file as a
metadata-only record (format ``reference``: its original is the entry's own text), and on a second import
updates the records it made instead of adding new ones (matched by attached file, citation key or DOI).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the readers (bibtexparser, rispy) load only when a library is read: discovery imports this
    from archivist.core.reflibs.entry import RefEntry

LIBRARY_SUFFIXES = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".json": "csl-json"}
_BIBTEX_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_RIS_RECORD = re.compile(r"^TY  - [A-Z]+", re.MULTILINE)


def looks_like_bibtex(head: str) -> bool:
    return bool(_BIBTEX_ENTRY.search(head))


def looks_like_ris(head: str) -> bool:
    return bool(_RIS_RECORD.search(head.lstrip("\ufeff")))


def looks_like_csl_json(head: str) -> bool:
    head = head.lstrip("\ufeff \n\r\t")
    return head.startswith(("[", "{")) and '"type"' in head and ('"title"' in head or '"id"' in head)


def library_kind(path: Path) -> str | None:
    """``bibtex``, ``ris`` or ``csl-json`` when ``path`` is a reference library, else None.

    Decided by the name and the first 8 KB: a ``.json`` file is a library only when it holds CSL items.
    """
    kind = LIBRARY_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return None
    try:
        with path.open("rb") as file:
            head = file.read(8192).decode("utf-8", errors="replace")
    except OSError:
        return kind if kind != "csl-json" else None  # the importer reports the unreadable file
    sniff = {"bibtex": looks_like_bibtex, "ris": looks_like_ris, "csl-json": looks_like_csl_json}[kind]
    return kind if sniff(head) or (kind != "csl-json" and not head.strip()) else None


def is_reference_library(path: Path) -> bool:
    return library_kind(path) is not None


def read_library(path: Path) -> tuple[list[RefEntry], list[str]]:
    """The entries of a library file, and one line per problem found in it."""
    from archivist.core.extract.text import decode_bytes
    from archivist.core.reflibs import bibtex_in, csl_in, ris_in
    from archivist.core.reflibs.entry import tidy

    kind = library_kind(path)
    text = decode_bytes(path.read_bytes())
    reader = {"bibtex": bibtex_in.read, "ris": ris_in.read, "csl-json": csl_in.read}[kind or "bibtex"]
    entries, problems = reader(text)
    return [tidy(entry) for entry in entries], problems


def reference_text(original: Path) -> str | None:
    """The text of a metadata-only record made again from its stored original (the library entry's text)."""
    from archivist.core.extract.text import decode_bytes
    from archivist.core.reflibs import bibtex_in, csl_in, ris_in
    from archivist.core.reflibs.entry import tidy

    text = decode_bytes(original.read_bytes())
    for sniff, reader in ((looks_like_bibtex, bibtex_in.read), (looks_like_ris, ris_in.read),
                          (looks_like_csl_json, csl_in.read)):
        if sniff(text[:8192]):
            entries, _problems = reader(text if reader is not csl_in.read else f"[{text}]")
            if entries:
                return tidy(entries[0]).as_text()
    return None
