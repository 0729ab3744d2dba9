"""The languages a query's words are analysed in: those of the archive's documents, narrowed by the query.

Each document is indexed in its own language (its ``lang`` field), so a word matches only when the query analyses
it the same way. For each script of the query the candidates are the archive's languages of that script, and the
script's default (English for Latin, Russian for Cyrillic, Arabic for Arabic script) unless every document is in a
language of that script, since other documents analysed their words of that script in the default. When there
are several, the query's words of that script pick one if the detector is sure; otherwise each word is searched
in all of them (its distinct terms OR-ed).
"""

from __future__ import annotations

from collections import defaultdict

from whoosh.reading import IndexReader

from archivist.core.index.analysis import pieces
from archivist.core.index.stemmers import SCRIPT_DEFAULT, SCRIPT_OF_LANGUAGE
from archivist.core.language.detect import rank_languages

# The detector's share among the candidates above which the query is taken to be in that language alone.
SURE = 0.9
# Letters of a script that only one of its languages writes.
DISTINCT_LETTERS = ((frozenset("پچژگکی"), "fa"), (frozenset("іїєґІЇЄҐ"), "uk"))
# Fewer letters of a script than this in the query: too few to tell its language.
MIN_LETTERS = 12


def archive_languages(reader: IndexReader) -> tuple[dict[str, int], int]:
    """Documents per language in the index, and the documents in all."""
    counts = {}
    for value in reader.lexicon("lang"):
        language = value.decode("utf-8") if isinstance(value, bytes) else str(value)
        counts[language] = reader.doc_frequency("lang", value)
    return counts, reader.doc_count_all()


def query_candidates(reader: IndexReader, text: str) -> dict[str, list[str]]:
    """{script: [language, …]} for the scripts of ``text``, most likely first."""
    counts, total = archive_languages(reader)
    by_script: defaultdict[str, list[str]] = defaultdict(list)
    for language in sorted(counts, key=lambda code: -counts[code]):
        script = SCRIPT_OF_LANGUAGE.get(language)
        if script is not None:
            by_script[script].append(language)
    words: defaultdict[str, list[str]] = defaultdict(list)
    for _word, script, start, end in pieces(text):
        words[script].append(text[start:end])  # as typed: normalising would hide Persian ی and ک
    candidates: dict[str, list[str]] = {}
    for script, script_words in words.items():
        languages = list(by_script.get(script, []))
        default = SCRIPT_DEFAULT.get(script)
        if default is not None and default not in languages and sum(counts[code] for code in languages) < total:
            languages.append(default)
        if len(languages) > 1:
            languages = _narrowed(" ".join(script_words), languages)
        if languages:
            candidates[script] = languages
    return candidates


def _narrowed(text: str, languages: list[str]) -> list[str]:
    """The one language the words are surely in, or all of them ordered by likelihood.

    Letters only one language of a script uses settle it even for one word (Persian پ چ ژ گ ک ی, Ukrainian
    і ї є ґ); otherwise the detector decides when the words are enough to go by."""
    for letters, language in DISTINCT_LETTERS:
        if language in languages and any(char in letters for char in text):
            return [language]
    if sum(len(word) for word in text.split()) < MIN_LETTERS:
        return languages
    ranked = rank_languages(text, languages)
    if ranked and ranked[0][1] >= SURE:
        return [ranked[0][0]]
    return [language for language, _share in ranked]
