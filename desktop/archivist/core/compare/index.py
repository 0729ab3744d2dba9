"""The reuse index: each document's fingerprints, in a cache file beside the catalogue.

It is derived data like the search index: the catalogue stays the truth, the file can be deleted at any time and
is rebuilt from the catalogue's texts. Plain ``sqlite3``, not the catalogue's engine: it is a separate file with
one narrow table, and bulk inserts of millions of rows are what it must do fast.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from archivist.core.compare import index_schema

_CHUNK = 900  # under SQLite's limit on bound parameters in one statement
CACHE_KB = 64 * 1024
# New fingerprints wait in ``waiting``, one row a document holding them as a JSON array, and are moved into the
# keyed table in sorted bulk once this many wait, or before the next query. Fingerprints are random keys:
# inserting them a batch of 200 documents at a time rewrote pages all over the table, 70 s for 100,000
# documents against 21 s in batches of 5,000. One row a document rather than one a fingerprint: binding
# 575,000 rows from Python cost the importer 1.05 s of CPU for 10,000 Reuters stories, the JSON 0.2 s;
# SQLite's json_each unpacks them at the merge.
MERGE_ROWS = 200_000
_MERGE = """INSERT OR IGNORE INTO fingerprints
            SELECT value, document FROM waiting, json_each(waiting.hashes) ORDER BY value, document"""

Entry = tuple[int, str, set[int]]  # document id, its text version, its fingerprints


class FingerprintIndex:
    """Fingerprint → documents, with the text version each document was fingerprinted at."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._held: sqlite3.Connection | None = None
        self._holder: int | None = None  # the thread that holds it (sqlite3 connections stay in their thread)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Keep one connection open for this thread's calls until the block ends (an import's batches).

        Closing the last connection to a WAL database checkpoints it and deletes its WAL and shared-memory
        files, which the next call makes again: per batch of 200 documents that was a third of ``put``.
        """
        if self._held is not None:
            yield
            return
        with self._open() as connection:
            self._held, self._holder = connection, threading.get_ident()
            try:
                yield
            finally:
                self._held = self._holder = None

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in a transaction, committed when the block ends."""
        if self._held is not None and self._holder == threading.get_ident():
            with self._held:
                yield self._held
            return
        with self._open() as connection, connection:
            yield connection

    @contextmanager
    def _open(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=60)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            # A cache that can be rebuilt: no fsync per commit. Fingerprints are random keys, so inserts hit
            # pages all over the table; SQLite's default 2 MB page cache made them slow past ~20,000 documents.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            index_schema.prepare(connection)
            yield connection
        finally:
            connection.close()

    def versions(self) -> dict[int, str]:
        """Every indexed document id with the text version it was fingerprinted at."""
        with self._connect() as connection:
            return dict(connection.execute("SELECT id, version FROM documents"))

    def size(self) -> int:
        with self._connect() as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])

    def put(self, entries: Iterable[Entry]) -> int:
        """Add or replace documents' fingerprints in one transaction; returns how many documents."""
        entries = list(entries)
        ids = [document_id for document_id, _version, _hashes in entries]
        rows = [(document_id, len(hashes), json.dumps(list(hashes))) for document_id, _version, hashes in entries
                if hashes]
        with self._connect() as connection:
            replaced = _indexed(connection, ids)
            if replaced:
                _delete_fingerprints(connection, replaced)
            connection.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?, ?)",
                                   [(document_id, version, index_schema.pack(hashes))
                                    for document_id, version, hashes in entries])
            connection.executemany("INSERT INTO waiting VALUES (?, ?, ?)", rows)
            if connection.execute("SELECT total(count) FROM waiting").fetchone()[0] >= MERGE_ROWS:
                _merge(connection)
        return len(entries)

    def remove(self, document_ids: Iterable[int]) -> None:
        ids = list(document_ids)
        with self._connect() as connection:
            _delete_fingerprints(connection, ids)
            for start in range(0, len(ids), _CHUNK):
                chunk = ids[start : start + _CHUNK]
                connection.execute(f"DELETE FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk)

    def clear(self) -> None:
        with self._connect() as connection:
            connection.execute("DELETE FROM fingerprints")
            connection.execute("DELETE FROM waiting")
            connection.execute("DELETE FROM documents")

    def postings(self, hashes: Iterable[int]) -> dict[int, list[int]]:
        """For each of the given fingerprints, the documents that have it."""
        wanted = list(hashes)
        found: defaultdict[int, list[int]] = defaultdict(list)
        with self._connect() as connection:
            _merge(connection)
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                query = f"SELECT hash, document FROM fingerprints WHERE hash IN ({','.join('?' * len(chunk))})"
                for value, document_id in connection.execute(query, chunk):
                    found[value].append(document_id)
        return found


def _merge(connection: sqlite3.Connection) -> None:
    if connection.execute("SELECT 1 FROM waiting LIMIT 1").fetchone():
        connection.execute(_MERGE)
        connection.execute("DELETE FROM waiting")


def _indexed(connection: sqlite3.Connection, ids: list[int]) -> list[int]:
    """Those of ``ids`` the index has already (their old fingerprints must go)."""
    found: list[int] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
        found += [document_id for (document_id,) in connection.execute(query, chunk)]
    return found


def _delete_fingerprints(connection: sqlite3.Connection, ids: list[int]) -> None:
    """Delete documents' fingerprints by the table's key, from the hashes kept on their rows; a document an older
    version indexed has none there, and its file the index on ``fingerprints.document`` that finds them."""
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        keys: list[tuple[int, int]] = []
        unpacked: list[int] = []
        for document_id, blob in connection.execute(f"SELECT id, hashes FROM documents WHERE id IN ({marks})", chunk):
            if blob is None:
                unpacked.append(document_id)
            else:
                keys += [(value, document_id) for value in index_schema.unpack(blob)]
        connection.executemany("DELETE FROM fingerprints WHERE hash = ? AND document = ?", keys)
        if unpacked:
            connection.execute(f"DELETE FROM fingerprints WHERE document IN ({','.join('?' * len(unpacked))})",
                               unpacked)
        connection.execute(f"DELETE FROM waiting WHERE document IN ({marks})", chunk)
