"""Re-anchoring highlights on real texts after real kinds of edits, judged against where the text really went.

The texts are four Reuters stories and PEP 257 (tests/data/annotations). Each edit (sentences inserted, spans
deleted, whitespace reflowed as another extractor would, characters fixed as by OCR, all mixed) remembers
where every original character ended up, so each re-anchored highlight is checked against the truth.
Run ``pytest tests/core/test_anchoring.py -s -k share`` to see the figures.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from archivist.core.anchoring import Anchor, anchor_at, find_all, reanchor, trim_span
from tests.conftest import DATA

TEXTS = sorted((DATA / "annotations").glob("*.txt"))
NEW = -1  # origin of a character an edit introduced
HIGHLIGHTS_PER_TEXT_AND_EDIT = 10


@dataclass(slots=True)
class EditedText:
    """A text as characters with the offset each had in ``source`` (``NEW`` for inserted ones)."""

    source: str
    chars: list[str] = field(default_factory=list)
    origins: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.chars, self.origins = list(self.source), list(range(len(self.source)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def insert(self, position: int, text: str) -> None:
        self.chars[position:position] = list(text)
        self.origins[position:position] = [NEW] * len(text)

    def delete(self, start: int, end: int) -> None:
        del self.chars[start:end]
        del self.origins[start:end]

    def truth(self, start: int, end: int) -> tuple[tuple[int, int] | None, float]:
        """Where original ``[start, end)`` is now, and the share of its non-space characters still there."""
        solid = [i for i, origin in enumerate(self.origins) if start <= origin < end and not self.chars[i].isspace()]
        total = sum(1 for char in self.source[start:end] if not char.isspace())
        return ((solid[0], solid[-1] + 1) if solid else None), len(solid) / max(total, 1)


def insertions(edited: EditedText, rng: random.Random, filler: list[str]) -> None:
    """Five sentences from another document added at sentence or paragraph breaks."""
    for _ in range(5):
        breaks = [m.end() for m in re.finditer(r"(?<=[.!?])\s|\n\n", edited.text)] or [0]
        edited.insert(rng.choice(breaks), rng.choice(filler) + " ")


def deletions(edited: EditedText, rng: random.Random, _filler: list[str]) -> None:
    """Five spans of 20–200 characters cut out (a boilerplate line, a caption, half a sentence)."""
    for _ in range(5):
        length = rng.randint(20, 200)
        start = rng.randrange(0, max(len(edited.chars) - length, 1))
        edited.delete(start, start + length)


def reflow(edited: EditedText, rng: random.Random, _filler: list[str]) -> None:
    """The same words wrapped at another width with indents dropped: what a better extractor produces."""
    width = rng.choice([50, 72, 100, 10_000])
    text = edited.text
    chars: list[str] = []
    origins: list[int] = []
    column, previous_end = 0, 0
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        gap = text[previous_end:start]
        if chars:
            paragraph = "\n\n" in gap or "\n    " in gap
            separator = "\n\n" if paragraph else "\n" if column + end - start > width else " "
            chars.extend(separator)
            origins.extend([NEW] * len(separator))
            column = 0 if "\n" in separator else column + 1
        chars.extend(edited.chars[start:end])
        origins.extend(edited.origins[start:end])
        column, previous_end = column + end - start, end
    edited.chars, edited.origins = chars, origins


def typos(edited: EditedText, rng: random.Random, _filler: list[str]) -> None:
    """One character changed in one word of forty (an OCR correction, a fixed misspelling)."""
    words = [m.span() for m in re.finditer(r"[A-Za-z]{4,}", edited.text)]
    for start, end in rng.sample(words, max(1, len(words) // 40)):
        position = rng.randrange(start, end)
        edited.chars[position] = "x" if edited.chars[position] != "x" else "y"
        edited.origins[position] = NEW


def mixed(edited: EditedText, rng: random.Random, filler: list[str]) -> None:
    """Everything at once, lightly: a reflow, typos, two insertions and two deletions."""
    reflow(edited, rng, filler)
    typos(edited, rng, filler)
    for _ in range(2):
        breaks = [m.end() for m in re.finditer(r"(?<=[.!?])\s", edited.text)] or [0]
        edited.insert(rng.choice(breaks), rng.choice(filler) + " ")
        start = rng.randrange(0, len(edited.chars) - 100)
        edited.delete(start, start + rng.randint(20, 100))


EDITS: dict[str, Callable[[EditedText, random.Random, list[str]], None]] = {
    "insertions": insertions, "deletions": deletions, "reflow": reflow, "typos": typos, "mixed": mixed,
}


def random_span(text: str, rng: random.Random) -> tuple[int, int]:
    """A span of 3–25 whole words, as a reader would select."""
    words = [match.span() for match in re.finditer(r"\S+", text)]
    count = rng.randint(3, 25)
    first = rng.randrange(0, len(words) - count)
    return trim_span(text, words[first][0], words[first + count - 1][1])


def sentences(text: str) -> list[str]:
    return [" ".join(s.split()) for s in re.split(r"(?<=[.!?])\s+", text) if 40 < len(" ".join(s.split())) < 200]


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def judge(found: tuple[int, int] | None, truth: tuple[int, int] | None, survived: float) -> str:
    """``refound`` (the passage), ``partial`` (inside it, but much shorter), ``wrong`` (somewhere else),
    ``orphan``, or ``orphan-gone`` (most of the passage was deleted, so an orphan is the right answer)."""
    if found is None:
        return "orphan-gone" if survived < 0.5 else "orphan"
    if truth is not None and overlap(found, truth) >= 0.6:
        return "refound"
    if truth is not None and truth[0] <= found[0] and found[1] <= truth[1]:
        return "partial"
    return "wrong"


def run_trials(seed: int = 20160729) -> tuple[Counter[str], dict[str, Counter[str]], Counter[str]]:
    """Every text × every edit × HIGHLIGHTS_PER_TEXT_AND_EDIT random highlights."""
    rng = random.Random(seed)
    sources = {path.name: path.read_text(encoding="utf-8") for path in TEXTS}
    totals: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    by_edit: dict[str, Counter[str]] = {name: Counter() for name in EDITS}
    for name, source in sources.items():
        filler = [s for other, text in sources.items() if other != name for s in sentences(text)]
        for edit_name, edit in EDITS.items():
            spans = [random_span(source, rng) for _ in range(HIGHLIGHTS_PER_TEXT_AND_EDIT)]
            edited = EditedText(source)
            edit(edited, rng, filler)
            new_text = edited.text
            for start, end in spans:
                result = reanchor(anchor_at(source, start, end), new_text)
                found = (result.start, result.end) if result else None
                verdict = judge(found, *edited.truth(start, end))
                totals[verdict] += 1
                by_edit[edit_name][verdict] += 1
                methods[result.method if result else "none"] += 1
    return totals, by_edit, methods


def test_share_of_highlights_refound_on_real_texts() -> None:
    totals, by_edit, methods = run_trials()
    count = sum(totals.values())
    print(f"\nre-anchoring {count} highlights over {len(TEXTS)} real texts × {len(EDITS)} edit kinds")
    for edit_name, counter in by_edit.items():
        print(f"  {edit_name:<11} " + "  ".join(f"{k} {v}" for k, v in sorted(counter.items())))
    print("  total       " + "  ".join(f"{k} {v} ({100 * v / count:.1f}%)" for k, v in sorted(totals.items())))
    print("  found by    " + "  ".join(f"{k} {v}" for k, v in sorted(methods.items())))
    assert count >= 200
    assert totals["wrong"] <= count * 0.01  # a highlight moved to the wrong passage is worse than an orphan
    assert totals["refound"] >= (count - totals["orphan-gone"]) * 0.95


# -- the steps, one by one ---------------------------------------------------------------------------------
STORY = (DATA / "annotations" / "reuters-209.txt").read_text(encoding="utf-8")
QUOTE = "the spectre of a vicious spiral of wage and price rises"


def anchor_of(text: str, quote: str) -> Anchor:
    start = text.index(quote)
    return anchor_at(text, start, start + len(quote))


def test_unchanged_offsets_are_kept() -> None:
    anchor = anchor_of(STORY, QUOTE)
    found = reanchor(anchor, STORY + "\nA line added at the end.")
    assert found is not None and (found.start, found.end, found.method) == (anchor.start, anchor.end, "offsets")


def test_shifted_quote_is_found_exactly() -> None:
    anchor = anchor_of(STORY, QUOTE)
    changed = "A new first paragraph.\n\n" + STORY
    found = reanchor(anchor, changed)
    assert found is not None and found.method == "exact" and changed[found.start : found.end] == QUOTE


def test_repeated_quote_goes_to_the_occurrence_with_its_context() -> None:
    text = "Alpha said: prices rose. Beta said nothing. Gamma said: prices rose. Delta."
    second = text.rindex("prices rose")
    anchor = anchor_at(text, second, second + len("prices rose"))
    changed = "Intro. " + text.replace("Beta said nothing. ", "")
    found = reanchor(anchor, changed)
    assert found is not None and changed[: found.start].endswith("Gamma said: ")


def test_reflowed_quote_is_found_loosely() -> None:
    anchor = anchor_of(STORY, "protect the purchasing power of their members")
    changed = " ".join(STORY.split())
    found = reanchor(anchor, changed)
    assert found is not None and found.method in {"exact", "loose"}
    assert changed[found.start : found.end] == "protect the purchasing power of their members"


def test_words_inserted_into_the_quote_are_bracketed_by_its_ends() -> None:
    anchor = anchor_of(STORY, QUOTE)
    changed = STORY.replace("vicious spiral", "vicious upward spiral")
    found = reanchor(anchor, changed)
    assert found is not None and found.method == "ends"
    assert changed[found.start : found.end] == "the spectre of a vicious upward spiral of wage and price rises"


def test_edited_quote_is_found_fuzzily() -> None:
    anchor = anchor_of(STORY, QUOTE)
    changed = STORY.replace("spectre of a vicious spiral", "spectre of an upward spiral")
    found = reanchor(anchor, changed)
    assert found is not None and found.method == "fuzzy"
    assert changed[found.start : found.end] == "the spectre of an upward spiral of wage and price rises"


def test_removed_passage_is_an_orphan() -> None:
    anchor = anchor_of(STORY, QUOTE)
    changed = STORY.replace("raising\nthe spectre of a vicious spiral of wage and price rises.", "")
    assert reanchor(anchor, changed) is None


@pytest.mark.parametrize("quote", ["were  brutally\nkilled", "WERE BRUTALLY KILLED", "“45 civilians"])
def test_find_all_ignores_whitespace_case_and_quote_marks(quote: str) -> None:
    text = "At least “45 civilians were brutally killed… and 50 others were injured”"
    spans = find_all(text, quote)
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == {"“45 civilians": "“45 civilians"}.get(quote, "were brutally killed")
