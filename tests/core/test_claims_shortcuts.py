"""The shortcuts that make finding claims cheap give what the plain reading gives: sources worked out only for
the sentences asked about, a sentence's tokens found once for all its figures, patterns tried only where they
can match. Checked on every labelled text of tests/data/claims and the sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.core.claims.attribution import Attributor, SentenceSources, sentence_source
from archivist.core.claims.extract import find_claims
from archivist.core.claims.figures import lower_text
from archivist.core.claims.sentences import sentence_spans
from archivist.core.claims.what import SentenceTokens, tokens
from tests.conftest import DATA, SEEDS

# A label set being held out is read by nothing before its one score (benchmarks/claims_accuracy.py): its folder
# is skipped by name, not entered.
HELD_OUT = frozenset({"heldout6"})
TEXTS = sorted(path for folder in (DATA / "claims").iterdir() if folder.is_dir() and folder.name not in HELD_OUT
               for path in folder.rglob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_sources_of_chosen_sentences_are_those_of_reading_every_sentence(path: Path) -> None:
    text = _read(path)
    spans = sentence_spans(text)
    attributor = Attributor()
    every = [attributor.source_of(text[start:end]) for start, end in spans]
    assert any(every), "the text names no source: the comparison would show nothing"
    for step in (1, 2, 3, 5):  # asked about every sentence, every second one, …, in order
        sources = SentenceSources(text, spans, lower_text(text))
        assert [sources.source_at(index) for index in range(0, len(spans), step)] == every[::step]
    backwards = SentenceSources(text, spans)
    assert [backwards.source_at(index) for index in reversed(range(len(spans)))] == every[::-1]


def test_a_generic_speaker_and_a_going_on_quote_take_the_source_named_sentences_before() -> None:
    text = ("Airwars said 4,734 civilians were killed. The weather was fine. The group further said that "
            "1,200 were children. “The true figure is higher. It could be 6,000,” a spokesman added.")
    spans = sentence_spans(text)
    sources = SentenceSources(text, spans)
    assert sources.source_at(2) == "Airwars"  # "the group": the last named, two sentences back
    assert sources.source_at(4) == "Airwars"  # the quote going on from the sentence before


def test_the_lower_cased_sentence_finds_the_same_speaker() -> None:
    for sentence in ("The Syrian Observatory for Human Rights SAID 7,000 died.", "400 fled, according to the UN.",
                     "Other estimates ranged as high as 500 dead.", "IRNA quoted the commander as saying 9 died."):
        assert sentence_source(sentence, sentence.lower()) == sentence_source(sentence) is not None


@pytest.mark.parametrize("path", TEXTS[:6], ids=lambda path: path.name)
def test_a_sentences_tokens_before_and_after_any_cut_are_those_of_the_cut_parts(path: Path) -> None:
    text = _read(path)
    for start, end in sentence_spans(text)[:40]:
        words = SentenceTokens(text, start, end)
        for cut in range(start, end + 1):
            assert words.before(cut) == tokens(text[start:cut])
            assert words.after(cut) == tokens(text[cut:end])


def test_cuts_inside_a_token_are_tokenised_as_the_cut_parts_are() -> None:
    text = "Net profit was 1,000.5 mln dlrs, O’Brien-Smith said, vs 12.5.3 earlier"
    words = SentenceTokens(text, 0, len(text))
    for cut in range(len(text) + 1):
        assert words.before(cut) == tokens(text[:cut])
        assert words.after(cut) == tokens(text[cut:])


def test_text_without_numbers_has_no_claims_and_numbers_in_words_are_still_read() -> None:
    assert find_claims("The minister said the talks went well. Nobody was hurt.") == []
    assert find_claims("") == []
    assert [claim.value for claim in find_claims("Rescuers said three people were killed.")] == ["three"]


def test_dotless_i_and_long_s_read_every_sentence_the_slow_way() -> None:
    text = "Kırıkkale officials ſaid 40 people were killed. Police said 12 were hurt."
    spans = sentence_spans(text)
    attributor = Attributor()
    assert [SentenceSources(text, spans).source_at(i) for i in range(len(spans))] == \
        [attributor.source_of(text[start:end]) for start, end in spans]


def test_claims_cross_processes_whole() -> None:
    """The extraction workers hand their claims to the importer pickled (by their fields, for speed): every
    field survives, and a stored record keeps its id and document."""
    import pickle

    from archivist.core.claims.records import ClaimRecord

    found = find_claims(_read(SEEDS / "000_fe0f681e3d97170e.txt"))
    assert found and pickle.loads(pickle.dumps(found)) == found
    records = [ClaimRecord.stored(claim, number, 5) for number, claim in enumerate(found, 1)]
    again = pickle.loads(pickle.dumps(records))
    assert again == records and {type(record) for record in again} == {ClaimRecord}
    assert [record.id for record in again] == list(range(1, len(found) + 1))
