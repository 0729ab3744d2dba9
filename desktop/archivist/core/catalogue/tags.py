"""Tags by name: found, or made when first used."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archivist.core.catalogue.models import Tag


def tag_named(session: Session, name: str) -> Tag:
    name = name.strip()[:200]
    tag = session.scalar(select(Tag).where(Tag.name == name))
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    return tag
