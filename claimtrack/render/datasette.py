"""Metadata for browsing a claimtrack SQLite file in Datasette: titles and descriptions, the
readable views first, facets, the full-text search box wired to ``claim_search`` (FTS5, rowid =
claims.id), labels for foreign keys, and canned queries (contested claims, a speaker's record).

``datasette serve claims.db --metadata metadata.json`` (the views come from migration 0011).
"""

from __future__ import annotations

from typing import Any

from claimtrack.core.enums import CHALLENGES
from claimtrack.render.wording import UNATTRIBUTED

LABEL = ("COALESCE(c.summary, CASE WHEN length(c.text) > 80 "
         "THEN substr(c.text, 1, 79) || '…' ELSE c.text END)")

CONTESTED = """\
select claim, label, speaker, said_on, challenges, challenged_by, verdicts, status
from disputes
order by challenges desc, said_on desc"""

# As `claimtrack actor record` has it: a claim is challenged by the confirmed links that
# contradict, deny or evade it; support, an answer (responds_to) or a duplicate (same_as) is not.
_CHALLENGE_RELATIONS = ", ".join(f"'{relation.value}'" for relation in sorted(CHALLENGES))
SPEAKER_RECORD = f"""\
select c.public_id as claim, {LABEL} as label, c.said_on, c.challenge_count as challenges,
  (select group_concat(coalesce(response_speaker, '{UNATTRIBUTED}') || ' (' || relation || ', '
                       || response || ')', '; ')
     from dispute_responses r where r.claim = c.public_id and r.status = 'confirmed'
       and r.relation in ({_CHALLENGE_RELATIONS}))
     as challenged_by,
  (select group_concat(reviewer || ': ' || rating || ' (' || normalized || ')', '; ')
     from verdict_list v where v.claim = c.public_id) as verdicts
from claims c join actors a on a.id = c.speaker_id
where lower(a.name) = lower(:speaker)
   or a.id in (select actor_id from actor_aliases where lower(alias) = lower(:speaker))
order by c.said_on desc"""

HIDDEN = ("alembic_version", "archive_bodies", "claim_search", "claim_search_config",
          "claim_search_content", "claim_search_data", "claim_search_docsize",
          "claim_search_idx")


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the database Datasette calls ``database`` (the file's stem)."""
    tables: dict[str, Any] = {
        "disputes": {
            "title": "Disputes",
            "description": "Every contested claim: who said it, who contradicted, denied or "
                           "evaded it, and the fact-checkers' verdicts. Most challenged first.",
            "sort_desc": "challenges",
            "facets": ["speaker", "status"],
            "fts_table": "claim_search", "fts_pk": "search_key",
        },
        "dispute_responses": {
            "title": "Responses",
            "description": "Each link between two claims, read RESPONSE RELATION CLAIM "
                           "(\"Lavrov denies White House\"), with both speakers.",
            "facets": ["relation", "response_speaker", "status"],
        },
        "link_list": {"title": "Links", "facets": ["relation", "status"]},
        "verdict_list": {"title": "Verdicts", "facets": ["normalized", "reviewer", "status"]},
        "claims": {
            "description": "Every claim, verbatim. Search it with the box above.",
            "label_column": "text",
            "fts_table": "claim_search", "fts_pk": "id",
            "facets": ["status", "language"],
        },
        "actors": {"label_column": "name", "facets": ["kind"]},
        "sources": {"label_column": "url", "facets": ["outlet"]},
        "source_archives": {
            "title": "Archived pages",
            "description": "Each fetch of a source's page: when, the final URL, the HTTP status "
                           "and the SHA-256 of the body as received.",
            "facets": ["status", "content_type"],
        },
        **{name: {"hidden": True} for name in HIDDEN},
    }
    return {
        "title": "claimtrack",
        "description": "Claims, the counter-claims and denials made against them, who said "
                       "each, and the verdicts fact-checkers reached.",
        "databases": {
            database: {
                "tables": tables,
                "queries": {
                    "contested": {"title": "Contested claims, most challenged first",
                                  "sql": CONTESTED},
                    "speaker_record": {
                        "title": "A speaker's record",
                        "description": "Every claim a speaker made (name or alias), who "
                                       "contradicted, denied or evaded it, and the verdicts.",
                        "sql": SPEAKER_RECORD,
                    },
                },
            }
        },
    }
