"""trust: edit history, review status and optimistic-locking versions

Revision ID: 0007
Revises: 0005
Create Date: 2026-11-25

Adds the ``history`` table, and ``status`` (draft / in-review / published; existing rows become
drafts) and ``version`` (optimistic locking; existing rows start at 1) to claims and verdicts.
The review_status values are frozen here: a new value needs a new migration.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def status_column() -> sa.Column[str]:
    return sa.Column(
        'status',
        sa.Enum('draft', 'in-review', 'published', name='review_status', native_enum=False,
                create_constraint=True, length=32),
        server_default='draft',
        nullable=False,
    )


def upgrade() -> None:
    op.create_table('history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_name', sa.String(length=200), nullable=False),
    sa.Column('command', sa.String(length=200), nullable=True),
    sa.Column('batch', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_key', sa.String(length=2000), nullable=False),
    sa.Column('claim_ref', sa.String(length=16), nullable=True),
    sa.Column('other_claim_ref', sa.String(length=16), nullable=True),
    sa.Column('before', sa.JSON(none_as_null=True), nullable=True),
    sa.Column('after', sa.JSON(none_as_null=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history'))
    )
    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.create_index('ix_history_at', ['at'], unique=False)
        batch_op.create_index('ix_history_claim_ref', ['claim_ref'], unique=False)
        batch_op.create_index('ix_history_entity_key', ['entity', 'entity_key'], unique=False)
        batch_op.create_index(
            'ix_history_other_claim_ref', ['other_claim_ref'], unique=False
        )

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(status_column())
        batch_op.add_column(
            sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False)
        )

    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.add_column(status_column())
        batch_op.add_column(
            sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False)
        )
    # SQLite batch mode may rebuild claims, which drops the full-text triggers of 0005.
    _restore_claim_triggers()


def downgrade() -> None:
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        # SQLite's batch copy reflects the CHECK on status: drop it before the column.
        batch_op.drop_constraint(op.f('ck_verdicts_review_status'), type_='check')
        batch_op.drop_column('version')
        batch_op.drop_column('status')

    with op.batch_alter_table('claims', schema=None) as batch_op:
        # SQLite's batch copy reflects the CHECK on status: drop it before the column.
        batch_op.drop_constraint(op.f('ck_claims_review_status'), type_='check')
        batch_op.drop_column('version')
        batch_op.drop_column('status')

    with op.batch_alter_table('history', schema=None) as batch_op:
        batch_op.drop_index('ix_history_other_claim_ref')
        batch_op.drop_index('ix_history_entity_key')
        batch_op.drop_index('ix_history_claim_ref')
        batch_op.drop_index('ix_history_at')

    op.drop_table('history')
    _restore_claim_triggers()  # claims was rebuilt above: put the 0005 triggers back


# The triggers migration 0005 put on claims, frozen as they were (a migration never imports
# claimtrack code). SQLite drops them when batch mode rebuilds the table; PostgreSQL keeps them.
_QUOTES = "(SELECT group_concat(quote, ' ') FROM appearances WHERE claim_id = {0})"
_SQLITE_CLAIM_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_search(rowid, text, summary, quotes) "
    f"VALUES (new.id, new.text, new.summary, {_QUOTES.format('new.id')}); END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_update AFTER UPDATE OF text, summary "
    "ON claims BEGIN UPDATE claim_search SET text = new.text, summary = new.summary "
    "WHERE rowid = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_delete AFTER DELETE ON claims BEGIN "
    "DELETE FROM claim_search WHERE rowid = old.id; END",
]


def _restore_claim_triggers() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_CLAIM_TRIGGERS:
            connection.exec_driver_sql(statement)
