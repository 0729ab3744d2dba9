"""Alembic environment: migrations run on the connection the catalogue hands over (never a URL of its own)."""

from __future__ import annotations

from alembic import context

from archivist.core.catalogue.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table instead
)
with context.begin_transaction():
    context.run_migrations()
