"""Citation keys, BibTeX, RIS, CSL-JSON and formatted styles (the citations issue).

Everything is made from one CSL-JSON item per document (``csl.py``); keys are made once at import (or on first
use for older documents) and stored in ``Document.citation_key``, so a key in a manuscript keeps working.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Document, Highlight
from archivist.core.citations import bibtex, csl, keys, ris, styles, zotero_rdf
from archivist.core.citations.files import format_for, write_atomically
from archivist.core.citations.locators import Locator, locator_for
from archivist.core.citations.source import CiteSource, load_sources, source_of
from archivist.core.errors import InvalidInputError, NotFoundError

if TYPE_CHECKING:
    from archivist.core.archive import Archive

DATA_FORMATS = ("bibtex", "ris", "csl-json", "zotero-rdf")
FORMATS = (*DATA_FORMATS, *styles.STYLES)
CSL_TYPES = ("article-newspaper", "article-magazine", "article-journal", "webpage", "post-weblog", "report",
             "book", "chapter", "paper-conference", "thesis", "document", "manuscript", "legislation", "bill",
             "legal_case", "interview", "speech", "dataset", "map", "motion_picture", "broadcast",
             "personal_communication")


class Citations:
    """Citations of one archive's documents; reached as ``archive.citations``."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    # -- keys ------------------------------------------------------------------------------------------
    def assign_keys(self, document_ids: Sequence[int]) -> dict[int, str]:
        """Give the documents that have no key one; returns the new keys."""
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            sources = load_sources(session, list(document_ids))
            return _assign(session, {document_id: source for document_id, source in sources.items() if not source.key})

    def key_new_documents(self, session: Session, documents: Sequence[Document]) -> dict[int, str]:
        """Keys for documents just inserted in ``session`` (flushed, so they have ids), in the same transaction."""
        return _assign(session, {document.id: source_of(document) for document in documents
                                 if not document.citation_key})

    def key(self, document_id: int) -> str:
        """The document's citation key (made now if it has none yet)."""
        return self._sources([document_id])[0].key

    def set_key(self, document_id: int, key: str) -> str:
        """Pin a key the user chose: checked for characters and uniqueness, never replaced afterwards."""
        key = keys.check_key(key)
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            document = self.archive._document(session, document_id)
            clash = session.scalar(
                select(Document.id).where(func.lower(Document.citation_key) == key.lower(), Document.id != document_id)
            )
            if clash is not None:
                raise InvalidInputError(f"document {clash} already has the key {key!r}")
            document.citation_key, document.citation_key_pinned = key, True
        return key

    def renew_key(self, document_id: int) -> str:
        """Make the key again from the current metadata: only when the user asks; unpins the key."""
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            document = self.archive._document(session, document_id)
            taken = {key.lower() for key in session.scalars(
                select(Document.citation_key).where(Document.id != document_id)) if key}
            source = load_sources(session, [document_id])[document_id]
            document.citation_key = keys.unique_key(keys.key_base(source), taken)
            document.citation_key_pinned = False
            return document.citation_key

    def set_type(self, document_id: int, csl_type: str | None) -> None:
        """Override the guessed CSL type (``None`` goes back to guessing from the format)."""
        if csl_type is not None and csl_type not in CSL_TYPES:
            raise InvalidInputError(f"unknown type {csl_type!r}: use one of {', '.join(CSL_TYPES)}")
        with self.archive.lock.hold(), self.archive.sessions.begin() as session:
            self.archive._document(session, document_id).csl_type = csl_type

    # -- reading ---------------------------------------------------------------------------------------
    def all_ids(self) -> list[int]:
        """Every document, in citation-key order (the order an exported .bib file lists them)."""
        self._ensure_keys(None)
        with self.archive.sessions() as session:
            return list(session.scalars(select(Document.id).order_by(Document.citation_key, Document.id)))

    def _ensure_keys(self, document_ids: Sequence[int] | None) -> None:
        with self.archive.sessions() as session:
            query = select(Document.id).where(Document.citation_key.is_(None))
            if document_ids is not None:
                query = query.where(Document.id.in_(list(document_ids)))
            missing = list(session.scalars(query))
        if missing:
            self.assign_keys(missing)

    def _sources(self, document_ids: Iterable[int], with_notes: bool = False) -> list[CiteSource]:
        ids = list(dict.fromkeys(document_ids))
        if not ids:
            raise InvalidInputError("no documents to cite")
        self._ensure_keys(ids)
        with self.archive.sessions() as session:
            found = load_sources(session, ids, with_notes)
        missing = [str(document_id) for document_id in ids if document_id not in found]
        if missing:
            raise NotFoundError(f"no document with id {', '.join(missing)}")
        return [found[document_id] for document_id in ids]

    def items(self, document_ids: Iterable[int], with_notes: bool = False) -> list[csl.CslItem]:
        """CSL-JSON items of the documents, in the order given; the user's notes only when ``with_notes``."""
        return [csl.csl_item(source) for source in self._sources(document_ids, with_notes)]

    # -- outputs ---------------------------------------------------------------------------------------
    # Every output leaves the user's notes out unless ``with_notes`` asks for them (issue 17: private by default).
    def csl_json(self, document_ids: Iterable[int], with_notes: bool = False) -> str:
        return csl.to_json(self.items(document_ids, with_notes))

    def ris(self, document_ids: Iterable[int], with_notes: bool = False) -> str:
        return ris.write(self.items(document_ids, with_notes))

    def bibtex(self, document_ids: Iterable[int], ascii_only: bool = False, with_notes: bool = False) -> str:
        """BibTeX entries; UTF-8 unless ``ascii_only`` asks for LaTeX commands (``{\\"u}``) instead."""
        sources = self._sources(document_ids, with_notes)
        entries = [bibtex.entry_for(csl.csl_item(source, with_note=False), ascii_only, source.note)
                   for source in sources]
        return bibtex.write(entries)

    def bibliography(self, document_ids: Iterable[int], style: str, as_html: bool = False) -> list[str]:
        """Reference-list entries in ``style``, in the style's order."""
        styles.style_info(style)
        return styles.bibliography(self.items(document_ids), style, as_html)

    def citation(self, document_ids: Iterable[int], style: str, as_html: bool = False, page: str | None = None,
                 label: str = "page") -> str:
        """The in-text citation, e.g. "(Doe, 2016, p. 3)"; ``label``: "page", "paragraph" or "chapter"."""
        styles.style_info(style)
        return styles.citation(self.items(document_ids), style, as_html, page, label)

    def render(self, document_ids: Iterable[int], fmt: str, as_html: bool = False, ascii_only: bool = False,
               in_text: bool = False, with_notes: bool = False) -> str:
        """Any format by name (``bibtex``, ``ris``, ``csl-json`` or a style), as the CLI and GUI print it.

        Formatted styles never carry notes; the data formats carry them only with ``with_notes``.
        """
        ids = list(document_ids)
        if fmt == "bibtex":
            return self.bibtex(ids, ascii_only, with_notes)
        if fmt == "ris":
            return self.ris(ids, with_notes)
        if fmt == "csl-json":
            return self.csl_json(ids, with_notes)
        if fmt == "zotero-rdf":
            return zotero_rdf.write(self.items(ids, with_notes))
        if in_text:
            return self.citation(ids, fmt, as_html) + "\n"
        return join_entries(self.bibliography(ids, fmt, as_html), as_html)

    def quote(self, highlight_id: int, style: str, as_html: bool = False) -> str:
        """A highlight as a quotation with its page: ``"were brutally killed" (Doe, 2016, p. 1)``."""
        document_id, quote, page = self._highlight(highlight_id)
        where = self.locator(highlight_id)
        cited = self.citation([document_id], style, as_html, page=where.value if where else page,
                              label=where.label if where else "page")
        text = " ".join(quote.split())
        return f"\"{html.escape(text, quote=False) if as_html else text}\" {cited}"

    def _highlight(self, highlight_id: int) -> tuple[int, str, str | None]:
        # read through the catalogue model: the highlights issue owns the API, the table is shared truth
        with self.archive.sessions() as session:
            row = session.get(Highlight, highlight_id)
            if row is None:
                raise NotFoundError(f"no highlight with id {highlight_id}")
            return row.document_id, row.quote, row.page

    def locator(self, highlight_id: int) -> Locator | None:
        """Where a highlight is, by the source's kind: page, paragraph (unpaginated text) or chapter (EPUB)."""
        with self.archive.sessions() as session:
            row = session.get(Highlight, highlight_id)
            if row is None:
                raise NotFoundError(f"no highlight with id {highlight_id}")
            document_id, start, page = row.document_id, row.start, row.page
        return self.locator_at(document_id, start, page)

    def locator_at(self, document_id: int, start: int, page: str | None = None) -> Locator | None:
        """The locator of the passage at offset ``start`` of a document (a claim's, a search hit's)."""
        content = self.archive.content(document_id)
        fmt = self.archive.get(document_id).format
        return locator_for(fmt, content.text, content.pages, content.headings, start, page)

    def highlight_document(self, highlight_id: int) -> int:
        return self._highlight(highlight_id)[0]

    # -- files -----------------------------------------------------------------------------------------
    def export(self, path: Path, document_ids: Sequence[int] | None = None, fmt: str | None = None,
               ascii_only: bool = False, with_notes: bool = False) -> int:
        """Write a bibliography file (all documents when none are given) atomically; returns how many."""
        path = Path(path)
        fmt = format_for(path, fmt)
        if fmt not in DATA_FORMATS:
            raise InvalidInputError(f"cannot export {fmt!r}: use {', '.join(DATA_FORMATS)}")
        ids = list(document_ids) if document_ids else self.all_ids()
        if not ids:
            raise InvalidInputError("the archive has no documents to export")
        write_atomically(path, self.render(ids, fmt, ascii_only=ascii_only, with_notes=with_notes))
        return len(ids)


