"""core schema: actors, sources, claims, appearances, tags, links, verdicts

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Dates are plain DATE; times are UTC (claimtrack.models.base.UTCDateTime, stored as
DateTime(timezone=True)). Enum values are frozen here: a new value needs a new migration.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "person",
                "organization",
                "government",
                "media",
                "unknown",
                name="actor_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("name_key", name=op.f("uq_actors_name_key")),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("retrieved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("archive_url", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("url", name=op.f("uq_sources_url")),
    )
    op.create_table(
        "actor_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_aliases_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_aliases")),
        sa.UniqueConstraint("alias_key", name=op.f("uq_actor_aliases_alias_key")),
    )
    with op.batch_alter_table("actor_aliases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actor_aliases_actor_id"), ["actor_id"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("summary", sa.String(length=75), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("challenge_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "verdicts_disagree", sa.Boolean(), server_default=sa.text("(false)"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("trim(text) <> ''", name=op.f("ck_claims_text_not_blank")),
        sa.CheckConstraint("challenge_count >= 0", name=op.f("ck_claims_challenge_count_positive")),
        sa.CheckConstraint("length(summary) <= 75", name=op.f("ck_claims_summary_length")),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["actors.id"], name=op.f("fk_claims_speaker_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("public_id", name=op.f("uq_claims_public_id")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claims_contested",
            ["challenge_count", "id"],
            unique=False,
            sqlite_where=sa.text("challenge_count > 0 OR verdicts_disagree"),
            postgresql_where=sa.text("challenge_count > 0 OR verdicts_disagree"),
        )
        batch_op.create_index("ix_claims_said_on", ["said_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "appearances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_appearances_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_appearances_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appearances")),
        sa.UniqueConstraint(
            "claim_id", "source_id", name=op.f("uq_appearances_claim_id_source_id")
        ),
    )
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appearances_source_id"), ["source_id"], unique=False)

    op.create_table(
        "claim_tags",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_tags_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", "tag", name=op.f("pk_claim_tags")),
    )
    with op.batch_alter_table("claim_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_tags_tag"), ["tag"], unique=False)

    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_claim_id", sa.Integer(), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "supports",
                "contradicts",
                "denies",
                "evades",
                "responds_to",
                "same_as",
                name="relation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("to_claim_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("from_claim_id <> to_claim_id", name=op.f("ck_links_not_self")),
        sa.ForeignKeyConstraint(
            ["from_claim_id"],
            ["claims.id"],
            name=op.f("fk_links_from_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_links_source_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["to_claim_id"],
            ["claims.id"],
            name=op.f("fk_links_to_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_links")),
        sa.UniqueConstraint(
            "from_claim_id",
            "relation",
            "to_claim_id",
            name=op.f("uq_links_from_claim_id_relation_to_claim_id"),
        ),
    )
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_links_source_id"), ["source_id"], unique=False)
        batch_op.create_index(
            "ix_links_to_claim_id_relation", ["to_claim_id", "relation"], unique=False
        )

    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=16), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=200), nullable=False),
        sa.Column(
            "normalized",
            sa.Enum(
                "true",
                "mostly-true",
                "mixed",
                "mostly-false",
                "false",
                "unverifiable",
                name="normalized_rating",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_verdicts_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["actors.id"], name=op.f("fk_verdicts_reviewer_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdicts")),
        sa.UniqueConstraint("public_id", name=op.f("uq_verdicts_public_id")),
    )
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verdicts_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_verdicts_reviewer_id"), ["reviewer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdicts_reviewer_id"))
        batch_op.drop_index(batch_op.f("ix_verdicts_claim_id"))

    op.drop_table("verdicts")
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_index("ix_links_to_claim_id_relation")
        batch_op.drop_index(batch_op.f("ix_links_source_id"))

    op.drop_table("links")
    with op.batch_alter_table("claim_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_tags_tag"))

    op.drop_table("claim_tags")
    with op.batch_alter_table("appearances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appearances_source_id"))

    op.drop_table("appearances")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_speaker_id"))
        batch_op.drop_index("ix_claims_said_on")
        batch_op.drop_index(
            "ix_claims_contested",
            sqlite_where=sa.text("challenge_count > 0 OR verdicts_disagree"),
            postgresql_where=sa.text("challenge_count > 0 OR verdicts_disagree"),
        )

    op.drop_table("claims")
    with op.batch_alter_table("actor_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actor_aliases_actor_id"))

    op.drop_table("actor_aliases")
    op.drop_table("sources")
    op.drop_table("actors")
