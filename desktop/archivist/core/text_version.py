"""The version of a document's text: highlights remember it, so a re-extraction knows which to re-anchor."""

from __future__ import annotations

import hashlib


def text_version(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
