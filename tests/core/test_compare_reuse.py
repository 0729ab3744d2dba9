"""Archive-wide reuse on a real archive: the seed articles and Reuters stories, one of them recycled."""

from __future__ import annotations

import shutil
from pathlib import Path

from archivist.core.archive import Archive
from archivist.core.compare.comparer import INDEX_FILE
from tests.conftest import DATA, GUTERRES_SEED, MANBIJ_SEED

STORIES = DATA / "compare"


def _id_of(archive: Archive, name: str) -> int:
    return next(doc.id for doc in archive.list_documents() if archive.get(doc.id).original_name == name)


def test_seed_passages_between_the_two_articles(seeded_archive: Archive) -> None:
    manbij, guterres = _id_of(seeded_archive, MANBIJ_SEED.name), _id_of(seeded_archive, GUTERRES_SEED.name)
    passages = seeded_archive.compare.passages(manbij, guterres)
    assert any("without any authorization" in p.a.text and "UN mandate" in p.b.text for p in passages)
    text = seeded_archive.content(guterres).text
    assert all(text[p.b.start : p.b.end] == p.b.text for p in passages)


def test_reuse_lists_the_other_seed_article(seeded_archive: Archive) -> None:
    manbij, guterres = _id_of(seeded_archive, MANBIJ_SEED.name), _id_of(seeded_archive, GUTERRES_SEED.name)
    report = seeded_archive.compare.reuse(guterres)
    assert [source.id for source in report.sources] == [manbij]
    assert report.sources[0].shared_chars > 150


def test_reuse_finds_a_recycled_story_among_unrelated_ones(empty_archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    shutil.copytree(STORIES, folder)
    iran = (folder / "reuters-107.txt").read_text(encoding="utf-8").split("\n")
    cocoa = (folder / "reuters-1.txt").read_text(encoding="utf-8").split("\n")
    # a cocoa story that recycles two paragraphs of the Iran story, as agencies' wording gets taken up
    (folder / "recycled.txt").write_text("\n".join([*cocoa[:4], iran[4], *cocoa[4:8], iran[7]]), encoding="utf-8")
    empty_archive.import_paths([folder])
    iran_id, recycled_id = _id_of(empty_archive, "reuters-107.txt"), _id_of(empty_archive, "recycled.txt")
    cocoa_id = _id_of(empty_archive, "reuters-1.txt")
    report = empty_archive.compare.reuse(recycled_id)
    assert [source.id for source in report.sources] == [cocoa_id, iran_id]  # the cocoa story shares more
    assert len(report.sources[1].passages) == 2


def test_reuse_index_follows_imports_and_deletions_and_rebuilds(seeded_archive: Archive) -> None:
    index_file = seeded_archive.root / INDEX_FILE
    assert index_file.exists() and seeded_archive.compare.index.size() == 2  # filled by the import listener
    manbij, guterres = _id_of(seeded_archive, MANBIJ_SEED.name), _id_of(seeded_archive, GUTERRES_SEED.name)
    seeded_archive.delete(manbij)
    assert seeded_archive.compare.reuse(guterres).sources == []
    assert seeded_archive.compare.index.size() == 1
    shutil.rmtree(index_file.parent)  # a cache: losing it loses nothing
    assert seeded_archive.compare.reuse(guterres).document == guterres
    assert seeded_archive.compare.rebuild_index() == 1
