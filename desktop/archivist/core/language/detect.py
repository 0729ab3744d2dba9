"""Detecting the language of a text with py3langid (langid.py's model, shipped in the wheel; 97 languages).

Measured on /work/shared/corpus/multilingual: 292 of 293 files right (the miss is the Russian constitution as raw
HTML, which the HTML reader turns into text first), 0.7 ms for 3,000 characters; 3,609 of 3,640 news paragraphs
right at 0.06 ms each. Plain English and non-Latin scripts are told without it (a second or more to load).
"""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
from collections import Counter
from typing import Any

log = logging.getLogger("archivist.language")

SAMPLE = 3000  # characters read from the start of a text, and as many from its middle
MIN_LETTERS = 20  # fewer letters than this say too little
MIN_CONFIDENCE = 0.6
MARKED_SHARE = 0.005  # і is ~5% of Ukrainian letters, ی ~5% of Persian ones

# The most frequent English words; in English prose they are a quarter of all words, in other prose almost none.
ENGLISH_WORDS = frozenset(("the", "of", "and", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be",
                           "by", "are", "this", "from", "at", "or", "an", "which", "have", "has", "not", "were"))
ENGLISH_SHARE = 0.12
MIN_WORDS = 20
assert MIN_WORDS >= MIN_LETTERS, "detect_language asks plainly_english before counting letters"
_ASCII_WORD = re.compile(r"[a-z]+")

# Varieties the model names that the index analyses as their macrolanguage.
VARIETIES = {"wuu": "zh", "yue": "zh", "cmn": "zh", "nan": "zh", "hsn": "zh", "gan": "zh", "prs": "fa", "pes": "fa"}

_SCRIPT_LETTERS = {
    "arabic": frozenset(map(chr, range(0x0620, 0x06D4))),
    "cyrillic": frozenset(map(chr, range(0x0410, 0x0460))),
    "han": frozenset(map(chr, range(0x4E00, 0xA000))) | frozenset(map(chr, range(0x3040, 0x3100))),
    "hangul": frozenset(map(chr, range(0xAC00, 0xD7A4))),
}
# Per script: letters only one of its languages uses, that language, and the other.
_DISTINCT = {
    "arabic": (frozenset("پچژگکی"), "fa", "ar"),
    "cyrillic": (frozenset("іїєґІЇЄҐ"), "uk", "ru"),
    "han": (frozenset(map(chr, range(0x3040, 0x3100))), "ja", "zh"),
    "hangul": (frozenset(), "ko", "ko"),
}

_lock = threading.Lock()


@functools.cache
def _identifier() -> Any:
    # One BLAS thread: the vectors are small, and OpenBLAS reserves memory per thread when numpy loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy and the model load on first use

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def plainly_english(chunk: str) -> bool:
    """ASCII text in which English function words are frequent: English without asking the model, whose loading
    (numpy and a 4.6 MB model, about a second) an import of English files would otherwise pay in each worker.
    French, Spanish or Turkish prose is almost never pure ASCII, and its function words are not these."""
    if not chunk.isascii():
        return False
    words = _ASCII_WORD.findall(chunk.lower())
    return len(words) >= MIN_WORDS and sum(map(ENGLISH_WORDS.__contains__, words)) >= ENGLISH_SHARE * len(words)


def sample(text: str) -> str:
    """The start and the middle of a long text: a title page or an English abstract may open a book."""
    if len(text) <= 2 * SAMPLE:
        return text
    middle = len(text) // 2
    return text[:SAMPLE] + "\n" + text[middle : middle + SAMPLE]


def detect_language(text: str, model: bool = True) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or None when it is too short or unclear.

    Plain English and text in a script other than Latin are told without the model (by_letters); ``model=False``
    stops there, as the extraction workers do: they read under memory and time limits that loading numpy and
    the model (~100 MB, a second or more) would break, so the importer asks the model for the rest."""
    chunk = sample(text)
    if plainly_english(chunk):  # first: most files are, and MIN_WORDS words hold at least MIN_LETTERS letters
        return "en"
    if sum(map(str.isalpha, chunk)) < MIN_LETTERS:
        return None
    lettered = by_letters(chunk)
    if lettered is not None or not model:
        return lettered
    try:
        with _lock:  # the identifier keeps no state per call, but numpy work is not worth racing over
            language, confidence = _identifier().classify(chunk)
    except Exception:  # a detector failure must never fail an import
        log.warning("language detection failed", exc_info=True)
        language, confidence = None, 0.0
    if language is not None and confidence >= MIN_CONFIDENCE:
        return VARIETIES.get(str(language), str(language))
    return None


def by_letters(text: str) -> str | None:
    """The language of a text mostly in a script other than Latin, from its letters: Arabic script with Persian
    letters is Persian, else Arabic; Cyrillic with і, ї, є or ґ is Ukrainian, else Russian; Han is Chinese, with
    kana Japanese; Hangul Korean. None for Latin text (the model tells French from Spanish)."""
    # Each distinct character once, with how often it occurs (Counter counts in C), instead of a pass over
    # the text for every script.
    occurrences = Counter(text).items()
    counts = {script: sum(count for char, count in occurrences if char in letters)
              for script, letters in _SCRIPT_LETTERS.items()}
    script = max(counts, key=counts.__getitem__)
    letters = sum(count for char, count in occurrences if char.isalpha())
    if counts[script] < MIN_LETTERS or counts[script] < letters / 2:
        return None
    marker, marked, unmarked = _DISTINCT[script]
    # A share, not one letter: a Russian article quotes a Ukrainian name, an Arabic one a Persian place.
    markers = sum(count for char, count in occurrences if char in marker)
    return marked if markers >= MARKED_SHARE * counts[script] else unmarked


def rank_languages(text: str, candidates: list[str]) -> list[tuple[str, float]]:
    """``candidates`` ordered by how likely ``text`` is in each, with probabilities among them alone."""
    try:
        with _lock:
            ranked = dict(_identifier().rank(text))
    except Exception:  # a detector failure must never fail a search
        log.warning("language ranking failed", exc_info=True)
        return [(language, 1.0 / len(candidates)) for language in candidates]
    scores = {language: float(ranked.get(language, 0.0)) for language in candidates}
    total = sum(scores.values()) or 1.0
    return sorted(((language, score / total) for language, score in scores.items()), key=lambda item: -item[1])
