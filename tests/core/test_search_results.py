"""What a search hands back: snippets with marks and pages (long texts too), facets, related documents,
'did you mean', and an index of an older schema rebuilt on open."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from archivist.core.archive import Archive
from archivist.core.errors import NotFoundError
from archivist.core.extract.base import Page
from archivist.core.index.snippets import TermMatcher, make_snippets
from tests.conftest import GUTERRES_SEED, MANBIJ_SEED
from tests.core.test_search_support import SEARCH_DATA, reuters, search_setup  # noqa: F401 - a fixture

Setup = tuple[Archive, dict[Path, int]]


def marked_words(archive: Archive, query: str, document_id: int) -> list[str]:
    hit = next(hit for hit in archive.search(query).hits if hit.id == document_id)
    return [snippet.text[start:end] for snippet in hit.snippets for start, end in snippet.marks]


def test_hits_carry_id_title_score_and_up_to_three_snippets(search_setup: Setup) -> None:  # noqa: F811
    archive, ids = search_setup
    results = archive.search("coalition civilians")
    assert results.total == 2 and results.took_ms > 0
    for hit in results.hits:
        assert hit.id in ids.values() and hit.title and hit.score > 0
        assert 1 <= len(hit.snippets) <= 3 and all(snippet.page == "1" and snippet.marks for snippet in hit.snippets)


def test_a_phrase_is_marked_whole_and_only_where_its_words_stand_together(search_setup: Setup) -> None:  # noqa: F811
    archive, ids = search_setup
    marks = marked_words(archive, '"without any authorization"', ids[GUTERRES_SEED])
    assert marks and all(mark.lower() == "without any authorization" for mark in marks)


def test_stemmed_and_accented_forms_are_marked(search_setup: Setup) -> None:  # noqa: F811
    archive, ids = search_setup
    assert {word.lower() for word in marked_words(archive, "killing", ids[MANBIJ_SEED])} <= {"killed", "killing"}
    assert {word.lower() for word in marked_words(archive, "ecole", ids[SEARCH_DATA / "ecole-note.txt"])} == {"école"}


def test_snippet_pages_come_from_page_offsets(empty_archive: Archive, tmp_path: Path) -> None:
    pages = ["Page one is about cocoa.", "Page two is about coffee.", "Page three is about copper prices."]
    (tmp_path / "paged.txt").write_text("\f".join(pages))
    document = empty_archive.import_paths([tmp_path / "paged.txt"]).imported[0].id
    hit = empty_archive.search("copper").hits[0]
    assert hit.id == document and [snippet.page for snippet in hit.snippets] == ["3"]


def long_text() -> str:
    """About 1.5 MB of real news text; the only "Ghandour" is near the end, far past Whoosh's 32 KB."""
    stories = "\n\n".join(path.read_text() for path in sorted(SEARCH_DATA.glob("reuters-*.txt")))
    body = "\n\n".join([stories] * (1_500_000 // len(stories)))
    return body + "\n\nAirstrikes hit the town of Ghandour near Manbij.\n"


def test_snippets_scan_a_long_text_fast() -> None:
    text = long_text()
    matcher = TermMatcher({"ghandour", "manbij"})
    started = time.perf_counter()
    snippets = make_snippets(text, [Page(0, "1"), Page(len(text) - 200, "301")], matcher)
    took = time.perf_counter() - started
    assert snippets[0].page == "301" and "Ghandour" in snippets[0].text
    assert took < 0.25, took  # ~10 ms alone; generous because the test machine is shared


def test_many_matches_in_a_long_text_stay_fast() -> None:
    text = long_text()
    matcher = TermMatcher({"price", "cocoa"}, [("tower", "commission")])
    started = time.perf_counter()
    snippets = make_snippets(text, [Page(0, "1")], matcher)
    assert len(snippets) == 3 and time.perf_counter() - started < 1.0


def test_facets_for_the_whole_archive_and_for_a_query(search_setup: Setup) -> None:  # noqa: F811
    archive, ids = search_setup
    everything = archive.facets("")
    assert everything["format"] == [("text", len(ids))]
    assert ("2016", 1) in everything["year"] and ("1987", 2) in everything["year"]
    assert ("syria", 2) in everything["tag"] and ("presstv.ir", 2) in everything["site"]
    narrowed = archive.facets("Manbij")
    assert narrowed == {"format": [("text", 1)], "year": [("2016", 1)], "tag": [("airstrikes", 1), ("syria", 1)],
                        "site": [("presstv.ir", 1)]}
    assert archive.facets("(((") == archive.facets("nothingmatchesthis")
    assert archive.facets("nothingmatchesthis")["format"] == []


def test_related_documents_share_key_terms_and_exclude_the_document(search_setup: Setup) -> None:  # noqa: F811
    archive, ids = search_setup
    related = archive.related(ids[MANBIJ_SEED], 5)
    assert related[0].id == ids[GUTERRES_SEED] and ids[MANBIJ_SEED] not in {hit.id for hit in related}
    assert related[0].score > 0 and "syria" in related[0].terms
    assert archive.related(ids[MANBIJ_SEED], 0) == []
    with pytest.raises(NotFoundError):
        archive.related(99_999)


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("coalitoin", "coalition"), ("Manbjj coalition", "Manbij coalition"), ("cocao OR copper", "cocoa OR copper")],
)
def test_did_you_mean(search_setup: Setup, query: str, suggestion: str) -> None:  # noqa: F811
    assert search_setup[0].search(query).suggestion == suggestion


@pytest.mark.parametrize("query", ["coalition", "qqqqzzzz", "author:nobdy", '"cocao"', "coalitoin~", "zz"])
def test_no_suggestion_when_words_are_known_or_nothing_is_near(search_setup: Setup, query: str) -> None:  # noqa: F811
    assert search_setup[0].search(query).suggestion is None


def test_an_index_of_an_older_schema_is_rebuilt_on_open(seeded_root: Path) -> None:
    (seeded_root / "index" / "archivist-schema").write_text("1")
    with Archive.open(seeded_root) as archive:
        assert archive.search("Manbij").total == 1
    shutil.rmtree(seeded_root / "index")
    with Archive.open(seeded_root) as archive:
        assert archive.search("Manbij").hits[0].score > 0
