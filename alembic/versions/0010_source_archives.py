"""source archives: each fetch of a page, and its body stored once per SHA-256

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

``archive_bodies`` holds each distinct body once (content-addressed by its SHA-256);
``source_archives`` holds one row per fetch of a source's page. See docs/archives.md.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('archive_bodies',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_archive_bodies'))
    )
    op.create_table('source_archives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('retrieved_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('requested_url', sa.Text(), nullable=False),
    sa.Column('final_url', sa.Text(), nullable=False),
    sa.Column('status', sa.Integer(), nullable=False),
    sa.Column('content_type', sa.String(length=200), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['archive_bodies.sha256'], name=op.f('fk_source_archives_sha256_archive_bodies')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_source_archives_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_archives'))
    )
    with op.batch_alter_table('source_archives', schema=None) as batch_op:
        batch_op.create_index('ix_source_archives_source', ['source_id', 'retrieved_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_source_archives_sha256'), ['sha256'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('source_archives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_archives_sha256'))
        batch_op.drop_index('ix_source_archives_source')
    op.drop_table('source_archives')
    op.drop_table('archive_bodies')
