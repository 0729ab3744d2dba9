"""Look and feel: Fusion style, a light or dark palette following the system, the icon and style sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from archivist.core.paths import resources_dir

# Background of the words a search matched, in the reader and in snippets: readable in both palettes.
MATCH_COLOR = QColor(255, 214, 10, 150)
CURRENT_MATCH_COLOR = QColor(255, 140, 0, 190)


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "archivist.svg"))


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor(37, 39, 43),
        QPalette.ColorRole.WindowText: QColor(226, 228, 232),
        QPalette.ColorRole.Base: QColor(28, 30, 33),
        QPalette.ColorRole.AlternateBase: QColor(42, 44, 49),
        QPalette.ColorRole.Text: QColor(226, 228, 232),
        QPalette.ColorRole.Button: QColor(48, 51, 56),
        QPalette.ColorRole.ButtonText: QColor(226, 228, 232),
        QPalette.ColorRole.Highlight: QColor(64, 120, 190),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.ToolTipBase: QColor(48, 51, 56),
        QPalette.ColorRole.ToolTipText: QColor(226, 228, 232),
        QPalette.ColorRole.PlaceholderText: QColor(140, 144, 150),
        QPalette.ColorRole.Link: QColor(120, 170, 240),
        QPalette.ColorRole.Mid: QColor(70, 73, 79),
        QPalette.ColorRole.Dark: QColor(20, 21, 24),
    }
    for role, color in roles.items():
        palette.setColor(role, color)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 123, 128))
    return palette


def light_palette() -> QPalette:
    palette = QApplication.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(48, 110, 180))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(246, 247, 249))
    return palette


def apply_palette(app: QApplication) -> None:
    app.setPalette(dark_palette() if is_dark() else light_palette())


def apply_theme(app: QApplication) -> None:
    """Fusion everywhere (it honours palettes), the palette of the system's colour scheme, our style sheet."""
    app.setStyle(QStyleFactory.create("Fusion"))
    apply_palette(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
    sheet = resources_dir() / "styles" / "archivist.qss"
    if sheet.is_file():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    app.setWindowIcon(app_icon())
