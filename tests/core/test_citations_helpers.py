"""Archives with known citation metadata, shared by the citation tests (core, CLI and GUI)."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.catalogue.models import Document
from tests.conftest import DATA, GUTERRES_SEED, MANBIJ_SEED

CITATION_DATA = DATA / "citations"
GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "citations"
SAVED_AT = datetime(2024, 5, 1, 12, 0, 0)  # the "accessed" date of every web page in the golden files
SEED_METADATA = {
    MANBIJ_SEED.name: {"title": "Syria urges UN to act against US-led coalition after Manbij airstrikes",
                       "site": "Press TV", "date": "2016-07-29"},
    GUTERRES_SEED.name: {"title": "Syria calls for dissolution of US-led coalition over civilian deaths",
                         "site": "Press TV", "date": "2017-06-11"},
}


def ids_by_name(archive: Archive) -> dict[str, int]:
    return {archive.get(document_id).original_name: document_id for document_id in archive.document_ids()}


def describe(archive: Archive, metadata: dict[str, dict[str, object]]) -> dict[str, int]:
    """Give documents (by original file name) their metadata, a fixed save date and a key made from it."""
    ids = ids_by_name(archive)
    for name, fields in metadata.items():
        archive.update_metadata(ids[name], **fields)
        archive.citations.renew_key(ids[name])
    with archive.lock.hold(), archive.sessions.begin() as session:
        for name in metadata:
            session.get(Document, ids[name]).imported_at = SAVED_AT  # type: ignore[union-attr]
    return {name: ids[name] for name in metadata}


def describe_seeds(archive: Archive) -> dict[str, int]:
    return describe(archive, SEED_METADATA)


def import_pages(archive: Archive) -> dict[str, int]:
    """The three real pages, imported and described from pages.json."""
    pages = {name: fields for name, fields in json.loads((CITATION_DATA / "pages.json").read_text()).items()
             if not name.startswith("_")}
    result = archive.import_paths([CITATION_DATA / name for name in pages])
    assert not result.errors, result.errors
    return describe(archive, pages)


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/citations/NAME; ``UPDATE_GOLDEN=1`` rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"
