"""A PDF's title when its metadata gives none: the first page's largest type, else its first line (issue 17).

PDFs without an Info or XMP title were titled by their file name ("simple1", two different "habibi"s). The
headline of a paper or report is the run of text set in the largest type on its first page; a page set in one
size throughout has no headline, and then its first line is what the document says first.

Authors are not read from the line under the headline: on the PDFs of the shared corpus every such "byline"
was something else ("Your Name", "State Changes Date Name", "Gouvernement du Canada"), and a wrong author is
worse than none.
"""

from __future__ import annotations

import logging
import re
import statistics
from pathlib import Path

from archivist.core.extract import fields
from archivist.core.extract.text import title_from_text

log = logging.getLogger("archivist.extract")

# The headline must be this much larger than the page's usual type (The Crazy Ones: 14.3 pt over 12 pt).
HEADLINE_RATIO = 1.15
MAX_TITLE = 250
_PAGE_NUMBER = re.compile(r"(?<=\D)\s+\d{1,4}$|^\d{1,4}\s+(?=\D)")


def first_page_title(path: Path, passwords: tuple[str, ...] = (), first_page_text: str = "") -> str | None:
    """The title the first page shows, or None when it shows nothing like one."""
    headline = _largest_type(path, passwords)
    return headline or fields.clean_title(title_from_text(first_page_text) if first_page_text.strip() else None)


def _largest_type(path: Path, passwords: tuple[str, ...]) -> str | None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    for password in (None, *passwords):
        try:
            document = pdfium.PdfDocument(path, password=password)
            break
        except pdfium.PdfiumError:
            continue
    else:
        return None
    try:
        if len(document) == 0:
            return None
        textpage = document[0].get_textpage()
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count)
        sizes = [pdfium_raw.FPDFText_GetFontSize(textpage.raw, index) for index in range(count)]
    except Exception as error:  # PDFium's errors on a damaged page cost the headline, not the import
        log.info("first page unreadable for its title: %s", error)
        return None
    finally:
        document.close()
    return headline(text, sizes)


def headline(text: str, sizes: list[float]) -> str | None:
    """The first run of letters set in the page's largest type, when that is larger than its usual type."""
    if len(text) != len(sizes):
        return None  # characters outside the BMP: the text no longer lines up with the sizes
    letters = [size for char, size in zip(text, sizes, strict=True) if char.isalpha()]
    if len(letters) < 4:
        return None
    largest, usual = max(letters), statistics.median(letters)
    if largest < usual * HEADLINE_RATIO:
        return None
    start = next(index for index, (char, size) in enumerate(zip(text, sizes, strict=True))
                 if char.isalpha() and size >= largest * 0.97)
    end = start
    for index in range(start, len(text)):
        if text[index].isalnum() and sizes[index] < largest * 0.97:
            break
        end = index + 1
    # a running head carries its page number ("THE SIEGE OF VICKSBURG. 49": Seige_of_Vicksburg_Sample_OCR.pdf)
    title = _PAGE_NUMBER.sub("", " ".join(text[start:end].split()))
    letters = sum(char.isalpha() for char in title)
    longest_word = max((sum(char.isalpha() for char in word) for word in title.split()), default=0)
    if len(title) > MAX_TITLE or longest_word < 3 or letters < 0.6 * len(title.replace(" ", "")):
        return None  # stamps and scanner marks ("2015 JA N 2 7 P H N: i 6"), not a headline
    return fields.clean_title(title)
