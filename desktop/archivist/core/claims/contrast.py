"""Two sources' figures set against each other: how news states most disputes.

"1.5 pct …, compared with the government's forecast of two to 2.5 pct"; "USDA is projecting 210 mln tonnes, but
some earlier estimates … 237 mln tonnes"; "Officials said 25 to 30 billion dlrs …, but foreign bankers said …
30 to 40 billion"; "Some saw … three mln barrels higher. Others said … one to five mln barrels". A figure of one
unit (or none, after one with a unit: "30 to 40 billion"), in the same sentence as the one before it or the next,
from a different source, with a contrast between them, counts what that figure counts, whatever words each
names it by: the second claim is given the first's quantity, and the pairing (``conflicts``) then flags the two
when their values disagree beyond their qualifiers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archivist.core.claims.extract import FoundClaim

# Words that set one figure against another's.
_CONTRAST = re.compile(r"\b(?:but|while|whereas|compared\s+(?:with|to)|against|than|however|others|other\s+"
                       r"(?:analysts|sources|estimates|traders)|the\s+official\s+(?:figure|estimate))\b",
                       re.IGNORECASE)
_SCALED = re.compile(r"\b(?:mln|bln|billion|million|trillion|bn)\b", re.IGNORECASE)


def one_source(a: str, b: str) -> bool:
    """"Marin" after "Justo Marin Ludena", "Royal Bank" after "Royal Bank of Canada": one document naming one
    source in fewer words (every word of one source key is in the other; parentheses aside)."""
    first, second = (set(key.replace("(", " ").replace(")", " ").split()) for key in (a, b))
    return first <= second or second <= first


def _adjacent(text: str, a: FoundClaim, b: FoundClaim) -> bool:
    """Whether ``b`` is in ``a``'s sentence or the next one."""
    return a.sentence_start == b.sentence_start or not text[a.sentence_end:b.sentence_start].strip()


def _unit_of(first: FoundClaim, second: FoundClaim) -> tuple[str, str | None] | None:
    """The unit and currency ``second`` is read in against ``first``: its own, or ``first``'s when it names none
    but a scale ("30 to 40 billion" after "25 to 30 billion dlrs"); None when they differ."""
    if (first.unit, first.currency) == (second.unit, second.currency):
        return second.unit, second.currency
    if second.unit == "count" and second.currency is None and first.unit not in ("count", "percent") \
            and _SCALED.search(second.value):
        return first.unit, first.currency
    return None


def set_against(text: str, found: list[FoundClaim]) -> list[FoundClaim]:
    """``found`` with each figure set against an earlier one of another source given that one's quantity."""
    if len({claim.source_key for claim in found if claim.source_key}) < 2:
        return found  # most stories: one source or none, no dispute to read
    for index, second in enumerate(found):
        if not second.source_key:
            continue
        for first in reversed(found[max(0, index - 4):index]):
            if not _adjacent(text, first, second):
                break
            unit = _unit_of(first, second)
            if unit is None or not first.source_key or not first.what_key:
                continue
            if one_source(first.source_key, second.source_key) or first.what_key == second.what_key \
                    or not _CONTRAST.search(text, first.end, second.start):
                break  # the nearest figure of the unit is the one it is set against, or none is
            found[index] = replace(second, what=first.what, what_key=first.what_key, unit=unit[0],
                                   currency=unit[1])
            break
    return found
