"""Reuters-21578 stories (TITLE + BODY) as plain texts, for the shared-passages benchmark and test data."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "text" / "reuters21578"
_STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)


def stories(corpus: Path = CORPUS) -> Iterator[tuple[int, str, str]]:
    """(NEWID, title, body) of every story that has a body, in file order."""
    for path in sorted(corpus.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for match in _STORY.finditer(raw):
            title, body = _TITLE.search(match.group(2)), _BODY.search(match.group(2))
            if body is None:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "")
            # Reuters bodies are wrapped at 65 columns with paragraphs indented: unwrap into one line each
            paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s{2,}", text)]
            heading = html.unescape(title.group(1)).strip() if title else ""
            yield int(match.group(1)), heading, "\n".join(part for part in paragraphs if part)
