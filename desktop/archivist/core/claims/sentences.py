"""Splitting text into sentences with their offsets (claims keep theirs for quotes and attribution)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# A sentence ends at . ! ? or … (with closing quotes or brackets) before a space and a capital, digit or quote,
# at a blank line, or at a line break after such an ending (a headline, a paragraph). A single line break inside
# a sentence does not end it: news wires wrap their lines at 65 columns (Reuters-21578).
# (The lookahead first says what every ending starts with: most positions are rejected there, twice as fast.)
_END = re.compile(r"(?=[\"”’')\]\s])(?:(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[A-Z0-9])|\n[ \t]*\n\s*"
                  r"|(?<=[.!?…:\"”])\n\s*)")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|St|No|Nos|Vol|Inc|Ltd|"
                            r"Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|approx|est|U\.S|U\.K|U\.N|"
                            r"a\.m|p\.m)|\b[A-Z])\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        blank_line = match[0].count("\n") > 1
        if not blank_line and _ABBREVIATIONS.search(text, max(0, match.start() - 6), match.start()):
            continue  # "the U.S.\nEmbassy said": an abbreviation at the end of a wrapped line
        end = match.start() + len(match[0]) - len(match[0].lstrip("\"”’')]"))
        _add(text, spans, start, end if "\n" not in match[0] else match.start())
        start = match.end()
    _add(text, spans, start, len(text))
    return spans


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class Sentences:
    """The sentences of one text, found by offset."""

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text)
        self._starts = [start for start, _end in self.spans]

    def index_at(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.spans[index]

    def __len__(self) -> int:
        return len(self.spans)


def page_at(pages: Sequence[tuple[int, str]], offset: int) -> str | None:
    """The label of the page holding ``offset`` (pages are (start, label), sorted)."""
    if not pages:
        return None
    index = bisect_right([start for start, _label in pages], offset) - 1
    return str(pages[max(0, index)][1])
