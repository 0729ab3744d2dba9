"""The reuse index file's tables, and bringing a file an older Archivist wrote up to them.

Each document's fingerprints are kept twice: in the ``fingerprints`` table keyed by hash (what queries read), and
as a blob on the document's row (what replacing or removing a document reads, by the table's key). Files written
before version 2 found a document's fingerprints through an index on ``fingerprints.document`` instead; that
second B-tree cost a third of every merge (30,000 Reuters stories: 3.6 -> 2.5 s), so new files do without it.
"""

from __future__ import annotations

import sqlite3
import sys
from array import array

VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (id INTEGER PRIMARY KEY, version TEXT NOT NULL, hashes BLOB);
CREATE TABLE IF NOT EXISTS fingerprints (hash INTEGER NOT NULL, document INTEGER NOT NULL,
                                         PRIMARY KEY (hash, document)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS waiting (document INTEGER NOT NULL, count INTEGER NOT NULL, hashes TEXT NOT NULL);
"""
# Files written before the fingerprints waited as JSON keep them one a row in ``pending``.
_OLD_PENDING = "INSERT OR IGNORE INTO fingerprints SELECT hash, document FROM pending ORDER BY hash"


def prepare(connection: sqlite3.Connection) -> None:
    """Make the tables, or bring an older file's up to them (its rows kept)."""
    connection.executescript(SCHEMA)
    if connection.execute("PRAGMA user_version").fetchone()[0] >= VERSION:
        return
    with connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(documents)")}
        if "hashes" not in columns:
            try:
                connection.execute("ALTER TABLE documents ADD COLUMN hashes BLOB")
            except sqlite3.OperationalError as error:  # another process added it a moment ago
                if "duplicate column" not in str(error):
                    raise
        if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'pending'").fetchone():
            connection.execute(_OLD_PENDING)
            connection.execute("DROP TABLE pending")
        connection.execute(f"PRAGMA user_version = {VERSION}")


def pack(hashes: set[int]) -> bytes:
    """Fingerprints as 8-byte little-endian integers (under 2^62: they fit a signed one)."""
    packed = array("q", hashes)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack(blob: bytes) -> list[int]:
    values = array("q", blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values.tolist()
