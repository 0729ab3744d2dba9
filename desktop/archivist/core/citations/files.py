"""Writing an export file safely: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from archivist.core.errors import InvalidInputError

FORMAT_BY_SUFFIX = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".json": "csl-json", ".rdf": "zotero-rdf"}


def format_for(path: Path, explicit: str | None = None) -> str:
    """The export format: the one asked for, else the file's extension (``.bib``, ``.ris``, ``.json``)."""
    if explicit:
        return explicit
    try:
        return FORMAT_BY_SUFFIX[path.suffix.lower()]
    except KeyError:
        raise InvalidInputError(f"cannot tell the format of {path.name}: name it .bib, .ris, .json or .rdf") from None


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step: a reader sees the old file or the new, never half."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInputError(f"no folder {folder}")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
