"""Passage alignment: the spans two texts share, copied or reworded.

Seed and extend, as text-reuse tools do: every three-word sequence the two texts share is a seed; seeds that lie
close together in both texts are chained into one passage (allowing inserted clauses, dropped words and words
moved around); the chain is stretched over identical neighbouring words, chains that touch are merged, and each
candidate is scored by its word-level similarity. Short matches are dropped, so a common phrase ("the United
Nations said", "the US-led coalition") never makes a passage on its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from archivist.core.compare.passages import Passage, Span
from archivist.core.compare.tokens import STOPWORDS, Tokens, normalise, tokenize

SEED = 3  # words in a seed
MAX_GAP = 16  # words allowed between two seeds of one passage, on either side (an inserted clause)
MAX_SHIFT = 12  # how far the two sides may drift apart between two seeds (words inserted on one side only)
MIN_WORDS = 8  # matched words a passage needs: shorter matches are common phrases, not reuse
MIN_CONTENT_WORDS = 6  # of which not stopwords
MIN_SEEDS = 2
MIN_SIMILARITY = 0.5
SNAP_SIMILARITY = 0.3  # how alike the rest of a sentence must be for a passage to take it in
SNAP_REACH = 30  # words a passage may grow by at either end to reach its sentence's start or end
# A three-word sequence found in many places on both sides ("mln dlrs in") pairs everything with everything;
# beyond this many pairs it is not used as a seed (rarer words of a really shared passage still are).
MAX_PAIRS = 100

_STOP = frozenset(normalise(word) for word in STOPWORDS)


@dataclass(slots=True)
class Box:
    """Word ranges [a0, a1) and [b0, b1) that may be one shared passage, and the seed that was chained last."""

    a0: int
    a1: int
    b0: int
    b1: int
    last_a: int
    last_b: int
    seeds: int = 1

    @classmethod
    def at(cls, i: int, j: int) -> Box:
        return cls(i, i + SEED, j, j + SEED, i, j)

    def fits(self, i: int, j: int) -> bool:
        di, dj = i - self.last_a, j - self.last_b
        return di <= MAX_GAP and -MAX_GAP <= dj <= MAX_GAP and abs(dj - di) <= MAX_SHIFT

    def cost(self, i: int, j: int) -> int:
        return (i - self.last_a) + abs((j - self.last_b) - (i - self.last_a))

    def take(self, i: int, j: int) -> None:
        self.a0, self.a1 = min(self.a0, i), max(self.a1, i + SEED)
        self.b0, self.b1 = min(self.b0, j), max(self.b1, j + SEED)
        self.last_a, self.last_b = i, j
        self.seeds += 1


def align(text_a: str, text_b: str) -> list[Passage]:
    """The passages ``text_a`` and ``text_b`` share, in the order they appear in ``text_a``."""
    return align_tokens(text_a, tokenize(text_a), text_b, tokenize(text_b))


def align_tokens(text_a: str, tokens_a: Tokens, text_b: str, tokens_b: Tokens) -> list[Passage]:
    """:func:`align` for texts already tokenised (archive-wide reuse tokenises the asked document once)."""
    ids_a, ids_b, stop = _encode(tokens_a.words, tokens_b.words)
    chains = [box for box in chain(find_seeds(ids_a, ids_b, stop, tokens_a, tokens_b)) if box.seeds >= MIN_SEEDS]
    passages = []
    boxes = merge([extend(box, ids_a, ids_b, tokens_a, tokens_b) for box in chains])
    for box in (snap(box, ids_a, ids_b, tokens_a, tokens_b) for box in boxes):
        similarity = score(ids_a[box.a0 : box.a1], ids_b[box.b0 : box.b1], stop)
        if similarity is not None:
            passages.append(Passage(_span(text_a, tokens_a, box.a0, box.a1),
                                    _span(text_b, tokens_b, box.b0, box.b1), similarity))
    return sorted(passages, key=lambda passage: (passage.a.start, passage.b.start))


def _encode(words_a: list[str], words_b: list[str]) -> tuple[list[int], list[int], frozenset[int]]:
    """Words as small integers (seeds become tuples of ints: cheap to hash), and the stopwords' numbers."""
    vocabulary: dict[str, int] = {}
    ids_a = [vocabulary.setdefault(word, len(vocabulary)) for word in words_a]
    ids_b = [vocabulary.setdefault(word, len(vocabulary)) for word in words_b]
    return ids_a, ids_b, frozenset(vocabulary[word] for word in _STOP if word in vocabulary)


def find_seeds(ids_a: list[int], ids_b: list[int], stop: frozenset[int], tokens_a: Tokens,
               tokens_b: Tokens) -> list[tuple[int, int]]:
    """(i, j) for every shared three-word sequence starting at word i of A and word j of B, sorted.

    Sequences made only of stopwords, or running across a sentence end ("a UN mandate. The"), are no seeds.
    """
    where_b: defaultdict[tuple[int, ...], list[int]] = defaultdict(list)
    for j, gram in _grams(ids_b, tokens_b, stop):
        where_b[gram].append(j)
    grams_a = list(_grams(ids_a, tokens_a, stop))
    count_a = Counter(gram for _i, gram in grams_a)
    seeds: list[tuple[int, int]] = []
    for i, gram in grams_a:
        positions = where_b.get(gram)
        if positions and len(positions) * count_a[gram] <= MAX_PAIRS:
            seeds.extend((i, j) for j in positions)
    return seeds


def _grams(ids: list[int], tokens: Tokens, stop: frozenset[int]) -> Iterator[tuple[int, tuple[int, ...]]]:
    starts = tokens.sentence_starts
    for index, gram in enumerate(zip(ids, ids[1:], ids[2:], strict=False)):
        if not (starts[index + 1] or starts[index + 2] or stop.issuperset(gram)):
            yield index, gram


