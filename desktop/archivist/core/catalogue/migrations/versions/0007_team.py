"""team archives: change sequence, authorship (issue 19)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
