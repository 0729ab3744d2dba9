"""Assemble an extracted text paragraph by paragraph, keeping heading spans and page starts."""

from __future__ import annotations

import re

from archivist.core.extract.base import Heading, Page

_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


class TextBuilder:
    """Paragraphs joined by one blank line; headings and pages recorded by character offset.

    ``page(label)`` marks where the next paragraph starts a new page; a page that never receives a
    paragraph starts where the next text would start, so every page keeps its place in the list.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.headings: list[Heading] = []
        self.pages: list[Page] = []

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def paragraph(self, text: str) -> int | None:
        """Append one paragraph (blank lines inside it are collapsed); returns where it starts."""
        text = _BLANK_LINES.sub("\n", text).strip()
        if not text:
            return None
        if self._parts:
            self._parts.append("\n\n")
            self._length += 2
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start

    def heading(self, text: str, level: int) -> None:
        """Append a heading as its own paragraph; its whole text is the heading span."""
        text = " ".join(text.split())
        start = self.paragraph(text)
        if start is not None:
            self.headings.append(Heading(start, start + len(text), max(1, min(level, 6))))

    def extend(self, other: TextBuilder) -> None:
        """Append another builder's paragraphs and headings (not its pages)."""
        heading_at = {heading.start: heading.level for heading in other.headings}
        offset = 0
        for paragraph in other.text.split("\n\n") if other.text else []:
            if offset in heading_at:
                self.heading(paragraph, heading_at[offset])
            else:
                self.paragraph(paragraph)
            offset += len(paragraph) + 2

    def page(self, label: str) -> None:
        """Start a new page before the next paragraph."""
        start = self._length + 2 if self._parts else 0
        self.pages.append(Page(start, label))

    def result_pages(self) -> list[Page]:
        """The recorded pages, clamped to the text; one page "1" when none were recorded."""
        if not self.pages:
            return [Page(0, "1")]
        end = self._length
        pages = [Page(min(page.start, end), page.label) for page in self.pages]
        if pages[0].start != 0:
            pages[0] = Page(0, pages[0].label)
        return pages
