"""the window: saved searches and other GUI state (issue 16)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # placeholder: filled in by the work on this issue


def downgrade() -> None:
    pass
