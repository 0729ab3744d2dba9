"""Language tags as readers give them ("en-US", "ru_RU", "fre", "English") reduced to ISO 639-1 codes."""

from __future__ import annotations

import re

# ISO 639-2 (bibliographic and terminology) codes and English names of the languages most sources come in.
ALIASES = {
    "eng": "en", "english": "en", "ara": "ar", "arabic": "ar", "rus": "ru", "russian": "ru", "fra": "fr",
    "fre": "fr", "french": "fr", "spa": "es", "spanish": "es", "tur": "tr", "turkish": "tr", "ukr": "uk",
    "ukrainian": "uk", "zho": "zh", "chi": "zh", "chinese": "zh", "fas": "fa", "per": "fa", "persian": "fa",
    "farsi": "fa", "prs": "fa", "dari": "fa", "deu": "de", "ger": "de", "german": "de", "ita": "it", "italian": "it",
    "por": "pt", "portuguese": "pt", "nld": "nl", "dut": "nl", "dutch": "nl", "jpn": "ja", "japanese": "ja",
    "kor": "ko", "korean": "ko", "heb": "he", "hebrew": "he", "kur": "ku", "kurdish": "ku", "urd": "ur",
    "urdu": "ur", "pol": "pl", "polish": "pl", "ell": "el", "gre": "el", "greek": "el",
}
_TAG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")


def primary_language(value: str | None) -> str | None:
    """"en-US" → "en", "fre" → "fr", "English" → "en"; None for anything that names no language."""
    if not value:
        return None
    text = value.strip().lower()
    if text in ALIASES:
        return ALIASES[text]
    match = _TAG.match(text)
    if match is None:
        return None
    code = match.group()
    if len(code) == 3:
        return ALIASES.get(code)
    return code if code != "iw" else "he"  # Java's old code for Hebrew
