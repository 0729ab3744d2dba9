"""The word forms of each stem the index holds, kept in ``index/forms.json``: what a search for a word expands to.

The index keeps only the words as written (normalised), with positions, so that a quoted phrase means those words
(issue 15). Indexing every word a second time, stemmed, cost 70% more indexing time than raw Whoosh; instead the
analyzer records, the first time it meets a word in a document's language, the word under its stem
("prices" under "price", «жителей» under «жител»), and a search for a word looks up its stem's forms and scores
them as one term (stems.Stem). The same forms are the real words "did you mean" may offer.

Forms of deleted documents stay until the next rebuild: a form no longer in the index matches nothing, so a stale
one is harmless.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

FILE_NAME = "forms.json"

Forms = Mapping[str, Sequence[str]]  # stem → the forms met with that stem

_lock = threading.Lock()
_recording: set[tuple[str, str]] | None = None
_loaded: dict[Path, tuple[float, dict[str, list[str]]]] = {}
_words: dict[Path, tuple[float, frozenset[str]]] = {}


def offer(stem: str, word: str) -> None:
    """Called by the analyzer the first time it stems ``word``; kept only while a writer is recording."""
    recording = _recording
    if recording is not None:
        recording.add((stem, word))


def is_recording() -> bool:
    return _recording is not None


@contextmanager
def recording() -> Iterator[set[tuple[str, str]]]:
    """Collect the (stem, form) pairs analyzers meet for the first time in the block.

    A Whoosh writer unpickles its own schema, so its analyzer starts with an empty memo and offers every word of
    what it indexes. Pairs a searcher on another thread analyses meanwhile are caught too; they are harmless, as
    a form is only searched where the index has it.
    """
    global _recording
    with _lock:
        pairs: set[tuple[str, str]] = set()
        _recording = pairs
    try:
        yield pairs
    finally:
        with _lock:
            if _recording is pairs:
                _recording = None


def load(folder: Path) -> dict[str, list[str]]:
    """The forms recorded for the index in ``folder`` (cached until the file changes); empty when missing or
    unreadable (a search then matches each stem where it is itself a word)."""
    path = folder / FILE_NAME
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return {}
    cached = _loaded.get(path)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    try:
        forms = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        forms = {}
    if not isinstance(forms, dict):
        forms = {}
    _loaded[path] = (mtime, forms)
    return forms


def words(folder: Path) -> frozenset[str]:
    """Every form recorded: the unstemmed words of the index (one set until the file changes, so callers may
    cache what they derive from it by the set)."""
    forms = load(folder)
    mtime = _loaded.get(folder / FILE_NAME, (0.0, {}))[0]
    cached = _words.get(folder)
    if cached is None or cached[0] != mtime:
        cached = _words[folder] = (mtime, frozenset(word for recorded in forms.values() for word in recorded))
    return cached[1]


def save(folder: Path, pairs: set[tuple[str, str]]) -> None:
    """Add ``pairs`` to the file in ``folder``; written atomically, and only when something is new."""
    known = load(folder)
    added: defaultdict[str, set[str]] = defaultdict(set)
    for stem, word in pairs:
        if word not in known.get(stem, ()):
            added[stem].add(word)
    if not added:
        return
    merged = {stem: list(forms) for stem, forms in known.items()}
    for stem, new in added.items():
        merged[stem] = sorted(set(merged.get(stem, ())) | new)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".forms-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(merged, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, folder / FILE_NAME)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
