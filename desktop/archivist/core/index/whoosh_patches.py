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
