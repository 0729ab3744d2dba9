"""How highlight colours are drawn: a swatch for menus and lists, a translucent tint over the text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from archivist.core.annotation_records import ColorRecord

TINT_ALPHA = 170  # translucent enough that the text's own colour (and a selection) still reads through


def tint(rgb: str) -> QColor:
    color = QColor(rgb)
    color.setAlpha(TINT_ALPHA)
    return color


def swatch(rgb: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.setBrush(QColor(rgb))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    painter.end()
    return QIcon(pixmap)


def action_text(color: ColorRecord) -> str:
    """``Claim (yellow)``; the key that applies it is shown by the action's shortcut."""
    return f"{color.label} ({color.name})" if color.label.lower() != color.name else color.label
