"""Citation keys, BibTeX, RIS, CSL-JSON and formatted styles (the citations issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archivist.core.archive import Archive


class Citations:
    """Citations of one archive's documents; reached as ``archive.citations``."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
