"""The import's fast paths: indexing in a child process, the fused analyzer, the recorded vocabulary,
batched store syncs and staged fingerprints. Each must give what the slow path gave."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map

from archivist.core.archive import Archive
from archivist.core.compare.fingerprints import fingerprints
from archivist.core.compare.index import FingerprintIndex
from archivist.core.index.documents import IndexDocument
from archivist.core.index.feeder import IndexFeeder
from archivist.core.index.forms import FILE_NAME
from archivist.core.index.schema import STOP_WORDS, WORDS, text_analyzer
from archivist.core.ingest import importer
from archivist.core.store import Store
from tests.conftest import DATA, MANBIJ_SEED, SEEDS

REUTERS = DATA / "gui" / "reuters"
MIXED = "L'École Polytechnique's U.S. office: the fighters were killed; naïve “quotes” 1987 a I to be"


def _tokens(analyzer: object, text: str) -> list[tuple[str, int, int, int]]:
    return [(t.text, t.pos, t.startchar, t.endchar) for t in analyzer(text, positions=True, chars=True)]  # type: ignore[operator]


def whoosh_chain() -> object:
    """What the index analyzed with before the fused filter: Whoosh's own four filters."""
    return (RegexTokenizer(WORDS) | LowercaseFilter() | CharsetFilter(accent_map)
            | StopFilter(stoplist=STOP_WORDS) | StemFilter(cachesize=200_000))


@pytest.mark.parametrize("path", [MANBIJ_SEED, *sorted(REUTERS.glob("*.txt"))[:5]], ids=lambda path: path.name)
def test_the_fused_analyzer_gives_the_tokens_of_whooshs_chain(path: Path) -> None:
    text = path.read_text(encoding="utf-8") + MIXED
    assert _tokens(text_analyzer(), text) == _tokens(whoosh_chain(), text)


def test_the_fused_analyzer_keeps_stop_words_when_asked_and_survives_pickling() -> None:
    analyzer = pickle.loads(pickle.dumps(text_analyzer()))
    kept = [(t.text, t.stopped) for t in analyzer("The fighters were killed", removestops=False)]
    assert kept == [("the", True), ("fighter", False), ("were", True), ("kill", False)]


def test_the_recorded_forms_hold_unstemmed_words_and_feed_did_you_mean(seeded_root: Path) -> None:
    forms = json.loads((seeded_root / "index" / FILE_NAME).read_text(encoding="utf-8"))
    assert "airstrikes" in forms["airstrik"]  # a stem, and the words indexed under it
    words = {word for recorded in forms.values() for word in recorded}
    assert {"coalition", "airstrikes", "manbij"} <= words
    assert "airstrik" not in words  # stems are not words
    with Archive.open(seeded_root) as archive:
        assert archive.search("Manbjj airstrikse").suggestion == "Manbij airstrikes"


def test_a_word_only_in_a_deleted_document_is_never_suggested(seeded_root: Path) -> None:
    with Archive.open(seeded_root) as archive:
        manbij = archive.search("Manbij").hits[0].id
        archive.delete(manbij)
        assert archive.search("Manbjj").suggestion is None


