"""users: the people who sign in to `claimtrack serve`, with their role and password hash

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

The user_role values are frozen here: a new role needs a new migration.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('name_key', sa.String(length=200), nullable=False),
        sa.Column(
            'role',
            sa.Enum('viewer', 'checker', 'editor', name='user_role', native_enum=False,
                    create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column('password_hash', sa.String(length=255), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
        sa.UniqueConstraint('name_key', name=op.f('uq_users_name_key')),
    )


def downgrade() -> None:
    op.drop_table('users')
