"""Who gives a figure, in the ways news names its sources (issue 18, the causes of the misses on the label
sets): "it said", a generic speaker standing for an earlier source that holds its noun, a clause's subject
after its conjunction, a name wrapped over two lines."""

from __future__ import annotations

from archivist.core.claims.extract import find_claims


def _sources(text: str) -> list[tuple[str, str | None]]:
    return [(claim.value, claim.source) for claim in find_claims(text, language="en")]


def test_it_said_is_the_last_named_source() -> None:
    text = ("Crude runs rose 3 pct, the EIA said. Refinery crude runs were 12.21 mln bpd, up 2.2 pct from 12 mln "
            "a year earlier, it said.")
    assert {source for _value, source in _sources(text)} == {"the EIA"}


def test_a_generic_speaker_is_the_earlier_source_whose_name_holds_its_noun() -> None:
    text = ("Output will be cut to 420,000 bpd, trade sources said. The Finance Ministry said output would be "
            "510,000 bpd. Prices are above 18 dlrs a barrel, the sources said. Spot cargoes fetched 17 dlrs, they "
            "said.")
    assert _sources(text) == [("420,000", "trade sources"), ("510,000", "The Finance Ministry"),
                              ("18 dlrs", "trade sources"), ("17 dlrs", "trade sources")]


def test_the_official_is_not_the_organisation_named_last() -> None:
    text = ("The Yugoslav Grain Association reported the sales to the U.S. official. The official said that about "
            "800,000 tonnes of the corn has been delivered.")
    assert _sources(text)[-1] == ("800,000", "The official")


def test_a_clause_subject_after_its_conjunction_and_a_wrapped_name() -> None:
    text = "Burma, which diplomats here say now has foreign debts of up to 3.4 billion dlrs, applied for aid."
    assert _sources(text) == [("3.4 billion dlrs", "diplomats")]
    assert _sources("The Bureau of Agricultural Economics\ndata said 422,000 tonnes were retained.") == [
        ("422,000", "The Bureau of Agricultural Economics data")]


def test_a_participle_with_by_names_its_agent_only_when_no_one_else_speaks() -> None:
    assert _sources("A find announced by Chevron may hold 300 mln barrels, industry analysts said.") == [
        ("300 mln", "industry analysts")]
    assert _sources("It aims at a deficit of 170 billion dlrs as estimated by the Congressional Budget Office.") \
        == [("170 billion dlrs", "the Congressional Budget Office")]


def test_a_verb_sharing_the_sentences_subject_and_a_reporting_verb_before_a_stating_one() -> None:
    text = "Dutch trade sources gave the same figure, but estimated up to 110,000 tonnes offered by German traders."
    assert _sources(text) == [("110,000", "Dutch trade sources")]
    text = ("The ministry's forecast assumed crude prices at 13 dlrs a barrel, but prices have risen, the sources "
            "said.")
    assert _sources(text) == [("13 dlrs", "the sources")]
    text = "London traders say the rebate will be 46.80 Ecus, while traders in Paris predict 46.40 Ecus."
    assert [source for _value, source in _sources(text)] == ["London traders", "traders in Paris"]


def test_a_headline_speaker_a_cited_source_and_unnamed_earlier_estimates() -> None:
    assert _sources("CHEVRON N.SEA FIND MAY HOLD 300 MLN BBLS -ANALYSTS\n\nThe find was announced today.") == [
        ("300 MLN", "ANALYSTS")]
    text = ("Some analysts said a sign-up may be negative, citing trade talk earlier this year that 14 to 15 mln "
            "acres may be submitted.")
    assert _sources(text)[-1] == ("14 to 15 mln", "trade talk earlier this year")
    text = "Shipments averaged around 160,000 tonnes, higher than earlier estimates of 150,000, the official said."
    assert _sources(text) == [("160,000", "the official"), ("150,000", "earlier estimates")]
    text = "The Soviet Union bought 1.5 mln tonnes, according to a report from the U.S. agriculture counselor."
    assert _sources(text) == [("1.5 mln", "a report from the U.S. agriculture counselor")]


def test_appositives_that_name_the_source_and_a_relative_clause() -> None:
    text = "The figures, issued by accountants on behalf of the SVZ, put total losses at 34 mln guilders."
    assert _sources(text) == [("34 mln guilders", "accountants on behalf of the SVZ")]
    text = ("The Allgemeine said the order value totalled 100 million marks, while another local daily, the Neue "
            "Presse, put the value at 50 million marks.")
    assert [source for _value, source in _sources(text)] == ["The Allgemeine", "the Neue Presse"]
    text = ("Jay Naidoo, general secretary of the Congress of South African Trade Unions (COSATU), which claims a "
            "membership of over 600,000 workers, urged solidarity.")
    assert _sources(text) == [("600,000", "Congress of South African Trade Unions (COSATU)")]


def test_a_name_with_a_title_after_it_and_a_pronoun_ending_a_clause() -> None:
    text = ("Lukman, Nigeria's oil minister, said that despite minor deviations by one or two member countries, "
            "\"OPEC is producing around what it said it would produce.\"")
    assert {source for _value, source in _sources(text)} == {"Lukman"}
