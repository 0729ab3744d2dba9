"""citable metadata and reference libraries (issue 17): no schema change

What issue 17 keeps needs no new column: a file's keywords (``documents.extra["keywords"]``), the citable
fields a reference library gives (``extra["csl"]``: DOI, page, volume…; ``extra["csl_names"]``), and metadata-only
records (format ``reference``, their original the library entry's own text) all fit the existing tables.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # nothing to change: see the docstring


def downgrade() -> None:
    pass
