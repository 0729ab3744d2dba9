"""Snippets with the matched words marked and the page each one is on.

Whoosh's own highlighter reads only the first 32 KB of a text; this scans the whole text (a 300-page PDF
included): matching.py finds the matched words and phrases (a 2 MB text in a few milliseconds), and the windows
holding the most distinct terms or phrases are kept. Marks are offsets into the logical (stored) order of the
text, so in right-to-left text they land on the right characters whatever the display does.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from archivist.core.extract.base import Page, page_at
from archivist.core.index.matching import TermMatcher, find_matches

WINDOW = 220
MAX_SNIPPETS = 3


@dataclass(slots=True)
class Snippet:
    """A passage of a document; ``marks`` are (start, end) spans of matched words within ``text``."""

    text: str
    page: str
    start: int
    end: int
    marks: list[tuple[int, int]] = field(default_factory=list)

    def html(self) -> str:
        """The passage as HTML with matched words in ``<mark>``."""
        parts: list[str] = []
        cursor = 0
        for start, end in self.marks:
            parts.append(html.escape(self.text[cursor:start]))
            parts.append(f"<mark>{html.escape(self.text[start:end])}</mark>")
            cursor = end
        parts.append(html.escape(self.text[cursor:]))
        return "".join(parts)

    def marked(self, before: str = "[", after: str = "]") -> str:
        """The passage with matched words wrapped in ``before``/``after`` (for a terminal)."""
        out: list[str] = []
        cursor = 0
        for start, end in self.marks:
            out += [self.text[cursor:start], before, self.text[start:end], after]
            cursor = end
        out.append(self.text[cursor:])
        return "".join(out)


def _windows(matches: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, int]]:
    """Candidate windows (score, start, end): each starts a little before a match; more distinct keys win."""
    windows: list[tuple[int, int, int]] = []
    last = 0
    for index, (start, _end, _key) in enumerate(matches):
        window_start = max(start - WINDOW // 4, 0)
        window_end = min(window_start + WINDOW, length)
        last = max(last, index)
        while last + 1 < len(matches) and matches[last + 1][0] < window_end:
            last += 1
        inside = matches[index : last + 1]
        windows.append((len({key for _s, _e, key in inside}) * 10 + len(inside), window_start, window_end))
    return windows


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Move a window's edges to word boundaries so no word is cut in half."""
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 30, end)
        end = space if space > start else end
    return start, end


def make_snippets(
    text: str, pages: list[Page], matcher: TermMatcher, limit: int = MAX_SNIPPETS
) -> list[Snippet]:
    """Up to ``limit`` non-overlapping snippets, best first; the opening lines when nothing matches."""
    matches = find_matches(text, matcher)
    if not matches:
        start, end = _snap(text, 0, min(WINDOW, len(text)))
        return [Snippet(_clean(text[start:end]), page_at(pages, 0), start, end)] if text else []
    chosen: list[tuple[int, int]] = []
    for _score, start, end in sorted(_windows(matches, len(text)), key=lambda w: (-w[0], w[1])):
        if any(start < b and a < end for a, b in chosen):
            continue
        chosen.append(_snap(text, start, end))
        if len(chosen) == limit:
            break
    return [_snippet(text, pages, start, end, matches) for start, end in chosen]


def _clean(passage: str) -> str:
    """One line: newlines become spaces, length unchanged so mark offsets stay right."""
    return passage.replace("\n", " ").replace("\t", " ")


def _snippet(text: str, pages: list[Page], start: int, end: int, matches: list[tuple[int, int, str]]) -> Snippet:
    inside = [(s, e) for s, e, _key in matches if start <= s < end]
    end = max([end, *(e for _s, e in inside)])  # a phrase that starts in the window is shown whole
    marks = [(s - start, e - start) for s, e in inside]
    # The page of the first marked word, not of the window's edge: that is the page a citation needs.
    page = page_at(pages, inside[0][0] if inside else start)
    return Snippet(_clean(text[start:end]), page, start, end, marks)


__all__ = ["Snippet", "TermMatcher", "TextsSource", "find_matches", "make_snippets"]

# The texts and pages of several documents at once (one catalogue query for a page of hits); ids it lacks
# get no snippets.
TextsSource = Callable[[list[int]], Mapping[int, tuple[str, list[Page]]]]
