"""documents whose claims are still to be found (issue 18)

An import finds the claims of its last files while the search index commits them; until they are stored, the
documents are listed here.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claims_pending",
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        if_not_exists=True,
    )


def downgrade() -> None:
    op.drop_table("claims_pending")
