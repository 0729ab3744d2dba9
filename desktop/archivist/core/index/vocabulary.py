"""The unstemmed words of the index, kept in ``index/vocabulary.txt`` for "did you mean".

The index itself holds stems ("coalit"), which are no use as suggestions. Rather than index every text a
second time unstemmed (Whoosh's ``spelling=True``, 40% of indexing time), the analyzer offers each word the
first time it stems it (``analysis.FoldStopStem``), and an index writer that is recording adds those words
to the file when it commits. Words of deleted documents stay until the next rebuild; suggestions are only
made for words that still occur in the index, so a stale word is never offered.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE_NAME = "vocabulary.txt"

_lock = threading.Lock()
_recording: set[str] | None = None
_loaded: dict[Path, tuple[float, frozenset[str]]] = {}


def offer(word: str) -> None:
    """Called by the analyzer the first time it stems ``word``; kept only while a writer is recording."""
    recording = _recording
    if recording is not None:
        recording.add(word)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the words analyzers stem for the first time in the block.

    A Whoosh writer unpickles its own schema, so its analyzer starts with an empty stem cache and offers
    every word of what it indexes. Words a searcher on another thread stems meanwhile are caught too; they
    are harmless, as suggestions are checked against the index.
    """
    global _recording
    with _lock:
        words: set[str] = set()
        _recording = words
    try:
        yield words
    finally:
        with _lock:
            if _recording is words:
                _recording = None


def load(folder: Path) -> frozenset[str]:
    """The words recorded for the index in ``folder`` (cached until the file changes)."""
    path = folder / FILE_NAME
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return frozenset()
    cached = _loaded.get(path)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    words = frozenset(path.read_text(encoding="utf-8").split())
    _loaded[path] = (mtime, words)
    return words


def save(folder: Path, words: set[str]) -> None:
    """Add ``words`` to the file in ``folder``; written atomically, and only when something is new."""
    known = load(folder)
    new = {word for word in words if word and not word.isspace()} - known
    if not new:
        return
    text = "\n".join(sorted(known | new)) + "\n"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".vocabulary-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, folder / FILE_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
