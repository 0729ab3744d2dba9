"""Plain values the comparer hands out: passages shared by two texts and the sources sharing them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one text: character offsets (end exclusive) and the text itself."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of text A and a span of text B that are the same or reworded; ``similarity`` is 0–1."""

    a: Span
    b: Span
    similarity: float

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "similarity": self.similarity}


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One step of a word-level diff inside a passage pair: character offsets into each side's text.

    ``op`` is "equal", "replace", "delete" (words only in A) or "insert" (words only in B).
    """

    op: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class SharedSource:
    """Another document that shares passages with the one asked about."""

    id: int
    title: str
    shared_chars: int
    passages: list[Passage] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "shared_chars": self.shared_chars,
                "passages": [passage.to_json() for passage in self.passages]}


@dataclass(frozen=True, slots=True)
class ReuseReport:
    """The documents sharing passages with ``document``, most shared first."""

    document: int
    sources: list[SharedSource]

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "sources": [source.to_json() for source in self.sources]}


def covered_chars(spans: list[tuple[int, int]]) -> int:
    """How many characters the union of (start, end) spans covers (overlapping passages count once)."""
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(start, reach)
        reach = end
    return total
