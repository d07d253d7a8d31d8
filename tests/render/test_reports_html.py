"""report contested / show as HTML (and the other formats), through the real CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from claimtrack.render.wording import UNATTRIBUTED
from tests.helpers import Cli
from tests.helpers.reports import (
    HOSTILE_TEXTS,
    HOSTILE_URN,
    add_hostile_dispute,
    contested_json,
    injected_markup,
    parse_html,
)

GROUP_HEADINGS = {"denies": "Denied by", "contradicts": "Contradicted by",
                  "evades": "Evaded by", "supports": "Supported by"}


def test_html_report_shows_every_seed_dispute_with_both_sides(seeded: Cli, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = seeded.ok("report", "contested", "--format", "html", "-o", str(page))
    assert result.stdout == ""
    assert f"Wrote the contested report (4 disputes) to {page}" in result.stderr
    root = parse_html(page.read_text(encoding="utf-8"))
    articles = {a.attrs["id"]: a for a in root.find_all("article", "dispute")}
    expected = contested_json(seeded)
    assert list(articles) == [d["claim"]["id"] for d in expected]
    for dispute in expected:
        card = articles[dispute["claim"]["id"]]
        text = card.all_text()
        assert dispute["claim"]["text"] in text
        assert dispute["claim"]["speaker"] in text
        assert dispute["responses"], "a seed dispute without a response"
        for response in dispute["responses"]:
            assert response["claim"]["text"] in text
            assert (response["claim"]["speaker"] or UNATTRIBUTED) in text
            section = card.find_all("section", f"side-{response['relation']}")
            assert len(section) == 1
            assert response["claim"]["text"] in section[0].all_text()
            heading = GROUP_HEADINGS.get(response["relation"])
            if heading:
                assert heading in section[0].find_all("h3")[0].all_text()
    assert injected_markup(root) == []


def test_html_report_is_one_offline_page(seeded: Cli) -> None:
    markup = seeded.ok("report", "contested", "-f", "html").stdout
    root = parse_html(markup)
    assert root.find_all("html")[0].attrs["lang"] == "en"
    metas = {m.attrs.get("name") or m.attrs.get("http-equiv"): m.attrs.get("content", "")
             for m in root.find_all("meta")}
    assert "width=device-width" in metas["viewport"]
    assert "default-src 'none'" in metas["Content-Security-Policy"]
    assert not root.find_all("link") and not root.find_all("script") and not root.find_all("img")
    css = root.find_all("style")[0].all_text()
    assert "@media print" in css and "@media (max-width" in css
    assert "url(" not in css and "@import" not in css
    headings = [h.tag for h in root.iter() if h.tag in ("h1", "h2", "h3", "h4")]
    assert headings[0] == "h1" and headings.count("h1") == 1
    assert headings.count("h2") == 5  # contents + four disputes


def test_html_report_says_which_filters_and_when(seeded: Cli) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    markup = seeded.ok("report", "contested", "-f", "html", "--tag", "false-flag",
                       "--speaker", "the white house").stdout
    root = parse_html(markup)
    assert len(root.find_all("article", "dispute")) == 1
    filters = root.find_all("p", "filters")[0].all_text()
    assert "tag: false-flag" in filters and "speaker: the white house" in filters
    stamp = dt.datetime.fromisoformat(root.find_all("header")[0].find_all("time")[0]
                                      .attrs["datetime"])
    assert before <= stamp <= dt.datetime.now(dt.UTC)
    everything = parse_html(seeded.ok("report", "contested", "-f", "html").stdout)
    assert "none" in everything.find_all("p", "filters")[0].all_text()


def test_hostile_text_shows_as_text(cli: Cli) -> None:
    claim, _ = add_hostile_dispute(cli)
    for args in (["report", "contested"], ["show", claim]):
        root = parse_html(cli.ok(*args, "--format", "html").stdout)
        assert injected_markup(root) == []
        text = root.all_text()
        for hostile in HOSTILE_TEXTS:
            assert hostile in text, hostile
        assert HOSTILE_URN in text
        hrefs = [a.attrs["href"] for a in root.find_all("a")]
        stored_url = json.loads(cli.ok("claim", "show", claim, "-f", "json").stdout)[
            "sources"][0]["url"]
        assert stored_url.startswith("https://example.com/a\"><img")
        assert stored_url in hrefs and "https://example.org/check" in hrefs
        assert not any(href.startswith("urn:") for href in hrefs)


def test_only_web_addresses_become_links(seeded: Cli) -> None:
    root = parse_html(seeded.ok("show", "c-seed00000001", "-f", "html").stdout)
    assert [a for a in root.find_all("a") if not a.attrs["href"].startswith("#")] == []
    references = [s.all_text() for s in root.find_all("span", "reference")]
    assert "urn:claimtrack:seed:000_9268d6ca20cf8fd5" in references


def test_show_as_a_page_and_as_markdown(seeded: Cli) -> None:
    root = parse_html(seeded.ok("show", "c-seed00000003", "--format", "html").stdout)
    (card,) = root.find_all("article", "dispute")
    headings = [h.all_text() for h in card.find_all("h3")]
    assert headings == ["Denied by (1)", "Supported by (1)"]
    assert "Russia has no plans to attack its neighbor." in card.all_text()
    markdown = seeded.ok("show", "c-seed00000003", "--format", "markdown").stdout
    # The headline is the claim's own words (shortened), not its summary's paraphrase.
    assert markdown.startswith("# Government of Ukraine: Russia could launch an attack from ")
    assert "| denied by" in markdown and "| supported by" in markdown


def test_every_other_format_still_works(seeded: Cli) -> None:
    assert len(json.loads(seeded.ok("report", "contested", "-f", "json").stdout)) == 4
    csv_lines = seeded.ok("report", "contested", "-f", "csv").stdout.strip().splitlines()
    assert csv_lines[0].startswith("dispute,side,relation,id")
    # header, four claims, six responses (one supporter), one claim a disputed claim answers
    assert len(csv_lines) == 1 + 4 + 6 + 1
    assert "Contested claims: 4 disputes" in seeded.ok("report", "contested").stdout
    assert seeded.ok("report", "contested", "-f", "markdown").stdout.startswith("# Contested")
    shown = json.loads(seeded.ok("show", "c-seed00000007", "-f", "json").stdout)
    assert [r["relation"] for r in shown["responses"]] == ["contradicts", "evades"]
    assert "denied by" in seeded.ok("show", "c-seed00000001").stdout


def test_html_is_refused_where_rows_are_listed(cli: Cli) -> None:
    result = cli.fails("claim", "list", "--format", "html", code=2)
    assert "html" in result.output and "table" in result.output
    cli.fails("report", "contested", "--format", "pdf", code=2)
    cli.fails("graph", "--format", "html", code=2)


def test_empty_report_page_says_so(cli: Cli) -> None:
    root = parse_html(cli.ok("report", "contested", "-f", "html").stdout)
    assert not root.find_all("article")
    assert "Nothing is contested" in root.find_all("p", "empty")[0].all_text()


def test_unwritable_output_fails_cleanly(seeded: Cli, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.html"
    result = seeded.fails("report", "contested", "-f", "html", "-o", str(target))
    assert "Cannot write" in result.stderr and "-o" in result.stderr
    assert not target.parent.exists()
    out = tmp_path / "out"
    out.mkdir()
    page = out / "report.html"
    page.write_text("old", encoding="utf-8")
    seeded.ok("report", "contested", "-f", "html", "-o", str(page))
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in out.iterdir()] == ["report.html"]  # no partial file left


def test_link_source_is_shown_once(cli: Cli) -> None:
    claim = cli.add("The claim", "--source", "https://news.example/one")
    denial = cli.add("The denial", "--source", "https://news.example/one")
    other = cli.add("Another denial", "--source", "https://news.example/two")
    cli.ok("link", "add", denial, "denies", claim, "--source", "https://news.example/one")
    cli.ok("link", "add", other, "denies", claim, "--source", "https://wire.example/report")
    root = parse_html(cli.ok("show", claim, "-f", "html").stdout)
    via = [p.all_text() for p in root.find_all("p", "via")]
    assert via == ["Link source: https://wire.example/report"]
    assert "https://wire.example/report" in [a.attrs["href"] for a in root.find_all("a")]


def test_the_editors_page_headlines_ids_and_answers(seeded: Cli) -> None:
    root = parse_html(seeded.ok("report", "contested", "--format", "html").stdout)
    cards = {card.attrs["id"]: card for card in root.find_all("article", "dispute")}
    title = cards["c-seed00000003"].find_all("h2")[0].all_text()
    # The claim's own words (shortened), not its summary "Russia could attack Ukraine…".
    assert "Russia could launch an attack from various" in title
    ids = [c.all_text() for c in root.find_all("code", "id")]
    assert "c-seed00000003" in ids  # small and muted (class "id")
    # c-seed00000005 responds to c-seed00000004, shown in c-seed00000003's card: a link there.
    answers = cards["c-seed00000005"].find_all("ul", "answers")[0]
    assert [a.attrs["href"] for a in answers.find_all("a")] == ["#c-seed00000003"]  # its card
    contents = root.find_all("details")
    assert len(contents) == 1 and "open" in contents[0].attrs  # 4 disputes: unfolded


def test_a_long_contents_list_folds(cli: Cli) -> None:
    for number in range(13):
        claim = cli.add(f"Claim {number}")
        cli.ok("link", "add", cli.add(f"Denial {number}"), "denies", claim)
    root = parse_html(cli.ok("report", "contested", "--format", "html").stdout)
    (contents,) = root.find_all("details")
    assert "open" not in contents.attrs
    assert "13 disputes" in contents.find_all("summary")[0].all_text()


def test_group_by_speaker_and_tag_in_every_format(seeded: Cli) -> None:
    table = seeded.ok("report", "contested", "--group-by", "speaker").stdout
    assert "Speaker: White House (1 dispute)" in table
    markdown = seeded.ok("report", "contested", "--group-by", "speaker", "-f", "markdown").stdout
    assert "## Speaker: Sergei Ryabkov (1 dispute)" in markdown and "### 1. Sergei" in markdown
    grouped = json.loads(seeded.ok("report", "contested", "--group-by", "tag", "-f", "json").stdout)
    assert all(set(group) == {"tag", "disputes"} for group in grouped)
    assert sum(len(g["disputes"]) for g in grouped) >= 4
    csv_text = seeded.ok("report", "contested", "--group-by", "speaker", "-f", "csv").stdout
    assert csv_text.splitlines()[0].startswith("group,dispute,side")
    root = parse_html(seeded.ok("report", "contested", "--group-by", "speaker", "-f",
                                "html").stdout)
    titles = [h.all_text() for h in root.find_all("h2", "group-title")]
    assert len(titles) == 4 and titles[0].startswith("Speaker: ")
    assert injected_markup(root) == []
    wrong = seeded.fails("report", "contested", "--group-by", "speker", code=2)
    assert "Did you mean 'speaker'?" in wrong.stderr
