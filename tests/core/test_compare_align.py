"""Passage alignment on real news text: the seed articles and Reuters-21578 stories (tests/data/compare)."""

from __future__ import annotations

import itertools

import pytest

from archivist.core.compare import align, changed_ranges, diff_words
from tests.conftest import DATA, GUTERRES_SEED, MANBIJ_SEED

STORIES = DATA / "compare"
IRAN = "reuters-107.txt"  # Iran announces end of major offensive in Gulf war
PARAGRAPH = ("The statement by the Iranian High Command appeared to herald the close of an assault on the port city "
             "of Basra in southern Iraq.")


def story(name: str) -> str:
    return (STORIES / name).read_text(encoding="utf-8")


def plant(host: str, paragraph: str, after_line: int = 3) -> tuple[str, int]:
    """``host`` with ``paragraph`` put in as a line of its own; returns the text and where the paragraph starts."""
    lines = host.split("\n")
    start = len("\n".join(lines[:after_line])) + 1
    return "\n".join([*lines[:after_line], paragraph, *lines[after_line:]]), start


def test_seed_articles_pair_the_reworded_authorization_sentence() -> None:
    manbij, guterres = MANBIJ_SEED.read_text(encoding="utf-8"), GUTERRES_SEED.read_text(encoding="utf-8")
    passages = align(manbij, guterres)
    pair = next(p for p in passages if "without any authorization from Damascus" in p.a.text)
    assert "since September 2014" in pair.a.text and "since September 2014" in pair.b.text
    assert "UN mandate" in pair.a.text and "without any authorization from the Damascus government" in pair.b.text
    assert pair.a.text == manbij[pair.a.start : pair.a.end] and pair.b.text == guterres[pair.b.start : pair.b.end]
    assert 0.5 < pair.similarity < 0.9  # reworded, not copied


def test_planted_paragraph_is_found_with_its_span_on_both_sides() -> None:
    source = story(IRAN)
    host, planted_at = plant(story("reuters-54.txt"), PARAGRAPH)
    [passage] = align(source, host)
    source_at = source.index(PARAGRAPH)
    assert abs(passage.a.start - source_at) <= 3 and abs(passage.a.end - (source_at + len(PARAGRAPH))) <= 3
    assert abs(passage.b.start - planted_at) <= 3 and abs(passage.b.end - (planted_at + len(PARAGRAPH))) <= 3
    assert passage.similarity == 1.0


NAMES = sorted(path.name for path in STORIES.glob("reuters-*.txt"))


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(NAMES, 2)))
def test_unrelated_stories_share_no_more_than_a_fragment(first: str, second: str) -> None:
    for passage in align(story(first), story(second)):
        assert len(passage.a.text.split()) < 12, passage


def test_reworded_paragraph_with_swapped_words_and_an_inserted_clause_is_paired() -> None:
    reworded = ("A statement by Iran's High Command, which was read on state radio late on Thursday, seemed to herald "
                "the close of the assault on the southern Iraqi port city of Basra.")
    host, planted_at = plant(story("reuters-1.txt"), reworded, after_line=5)
    passages = align(story(IRAN), host)
    assert len(passages) == 1
    passage = passages[0]
    assert "High Command" in passage.a.text and "Basra" in passage.a.text
    assert abs(passage.b.start - planted_at) <= 3 and "Basra" in passage.b.text
    assert 0.5 <= passage.similarity < 1.0


def test_common_phrases_alone_make_no_passage() -> None:
    first = "The United Nations said on Monday that the US-led coalition had struck a bridge near Raqqa."
    second = "Aid convoys were stopped, the United Nations said, while the US-led coalition denied any role."
    assert align(first, second) == []


def test_diff_words_marks_only_what_the_rewording_changed() -> None:
    a_text = "The US-led coalition has been conducting airstrikes inside Syria since September 2014"
    b_text = "The US and its allies have been bombarding Syria since September 2014"
    in_a, in_b = changed_ranges(diff_words(a_text, b_text))
    marked_a = [a_text[start:end] for start, end in in_a]
    marked_b = [b_text[start:end] for start, end in in_b]
    assert "since September 2014" not in " ".join(marked_a + marked_b)
    assert any("bombarding" in text for text in marked_b) and any("conducting" in text for text in marked_a)


def test_identical_long_texts_align_in_one_passage() -> None:
    text = story("reuters-144.txt")
    [passage] = align(text, text)
    assert passage.a.start == passage.b.start == 0 and passage.similarity == 1.0
    # all but the sign-off line "Reuter", a one-word sentence too short to be a passage of its own
    assert passage.a.text == text[: len(passage.a.text)] and len(passage.a.text) >= len(text) - 10
