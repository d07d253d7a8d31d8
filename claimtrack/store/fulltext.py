"""The full-text index over claims: text, summary and the quotes of their appearances.

The one module that knows how each backend searches. SQLite keeps an FTS5 table
``claim_search`` (rowid = claims.id, porter-stemmed, ranked by BM25); PostgreSQL keeps a table
``claim_search`` of ``tsvector`` documents (``english`` configuration) with a GIN index, ranked
by ``ts_rank``. Database triggers keep both in step with every write, ORM or not. The objects
are created by migration 0005 through ``install`` and are not in the models, so
``include_name`` keeps them out of the drift check, and ``problems`` checks them instead.

Both tokenizers take a run of Chinese, Japanese or Thai between punctuation as one word, so a
query term in such a script (search_syntax.Term.is_substring) is matched as a substring of
the texts instead (LIKE on SQLite's indexed copy, ILIKE on PostgreSQL's tables), ANDed with the
index for the other terms. Only queries holding such a term scan the claims; every other query
runs the same single index statement as before.

A later migration that makes SQLite rebuild ``claims`` or ``appearances`` (batch mode copies,
drops and renames the table) drops their triggers: call ``install(connection)`` at its end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Float,
    Select,
    Text,
    bindparam,
    event,
    exists,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    table,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy import column as sql_column
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from claimtrack.core.search_syntax import SearchQuery, any_word_fts5, any_word_websearch
from claimtrack.models import Actor, Appearance, Claim
from claimtrack.store.history.tracking import TrackedSession
from claimtrack.store.snippets import CLOSE, OPEN, passage, readable
from claimtrack.store.sql import chunked

INDEX = "claim_search"
SQLITE_TRIGGERS = (
    "claim_search_claim_insert",
    "claim_search_claim_update",
    "claim_search_claim_delete",
    "claim_search_appearance_insert",
    "claim_search_appearance_update",
    "claim_search_appearance_delete",
)
POSTGRESQL_TRIGGERS = ("claim_search_claim_changed", "claim_search_appearance_changed")

_QUOTES = "(SELECT group_concat(quote, ' ') FROM appearances WHERE claim_id = {0})"
_SET_QUOTES = f"UPDATE claim_search SET quotes = {_QUOTES} WHERE rowid = {{0}};"
# The statements of migration 0009 (0005's, with appearance triggers that fire only when a
# quote is involved: an appearance without a quote changes nothing that is indexed).
_SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS claim_search USING fts5("
    "text, summary, quotes, tokenize = 'porter unicode61 remove_diacritics 2')"
)
# Text and summary weigh twice as much as quotes in BM25.
_SQLITE_RANK = "INSERT INTO claim_search(claim_search, rank) VALUES ('rank', 'bm25(1.0, 1.0, 0.5)')"
_SQLITE_TRIGGER_DDL = [
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claim_search(rowid, text, summary, quotes) "
    f"VALUES (new.id, new.text, new.summary, {_QUOTES.format('new.id')}); END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_update AFTER UPDATE OF text, summary "
    "ON claims BEGIN UPDATE claim_search SET text = new.text, summary = new.summary "
    "WHERE rowid = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_claim_delete AFTER DELETE ON claims BEGIN "
    "DELETE FROM claim_search WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_appearance_insert AFTER INSERT ON appearances "
    f"WHEN new.quote IS NOT NULL BEGIN {_SET_QUOTES.format('new.claim_id')} END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_appearance_update AFTER UPDATE OF quote, "
    "claim_id ON appearances WHEN old.quote IS NOT new.quote OR (old.claim_id IS NOT "
    "new.claim_id AND new.quote IS NOT NULL) BEGIN "
    f"{_SET_QUOTES.format('old.claim_id')} {_SET_QUOTES.format('new.claim_id')} END",
    "CREATE TRIGGER IF NOT EXISTS claim_search_appearance_delete AFTER DELETE ON appearances "
    f"WHEN old.quote IS NOT NULL BEGIN {_SET_QUOTES.format('old.claim_id')} END",
]
_SQLITE_FILL = (
    "INSERT INTO claim_search(rowid, text, summary, quotes) "
    f"SELECT id, text, summary, {_QUOTES.format('claims.id')} FROM claims "
    "WHERE id NOT IN (SELECT rowid FROM claim_search)"
)


def _pg_plain(expression: str) -> str:
    """SQL: ``expression`` with every < and > (and the / of a closing "</") read as a space.

    PostgreSQL's default parser takes ``<script>``, ``<!-- a comment -->`` or even
    ``wages<rent and spending>`` for HTML and drops it, words and all (a script element's
    content too), where FTS5 reads < and > as punctuation. The index (here), the snippets
    (``_HEADLINE``) and the query (search_syntax._websearch_string) all read texts this way;
    claims stay as typed.
    """
    return f"translate(replace({expression}, '</', '  '), '<>', '  ')"


_PG_SUMMARY = "coalesce(c.summary, '')"
_PG_QUOTES = (
    "coalesce((SELECT string_agg(a.quote, ' ') FROM appearances a WHERE a.claim_id = c.id), '')"
)
_PG_DOCUMENT = (
    f"setweight(to_tsvector('english', {_pg_plain('c.text')}), 'A') "
    f"|| setweight(to_tsvector('english', {_pg_plain(_PG_SUMMARY)}), 'A') "
    f"|| setweight(to_tsvector('english', {_pg_plain(_PG_QUOTES)}), 'B')"
)
# A bulk writer sets this for its own transaction only (set_config … true) and indexes what it
# wrote set-based (``refresh``); everybody else's writes go through the triggers as ever.
BULK_SETTING = "claimtrack.bulk_index"
_SKIP_IN_BULK = f"IF current_setting('{BULK_SETTING}', true) = 'on' THEN RETURN NULL; END IF; "
_POSTGRESQL_DDL = [
    "CREATE TABLE IF NOT EXISTS claim_search (claim_id integer PRIMARY KEY "
    "REFERENCES claims (id) ON DELETE CASCADE, document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_claim_search_document ON claim_search USING gin (document)",
    "CREATE OR REPLACE FUNCTION claim_search_refresh(target integer) RETURNS void "
    "LANGUAGE sql AS $$ INSERT INTO claim_search (claim_id, document) "
    f"SELECT c.id, {_PG_DOCUMENT} FROM claims c WHERE c.id = target "
    "ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document $$",
    "CREATE OR REPLACE FUNCTION claim_search_claim_changed() RETURNS trigger LANGUAGE plpgsql "
    f"AS $$ BEGIN {_SKIP_IN_BULK}PERFORM claim_search_refresh(NEW.id); RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION claim_search_appearance_changed() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN {_SKIP_IN_BULK}"
    "IF TG_OP = 'INSERT' AND NEW.quote IS NULL THEN RETURN NULL; END IF; "
    "IF TG_OP = 'DELETE' AND OLD.quote IS NULL THEN RETURN NULL; END IF; "
    "IF TG_OP = 'UPDATE' AND NEW.quote IS NOT DISTINCT FROM OLD.quote AND (NEW.claim_id = "
    "OLD.claim_id OR NEW.quote IS NULL) THEN RETURN NULL; END IF; "
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


def install(connection: Connection) -> None:
    """Create the index and its triggers if missing, and index every claim not yet indexed."""
    if connection.dialect.name == "sqlite":
        existed = _sqlite_has_index(connection)
        connection.exec_driver_sql(_SQLITE_TABLE)
        if not existed:
            connection.exec_driver_sql(_SQLITE_RANK)
        for statement in _SQLITE_TRIGGER_DDL:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(_SQLITE_FILL)
        return
    for statement in _POSTGRESQL_DDL:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(_POSTGRESQL_FILL)


def uninstall(connection: Connection) -> None:
    """Drop the index, its triggers and functions."""
    if connection.dialect.name == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        connection.exec_driver_sql("DROP TABLE IF EXISTS claim_search")
        return
    for statement in _POSTGRESQL_DROP:
        connection.exec_driver_sql(statement)


# ---- bulk writes: the index filled set-based, a batch at a time ---------------------------

_SUSPENDED = "claimtrack.fulltext.suspended"


def suspend(session: Session) -> None:
    """Stop indexing row by row for the rest of this transaction: a bulk writer then calls
    ``refresh`` with the claims it changed, batch by batch, and ``resume`` before commit.

    SQLite: the triggers are dropped inside the transaction (SQLite has one writer at a time,
    and a rollback puts them back). PostgreSQL: a setting local to this transaction makes the
    trigger functions skip; other transactions index as ever.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        if not _sqlite_has_index(connection):
            return
        for trigger in SQLITE_TRIGGERS:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    else:
        connection.execute(select(func.set_config(BULK_SETTING, "on", True)))
    session.info[_SUSPENDED] = True


