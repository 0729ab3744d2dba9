"""Finding the files an import is asked for, and reading each one's hash before anything else is done with it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archivist.core.extract.limits import Limits
from archivist.core.extract.saved_page import COMPANION_SUFFIXES
from archivist.core.records import ImportErrorItem
from archivist.core.reflibs import is_reference_library
from archivist.core.store import sha256_of


@dataclass(slots=True)
class Found:
    """What an import was given: documents to read, reference libraries (issue 17: core/reflibs reads them after
    the documents, so a file a library names and the folder also holds is matched, not imported twice), and
    the paths that could not be used."""

    files: list[Path] = field(default_factory=list)
    libraries: list[Path] = field(default_factory=list)
    errors: list[ImportErrorItem] = field(default_factory=list)

    def add(self, path: Path) -> None:
        (self.libraries if is_reference_library(path) else self.files).append(path)


def discover(paths: Iterable[Path]) -> Found:
    """Every file under the given files and folders (recursively, hidden ones skipped), in a stable order."""
    found = Found()
    for path in paths:
        if path.is_dir():
            for file in _walk(path, found.errors):
                found.add(file)
        elif path.is_file():
            found.add(path)
        elif path.is_symlink():
            found.errors.append(ImportErrorItem(str(path), "a link to a file that does not exist"))
        elif path.exists():
            found.errors.append(ImportErrorItem(str(path), "not a regular file"))
        else:
            found.errors.append(ImportErrorItem(str(path), "no such file or folder"))
    return found


def _walk(folder: Path, errors: list[ImportErrorItem]) -> Iterator[Path]:
    def on_error(error: OSError) -> None:
        errors.append(ImportErrorItem(str(error.filename or folder), f"cannot read the folder: {error.strerror}"))

    for root, dirs, names in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(name for name in dirs if not name.startswith(".") and not saved_page_folder(name, names))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(root) / name


def saved_page_folder(name: str, siblings: list[str]) -> bool:
    """Whether folder ``name`` holds a saved page's scripts, styles and images ("Save page, complete": ``X.html``
    beside ``X_files/``): the page is the document, not each of its parts (issue 14)."""
    for suffix in COMPANION_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            return any(f"{stem}{extension}" in siblings for extension in (".html", ".htm", ".xhtml", ".shtml"))
    return False


def hash_file(path: Path, limits: Limits | None = None) -> tuple[str | None, str | None]:
    """(sha256, None), or (None, error message) when the file cannot be read or is over the size limit."""
    try:
        size = path.stat().st_size
        if size == 0:
            return None, "the file is empty"
        too_big = (limits or Limits()).size_error(size)
        if too_big:
            return None, too_big  # said before hashing: hashing a 40 GB disk image would take minutes
        return sha256_of(path), None
    except OSError as error:
        return None, f"cannot read the file: {error.strerror or error}"
