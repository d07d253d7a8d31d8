"""full-text index: appearances reindex their claim only when a quote is involved; bulk writes
index set-based

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

An appearance without a quote changes nothing the index holds, yet 0005's triggers rewrote the
claim's index entry for every appearance written (an import of 50,000 ClaimReviews: 75,000
rewrites for nothing). On PostgreSQL the trigger functions also skip when the transaction has
set ``claimtrack.bulk_index``: a bulk writer then indexes what it wrote set-based, batch by
batch (on SQLite it drops the triggers inside its transaction instead). The statements are
frozen here as they are at this revision.
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_QUOTES = "(SELECT group_concat(quote, ' ') FROM appearances WHERE claim_id = {0})"
_SET = f"UPDATE claim_search SET quotes = {_QUOTES} WHERE rowid = {{0}};"
_SQLITE_0009 = [
    "CREATE TRIGGER claim_search_appearance_insert AFTER INSERT ON appearances "
    f"WHEN new.quote IS NOT NULL BEGIN {_SET.format('new.claim_id')} END",
    "CREATE TRIGGER claim_search_appearance_update AFTER UPDATE OF quote, "
    "claim_id ON appearances WHEN old.quote IS NOT new.quote OR (old.claim_id IS NOT "
    "new.claim_id AND new.quote IS NOT NULL) BEGIN "
    f"{_SET.format('old.claim_id')} {_SET.format('new.claim_id')} END",
    "CREATE TRIGGER claim_search_appearance_delete AFTER DELETE ON appearances "
    f"WHEN old.quote IS NOT NULL BEGIN {_SET.format('old.claim_id')} END",
]
_SQLITE_0005 = [
    "CREATE TRIGGER claim_search_appearance_insert AFTER INSERT ON appearances "
    f"BEGIN {_SET.format('new.claim_id')} END",
    "CREATE TRIGGER claim_search_appearance_update AFTER UPDATE OF quote, "
    f"claim_id ON appearances BEGIN {_SET.format('old.claim_id')} "
    f"{_SET.format('new.claim_id')} END",
    "CREATE TRIGGER claim_search_appearance_delete AFTER DELETE ON appearances "
    f"BEGIN {_SET.format('old.claim_id')} END",
]
_SKIP = "IF current_setting('claimtrack.bulk_index', true) = 'on' THEN RETURN NULL; END IF; "
_PG_0009 = [
    "CREATE OR REPLACE FUNCTION claim_search_claim_changed() RETURNS trigger LANGUAGE plpgsql "
    f"AS $$ BEGIN {_SKIP}PERFORM claim_search_refresh(NEW.id); RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION claim_search_appearance_changed() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN {_SKIP}"
    "IF TG_OP = 'INSERT' AND NEW.quote IS NULL THEN RETURN NULL; END IF; "
    "IF TG_OP = 'DELETE' AND OLD.quote IS NULL THEN RETURN NULL; END IF; "
    "IF TG_OP = 'UPDATE' AND NEW.quote IS NOT DISTINCT FROM OLD.quote AND (NEW.claim_id = "
    "OLD.claim_id OR NEW.quote IS NULL) THEN RETURN NULL; END IF; "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM claim_search_refresh(OLD.claim_id); END IF; "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM claim_search_refresh(NEW.claim_id); END IF; "
    "RETURN NULL; END $$",
]
_PG_0005 = [
    "CREATE OR REPLACE FUNCTION claim_search_claim_changed() RETURNS trigger LANGUAGE plpgsql "
    "AS $$ BEGIN PERFORM claim_search_refresh(NEW.id); RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION claim_search_appearance_changed() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM claim_search_refresh(OLD.claim_id); END IF; "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM claim_search_refresh(NEW.claim_id); END IF; "
    "RETURN NULL; END $$",
]
_APPEARANCE_TRIGGERS = ("claim_search_appearance_insert", "claim_search_appearance_update",
                        "claim_search_appearance_delete")


def _replace(sqlite: list[str], postgresql: list[str]) -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for trigger in _APPEARANCE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        for statement in sqlite:
            connection.exec_driver_sql(statement)
    else:
        for statement in postgresql:
            connection.exec_driver_sql(statement)


def upgrade() -> None:
    _replace(_SQLITE_0009, _PG_0009)


def downgrade() -> None:
    _replace(_SQLITE_0005, _PG_0005)
