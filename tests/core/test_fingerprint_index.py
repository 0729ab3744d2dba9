"""The reuse index: fingerprints that stay the hashes it was built with; waiting as JSON, merged before a query;
files older versions wrote."""

from __future__ import annotations

import sqlite3
import threading
import zlib
from pathlib import Path

import pytest

from archivist.core.compare.fingerprints import fingerprints, shingle_hashes, winnow
from archivist.core.compare.index import FingerprintIndex
from archivist.core.compare.tokens import normalised_words
from tests.conftest import DATA

REUTERS = DATA / "gui" / "reuters"


def reuters_texts(count: int) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(REUTERS.glob("*.txt"))[:count]]


def test_fingerprints_put_in_batches_are_all_found_after_merges(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("archivist.core.compare.index.MERGE_ROWS", 100)  # several merges along the way
    index = FingerprintIndex(tmp_path / "fingerprints.sqlite")
    texts = reuters_texts(8)
    prints = [fingerprints(text) for text in texts]
    for start in range(0, len(texts), 3):
        index.put([(number + 1, "v1", prints[number]) for number in range(start, min(start + 3, len(texts)))])
    every = sorted(set().union(*prints))
    found = index.postings(every)
    assert found == {value: [number + 1 for number in range(len(texts)) if value in prints[number]]
                     for value in every}
    assert index.size() == len(texts)


def test_a_document_without_fingerprints_is_still_recorded_as_indexed(tmp_path: Path) -> None:
    index = FingerprintIndex(tmp_path / "fingerprints.sqlite")
    index.put([(1, "v1", set())])  # a text of fewer than five words
    assert index.versions() == {1: "v1"} and index.postings([1, 2]) == {}


def test_an_index_file_from_an_older_version_keeps_its_waiting_fingerprints(tmp_path: Path) -> None:
    """Older files kept waiting fingerprints one a row in ``pending``; they are merged, not lost."""
    path = tmp_path / "fingerprints.sqlite"
    text = reuters_texts(1)[0]
    values = sorted(fingerprints(text))
    old = sqlite3.connect(path)
    old.executescript("""
        CREATE TABLE documents (id INTEGER PRIMARY KEY, version TEXT NOT NULL);
        CREATE TABLE fingerprints (hash INTEGER NOT NULL, document INTEGER NOT NULL,
                                   PRIMARY KEY (hash, document)) WITHOUT ROWID;
        CREATE INDEX fingerprints_document ON fingerprints (document);
        CREATE TABLE pending (hash INTEGER NOT NULL, document INTEGER NOT NULL);
        INSERT INTO documents VALUES (7, 'v1');
    """)
    with old:
        old.executemany("INSERT INTO pending VALUES (?, 7)", [(value,) for value in values])
    old.close()
    index = FingerprintIndex(path)
    assert index.postings(values[:3]) == {value: [7] for value in values[:3]}
    other = sorted(fingerprints(reuters_texts(2)[1]))
    index.put([(7, "v2", set(other))])  # re-extracted: the old fingerprints go, found through the old index
    assert index.postings(values[:3]) == {} and index.postings(other[:2]) == {value: [7] for value in other[:2]}
    index.remove([7])
    assert index.postings(values + other) == {} and index.versions() == {}
    tables = {name for (name,) in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "pending" not in tables
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2


def shingle_by_definition(words: list[str]) -> list[int]:
    """The fingerprints' hash as first written, one shingle at a time: what every index file holds."""
    hashes = [zlib.crc32(word.encode("utf-8")) for word in words]
    result = []
    for start in range(len(hashes) - 4):
        value = 0
        for word_hash in hashes[start : start + 5]:
            value = (value * 0x100000001B3 + word_hash) % (1 << 62)
        result.append(value)
    return result


@pytest.mark.parametrize("text", [
    *reuters_texts(6),
    *(path.read_text(encoding="utf-8") for path in sorted((DATA / "languages").glob("*-ntrex-*.txt"))[:3]),
    "", "one", "one two three four", "one two three four five", "Syria’s airstrikes: Müller ﬁnds ½ of ²",
])
def test_fingerprints_are_the_hashes_the_index_was_built_with(text: str) -> None:
    words = normalised_words(text)
    expected = shingle_by_definition(words)
    assert shingle_hashes(words) == expected
    assert fingerprints(text) == winnow(expected)
    if len(expected) > 4:
        assert winnow(expected) == {min(expected[start : start + 4]) for start in range(len(expected) - 3)}


def test_puts_in_a_held_block_share_one_connection_and_other_threads_their_own(tmp_path: Path) -> None:
    index = FingerprintIndex(tmp_path / "fingerprints.sqlite")
    prints = [fingerprints(text) for text in reuters_texts(3)]
    seen: dict[str, object] = {}
    with index.held():
        index.put([(1, "v1", prints[0])])
        index.put([(2, "v1", prints[1])])
        worker = threading.Thread(target=lambda: seen.update(versions=index.versions()))
        worker.start()
        worker.join()
        with index.held():  # nested: the outer block's connection
            index.put([(3, "v1", prints[2])])
    assert seen["versions"] == {1: "v1", 2: "v1"}  # committed batch by batch, read from another connection
    assert FingerprintIndex(tmp_path / "fingerprints.sqlite").versions() == {1: "v1", 2: "v1", 3: "v1"}
    assert not (tmp_path / "fingerprints.sqlite-wal").exists()  # the last connection closed: checkpointed
