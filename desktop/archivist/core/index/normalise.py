"""Character-level normalisation of a word before it is stemmed or indexed as an exact form, by script.

What Lucene's and Elasticsearch's analysers do, for the scripts of the sources (issue 15):
- every script: NFKC (ligatures, full-width and presentation forms) and case folding;
- Cyrillic: stress marks (U+0301, U+0300) dropped, ё → е (professional Russian text writes «е» for «ё»), the
  Ukrainian apostrophe (', ’ or ʼ inside a word) dropped so «м'ясо» and «мʼясо» are one word;
- Arabic script (Arabic and Persian, as Lucene's ArabicNormalizer and PersianNormalizer): harakat, superscript alef,
  Quranic marks and tatweel dropped; alef with hamza or madda → alef; alef maqsura, Persian yeh → yeh; keheh →
  kaf; heh with yeh and the hamza above (U+0654, «کلیهٔ») → heh; Arabic-Indic and Persian digits → ASCII digits;
- Latin: a combining dot above (Turkish «İ» case-folds to i + U+0307) dropped; accents are folded only after
  stemming (``fold_latin``), because the Snowball stemmers of French, Spanish or Turkish need them.
"""

from __future__ import annotations

import functools
import unicodedata

from whoosh.support.charset import accent_map

LATIN, CYRILLIC, ARABIC, GREEK, CJK, OTHER = "latin", "cyrillic", "arabic", "greek", "cjk", "other"

# Han (with extension A and compatibility ideographs), kana, Hangul syllables and the iteration mark 々: indexed
# as overlapping character bigrams (analysis.py), as Lucene's CJKBigramFilter does.
CJK_RANGES = ((0x3005, 0x3007), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF),
              (0xF900, 0xFAFF))
CJK_CLASS = "".join(f"{chr(start)}-{chr(end)}" for start, end in CJK_RANGES)

_ARABIC_MARKS = [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]
ARABIC_TABLE: dict[int, str | None] = {code: None for code in _ARABIC_MARKS}
ARABIC_TABLE.update({
    0x0622: "\u0627", 0x0623: "\u0627", 0x0625: "\u0627", 0x0671: "\u0627",  # آ أ إ ٱ → ا
    0x0649: "\u064a", 0x06CC: "\u064a", 0x06D0: "\u064a",  # ى ی ې → ي
    0x06A9: "\u0643", 0x06AA: "\u0643",  # ک ڪ → ك
    0x06C0: "\u0647", 0x06C1: "\u0647", 0x06D5: "\u0647",  # ۀ ہ ە → ه
})
ARABIC_TABLE.update({0x0660 + digit: str(digit) for digit in range(10)})
ARABIC_TABLE.update({0x06F0 + digit: str(digit) for digit in range(10)})

CYRILLIC_TABLE: dict[int, str | None] = {0x0301: None, 0x0300: None, ord("ё"): "е", ord("'"): None,
                                         ord("\u2019"): None, ord("\u02bc"): None}
LATIN_TABLE: dict[int, str | None] = {0x0307: None}

# Accent folding after stemming: Whoosh's map (from the Unicode decompositions) plus the Turkish dotless ı.
FOLD_TABLE: dict[int, str] = {code: value for code, value in accent_map.items() if isinstance(value, str)}
FOLD_TABLE[ord("ı")] = "i"


def script_of(word: str) -> str:
    """The script of a word's first letter (digits alone count as Latin)."""
    for char in word:
        code = ord(char)
        if code < 0x250:
            if char.isalpha():
                return LATIN
            continue
        if 0x400 <= code < 0x530:
            return CYRILLIC
        if 0x600 <= code < 0x700 or 0x750 <= code < 0x780 or 0x8A0 <= code < 0x900 or 0xFB50 <= code < 0xFF00:
            return ARABIC
        if 0x370 <= code < 0x400:
            return GREEK
        if is_cjk(char):
            return CJK
        if char.isalpha():
            return OTHER
    return LATIN


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(start <= code <= end for start, end in CJK_RANGES)


def normalise(word: str) -> tuple[str, str]:
    """The word NFKC-normalised, case-folded and cleaned for its script, and that script."""
    if word.isascii():
        return word.lower(), LATIN
    if not unicodedata.is_normalized("NFKC", word):
        word = unicodedata.normalize("NFKC", word)
    script = script_of(word)
    if script == ARABIC:
        return word.translate(ARABIC_TABLE), script  # no case; its digits too
    word = word.casefold()
    if script == CYRILLIC:
        return word.translate(CYRILLIC_TABLE), script
    if script == LATIN:
        return word.translate(LATIN_TABLE), script
    return word, script


def fold_latin(word: str) -> str:
    """Accents folded ("écol" → "ecol", "çocuk" → "cocuk"): what a person typing without them would find."""
    return word if word.isascii() else word.translate(FOLD_TABLE)


@functools.cache
def combining_marks_class() -> str:
    """A regex character class body of every combining mark (categories Mn, Mc, Me) in the BMP.

    Python's ``\\w`` leaves them out, so vowelled Arabic («العَرَبِيَّة») and stressed Russian («Литва́») would
    fall apart into pieces; the tokeniser takes them as part of the word."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"\\u{start:04x}-\\u{end:04x}" if end > start else f"\\u{start:04x}" for start, end in ranges)
