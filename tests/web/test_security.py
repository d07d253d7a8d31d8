"""The web app's defences: roles on the server, CSRF, sign-in and its rate limit, redirects,
uploads, hostile text, headers, and no path to the file system."""

from __future__ import annotations

import json

import pytest

from claimtrack.web.auth import COOKIE, safe_next
from tests.helpers import Cli, snapshot
from tests.helpers.reports import HOSTILE_TEXTS, parse_html
from tests.helpers.web import PASSWORD, Browser, location, web_client


def test_with_users_everyone_signs_in_and_the_local_user_is_gone(team: str) -> None:
    with web_client(team) as web:
        response = web.get("/claims/new", follow_redirects=False)
        assert response.status_code == 303
        assert location(response) == "/signin?next=/claims/new"
        token = web.token("/signin")
        refused = web.post("/claims/new", data={"csrf": token, "text": "x"},
                           follow_redirects=False)
        assert refused.status_code == 401


def test_a_viewer_reads_but_a_write_is_refused_and_nothing_written(team: str, cli: Cli) -> None:
    claim = cli.add("A claim the viewer may read")
    with web_client(team) as web:
        assert location(web.sign_in("viewer")) == "/"
        assert "A claim the viewer may read" in web.get(f"/claims/{claim}").text
        before = snapshot(team)
        token = web.token("/signin")
        for path, data in [("/claims/new", {"text": "sneaky"}),
                           (f"/claims/{claim}/edit", {"text": "changed"}),
                           (f"/claims/{claim}/status", {"status": "in-review"}),
                           (f"/claims/{claim}/links", {"other": claim, "relation": "denies"}),
                           (f"/claims/{claim}/delete", {}), ("/review/dedupe", {})]:
            response = web.post(path, data={"csrf": token, **data}, follow_redirects=False)
            assert response.status_code == 403, path
            assert "a viewer" in response.text and "Nothing was changed" in response.text
        assert snapshot(team) == before


def test_checkers_write_drafts_editors_publish_and_delete(team: str, cli: Cli) -> None:
    claim = cli.add("A claim in review")
    cli.ok("claim", "status", "in-review", claim)
    page = f"/claims/{claim}"
    with web_client(team) as checker:
        checker.sign_in("checker")
        assert checker.submit("/claims/new", {"text": "Checker's draft"}).status_code == 303
        assert checker.submit(f"{page}/status", {"status": "published"}, page=page
                              ).status_code == 403
        assert checker.submit(f"{page}/delete", {}, page=page).status_code == 403
        assert checker.get(f"{page}/delete").status_code == 403
    with web_client(team) as editor:
        editor.sign_in("editor")
        assert editor.submit(f"{page}/status", {"status": "published"}, page=page
                             ).status_code == 303
    with web_client(team) as checker:
        checker.sign_in("checker")  # published material is now the editors'
        edited = checker.submit(f"{page}/edit", {"text": "Changed", "version": "3"}, page=page)
        assert edited.status_code == 403
    history = cli.ok("history", claim, "-f", "json").stdout
    assert '"user": "editor"' in history and '"command": "web: claim status"' in history


def test_pages_offer_each_role_only_what_it_may_do(team: str, cli: Cli) -> None:
    claim = cli.add("A claim")
    page = f"/claims/{claim}"

    def actions(role: str) -> set[str]:
        with web_client(team) as client:
            client.sign_in(role)
            root = parse_html(client.get(page).text)
        return ({a.attrs["href"] for a in root.find_all("a")}
                | {f.attrs["action"] for f in root.find_all("form")})

    viewer, checker = actions("viewer"), actions("checker")
    writing = {f"{page}/edit", f"{page}/status", f"{page}/verdicts", f"{page}/delete"}
    assert not writing & viewer  # (the links page is there to read)
    assert writing - {f"{page}/delete"} <= checker
    assert f"{page}/delete" not in checker and f"{page}/delete" in actions("editor")
    for status in ("in-review", "published"):
        cli.ok("claim", "status", status, claim)
    assert f"{page}/edit" not in actions("checker") and f"{page}/edit" in actions("editor")


