"""Two sources' figures set against each other in one or two sentences, and who can be a speaker at all
(core/claims/contrast.py, attribution.looks_like_speaker); sentences written for the test, not from a label set."""

from __future__ import annotations

from itertools import count

from archivist.core.claims.attribution import looks_like_speaker
from archivist.core.claims.conflicts import find_pairs
from archivist.core.claims.extract import find_claims
from archivist.core.claims.records import ClaimRecord


def _conflicts(text: str) -> set[tuple[str, str]]:
    ids = count(1)
    records = [ClaimRecord.stored(c, next(ids), 1) for c in find_claims(text, language="en")]
    values = {record.id: " ".join(record.value.split()) for record in records}
    return {(values[pair.first], values[pair.second]) for pair in find_pairs(records) if pair.kind == "conflict"}


def test_a_figure_set_against_another_sources_conflicts_whatever_each_is_called() -> None:
    text = ("Italian steel output will fall by 3.5 pct this year, the federation said, while the treasury has "
            "forecast a decline of 1.5 pct.")
    assert _conflicts(text) == {("3.5 pct", "1.5 pct")}


def test_a_second_figure_with_only_a_scale_takes_the_first_ones_currency() -> None:
    text = ("Officials said the port would cost 40 to 45 mln dlrs to build, but foreign engineers said they "
            "put the bill at 60 to 70 mln.")
    found = find_claims(text, language="en")
    assert [(c.unit, c.currency) for c in found][-1] == ("money", found[0].currency)
    assert _conflicts(text) == {("40 to 45 mln dlrs", "60 to 70 mln")}


def test_the_official_figure_against_private_estimates() -> None:
    text = ("Private sources put last season's wheat crop at 9.1 mln tonnes. The official figure for the season "
            "is 8.4 mln tonnes.")
    assert [c.source for c in find_claims(text, language="en")] == ["Private sources", "The official figure"]
    assert _conflicts(text) == {("9.1 mln", "8.4 mln")}


def test_a_generic_speaker_in_a_contrast_clause_is_still_the_one_named_before() -> None:
    """"…, the federation said, while the ministry has forecast …" is left to the sentence's speaker: on 2,000
    Reuters stories 'but the company said' after 'ITT said' was far more often the same source."""
    text = "ITT said sales rose 5 pct, but the company said margins fell."
    assert [c.source for c in find_claims(text, language="en")] == ["ITT"]


def test_one_source_giving_two_figures_is_no_conflict() -> None:
    text = "The bank said profits rose 12 pct, but it said sales fell 4 pct."
    assert _conflicts(text) == set()


def test_fragments_figures_and_units_are_no_speakers() -> None:
    for fragment in ("Cotton 1986/87 output is still", "4.2 to 6.4 pct below last year's", "their own", "still",
                     "In estimating the country's harvest", "the highest"):
        assert not looks_like_speaker(fragment), fragment
    for speaker in ("Reuters", "the automaker", "trade sources", "he", "Others", "one arbitrager", "analysts"):
        assert looks_like_speaker(speaker), speaker


def test_a_forecast_after_a_sourced_sentence_is_that_sources() -> None:
    text = ("Retail sales grew 2.1 pct last year, the institute said. Exports are expected to rise by 3.3 pct "
            "this year.")
    assert [c.source for c in find_claims(text, language="en")] == ["the institute", "the institute"]


def test_named_figures_that_show() -> None:
    text = "Central bank figures show reserves fell to 4.2 billion dlrs in May."
    assert [c.source for c in find_claims(text, language="en")] == ["Central bank figures"]
