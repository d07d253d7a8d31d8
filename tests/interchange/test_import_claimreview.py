"""ClaimReview JSON-LD in every shape publishers emit, imported through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import CLAIMREVIEW, Cli, claims, query, snapshot, summary, verdicts

SCHEMAORG = CLAIMREVIEW / "schemaorg"


def test_schemaorg_example_with_creative_work_and_nameless_author(cli: Cli) -> None:
    result = cli.ok("import", str(SCHEMAORG / "eg-0324.jsonld"))
    assert "added" in summary(result) and "rejected 0" in summary(result)
    (verdict,) = verdicts(cli).values()
    # The label wins over the (inconsistent) ratingValue 1 of 6; it is kept verbatim.
    assert (verdict["rating"], verdict["normalized"]) == ("True", "true")
    assert verdict["by"] == "politifact.com"  # no name: the author's web host
    assert verdict["date"] == "2014-07-23"
    (claim,) = claims(cli).values()
    assert claim["text"].startswith("More than 3,000 homicides")
    assert (claim["speaker"], claim["date"]) == ("Rich Perry", "2014-07-17")


def test_review_without_rating_is_kept_as_not_rated(cli: Cli) -> None:
    cli.ok("import", str(SCHEMAORG / "eg-0325.jsonld"))
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["normalized"], verdict["by"]) == (
        "not rated",
        "unverifiable",
        "danbri.org",
    )
    assert verdict["explanation"] == "This claim is true. The UK also played a role."
    (claim,) = claims(cli).values()
    # The reviewed Clip is part of a video: that video is where the claim appeared.
    assert [s["url"] for s in claim["sources"]] == ["https://www.youtube.com/watch?v=B_889oBKkNU"]
    assert (
        claim["sources"][0]["title"] == "Clip from President Obama Speech to Muslim World in Cairo"
    )


def test_array_variants(cli: Cli) -> None:
    result = cli.fails("import", str(CLAIMREVIEW / "variants.json"), code=3)
    assert "rejected 1" in summary(result)
    assert "item 6: The review has no claimReviewed text" in result.stderr
    found = verdicts(cli)
    bridge = found["https://factdesk.example.org/checks/bridge-cost"]
    assert (bridge["rating"], bridge["normalized"], bridge["by"]) == (
        "Mostly False",
        "mostly-false",
        "Example Fact Desk",
    )  # author as a plain string
    assert bridge["date"] == "2021-03-04"  # the date part of a date-time
    spanish = found["https://verificador.example.org/2021/vacunas"]
    assert (spanish["rating"], spanish["normalized"]) == ("Engañoso", "mostly-false")  # name only
    worst = found["https://scale.example.org/claims/1"]
    assert (worst["rating"], worst["normalized"]) == ("-1 on a scale of -1 to 1", "false")
    unknown = found["https://scale.example.org/claims/2"]
    assert (unknown["rating"], unknown["normalized"]) == ("Needs a closer look", "mostly-true")
    reversed_scale = found["https://verificador.example.org/2021/agua"]
    assert (reversed_scale["rating"], reversed_scale["normalized"]) == ("Falso", "false")
    texts = claims(cli)
    bridge_claim = texts["The new bridge cost twice as much as the old one."]
    assert (bridge_claim["speaker"], bridge_claim["date"], bridge_claim["language"]) == (
        "Jane Roe",
        "2021-02-27",
        "en",
    )
    assert sorted(s["url"] for s in bridge_claim["sources"]) == [
        "https://news.example.com/2021/02/27/bridge",  # firstAppearance as an object
        "https://news.example.com/2021/02/28/bridge-follow-up",  # appearance list: object
        # appearance list: a string, kept as published (the tracking parameter only stops
        # mattering when pages are matched)
        "https://video.example.net/watch?v=bridge&utm_source=feed",
    ]
    first = next(s for s in bridge_claim["sources"] if s["url"].endswith("27/bridge"))
    assert (first["title"], first["seen"]) == ("Roe attacks bridge budget", "2021-02-27")
    spanish_claim = texts["Las vacunas contienen un chip de rastreo."]
    assert (spanish_claim["speaker"], spanish_claim["language"]) == ("Cuenta viral", "es")
    assert [s["url"] for s in spanish_claim["sources"]] == ["https://social.example.net/posts/123"]


def test_graph_resolves_author_defined_later(cli: Cli) -> None:
    cli.ok("import", str(CLAIMREVIEW / "graph.jsonld"))
    (verdict,) = verdicts(cli).values()
    assert (verdict["by"], verdict["rating"], verdict["normalized"]) == (
        "Example Fact Desk",
        "Half True",
        "mixed",
    )
    (claim,) = claims(cli).values()
    assert claim["speaker"] == "Rail Operator Example"


def test_microdata_json_and_html(cli: Cli) -> None:
    cli.ok("import", str(CLAIMREVIEW / "microdata.json"))
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["normalized"]) == ("Pants on Fire", "false")
    (claim,) = claims(cli).values()
    assert (claim["speaker"], claim["date"]) == ("Max Mustermann", "2020-07-30")
    assert claim["sources"][0]["url"] == "https://blog.example.com/parks"


def test_saved_page_with_several_script_blocks_and_microdata(cli: Cli) -> None:
    result = cli.ok("import", str(CLAIMREVIEW / "page.html"))
    assert "rejected 0" in summary(result)
    texts = claims(cli)
    assert sorted(texts) == [
        "Every library in the city will close.",  # microdata, whitespace of the page folded
        "Police numbers are the highest ever.",
        "Road repairs got no money at all.",
        "School spending was cut by a third.",
    ]
    assert texts["Every library in the city will close."]["date"] == "2024-01-29"
    listed = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert sorted((v["rating"], v["normalized"]) for v in listed) == [
        ("False", "false"),
        ("Misleading", "mostly-false"),
        ("Mostly false", "mostly-false"),
        ("True", "true"),
    ]
    # One article reviews four claims, each under its own anchor: the URLs as published.
    assert {v["url"] for v in listed} == {
        f"https://factdesk.example.org/checks/budget#{anchor}"
        for anchor in ("libraries", "police", "roads", "schools")
    }


def test_reimport_is_a_noop_and_originals_are_kept(cli: Cli) -> None:
    files = [
        str(CLAIMREVIEW / name)
        for name in ("variants.json", "graph.jsonld", "microdata.json", "page.html")
    ]
    cli.fails("import", *files, code=3)  # one review of variants.json is rejected
    before = snapshot(cli.url)
    again = cli.fails("import", *files, code=3)
    assert summary(again).split(": ", 1)[1].startswith("added 0, updated 0, unchanged")
    assert snapshot(cli.url) == before
    originals = query(
        cli.url,
        "SELECT v.url, o.document FROM verdict_originals o JOIN verdicts v ON v.id = o.verdict_id",
    )
    assert len(originals) == 11  # 5 good reviews in variants.json, 1, 1 and 4
    kept = {url: json.loads(doc) for url, doc in originals}
    # Verbatim, including what claimtrack does not use (@id, the trailing slash).
    graph = kept["https://factdesk.example.org/checks/trains"]
    assert graph["@id"] == "https://factdesk.example.org/checks/trains#review"
    assert graph["author"] == {"@id": "https://factdesk.example.org/#organization"}


def test_a_changed_review_updates_its_verdict_by_url(cli: Cli, tmp_path: object) -> None:
    review = json.loads((CLAIMREVIEW / "graph.jsonld").read_text())["@graph"][1]
    review["author"] = {"@type": "Organization", "name": "Example Fact Desk"}
    path = f"{tmp_path}/review.json"
    with open(path, "w", encoding="utf-8") as out:
        json.dump(review, out)
    cli.ok("import", path)
    review["reviewRating"] = {"@type": "Rating", "alternateName": "Mostly True"}
    review["claimReviewed"] = "Nine in ten trains now run on time, says the operator."
    with open(path, "w", encoding="utf-8") as out:
        json.dump(review, out)
    result = cli.ok("import", path)
    assert "added 0" in summary(result) and "updated 2 (claims 1, verdicts 1)" in summary(result)
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["normalized"]) == ("Mostly True", "mostly-true")
    assert list(claims(cli)) == ["Nine in ten trains now run on time, says the operator."]


def test_the_same_review_in_json_ld_and_microdata_is_one_claim(cli: Cli) -> None:
    cli.ok("import", str(SCHEMAORG / "eg-0324.jsonld"), str(SCHEMAORG / "eg-0324.microdata.html"))
    assert len(claims(cli)) == 1
    assert len(verdicts(cli)) == 1


def test_absurdly_deep_script_blocks_are_rejected_not_crashed_on(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    deep_json = "[" * 100_000
    deep_microdata = '{"type": "Thing", "properties": {"x": ' * 900 + "1" + "}}" * 900
    for name, script in (("array", deep_json), ("microdata", deep_microdata)):
        page = tmp_path / f"{name}.html"
        page.write_text(f'<script type="application/ld+json">{script}</script>', "utf-8")
        before = snapshot(cli.url)
        result = cli("import", str(page))
        assert result.exception is None or isinstance(result.exception, SystemExit), name
        assert "Traceback" not in result.output
        # Not a ClaimReview: skipped with a notice (or refused), never a crash.
        assert ("skipped" in result.stderr or "rejected 1" in result.stderr
                or result.stderr.startswith("Error: ")), name
        assert snapshot(cli.url) == before
