"""text state, OCR pages and word boxes (issue 14)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
