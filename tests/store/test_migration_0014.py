"""Migration 0014 on both backends: PostgreSQL's search documents read < and > as punctuation
(words between them are indexed) after the upgrade, and as tags again after the downgrade;
SQLite's FTS5 index, which always read them as punctuation, is left as it is."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import text

from claimtrack.store.db import make_engine
from claimtrack.store.migrate import HEAD_REVISION, downgrade, drift, upgrade
from tests.helpers import Cli, query

COMPARED = "Tariffs rose where wages<rent and spending>savings"


def indexed(url: str, word: str) -> list[str]:
    """The claims whose index entry holds ``word``, read from the index itself."""
    if url.startswith("sqlite"):
        sql = ("SELECT c.public_id FROM claim_search s JOIN claims c ON c.id = s.rowid "
               "WHERE claim_search MATCH :word ORDER BY c.id")
    else:
        sql = ("SELECT c.public_id FROM claim_search s JOIN claims c ON c.id = s.claim_id "
               "WHERE s.document @@ to_tsquery('english', :word) ORDER BY c.id")
    return [row[0] for row in query(url, sql, word=word)]


def test_documents_are_rebuilt_both_ways(empty_database_url: str) -> None:
    url = empty_database_url
    sqlite = url.startswith("sqlite")
    cli = Cli(url)
    tagged = cli.add('Mayor "Jones" <script>alert(1)</script> said')
    quoted = cli.add("A claim about the budget")
    cli.ok("appearance", "add", quoted, "https://example.com/a", "--quote",
           "<!-- leaked --> memo on the <b>budget</b>")
    plain = cli.add("Budget figures, 3 > 2")
    assert indexed(url, "script") == [tagged] and indexed(url, "leak") == [quoted]
    engine = make_engine(url, for_migration=True)
    try:
        downgrade(engine, "0013")
        with engine.begin() as connection:  # written at 0013: indexed by 0013's trigger
            connection.execute(text(
                "INSERT INTO claims (public_id, text, language, challenge_count, "
                "verdicts_disagree, created_at, updated_at) VALUES ('c-000000000abc', :text, "
                "'en', 0, false, :now, :now)"),
                {"text": COMPARED, "now": dt.datetime(2026, 12, 6)})
        # PostgreSQL's documents lost the words in and between tags again; FTS5 kept them.
        assert indexed(url, "script") == ([tagged] if sqlite else [])
        assert indexed(url, "leak") == ([quoted] if sqlite else [])
        assert indexed(url, "spend") == (["c-000000000abc"] if sqlite else [])
        assert indexed(url, "budget") == [quoted, plain]  # the others are as they were
        upgrade(engine)
        assert drift(engine) == []
    finally:
        engine.dispose()
    assert query(url, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    assert indexed(url, "script") == [tagged] and indexed(url, "leak") == [quoted]
    assert indexed(url, "spend") == ["c-000000000abc"]
    assert indexed(url, "budget") == [quoted, plain]
    found = json.loads(cli.ok("search", "-f", "json", "--", "wages<rent and spending>").stdout)
    assert [hit["id"] for hit in found] == ["c-000000000abc"]
    assert query(url, "SELECT text FROM claims WHERE public_id = 'c-000000000abc'") == [
        (COMPARED,)]
    cli.ok("db", "check")
    # New writes go through the replaced trigger function.
    edited = cli.add("Nothing yet")
    cli.ok("claim", "edit", edited, "--text", "Now <u>underlined</u>")
    assert indexed(url, "underlin") == [edited]
