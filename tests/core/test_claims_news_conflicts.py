"""Disagreeing figures in one news story: each clause's own speaker, the owner of an estimate, the same event
counted in other words ("death toll", "95 had died"), and a source revising its own figure."""

from __future__ import annotations

from itertools import count

from archivist.core.claims.conflicts import find_pairs
from archivist.core.claims.extract import FoundClaim, find_claims
from archivist.core.claims.records import ClaimRecord
from archivist.core.claims.what import query_key


def _records(found: list[FoundClaim], document_id: int = 1) -> list[ClaimRecord]:
    ids = count(1)
    return [ClaimRecord.stored(c, next(ids), document_id) for c in found]


def _conflicts(text: str) -> set[tuple[str, str]]:
    records = _records(find_claims(text, language="en"))
    values = {record.id: record.value for record in records}
    return {(values[pair.first], values[pair.second]) for pair in find_pairs(records) if pair.kind == "conflict"}


def test_each_clause_keeps_its_own_speaker_and_their_counts_conflict() -> None:
    text = "Police said 30 people were killed, but hospital officials put the death toll at 45."
    found = find_claims(text, language="en")
    assert [(c.value, c.source, c.what_key) for c in found] == [
        ("30", "Police", "people killed"), ("45", "hospital officials", "people killed")]
    assert _conflicts(text) == {("30", "45")}


def test_a_toll_and_a_count_of_the_dead_with_no_noun_are_one_quantity() -> None:
    text = "The death toll rose to 120, the Red Cross said, while state radio said 95 had died."
    assert [(c.source, c.what_key) for c in find_claims(text, language="en")] == [
        ("the Red Cross", "people killed"), ("state radio", "people killed")]
    assert _conflicts(text) == {("120", "95")}
    assert query_key("death toll") == query_key("dead") == "people killed"


def test_the_owner_of_an_estimate_is_its_source_and_it_counts_what_came_before() -> None:
    text = ("The embassy estimated Indonesia's calendar 1986 raw sugar production at 1.8 mln tonnes, against a "
            "government estimate of 1.99 mln.")
    first, second = find_claims(text, language="en")
    assert (first.source, second.source) == ("The embassy", "government")
    assert second.what_key == first.what_key and second.unit == "tonnes"
    assert _conflicts(text) == {("1.8 mln", "1.99 mln")}


def test_the_number_put_by_another_source_counts_the_same_thing() -> None:
    text = "Unions said 50,000 workers joined the strike, while police put the number at 20,000."
    assert [(c.source, c.what_key) for c in find_claims(text, language="en")] == [
        ("Unions", "worker"), ("police", "worker")]


def test_a_source_revising_its_own_figure_is_a_revision_not_a_conflict() -> None:
    text = ("The Red Cross said on Monday 120 people were killed. The Red Cross later said 150 people were "
            "killed.")
    records = _records(find_claims(text, language="en"))
    assert [pair.kind for pair in find_pairs(records)] == ["revision"]


def test_a_pronoun_after_although_does_not_become_a_speaker() -> None:
    text = ("Committee Chairman William Gray said cuts of 40 billion dlrs were needed, although he said the "
            "deficit could reach 108 billion dlrs.")
    assert {c.source for c in find_claims(text, language="en")} == {"Committee Chairman William Gray"}


def test_the_number_of_another_name_counts_what_the_figure_before_counts() -> None:
    text = ("SATS says that some 13,000 workers are involved in the stoppage, but union leaders put the number of "
            "strikers closer to 18,000.")
    found = find_claims(text, language="en")
    assert [(c.what_key, c.source, c.qualifier) for c in found] == [
        ("worker", "SATS", "some"), ("worker", "union leaders", "about")]
    assert _conflicts(text) == {("13,000", "18,000")}


def test_a_bare_amount_takes_the_currency_its_quantity_was_last_given_in() -> None:
    text = ("The figures put total losses for last year at 34 mln guilders. The FNV said the actual losses were "
            "nearer 17 to 20 mln.")
    first, second = find_claims(text, language="en")
    assert (first.what_key, first.currency) == (second.what_key, second.currency) == ("loss", "NLG")
    assert (second.value, second.normalized, second.high) == ("17 to 20 mln", 17e6, 20e6)
    assert _conflicts(text) == {("34 mln guilders", "17 to 20 mln")}


def test_a_time_phrase_before_a_figure_is_not_what_it_counts() -> None:
    assert [c.what_key for c in find_claims("Profit for the year rose to 12 mln dlrs.", language="en")] == ["profit"]
    assert [c.what_key for c in find_claims("Inflation would be around 15 pct in 1986/87.", language="en")] == [
        "inflation"]


