"""readable views: disputes, their responses, links and verdicts by public id

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

Views for people browsing the database (Datasette, sqlite3, psql): ``disputes`` (one row per
contested claim: its id, a short label, text, speaker, challenges, verdicts and who challenged
it), ``dispute_responses`` (each link with both claims' public ids and speakers), ``link_list``
and ``verdict_list`` (public ids and names instead of bare integers). The views are not in the
models, and Alembic's comparison reflects tables only, so the drift check is unaffected.

A later migration that makes SQLite rebuild a table these views read (batch mode copies,
drops and renames it) must drop the views first and create them again at its end: SQLite
refuses to rename a table while a view names a missing one.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

LABEL = ("COALESCE(c.summary, CASE WHEN length(c.text) > 80 "
         "THEN substr(c.text, 1, 79) || '…' ELSE c.text END)")


def _views(aggregate: str) -> dict[str, str]:
    return {
        "disputes": f"""
SELECT c.public_id AS claim, {LABEL} AS label, c.text AS text,
       sp.name AS speaker, c.said_on AS said_on, c.challenge_count AS challenges,
       (SELECT {aggregate}(CASE l.relation WHEN 'contradicts' THEN 'contradicted'
                                           WHEN 'denies' THEN 'denied' ELSE 'evaded' END
                           || ' by ' || COALESCE(fa.name, 'unattributed')
                           || ' (' || f.public_id || ')', '; ')
          FROM links l JOIN claims f ON f.id = l.from_claim_id
          LEFT JOIN actors fa ON fa.id = f.speaker_id
         WHERE l.to_claim_id = c.id AND l.status = 'confirmed'
           AND l.relation IN ('contradicts', 'denies', 'evades')) AS challenged_by,
       (SELECT {aggregate}(r.name || ': ' || v.rating || ' (' || v.normalized || ')', '; ')
          FROM verdicts v JOIN actors r ON r.id = v.reviewer_id
         WHERE v.claim_id = c.id) AS verdicts,
       c.status AS status, c.id AS search_key
  FROM claims c LEFT JOIN actors sp ON sp.id = c.speaker_id
 WHERE c.challenge_count > 0 OR c.verdicts_disagree""",
        "dispute_responses": f"""
SELECT l.id AS link, f.public_id AS response, fa.name AS response_speaker,
       l.relation AS relation, t.public_id AS claim, ta.name AS claim_speaker,
       {LABEL.replace('c.', 'f.')} AS response_label,
       {LABEL.replace('c.', 't.')} AS claim_label,
       l.status AS status, l.note AS note
  FROM links l
  JOIN claims f ON f.id = l.from_claim_id LEFT JOIN actors fa ON fa.id = f.speaker_id
  JOIN claims t ON t.id = l.to_claim_id LEFT JOIN actors ta ON ta.id = t.speaker_id""",
        "link_list": """
SELECT l.id AS link, f.public_id AS from_claim, l.relation AS relation,
       t.public_id AS to_claim, l.status AS status, l.note AS note, s.url AS source,
       l.created_at AS created_at
  FROM links l JOIN claims f ON f.id = l.from_claim_id JOIN claims t ON t.id = l.to_claim_id
  LEFT JOIN sources s ON s.id = l.source_id""",
        "verdict_list": f"""
SELECT v.public_id AS verdict, c.public_id AS claim, {LABEL} AS claim_label,
       v.rating AS rating, v.normalized AS normalized, r.name AS reviewer,
       v.reviewed_on AS reviewed_on, v.url AS url, v.status AS status
  FROM verdicts v JOIN claims c ON c.id = v.claim_id JOIN actors r ON r.id = v.reviewer_id""",
    }


def upgrade() -> None:
    aggregate = "group_concat" if op.get_bind().dialect.name == "sqlite" else "string_agg"
    for name, select in _views(aggregate).items():
        op.execute(f"CREATE VIEW {name} AS {select}")


def downgrade() -> None:
    for name in reversed(list(_views("").keys())):
        op.execute(f"DROP VIEW IF EXISTS {name}")
