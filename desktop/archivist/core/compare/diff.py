"""Word-level differences inside a passage pair, so a reader sees what a rewording changed."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from archivist.core.compare.passages import WordDiff
from archivist.core.compare.tokens import Tokens, tokenize


def diff_words(a_text: str, b_text: str) -> list[WordDiff]:
    """Equal, replaced, deleted and inserted word runs between two passages, as character offsets in each.

    Words are compared normalised (case, accents, plural "s"), so "Airstrikes" against "airstrike" is equal.
    """
    tokens_a, tokens_b = tokenize(a_text), tokenize(b_text)
    steps: list[WordDiff] = []
    for op, a0, a1, b0, b1 in Levenshtein.opcodes(tokens_a.words, tokens_b.words):
        start_a, end_a = _chars(tokens_a, a0, a1, len(a_text))
        start_b, end_b = _chars(tokens_b, b0, b1, len(b_text))
        steps.append(WordDiff(op, start_a, end_a, start_b, end_b))
    return steps


def changed_ranges(steps: list[WordDiff]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The character ranges that differ: (those in A, those in B), empty ranges left out.

    Neighbouring changes ("are said" replaced, then "to be the" deleted) make one range, so a reader sees one
    marked stretch, not a row of fragments.
    """
    in_a: list[tuple[int, int]] = []
    in_b: list[tuple[int, int]] = []
    for step in steps:
        if step.op != "equal":
            _add(in_a, step.a_start, step.a_end)
            _add(in_b, step.b_start, step.b_end)
    return in_a, in_b


def _add(ranges: list[tuple[int, int]], start: int, end: int) -> None:
    """Append a range, joining it to the last one when only the space between two words separates them."""
    if end <= start:
        return
    if ranges and start - ranges[-1][1] <= 1:
        ranges[-1] = (ranges[-1][0], end)
    else:
        ranges.append((start, end))


def _chars(tokens: Tokens, first: int, last: int, length: int) -> tuple[int, int]:
    """Offsets of words [first, last); an empty run sits where word ``first`` starts (or at the end)."""
    if last > first:
        return tokens.char_span(first, last)
    position = tokens.starts[first] if first < len(tokens) else length
    return position, position
