"""Render the app icon into the sizes the freedesktop hicolor icon theme looks for.

    python packaging/render_icons.py

Reads resources/icons/archivist.svg (the one icon the GUI also uses) and writes
packaging/icons/hicolor/{scalable,NxN}/apps/<APP_ID>.{svg,png}. The PNGs are committed, so a build needs no
SVG renderer; re-run this after changing the SVG. Qt's own renderer (PySide6.QtSvg, in PySide6-Essentials) is
used so that no system tool such as rsvg-convert is needed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "desktop"))

from archivist import APP_ID  # noqa: E402  (the checkout's package, whatever is installed)

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SOURCE = ROOT / "resources" / "icons" / "archivist.svg"
THEME = ROOT / "packaging" / "icons" / "hicolor"


def render(sizes: tuple[int, ...] = SIZES, source: Path = SOURCE, theme: Path = THEME) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {source} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = theme / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"render_icons: cannot write {target}")
        written.append(target)
    scalable = theme / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    written.append(scalable)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(ROOT))
