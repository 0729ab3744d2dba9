"""Reuters-21578 stories as (NEWID, title, unwrapped body), for the shared-passages benchmark and test data."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import reuters_stories


def stories() -> Iterator[tuple[int, str, str]]:
    """(NEWID, title, body) of every story that has a body, in file order, paragraphs one per line."""
    for story in reuters_stories():
        yield int(story.number), story.title, story.unwrapped_body()
