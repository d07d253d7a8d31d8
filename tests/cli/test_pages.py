"""Pages by URL: `source add URL --fetch`, `source archive URL`, `import URL` and `extract URL`
fetch the page from a local site and keep an archived copy that outlives the page."""

from __future__ import annotations

import hashlib
import json

from claimtrack.services import archives, sources
from claimtrack.store.db import make_engine, session_scope
from tests.helpers import Cli, claims, query, snapshot
from tests.helpers.site import ARTICLE, REVIEW, Site


def archived(cli: Cli) -> list[tuple[object, ...]]:
    return query(cli.url, "SELECT s.url, a.status, a.final_url, a.content_type, a.sha256, a.size "
                          "FROM source_archives a JOIN sources s ON s.id = a.source_id "
                          "ORDER BY a.id")


def test_source_add_fetch_keeps_the_page_as_received(cli: Cli, site: Site) -> None:
    url = site.url("/hop/1")
    result = cli.ok("source", "add", url, "--fetch", "--outlet", "Example News")
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    assert archived(cli) == [(url, 200, site.url("/article"), "text/html; charset=utf-8",
                              digest, len(ARTICLE.encode()))]
    assert query(cli.url, "SELECT body FROM archive_bodies")[0][0] == ARTICLE.encode()
    assert f"redirected to {site.url('/article')}" in result.stderr
    shown = cli.ok("source", "show", url)
    assert digest[:16] in shown.stdout and "Archived 1 time; last on" in shown.stderr
    details = json.loads(cli.ok("source", "show", url, "-f", "json").stdout)
    assert details["archives"][0]["sha256"] == digest


def test_the_evidence_survives_the_page_deletion(cli: Cli, site: Site) -> None:
    url = site.url("/article")
    cli.ok("source", "add", url, "--fetch")
    again = cli.ok("source", "archive", url)
    assert "unchanged since" in again.stderr
    assert query(cli.url, "SELECT count(*) FROM archive_bodies") == [(1,)]  # stored once
    assert len(archived(cli)) == 2
    before = snapshot(cli.url)
    gone = cli.fails("source", "archive", site.url("/gone"))
    assert "answered HTTP 404 (Not Found); nothing was archived" in gone.stderr
    assert snapshot(cli.url) == before
    engine = make_engine(cli.url)
    try:
        with session_scope(engine, write=False) as session:
            latest, body = archives.archived_body(session, sources.get_source(session, url))
    finally:
        engine.dispose()
    assert body == ARTICLE.encode() and latest.status == 200


def test_a_failed_fetch_writes_nothing(cli: Cli, site: Site) -> None:
    before = snapshot(cli.url)
    for args, words in [
        (("source", "add", site.url("/hop/9"), "--fetch"), "redirects more than 5 times"),
        (("source", "archive", site.url("/to-ftp")), "only http and https"),
        (("import", site.url("/gone")), "answered HTTP 404"),
        (("extract", site.url("/gone")), "answered HTTP 404"),
    ]:
        assert words in cli.fails(*args).stderr
    assert snapshot(cli.url) == before


def test_import_url_fetches_archives_and_imports_the_page(cli: Cli, site: Site) -> None:
    url = site.url("/review")
    result = cli.ok("import", url)
    assert f"Imported {url}: added" in result.stderr
    (claim,) = claims(cli).values()
    assert claim["speaker"] == "Rich Perry"
    assert [row[:2] for row in archived(cli)] == [(url, 200)]
    assert query(cli.url, "SELECT body FROM archive_bodies")[0][0] == REVIEW.encode()


def test_extract_url_reads_the_article_text_and_records_from_the_page(
    cli: Cli, site: Site
) -> None:
    url = site.url("/article")
    listed = json.loads(cli.ok("extract", url, "-f", "json").stdout)
    speakers = {s["speaker"] for s in listed}
    assert "Sergey Lavrov" in speakers
    assert not any("footer" in s["text"] or "tracking" in s["text"] for s in listed)
    assert len(archived(cli)) == 1  # the copy is kept even when nothing else is recorded
    cli.ok("extract", url, "--apply", "--all")
    lavrov = [c for c in claims(cli).values() if c["speaker"] == "Sergey Lavrov"]
    assert lavrov and query(cli.url, "SELECT url FROM sources") == [(url,)]


def test_archived_bodies_go_through_a_json_backup_and_restore(
    cli: Cli, site: Site, second_database_url: str, tmp_path: object
) -> None:
    cli.ok("source", "add", site.url("/article"), "--fetch")
    dump = f"{tmp_path}/backup.json"
    cli.ok("backup", dump, "--json")
    Cli(second_database_url).ok("restore", dump)
    restored = query(second_database_url, "SELECT sha256, body FROM archive_bodies")
    assert restored == [(hashlib.sha256(ARTICLE.encode()).hexdigest(), ARTICLE.encode())]
