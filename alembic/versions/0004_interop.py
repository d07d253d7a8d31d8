"""interop: claim fingerprints, review urls indexed, user rating labels, ClaimReview originals

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-25

Claims get a fingerprint (normalised text + speaker + date), filled here for existing claims,
so imports recognise claims that come without a claimtrack id. The fingerprint function is
copied below as it was when this migration was written: a migration must not change meaning
when the application code changes later.
"""

from __future__ import annotations

import hashlib
import unicodedata

import sqlalchemy as sa

from alembic import op

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None

RATINGS = ("true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable")
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": "'",
        "\u201d": "'",
        "\u201e": "'",
        "\u201f": "'",
        "\u00ab": "'",
        "\u00bb": "'",
        "\u2033": "'",
        '"': "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


def _fingerprint(text: str, speaker_id: int | None, said_on: object) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    key = " ".join(folded.split()).strip(" \t\r\n\"'.,;:!?…")
    date = said_on.isoformat() if hasattr(said_on, "isoformat") else str(said_on or "")
    raw = "\x1f".join((key, str(speaker_id or ""), date))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=16).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_claims_fingerprint"), ["fingerprint"], unique=False)
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verdicts_url"), ["url"], unique=False)
    op.create_table(
        "rating_labels",
        sa.Column("label_key", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column(
            "rating",
            sa.Enum(*RATINGS, name="rating", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("label_key", name=op.f("pk_rating_labels")),
    )
    op.create_table(
        "verdict_originals",
        sa.Column("verdict_id", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["verdict_id"],
            ["verdicts.id"],
            name=op.f("fk_verdict_originals_verdict_id_verdicts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("verdict_id", name=op.f("pk_verdict_originals")),
    )
    _fill_fingerprints()


def _fill_fingerprints() -> None:
    connection = op.get_bind()
    claims = sa.table(
        "claims",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("speaker_id", sa.Integer),
        sa.column("said_on", sa.Date),
        sa.column("fingerprint", sa.String),
    )
    rows = connection.execute(
        sa.select(claims.c.id, claims.c.text, claims.c.speaker_id, claims.c.said_on)
    ).all()
    if rows:
        connection.execute(
            claims.update()
            .where(claims.c.id == sa.bindparam("claim_id"))
            .values(fingerprint=sa.bindparam("value")),
            [
                {"claim_id": r.id, "value": _fingerprint(r.text, r.speaker_id, r.said_on)}
                for r in rows
            ],
        )


def downgrade() -> None:
    op.drop_table("verdict_originals")
    op.drop_table("rating_labels")
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdicts_url"))
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_fingerprint"))
        batch_op.drop_column("fingerprint")
