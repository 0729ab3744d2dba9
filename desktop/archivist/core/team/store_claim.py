"""Where a team's originals live: recorded in the catalogue by the first member, checked by every later one.

The store holds a marker naming the catalogue, so a wrong mount point is caught before anything is written. The
marker is written only once the catalogue has committed the store's setting (``write_marker``): a first connect or
a migration that fails leaves no claim behind, and may simply be run again.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.core.catalogue.database import serialize_writes
from archivist.core.catalogue.models import TeamSetting
from archivist.core.errors import ArchivistError, InvalidInputError
from archivist.core.store import STORE_MARKER

_HASH_FOLDER = re.compile(r"[0-9a-f]{2}")  # the store's layout: sha256[:2]/sha256


def agree_on_store(session: Session, store: Path | None) -> tuple[Path, str | None]:
    """The store's path on this machine, and the marker to write after the commit when this member is the first."""
    serialize_writes(session)  # two first members at once: one records the store, the other reads it
    settings = {row.name: row.value for row in session.scalars(select(TeamSetting))}
    given = Path(store).expanduser().absolute() if store is not None else None
    if "store" not in settings:
        if given is None:
            raise InvalidInputError("this team catalogue is new: give the shared store's folder with --store PATH")
        catalogue_id = uuid.uuid4().hex
        _check_new(given)
        session.add_all([TeamSetting(name="store", value=str(given)),
                         TeamSetting(name="catalogue_id", value=catalogue_id)])
        return given, catalogue_id
    path = given or Path(settings["store"])
    _check(path, settings.get("catalogue_id", ""))
    return path, None


def write_marker(path: Path, catalogue_id: str) -> None:
    (path / STORE_MARKER).write_text(catalogue_id + "\n", encoding="utf-8")


def _check_new(path: Path) -> None:
    """An empty folder, or one holding only originals by hash (a migration that failed before its commit)."""
    if path.exists() and not path.is_dir():
        raise InvalidInputError(f"{path} is a file; the team's store is a folder")
    path.mkdir(parents=True, exist_ok=True)
    if (path / STORE_MARKER).is_file():
        raise InvalidInputError(f"{path} is the store of another team catalogue; give an empty folder")
    if any(not (entry.name == "tmp" or _HASH_FOLDER.fullmatch(entry.name)) for entry in path.iterdir()):
        raise InvalidInputError(f"{path} is not empty; the team's store must start as an empty folder")


def _check(path: Path, catalogue_id: str) -> None:
    marker = path / STORE_MARKER
    if not path.is_dir():
        raise ArchivistError(f"the team's store {path} is not reachable here; give its path with --store PATH")
    if not marker.is_file() or marker.read_text(encoding="utf-8").strip() != catalogue_id:
        raise InvalidInputError(f"{path} is not this team catalogue's store (no matching {STORE_MARKER} in it); "
                                "give the store's path on this machine with --store PATH")
