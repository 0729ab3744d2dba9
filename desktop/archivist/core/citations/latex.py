"""Text for BibTeX fields: LaTeX specials escaped, capitals protected, optionally pure ASCII.

Braces in the text are written as ``\\textbraceleft{}``/``\\textbraceright{}``, never ``\\{``: BibTeX counts
every brace, escaped or not, so ``\\{`` would unbalance the entry.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&", "%": r"\%",
    "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C"}
_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
# Cyrillic has LaTeX forms only under the T2A font encoding, which most documents lack: transliterate it.
_TRANSLITERATED = re.compile(r"[\u0400-\u052f]")


def clean(text: str) -> str:
    """One line: control and format characters dropped, runs of white space made one space."""
    kept = "".join(" " if char.isspace() else char for char in text if unicodedata.category(char) not in ("Cc", "Cf")
                   or char.isspace())
    return " ".join(kept.split())


def escape(text: str, ascii_only: bool = False) -> str:
    """``text`` with LaTeX specials escaped; with ``ascii_only`` non-ASCII letters become LaTeX commands."""
    escaped = _SPECIAL.sub(lambda match: SPECIALS[match.group()], clean(text))
    return to_ascii(escaped) if ascii_only else escaped


def protect_title(text: str, ascii_only: bool = False) -> str:
    """A title whose words with capitals keep them in styles that lowercase titles ("{UN} {Security}")."""
    words = clean(text).split(" ")
    return " ".join(f"{{{escape(word, ascii_only)}}}" if _has_capital(word) else escape(word, ascii_only)
                    for word in words)


def _has_capital(word: str) -> bool:
    return any(char.isupper() for char in word)


def to_ascii(text: str) -> str:
    """Non-ASCII characters as LaTeX commands (``ü`` -> ``{\\"u}``); Unidecode where LaTeX has no form."""
    if text.isascii():
        return text
    text = _TRANSLITERATED.sub(lambda match: _transliterate(match.group()), text)
    return _encoder().unicode_to_latex(text)


def _transliterate(char: str) -> str:
    return _SPECIAL.sub(lambda match: SPECIALS[match.group()], unidecode(char))


@lru_cache(maxsize=1)
def _encoder():  # type: ignore[no-untyped-def]  # pylatexenc has no type hints
    # pylatexenc comes with bibtexparser 2; imported late because building its tables takes a moment
    from pylatexenc.latexencode import UnicodeToLatexEncoder

    return UnicodeToLatexEncoder(
        non_ascii_only=True, replacement_latex_protection="braces-all", unknown_char_policy=_transliterate,
        unknown_char_warning=False,
    )


def safe_url(url: str) -> str:
    """A URL for a verbatim ``url`` field: percent-encode what would break BibTeX (braces, spaces, backslash)."""
    for char, code in URL_ESCAPES.items():
        url = url.replace(char, code)
    return clean(url).replace(" ", "%20")
