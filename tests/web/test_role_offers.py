"""Each role is offered only what it may do, and a refusal names the action refused."""

from __future__ import annotations

from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import web_client


def stages(text: str, select: str) -> list[str]:
    """The review stages a status form offers ([] when the page has no such form)."""
    root = parse_html(text)
    return [option.attrs["value"] for found in root.find_all("select")
            if found.attrs.get("id") == select for option in found.find_all("option")]


def refusal(text: str) -> str:
    return " ".join(e.all_text() for e in parse_html(text).find_all("p", "error"))


def test_a_checker_is_not_offered_publishing(team: str, cli: Cli) -> None:
    claim = cli.add("A claim in review")
    cli.ok("claim", "status", "in-review", claim)
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk")
    with web_client(team) as checker:
        checker.sign_in("checker")
        page = checker.get(f"/claims/{claim}").text
        assert stages(page, "f-claim-status") == ["draft", "in-review"]
        assert 'value="published"' not in page
    with web_client(team) as editor:
        editor.sign_in("editor")
        assert "published" in stages(editor.get(f"/claims/{claim}").text, "f-claim-status")


def test_a_checker_is_not_offered_editing_published_claims(team: str, cli: Cli) -> None:
    claim = cli.add("A published claim")
    for status in ("in-review", "published"):
        cli.ok("claim", "status", status, claim)
    with web_client(team) as checker:
        checker.sign_in("checker")
        page = checker.get(f"/claims/{claim}").text
        assert stages(page, "f-claim-status") == []
        assert "Editors publish, and move published material back." in page
        form = checker.get(f"/claims/{claim}/edit")
        assert form.status_code == 403 and 'name="text"' not in form.text
        assert refusal(form.text) == (
            "Error: You are signed in as checker, a checker: only editors may edit a published "
            "claim. Nothing was changed; whoever runs claimtrack can give you another role.")
        saved = checker.submit(f"/claims/{claim}/edit", {"text": "Changed", "version": "3"},
                               page=f"/claims/{claim}")
        assert saved.status_code == 403 and "may edit a published claim." in refusal(saved.text)
        moved = checker.submit(f"/claims/{claim}/status", {"status": "in-review"},
                               page=f"/claims/{claim}")
        assert "only editors may move a published claim back." in refusal(moved.text)


def test_refusals_name_the_action_and_give_no_command(team: str, cli: Cli) -> None:
    claim = cli.add("A draft")
    with web_client(team) as viewer:
        viewer.sign_in("viewer")
        assert viewer.get(f"/claims/{claim}/edit").status_code == 403
        token = viewer.token("/signin")
        linked = viewer.post(f"/claims/{claim}/links", data={"csrf": token, "other": claim},
                             follow_redirects=False)
        assert "a viewer: only checkers and editors may link claims." in refusal(linked.text)
    with web_client(team) as checker:
        checker.sign_in("checker")
        deleted = checker.submit(f"/claims/{claim}/delete", page=f"/claims/{claim}")
        assert "only editors may delete claims." in refusal(deleted.text)
        assert "claimtrack user" not in deleted.text and "--role" not in deleted.text


def menu(text: str) -> list[str]:
    root = parse_html(text)
    return [a.all_text() for nav in root.find_all("nav") for a in nav.find_all("a")]


def test_a_viewer_is_offered_no_form_they_may_not_use(team: str) -> None:
    with web_client(team) as viewer:
        viewer.sign_in("viewer")
        shown = menu(viewer.get("/").text)
        assert "Claims" in shown and "Downloads" in shown
        assert not {"Add a claim", "Extract", "Import"} & set(shown)
        for path, doing in [("/claims/new", "add claims"), ("/import", "import files"),
                            ("/extract", "extract claims from an article")]:
            form = viewer.get(path)
            assert form.status_code == 403, path
            assert 'name="text"' not in form.text and 'name="file"' not in form.text
            assert refusal(form.text) == (
                f"Error: You are signed in as viewer, a viewer: only checkers and editors may "
                f"{doing}. Nothing was changed; whoever runs claimtrack can give you another "
                "role."), path
        looked = viewer.get("/match?text=Nothing+like+this+was+ever+said")
        assert looked.status_code == 200 and "/claims/new" not in looked.text
    with web_client(team) as checker:
        checker.sign_in("checker")
        assert {"Add a claim", "Extract", "Import"} <= set(menu(checker.get("/").text))
        for path in ("/claims/new", "/import", "/extract"):
            assert checker.get(path).status_code == 200, path
