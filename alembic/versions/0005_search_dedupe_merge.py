"""search, duplicate review and merge: link status, claim merges, full-text index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

- links.status: confirmed | suggested | rejected (existing links are confirmed). Only confirmed
  links count; a rejected link stays so the pair is never suggested again.
- claim_merges: the id, text, speaker and date of each claim merged into another, so its id
  keeps resolving to the claim kept.
- the full-text index: an FTS5 table with triggers on SQLite, a tsvector table with a GIN index
  and triggers on PostgreSQL. Its statements are frozen below as they were at this revision
  (claimtrack.store.fulltext holds today's; a migration never imports claimtrack code).

Downgrading deletes suggested and rejected links (before 0005 every link counted) and forgets
merges (the merged claims' ids stop resolving); the full-text index is dropped.
"""

from __future__ import annotations

import sqlalchemy as sa

from alembic import op

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

    _install(op.get_bind())


def downgrade() -> None:
    _uninstall(op.get_bind())
    with op.batch_alter_table('claim_merges', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_merges_speaker_id'))
        batch_op.drop_index(batch_op.f('ix_claim_merges_claim_id'))

    op.drop_table('claim_merges')
    op.execute("DELETE FROM links WHERE status <> 'confirmed'")
    with op.batch_alter_table('links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_links_status'))
        batch_op.drop_constraint(batch_op.f('ck_links_link_status'), type_='check')
        batch_op.drop_column('status')


# ---- the full-text index as of this revision, frozen (never import claimtrack here) ----

_SQLITE_TRIGGERS = (
    "claim_search_claim_insert",
    "claim_search_claim_update",
    "claim_search_claim_delete",
    "claim_search_appearance_insert",
    "claim_search_appearance_update",
    "claim_search_appearance_delete",
)
_QUOTES = "(SELECT group_concat(quote, ' ') FROM appearances WHERE claim_id = {0})"
_SET_QUOTES = f"UPDATE claim_search SET quotes = {_QUOTES} WHERE rowid = {{0}};"
_SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_search USING fts5("
    "text, summary, quotes, tokenize = 'porter unicode61 remove_diacritics 2')",
    # Text and summary weigh twice as much as quotes in BM25.
    "INSERT INTO claim_search(claim_search, rank) VALUES ('rank', 'bm25(1.0, 1.0, 0.5)')",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_search(rowid, text, summary, quotes) "
    f"VALUES (new.id, new.text, new.summary, {_QUOTES.format('new.id')}); END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_update AFTER UPDATE OF text, summary "
    "ON claims BEGIN UPDATE claim_search SET text = new.text, summary = new.summary "
    "WHERE rowid = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_delete AFTER DELETE ON claims BEGIN "
    "DELETE FROM claim_search WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_appearance_insert AFTER INSERT ON appearances "
    f"BEGIN {_SET_QUOTES.format('new.claim_id')} END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_appearance_update AFTER UPDATE OF quote, "
    f"claim_id ON appearances BEGIN {_SET_QUOTES.format('old.claim_id')} "
    f"{_SET_QUOTES.format('new.claim_id')} END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_appearance_delete AFTER DELETE ON appearances "
    f"BEGIN {_SET_QUOTES.format('old.claim_id')} END",
]
_SQLITE_FILL = (
    "INSERT INTO claim_search(rowid, text, summary, quotes) "
    f"SELECT id, text, summary, {_QUOTES.format('claims.id')} FROM claims "
    "WHERE id NOT IN (SELECT rowid FROM claim_search)"
)

_PG_DOCUMENT = (
    "setweight(to_tsvector('english', c.text), 'A') "
    "|| setweight(to_tsvector('english', coalesce(c.summary, '')), 'A') "
    "|| setweight(to_tsvector('english', coalesce((SELECT string_agg(a.quote, ' ') "
    "FROM appearances a WHERE a.claim_id = c.id), '')), 'B')"
)
_POSTGRESQL_DDL = [
    "CREATE TABLE IF NOT EXISTS claim_search (claim_id integer PRIMARY KEY "
    "REFERENCES claims (id) ON DELETE CASCADE, document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_claim_search_document ON claim_search USING gin (document)",
    "CREATE OR REPLACE FUNCTION claim_search_refresh(target integer) RETURNS void "
    "LANGUAGE sql AS $$ INSERT INTO claim_search (claim_id, document) "
    f"SELECT c.id, {_PG_DOCUMENT} FROM claims c WHERE c.id = target "
    "ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document $$",
    "CREATE OR REPLACE FUNCTION claim_search_claim_changed() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN PERFORM claim_search_refresh(NEW.id); RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION claim_search_appearance_changed() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM claim_search_refresh(OLD.claim_id); END IF; "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM claim_search_refresh(NEW.claim_id); END IF; "
    "RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS claim_search_claim_changed ON claims",
    "CREATE TRIGGER claim_search_claim_changed AFTER INSERT OR UPDATE OF text, summary "
    "ON claims FOR EACH ROW EXECUTE FUNCTION claim_search_claim_changed()",
    "DROP TRIGGER IF EXISTS claim_search_appearance_changed ON appearances",
    "CREATE TRIGGER claim_search_appearance_changed AFTER INSERT OR UPDATE OR DELETE "
    "ON appearances FOR EACH ROW EXECUTE FUNCTION claim_search_appearance_changed()",
]
_POSTGRESQL_FILL = (
    f"INSERT INTO claim_search (claim_id, document) SELECT c.id, {_PG_DOCUMENT} FROM claims c "
    "WHERE NOT EXISTS (SELECT 1 FROM claim_search s WHERE s.claim_id = c.id) "
    "ON CONFLICT (claim_id) DO NOTHING"
)
_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS claim_search_appearance_changed ON appearances",
    "DROP TRIGGER IF EXISTS claim_search_claim_changed ON claims",
    "DROP FUNCTION IF EXISTS claim_search_appearance_changed()",
    "DROP FUNCTION IF EXISTS claim_search_claim_changed()",
    "DROP TABLE IF EXISTS claim_search",
    "DROP FUNCTION IF EXISTS claim_search_refresh(integer)",
]



def _install(connection: sa.Connection) -> None:
    """Create the index and its triggers if missing, and index every claim not yet indexed."""
    if connection.dialect.name == "sqlite":
        existed = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'claim_search'"
        ).first() is not None
        for statement in _SQLITE_DDL[:1] + ([] if existed else _SQLITE_DDL[1:2]) + _SQLITE_DDL[2:]:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(_SQLITE_FILL)
        return
    for statement in _POSTGRESQL_DDL:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(_POSTGRESQL_FILL)


def _uninstall(connection: sa.Connection) -> None:
    """Drop the index, its triggers and functions."""
    if connection.dialect.name == "sqlite":
        for trigger in _SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS claim_search")
        return
    for statement in _POSTGRESQL_DROP:
        connection.exec_driver_sql(statement)
