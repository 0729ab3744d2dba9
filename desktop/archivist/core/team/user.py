"""Who is working: the name highlights, notes and imports are recorded under (issue 19).

``archivist config user NAME`` keeps the name in the archive folder's ``member.json`` (two members may share one
machine account); without it the operating system's user name is used.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

from archivist.core.errors import ArchivistError, InvalidInputError

MEMBER_FILE = "member.json"
MAX_NAME = 100  # the authorship columns' width


def user_name(root: Path) -> str | None:
    """The configured name for this archive folder, else the OS user (None when neither can be found)."""
    path = root / MEMBER_FILE
    if path.is_file():
        try:
            name = json.loads(path.read_text(encoding="utf-8")).get("user")
        except (OSError, ValueError, AttributeError) as error:
            raise ArchivistError(f"{path} cannot be read ({error}); set the name again with 'config user'") from error
        if isinstance(name, str) and name.strip():
            return name.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return None


def set_user_name(root: Path, name: str) -> str:
    """Record ``name`` as this archive folder's author; returns it cleaned."""
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("a user name cannot be empty")
    if len(name) > MAX_NAME:
        raise InvalidInputError(f"a user name has at most {MAX_NAME} characters")
    root.mkdir(parents=True, exist_ok=True)
    path = root / MEMBER_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"user": name}, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return name
