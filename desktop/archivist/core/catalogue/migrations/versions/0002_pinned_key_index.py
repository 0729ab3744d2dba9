"""index the pinned citation keys

Making a citation key reads the keys the user pinned (they may have capitals, so the unique index on keys
cannot find the ones that clash case-insensitively). Without an index that was a scan of every document for
each batch of an import.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_documents_pinned_key", "documents", ["citation_key"], unique=False, if_not_exists=True,
                    sqlite_where=sa.text("citation_key_pinned"),
                    postgresql_where=sa.text("citation_key_pinned"))  # a team catalogue (issue 19)


def downgrade() -> None:
    op.drop_index("ix_documents_pinned_key", table_name="documents")
