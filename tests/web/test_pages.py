"""Every page renders, and the desk's flows work through the forms (no JavaScript needed)."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from claimtrack.core.enums import Relation
from tests.helpers import FIXTURES, Cli, snapshot
from tests.helpers.reports import parse_html
from tests.helpers.site import ARTICLE as ARTICLE_PAGE
from tests.helpers.site import Site
from tests.helpers.web import Browser, claim_json, location, web_client


def seed(cli: Cli) -> dict[str, str]:
    claim = cli.add("Vaccine X contains microchips that track people", "--speaker", "Alice Smith",
                    "--date", "2022-01-10", "--source", "https://news.example/a", "--tag",
                    "health")
    denial = cli.add("There are no microchips in vaccine X", "--speaker", "Health Ministry")
    cli.ok("link", "add", denial, "denies", claim, "--note", "official denial")
    cli.ok("verdict", "add", claim, "--rating", "Pants on Fire", "--by", "PolitiFact")
    return {"claim": claim, "denial": denial}


def pages(ids: dict[str, str]) -> list[str]:
    claim = ids["claim"]
    return [
        "/", "/?q=microchips", "/?tag=health&speaker=Alice+Smith&status=draft",
        "/claims", "/claims?q=microchips&status=draft", "/claims?speaker=Alice+Smith&page=2",
        f"/claims/{claim}", f"/claims/{ids['denial']}", f"/claims/{claim}/edit",
        f"/claims/{claim}/delete", f"/claims/{claim}/timeline", f"/claims/{claim}/graph",
        f"/claims/{claim}/links",
        "/claims/new", "/match", "/match?text=microchips+in+vaccine+X+track+people", "/review",
        "/extract", "/import", "/downloads", "/actors", "/actor?name=Alice+Smith", "/signin",
    ]


DOWNLOADS = ["/download/export.native", "/download/export.jsonl", "/download/export.csv",
             "/download/export.claimreview", "/download/contested.html",
             "/download/contested.md", "/download/contested.json", "/download/contested.csv",
             "/download/contested.txt", "/actor/record.md?name=Alice+Smith",
             "/actor/record.csv?name=Alice+Smith"]


def test_every_page_renders_with_its_title_and_the_claims(web: Browser, cli: Cli) -> None:
    ids = seed(cli)
    for path in pages(ids):
        response = web.get(path)
        assert response.status_code == 200, (path, response.text[-800:])
        root = parse_html(response.text)
        assert len(root.find_all("h1")) == 1, path
        assert root.find_all("main"), path
    contested = web.get("/").text
    assert "Alice Smith" in contested and "1 contested claim," in contested


def test_downloads_are_attachments_in_their_format(web: Browser, cli: Cli) -> None:
    ids = seed(cli)
    for path in [*DOWNLOADS, f"/claims/{ids['claim']}/download.json",
                 f"/claims/{ids['claim']}/graph.mmd", f"/claims/{ids['claim']}/graph.graphml",
                 f"/claims/{ids['claim']}/graph.dot"]:
        response = web.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-disposition"].startswith("attachment"), path
        assert ids["claim"] in response.text or "Alice Smith" in response.text, path
    assert web.get("/download/export.yaml").status_code == 404


def test_the_published_report_leaves_out_drafts(web: Browser, cli: Cli) -> None:
    ids = seed(cli)  # a draft claim, denied by a draft
    everything = json.loads(web.get("/download/contested.json").text)
    published = json.loads(web.get("/download/contested.json?published=yes").text)
    assert ids["claim"] in json.dumps(everything) and ids["claim"] not in json.dumps(published)
    for claim in (ids["claim"], ids["denial"]):
        for status in ("in-review", "published"):
            cli.ok("claim", "status", status, claim)
    draft = cli.add("The denial is itself false", "--speaker", "Critic")  # a draft challenge
    cli.ok("link", "add", draft, "contradicts", ids["denial"])
    assert json.loads(web.get("/download/contested.json").text)  # (the full report shows it)
    shown = json.loads(web.get("/download/contested.json?published=yes").text)
    assert ids["claim"] in json.dumps(shown)
    assert "Pants on Fire" not in json.dumps(shown)  # the verdict is still a draft
    assert draft not in json.dumps(shown) and '"challenges": 1' not in json.dumps(
        [r["claim"] for r in shown[0]["responses"]])  # nor does the draft show through a count


def test_the_dispute_page_shows_both_sides_verdicts_sources_and_history(
    web: Browser, cli: Cli
) -> None:
    ids = seed(cli)
    cli.ok("source", "edit", "https://news.example/a", "--archive-url",
           "https://archive.example/a", "--retrieved", "2022-01-11T10:00:00Z")
    root = parse_html(web.get(f"/claims/{ids['claim']}").text)
    claim_side = root.find_all("section", "side-claim")[0].all_text()
    responses = root.find_all("section", "side-responses")[0].all_text()
    assert "microchips that track people" in claim_side and "Pants on Fire" in claim_side
    assert "There are no microchips" in responses and "official denial" in responses
    archived = [a for a in root.find_all("a", "archived")]
    assert archived and archived[0].attrs["href"] == "https://archive.example/a"
    assert "retrieved 2022-01-11 10:00 UTC" in claim_side
    history = root.find_all("section", "panel")[-1].all_text()
    assert "claim add" in history and "link add" in history


def test_log_a_claim_deny_it_and_see_it_contested(web: Browser, cli: Cli) -> None:
    added = web.submit("/claims/new", {"text": "The bridge was closed for a week",
                                       "speaker": "Mayor Jones", "date": "2023-05-01",
                                       "tags": "transport, city", "language": "en"})
    assert added.status_code == 303
    claim = location(added).rsplit("/", 1)[1]
    denial = web.submit("/claims/new", {"text": "The bridge never closed", "speaker": "Council"})
    denial_id = location(denial).rsplit("/", 1)[1]
    linked = web.submit(f"/claims/{claim}/links", {"other": denial_id, "relation": "denies"})
    assert linked.status_code == 303
    page = parse_html(web.get("/").text).all_text()  # the words a reader sees
    assert "Mayor Jones: The bridge was closed for a week" in page
    assert "contested: 1 challenge" in page
    stored = claim_json(cli, claim)
    assert stored["tags"] == ["city", "transport"] and stored["date"] == "2023-05-01"
    history = cli.ok("history", claim, "-f", "json").stdout
    assert '"user": "tester"' in history and '"command": "web: claim add"' in history


def test_a_bad_value_shows_the_library_error_beside_its_field(web: Browser, cli: Cli) -> None:
    before = snapshot(cli.url)
    response = web.submit("/claims/new", {"text": "A claim", "date": "2022-02-30"},
                          page="/claims/new")
    assert response.status_code == 400
    root = parse_html(response.text)
    (date_field,) = [f for f in root.find_all("div", "field") if "has-error" in f.attrs["class"]]
    assert date_field.find_all("input")[0].attrs["name"] == "date"
    error = date_field.find_all("p", "field-error")[0].all_text()
    assert error == "Error: The claim's date '2022-02-30' does not exist in the calendar; " \
                    "check the day and month."
    assert 'value="A claim"' not in response.text  # a textarea keeps it as its content
    assert ">A claim</textarea>" in response.text
    assert snapshot(cli.url) == before


def test_a_verdict_is_previewed_then_added(web: Browser, cli: Cli) -> None:
    ids = seed(cli)
    page = f"/claims/{ids['denial']}"
    preview = web.submit(f"{page}/verdicts", {"rating": "Mostly True", "by": "Checker",
                                             "action": "preview"}, page=page)
    assert preview.status_code == 200
    assert re.search(r'<output id="rating-reading"[^>]*>mostly-true</output>', preview.text)
    assert web.get("/api/rating?label=Pants+on+fire").json() == {"reading": "false"}
    assert web.get("/api/rating?label=Half-truth").json() == {"reading": "mixed"}
    unknown = web.get("/api/rating?label=Wobbly").json()["reading"]
    assert unknown.startswith("unverifiable (this label is not one claimtrack knows")
    added = web.submit(f"{page}/verdicts", {"rating": "Mostly True", "by": "Checker",
                                           "action": "add"}, page=page)
    assert added.status_code == 303
    verdicts = cli.ok("verdict", "list", ids["denial"], "-f", "json").stdout
    assert '"normalized": "mostly-true"' in verdicts


def test_speaker_suggestions_come_from_names_and_aliases(web: Browser, cli: Cli) -> None:
    cli.ok("actor", "add", "Sergey Lavrov", "--alias", "Lavrov")
    cli.ok("actor", "add", "Laura Smith")
    assert web.get("/api/speakers?q=la").json() == ["Laura Smith", "Sergey Lavrov"]
    assert web.get("/api/speakers?q=").json() == []


def test_two_edits_of_one_claim_the_second_gets_a_conflict(web: Browser, cli: Cli) -> None:
    claim = cli.add("Original text")
    page = web.get(f"/claims/{claim}/edit").text
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    first = web.submit(f"/claims/{claim}/edit", {"text": "First edit", "version": version},
                       page=f"/claims/{claim}/edit")
    assert first.status_code == 303
    second = web.submit(f"/claims/{claim}/edit", {"text": "Second edit", "version": version},
                        page=f"/claims/{claim}/edit")
    assert second.status_code == 409
    assert "was changed by you (in another window, or an earlier save) since you opened" in (
        second.text)
    assert ">Second edit</textarea>" in second.text  # what they typed is kept, to redo
    assert claim_json(cli, claim)["text"] == "First edit"


def test_an_edit_is_one_new_version_and_saving_unchanged_changes_nothing(
    web: Browser, cli: Cli
) -> None:
    claim = cli.add("The bridge closed", "--speaker", "Mayor", "--tag", "city")
    form = f"/claims/{claim}/edit"

    def shown() -> dict[str, str]:
        """The form's fields as the edit page fills them in."""
        root = parse_html(web.get(form).text)
        found = {i.attrs["name"]: i.attrs.get("value", "") for i in root.find_all("input")
                 if i.attrs.get("name") not in (None, "csrf")}
        return {**found, "text": root.find_all("textarea")[0].all_text()}

    def version() -> str:
        return shown()["version"]

    same = shown()
    assert same["text"] == "The bridge closed" and same["tags"] == "city"
    unchanged = web.submit(form, same, page=form, follow=True)
    assert "Nothing changed: claim" in unchanged.text and version() == same["version"]
    assert [c for c in json.loads(cli.ok("history", claim, "-f", "json").stdout)
            if c["action"] == "update"] == []
    edited = web.submit(form, {**same, "text": "The bridge closed for a week",
                               "tags": "city, roads"}, page=form, follow=True)
    assert f"Updated claim {claim}." in edited.text
    assert int(version()) == int(same["version"]) + 1
    passage = web.submit(form, {**shown(), "quote": "closed for a week"}, page=form)
    assert passage.status_code == 400 and "Give the URL of the page the passage is from" in (
        passage.text)
    page = web.submit(form, {**shown(), "source": "https://news.example/bridge",
                             "quote": "closed for a week"}, page=form, follow=True)
    assert f"Updated claim {claim}." in page.text
    again = web.submit(form, {**shown(), "source": "https://news.example/bridge",
                              "quote": "closed for a week"}, page=form, follow=True)
    assert "Nothing changed" in again.text  # that page and passage were recorded already
    (source,) = claim_json(cli, claim)["sources"]
    assert source["url"] == "https://news.example/bridge" and source["quote"] == (
        "closed for a week")


