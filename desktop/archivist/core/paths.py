"""Where archives and settings live.

The default archive is ``user_data_dir("Archivist")/archive``; ``ARCHIVIST_HOME`` (an archive folder)
and the ``--archive DIR`` option override it, which keeps every test isolated.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

from archivist import APP_NAME

ENV_ARCHIVE = "ARCHIVIST_HOME"


def default_archive_dir() -> Path:
    """The archive folder to use when none is given on the command line."""
    override = os.environ.get(ENV_ARCHIVE)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "archive"


def resolve_archive_dir(explicit: str | os.PathLike[str] | None) -> Path:
    """``--archive DIR`` when given, else the environment or platform default."""
    if explicit:
        return Path(explicit).expanduser()
    return default_archive_dir()


def config_dir() -> Path:
    """Per-user settings (the GUI's window state lives here through QSettings' own location)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def _packaged_or_checkout(name: str) -> Path:
    """A data folder shipped in the wheel (``archivist/<name>``) or, in a checkout, at the repo root."""
    packaged = Path(str(resources.files("archivist"))) / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / name


def resources_dir() -> Path:
    """Icons, CSL styles and style sheets."""
    return _packaged_or_checkout("resources")


def seeds_dir() -> Path:
    """The sample articles a new user's archive starts with."""
    return _packaged_or_checkout("seeds")
