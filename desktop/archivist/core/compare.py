"""Shared passages between documents (the shared-passages issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archivist.core.archive import Archive


class Comparer:
    """Passage alignment and archive-wide reuse; reached as ``archive.compare``."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
