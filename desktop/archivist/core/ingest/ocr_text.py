"""A page's text and word boxes from Tesseract's TSV output.

Words of a line are joined by spaces, lines by a line break and paragraphs by a blank line, as every other
reader gives them (core/extract/base). Each word keeps its box, as fractions of the page, and its offsets into
the page's text; the offsets are moved to the document's text when the pages are joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# TSV columns: level page_num block_num par_num line_num word_num left top width height conf text
_PAGE_LEVEL, _WORD_LEVEL = "1", "5"
_COLUMNS = 12


@dataclass(slots=True)
class OcrPage:
    """One page as OCR read it: its text and ``[start, end, left, top, right, bottom]`` per word."""

    text: str = ""
    words: list[list[float]] = field(default_factory=list)
    languages: str = ""

    def shifted(self, offset: int) -> list[list[float]]:
        """The word boxes with offsets into a text where this page starts at ``offset``."""
        return [[start + offset, end + offset, *box] for start, end, *box in self.words]


def parse_tsv(tsv: str) -> list[OcrPage]:
    """One OcrPage per page of the TSV (a multi-page TIFF gives several)."""
    builders: list[_PageBuilder] = []
    builder: _PageBuilder | None = None
    for line in tsv.splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) < _COLUMNS:
            continue
        if cells[0] == _PAGE_LEVEL:
            builder = _PageBuilder(float(cells[8]) or 1.0, float(cells[9]) or 1.0)
            builders.append(builder)
        elif cells[0] == _WORD_LEVEL and builder is not None and cells[11].strip():
            builder.add(cells)
    return [builder.finish() for builder in builders]


class _PageBuilder:
    def __init__(self, width: float, height: float) -> None:
        self.page = OcrPage()
        self.width, self.height = width, height
        self._parts: list[str] = []
        self._length = 0
        self._line: tuple[str, str, str] | None = None

    def add(self, cells: list[str]) -> None:
        block, paragraph, line = cells[2], cells[3], cells[4]
        if self._line is not None:
            same_paragraph = (block, paragraph) == self._line[:2]
            self._append(" " if same_paragraph and line == self._line[2] else "\n" if same_paragraph else "\n\n")
        self._line = (block, paragraph, line)
        word = cells[11].strip()
        start = self._length
        self._append(word)
        left, top, width, height = (float(value) for value in cells[6:10])
        self.page.words.append([start, self._length, round(left / self.width, 5), round(top / self.height, 5),
                                round((left + width) / self.width, 5), round((top + height) / self.height, 5)])

    def finish(self) -> OcrPage:
        self.page.text = "".join(self._parts)
        return self.page

    def _append(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)
