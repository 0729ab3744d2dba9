"""The query language of DESIGN.md on a small real archive: words, phrases, operators, fields, wildcards,
fuzzy words, dates, stemming and folding, ranking, and queries that are not well formed."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.core.archive import Archive
from tests.conftest import GUTERRES_SEED, MANBIJ_SEED
from tests.core.test_search_support import ECOLE, reuters, search_setup  # noqa: F401 - a fixture

Setup = tuple[Archive, dict[Path, int]]


def found(setup: Setup, query: str, **options: object) -> list[Path]:
    """The documents a query finds, best first, as the paths they were imported from."""
    archive, ids = setup
    paths = {number: path for path, number in ids.items()}
    return [paths[hit.id] for hit in archive.search(query, limit=50, **options).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cocoa", {reuters(1)}),
        ("MANBIJ", {MANBIJ_SEED}),
        ("coalition AND Manbij", {MANBIJ_SEED}),
        ("cocoa OR copper", {reuters(1), reuters(22)}),
        ("coalition NOT Manbij", {GUTERRES_SEED}),
        ("(cocoa OR copper) AND NOT bahia", {reuters(22)}),
        ("title:cocoa", {reuters(1)}),
        ("title:syria", {MANBIJ_SEED, GUTERRES_SEED}),
        ('author:"press tv" date:2017', {GUTERRES_SEED}),
        ("author:reuters", {reuters(28)}),
        ("site:reuters.com", {reuters(1), reuters(28)}),
        ("site:presstv.ir coalition", {MANBIJ_SEED, GUTERRES_SEED}),
        ("tag:syria", {MANBIJ_SEED, GUTERRES_SEED}),
        ("tag:SYRIA tag:un", {GUTERRES_SEED}),
        ("format:pdf", set()),
        ("venezuel*", {reuters(26)}),
        ("Manbjj~", {MANBIJ_SEED}),
        ("date:2016", {MANBIJ_SEED}),
        ("date:1987 reagan", {reuters(28)}),
        ("date:[2016-01 to 2017-06]", {MANBIJ_SEED}),
        ("date:[2016 to 2017]", {MANBIJ_SEED, GUTERRES_SEED}),
        ("date:>2017-01", {GUTERRES_SEED}),
    ],
)
def test_query_forms(search_setup: Setup, query: str, expected: set[Path]) -> None:  # noqa: F811
    assert set(found(search_setup, query)) == expected


def test_format_field_matches_every_text_document(search_setup: Setup) -> None:  # noqa: F811
    assert len(found(search_setup, "format:text")) == len(search_setup[1])


def test_free_text_ranks_documents_with_all_words_first_and_keeps_the_rest(search_setup: Setup) -> None:  # noqa: F811
    ranked = found(search_setup, "Manbij coalition civilians")
    assert ranked[0] == MANBIJ_SEED  # the only document with all three words
    assert GUTERRES_SEED in ranked  # misses "Manbij" but still comes back


def test_a_natural_language_question_finds_the_answer(search_setup: Setup) -> None:  # noqa: F811
    ranked = found(search_setup, "what did the Tower commission say about president Reagan and Iran?")
    assert ranked[0] == reuters(28)


def test_phrase_needs_the_words_together(search_setup: Setup) -> None:  # noqa: F811
    assert set(found(search_setup, '"without any authorization"')) == {MANBIJ_SEED, GUTERRES_SEED}
    assert found(search_setup, '"authorization any without"') == []


def test_stemming_finds_other_forms_of_a_word(search_setup: Setup) -> None:  # noqa: F811
    killed = set(found(search_setup, "killed"))
    assert killed == set(found(search_setup, "killing")) and MANBIJ_SEED in killed


def test_strike_does_not_find_airstrikes_but_a_wildcard_does(search_setup: Setup) -> None:  # noqa: F811
    # "airstrikes" is one token and the index does not split compounds (see the search report): "strike"
    # finds "strikes", not "airstrikes"; a wildcard over the stem, "*strik*", is how to ask for both.
    strike = found(search_setup, "strike")
    assert GUTERRES_SEED in strike and MANBIJ_SEED not in strike
    assert {MANBIJ_SEED, GUTERRES_SEED} <= set(found(search_setup, "*strik*"))


@pytest.mark.parametrize("query", ["ecole", "École", "ÉCOLE", "cafe", "superieure"])
def test_accents_and_case_are_folded(search_setup: Setup, query: str) -> None:  # noqa: F811
    assert found(search_setup, query) == [ECOLE]


def test_tiny_archive_scores_are_positive(seeded_archive: Archive) -> None:
    # Whoosh's own scoring gave 0.0 to every single-word hit in a two-document archive.
    for query in ("Manbij", "coalition", "killing", "Guterres"):
        hits = seeded_archive.search(query).hits
        assert hits and all(hit.score > 0 for hit in hits), (query, hits)


def test_a_title_word_outranks_the_same_word_in_a_body(empty_archive: Archive, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Copper notes\n\nA short report on markets and prices this week.\n")
    (tmp_path / "b.txt").write_text("Market notes\n\nA short report on copper and prices this week.\n")
    ids = {Path(item.path).name: item.id for item in empty_archive.import_paths([tmp_path]).imported}
    assert [hit.id for hit in empty_archive.search("copper").hits] == [ids["a.txt"], ids["b.txt"]]


def test_sort_by_date_and_limit(search_setup: Setup) -> None:  # noqa: F811
    assert found(search_setup, "coalition", sort="date") == [MANBIJ_SEED, GUTERRES_SEED]
    assert found(search_setup, "coalition", sort="-date") == [GUTERRES_SEED, MANBIJ_SEED]
    archive, _ids = search_setup
    results = archive.search("coalition OR cocoa OR copper", limit=2)
    assert len(results.hits) == 2 and results.total == 4
    assert archive.search("coalition", limit=0).hits == []


def test_free_text_option_ignores_operators_and_fields(search_setup: Setup) -> None:  # noqa: F811
    assert found(search_setup, "cocoa AND NOT bahia", free_text=True) == [reuters(1)]
    assert found(search_setup, "title:(copper", free_text=True) == [reuters(22)]


@pytest.mark.parametrize(
    "query",
    ["(foo", '"unclosed phrase', "title:", ":", "AND", "NOT", "OR OR", ")))", "date:[garbage", "[2016 to",
     "date:", "date:99999999", "author:", 'tag:""', "x~99", "*", "~", "^", "\"", "manbij^x", "a" * 5000,
     "field:value:other", "date:[2017 to 2016]", "{}", "\\", "\x00", "   "],
)
def test_malformed_queries_search_and_never_raise(search_setup: Setup, query: str) -> None:  # noqa: F811
    archive, _ids = search_setup
    results = archive.search(query)
    assert results.total >= 0 and results.took_ms >= 0


def test_a_syntax_error_still_searches_its_words(search_setup: Setup) -> None:  # noqa: F811
    assert found(search_setup, "(cocoa") == [reuters(1)]
    assert found(search_setup, '"copper prices')[0] == reuters(22)
