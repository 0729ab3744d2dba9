"""text state, OCR pages and word boxes (issue 14)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 02:00:00

Documents without text are kept (issue 14): each has a text state; scanned pages wait for OCR in
``document_texts.ocr_pages``; OCR word boxes per page in ``page_words``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Each step is skipped when done already: an archive stamped at an older revision may hold the newer schema
    # (tests/core/test_catalogue.py). add_column with a server default works unbatched on SQLite and PostgreSQL.
    inspector = sa.inspect(op.get_bind())
    if "text_state" not in {column["name"] for column in inspector.get_columns("documents")}:
        op.add_column("documents", sa.Column("text_state", sa.String(16), nullable=False, server_default="text"))
    if "ocr_pages" not in {column["name"] for column in inspector.get_columns("document_texts")}:
        op.add_column("document_texts", sa.Column("ocr_pages", sa.JSON(), nullable=True))
    if not inspector.has_table("page_words"):
        op.create_table(
            "page_words",
            sa.Column("document_id", sa.Integer(), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                      nullable=False),
            sa.Column("page", sa.Integer(), nullable=False),
            sa.Column("languages", sa.String(64), nullable=False),
            sa.Column("words", sa.JSON(), nullable=False),
            sa.PrimaryKeyConstraint("document_id", "page"),
        )
    op.create_index("ix_documents_text_state", "documents", ["text_state"], if_not_exists=True,
                    sqlite_where=sa.text("text_state != 'text'"), postgresql_where=sa.text("text_state != 'text'"))


def downgrade() -> None:
    op.drop_index("ix_documents_text_state", table_name="documents")
    op.drop_table("page_words")
    with op.batch_alter_table("document_texts") as batch:
        batch.drop_column("ocr_pages")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("text_state")