def test_a_checkers_import_cannot_change_published_material(team: str, cli: Cli) -> None:
    published = cli.add("The published words", "--speaker", "Agency")
    for status in ("in-review", "published"):
        cli.ok("claim", "status", status, published)
    draft = cli.add("A draft's words")
    exported = json.loads(cli.ok("export", "-f", "native").stdout)
    for record in exported["claims"]:
        record["text"] = "Overwritten by an import"
    upload = json.dumps(exported).encode()
    before = snapshot(cli.url)
    with web_client(team) as checker:
        checker.sign_in("checker")
        refused = checker.submit("/import", {"format": "auto"}, page="/import",
                                 files={"file": ("claims.json", upload, "application/json")})
        assert refused.status_code == 403 and f"merge claims ({published})" in (
            refused.text) and draft not in refused.text
        assert snapshot(cli.url) == before  # nothing, not even the draft's change
        exported["claims"] = [c for c in exported["claims"] if c["id"] != published]  # drafts
        drafts = json.dumps(exported).encode()
        allowed = checker.submit("/import", {"format": "auto"}, page="/import",
                                 files={"file": ("drafts.json", drafts, "application/json")})
        assert allowed.status_code == 200, allowed.text[-400:]
    assert claim_text(cli, draft) == "Overwritten by an import"
    assert claim_text(cli, published) == "The published words"
    with web_client(team) as editor:
        editor.sign_in("editor")
        done = editor.submit("/import", {"format": "auto"}, page="/import",
                             files={"file": ("claims.json", upload, "application/json")})
        assert done.status_code == 200
    assert claim_text(cli, published) == "Overwritten by an import"


def test_a_checkers_import_cannot_undo_what_published_claims_rest_on(team: str,
                                                                      cli: Cli) -> None:
    claim = cli.add("The published words", "--speaker", "Agency", "--source",
                    "https://news.example/a")
    denial = cli.add("A denial", "--speaker", "Ministry")
    cli.ok("link", "add", denial, "denies", claim, "--note", "why")
    for status in ("in-review", "published"):
        cli.ok("claim", "status", status, claim)
    draft = cli.add("A draft to merge")
    exported = json.loads(cli.ok("export", "-f", "native").stdout)
    mine = {**exported, "claims": [c for c in exported["claims"] if c["id"] != claim]}
    rejected = {**mine, "links": [{**link, "status": "rejected"} for link in mine["links"]]}
    retitled = {**mine, "links": [], "sources": [{"url": "https://news.example/a",
                                                  "title": "A fake title"}]}
    renamed = {**mine, "links": [], "actors": [{"name": "Agency", "kind": "person",
                                                "description": "made up"}]}
    merged = {"format": exported["format"], "version": exported["version"],
              "merges": [{"id": draft, "into": claim, "text": "A draft to merge"}]}
    before = snapshot(cli.url)
    with web_client(team) as checker:
        checker.sign_in("checker")
        for name, document in (("link", rejected), ("source", retitled), ("actor", renamed),
                               ("merge", merged)):
            answer = checker.submit("/import", {"format": "auto"}, page="/import", files={
                "file": (f"{name}.json", json.dumps(document).encode(), "application/json")})
            assert answer.status_code == 403, (name, answer.text[-300:])
            assert snapshot(cli.url) == before, name
        added = {**mine, "links": [], "claims": [{"id": None, "text": "A new draft"}]}
        added["claims"][0].pop("id")
        fine = checker.submit("/import", {"format": "auto"}, page="/import", files={
            "file": ("new.json", json.dumps(added).encode(), "application/json")})
        assert fine.status_code == 200, fine.text[-300:]


def claim_text(cli: Cli, claim: str) -> str:
    return str(json.loads(cli.ok("claim", "show", claim, "-f", "json").stdout)["text"])


def test_a_form_without_its_token_changes_nothing(web: Browser, cli: Cli) -> None:
    before = snapshot(cli.url)
    missing = web.post("/claims/new", data={"text": "forged"}, follow_redirects=False)
    assert missing.status_code == 403 and "expired or was sent from another site" in missing.text
    with web_client(cli.url) as other:
        stolen = other.token()
    forged = web.post("/claims/new", data={"text": "forged", "csrf": stolen},
                      follow_redirects=False)
    assert forged.status_code == 403
    assert snapshot(cli.url) == before


def test_sign_in_checks_the_password_and_is_rate_limited(team: str) -> None:
    with web_client(team, sign_in_attempts=3) as web:
        wrong = web.sign_in("editor", "not the password")
        assert wrong.status_code == 401 and "do not match" in wrong.text
        web.sign_in("editor", "wrong again")
        web.sign_in("Editor", "and again")
        limited = web.sign_in("editor", PASSWORD)  # right, but too late: wait first
        assert limited.status_code == 429 and "Too many failed sign-ins" in limited.text
        assert web.sign_in("ｅditor", "wide letters are the same name").status_code == 429
        # a colleague at the same address (one office, one proxy) is not locked out
        assert web.sign_in("checker", PASSWORD).status_code == 303
    with web_client(team, sign_in_attempts=3) as web:  # but a spray of names from it is
        for number in range(30):
            assert web.sign_in(f"guess{number}", "x").status_code == 401
        assert web.sign_in("viewer", PASSWORD).status_code == 429
    with web_client(team) as web:
        assert web.sign_in("EDITOR", PASSWORD).status_code == 303  # names match in any case
        assert "editor" in web.get("/").text
        kept = web.cookies[COOKIE]
        web.submit("/signout", {}, page="/")
        assert web.get("/", follow_redirects=False).status_code == 303
        web.cookies.clear()  # a copy of the cookie from before signing out no longer counts
        web.cookies.set(COOKIE, kept)
        assert web.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/x", "/\\evil.example", "http:/evil", "javascript:1",
    "/\t/evil.example", "", "evil",
])
def test_no_open_redirect(team: str, target: str) -> None:
    assert safe_next(target) == "/"
    with web_client(team) as web:
        token = web.token("/signin")
        response = web.post("/signin", data={"csrf": token, "name": "editor",
                                             "password": PASSWORD, "next": target},
                            follow_redirects=False)
        assert location(response) == "/"


