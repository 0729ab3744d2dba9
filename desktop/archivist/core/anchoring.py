"""Finding a quote in a text, and finding it again after the text changed.

Pure functions over strings, no catalogue: :mod:`archivist.core.annotations` stores what :class:`Anchor` holds
and calls :func:`reanchor` when a document's text is replaced (a better extractor, an edited note re-imported).

Re-anchoring tries, in order (DESIGN.md, "Highlights and notes"):

1. the old offsets, when the quote is still there;
2. the exact quote, the occurrence whose context fits best and then the nearest to the old position;
3. the quote with whitespace, quote marks and case ignored (reflowed text, straightened quotes);
4. the quote's first and last words, with what now lies between them (text inserted into the passage);
5. a fuzzy match of the quote weighed with its prefix and suffix (rapidfuzz), near the old position first;

and gives up otherwise: the caller keeps the highlight as an orphan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT = 32  # characters of prefix and suffix kept with every highlight
FUZZY_MIN_QUOTE = 75.0  # below this a fuzzy match of the quote alone is not trusted
FUZZY_MIN_SCORE = 72.0  # quote and context together
SHORT_QUOTE = 12  # quotes this short are only re-found exactly: fuzzily they match anything
END, MIN_END = 24, 12  # characters of the quote's first and last words that bracket an edited passage

# Characters a reflow or a different extractor renders differently; folded before a tolerant comparison.
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-",
                       "\u00ad": "", "\u200b": "", "\ufeff": ""})
_ELLIPSIS = "…"
_SPACE = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a highlight is: the quoted text, its context and offsets into the text it was made on."""

    quote: str
    prefix: str
    suffix: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Found:
    """A re-found span and the step that found it (``offsets``, ``exact``, ``loose``, ``ends`` or ``fuzzy``)."""

    start: int
    end: int
    method: str


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]`` with its context."""
    return Anchor(text[start:end], text[max(start - CONTEXT, 0) : start], text[end : end + CONTEXT], start, end)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at its ends (a mouse selection often takes a trailing space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class FoldedText:
    """A text with whitespace runs collapsed, quote marks and dashes straightened and case folded.

    ``origin[i]`` is the offset in the original text of folded character ``i``, so a match in the folded
    text maps back to a span of the original.
    """

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        origin: list[int] = []
        for index, char in enumerate(text):
            if _SPACE.match(char):
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    origin.append(index)
                continue
            folded = "..." if char == _ELLIPSIS else char.translate(_FOLD).lower()
            for piece in folded:
                chars.append(piece)
                origin.append(index)
        self.text = "".join(chars)
        self.origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded ``[start, end)``."""
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> str:
    return FoldedText(text).text.strip()


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span of ``text`` matching ``quote``: exactly if it occurs so, else with whitespace etc. folded."""
    spans = [(match.start(), match.start() + len(quote)) for match in re.finditer(re.escape(quote), text)]
    if spans or not quote.strip():
        return spans
    needle = fold(quote)
    folded = FoldedText(text)
    return [folded.span(match.start(), match.end()) for match in re.finditer(re.escape(needle), folded.text)]


def reanchor(anchor: Anchor, text: str) -> Found | None:
    """Where ``anchor`` is in the changed ``text``, or None when it cannot be found (an orphan)."""
    if text[anchor.start : anchor.end] == anchor.quote:
        return Found(anchor.start, anchor.end, "offsets")
    exact = [(match.start(), match.start() + len(anchor.quote)) for match in re.finditer(re.escape(anchor.quote), text)]
    if exact:
        return Found(*_best_candidate(anchor, text, exact), "exact")
    needle = fold(anchor.quote)
    if not needle:
        return None
    folded = FoldedText(text)
    loose = [folded.span(m.start(), m.end()) for m in re.finditer(re.escape(needle), folded.text)]
    if loose:
        return Found(*_best_candidate(anchor, text, loose), "loose")
    bracketed = ends_find(anchor, needle, folded)
    if bracketed:
        return Found(*_best_candidate(anchor, text, bracketed), "ends")
    span = fuzzy_find(anchor, text)
    return Found(*span, "fuzzy") if span else None


def ends_find(anchor: Anchor, needle: str, folded: FoldedText) -> list[tuple[int, int]]:
    """Spans that begin with the quote's first words and end with its last, at a plausible length.

    This is what a sentence inserted into (or cut from) the middle of a highlighted passage leaves intact;
    the highlight then covers the passage as it now reads.
    """
    if len(needle) < 3 * MIN_END:
        return []
    size = min(END, len(needle) // 3)
    head, tail = needle[:size], needle[-size:]
    tails = [match.end() for match in re.finditer(re.escape(tail), folded.text)]
    spans = []
    for match in re.finditer(re.escape(head), folded.text):
        after = bisect_left(tails, match.start() + 2 * size)
        if after < len(tails) and len(needle) / 2 <= tails[after] - match.start() <= 2 * len(needle) + 200:
            spans.append(folded.span(match.start(), tails[after]))
    return spans


def _best_candidate(anchor: Anchor, text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """Of several matches, the one whose context fits best; ties go to the one nearest the old position."""
    if len(spans) == 1:
        return spans[0]
    return max(spans, key=lambda span: (round(context_score(anchor, text, *span)), -abs(span[0] - anchor.start)))


def context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How well the text around ``[start, end)`` matches the anchor's prefix and suffix (0–100)."""
    scores = []
    if anchor.prefix.strip():
        scores.append(fuzz.ratio(fold(anchor.prefix), fold(text[max(start - CONTEXT, 0) : start])))
    if anchor.suffix.strip():
        scores.append(fuzz.ratio(fold(anchor.suffix), fold(text[end : end + CONTEXT])))
    return sum(scores) / len(scores) if scores else 50.0


