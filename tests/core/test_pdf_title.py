"""Issue 17: a PDF without a title in its metadata is titled by its first page, never by its file name."""

from __future__ import annotations

from pathlib import Path

from archivist.core.extract import extract_file
from archivist.core.extract.pdf_title import headline

DATA = Path(__file__).resolve().parents[1] / "data"


def test_largest_type_on_the_first_page() -> None:
    """crazyones-pdfa.pdf (pypdf sample files) has no /Title: its 14.3 pt headline over 12 pt text is the title."""
    metadata = extract_file(DATA / "reflibs" / "files" / "12" / "The Crazy Ones.pdf").metadata
    assert metadata.title == "The Crazy Ones"


def test_one_size_throughout_gives_the_first_line() -> None:
    """simple1.pdf (pdfminer samples) is "Hello World" in one size; it was titled "simple1" by its file name."""
    assert extract_file(DATA / "extract" / "pdf" / "simple1.pdf").metadata.title == "Hello World"


def test_headline_rules() -> None:
    text = "THE SIEGE OF VICKSBURG. 49\r\nThe army moved at dawn and took the ridge."
    sizes = [18.0] * 26 + [1.0, 1.0] + [11.0] * (len(text) - 28)
    assert headline(text, sizes) == "THE SIEGE OF VICKSBURG."
    assert headline("all the same size here", [11.0] * 22) is None
    stamp = "2015 JA N 2 7 P H N 6 then body text follows"
    assert headline(stamp, [30.0] * 22 + [10.0] * (len(stamp) - 22)) is None
    assert headline("abc", [1.0]) is None  # sizes that do not line up with the text
