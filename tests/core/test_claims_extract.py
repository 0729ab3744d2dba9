"""Claims found in real text: the two sample articles against their hand labels (shared/claims), and the kinds
of numbers the labelling rules leave out."""

from __future__ import annotations

import json
from itertools import count
from pathlib import Path

import pytest

from archivist.core.claims.conflicts import find_pairs
from archivist.core.claims.extract import FoundClaim, find_claims
from archivist.core.claims.records import ClaimRecord
from tests.conftest import DATA, SEEDS

GOLD = json.loads((DATA / "claims" / "seeds-claims.json").read_text(encoding="utf-8"))


def article(entry: dict[str, object]) -> str:
    return (SEEDS / Path(str(entry["file"])).name).read_text(encoding="utf-8")


def matching(found: list[FoundClaim], gold: dict[str, object]) -> FoundClaim | None:
    """The found claim at the labelled position whose value contains the labelled value."""
    start = int(gold["char_start"])  # type: ignore[arg-type]
    for claim in found:
        if claim.start <= start < claim.end and str(gold["value"]) in claim.value:
            return claim
    return None


def same_source(found: str | None, gold: str | None) -> bool:
    if gold is None or found is None:
        return found is gold
    a, b = found.lower().replace("’", "'"), gold.lower().replace("’", "'")
    return a in b or b in a


def records(found: list[FoundClaim], document_id: int, ids: count[int]) -> list[ClaimRecord]:
    return [ClaimRecord.stored(c, next(ids), document_id) for c in found]


def test_sample_articles_recall_and_sources() -> None:
    labelled = hits = attributed = right = 0
    for entry in GOLD["articles"]:
        found = find_claims(article(entry))
        for gold in entry["claims"]:
            labelled += 1
            claim = matching(found, gold)
            hits += claim is not None
            if gold["source"] is not None:
                attributed += 1
                right += claim is not None and same_source(claim.source, gold["source"])
    assert hits / labelled >= 0.90, (hits, labelled)
    assert right / attributed >= 0.70, (right, attributed)


def test_sample_articles_precision() -> None:
    """Every figure found is one the labels list (the articles hold dates, years and a resolution number)."""
    found_total = correct = 0
    for entry in GOLD["articles"]:
        starts = {int(gold["char_start"]) for gold in entry["claims"]}
        for claim in find_claims(article(entry)):
            found_total += 1
            correct += any(claim.start <= start < claim.end for start in starts)
    assert correct / found_total >= 0.90, (correct, found_total)


def test_every_labelled_conflict_is_flagged() -> None:
    """624 (the coalition) / 4,734 (Airwars) / ~7,000 (SOHR): each pair a conflict; the Manbij article none."""
    ids = count(1)
    for entry in GOLD["articles"]:
        found = find_claims(article(entry))
        claims = records(found, 1, ids)
        pairs = {(pair.first, pair.second) for pair in find_pairs(claims) if pair.kind == "conflict"}
        by_gold = [next(c for c in claims if c.start <= int(g["char_start"]) < c.end) for g in entry["claims"]]
        for first, second in entry["conflicts"]:
            pair = tuple(sorted((by_gold[first].id, by_gold[second].id)))
            assert pair in pairs, (entry["file"], first, second)
        assert len(pairs) == len(entry["conflicts"])


def test_the_two_articles_do_not_dispute_each_other() -> None:
    """Single attacks (45 killed in Ghandour) are not the campaign's running totals (624 since 2014)."""
    ids = count(1)
    claims = [claim for number, entry in enumerate(GOLD["articles"])
              for claim in records(find_claims(article(entry)), number + 1, ids)]
    cross = [pair for pair in find_pairs(claims) if pair.kind == "conflict"
             and {c.document_id for c in claims if c.id in (pair.first, pair.second)} == {1, 2}]
    assert cross == []


def test_what_and_qualifiers_of_the_sample_figures() -> None:
    text = article(GOLD["articles"][1])
    by_value = {claim.value: claim for claim in find_claims(text)}
    assert by_value["624"].what == "civilians killed" and by_value["624"].qualifier == "at least"
    assert by_value["4,734"].what_key == by_value["7,000"].what_key == "civilian killed"
    assert by_value["42,234"].what_key == "airstrike"
    assert by_value["624"].source == "the US-led coalition"
    assert by_value["4,734"].source == "Airwars"
    assert by_value["624"].scope == "total"


@pytest.mark.parametrize(("text", "value", "normalized", "unit", "currency"), [
    ("The deal was worth £1.2bn to the firm.", "£1.2bn", 1.2e9, "money", "GBP"),
    ("It raised $5m from investors.", "$5m", 5e6, "money", "USD"),
    ("Net profit rose to 15.3 mln dlrs from a year ago.", "15.3 mln dlrs", 15.3e6, "money", "USD"),
    ("Unemployment rose 3.5 pct in March.", "3.5 pct", 3.5, "percent", None),
    ("Turnout was 61% across the region.", "61%", 61.0, "percent", None),
    ("Three letters were sent to the council.", "Three", 3.0, "count", None),
    ("Forty-five soldiers were wounded.", "Forty-five", 45.0, "count", None),
    ("Hundreds of families fled the town.", "Hundreds", 200.0, "count", None),
    ("The pipeline carries 50,000 barrels a day.", "50,000", 50_000.0, "barrels/day", None),
])
def test_values_are_normalised(text: str, value: str, normalized: float, unit: str, currency: str | None) -> None:
    [claim] = find_claims(text)
    assert (claim.value, claim.unit, claim.currency) == (value, unit, currency)
    assert claim.normalized == pytest.approx(normalized)