def join_entries(entries: list[str], as_html: bool) -> str:
    """Bibliography entries as text: one per line, or one ``div.csl-entry`` each for HTML."""
    if as_html:
        return "".join(f'<div class="csl-entry">{entry}</div>\n' for entry in entries)
    return "".join(f"{entry}\n" for entry in entries)


def _assign(session: Session, sources: dict[int, CiteSource]) -> dict[int, str]:
    bases = {document_id: keys.key_base(source) for document_id, source in sources.items()}
    maker = keys.KeyMaker(_keys_taken(session, set(bases.values())))
    # import order decides who gets the plain key
    made = {document_id: maker.key(bases[document_id]) for document_id in sorted(bases)}
    if made:
        # one executemany, not a get() + autoflush per document (4 s of a 2,000-file import)
        session.execute(update(Document), [{"id": doc_id, "citation_key": key} for doc_id, key in made.items()])
    return made


def _keys_taken(session: Session, bases: set[str]) -> set[str]:
    """The keys (lowercased) a new key made from one of ``bases`` could clash with.

    Made keys are lowercase ASCII, so only keys starting with a base can clash, found through the key's
    unique index in one query; keys the user pinned may have capitals and are all taken. Reading every key
    for every batch of an import made key assignment quadratic: minutes at 100,000 documents.
    """
    pinned = select(Document.citation_key).where(Document.citation_key_pinned)
    taken = {key.lower() for key in session.scalars(pinned) if key}
    ranges = [(Document.citation_key >= base) & (Document.citation_key < base + "\x7f") for base in bases]
    for start in range(0, len(ranges), 400):  # SQLite's limit of bound parameters
        query = select(Document.citation_key).where(or_(*ranges[start : start + 400]))
        taken.update(key.lower() for key in session.scalars(query) if key)
    return taken
