"""Where in a source a quotation is, as a citation says it: a page, a paragraph or a chapter (issue 17).

APA 7 and Chicago cite an unpaginated source (a web page, a Word file, a text note) by paragraph ("para. 4"),
an EPUB by chapter (its "pages" are chapters), and a paginated source by the page printed on it: the PDF's
page label ("50"), which the extractor already puts in place of the page index when the PDF has labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from archivist.core.extract.base import Heading, Page, page_at

CHAPTERED = frozenset({"epub"})
PAGINATED = frozenset({"pdf", "image"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# "I: A Letter with a Postscript", "Chapter 12. Home", "XIV": the chapter's number, as a citation gives it
_CHAPTER_NUMBER = re.compile(r"^(?:chapter\s+|chap\.\s*)?([IVXLCDM]+|\d+)\b(?![''’])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Locator:
    label: str  # a CSL locator label: "page", "paragraph" or "chapter"
    value: str


def locator_for(fmt: str, text: str, pages: Sequence[Page], headings: Sequence[Heading], start: int,
                stored_page: str | None = None) -> Locator | None:
    """The locator of the passage starting at ``start``."""
    if fmt in CHAPTERED:
        return Locator("chapter", chapter_number(stored_page or page_at(list(pages), start)))
    if fmt in PAGINATED or len(pages) > 1:
        label = stored_page or page_at(list(pages), start)
        return Locator("page", label) if label else None
    number = paragraph_number(text, headings, start)
    return Locator("paragraph", str(number)) if number else None


def chapter_number(label: str) -> str:
    """An EPUB chapter's number from its label (the chapter title there); the whole label when it has none."""
    match = _CHAPTER_NUMBER.match(label.strip())
    return match.group(1) if match else label


def paragraph_number(text: str, headings: Sequence[Heading], start: int) -> int:
    """The 1-based number of the paragraph holding ``start``, headings not counted (they are not paragraphs)."""
    heading_starts = {heading.start for heading in headings}
    number = 0
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        block = text[position:end]
        lead = len(block) - len(block.lstrip())
        if block.strip() and position + lead not in heading_starts:
            number += 1
        if start < (match.end() if match else len(text) + 1):
            return max(number, 1)
        position = match.end() if match else len(text)
    return max(number, 1)
