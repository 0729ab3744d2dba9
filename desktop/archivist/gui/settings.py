"""Window state kept across runs, in an INI file under the user's config folder (isolated in tests)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from archivist.core.paths import config_dir


def open_settings() -> QSettings:
    """The GUI's settings file; its path is read from the environment each time, so tests stay apart."""
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)


def save_window(settings: QSettings, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        settings.setValue(f"splitters/{name}", splitter.saveState())
    settings.sync()


def restore_window(settings: QSettings, window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    """Restore what was saved; False when there was nothing (the caller picks a default size)."""
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    for name, splitter in splitters.items():
        saved = settings.value(f"splitters/{name}")
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
    return isinstance(geometry, QByteArray)