def test_status_moves_one_step_at_a_time(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim to publish")
    page = f"/claims/{claim}"
    skipped = web.submit(f"{page}/status", {"status": "published"}, page=page)
    assert skipped.status_code == 400 and "goes to review before it is published" in skipped.text
    for status in ("in-review", "published"):
        assert web.submit(f"{page}/status", {"status": status}, page=page).status_code == 303
    assert claim_json(cli, claim)["status"] == "published"


def test_delete_a_claim_with_its_links(web: Browser, cli: Cli) -> None:
    ids = seed(cli)
    page = f"/claims/{ids['denial']}/delete"
    refused = web.submit(page, {}, page=page)
    assert refused.status_code == 409
    root = parse_html(refused.text)  # the form again, with the way out
    assert root.find_all("p", "error")[0].all_text().startswith("Error: links or verdicts")
    assert [i for i in root.find_all("input") if i.attrs.get("name") == "cascade"]
    assert web.submit(page, {"cascade": "yes"}, page=page).status_code == 303
    assert cli("claim", "show", ids["denial"]).exit_code == 1


def test_have_we_seen_this_then_link_in_one_click(web: Browser, cli: Cli) -> None:
    ids = seed(cli)
    text = "Vaccine X does not contain microchips and does not track anyone"
    found = web.get("/match", params={"text": text})
    assert ids["claim"] in found.text
    buttons = [b for b in parse_html(found.text).find_all("button")
               if b.attrs.get("name") == "relation"]
    offered = [b.attrs["value"] for b in buttons]
    assert offered[:3] == ["same_as", "denies", "contradicts"]
    assert sorted(set(offered)) == sorted(r.value for r in Relation)  # every relation, once a hit
    assert buttons[1].all_text() == "denies" and buttons[-1].all_text() == "responds to"
    assert buttons[0].all_text() == "is the same as"  # "a claim that is the same as this one"
    logged = web.submit("/match/link", {"text": text, "speaker": "Dr Who", "target": ids["claim"],
                                        "relation": "denies"})
    assert logged.status_code == 303
    new_id = location(logged).rsplit("/", 1)[1]
    links = cli.ok("link", "list", ids["claim"], "-f", "json").stdout
    assert f'"from": "{new_id}"' in links and '"relation": "denies"' in links
    again = web.submit("/match/link", {"text": text, "speaker": "Dr Who", "target": ids["claim"],
                                       "relation": "denies"}, follow=True)
    assert f"Already logged: {new_id} denies {ids['claim']}; nothing was added." in again.text
    assert cli.ok("link", "list", ids["claim"], "-f", "json").stdout == links
    later = web.submit("/match/link", {"text": text, "speaker": "Dr Who", "date": "2024-03-05",
                                       "target": ids["claim"], "relation": "denies"})
    assert later.status_code == 303 and new_id not in location(later)  # said again, later


def test_confirm_and_reject_duplicate_suggestions(web: Browser, cli: Cli) -> None:
    text = "The new tax on sugary drinks will raise two billion pounds every single year"
    first, second = cli.add(text), cli.add(text.replace("every single year", "each year"))
    found = web.submit("/review/dedupe", {}, page="/review")
    assert found.status_code == 303
    queue = web.get("/review").text
    link_id = re.search(r'action="/review/links/(\d+)"', queue).group(1)  # type: ignore[union-attr]
    assert first in queue and second in queue
    shown = re.search(r'name="shown" value="([^"]+)"', queue).group(1)  # type: ignore[union-attr]
    assert shown in (f"{first} same_as {second}", f"{second} same_as {first}")
    stale = web.submit(f"/review/links/{link_id}", {"decision": "confirm",
                                                     "shown": "c-x same_as c-y"}, page="/review")
    assert stale.status_code == 409 and "not the suggestion shown" in stale.text
    confirmed = web.submit(f"/review/links/{link_id}", {"decision": "confirm", "shown": shown},
                           page="/review")
    assert confirmed.status_code == 303
    assert "No suggestion is waiting." in web.get("/review").text
    assert '"status": "confirmed"' in cli.ok("link", "list", first, "-f", "json").stdout
    before = snapshot(cli.url)  # a confirmed link is not undone from the queue (a deletion)
    undone = web.submit(f"/review/links/{link_id}", {"decision": "reject"}, page="/review")
    assert undone.status_code == 403 and "is confirmed, not a suggestion" in undone.text
    assert snapshot(cli.url) == before


ARTICLE = (
    'Minister Sergey Lavrov said on Monday that "no troops are massing at the border." '
    'The White House denied that, saying satellite images show tens of thousands of troops.'
)


def test_extract_highlights_suggestions_and_records_the_accepted(web: Browser, cli: Cli) -> None:
    shown = web.submit("/extract", {"text": ARTICLE}, page="/extract")
    assert shown.status_code == 200
    root = parse_html(shown.text)
    marks = root.find_all("mark", "suggested")
    assert marks and all(m.attrs["id"].startswith("mark-s") for m in marks)
    ids = [li.attrs["id"] for li in root.find_all("li", "suggestion")]
    assert ids[:2] == ["s1", "s2"]
    radios = [i for i in root.find_all("input") if i.attrs.get("type") == "radio"]
    assert radios and not [r for r in radios if "checked" in r.attrs]  # nothing pre-accepted
    decisions = {f"decide-{name}": "reject" for name in ids}
    decisions["decide-s1"] = "accept"
    assert [i for i in root.find_all("input") if i.attrs.get("name") == "date"]
    wrong = web.submit("/extract/apply", {"text": ARTICLE, "source": "https://news.example/b",
                                          "date": "2022-02-30", **decisions}, page="/extract")
    assert wrong.status_code == 400 and "2022-02-30" in wrong.text
    recorded = web.submit("/extract/apply", {"text": ARTICLE, "source": "https://news.example/b",
                                             "date": "2022-02-18", **decisions}, page="/extract")
    assert recorded.status_code == 200, recorded.text[-500:]
    assert "added" in recorded.text
    listed = cli.ok("claim", "list", "-f", "json").stdout
    assert listed.count('"id"') == 1 and "Lavrov" in listed
    assert '"date": "2022-02-18"' in listed


def test_extract_fetches_archives_and_reads_a_page_given_only_by_url(
    web: Browser, cli: Cli, site: Site
) -> None:
    url = site.url("/article")
    shown = web.submit("/extract", {"text": "", "source": url}, page="/extract")
    assert shown.status_code == 200, shown.text[-600:]
    root = parse_html(shown.text)
    article = root.find_all("div", "article-text")[0].all_text()
    assert "total disinformation" in article and "footer is fake" not in article
    assert root.find_all("mark", "suggested")
    hidden = [i for i in root.find_all("input") if i.attrs.get("name") == "text"]
    assert hidden and "false-flag" in hidden[0].attrs["value"]  # the text travels to apply
    assert [i.attrs["value"] for i in root.find_all("input") if i.attrs.get("name") == "source"
            ] == [url]
    archived = cli.ok("source", "show", url, "-f", "json").stdout
    assert hashlib.sha256(ARTICLE_PAGE.encode()).hexdigest() in archived
    decisions = {f"decide-{li.attrs['id']}": "reject" for li in root.find_all("li", "suggestion")}
    recorded = web.submit("/extract/apply", {"text": hidden[0].attrs["value"], "source": url,
                                             **decisions, "decide-s1": "accept"}, page="/extract")
    assert recorded.status_code == 200, recorded.text[-400:]
    claim = json.loads(cli.ok("claim", "list", "-f", "json").stdout)[0]["id"]
    page = parse_html(web.get(f"/claims/{claim}").text)
    (kept,) = [a for a in page.find_all("a", "archived") if "download" in a.attrs]
    copy = web.get(kept.attrs["href"])
    assert copy.status_code == 200 and copy.content == ARTICLE_PAGE.encode()
    assert copy.headers["content-disposition"].startswith('attachment; filename="archived-')
    assert web.get("/sources/archived", params={"url": "https://never.example/"}
                   ).status_code == 404
    missing = web.submit("/extract", {"text": "", "source": site.url("/gone")}, page="/extract")
    assert missing.status_code == 400 and "answered HTTP 404 (Not Found)" in missing.text
    field = [f for f in parse_html(missing.text).find_all("div", "field")
             if "has-error" in f.attrs["class"]]
    assert [f.find_all("input")[0].attrs["name"] for f in field] == ["source"]
    empty = web.submit("/extract", {"text": " ", "source": ""}, page="/extract")
    (blank,) = [f for f in parse_html(empty.text).find_all("div", "field")
                if "has-error" in f.attrs["class"]]
    assert empty.status_code == 400 and blank.find_all("textarea")[0].attrs["name"] == "text"


@pytest.mark.parametrize("url", ["http://[bad", "http://a..b/", "http://xn--/",
                                 "http://example.com:abc/", "http://", "credentials"])
def test_extract_refuses_a_bad_url_beside_its_field_before_any_request(
    web: Browser, cli: Cli, site: Site, url: str
) -> None:
    if url == "credentials":
        url = site.url("/article").replace("http://", "http://alice:secret@")
    before = snapshot(cli.url)
    answer = web.submit("/extract", {"text": "", "source": url}, page="/extract")
    assert answer.status_code == 400, answer.text[-400:]
    root = parse_html(answer.text)
    (bad,) = [f for f in root.find_all("div", "field") if "has-error" in f.attrs["class"]]
    assert bad.find_all("input")[0].attrs["name"] == "source"
    assert bad.find_all("p", "field-error")[0].all_text().startswith("Error: ")
    assert site.hits.get("/article") is None and snapshot(cli.url) == before


def test_a_team_server_fetches_public_pages_only_and_not_for_viewers(
    team: str, site: Site
) -> None:
    with web_client(team, local_user=None) as client:
        client.sign_in("checker")
        before = snapshot(team)
        local = client.submit("/extract", {"text": "", "source": site.url("/article")},
                              page="/extract")
        assert local.status_code == 400 and "is not a public address" in local.text
        assert site.hits.get("/article") is None  # refused before any request was sent
        assert snapshot(team) == before
    with web_client(team, local_user=None) as client:
        client.sign_in("viewer")
        refused = client.submit("/extract", {"text": "", "source": site.url("/article")},
                                page="/extract")
        assert refused.status_code == 403 and "only checkers and editors may" in refused.text
        assert site.hits.get("/article") is None and snapshot(team) == before


def test_an_import_shows_its_rejects_and_a_dry_run_writes_nothing(web: Browser, cli: Cli) -> None:
    csv = "claim,speaker,date\nGood claim,Alice,2022-01-01\nBad date claim,Bob,2022-13-45\n"
    before = snapshot(cli.url)
    dry = web.submit("/import", {"format": "csv", "dry_run": "yes"}, page="/import",
                     files={"file": ("claims.csv", csv.encode(), "text/csv")})
    assert dry.status_code == 200 and "Nothing was written" in dry.text
    assert snapshot(cli.url) == before
    done = web.submit("/import", {"format": "auto"}, page="/import",
                      files={"file": ("claims.csv", csv.encode(), "text/csv")})
    assert done.status_code == 200
    root = parse_html(done.text)
    rejects = root.find_all("table", "grid")[0].all_text()
    assert "2022-13-45" in rejects or "date" in rejects
    assert "claimtrack-upload" not in done.text  # the server's folder is never shown
    assert "Good claim" in cli.ok("claim", "list", "-f", "json").stdout


def test_the_seed_file_imports_through_the_browser(web: Browser, cli: Cli) -> None:
    data = (FIXTURES / "seed.json").read_bytes()
    done = web.submit("/import", {"format": "auto"}, page="/import",
                      files={"file": ("seed.json", data, "application/json")})
    assert done.status_code == 200 and "claims 13, links 7" in done.text
    assert "Sergey Lavrov" in web.get("/").text


def test_contested_pages_follow_each_other_without_overlap(web: Browser, cli: Cli) -> None:
    records = []
    for number in range(30):
        records.append({"type": "claim", "id": f"c-{number:012d}", "text": f"Claim {number}"})
        records.append({"type": "claim", "id": f"c-1{number:011d}", "text": f"Denial {number}"})
        records.append({"type": "link", "from": f"c-1{number:011d}", "relation": "denies",
                        "to": f"c-{number:012d}"})
    import json

    lines = "\n".join(json.dumps(r) for r in records)
    cli.ok("import", "--format", "jsonl", "-", input=lines)
    first = web.get("/").text
    assert "30 contested claims, most challenged first" in first
    following = re.search(r'href="(/\?after=[^"]+)" rel="next"', first).group(1)  # type: ignore[union-attr]
    second = web.get(following.replace("&amp;", "&")).text
    ids_first = set(re.findall(r"<code>(c-0\w+)</code>", first))
    ids_second = set(re.findall(r"<code>(c-0\w+)</code>", second))
    assert len(ids_first) == 25 and len(ids_second) == 5 and not ids_first & ids_second
    assert 'rel="next"' not in second
    bad = web.get("/?after=nonsense")
    assert bad.status_code == 400 and "is not a page of this list" in bad.text


@pytest.mark.parametrize("path", ["/claims/c-zzzzzzzzzzzz", "/claims/c-zzzz/timeline",
                                  "/actor?name=Nobody", "/no/such/page"])
def test_unknown_things_are_404_pages_with_the_library_message(web: Browser, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 404
    assert "Error: " in response.text and "Traceback" not in response.text


def test_a_verdict_moves_stage_by_stage_and_a_skip_is_refused_on_its_page(
    web: Browser, cli: Cli
) -> None:
    ids = seed(cli)
    verdict = json.loads(cli.ok("verdict", "list", ids["claim"], "-f", "json").stdout)[0]["id"]
    page = f"/claims/{ids['claim']}"
    before = snapshot(cli.url)
    skipped = web.submit(f"/verdicts/{verdict}/status", {"status": "published",
                                                          "claim": ids["claim"]}, page=page)
    assert skipped.status_code == 400
    root = parse_html(skipped.text)
    (alert,) = root.find_all("p", "error")
    assert alert.all_text().startswith(f"Error: Verdict {verdict} is a draft; it goes to review")
    assert root.find_all("h1")[0].all_text() == f"Dispute {ids['claim']}"  # its claim's page
    assert snapshot(cli.url) == before
    moved = web.submit(f"/verdicts/{verdict}/status", {"status": "in-review",
                                                        "claim": ids["claim"]}, page=page)
    assert moved.status_code == 303
    stored = json.loads(cli.ok("verdict", "list", ids["claim"], "-f", "json").stdout)[0]
    assert stored["status"] == "in-review"


def test_the_review_queue_counts_everything_waiting_and_pages_through_it(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("claimtrack.web.review.SHOWN", 2)
    for subject in ("sugary drinks", "petrol duty", "tobacco duty"):
        text = f"The new tax on {subject} will raise two billion pounds every single year"
        cli.add(text)
        cli.add(text.replace("every single year", "each year"))
    cli.ok("dedupe")
    first = parse_html(web.get("/review").text)
    waiting = int(re.search(r"\((\d+)\)", first.find_all("h2")[0].all_text()).group(1))  # type: ignore[union-attr]
    assert waiting >= 3 and len(first.find_all("li", "suggestion")) == 2
    assert f"Showing 1–2 of {waiting}" in first.all_text()
    shown, page = [], 1
    while True:
        root = parse_html(web.get(f"/review?page={page}").text)
        shown += [li.attrs["id"] for li in root.find_all("li", "suggestion")]
        if not any(a.all_text() == "Next" for a in root.find_all("a")):
            break
        page += 1
    assert len(shown) == len(set(shown)) == waiting and page == (waiting + 1) // 2
    for odd in ("²", "9" * 5000, "0", "-1", "x"):  # read as the first page, never an error
        assert web.get(f"/review?page={odd}").status_code == 200


def test_a_link_is_deleted_from_the_links_page_and_a_reused_id_is_caught(
    web: Browser, cli: Cli
) -> None:
    ids = seed(cli)
    page = f"/claims/{ids['claim']}/links"
    root = parse_html(web.get(page).text)
    (form,) = [f for f in root.find_all("form") if f.attrs["action"].endswith("/delete")]
    fields = {i.attrs["name"]: i.attrs.get("value", "") for i in form.find_all("input")}
    assert fields["shown"] == f"{ids['denial']} denies {ids['claim']}"
    before = snapshot(cli.url)
    stale = web.submit(form.attrs["action"], {**fields, "shown": "c-x supports c-y"}, page=page)
    assert stale.status_code == 409 and "not the link shown" in stale.text
    assert snapshot(cli.url) == before
    deleted = web.submit(form.attrs["action"], fields, page=page)
    assert deleted.status_code == 303
    assert json.loads(cli.ok("link", "list", ids["claim"], "-f", "json").stdout) == []


def test_looking_for_duplicates_scans_the_newest_claims_only(
    web: Browser, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One click must answer within a request: it looks through the newest claims (each
    compared with the whole database) and says how many it left."""
    from claimtrack.web import review

    monkeypatch.setattr(review, "WEB_SCAN", 2)
    text = "The new tax on sugary drinks will raise two billion pounds every single year"
    old = cli.add(text)
    for n in range(3):
        cli.add(f"Unrelated claim number {n} about the number of buses in the city")
    twin = cli.add(text.replace("every single year", "each year"))
    found = web.submit("/review/dedupe", {}, page="/review", follow=True)
    assert "Looked through the 2 newest of 5 claims" in found.text
    queue = web.get("/review").text  # a newest claim is still compared with every other one
    assert old in queue and twin in queue