def fuzzy_find(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """The best fuzzy match of the quote, near the old position first and then anywhere."""
    if len(anchor.quote.strip()) < SHORT_QUOTE:
        return None
    reach = max(4 * len(anchor.quote), 2000)
    windows = [(max(anchor.start - reach, 0), min(anchor.end + reach, len(text)))]
    if windows[0] != (0, len(text)):
        windows.append((0, len(text)))
    for low, high in windows:
        found = _fuzzy_in_window(anchor, text, low, high)
        if found is not None:
            return found
    return None


def _fuzzy_in_window(anchor: Anchor, text: str, low: int, high: int) -> tuple[int, int] | None:
    window = text[low:high]
    if len(window) < len(anchor.quote) // 2:
        return None
    alignment = fuzz.partial_ratio_alignment(anchor.quote, window)
    if alignment is None or alignment.score < FUZZY_MIN_QUOTE:
        return None
    start, end = _refine(anchor.quote, text, low + alignment.dest_start, low + alignment.dest_end)
    quote_score = fuzz.ratio(anchor.quote, text[start:end])
    score = 0.7 * quote_score + 0.3 * context_score(anchor, text, start, end)
    if quote_score < FUZZY_MIN_QUOTE or score < FUZZY_MIN_SCORE:
        return None
    return trim_span(text, start, end)


def _refine(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of a fuzzy span (which has the quote's length) to where the match is best.

    partial_ratio aligns a window as long as the quote; when words were inserted into or deleted from the
    quote, the true span is longer or shorter, so each end is moved within a tenth of the quote's length.
    """
    slack = max(3, min(len(quote) // 10, 40))

    def score(span: tuple[int, int]) -> float:
        return fuzz.ratio(quote, text[span[0] : span[1]])

    end = max(((start, max(start + 1, min(end + delta, len(text)))) for delta in range(-slack, slack + 1)),
              key=score)[1]
    start = max(((max(0, min(start + delta, end - 1)), end) for delta in range(-slack, slack + 1)), key=score)[0]
    return start, end
