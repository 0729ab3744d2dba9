"""The words the claim finder knows: numbers written as words, scales, currencies, measures, qualifiers.

Kept apart from the patterns that use them so a word can be added without reading a regular expression.
"""

from __future__ import annotations

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
# Approximate counts ("hundreds were displaced"): the value kept is the least the word can mean.
APPROXIMATE = {
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
    "millions": 2_000_000, "billions": 2_000_000_000, "a dozen": 12, "a hundred": 100, "a thousand": 1_000,
    "a million": 1_000_000, "a billion": 1_000_000_000,
}
# "two-thirds", "one-quarter": a share, kept as a percentage.
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
             "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
# Durations are claims when they say how long something lasts ("suspend exports for four months"), not when
# they place another figure in time ("13 days ago", "in the past two years").
DURATION_UNITS = {"hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
                  "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years"}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "trillion": 1e12, "trln": 1e12, "tn": 1e12,
}
# Scales that are only a scale after a currency ("$5m"; "5m" alone is five metres).
MONEY_ONLY_SCALES = frozenset({"m", "k"})
CURRENCY_SIGNS = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "$": "USD", "£": "GBP", "€": "EUR",
    "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP",
}
# Currency words after the number, with the fraction of the currency's unit they count (cents are 1/100).
CURRENCY_WORDS = {
    "dollars": ("USD", 1.0), "dollar": ("USD", 1.0), "dlrs": ("USD", 1.0), "dlr": ("USD", 1.0),
    "cents": ("USD", 0.01), "cts": ("USD", 0.01), "pounds": ("GBP", 1.0), "stg": ("GBP", 1.0),
    "sterling": ("GBP", 1.0), "pence": ("GBP", 0.01), "euros": ("EUR", 1.0), "euro": ("EUR", 1.0),
    "yen": ("JPY", 1.0), "yuan": ("CNY", 1.0), "francs": ("CHF", 1.0), "marks": ("DEM", 1.0),
    "rupees": ("INR", 1.0), "riyals": ("SAR", 1.0), "lire": ("ITL", 1.0), "roubles": ("RUB", 1.0),
    "rubles": ("RUB", 1.0), "pesos": ("MXN", 1.0), "guilders": ("NLG", 1.0), "guilder": ("NLG", 1.0),
    "kyats": ("MMK", 1.0), "crowns": ("SEK", 1.0), "kronor": ("SEK", 1.0), "schillings": ("ATS", 1.0),
    "pesetas": ("ESP", 1.0), "rand": ("ZAR", 1.0), "baht": ("THB", 1.0), "rupiah": ("IDR", 1.0),
    "ringgit": ("MYR", 1.0), "dinars": ("DZD", 1.0), "shekels": ("ILS", 1.0), "naira": ("NGN", 1.0),
    "ecus": ("XEU", 1.0), "ecu": ("XEU", 1.0), "european currency units": ("XEU", 1.0),
}
# A country adjective before "dollars"/"dlrs" names the currency (Reuters: "15 mln Canadian dlrs").
DOLLAR_COUNTRIES = {"canadian": "CAD", "australian": "AUD", "hong kong": "HKD", "new zealand": "NZD",
                    "singapore": "SGD", "taiwan": "TWD", "u.s.": "USD", "us": "USD"}
MEASURES = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km", "miles": "miles",
    "mile": "miles", "metres": "m", "meters": "m", "feet": "ft", "ft": "ft", "kg": "kg", "kilograms": "kg",
    "tonnes": "tonnes", "tons": "tonnes", "barrels": "barrels", "bpd": "barrels/day",
    "barrels per day": "barrels/day", "barrels a day": "barrels/day", "acres": "acres",
    "acre": "acres", "hectares": "hectares", "sq km": "km²", "square kilometres": "km²", "square kilometers": "km²",
    "square miles": "mi²", "megawatts": "MW", "mw": "MW", "litres": "litres", "liters": "litres",
    "gallons": "gallons", "ounces": "oz", "ounce": "oz", "oz": "oz", "bushels": "bushels", "lbs": "lb",
    "degrees": "degrees", "cubic metres": "m³", "cubic meters": "m³",
}
# Nouns that name a quantity in a measure: "put the likely tonnage at around 60,000" counts tonnes.
MEASURE_NOUNS = {"tonnage": "tonnes", "acreage": "acres", "mileage": "miles"}
PERCENT_WORDS = ("%", "per cent", "percent", "pct", "percentage points", "pct points")
# Words before a figure that bound or soften it, longest first so "more than" wins over "more".
QUALIFIERS = (
    "a minimum estimate of some", "a minimum estimate of", "a minimum of", "a maximum of", "in excess of",
    "upwards of", "no fewer than", "no less than", "not more than", "no more than", "as many as", "as much as",
    "at least", "at most", "more than", "less than", "fewer than", "greater than", "close to", "up to",
    "an estimated", "estimated", "approximately", "roughly", "around", "about", "nearly", "almost", "some",
    "over", "under", "just over", "just under", "below", "above", "only", "exactly", "well over",
    "closer to", "nearer to", "nearer",
)
CANONICAL_QUALIFIERS = {
    "a minimum estimate of some": "at least", "a minimum estimate of": "at least", "a minimum of": "at least",
    "no fewer than": "at least", "no less than": "at least", "in excess of": "more than",
    "upwards of": "more than", "greater than": "more than", "well over": "more than", "just over": "more than",
    "a maximum of": "at most", "no more than": "at most", "not more than": "at most", "as many as": "up to",
    "as much as": "up to", "an estimated": "about", "closer to": "about", "nearer to": "about",
    "nearer": "about", "estimated": "about", "approximately": "about",
    "roughly": "about", "around": "about", "close to": "nearly", "just under": "under",
}
LOWER_BOUNDS = frozenset({"at least", "more than", "over", "above"})
UPPER_BOUNDS = frozenset({"at most", "less than", "fewer than", "up to", "under", "below"})
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years", "decade", "decades", "century", "centuries", "yrs", "hrs", "mins", "am", "pm", "a.m.",
    "p.m.", "gmt", "utc", "o'clock", "year-old", "years-old", "-year-old",
})
# Capitalised words before a number that make it a name, not a quantity ("Resolution 2253", "Flight 17").
IDENTIFIER_WORDS = frozenset({
    "resolution", "article", "no", "no.", "number", "section", "chapter", "page", "pages", "p.", "pp.",
    "flight", "route", "highway", "room", "platform", "law", "decree", "act", "order", "case", "item",
    "paragraph", "clause", "rule", "phase", "unit", "block", "gate", "building", "apartment", "street", "road",
    "avenue", "volume", "vol.", "issue", "version", "level", "grade", "class", "division", "brigade", "battalion",
    "regiment", "squadron", "district", "zone", "sector", "camp", "station", "terminal", "model", "type",
    "category", "stage", "round", "week", "day", "year", "tel", "tel.", "fax", "box", "po", "protocol", "annex",
    "figure", "fig.", "table", "note", "appendix", "exhibit", "schedule", "part", "title", "line", "lane",
})
AGE_WORDS = frozenset({"aged", "age", "ages"})
