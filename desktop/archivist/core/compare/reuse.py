"""Archive-wide reuse: which documents share passages with one document, most shared first.

Candidates come from the fingerprint index (documents sharing rare fingerprints with the asked one), and each
candidate is then verified by aligning the two texts, so what is listed is real shared text, never a guess.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from archivist.core.compare.align import align_tokens
from archivist.core.compare.fingerprints import shingle_hashes, winnow
from archivist.core.compare.index import FingerprintIndex
from archivist.core.compare.passages import SharedSource, covered_chars
from archivist.core.compare.tokens import tokenize

CANDIDATES = 40  # aligned at most; alignment is what costs time
# A fingerprint held by more documents than this is a stock phrase ("said in a statement that the"), not reuse:
# it would make every document a candidate of every other. Boilerplate shared by a few hundred still counts.
STOCK_PHRASE_SHARE = 0.05
STOCK_PHRASE_MIN = 100

TextOf = Callable[[int], str | None]  # a document's text, None when it is gone
TitleOf = Callable[[list[int]], dict[int, str]]


def rank_candidates(index: FingerprintIndex, hashes: set[int], exclude: int, limit: int = CANDIDATES) -> list[int]:
    """Documents sharing fingerprints with ``hashes``, by shared fingerprints weighted by their rarity."""
    postings = index.postings(hashes)
    total = max(index.size(), 1)
    cutoff = max(STOCK_PHRASE_MIN, int(total * STOCK_PHRASE_SHARE))
    scores: Counter[int] = Counter()
    for holders in postings.values():
        if len(holders) > cutoff:
            continue
        weight = math.log(1 + total / len(holders))
        for document_id in holders:
            if document_id != exclude:
                scores[document_id] += weight
    return [document_id for document_id, _score in scores.most_common(limit)]


def find_reuse(document_id: int, text: str, index: FingerprintIndex, text_of: TextOf, titles_of: TitleOf,
               limit: int = 20) -> list[SharedSource]:
    """The documents that share passages with ``text`` (document ``document_id``), most shared characters first."""
    tokens = tokenize(text)
    candidates = rank_candidates(index, winnow(shingle_hashes(tokens.words)), document_id)
    found: list[tuple[int, list]] = []
    for candidate in candidates:
        other = text_of(candidate)
        if other is None:  # deleted since it was indexed
            continue
        passages = align_tokens(text, tokens, other, tokenize(other))
        if passages:
            found.append((candidate, passages))
    titles = titles_of([candidate for candidate, _passages in found])
    sources = [SharedSource(candidate, titles.get(candidate, ""),
                            covered_chars([(passage.a.start, passage.a.end) for passage in passages]), passages)
               for candidate, passages in found]
    return sorted(sources, key=lambda source: (-source.shared_chars, source.id))[:limit]
