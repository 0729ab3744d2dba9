"""Snippets with the matched words marked and the page each one is on.

Whoosh's own highlighter reads only the first 32 KB of a text; this scans the whole text (a 300-page PDF
included) for words whose analysed form is one of the query's matched terms, then keeps the windows that
hold the most distinct terms.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from whoosh.analysis import Analyzer

from archivist.core.extract.base import Page, page_at

_WORD = re.compile(r"\w+(?:\.?\w+)*")
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


class TermMatcher:
    """Decides whether a surface word analyses to one of a set of index terms; caches per word."""

    def __init__(self, analyzer: Analyzer, terms: Iterable[str]) -> None:
        self._analyzer = analyzer
        self.terms = set(terms)
        self._cache: dict[str, str | None] = {}

    def term_of(self, word: str) -> str | None:
        lowered = word.lower()
        if lowered not in self._cache:
            tokens = [token.text for token in self._analyzer(lowered)]
            self._cache[lowered] = tokens[0] if tokens else None
        term = self._cache[lowered]
        return term if term in self.terms else None


def find_matches(text: str, matcher: TermMatcher) -> list[tuple[int, int, str]]:
    """Every (start, end, term) in ``text`` whose word is one of the matcher's terms."""
    if not matcher.terms:
        return []
    found: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        term = matcher.term_of(match.group())
        if term is not None:
            found.append((match.start(), match.end(), term))
    return found


def _windows(matches: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, int]]:
    """Candidate windows (score, start, end): each starts a little before a match."""
    windows: list[tuple[int, int, int]] = []
    for index, (start, _end, _term) in enumerate(matches):
        window_start = max(start - WINDOW // 4, 0)
        window_end = min(window_start + WINDOW, length)
        terms = {term for s, _e, term in matches[index:] if s < window_end} | {matches[index][2]}
        count = sum(1 for s, _e, _t in matches[index:] if s < window_end)
        windows.append((len(terms) * 10 + count, window_start, window_end))
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
    marks = [(s - start, e - start) for s, e, _t in matches if s >= start and e <= end]
    return Snippet(_clean(text[start:end]), page_at(pages, start), start, end, marks)


TextSource = Callable[[int], tuple[str, list[Page]] | None]