def test_a_large_import_indexes_in_a_child_process(empty_archive: Archive, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr(importer, "FEEDER_MIN_FILES", 1)
    monkeypatch.setattr(importer, "INDEX_BATCH", 7)  # several commits in the child
    folder = tmp_path / "files"
    shutil.copytree(REUTERS, folder)
    result = empty_archive.import_paths([folder, SEEDS])
    assert len(result.imported) == 42 and not result.errors
    assert empty_archive.search_index.document_count() == 42
    assert empty_archive.search("Manbij").total == 1
    assert "coalition" in empty_archive.search_index.vocabulary()
    # the child's fingerprints reached the reuse index, which now answers for every document
    assert len(empty_archive.compare.index.versions()) == 42


def test_a_failing_indexer_is_reported_and_costs_the_import_nothing(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "index"
    not_a_folder.write_text("a file where the index folder should be")
    feeder = IndexFeeder(not_a_folder, batch=10, seconds=1.0)
    feeder.send([IndexDocument(1, "title", "body text", "text")])
    error = feeder.finish()
    assert error is not None and "Error" in error


def test_documents_the_index_missed_are_indexed_when_the_archive_opens(seeded_root: Path) -> None:
    shutil.rmtree(seeded_root / "index")
    with Archive.open(seeded_root) as archive:
        assert archive.search("Guterres").total == 1


def test_the_store_stages_syncs_and_places_files(tmp_path: Path) -> None:
    store = Store(tmp_path / "files")
    staged = [store.stage(path) for path in sorted(REUTERS.glob("*.txt"))[:5]]
    store.sync(staged)
    placed = [store.place(item) for item in staged]
    assert [path.read_bytes() for path in placed] == [path.read_bytes() for path in sorted(REUTERS.glob("*.txt"))[:5]]
    assert store.leftover_temporaries() == []
    again = store.stage(sorted(REUTERS.glob("*.txt"))[0])
    store.place(again)  # the same bytes are stored already: the copy is dropped
    assert store.leftover_temporaries() == []


def test_the_store_stages_many_files_from_threads(tmp_path: Path) -> None:
    store = Store(tmp_path / "files")
    sources = [*sorted(REUTERS.glob("*.txt")), tmp_path / "missing.txt"]
    staged = store.stage_many(sources)
    assert isinstance(staged[-1], OSError)  # the missing file, in its place; the others are staged
    copies = [item for item in staged if not isinstance(item, OSError)]
    assert len(copies) == len(sources) - 1 and len({item.path for item in copies}) == len(copies)
    assert [item.path.read_bytes() for item in copies] == [path.read_bytes() for path in sources[:-1]]


def test_staged_fingerprints_are_found_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = FingerprintIndex(tmp_path / "fingerprints.sqlite")
    texts = [path.read_text(encoding="utf-8") for path in sorted(REUTERS.glob("*.txt"))[:4]]
    index.put([(number, "v1", fingerprints(text)) for number, text in enumerate(texts, start=1)])
    first = sorted(fingerprints(texts[0]))
    assert index.postings(first[:3]) == {value: [1] for value in first[:3]}
    index.put([(1, "v2", fingerprints(texts[1]))])  # document 1 now holds document 2's text
    assert index.postings(first[:3]) == {}
    shared = sorted(fingerprints(texts[1]))[:2]
    assert index.postings(shared) == {value: [1, 2] for value in shared}
    monkeypatch.setattr("archivist.core.compare.index.MERGE_ROWS", 1)  # merged as it is written
    index.put([(5, "v1", {first[0]})])
    index.remove([1])
    assert index.postings([first[0], shared[0]]) == {first[0]: [5], shared[0]: [2]}


def test_keywords_from_the_files_metadata_are_catalogued_and_indexed(empty_archive: Archive, tmp_path: Path) -> None:
    """Issue 17: a file's own keywords stay keywords (searchable, shown), never the user's tags."""
    notes = []
    for number in range(5):  # several files: the import runs with workers and the indexing child
        note = tmp_path / f"note{number}.md"
        front = f"---\ntitle: Note {number}\ntags: [Syria, 'Syria ', airstrikes]\n---\n"
        note.write_text(f"{front}Text {number} about Raqqa.\n", encoding="utf-8")
        notes.append(note)
    result = empty_archive.import_paths(notes)
    assert len(result.imported) == 5 and not result.errors
    first = result.imported[0].id
    record = empty_archive.get(first)
    assert record.keywords == ["Syria", "airstrikes"] and record.tags == []
    assert empty_archive.tags() == []
    assert empty_archive.search("airstrikes").total == 5 and empty_archive.search("tag:airstrikes").total == 0
    assert empty_archive.citations.key(first)  # keyed in the insert transaction


def test_the_indexer_commits_when_asked_and_again_at_the_end(tmp_path: Path) -> None:
    from archivist.core.index.index import SearchIndex

    feeder = IndexFeeder(tmp_path / "index", batch=1000, seconds=600.0)
    feeder.send([IndexDocument(1, "first", "coalition airstrikes", "text")])
    feeder.commit_now()
    feeder.send([IndexDocument(2, "second", "coalition civilians", "text")])
    assert feeder.finish() is None
    index = SearchIndex(tmp_path / "index")
    assert index.document_count() == 2
    assert len(index.index._segments()) == 2  # one commit asked for, one at the end
