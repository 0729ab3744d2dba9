"""The sample archive a new user lands in: the seed articles, imported on first run."""

from __future__ import annotations

import logging
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.paths import seeds_dir

log = logging.getLogger("archivist.samples")


def open_or_create_with_samples(root: Path) -> tuple[Archive, bool]:
    """Open the archive at ``root``; a new one gets the sample articles. Returns (archive, was_created)."""
    created = not Archive.exists(root)
    archive = Archive.open(root, create=True)
    if created:
        seeds = seeds_dir()
        if seeds.is_dir():
            result = archive.import_paths([seeds])
            log.info("sample archive: %d imported, %d errors", len(result.imported), len(result.errors))
    return archive, created
