"""A small real archive for the search tests: the two seed articles, eight Reuters stories and a French note,
with dates, authors, sites and tags set the way a researcher would set them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from tests.conftest import DATA, GUTERRES_SEED, MANBIJ_SEED

SEARCH_DATA = DATA / "search"


def reuters(number: int) -> Path:
    return SEARCH_DATA / f"reuters-{number:03d}.txt"


ECOLE = SEARCH_DATA / "ecole-note.txt"
DOCUMENTS = [MANBIJ_SEED, GUTERRES_SEED, *sorted(SEARCH_DATA.glob("reuters-*.txt")), ECOLE]
METADATA = {
    MANBIJ_SEED: {"date": "2016-07-29", "site": "presstv.ir", "authors": ["Press TV"]},
    GUTERRES_SEED: {"date": "2017-10-01", "site": "presstv.ir", "authors": ["Press TV Newsroom"]},
    reuters(28): {"date": "1987-02-26", "site": "reuters.com", "authors": ["Reuters"]},
    reuters(1): {"date": "1987-02-26", "site": "reuters.com"},
}
TAGS = {MANBIJ_SEED: ["Syria", "airstrikes"], GUTERRES_SEED: ["Syria", "UN"], reuters(28): ["politics"]}


def build(root: Path) -> dict[Path, int]:
    """Import the documents into a new archive at ``root``; their ids by path."""
    with Archive.open(root) as archive:
        result = archive.import_paths(DOCUMENTS)
        assert not result.errors and len(result.imported) == len(DOCUMENTS), result
        ids = {Path(item.path).name: item.id for item in result.imported}
        by_path = {path: ids[path.name] for path in DOCUMENTS}
        for path, changes in METADATA.items():
            archive.update_metadata(by_path[path], **changes)
        for path, tags in TAGS.items():
            archive.set_tags(by_path[path], tags)
    return by_path


@pytest.fixture(scope="module")
def search_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, dict[Path, int]]]:
    """One archive per test module: the search tests only read it."""
    root = tmp_path_factory.mktemp("search") / "archive"
    ids = build(root)
    with Archive.open(root) as archive:
        yield archive, ids