def is_suspended(session: Session) -> bool:
    return bool(session.info.get(_SUSPENDED))


def refresh(session: Session, claim_ids: Collection[int]) -> None:
    """Index these claims anew (text, summary and quotes), set-based; deleted ones drop out."""
    connection = session.connection()
    for chunk in chunked(sorted(claim_ids)):
        if connection.dialect.name == "sqlite":
            marks = ", ".join("?" * len(chunk))
            connection.exec_driver_sql(
                f"DELETE FROM claim_search WHERE rowid IN ({marks})", tuple(chunk)
            )
            connection.exec_driver_sql(
                "INSERT INTO claim_search(rowid, text, summary, quotes) SELECT id, text, "
                f"summary, {_QUOTES.format('claims.id')} FROM claims WHERE id IN ({marks})",
                tuple(chunk),
            )
        else:
            connection.execute(
                sql_text(
                    f"INSERT INTO claim_search (claim_id, document) SELECT c.id, {_PG_DOCUMENT} "
                    "FROM claims c WHERE c.id = ANY(:ids) "
                    "ON CONFLICT (claim_id) DO UPDATE SET document = EXCLUDED.document"
                ),
                {"ids": chunk},
            )


def resume(session: Session) -> None:
    """Index row by row again (the triggers back on SQLite, the setting off on PostgreSQL)."""
    if not session.info.pop(_SUSPENDED, False):
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        for statement in _SQLITE_TRIGGER_DDL:
            connection.exec_driver_sql(statement)
    else:
        connection.execute(select(func.set_config(BULK_SETTING, "off", True)))


