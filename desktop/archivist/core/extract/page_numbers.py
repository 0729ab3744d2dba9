"""Printed page numbers read from a PDF's running heads and feet, when the PDF has no page labels (issue 17).

A scanned book's page 2 is printed "50" (pypdf-resources/Seige_of_Vicksburg_Sample_OCR.pdf: heads "THE SIEGE OF
VICKSBURG. 49", "50 THE SIEGE OF VICKSBUEG.", then 52, 53…: a page is missing from the sample). A citation
gives the printed number. Numbers are only believed when they run: rising from page to page by about one a
page, on most of the pages; otherwise the page index stays.
"""

from __future__ import annotations

import re

_HEAD_NUMBER = re.compile(r"^\W{0,3}(\d{1,4})\b")
_TAIL_NUMBER = re.compile(r"\b(\d{1,4})\W{0,3}$")
WINDOW = 6  # pages a run may skip (blank pages, plates)
MIN_SHARE = 0.6  # of the pages with text


def printed_labels(texts: list[str]) -> list[str] | None:
    """Labels from the numbers printed on the pages, or None when they do not run consistently."""
    candidates = [_candidates(text) for text in texts]
    chain = _longest_run(candidates)
    with_text = sum(1 for text in texts if text.strip())
    if len(chain) < 3 or len(chain) < MIN_SHARE * with_text:
        return None
    numbers = dict(chain)
    if all(number == index + 1 for index, number in numbers.items()):
        return None  # the printed numbers are the page indices: nothing to change
    return _filled(numbers, len(texts))


def _candidates(text: str) -> list[int]:
    """Numbers at the start or end of the page's first and last lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    found: list[int] = []
    for line in (lines[:1] + lines[-1:]) if lines else []:
        for pattern in (_HEAD_NUMBER, _TAIL_NUMBER):
            match = pattern.search(line)
            if match and int(match.group(1)) > 0:
                found.append(int(match.group(1)))
    return list(dict.fromkeys(found))


def _longest_run(candidates: list[list[int]]) -> list[tuple[int, int]]:
    """The longest chain of (page index, number) whose numbers rise by one to two per page."""
    best: dict[tuple[int, int], tuple[int, tuple[int, int] | None]] = {}
    for index, numbers in enumerate(candidates):
        for number in numbers:
            length, previous = 1, None
            for back in range(1, WINDOW + 1):
                for earlier in candidates[index - back] if index - back >= 0 else []:
                    step = number - earlier
                    if back <= step <= 2 * back and best[(index - back, earlier)][0] + 1 > length:
                        length, previous = best[(index - back, earlier)][0] + 1, (index - back, earlier)
            best[(index, number)] = (length, previous)
    if not best:
        return []
    node: tuple[int, int] | None = max(best, key=lambda key: (best[key][0], -key[0]))
    chain = []
    while node is not None:
        chain.append(node)
        node = best[node][1]
    return chain[::-1]


def _filled(numbers: dict[int, int], count: int) -> list[str]:
    """A label for every page: printed where found, counted on from the nearest printed page elsewhere."""
    labels = []
    known = sorted(numbers)
    for index in range(count):
        if index in numbers:
            labels.append(str(numbers[index]))
            continue
        before = [page for page in known if page < index]
        anchor = before[-1] if before else known[0]
        value = numbers[anchor] + (index - anchor)
        labels.append(str(value) if value > 0 else str(index + 1))
    return labels
