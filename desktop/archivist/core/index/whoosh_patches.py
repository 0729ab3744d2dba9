"""Every change Archivist makes to Whoosh's own code, in one place (whoosh-reloaded 2.7.5, pinned in pyproject.toml).

Each patch replaces a Whoosh method or module function with one that gives the same answers faster; each says
what it replaces and the measurement that asked for it. Importing this module applies them (``index.py`` does,
so the indexer child and every searcher run patched). A new Whoosh version means reading each one again.
"""

from __future__ import annotations

import marshal
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

from whoosh import writing
from whoosh.codec import whoosh3
from whoosh.util.numeric import _length_byte_cache as length_table
from whoosh.util.numeric import byte_to_length

PICKLE_PROTOCOL = 4

# Whoosh pickles posting blocks with protocol 2, where every position list is a function call to unpickle;
# protocol 4 reads 3.4x faster (the "said" posting list: 11.4 -> 3.4 ms) and the index is ~30% smaller.
# Readers take any protocol, so indexes written before this still open.
whoosh3.dumps = lambda value, _protocol=None: pickle.dumps(value, PICKLE_PROTOCOL)  # type: ignore[assignment]


def _cached_reader(self: whoosh3.W3PerDocReader, fieldname: str, column: object) -> object:
    """Whoosh's own caches only the columns that exist: for a field without lengths (id, format, dates) it
    asked the file system again for every posting written at commit, 17% of a commit's time (py-spy).
    A segment never changes, so "no such column" is cached too."""
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


whoosh3.W3PerDocReader._cached_reader = _cached_reader  # type: ignore[method-assign]
_original_doc_field_length = whoosh3.W3PerDocReader.doc_field_length


def _doc_field_length(self: whoosh3.W3PerDocReader, docnum: int, fieldname: str, default: int = 0) -> int | None:
    """Whoosh seeks and reads one byte of the lengths column for every posting a commit writes: 15% of a commit
    once the exact-form fields had positions (py-spy, 10,000 files). A segment never changes, so each field's
    lengths (one byte a document) are read whole once; the answers are Whoosh's own (None for length 0)."""
    try:
        lengths = self._archivist_lengths[fieldname]  # type: ignore[attr-defined]
    except (AttributeError, KeyError):
        lengths = _field_lengths(self, fieldname)
    if lengths is None:
        return _original_doc_field_length(self, docnum, fieldname, default)  # type: ignore[no-any-return]
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    lbyte = lengths[docnum] if docnum < len(lengths) else 0
    return byte_to_length(lbyte) if lbyte else None


def _field_lengths(reader: whoosh3.W3PerDocReader, fieldname: str) -> bytes | None:
    """The lengths column of ``fieldname`` as bytes, kept on the reader; None: ask Whoosh (no such column, or
    a column reader of another Whoosh version)."""
    column = reader._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
    try:
        lengths = None if column is None else bytes(column._dbfile.get(column._basepos, column._count))
    except AttributeError:
        lengths = None
    reader.__dict__.setdefault("_archivist_lengths", {})[fieldname] = lengths
    return lengths


whoosh3.W3PerDocReader.doc_field_length = _doc_field_length  # type: ignore[method-assign]

# Postings marshalled together when a writer's pool spills a sorted run to disk (see _write_run).
RUN_CHUNK = 20_000


def _write_run(self: writing.PostingPool, file: BinaryIO, items: Iterable[tuple[Any, ...]]) -> None:
    """Whoosh pickles each posting of a run on its own (protocol 2) and reads them back one at a time. Once the
    exact-form fields kept positions, a 20,000-document commit spilled runs past the writer's RAM limit, and
    writing and reading them was a third of the indexer's time at 38,000 files (py-spy); chunks of postings
    marshalled at once (they are tuples of str, bytes, int, float and bytes or None) cost a fraction of that."""
    try:
        chunks = iter(items)
        while chunk := list(islice(chunks, RUN_CHUNK)):
            marshal.dump(chunk, file)
    finally:
        file.close()


