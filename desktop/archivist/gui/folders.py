"""File dialogs open in the folder used last (any dialog of the window), else the home folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_FOLDER = "dialogs/last_folder"


def last_folder(settings: QSettings) -> str:
    saved = settings.value(LAST_FOLDER)
    if isinstance(saved, str) and Path(saved).is_dir():
        return saved
    return str(Path.home())


def remember_folder(settings: QSettings, chosen: str | Path) -> None:
    """Remember the folder of a chosen file (or the chosen folder itself)."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if folder.is_dir():
        settings.setValue(LAST_FOLDER, str(folder))
