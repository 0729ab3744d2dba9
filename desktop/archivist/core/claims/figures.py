"""Finding figures in text: the number as written, its normalised value, range, unit and currency.

A figure is only a candidate: ``exclusions`` decides whether it is a date, an age, a time or a name, and
``extract`` whether what follows makes it a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from archivist.core.claims.patterns import trie
from archivist.core.claims.vocabulary import (
    APPROXIMATE,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    FRACTIONS,
    MEASURES,
    MONEY_ONLY_SCALES,
    PERCENT_WORDS,
    SCALES,
    TENS,
    UNITS,
)


def _alternatives(words: object) -> str:
    """Longest first; a space inside a phrase matches any run of spaces or a line break ("per\\ncent")."""
    escaped = (re.escape(word).replace("\\ ", r"\s+") for word in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]
    return "|".join(escaped)


def _trie(words: object) -> str:
    """The words as one letter trie (the same matches as ``_alternatives``, several times faster: these are tried
    after every number of every text)."""
    return trie(words, r"\s+")  # type: ignore[arg-type]


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SIGNS = _alternatives(sign for sign in CURRENCY_SIGNS if not sign.isalpha() and not sign.endswith("."))
# Figures in digits, with a currency sign or code before them.
DIGIT_FIGURE = re.compile(rf"(?<![\w.,/=@#$£€¥-])(?P<cur>{_SIGNS}|(?:USD|EUR|GBP|Rs\.?)\s)?\s?(?P<digits>{_DIGITS})")
_SCALE = re.compile(rf"[\s-]?(?P<scale>{_trie(SCALES)})(?![\w])", re.IGNORECASE)


_NUMBER_WORDS = [*UNITS, *TENS, "hundreds", "thousands", "millions", "billions", "dozens", "scores", "tens",
                 "dozen", "hundred", "thousand", "million", "billion"]
# Numbers in words, looked for in the lower-cased text; what follows is read by _word_figure.
WORD_FIGURE = re.compile(rf"(?<![\w-])(?:a )?{trie(_NUMBER_WORDS)}(?!\w)")
_WORD_TAIL = re.compile(rf"[- ](?:{'|'.join(UNITS)})(?![\w-])|(?<=tens) of (?:thousands|millions)(?![\w-])"
                        rf"|(?<=hundreds) of (?:thousands|millions)(?![\w-])")
_OF = re.compile(r"\s+of\b")
_OF_NUMBER = re.compile(rf"\s+of\s+(?:\d|(?:{'|'.join(UNITS)}|{'|'.join(TENS)})\b)")
_FRACTION = re.compile(rf"-({'|'.join(FRACTIONS)})(?![\w-])")
_RANGE = re.compile(rf"\s?(?:-|–|to|and)\s?(?:[$£€¥])?(?P<digits>{_DIGITS})(?![\d])"
                    rf"(?:\s?(?P<scale>{_trie(SCALES)})\b)?", re.IGNORECASE)
_PERCENT = re.compile(rf"\s?(?:{_trie(PERCENT_WORDS)})(?![\w])", re.IGNORECASE)
_MONEY = re.compile(rf"[\s-](?:(?P<country>{_trie(DOLLAR_COUNTRIES)})\s)?"
                    rf"(?P<word>{_trie(CURRENCY_WORDS)})\b", re.IGNORECASE)
_MEASURE = re.compile(rf"[\s-]?(?P<word>{_trie(MEASURES)})\b", re.IGNORECASE)


@dataclass(slots=True)
class Figure:
    """A number in the text; ``text[start:end]`` is ``value`` (with its currency sign, scale and percent)."""

    start: int
    end: int
    value: str
    normalized: float
    high: float | None = None  # the top of a range ("10 to 15")
    unit: str = "count"  # count, money, percent, or a measure such as "km"
    currency: str | None = None
    approximate: bool = False  # "hundreds", "dozens"
    in_words: bool = False  # "two", "three hundred"
    measure_end: int = 0  # where a measure word ends ("23 kilometers"), else ``end``


def word_value(word: str) -> float:
    """The value of a number written in words ("forty-five" → 45)."""
    parts = re.split(r"[- ]", word.lower())
    return float(sum(TENS.get(part, UNITS.get(part, 0)) for part in parts))


def lower_text(text: str) -> str:
    """``text`` in lower case with every character where it was (a few change length when lower-cased: "İ")."""
    lower = text.lower()
    return lower if len(lower) == len(text) else "".join(char.lower()[:1] for char in text)


_START = attrgetter("start")


def find_figures(text: str, lower: str | None = None) -> Iterator[Figure]:
    """Every figure in ``text``, in order (ranges, percentages and currencies read by ``_extend``); ``lower`` is
    ``lower_text(text)`` when the caller has it already."""
    lower = lower_text(text) if lower is None else lower
    found = [_digit_figure(text, match) for match in DIGIT_FIGURE.finditer(text)]
    found += [figure for match in WORD_FIGURE.finditer(lower) if (figure := _word_figure(text, lower, match))]
    for figure in sorted(found, key=_START):
        figure.value = text[figure.start:figure.end]
        figure.measure_end = figure.measure_end or figure.end
        yield figure


def _digit_figure(text: str, match: re.Match[str]) -> Figure:
    value = float(match["digits"].replace(",", ""))
    currency = CURRENCY_SIGNS.get((match["cur"] or "").strip().lower())
    end, factor = match.end(), 1.0
    scale = _SCALE.match(text, end)
    if scale and (scale["scale"].lower() not in MONEY_ONLY_SCALES or currency is not None):
        end, factor = scale.end(), SCALES[scale["scale"].lower()]
    start = match.start("cur") if match["cur"] else match.start("digits")
    figure = Figure(start, end, "", value * factor, None, "count", currency)
    _extend(text, figure, factor, True)
    return figure


def _word_figure(text: str, lower: str, match: re.Match[str]) -> Figure | None:
    """A number in words: "two", "forty-five", "three million", "hundreds", "tens of thousands", "a dozen"."""
    phrase, start, end = match[0], match.start(), match.end()
    if phrase.startswith("a ") and phrase not in APPROXIMATE:
        phrase, start = phrase[2:], start + 2  # "a two-day visit" is read as "two"
    if phrase == "tens":
        return None
    tail = _WORD_TAIL.match(lower, end)
    if tail:
        phrase, end = phrase + tail[0], tail.end()
    elif lower[end:end + 1] == "-":
        return _fraction(text, lower, start, end, phrase)  # "two-thirds"; "one-time" and "three-year" are none
    if phrase == "one" and _OF.match(lower, end) and not _OF_NUMBER.match(lower, end):
        return None  # "one of Iraq's strongest fortifications"; "one of two crewmen" is a count
    if phrase in APPROXIMATE or phrase == "a dozen":
        value, approximate = float(APPROXIMATE.get(phrase, 12)), not phrase.startswith("a ")
    elif phrase.split("-")[0].split(" ")[0] in UNITS or phrase.split("-")[0].split(" ")[0] in TENS:
        value, approximate = word_value(phrase), False
    else:
        return None  # "hundred" or "thousand" alone
    factor = 1.0
    scale = _SCALE.match(text, end)
    if scale and not approximate and scale["scale"].lower() in ("hundred", "thousand", "million", "billion", "mln",
                                                                 "bln"):  # "three mln barrels"
        end, factor = scale.end(), SCALES[scale["scale"].lower()]
    figure = Figure(start, end, "", value * factor, None, "count", None, approximate, True)
    _extend(text, figure, factor, False)
    return figure


def _fraction(text: str, lower: str, start: int, end: int, phrase: str) -> Figure | None:
    found = _FRACTION.match(lower, end)
    if found is None or phrase not in UNITS:
        return None
    share = 100.0 * UNITS[phrase] / FRACTIONS[found[1]]
    return Figure(start, found.end(), text[start:found.end()], share, None, "percent", None, False, True)


def _key(words: str) -> str:
    """A matched phrase as the vocabulary spells it ("cubic\\nmeters" → "cubic meters")."""
    return " ".join(words.lower().split())


def _extend(text: str, figure: Figure, factor: float, in_digits: bool) -> None:
    """Ranges, percent signs, currency words and measures after the number (matched within the 40 characters
    after it, in place: no slice of the text is made)."""
    end = figure.end
    found = _RANGE.match(text, end, end + 40)  # "10 to 15", "two to 2.5 pct"
    if found and (not found[0].lstrip().startswith("and") or text[:figure.start].lower().endswith("between ")):
        high_factor = SCALES.get((found["scale"] or "").lower(), factor)
        figure.high = float(found["digits"].replace(",", "")) * high_factor
        if found["scale"] and factor == 1.0 and in_digits:  # "17 to 20 mln": the scale is both ends'
            figure.normalized *= high_factor
        if figure.high > figure.normalized and (found["digits"] not in ("19", "20") or found["scale"]):
            figure.end = end = found.end()
        else:
            figure.high = None
    if (percent := _PERCENT.match(text, end, end + 40)) is not None:
        figure.unit, figure.end = "percent", percent.end()
    elif (money := _MONEY.match(text, end, end + 40)) is not None:
        currency, fraction = CURRENCY_WORDS[_key(money["word"])]
        if money["country"] and currency == "USD":
            currency = DOLLAR_COUNTRIES[_key(money["country"])]
        figure.currency, figure.end = currency, money.end()
        figure.normalized *= fraction
        figure.high = figure.high * fraction if figure.high is not None else None
    elif (measure := _MEASURE.match(text, end, end + 40)) is not None:
        figure.unit, figure.measure_end = MEASURES[_key(measure["word"])], measure.end()
    if figure.currency is not None:
        figure.unit = "money"