def _read_run(self: writing.PostingPool, path: str) -> Iterator[tuple[Any, ...]]:
    file = self._open_run(path)
    try:
        while True:
            try:
                chunk = marshal.load(file)
            except EOFError:
                return
            yield from chunk
    finally:
        file.close()
        self._remove_run(path)


writing.PostingPool._write_run = _write_run  # type: ignore[method-assign,assignment]
writing.PostingPool._read_run = _read_run  # type: ignore[method-assign,assignment]


def _add_postings(self: whoosh3.W3FieldWriter, schema: Any, lengths: Any, items: Iterable[tuple[Any, ...]]) -> None:
    """Whoosh's ``FieldWriter.add_postings`` with the per-posting work inlined: a commit writes every posting
    of its segment through three calls (``add``, ``add_posting`` with four type asserts, ``doc_field_length``),
    the largest share of a commit, and the commit at the end of an import is the part nothing else overlaps.
    The postings written are Whoosh's own: the same ids, weights, values and lengths in the same blocks."""
    start_field, start_term, finish_term, finish_field = (self.start_field, self.start_term, self.finish_term,
                                                          self.finish_field)
    field_length = lengths.doc_field_length if lengths else None
    lastfn: str | None = None
    lasttext: bytes | None = None
    known: bytes | None = None  # the current field's lengths column, one byte a document
    writer: Any = None
    fast = False
    for fieldname, btext, docnum, weight, value in items:
        if fieldname != lastfn:
            if lastfn is not None and fieldname < lastfn:
                raise writing.OutOfOrderError(f"Field {lastfn!r} .. {fieldname!r}")
            if lasttext is not None:
                finish_term()
            if lastfn is not None:
                finish_field()
            start_field(fieldname, schema[fieldname])
            lastfn, lasttext = fieldname, None
            known = _known_lengths(lengths, fieldname)
        elif lasttext and btext < lasttext:
            raise writing.OutOfOrderError(f"Term {lastfn}:{lasttext!r} .. {fieldname}:{btext!r}")
        if docnum == -1:  # a spelling word (Whoosh's own hack); Archivist's schema has none
            continue
        if btext != lasttext:
            if lasttext is not None:
                finish_term()
            start_term(btext)
            lasttext = btext
            writer = self._postwriter
            fast = type(writer) is whoosh3.W3PostingsWriter and not writer._byteids
        if known is not None:
            lbyte = known[docnum] if docnum < len(known) else 0
            length = _BYTE_LENGTHS[lbyte] if lbyte else None
        else:
            length = field_length(docnum, fieldname) if field_length is not None else 0
        if value is None:
            value = b""
        if not fast:
            self.add(docnum, weight, value, length)
            continue
        ids = writer._ids
        if len(ids) >= writer._blocklimit:
            writer._write_block()
            ids = writer._ids
        ids.append(docnum)
        writer._weights.append(weight)
        if weight > writer._maxweight:
            writer._maxweight = weight
        if value:
            writer._values.append(value)
        if length:
            if writer._minlength is None or length < writer._minlength:
                writer._minlength = length
            if length > writer._maxlength:
                writer._maxlength = length
    if lasttext is not None:
        finish_term()
    if lastfn is not None:
        finish_field()


_BYTE_LENGTHS = length_table


def _known_lengths(lengths: Any, fieldname: str) -> bytes | None:
    """The lengths column of ``fieldname`` when ``lengths`` is a segment's per-document reader that has one
    (read whole once, as ``_doc_field_length`` does); None: ask ``doc_field_length`` for each posting."""
    if type(lengths) is not whoosh3.W3PerDocReader:
        return None
    try:
        known = lengths._archivist_lengths[fieldname]
    except (AttributeError, KeyError):
        known = _field_lengths(lengths, fieldname)
    if known is not None and len(known) > lengths._doccount:
        return None  # not a column this code understands: Whoosh's own way
    return known


whoosh3.W3FieldWriter.add_postings = _add_postings  # type: ignore[method-assign]