def test_ranges_and_qualifiers() -> None:
    [claim] = find_claims("Between 20 and 30 people were killed in the raid.")
    assert (claim.normalized, claim.high, claim.what) == (20.0, 30.0, "people killed")
    [claim] = find_claims("Officials said about 300 houses were destroyed.")
    assert claim.qualifier == "about" and claim.source == "Officials"


@pytest.mark.parametrize("text", [
    "The meeting was held on July 23, 2016 in Geneva.",
    "Since September 2014 the coalition has bombed the city.",
    "John Smith, 45, was arrested at 10:30 on Monday.",
    "The 45-year-old driver was aged 45 at the time.",
    "UNSC Resolution 2253 was adopted unanimously.",
    "The talks began three days ago and ended in 2017.",
    "He flew an F-16 on Flight 17 to the 3rd city.",
    "",
    "no numbers here at all",
])
def test_dates_ages_times_identifiers_are_not_claims(text: str) -> None:
    assert find_claims(text) == []


def test_durations_are_claims_only_when_they_say_how_long() -> None:
    [claim] = find_claims("The quake forced Ecuador to suspend crude exports for four months, the president said.")
    assert (claim.value, claim.unit, claim.source) == ("four", "months", "the president")
    assert find_claims("The minister resigned two days ago.") == []


def test_fractions_and_numbers_across_line_breaks() -> None:
    text = "Crude accounts for up to two-thirds of exports and as much as 60 per\ncent of revenues."
    claims = find_claims(text)
    assert [(c.value, c.unit, round(c.normalized)) for c in claims] == [("two-thirds", "percent", 67),
                                                                       ("60 per\ncent", "percent", 60)]


def test_units_broken_across_lines() -> None:
    claims = find_claims("The tanker holds 5 cubic\nmeters of gas worth 3 mln Hong\nKong dlrs.")
    assert [(c.value, c.unit, c.currency) for c in claims] == [("5", "m³", None),
                                                               ("3 mln Hong\nKong dlrs", "money", "HKD")]


def test_a_rule_that_fails_costs_the_text_its_claims_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """find_claims runs inside every import: a bug in a rule must not fail the document's import."""
    import archivist.core.claims.extract as extract

    def broken(_text: str) -> list[object]:
        raise KeyError("a rule's bug")

    monkeypatch.setattr(extract, "find_figures", broken)
    assert extract.find_claims("Officials said 12 soldiers were wounded.") == []


def test_wrapped_wire_text_keeps_its_sentences() -> None:
    """Reuters wraps at 65 columns: a line break inside a sentence must not cut it from its speaker."""
    text = ("Ecuador owes private foreign banks 450 to 500 mln dlrs in\ninterest payments and 66 mln dlrs\n"
            "in principal payments, finance officials said.\n")
    claims = find_claims(text)
    assert [(c.value, c.high, c.source) for c in claims] == [
        ("450 to 500 mln dlrs", 500e6, "finance officials"), ("66 mln dlrs", None, "finance officials")]


def test_claims_across_sentences_take_the_quoted_source() -> None:
    text = ("“We found 12 bodies in the rubble,” said Ahmed Khalil, a rescue worker. "
            "“Another 30 people are missing.”")
    claims = find_claims(text)
    assert [claim.source for claim in claims] == ["Ahmed Khalil", "Ahmed Khalil"]


def test_non_english_text_keeps_numbers_with_their_sentence() -> None:
    text = "Selon le rapport, 45 civils ont été tués et 50 blessés dans les frappes de la coalition."
    claims = find_claims(text, language="fr")
    assert [claim.value for claim in claims] == ["45", "50"]
    assert claims[0].sentence_start == 0 and claims[0].sentence_end == len(text)
    assert claims[0].source is None and claims[0].what == ""


def test_pages_are_given_by_offset() -> None:
    text = "First page.\n\nOn the second page 12 soldiers were killed."
    [claim] = find_claims(text, [(0, "i"), (13, "ii")])
    assert claim.page == "ii"


def test_only_event_quantities_are_compared_across_documents() -> None:
    """Two stories' figures for "shares" are unrelated; two stories' death tolls of one quake are a dispute."""
    ids = count(1)
    first = records(find_claims("The Ecuador earthquake killed 300 people, officials said. "
                                "Petroecuador sold 5,000 shares."), 1, ids)
    second = records(find_claims("The Ecuador earthquake killed 1,000 people, the Red Cross said. "
                                 "Petroecuador sold 9,000 shares."), 2, ids)
    pairs = [(pair.what, pair.kind) for pair in find_pairs(first + second)]
    assert pairs == [("people killed", "conflict")]
