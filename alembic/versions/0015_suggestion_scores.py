"""suggestion scores: links.score keeps a suggested duplicate's score, so the review queue is
sorted and cut in SQL

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

``claimtrack dedupe`` now stores the score of each suggestion it records; the review queue
(``claimtrack review``, /review) reads the best ones with ORDER BY/LIMIT instead of
re-scoring every suggestion with a full-text search on each look. Suggestions recorded before
this revision get the score ``dedupe`` wrote in their note ("Suggested by `claimtrack dedupe`
(score 0.87)."); any other link keeps NULL (the queue lists those after the scored ones).
The downgrade drops the column. SQLite rebuilds the links table to drop it, and refuses to
rename a table while a view names a missing one (see 0011): the views are dropped first and
created again, as they are, at the end.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# As dedupe has written it since revision 0005; frozen here.
_NOTE_SCORE = re.compile(r"^Suggested by `claimtrack dedupe` \(score ([01]\.\d+)\)\.$")


def upgrade() -> None:
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.add_column(sa.Column("score", sa.Float(), nullable=True))
    links = sa.table("links", sa.column("id", sa.Integer), sa.column("status", sa.String),
                     sa.column("note", sa.Text), sa.column("score", sa.Float))
    connection = op.get_bind()
    scored = []
    for link_id, note in connection.execute(
        sa.select(links.c.id, links.c.note).where(
            links.c.status == "suggested", links.c.note.like("Suggested by %"))
    ):
        found = _NOTE_SCORE.match(note)
        if found:
            scored.append({"row": link_id, "value": float(found.group(1))})
    if scored:
        connection.execute(
            sa.update(links).where(links.c.id == sa.bindparam("row"))
            .values(score=sa.bindparam("value")),
            scored,
        )


def downgrade() -> None:
    connection = op.get_bind()
    views: list[tuple[str, str]] = []
    if connection.dialect.name == "sqlite":
        views = [(name, sql) for name, sql in connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid")]
        for name, _sql in reversed(views):
            op.execute(f"DROP VIEW {name}")
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_column("score")
    for _name, sql in views:
        op.execute(sql)
