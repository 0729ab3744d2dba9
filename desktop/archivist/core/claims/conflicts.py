"""Which claims about the same quantity disagree: values that differ beyond what their qualifiers allow.

Sources differ: a conflict. One source with two figures: a revision, not a dispute. The same article's own voice
stating two figures describes two events, not a dispute (the Manbij article: 20 killed on 22 July, 30 on 9 June);
across documents, two claims must share the scope (a running total or one event) and a name or year.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations

from archivist.core.claims.contrast import one_source
from archivist.core.claims.quantity import (
    COMMON_AMONG,
    SEPARATOR,
    common_words,
    comparable,
    cross_context,
    quantity_words,
    same_kind,
    same_quantity,
)
from archivist.core.claims.records import ClaimPair, ClaimRecord
from archivist.core.claims.vocabulary import LOWER_BOUNDS, UPPER_BOUNDS
from archivist.core.claims.what import about_events as names_event

# Relative difference two figures may have and still agree: exact figures must match (but for rounding),
# rounded ones ("about", "some", "an estimated") to within a tenth ("about 12 pct" and "around 15 pct" disagree),
# vague ones ("hundreds", "dozens") to within a fifth.
EXACT_TOLERANCE = 0.01
ROUNDED_TOLERANCE = 0.1
APPROXIMATE_TOLERANCE = 0.2
# The most an exact figure's trailing zeros are taken to round: "100 million" against "50 million" disagree.
ROUNDED_SHARE = 0.05
# Pairs are looked for in groups of at most this many claims (a quantity every report gives, such as
# "shares" in a news archive, is listed but not paired: n² pairs of unrelated figures help nobody).
MAX_GROUP = 400


def _approximate(claim: ClaimRecord) -> bool:
    qualifier = claim.qualifier or ""
    return bool(qualifier) and qualifier not in LOWER_BOUNDS | UPPER_BOUNDS | {"range", "only", "exactly"}


def _tolerance(a: ClaimRecord, b: ClaimRecord) -> float:
    if "approximately" in (a.qualifier, b.qualifier):  # what a vague word ("hundreds") is given
        return APPROXIMATE_TOLERANCE
    return ROUNDED_TOLERANCE if _approximate(a) or _approximate(b) else EXACT_TOLERANCE


def _bound(claim: ClaimRecord) -> str | None:
    """"lower" for "at least"/"more than", "upper" for "up to"/"fewer than", else None."""
    if claim.qualifier in LOWER_BOUNDS:
        return "lower"
    return "upper" if claim.qualifier in UPPER_BOUNDS else None


def values_agree(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Whether two figures can both be right given their qualifiers and ranges."""
    low_a, high_a = a.normalized, a.high if a.high is not None else a.normalized
    low_b, high_b = b.normalized, b.high if b.high is not None else b.normalized
    tolerance = _tolerance(a, b)
    bound_a, bound_b = _bound(a), _bound(b)
    if bound_a != bound_b and "lower" in (bound_a, bound_b) and "upper" in (bound_a, bound_b):
        low, high = (low_a, high_b) if bound_a == "lower" else (low_b, high_a)
        return low <= high * (1 + tolerance)  # "at least 6" and "up to 300" can both be right
    if bound_a != bound_b and None in (bound_a, bound_b):
        bounded, figure = (a, b) if bound_a else (b, a)
        # a bound and a figure: "at least six killed" early on is not disputed by "300 killed" later
        if _bound(bounded) == "lower":
            return (figure.high or figure.normalized) >= bounded.normalized * (1 - tolerance)
        top = bounded.high or bounded.normalized
        if bounded.qualifier == "up to":  # "as many as 110,000" is an estimate near its top: not 75,000
            return top * (1 - APPROXIMATE_TOLERANCE) <= figure.normalized <= top * (1 + tolerance)
        return figure.normalized <= top * (1 + tolerance)
    gap = max(low_a - high_b, low_b - high_a, 0.0)
    if tolerance == APPROXIMATE_TOLERANCE:
        return gap <= tolerance * max(abs(high_a), abs(high_b), 1e-9)
    # what rounding either as written could hide: "16.2 mln" and "16.7 mln" disagree, "about 30 mln" and
    # "34 mln" need not, "about 12 pct" and "around 15 pct" do
    # (a gap of exactly half a unit is the other figure, not its rounding: "1.5 pct" against "around two pct")
    return gap == 0 or gap < max(rounding(a), rounding(b)) * (1 - 1e-9)


_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounding(claim: ClaimRecord) -> float:
    """Half the unit of a figure's last significant digit as written, at its scale: "16.2 mln" 50,000,
    "13,000" 500, "46.80" 0.005, "two" 0.5 (at most ``ROUNDED_SHARE`` of an exact figure)."""
    value = abs(claim.normalized)
    found = _DIGITS.search(claim.value)
    written = found[0].replace(",", "") if found is not None else f"{value:.0f}"
    number = float(written) if written.strip("0.") else 0.0
    scale = value / number if number else 1.0
    if found is not None and found[1]:
        unit = 10.0 ** -len(found[1])
    else:
        integer = written.split(".")[0]
        unit = 10.0 ** (len(integer) - len(integer.rstrip("0"))) if integer.strip("0") else 1.0
    half = unit * scale / 2
    # "100 million" may be rounded to the hundred million only when said to be ("about 100 million")
    return half if _approximate(claim) else min(half, ROUNDED_SHARE * value)


