"""Words of a text, normalised for comparing, each with its character offsets.

Two sources that share a passage rarely share it byte for byte: one writes "Syria's", the other "Syria’s";
one "airstrikes", the other "airstrike"; agencies drop accents. Comparing works on normalised words
(case-folded, accents removed, a plural "s" cut), while the offsets point back into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"\w+")  # a word: a run of letters and digits (fingerprints split texts the same way)
_SENTENCE_END = re.compile(r"[.!?…\n]")

# Function words: a seed made only of these ("of the", "and it was") says nothing about reuse. They stay in the
# token stream (a copied passage keeps them), they just never start a match on their own.
_STOPWORD_LIST = (
    """a about after against all also an and any are as at be been before being between both but by can could
    did do does for from had has have he her his i if in into is it its may more most no not of on or other our
    out over said she so some such than that the their them then there these they this those through to under
    up was we were what when where which while who will with would you"""
)
STOPWORDS = frozenset(_STOPWORD_LIST.split())


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's words: normalised forms and where each one starts and ends in the text."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    sentence_starts: list[bool]

    def __len__(self) -> int:
        return len(self.words)

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets covering the words ``first`` up to (not including) ``last``."""
        return self.starts[first], self.ends[last - 1]

    def ends_sentence(self, index: int) -> bool:
        """Whether word ``index`` is the last of its sentence."""
        return index + 1 >= len(self.words) or self.sentence_starts[index + 1]


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Case-folded, accent-free, with a plural "s" cut ("Airstrikes" → "airstrike", "Müller" → "muller")."""
    folded = unicodedata.normalize("NFKD", word.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    if len(folded) > 3 and folded.endswith("s") and not folded.endswith("ss"):
        folded = folded[:-1]
    return folded


def normalised_words(text: str) -> list[str]:
    """The normalised words of ``text`` without offsets (``tokenize(text).words``, a few times faster)."""
    return [normalise(word) for word in WORD.findall(text)]


def tokenize(text: str) -> Tokens:
    """The words of ``text`` (runs of letters and digits) with their offsets."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sentence_starts: list[bool] = []
    for match in WORD.finditer(text):
        previous_end = ends[-1] if ends else 0
        sentence_starts.append(not ends or _SENTENCE_END.search(text, previous_end, match.start()) is not None)
        words.append(normalise(match.group()))
        starts.append(match.start())
        ends.append(match.end())
    return Tokens(words, starts, ends, sentence_starts)
