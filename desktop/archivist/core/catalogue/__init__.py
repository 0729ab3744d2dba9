"""The catalogue: SQLite through SQLAlchemy 2, the archive's source of truth."""

from archivist.core.catalogue.database import open_catalogue
from archivist.core.catalogue.models import (
    Base,
    Collection,
    Color,
    Document,
    DocumentText,
    Highlight,
    ImportLogEntry,
    ImportRun,
    Note,
    Tag,
)

__all__ = [
    "Base",
    "Collection",
    "Color",
    "Document",
    "DocumentText",
    "Highlight",
    "ImportLogEntry",
    "ImportRun",
    "Note",
    "Tag",
    "open_catalogue",
]