@event.listens_for(TrackedSession, "before_commit")
def _never_commit_suspended(session: Session) -> None:
    """A bulk writer that did not ``resume`` (a bug): put the triggers back and index the
    claims still missing, rather than commit an index that no longer keeps itself up."""
    if is_suspended(session):
        resume(session)
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(_SQLITE_FILL)


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic hook: leave the index's tables (FTS5 shadow tables included) out of comparisons."""
    if type_ == "table" and name is not None:
        return not (name == INDEX or name.startswith(INDEX + "_"))
    return True


def problems(connection: Connection) -> list[str]:
    """What is missing from the full-text index (empty when it is whole)."""
    expected: tuple[str, ...]
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name = 'claim_search' OR type = 'trigger'"
        )
        expected = (INDEX, *SQLITE_TRIGGERS)
    else:
        rows = connection.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid IN "
            "(to_regclass('claims'), to_regclass('appearances')) "
            "UNION ALL SELECT 'claim_search' WHERE to_regclass('claim_search') IS NOT NULL"
        )
        expected = (INDEX, *POSTGRESQL_TRIGGERS)
    present = {row[0] for row in rows}
    return [
        f"full-text search object {name} is missing (run `claimtrack init` to restore it)"
        for name in expected
        if name not in present
    ]


def _sqlite_has_index(connection: Connection) -> bool:
    found = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'claim_search'"
    ).first()
    return found is not None


# ---- queries ------------------------------------------------------------------------------

_fts = table(INDEX, sql_column("rowid"), sql_column("text"))
_documents = table(INDEX, sql_column("claim_id"), sql_column("document"))
# Substring hits: text and summary weigh twice as much as quotes, as in BM25 (see _SQLITE_RANK).
_QUOTE_WEIGHT = 0.5


