"""search, duplicate review and merge: link status, claim merges, full-text index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

- links.status: confirmed | suggested | rejected (existing links are confirmed). Only confirmed
  links count; a rejected link stays so the pair is never suggested again.
- claim_merges: the id, text, speaker and date of each claim merged into another, so its id
  keeps resolving to the claim kept.
- the full-text index (claimtrack.store.fulltext): an FTS5 table with triggers on SQLite, a tsvector
  table with a GIN index and triggers on PostgreSQL. Created from claimtrack.store.fulltext so that a
  later migration that rebuilds claims or appearances on SQLite can put the triggers back.

Downgrading deletes suggested and rejected links (before 0005 every link counted) and forgets
merges (the merged claims' ids stop resolving); the full-text index is dropped.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op
from claimtrack.store import fulltext

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.Enum('confirmed', 'suggested', 'rejected', name='link_status', native_enum=False, create_constraint=True, length=32), server_default='confirmed', nullable=False))
        batch_op.create_index(batch_op.f('ix_links_status'), ['status'], unique=False)

    op.create_table('claim_merges',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=16), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker_id', sa.Integer(), nullable=True),
    sa.Column('said_on', sa.Date(), nullable=True),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_merges_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_id'], ['actors.id'], name=op.f('fk_claim_merges_speaker_id_actors'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_merges')),
    sa.UniqueConstraint('public_id', name=op.f('uq_claim_merges_public_id'))
    )
    with op.batch_alter_table('claim_merges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_merges_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_merges_speaker_id'), ['speaker_id'], unique=False)

    fulltext.install(op.get_bind())


def downgrade() -> None:
    fulltext.uninstall(op.get_bind())
    with op.batch_alter_table('claim_merges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_merges_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_claim_merges_claim_id'))

    op.drop_table('claim_merges')
    op.execute("DELETE FROM links WHERE status <> 'confirmed'")
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_links_status'))
        batch_op.drop_constraint(batch_op.f('ck_links_link_status'), type_='check')
        batch_op.drop_column('status')
