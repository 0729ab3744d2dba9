"""The language of a document: detected from its text at import (no model download: py3langid ships its model)."""

from archivist.core.language.codes import primary_language
from archivist.core.language.detect import detect_language, rank_languages

__all__ = ["detect_language", "primary_language", "rank_languages"]
