"""Opening a member's folder: its catalogue on PostgreSQL and its shared store, with one-line errors."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from archivist.core.catalogue.database import open_catalogue
from archivist.core.errors import ArchivistError
from archivist.core.team.binding import Binding


def database_problem(url: str, error: DBAPIError) -> ArchivistError:
    """psycopg's message cut to its first line, with what to do when it is a missing password."""
    reason = (str(error.orig) or type(error.orig).__name__).strip().splitlines()[0]
    if "password" in reason:
        reason += " (give it in ~/.pgpass or PGPASSWORD; Archivist never keeps it in the archive folder)"
    return ArchivistError(f"cannot open the team catalogue {url}: {reason}")


def open_team_catalogue(url: str, author: str | None, member: str) -> sessionmaker[Session]:
    try:
        return open_catalogue(url, author, member)
    except DBAPIError as error:
        raise database_problem(url, error) from error


def open_member(root: Path, binding: Binding, author: str | None) -> sessionmaker[Session]:
    """The catalogue of a bound folder; its shared store must be reachable."""
    if not binding.store.is_dir():
        raise ArchivistError(
            f"the shared store {binding.store} of {root} is not reachable (is the file server mounted?); "
            f"if it is mounted elsewhere here, run 'archivist --archive {root} connect URL --store PATH'")
    return open_team_catalogue(binding.url, author, binding.member)
