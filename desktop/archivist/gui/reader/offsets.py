"""Catalogue offsets (Python code points) to QTextDocument positions (UTF-16 units) and back.

The reader's QTextDocument holds exactly ``content.text``; positions differ from offsets only after
characters outside the Basic Multilingual Plane (emoji, some CJK), which take two UTF-16 units in Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Maps offsets in a text to positions in a QTextDocument built from it, in O(log n)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # offsets of the astral characters; usually empty, so both directions are the identity
        self._astral = [offset for offset, char in enumerate(text) if ord(char) > 0xFFFF] if not text.isascii() else []
        self._astral_positions = [offset + index for index, offset in enumerate(self._astral)]

    def to_position(self, offset: int) -> int:
        offset = max(0, min(offset, self.length))
        return offset + bisect_left(self._astral, offset)

    def to_offset(self, position: int) -> int:
        """The offset of a position; a position inside a surrogate pair maps to its character."""
        whole = bisect_right(self._astral_positions, position - 2)  # pairs that end before the position
        inside = whole < len(self._astral_positions) and self._astral_positions[whole] == position - 1
        return max(0, min(position - whole - (1 if inside else 0), self.length))


def qt_safe(text: str) -> str:
    """The text as it is given to Qt: a carriage return would merge with the next newline, so it is a space."""
    return text.replace("\r", " ")
