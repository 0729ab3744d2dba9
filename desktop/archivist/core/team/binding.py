"""``team.json``: what binds an archive folder to a team catalogue, with no password in it (issue 19).

The password comes from the URL at ``connect`` time, then from ``~/.pgpass`` or ``PGPASSWORD``, which libpq
reads itself; the folder keeps the URL with its password removed.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from archivist.core.errors import ArchivistError

BINDING_FILE = "team.json"


@dataclass(frozen=True, slots=True)
class Binding:
    url: str  # postgresql://user@host:port/db, never with a password
    store: Path  # the shared store as this machine mounts it
    member: str  # this folder's id in the change sequence (its own changes need not be re-applied)

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "store": str(self.store), "member": self.member}


def new_member_id() -> str:
    return uuid.uuid4().hex


def read_binding(root: Path) -> Binding | None:
    """The folder's binding, or None for a local archive."""
    path = root / BINDING_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Binding(str(data["url"]), Path(data["store"]), str(data["member"]))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ArchivistError(f"{path} is damaged ({error}); run 'archivist connect URL' again") from error


def write_binding(root: Path, binding: Binding) -> Path:
    """Write ``team.json`` atomically (readable by its owner only: it names the server and the user)."""
    from archivist.core.catalogue.postgres import public_url

    clean = Binding(public_url(binding.url), binding.store, binding.member)
    path = root / BINDING_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(clean.to_json(), indent=2) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o600)
    tmp.replace(path)
    return path