@dataclass(frozen=True)
class Expression:
    """A parsed query written out for one backend.

    ``indexed`` is the FTS5 MATCH expression (SQLite) or ``websearch_to_tsquery`` input
    (PostgreSQL) for the terms the index can match, None when no term to look for is one of
    them; ``banned`` then holds the indexed exclusions, if any, as an any-of expression.
    ``required`` and ``forbidden`` are LIKE patterns for the terms in scripts written without
    spaces (search_syntax.Term.is_substring), and ``marked`` the pieces to highlight.
    """

    indexed: str | None
    banned: str | None = None
    required: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    marked: tuple[str, ...] = ()

    @property
    def is_indexed_only(self) -> bool:
        """Whether the index answers the whole query (every term in a spaced script)."""
        return not (self.required or self.forbidden)


def expression(session: Session, query: SearchQuery) -> Expression:
    """The parsed query in this backend's syntax."""
    sqlite = _is_sqlite(session)
    substrings = query.substrings
    if not substrings:
        return Expression(query.to_fts5() if sqlite else query.to_websearch())
    indexed = query.indexed
    banned_words = [term.text for term in indexed.excluded]
    # Every piece of a term in the order typed; what the user put between them may be anything
    # (the pieces hold letters, marks and digits only, never a LIKE wildcard).
    patterns = {term: "%" + "%".join(term.pieces) + "%" for term in substrings}
    return Expression(
        indexed=(indexed.to_fts5() if sqlite else indexed.to_websearch())
        if indexed.included else None,
        banned=(any_word_fts5(banned_words) if sqlite else any_word_websearch(banned_words))
        if banned_words and not indexed.included else None,
        required=tuple(patterns[term] for term in substrings if not term.is_excluded),
        forbidden=tuple(patterns[term] for term in substrings if term.is_excluded),
        marked=tuple(piece for term in substrings if not term.is_excluded
                     for piece in term.pieces),
    )


