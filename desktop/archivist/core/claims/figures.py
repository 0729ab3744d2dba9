"""Finding figures in text: the number as written, its normalised value, range, unit and currency.

A figure is only a candidate: ``exclusions`` decides whether it is a date, an age, a time or a name, and
``extract`` whether what follows makes it a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from archivist.core.claims.vocabulary import (
    APPROXIMATE,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DOLLAR_COUNTRIES,
    MEASURES,
    MONEY_ONLY_SCALES,
    PERCENT_WORDS,
    SCALES,
    TENS,
    UNITS,
)


def _alternatives(words: object) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))  # type: ignore[arg-type]


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDS = rf"(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS)}))?|{'|'.join(sorted(UNITS, key=len, reverse=True))}"
_SCALE = rf"(?:\s?(?P<scale>{_alternatives(SCALES)})(?![\w-]))?"
FIGURE = re.compile(
    rf"(?<![\w.,/=@#$£€¥-])(?:(?P<approx>{_alternatives(APPROXIMATE)})(?![\w-])"
    rf"|(?P<cur>{_alternatives(s for s in CURRENCY_SIGNS if not s.isalpha())}|(?:US|A|C|NZ|HK)\$|(?:USD|EUR|GBP|Rs\.?)\s)?"
    rf"\s?(?:(?P<digits>{_DIGITS})|(?P<word>{_WORDS})(?![\w-])){_SCALE})",
    re.IGNORECASE,
)
_RANGE = re.compile(rf"\s?(?:-|–|to|and)\s?(?:[$£€¥])?(?P<digits>{_DIGITS})(?![\d])(?:\s?(?P<scale>{_alternatives(SCALES)})\b)?",
                    re.IGNORECASE)
_PERCENT = re.compile(rf"\s?(?:{_alternatives(PERCENT_WORDS)})(?![\w])", re.IGNORECASE)
_MONEY = re.compile(rf"\s(?:(?P<country>{_alternatives(DOLLAR_COUNTRIES)})\s)?(?P<word>{_alternatives(CURRENCY_WORDS)})\b",
                    re.IGNORECASE)
_MEASURE = re.compile(rf"[\s-]?(?P<word>{_alternatives(MEASURES)})\b", re.IGNORECASE)


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


def _number(match: re.Match[str]) -> tuple[float, bool, bool]:
    """(value before any scale, approximate, written in words)."""
    if match["approx"]:
        phrase = match["approx"].lower()
        return float(APPROXIMATE[phrase]), not phrase.startswith("a "), True
    if match["digits"]:
        return float(match["digits"].replace(",", "")), False, False
    return word_value(match["word"]), False, True


def find_figures(text: str) -> Iterator[Figure]:
    """Every figure in ``text``, in order."""
    for match in FIGURE.finditer(text):
        value, approximate, in_words = _number(match)
        currency = CURRENCY_SIGNS.get((match["cur"] or "").strip().lower())
        scale = (match["scale"] or "").lower()
        end = match.end()
        if scale in MONEY_ONLY_SCALES and currency is None:
            end, scale = match.end("digits") if match["digits"] else match.end("word"), ""
        factor = SCALES.get(scale, 1.0)
        figure = Figure(match.start() + _leading_space(match), end, "", value * factor, None, "count",
                        currency, approximate, in_words, 0)
        _extend(text, figure, factor, match)
        figure.value = text[figure.start:figure.end]
        figure.measure_end = figure.measure_end or figure.end
        yield figure


def _leading_space(match: re.Match[str]) -> int:
    return len(match[0]) - len(match[0].lstrip())


def _extend(text: str, figure: Figure, factor: float, match: re.Match[str]) -> None:
    """Ranges, percent signs, currency words and measures after the number."""
    rest = text[figure.end:figure.end + 40]
    found = _RANGE.match(rest) if match["digits"] else None
    if found and (not found[0].lstrip().startswith("and") or text[:figure.start].lower().endswith("between ")):
        high_factor = SCALES.get((found["scale"] or "").lower(), factor)
        figure.high = float(found["digits"].replace(",", "")) * high_factor
        if figure.high > figure.normalized and found["digits"] not in ("19", "20"):
            figure.end += found.end()
            rest = text[figure.end:figure.end + 40]
        else:
            figure.high = None
    if (percent := _PERCENT.match(rest)) is not None:
        figure.unit, figure.end = "percent", figure.end + percent.end()
    elif (money := _MONEY.match(rest)) is not None:
        currency, fraction = CURRENCY_WORDS[money["word"].lower()]
        if money["country"] and currency == "USD":
            currency = DOLLAR_COUNTRIES[money["country"].lower()]
        figure.currency, figure.end = currency, figure.end + money.end()
        figure.normalized *= fraction
        figure.high = figure.high * fraction if figure.high is not None else None
    elif (measure := _MEASURE.match(rest)) is not None:
        figure.unit, figure.measure_end = MEASURES[measure["word"].lower()], figure.end + measure.end()
    if figure.currency is not None:
        figure.unit = "money"
