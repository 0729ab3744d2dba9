"""claims and figures ledger (issue 18)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A catalogue made at a newer head and stamped back (tests, a downgrade and upgrade) has the table already.
    if sa.inspect(op.get_bind()).has_table("claims"):
        return
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("normalized", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(24), nullable=False),
        sa.Column("currency", sa.String(8), nullable=True),
        sa.Column("qualifier", sa.String(40), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("what_key", sa.String(120), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_key", sa.String(200), nullable=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("page", sa.String(32), nullable=True),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("context", sa.Text(), nullable=False),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_index("ix_claims_ledger", "claims", ["what_key", "unit", "source_key", "document_id", "normalized"])


def downgrade() -> None:
    op.drop_index("ix_claims_ledger", table_name="claims")
    op.drop_index("ix_claims_document_id", table_name="claims")
    op.drop_table("claims")