def relation(a: ClaimRecord, b: ClaimRecord, contexts: dict[int, frozenset[str]] | None = None) -> str | None:
    """``conflict``, ``revision`` or None for two claims (the cheap tests first: the ledger pairs thousands)."""
    if not _named(a) or (a.what_key, a.unit, a.currency) != (b.what_key, b.unit, b.currency):
        return _reworded(a, b)
    if a.voice == b.voice or (a.document_id == b.document_id and _one_source(a, b)):
        kind = "revision" if a.source_key else None
    elif a.document_id == b.document_id:
        kind = "conflict" if a.source_key and b.source_key else None
    elif not about_events(a) or a.scope != b.scope or not _context(a, contexts) & _context(b, contexts):
        kind = None
    else:
        kind = "conflict"
    if kind is None or values_agree(a, b):
        return None
    if a.document_id == b.document_id and (not same_kind(a.what, b.what, a.what_key)
                                           or not same_quantity(_own(a), _own(b), same_key=True)):
        return None  # one document's "distillate demand" and "gasoline demand", or two periods' figures
    return kind


def _named(claim: ClaimRecord) -> bool:
    """Whether a claim's key names what it counts: "110,000 tonnes" and "2,500 tonnes" name only their unit."""
    return bool(claim.what_key) and claim.what_key != claim.unit


def _reworded(a: ClaimRecord, b: ClaimRecord, common: frozenset[str] = frozenset()) -> str | None:
    """A conflict between two sources in one document about a quantity named in other words (see
    ``quantity``; ``common``: the document's words beside most of its claims), else None."""
    if a.document_id != b.document_id or (a.unit, a.currency) != (b.unit, b.currency) or not a.what_key \
            or not b.what_key or not a.source_key or not b.source_key or a.source_key == b.source_key:
        return None
    if not comparable(a.normalized, b.normalized) or _one_source(a, b) or values_agree(a, b):
        return None
    return "conflict" if same_quantity(_own(a), _own(b), common=common) else None


def _own(claim: ClaimRecord) -> frozenset[str]:
    return quantity_words(claim.context, claim.what, claim.source)


def _one_source(a: ClaimRecord, b: ClaimRecord) -> bool:
    return bool(a.source_key) and bool(b.source_key) and one_source(a.source_key or "", b.source_key or "")


def about_events(claim: ClaimRecord) -> bool:
    """Whether a quantity names an event ("civilian killed", "people displaced"): only those are compared
    across documents. "share" or "vs" in 38,000 wire stories are thousands of unrelated figures (a first run
    paired two million of them); two stories' counts of the same killing are what a researcher must see."""
    return names_event(claim.what_key)


def _context(claim: ClaimRecord, contexts: dict[int, frozenset[str]] | None) -> frozenset[str]:
    if contexts is not None and claim.id in contexts:
        return contexts[claim.id]
    return frozenset(cross_context(claim.context).split())


def find_pairs(claims: Iterable[ClaimRecord]) -> list[ClaimPair]:
    """Conflicts and revisions among ``claims``, grouped by quantity first; then, in each document, conflicts
    about a quantity named in other words."""
    claims = list(claims)
    groups: dict[tuple[str, str, str | None], list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        if claim.what_key:
            groups[(claim.what_key, claim.unit, claim.currency)].append(claim)
    pairs: list[ClaimPair] = []
    for group in groups.values():
        if len(group) > MAX_GROUP:
            continue
        contexts = {claim.id: frozenset(cross_context(claim.context).split()) for claim in group}
        for a, b in _candidates(group):
            kind = relation(a, b, contexts)
            if kind is not None:
                pairs.append(ClaimPair(a.id, b.id, a.what, kind))
    pairs += _reworded_pairs(claims)
    return sorted(set(pairs), key=lambda pair: (pair.first, pair.second))


def _reworded_pairs(claims: list[ClaimRecord]) -> list[ClaimPair]:
    """Conflicts in one document about a quantity its sources name in other words: pairs of one unit whose
    values are within ``MAX_RATIO`` of each other (sorted by value, each is tested against the next few)."""
    buckets: dict[tuple[int, str, str | None], list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        if claim.source_key and SEPARATOR in claim.context:
            buckets[(claim.document_id, claim.unit, claim.currency)].append(claim)
    pairs: list[ClaimPair] = []
    for bucket in buckets.values():
        if len(bucket) < 2 or len(bucket) > MAX_GROUP or len({claim.source_key for claim in bucket}) < 2:
            continue
        common = common_words([_own(claim) for claim in bucket]) if len(bucket) >= COMMON_AMONG else frozenset()
        bucket.sort(key=lambda claim: claim.normalized)
        for index, a in enumerate(bucket):
            for b in bucket[index + 1:]:
                if not comparable(a.normalized, b.normalized):
                    break
                if (a.what_key != b.what_key or not _named(a)) and _reworded(a, b, common) is not None:
                    first, second = sorted((a, b), key=lambda claim: claim.id)
                    pairs.append(ClaimPair(first.id, second.id, first.what, "conflict"))
    return pairs


def _candidates(group: list[ClaimRecord]) -> Iterator[tuple[ClaimRecord, ClaimRecord]]:
    """Pairs worth testing: all of an event quantity's; otherwise those in one document or from one source."""
    ordered = sorted(group, key=lambda claim: claim.id)
    if about_events(ordered[0]):
        yield from combinations(ordered, 2)
        return
    buckets: dict[object, list[ClaimRecord]] = defaultdict(list)
    for claim in ordered:
        buckets[("document", claim.document_id)].append(claim)
        if claim.source_key:
            buckets[("source", claim.source_key)].append(claim)
    for members in buckets.values():
        yield from combinations(members, 2)
