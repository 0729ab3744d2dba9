"""Text, page boundaries and metadata from files, one module per format.

``extract_file(path)`` sniffs the file's type from its content (and only then its name) and calls the
extractor for that format. Every failure is an :class:`ExtractionError` with a short message.
"""

from archivist.core.extract.base import (
    Extracted,
    ExtractionError,
    Heading,
    Metadata,
    Page,
    page_at,
)
from archivist.core.extract.registry import FORMATS, extract_file, sniff_format

__all__ = [
    "FORMATS",
    "Extracted",
    "ExtractionError",
    "Heading",
    "Metadata",
    "Page",
    "extract_file",
    "page_at",
    "sniff_format",
]