def test_killed_and_injured_in_one_clause_are_two_quantities() -> None:
    found = find_claims("The quake killed one person and injured at least three, authorities said.", language="en")
    assert [(c.value, c.what_key) for c in found] == [("one", "people killed"), ("three", "people injured")]


def test_an_owners_estimate_of_a_crop_and_a_merchants_harvest_figure_conflict() -> None:
    text = ("The South African government's maize production estimate of 7.8 mln tonnes is too conservative, "
            "merchants Kahn and Kahn Pty Ltd said. The company estimated the harvest as high as 8.3 mln tonnes.")
    first, second = find_claims(text, language="en")
    assert (first.source, first.what_key) == ("government", "output")
    assert (second.source, second.what_key) == ("Kahn and Kahn Pty Ltd", "output")
    assert _conflicts(text) == {("7.8 mln", "8.3 mln")}  # the value as written; "tonnes" is its unit


def test_a_price_per_barrel_is_not_a_date_and_barrels_per_day_are_bpd() -> None:
    found = find_claims("Prices were 13 dlrs/barrel and output 420,000 barrels per day, traders said.", language="en")
    assert [(c.value, c.unit) for c in found] == [("13 dlrs", "money"), ("420,000", "barrels/day")]


def test_one_quantity_named_in_other_words_by_two_sources_conflicts() -> None:
    text = ("EC Commission sources said West German traders planned to sell 75,000 tonnes into intervention. "
            "Dutch trade sources estimated up to 110,000 tonnes offered by German traders.")
    first, second = find_claims(text, language="en")
    assert first.what_key != second.what_key
    assert _conflicts(text) == {("75,000", "110,000")}


def test_figures_of_different_periods_or_far_apart_are_not_one_quantity() -> None:
    text = ("Inflation fell to an estimated 12 pct this fiscal year from 17 pct in 1981/82, the minister said. "
            "The World Bank said inflation would be around 15 pct in 1986/87.")
    assert _conflicts(text) == {("12 pct", "15 pct")}
    text = "Traders said sugar exports reached 40,000 tonnes. Officials said sugar imports were 400,000 tonnes."
    assert _conflicts(text) == set()


def test_figures_disagree_beyond_what_rounding_them_as_written_could_hide() -> None:
    text = ("London traders say the maximum rebate will be 46.80 European currency units, while traders in Paris "
            "predict a maximum rebate of 46.40 Ecus.")
    assert [claim.currency for claim in find_claims(text, language="en")] == ["XEU", "XEU"]
    assert _conflicts(text) == {("46.80 European currency units", "46.40 Ecus")}
    text = "The employers put port losses at about 30 mln guilders. Accountants put port losses at 34 mln guilders."
    assert _conflicts(text) == set()  # "about 30 mln" may be 34 mln rounded
    text = ("The daily Allgemeine said the order totalled 100 million marks. The Neue Presse put the order at 50 "
            "million marks.")
    assert _conflicts(text) == {("100 million marks", "50 million marks")}


def test_a_figure_that_names_only_its_unit_is_one_quantity_only_with_words_in_common() -> None:
    text = ("Traders said 2,500 tonnes of sugar were offered in the Netherlands. Dutch trade sources estimated up to "
            "110,000 tonnes offered by German traders.")
    assert _conflicts(text) == set()
    text = ("London traders said as much as 100,000 tonnes of sugar may be released. Paris traders put the likely "
            "tonnage at around 60,000.")
    assert [claim.unit for claim in find_claims(text, language="en")] == ["tonnes", "tonnes"]


def test_reworded_figures_far_apart_or_of_different_times_are_not_one_quantity() -> None:
    text = ("Traders said sugar offered to intervention totalled 75,000 tonnes last year. Dutch trade sources "
            "estimated sugar offered at up to 110,000 tonnes this year.")
    assert _conflicts(text) == set()  # "last year" and "this year"
    text = ("Analysts said 70 pct of the funds will be invested in U.S. markets. The insurers' manager said "
            "insurers hold 26 pct of the funds.")
    assert _conflicts(text) == set()  # more than 1.6 times apart: two shares of the funds


def test_two_kinds_of_one_noun_are_two_quantities() -> None:
    text = ("The Energy Department agency said distillate demand was 3.37 mln bpd. Gasoline demand averaged "
            "6.60 mln bpd, the EIA said.")
    assert _conflicts(text) == set()
    text = ("Malaysia will cut oil production to 420,000 bpd, trade sources said. The Finance Ministry said crude "
            "oil output would average 510,000 bpd.")
    assert _conflicts(text) == {("420,000", "510,000")}
