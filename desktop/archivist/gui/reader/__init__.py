"""The reader: a document's text laid out for reading, its PDF pages, find, and overlays of tints."""

from archivist.gui.reader.reader_view import ReaderView
from archivist.gui.reader.side_by_side import SideBySideView

__all__ = ["ReaderView", "SideBySideView"]
