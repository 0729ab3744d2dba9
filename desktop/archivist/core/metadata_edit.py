"""Citable metadata a user edits beyond the plain columns (issue 17): item type, language, keywords.

``Archive.update_metadata(doc_id, csl_type="article-newspaper", publisher="…", language="fr", keywords=[…])``
is the one call the CLI (``archivist edit``) and the window use; this module checks and applies those fields.
"""

from __future__ import annotations

import re
from typing import Any

from archivist.core.catalogue.models import Document
from archivist.core.errors import InvalidInputError
from archivist.core.extract import fields

# Fields this module applies; ``Archive.update_metadata`` handles title, authors, date, publisher, site, url.
CITABLE_FIELDS = ("csl_type", "language", "keywords")
# A BCP 47 language tag as CSL and citeproc read it: "en", "fr-FR", "zh-Hans", "fas".
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def apply_citable(document: Document, name: str, value: Any) -> None:
    """Set one of CITABLE_FIELDS on ``document``; an empty value clears it (type: back to the guess)."""
    if name == "csl_type":
        document.csl_type = checked_type(value)
    elif name == "language":
        document.language = checked_language(value)
    elif name == "keywords":
        extra = dict(document.extra or {})
        extra["keywords"] = fields.split_keywords(value) if value else []
        document.extra = extra  # a new dict: SQLAlchemy sees JSON changes only by assignment


def checked_type(value: Any) -> str | None:
    from archivist.core.citations import CSL_TYPES

    text = str(value or "").strip()
    if text and text not in CSL_TYPES:
        raise InvalidInputError(f"unknown type {text!r}: use one of {', '.join(CSL_TYPES)}")
    return text or None


def checked_language(value: Any) -> str | None:
    text = str(value or "").strip()
    if text and not _LANGUAGE.match(text):
        raise InvalidInputError(f"{text!r} is not a language tag: use a code such as en, fr or pt-BR")
    return text or None