def test_sign_in_returns_to_the_page_asked_for(team: str) -> None:
    assert safe_next("/claims/new?x=1") == "/claims/new?x=1"
    with web_client(team) as web:
        token = web.token("/signin?next=/review")
        response = web.post("/signin", data={"csrf": token, "name": "checker",
                                             "password": PASSWORD, "next": "/review"},
                            follow_redirects=False)
        assert location(response) == "/review"


def test_a_removed_user_is_signed_out(team: str, cli: Cli) -> None:
    with web_client(team) as web:
        web.sign_in("checker")
        assert web.get("/claims/new").status_code == 200
        cli.ok("user", "rm", "checker")
        assert web.get("/claims/new", follow_redirects=False).status_code == 303


def test_uploads_are_bounded_and_malformed_ones_refused_cleanly(database_url: str,
                                                                cli: Cli) -> None:
    before = snapshot(cli.url)
    with web_client(database_url, max_upload=1024) as web:
        big = web.submit("/import", {"format": "auto"}, page="/import",
                         files={"file": ("big.csv", b"claim\n" + b"x" * 5000, "text/csv")})
        assert big.status_code == 413 and "larger than this server accepts" in big.text
        for name, content in [("bad.json", b'{"format": "claimtrack", "claims": [{'),
                              ("bad.csv", b"\xff\xfe\x00garbage"), ("empty.json", b"")]:
            response = web.submit("/import", {"format": "auto"}, page="/import",
                                  files={"file": (name, content, "application/json")})
            assert response.status_code in (200, 400), name
            assert "Traceback" not in response.text and "/tmp" not in response.text
            if response.status_code == 400:
                assert "Error: " in response.text
        broken = web.post("/import", content=b"--x\r\nnot multipart",
                          headers={"content-type": "multipart/form-data; boundary=x"})
        assert broken.status_code in (400, 403)
    assert snapshot(cli.url) == before


def test_hostile_text_is_inert_on_every_page(web: Browser, cli: Cli,
                                             hostile: tuple[str, str]) -> None:
    claim, denial = hostile
    for path in ["/", f"/claims/{claim}", f"/claims/{denial}", f"/claims/{claim}/edit",
                 f"/claims/{claim}/timeline", f"/claims/{claim}/graph", f"/claims/{claim}/delete",
                 "/review", "/actors", "/match?text=Vaccines+script+alert+cause+harm",
                 "/actor?name=Plain+Speaker"]:
        response = web.get(path)
        assert response.status_code == 200, path
        root = parse_html(response.text)
        scripts = [e.attrs.get("src") for e in root.find_all("script")]
        assert scripts == ["/static/claimtrack.js"], path
        assert not root.find_all("iframe") and not root.find_all("style"), path
        assert [e.attrs["src"] for e in root.find_all("img")] in ([], [
            f"/claims/{claim}/graph.svg"]), path
        for element in root.iter():
            assert not [a for a in element.attrs if a.startswith("on")], (path, element.tag)
            assert not element.attrs.get("href", "").lower().startswith("javascript"), path
    page = web.get(f"/claims/{claim}").text
    text = parse_html(page).all_text()
    for hostile_text in HOSTILE_TEXTS:
        assert hostile_text in text  # shown verbatim, as text


def test_every_response_carries_the_strict_policy(web: Browser) -> None:
    for path in ["/", "/static/web.css", "/report.css", "/no/page", "/claims/new"]:
        headers = web.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy, path
        assert "'unsafe-inline'" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static//etc/passwd", "/report.css/../../app.py",
])
def test_no_path_from_a_url_to_the_file_system(web: Browser, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "from __future__" not in response.text


def test_a_session_cookie_is_signed_httponly_and_lax(web: Browser) -> None:
    cookie = web.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    web.cookies.set("claimtrack_session", "tampered.value.here")
    assert web.get("/").status_code == 200  # a bad cookie is a fresh session, not an error
