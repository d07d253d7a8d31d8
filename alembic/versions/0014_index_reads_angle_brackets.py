"""full-text index on PostgreSQL: < and > are punctuation, so words between them are indexed

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

PostgreSQL's default text-search parser reads ``<script>`` or ``<b>`` as an HTML tag and drops
it: "the <b>minister</b> said" was not found by "minister" (SQLite's FTS5 found it). The
documents now read every < and > (and the / of a closing "</") as a space; the claims
themselves are untouched. ``claim_search_refresh`` (called by the triggers) is replaced and
the documents of the claims holding a < are rebuilt (without one, nothing indexed changes).
SQLite: nothing to do. The statements are frozen here as they are at this revision.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _plain(expression: str) -> str:
    return f"translate(replace({expression}, '</', '  '), '<>', '  ')"


_SUMMARY = "coalesce(c.summary, '')"
_QUOTES = (
    "coalesce((SELECT string_agg(a.quote, ' ') FROM appearances a WHERE a.claim_id = c.id), '')"
)
_DOCUMENT_0014 = (
    f"setweight(to_tsvector('english', {_plain('c.text')}), 'A') "
    f"|| setweight(to_tsvector('english', {_plain(_SUMMARY)}), 'A') "
    f"|| setweight(to_tsvector('english', {_plain(_QUOTES)}), 'B')"
)
_DOCUMENT_0005 = (
    "setweight(to_tsvector('english', c.text), 'A') "
    f"|| setweight(to_tsvector('english', {_SUMMARY}), 'A') "
    f"|| setweight(to_tsvector('english', {_QUOTES}), 'B')"
)
_REFRESH = (
    "CREATE OR REPLACE FUNCTION claim_search_refresh(target integer) RETURNS void "
    "LANGUAGE sql AS $$ INSERT INTO claim_search (claim_id, document) "
    "SELECT c.id, {0} FROM claims c WHERE c.id = target "
    "ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document $$"
)
# Only documents of claims with a < anywhere change (a lone > was punctuation already), and on
# PostgreSQL every row written is a new one.
_REBUILD = (
    "UPDATE claim_search SET document = (SELECT {0} FROM claims c "
    "WHERE c.id = claim_search.claim_id) "
    "WHERE claim_id IN (SELECT c.id FROM claims c WHERE strpos(c.text, '<') > 0 "
    "OR strpos(c.summary, '<') > 0 OR EXISTS (SELECT 1 FROM appearances a "
    "WHERE a.claim_id = c.id AND strpos(a.quote, '<') > 0))"
)


def _index_with(document: str) -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        return  # FTS5 always read < and > as punctuation
    connection.exec_driver_sql(_REFRESH.format(document))
    connection.exec_driver_sql(_REBUILD.format(document))


def upgrade() -> None:
    _index_with(_DOCUMENT_0014)


def downgrade() -> None:
    _index_with(_DOCUMENT_0005)
