"""Highlights and notes, anchored to the text and re-anchored when it changes (the highlights issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archivist.core.archive import Archive


class Annotations:
    """Highlights and notes of one archive; reached as ``archive.annotations``."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
