"""Citation keys: ``authorYYYYword``, lowercase ASCII, a letter suffix on clashes.

Decisions (see DESIGN.md, Citations): a missing year is left out (``doecosts``), not written as "nd"; without an
author the site's first word stands in, and without a site the title's first two significant words do
(``syriahas``). Keys are made once and stored; only the user changes them (pin, or renew on request).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from unidecode import unidecode

from archivist.core.citations.names import csl_name, family_or_literal
from archivist.core.citations.source import CiteSource
from archivist.core.errors import InvalidInputError

# Articles skipped when taking a title's first word ("The Costs of War" -> "costs").
SKIPPED_WORDS = frozenset({"the", "a", "an", "le", "la", "les", "l", "un", "une", "der", "die", "das", "el", "los",
                           "las", "il", "lo"})
PART_LENGTH = 20
# Characters BibTeX, biblatex and citeproc all accept in a key; no spaces, commas, braces, quotes, % or #.
VALID_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.+/\-]{0,99}$")


def slug_words(text: str) -> list[str]:
    """The words of ``text`` as lowercase ASCII ("Müller" -> "muller", "Путин" -> "putin")."""
    # joiners inside a word go, so "R&D" is "rd" and "O'Brien" is "obrien", not "r" and "o"
    ascii_text = re.sub(r"(?<=[a-z0-9])['&.\-]+(?=[a-z0-9])", "", unidecode(text).lower())
    return [word for word in re.split(r"[^a-z0-9]+", ascii_text) if word]


def significant_words(title: str) -> list[str]:
    return [word for word in slug_words(title) if word not in SKIPPED_WORDS]


def key_base(source: CiteSource) -> str:
    """The key before any clash suffix; ``doc<ID>`` when the metadata gives nothing to build one from."""
    title_words = significant_words(source.title)
    if source.authors:
        name = csl_name(source.authors[0])
        words = slug_words(family_or_literal(name))
        # a person's whole family name ("aingeroy"), an organisation's first word ("reuters")
        who = "".join(words) if "family" in name else (significant_words(name["literal"]) or words or [""])[0]
    elif source.site and significant_words(source.site):
        who = significant_words(source.site)[0]
    else:
        who, title_words = (title_words[0], title_words[1:]) if title_words else ("", [])
    year = source.issued[:4] if source.issued else ""
    base = who[:PART_LENGTH] + year + (title_words[0][:PART_LENGTH] if title_words else "")
    return base or f"doc{source.id}"


def suffixes() -> Iterator[str]:
    """"", "a" … "z", "aa", "ab" …: the clash suffixes in order."""
    yield ""
    for length in itertools.count(1):
        for letters in itertools.product("abcdefghijklmnopqrstuvwxyz", repeat=length):
            yield "".join(letters)


def unique_key(base: str, taken: set[str]) -> str:
    """The first of ``base``, ``base+"a"``, … not in ``taken`` (compared lowercased, as BibTeX warns on case)."""
    return next(base + suffix for suffix in suffixes() if (base + suffix).lower() not in taken)


class KeyMaker:
    """Unique keys for many documents at once: each base's suffixes are tried from where its last key was found,
    not from "" again (a batch of an import where thousands of titles share a base, "1987us", took time growing
    with the square of their number)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self._next: dict[str, Iterator[str]] = {}

    def key(self, base: str) -> str:
        candidates = self._next.get(base)
        if candidates is None:
            candidates = self._next[base] = (base + suffix for suffix in suffixes())
        key = next(key for key in candidates if key.lower() not in self.taken)
        self.taken.add(key.lower())
        return key


def check_key(key: str) -> str:
    """``key`` stripped, or InvalidInputError when BibTeX or citeproc could not use it."""
    key = key.strip()
    if not VALID_KEY.match(key):
        raise InvalidInputError(
            f"{key!r} is not a usable citation key: use letters, digits and _ : . + / - (at most 100)"
        )
    return key