def chain(seeds: list[tuple[int, int]]) -> list[Box]:
    """Seeds (sorted by their position in A) grouped into boxes: each seed joins the nearest open box it fits."""
    closed: list[Box] = []
    open_boxes: list[Box] = []
    current = -1
    for i, j in seeds:
        if i != current:  # boxes too far behind can take no more seeds
            current = i
            closed.extend(box for box in open_boxes if i - box.last_a > MAX_GAP)
            open_boxes = [box for box in open_boxes if i - box.last_a <= MAX_GAP]
        fitting = [box for box in open_boxes if box.fits(i, j)]
        if fitting:
            min(fitting, key=lambda box: box.cost(i, j)).take(i, j)
        else:
            open_boxes.append(Box.at(i, j))
    return closed + open_boxes


def extend(box: Box, ids_a: list[int], ids_b: list[int], tokens_a: Tokens, tokens_b: Tokens) -> Box:
    """The box stretched over identical words on both ends (stopword runs that made no seed of their own).

    The stretch stops at a sentence boundary: "… a UN mandate. The" should not take the next sentence's "The".
    """
    while (box.a0 > 0 and box.b0 > 0 and ids_a[box.a0 - 1] == ids_b[box.b0 - 1]
           and not tokens_a.sentence_starts[box.a0] and not tokens_b.sentence_starts[box.b0]):
        box.a0, box.b0 = box.a0 - 1, box.b0 - 1
    while (box.a1 < len(ids_a) and box.b1 < len(ids_b) and ids_a[box.a1] == ids_b[box.b1]
           and not tokens_a.sentence_starts[box.a1] and not tokens_b.sentence_starts[box.b1]):
        box.a1, box.b1 = box.a1 + 1, box.b1 + 1
    return box


def snap(box: Box, ids_a: list[int], ids_b: list[int], tokens_a: Tokens, tokens_b: Tokens) -> Box:
    """The box widened to whole sentences on both sides where the added words are alike enough.

    A rewording keeps a sentence's frame while changing its words ("The US-led coalition has been conducting
    airstrikes against" / "The US and its allies have been bombarding"): too few seeds there, but the pair is
    the whole sentence.
    """
    start_a, start_b = _sentence_start(tokens_a, box.a0), _sentence_start(tokens_b, box.b0)
    if start_a < box.a0 and start_b < box.b0 and _alike(ids_a[start_a : box.a0], ids_b[start_b : box.b0]):
        box.a0, box.b0 = start_a, start_b
    end_a, end_b = _sentence_end(tokens_a, box.a1), _sentence_end(tokens_b, box.b1)
    if end_a > box.a1 and end_b > box.b1 and _alike(ids_a[box.a1 : end_a], ids_b[box.b1 : end_b]):
        box.a1, box.b1 = end_a, end_b
    return box


def _sentence_start(tokens: Tokens, index: int) -> int:
    """The first word of the sentence holding word ``index``, if within SNAP_REACH words; else ``index``."""
    for first in range(index, max(index - SNAP_REACH, 0) - 1, -1):
        if tokens.sentence_starts[first]:
            return first
    return index


def _sentence_end(tokens: Tokens, index: int) -> int:
    """One past the last word of the sentence that word ``index - 1`` is in, if within SNAP_REACH words."""
    for last in range(index, min(index + SNAP_REACH, len(tokens)) + 1):
        if last == len(tokens) or tokens.sentence_starts[last]:
            return last
    return index


def _alike(words_a: list[int], words_b: list[int]) -> bool:
    """Whether two sentence ends are a rewording of each other rather than two different clauses."""
    total = len(words_a) + len(words_b)
    matched = (total - Indel.distance(words_a, words_b)) // 2
    return matched >= 2 and matched * 2 / total >= SNAP_SIMILARITY


def merge(boxes: list[Box]) -> list[Box]:
    """Boxes that overlap or nearly touch on both sides, joined (one passage split by a longer edit)."""
    merged: list[Box] = []
    for box in sorted(boxes, key=lambda box: (box.a0, box.b0)):
        target = next((done for done in reversed(merged[-8:]) if _near(done, box)), None)
        if target is None:
            merged.append(box)
            continue
        target.a0, target.a1 = min(target.a0, box.a0), max(target.a1, box.a1)
        target.b0, target.b1 = min(target.b0, box.b0), max(target.b1, box.b1)
        target.seeds += box.seeds
    return merged


def _near(first: Box, second: Box) -> bool:
    return (second.a0 <= first.a1 + MAX_GAP // 4 and first.a0 <= second.a1
            and second.b0 <= first.b1 + MAX_GAP // 4 and first.b0 <= second.b1 + MAX_GAP // 4)


def score(words_a: list[int], words_b: list[int], stop: frozenset[int]) -> float | None:
    """Word-level similarity of a candidate pair (0–1), or None when it is too short or too different.

    "The United Nations said … the US-led coalition" against "the United Nations said, while the US-led
    coalition" matches eight words, but only five that are not stopwords: two stock phrases, not a passage.
    """
    total = len(words_a) + len(words_b)
    blocks = Indel.opcodes(words_a, words_b).as_matching_blocks()
    matched = [word for block in blocks for word in words_a[block.a : block.a + block.size]]
    content = sum(1 for word in matched if word not in stop)
    similarity = 2 * len(matched) / total
    if len(matched) < MIN_WORDS or content < MIN_CONTENT_WORDS or similarity < MIN_SIMILARITY:
        return None
    return round(similarity, 3)


def _span(text: str, tokens: Tokens, first: int, last: int) -> Span:
    start, end = tokens.char_span(first, last)
    return Span(start, end, text[start:end])
