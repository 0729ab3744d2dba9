"""Numbers that are not claims about the world: dates, years, ages, times, durations and identifiers.

The labelling rules of ``shared/claims/README.md``: "dates and years, ages, times, identifiers such as resolution
numbers, and durations that only frame another figure" are left out.
"""

from __future__ import annotations

import re

from archivist.core.claims.figures import Figure
from archivist.core.claims.vocabulary import AGE_WORDS, DURATION_UNITS, IDENTIFIER_WORDS, MONTHS, TIME_UNITS

_WORD = re.compile(r"[\w.'’-]+")
_YEAR_CONTEXT = re.compile(r"(?:in|since|by|of|until|till|from|before|after|during|between|and|to|early|late|"
                           r"mid|fiscal|year|the|summer|winter|spring|autumn|fall|calendar|total|its|their|his|her|"
                           r"our|record|'s|’s|-)\s*$", re.IGNORECASE)
_YEARS = re.compile(r"(?:1[89]\d\d|20\d\d|2100)(?:\s?(?:-|–|to|and)\s?(?:1[89]\d\d|20\d\d|\d\d))?")
_NUMBER_AFTER = re.compile(r"[:/]\d")
_NUMBER_BEFORE = re.compile(r"\d[:/]$")
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s*,\s*$")
# A plural noun after "2000" makes it a count ("2000 refugees"), not a year.
_PLURAL_NOUN = re.compile(r"\s+(?!was\b|has\b|is\b|as\b|this\b|its\b|his\b|plus\b)[a-z]{2,}[^su\W]s\b")


def _word_before(text: str, start: int) -> str:
    words = text[max(0, start - 30):start].split()
    return words[-1].strip("\"“”‘'()[],;:") if words else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD.match(text, end + (1 if text[end:end + 1] in " -" else 0))
    return found[0] if found else ""


def is_year(text: str, figure: Figure) -> bool:
    """A four-digit number from 1800 to 2100 written without a comma and with nothing that makes it a count."""
    if figure.in_words or figure.unit != "count" or not _YEARS.fullmatch(figure.value):
        return False
    before = text[max(0, figure.start - 12):figure.start]
    return not (_PLURAL_NOUN.match(text, figure.end) and not _YEAR_CONTEXT.search(before))


def is_date_or_time(text: str, figure: Figure, before: str, after: str | None = None) -> bool:
    """``before``/``after``: the words around the figure, lower-cased (``after`` found here when None)."""
    after = _word_after(text, figure.end).lower() if after is None else after
    if before.rstrip(".") in MONTHS or after.rstrip(".,") in MONTHS:
        return True
    if _NUMBER_AFTER.match(text, figure.end) or _NUMBER_BEFORE.match(text[max(0, figure.start - 2):figure.start]):
        # "3/4", "10:30", "1986/87"; not "13 dlrs/barrel"
        return True
    unit = after.strip(".,;").removesuffix("s") if after else ""
    return after in TIME_UNITS or unit in TIME_UNITS or after.startswith(("year-old", "-year"))


def is_age(text: str, figure: Figure, before: str) -> bool:
    """"aged 45", "a 45-year-old", "John Smith, 45, said" (``before`` lower-cased)."""
    if before in AGE_WORDS:
        return True
    window = text[figure.end:figure.end + 12].lower()
    if window.startswith(("-year-old", " year-old", " years old", "-years-old")):
        return True
    around = text[max(0, figure.start - 2):figure.start] + text[figure.end:figure.end + 1]
    if not (around.startswith(", ") and around.endswith(",")) or figure.unit != "count" or figure.in_words:
        return False
    return figure.normalized < 120 and _NAME_BEFORE.search(text[max(0, figure.start - 25):figure.start]) is not None


def is_identifier(text: str, figure: Figure, before: str) -> bool:
    """"Resolution 2253", "Flight 17", "No. 5", a list number at the start of a line, "F-16" (glued to letters)."""
    low = before.lower()
    if low in IDENTIFIER_WORDS and (before[:1].isupper() or low in ("no.", "p.", "pp.")):
        return figure.unit == "count"
    if figure.start and (text[figure.start - 1].isalpha() or text[figure.start - 1] in "#№"):
        return True
    if text[figure.end:figure.end + 1].isalpha() and figure.unit == "count" and not figure.in_words:
        return True  # "3D", "5G", "1st"
    line_start = text.rfind("\n", 0, figure.start) + 1
    return not text[line_start:figure.start].strip() and text[figure.end:figure.end + 2] in (". ", ") ")


_HOW_LONG = re.compile(r"\b(?:for|lasted|lasting|took|take|takes)(?:\s+(?:a|an|another|further|projected|the|next|"
                       r"about|nearly|almost|more\s+than|up\s+to|at\s+least|some|over))*\s*$", re.IGNORECASE)


def word_after(text: str, figure: Figure) -> str:
    """The word after a figure, lower-cased (what ``duration_unit`` and ``not_a_claim`` both read)."""
    return _word_after(text, figure.end).lower()


def duration_unit(text: str, figure: Figure, after: str | None = None) -> str | None:
    """The unit of a figure that says how long something lasts ("for four months": "months"), else None;
    ``after``: ``word_after(text, figure)`` if the caller has it."""
    after = (word_after(text, figure) if after is None else after).strip(".,;:")
    if figure.unit != "count" or after not in DURATION_UNITS or text[figure.end:figure.end + 1] == "-":
        return None
    if _word_after(text, figure.end + 1 + len(after)).lower() == "ago":
        return None
    return DURATION_UNITS[after] if _HOW_LONG.search(text[max(0, figure.start - 40):figure.start]) else None


def not_a_claim(text: str, figure: Figure, after: str | None = None) -> bool:
    """Whether this figure is one the labelling rules leave out (``after`` as for ``duration_unit``)."""
    before = _word_before(text, figure.start)
    low = before.lower()
    return is_year(text, figure) or is_date_or_time(text, figure, low, after) or is_age(text, figure, low) \
        or is_identifier(text, figure, before)
