"""Real documents for benchmarks: Reuters-21578 stories split into one file each, and friends.

The corpus lives in ``../shared/corpus`` beside the checkout (see its README); nothing here is committed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
REUTERS = CORPUS / "text" / "reuters21578"

_STORY = re.compile(r"<REUTERS(?P<attrs>[^>]*)>(?P<body>.*?)</REUTERS>", re.DOTALL)
_TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL) for name in ("TITLE", "BODY", "DATE", "DATELINE")}


@dataclass(frozen=True, slots=True)
class Story:
    number: str
    title: str
    body: str
    date: str

    def unwrapped_body(self) -> str:
        """The body with Reuters' 65-column wrapping undone: one line per (indented) paragraph."""
        paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s{2,}", self.body)]
        return "\n".join(part for part in paragraphs if part)

    def as_text(self) -> str:
        """Title line, blank line, body: how a researcher would save a wire story."""
        return f"{self.title}\n\n{self.body}\n"


def _field(name: str, chunk: str) -> str:
    match = _TAG[name].search(chunk)
    return html.unescape(match.group(1)).strip() if match else ""


def reuters_stories() -> Iterator[Story]:
    """Every Reuters story that has a body, in file order."""
    for sgm in sorted(REUTERS.glob("reut2-*.sgm")):
        raw = sgm.read_bytes().decode("latin-1")
        for match in _STORY.finditer(raw):
            chunk = match.group("body")
            body = _field("BODY", chunk).replace("\x03", "").strip()
            if not body:
                continue
            number = re.search(r'NEWID="(\d+)"', match.group("attrs"))
            yield Story(number.group(1) if number else "0", _field("TITLE", chunk) or body.split("\n")[0],
                        body, _field("DATE", chunk))


def write_reuters(folder: Path, limit: int | None = None, copies: int = 1) -> list[Path]:
    """Write stories as ``.txt`` files (``copies`` > 1 repeats the corpus with a marker so each file is new)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for copy in range(copies):
        for story in reuters_stories():
            if limit is not None and len(paths) >= limit:
                return paths
            path = folder / f"reuters-{copy:02d}-{story.number}.txt"
            suffix = f"\n[copy {copy}]\n" if copy else ""
            path.write_text(story.as_text() + suffix, encoding="utf-8")
            paths.append(path)
    return paths
