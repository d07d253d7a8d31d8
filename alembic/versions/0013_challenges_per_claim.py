"""challenge counters count challenging claims: a claim that both contradicts and denies
another is one challenge, not two

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

Data only: claims.challenge_count is recounted as the number of distinct claims with a
confirmed contradicts, denies or evades link to the claim (claimtrack.services.disputes
counters). The downgrade recounts links, as 0012 did. The relation and status values are
frozen here as they are at this revision.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_COUNT = (
    "(SELECT count({0}) FROM links WHERE links.to_claim_id = claims.id "
    "AND links.relation IN ('contradicts', 'denies', 'evades') AND links.status = 'confirmed')"
)
# Only rows whose count changes are written (on PostgreSQL each row written is a new one).
_RECOUNT = "UPDATE claims SET challenge_count = {0} WHERE challenge_count <> {0}"


def upgrade() -> None:
    op.execute(_RECOUNT.format(_COUNT.format("DISTINCT links.from_claim_id")))


def downgrade() -> None:
    op.execute(_RECOUNT.format(_COUNT.format("*")))