def ranked_query(session: Session, expression: Expression) -> tuple[Select[Any], Any]:
    """``SELECT claims.id, relevance`` for claims matching ``expression``, and the relevance.

    Relevance is positive, higher is better: BM25 (SQLite) or ts_rank (PostgreSQL) when the
    index takes part; for a query of substring terms only, the share of the claim's text,
    summary and (at half weight) quotes that the terms cover.
    """
    sqlite = _is_sqlite(session)
    relevance: Any
    if expression.indexed is not None and sqlite:
        relevance = -literal_column(f"{INDEX}.rank")
        query = (
            select(Claim.id).select_from(_fts).join(Claim, Claim.id == _fts.c.rowid)
            .where(sql_text(f"{INDEX} MATCH :expression").bindparams(expression=expression.indexed))
        )
    elif expression.indexed is not None:
        tsquery = _tsquery(bindparam("expression", expression.indexed, type_=Text))
        relevance = func.ts_rank(_documents.c.document, tsquery, 1)  # 1: longer texts weigh less
        query = (
            select(Claim.id).select_from(_documents)
            .join(Claim, Claim.id == _documents.c.claim_id)
            .where(_documents.c.document.op("@@")(tsquery))
        )
    else:
        # A scan of claims (not of the FTS5 table: twice as slow to read row by row).
        relevance = _coverage(
            [Claim.text, func.coalesce(Claim.summary, ""), func.coalesce(_quotes(sqlite), "")],
            expression.marked,
        )
        query = select(Claim.id).select_from(Claim)
        if expression.banned is not None and sqlite:
            query = query.where(Claim.id.not_in(
                sql_text(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH :banned")
                .bindparams(banned=expression.banned).columns(sql_column("rowid"))
            ))
        elif expression.banned is not None:
            banned = _tsquery(bindparam("banned", expression.banned, type_=Text))
            query = query.where(~exists().where(
                _documents.c.claim_id == Claim.id, _documents.c.document.op("@@")(banned)
            ))
    query = query.where(
        *(_contains(pattern, sqlite) for pattern in expression.required),
        *(not_(_contains(pattern, sqlite)) for pattern in expression.forbidden),
    )
    return query.add_columns(relevance.label("relevance")), relevance


def _tsquery(expression: Any) -> Any:
    return func.websearch_to_tsquery(literal_column("'english'::regconfig"), expression)


def _quotes(sqlite: bool) -> Any:
    """A claim's quotes in one text, as the index holds them."""
    joined = (func.group_concat(Appearance.quote, literal(" ")) if sqlite
              else func.string_agg(Appearance.quote, literal(" ")))
    return select(joined).where(Appearance.claim_id == Claim.id).scalar_subquery()


def _contains(pattern: str, sqlite: bool) -> Any:
    """The claim's text, summary or one of its quotes is LIKE ``pattern``: ignoring case, for
    ASCII letters on SQLite (its LIKE), for every letter on PostgreSQL (ILIKE)."""
    # Han, kana and Thai have no case: plain LIKE then, four times faster than ILIKE on PG.
    caseless = sqlite or pattern.lower() == pattern == pattern.upper()

    def like(column: Any) -> Any:
        return column.like(pattern) if caseless else column.ilike(pattern)

    return or_(
        like(Claim.text),
        like(func.coalesce(Claim.summary, "")),
        Claim.id.in_(select(Appearance.claim_id).where(like(Appearance.quote))),
    )


def _coverage(columns: list[Any], pieces: Sequence[str]) -> Any:
    """The share of the columns' characters the pieces cover (quotes, the last, at half
    weight), in the backend's own case folding (SQLite's lower() folds ASCII only, as its LIKE
    does)."""
    weights = [1.0] * (len(columns) - 1) + [_QUOTE_WEIGHT]
    covered: Any = literal(0.0)
    length: Any = literal(1.0)
    for column, weight in zip(columns, weights, strict=True):
        folded = func.lower(column)
        length = length + weight * func.length(folded)
        for piece in pieces:
            covered = covered + weight * (
                func.length(folded) - func.length(func.replace(folded, func.lower(piece), ""))
            )
    return sql_cast(covered / length, Float)


class Hit(NamedTuple):
    """A search hit as read from the index: relevance is positive, higher is better; the
    snippet's matches are between snippets.OPEN and snippets.CLOSE."""

    claim_id: int
    relevance: float
    snippet: str
    public_id: str
    text: str
    speaker: str | None
    said_on: dt.date | None


_SNIPPET = f"snippet({INDEX}, -1, '{OPEN}', '{CLOSE}', '…', 24)"
# ts_headline reads the texts as the index does (``_pg_plain``), but must give back < > and /
# as typed: they stand in as ASCII information separators (blank to the parser in every locale,
# never in published prose) and are turned back after. A claim holding one of those control
# characters would show it as < > or / in its snippet, nowhere else.
_PG_HEADLINE_TEXT = (
    "translate(replace(concat_ws(' … ', c.text, c.summary, (SELECT string_agg(a.quote, ' ') "
    "FROM appearances a WHERE a.claim_id = c.id)), '</', chr(28) || chr(30)), '<>', "
    "chr(28) || chr(29))"
)
_HEADLINE = (
    f"translate(ts_headline('english', {_PG_HEADLINE_TEXT}, websearch_to_tsquery('english', "
    f":expression), 'StartSel=\"{OPEN}\", StopSel=\"{CLOSE}\", MaxWords=24, "
    "MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"'), chr(28) || chr(29) || chr(30), "
    "'<>/')"
)
_SQLITE_HITS = (
    f"SELECT {INDEX}.rowid, -{INDEX}.rank, {_SNIPPET}, c.public_id, c.text, s.name, c.said_on "
    f"FROM {INDEX} JOIN claims c ON c.id = {INDEX}.rowid "
    "LEFT JOIN actors s ON s.id = c.speaker_id "
    f"WHERE {INDEX} MATCH :expression ORDER BY {INDEX}.rank LIMIT :limit"
)
_POSTGRESQL_HITS = (
    f"SELECT c.id, h.relevance, {_HEADLINE}, c.public_id, c.text, s.name, c.said_on FROM ("
    "SELECT claim_id, ts_rank(document, websearch_to_tsquery('english', :expression), 1) AS "
    f"relevance FROM {INDEX} WHERE document @@ websearch_to_tsquery('english', :expression) "
    "ORDER BY relevance DESC, claim_id LIMIT :limit) h JOIN claims c ON c.id = h.claim_id "
    "LEFT JOIN actors s ON s.id = c.speaker_id ORDER BY h.relevance DESC, c.id"
)


def best_hits(session: Session, expression: Expression, limit: int) -> list[Hit]:
    """The ``limit`` most relevant claims with their snippets, best first.

    A query the index answers alone is one statement: on SQLite FTS5 returns the rows already
    ranked, so the snippet and the join run for the ``limit`` rows returned only. A query with
    substring terms ranks first and makes the ``limit`` snippets after.
    """
    if not expression.is_indexed_only:
        query, relevance = ranked_query(session, expression)
        ranked = session.execute(
            query.add_columns(Claim.public_id, Claim.text, Actor.name, Claim.said_on)
            .outerjoin(Actor, Actor.id == Claim.speaker_id)
            .order_by(relevance.desc(), Claim.id).limit(limit)
        ).all()
        found = snippets(session, expression, [row[0] for row in ranked])
        return [Hit(row[0], float(row[1]), found.get(row[0], ""), *row[2:]) for row in ranked]
    statement = _SQLITE_HITS if _is_sqlite(session) else _POSTGRESQL_HITS
    rows = session.execute(
        sql_text(statement), {"expression": expression.indexed, "limit": limit}
    )
    return [Hit._make([row[0], row[1], readable(row[2]), *row[3:6], _day(row[6])])
            for row in rows]


def _day(value: dt.date | str | None) -> dt.date | None:
    """A raw statement's date: SQLite gives it as the text it stores."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def candidates(session: Session, expression: str, limit: int) -> list[tuple[int, str, float]]:
    """Claims holding any of the words of ``any_word_expression``: (row id, text, relevance),
    best first."""
    if _is_sqlite(session):
        rows = session.execute(
            sql_text(f"SELECT rowid, text, -rank FROM {INDEX} WHERE {INDEX} MATCH :expression "
                     "ORDER BY rank LIMIT :limit"),
            {"expression": expression, "limit": limit},
        )
        return [(row[0], row[1], row[2]) for row in rows]
    query, relevance = ranked_query(session, Expression(expression))
    rows = session.execute(
        query.add_columns(Claim.text).order_by(relevance.desc(), Claim.id).limit(limit)
    )
    return [(row[0], row[2], row[1]) for row in rows]


def snippets(
    session: Session, expression: Expression, claim_ids: Sequence[int]
) -> dict[int, str]:
    """For each claim, a short passage around what matched, matches between snippets.OPEN and
    snippets.CLOSE (rendered per output: see claimtrack.store.snippets)."""
    if not claim_ids:
        return {}
    ids: Any = bindparam("ids", list(claim_ids), expanding=True)
    sqlite = _is_sqlite(session)
    if expression.indexed is not None:
        if sqlite:
            statement = sql_text(
                f"SELECT rowid, {_SNIPPET} FROM {INDEX} WHERE {INDEX} MATCH :expression "
                "AND rowid IN :ids"
            ).bindparams(ids)
        else:
            statement = sql_text(
                f"SELECT c.id, {_HEADLINE} FROM claims c WHERE c.id IN :ids"
            ).bindparams(ids)
        rows = session.execute(statement, {"expression": expression.indexed})
        return {claim_id: readable(snippet, expression.marked) for claim_id, snippet in rows}
    texts = select(Claim.id, Claim.text, Claim.summary, _quotes(sqlite)).where(
        Claim.id.in_(list(claim_ids))
    )
    return {row[0]: passage(row[1:], expression.marked) for row in session.execute(texts)}


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def any_word_expression(session: Session, words: list[str]) -> str:
    """A query for texts holding any of ``words``, in this backend's syntax."""
    return any_word_fts5(words) if _is_sqlite(session) else any_word_websearch(words)


def claims_upper_bound(session: Session) -> int:
    """The highest claim row id: about the number of claims, read from the index in O(log n)."""
    return session.scalar(select(func.max(Claim.id))) or 0
