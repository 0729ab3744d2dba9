"""team archives: change sequence, authorship (issue 19)

Authorship columns on highlights, notes and import runs; the ``changes`` table, the team's shared settings and,
on PostgreSQL, the triggers that write the change sequence in the same transaction as each change. A trigger
takes the catalogue's write lock (a transaction-level advisory lock) before it writes, so the sequence's ids
are committed in order: a member that has seen id N has seen every change before it. SQLite archives have no
followers; there the table stays empty and no trigger costs an import anything.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WRITE_LOCK_KEY = 0x41524348  # database.WRITE_LOCK_KEY (a migration keeps its own copy: it must never change)
# table -> the statements whose rows go into the sequence (a text is inserted with its document, deleted with it)
TRACKED = {
    "documents": ("insert", "update", "delete"),
    "document_texts": ("update",),
    "document_tags": ("insert", "delete"),
    "document_collections": ("insert", "delete"),
    "highlights": ("insert", "update", "delete"),
    "notes": ("insert", "update", "delete"),
}
AUTHORED = ("highlights", "notes", "import_runs")


def upgrade() -> None:
    # Each step only when missing: an archive whose version row was set back runs this again (test_catalogue).
    inspector = sa.inspect(op.get_bind())
    for table in AUTHORED:
        if "author" not in {column["name"] for column in inspector.get_columns(table)}:
            with op.batch_alter_table(table) as batch_op:
                batch_op.add_column(sa.Column("author", sa.String(length=100), nullable=True))
    if not inspector.has_table("changes"):
        op.create_table(
            "changes",
            sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
            sa.Column("kind", sa.String(length=32), nullable=False),
            sa.Column("action", sa.String(length=8), nullable=False),
            sa.Column("entity_id", sa.BigInteger(), nullable=True),
            sa.Column("document_id", sa.BigInteger(), nullable=True),
            sa.Column("origin", sa.String(length=64), nullable=True),
            sa.Column("at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
    if not inspector.has_table("team_settings"):
        op.create_table(
            "team_settings",
            sa.Column("name", sa.String(length=64), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("name"),
        )
    if op.get_bind().dialect.name == "postgresql":
        _create_triggers()


def _create_triggers() -> None:
    for action, rows in (("insert", "new_rows"), ("update", "new_rows"), ("delete", "old_rows")):
        op.execute(f"""
CREATE OR REPLACE FUNCTION archivist_changes_{action}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({WRITE_LOCK_KEY});
    INSERT INTO changes (kind, action, entity_id, document_id, origin, at)
    SELECT TG_TABLE_NAME, '{action}', (j->>'id')::bigint, COALESCE(j->>'document_id', j->>'id')::bigint,
           NULLIF(current_setting('archivist.origin', true), ''), timezone('utc', now())
    FROM (SELECT to_jsonb(r) AS j FROM {rows} r) AS t;
    PERFORM pg_notify('archivist_changes', TG_TABLE_NAME);
    RETURN NULL;
END $$""")
    for table, actions in TRACKED.items():
        for action in actions:
            rows = "OLD TABLE AS old_rows" if action == "delete" else "NEW TABLE AS new_rows"
            op.execute(f"DROP TRIGGER IF EXISTS archivist_{table}_{action} ON {table}")
            op.execute(f"CREATE TRIGGER archivist_{table}_{action} AFTER {action.upper()} ON {table} "
                       f"REFERENCING {rows} FOR EACH STATEMENT EXECUTE FUNCTION archivist_changes_{action}()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, actions in TRACKED.items():
            for action in actions:
                op.execute(f"DROP TRIGGER IF EXISTS archivist_{table}_{action} ON {table}")
        for action in ("insert", "update", "delete"):
            op.execute(f"DROP FUNCTION IF EXISTS archivist_changes_{action}()")
    op.drop_table("team_settings")
    op.drop_table("changes")
    for table in AUTHORED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("author")
