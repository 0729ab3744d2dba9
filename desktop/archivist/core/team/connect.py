"""``archivist connect URL [--store PATH]``: bind an archive folder to a team catalogue (issue 19).

The first member creates the schema (the same Alembic migrations as SQLite) and records where the originals
are stored (``store_claim``); later members give only the URL, or ``--store`` when they mount it elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from archivist.core.catalogue.models import Document
from archivist.core.catalogue.postgres import parse_url, public_url
from archivist.core.errors import InvalidInputError
from archivist.core.team.binding import Binding, new_member_id, read_binding, write_binding
from archivist.core.team.follower import SEEN_FILE
from archivist.core.team.membership import open_team_catalogue
from archivist.core.team.store_claim import agree_on_store, write_marker
from archivist.core.team.user import user_name


@dataclass(slots=True)
class Connected:
    url: str
    store: Path
    created: bool  # this member recorded the store (the first one)
    documents: int
    password_in_url: bool

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "store": str(self.store), "first_member": self.created, "documents": self.documents}


def connect(root: Path, url: str, store: Path | None = None) -> Connected:
    """Bind ``root`` (new, empty or already bound) to the catalogue at ``url`` and build its index."""
    root = Path(root)
    parsed = parse_url(url)
    if (root / "catalogue.sqlite").exists():
        raise InvalidInputError(f"{root} holds a local archive; move it into the team with "
                                f"'archivist --archive {root} migrate-to URL --store PATH'")
    if root.exists() and not root.is_dir():
        raise InvalidInputError(f"{root} is a file, not an archive folder")
    previous = read_binding(root) if root.is_dir() else None
    same_catalogue = previous is not None and previous.url == public_url(url)
    member = previous.member if previous is not None and same_catalogue else new_member_id()
    if previous is not None and not same_catalogue:
        (root / SEEN_FILE).unlink(missing_ok=True)  # the index followed another catalogue: rebuild it
    sessions = open_team_catalogue(url, user_name(root), member)
    try:
        with sessions.begin() as session:
            store_path, marker = agree_on_store(session, store)
        if marker is not None:
            write_marker(store_path, marker)
        documents = _count(sessions)
    finally:
        _dispose(sessions)
    root.mkdir(parents=True, exist_ok=True)
    binding = Binding(url, store_path, member)
    write_binding(root, binding)
    _build_index(root, url, binding)
    return Connected(public_url(url), store_path, marker is not None, documents, parsed.password is not None)


def _count(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count(Document.id))) or 0)


def _dispose(sessions: sessionmaker[Session]) -> None:
    bind = sessions.kw.get("bind")
    if bind is not None:
        bind.dispose()


def _build_index(root: Path, url: str, binding: Binding) -> None:
    """The member's index, from the catalogue (through ``url``: its password may not be anywhere else yet)."""
    from archivist.core.archive import Archive

    with Archive(root, open_team_catalogue(url, user_name(root), binding.member), binding) as archive:
        archive.repair_index()
