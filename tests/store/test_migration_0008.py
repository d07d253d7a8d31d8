"""Migration 0008: URLs kept as published, matched by url_key; verdict authors."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, text

from claimtrack.core.values import url_key
from claimtrack.store import migrate
from claimtrack.store.db import make_engine
from tests.helpers import Cli

NOW = {"now": dt.datetime(2022, 1, 17)}


def _rows_at_0007(engine: Engine) -> None:
    migrate.upgrade(engine, "0007")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO actors (id, name, name_key, kind, created_at) "
            "VALUES (1, 'Checker', 'checker', 'organization', :now)"), NOW)
        connection.execute(text(
            "INSERT INTO sources (id, url, created_at) VALUES "
            "(1, 'https://example.com/story', :now), (2, 'urn:claimtrack:seed:1', :now)"), NOW)
        connection.execute(text(
            "INSERT INTO claims (id, public_id, text, language, challenge_count, "
            "verdicts_disagree, created_at, updated_at) VALUES "
            "(1, 'c-0000000000aa', 'a claim', 'en', 0, false, :now, :now)"), NOW)
        connection.execute(text(
            "INSERT INTO appearances (claim_id, source_id, quote, created_at) "
            "VALUES (1, 1, 'q', :now)"), NOW)
        connection.execute(text(
            "INSERT INTO verdicts (id, public_id, claim_id, rating, normalized, reviewer_id, "
            "url, created_at) VALUES (1, 'v-0000000000aa', 1, 'False', 'false', 1, "
            "'https://example.org/check', :now), (2, 'v-0000000000ab', 1, 'True', 'true', 1, "
            "NULL, :now)"), NOW)


def test_upgrade_keys_every_url_and_the_cli_matches_other_spellings(
    empty_database_url: str,
) -> None:
    engine = make_engine(empty_database_url)
    _rows_at_0007(engine)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        sources = connection.execute(text("SELECT url, url_key FROM sources ORDER BY id")).all()
        verdicts = connection.execute(text("SELECT url, url_key FROM verdicts ORDER BY id")).all()
        quotes = connection.execute(text("SELECT quote FROM appearances")).scalars().all()
    engine.dispose()
    assert [tuple(s) for s in sources] == [
        ("https://example.com/story", url_key("https://example.com/story")),
        ("urn:claimtrack:seed:1", url_key("urn:claimtrack:seed:1")),
    ]
    assert [tuple(v) for v in verdicts] == [
        ("https://example.org/check", url_key("https://example.org/check")), (None, None)
    ]
    assert quotes == ["q"]
    cli = Cli(empty_database_url)
    shown = cli.ok("source", "show", "https://EXAMPLE.com/story/?utm_source=feed", "-f", "json")
    assert '"url": "https://example.com/story"' in shown.stdout
    cli.fails("source", "add", "https://example.com/story/")  # the same page: refused


def test_downgrade_normalises_urls_again_and_keeps_every_row(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    migrate.upgrade(engine)
    cli = Cli(empty_database_url)
    claim = cli.add("a claim", "--source", "https://Example.com/Story/?utm_source=x#top")
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Checker",
           "--url", "https://example.org/check/")
    migrate.downgrade(engine, "0007")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT url FROM sources")).scalars().all() == [
            "https://example.com/Story"
        ]
        assert connection.execute(text("SELECT url FROM verdicts")).scalars().all() == [
            "https://example.org/check"
        ]
        assert connection.execute(text("SELECT count(*) FROM appearances")).scalar() == 1
    migrate.upgrade(engine)
    engine.dispose()
    assert cli.ok("claim", "show", claim, "-f", "json").stdout.count("example.com/Story") == 1
