"""Shared passages between documents: alignment of two texts, and which documents reuse a document's text."""

from __future__ import annotations

from archivist.core.compare.align import align
from archivist.core.compare.comparer import Comparer
from archivist.core.compare.diff import changed_ranges, diff_words
from archivist.core.compare.passages import Passage, ReuseReport, SharedSource, Span, WordDiff

__all__ = [
    "Comparer",
    "Passage", "ReuseReport", "SharedSource", "Span", "WordDiff", "align", "changed_ranges", "diff_words"]
