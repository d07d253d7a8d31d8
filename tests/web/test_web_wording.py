"""What only the command line can do is said as information on the web, not as a command to
type; imports, duplicate scans and the Extract page's limit are said in the web's words."""

from __future__ import annotations

import re

from tests.helpers import FIXTURES, Cli
from tests.helpers.web import Browser
from tests.web.test_web_messages import said

SQLITE = b"SQLite format 3\x00" + bytes(200)


def test_a_database_file_upload_says_what_the_web_cannot_do(web: Browser) -> None:
    answer = web.submit("/import", {"format": "auto"}, page="/import",
                        files={"file": ("backup.db", SQLITE, "application/octet-stream")})
    assert answer.status_code == 400
    assert said(answer) == (
        "Error: backup.db is a SQLite database, not a file to import; a claimtrack database or "
        "backup cannot be imported here: whoever runs claimtrack can restore it, or serve it, "
        "from the command line.")


def test_a_deleted_claim_says_an_editor_can_restore_it(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim soon deleted")
    confirm = web.get(f"/claims/{claim}/delete").text
    assert "an editor can restore the claim from the command line (claimtrack claim restore)" \
        in confirm and "<code>claimtrack" not in confirm
    assert web.submit(f"/claims/{claim}/delete", page=f"/claims/{claim}").status_code == 303
    gone = web.get(f"/claims/{claim}")
    assert gone.status_code == 404
    assert ("It is not shown on the web any more; an editor can restore it from the command "
            "line (claimtrack claim restore), as it was at a time before the deletion."
            ) in said(gone)


def test_the_extract_pages_limit_is_its_own(web: Browser) -> None:
    from claimtrack.services.articles import TEXT_LIMIT

    answer = web.submit("/extract", {"text": "word " * (TEXT_LIMIT // 5 + 1)}, page="/extract")
    assert answer.status_code == 400
    assert "the Extract page reads at most 200,000 characters" in said(answer)


def test_a_partly_rejected_import_says_so(web: Browser) -> None:
    data = (FIXTURES / "claimreview/real/handmade/partly-bad-es.json").read_bytes()
    answer = web.submit("/import", {"format": "auto"}, page="/import",
                        files={"file": ("partly-bad-es.json", data, "application/json")})
    assert answer.status_code == 200
    assert "Partly imported partly-bad-es.json" in answer.text
    assert ">Imported partly-bad-es.json" not in answer.text and "rejected 1" in answer.text


def test_looking_for_duplicates_is_said_as_the_web_names_it(web: Browser, cli: Cli) -> None:
    text = "The new tax on sugary drinks will raise two billion pounds every single year"
    cli.add(text), cli.add(text.replace("every single year", "each year"))
    scanned = web.submit("/review/dedupe", page="/review", follow=True)
    assert "Looked through 2 claims for duplicates: 1 new suggestion recorded." in said(scanned)
    assert re.search(r"score \d\.\d\d · Found by “Look for duplicates”\.</p>", scanned.text)
    assert "claimtrack dedupe" not in scanned.text and "(s)" not in said(scanned)


def test_a_deleted_verdict_deleted_again_is_said_in_the_webs_words(
    web: Browser, cli: Cli
) -> None:
    claim = cli.add("Prices fell")
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk")
    (verdict,) = re.findall(r"v-[0-9a-z]+", cli.ok("verdict", "list", claim).stdout)
    page = f"/claims/{claim}"
    assert web.submit(f"/verdicts/{verdict}/delete", page=page).status_code == 303
    again = web.submit(f"/verdicts/{verdict}/delete", page=page)  # a second tab, say
    assert again.status_code == 404
    assert said(again).startswith(f"Error: Verdict {verdict} was deleted on ")
    assert said(again).endswith("It is not shown on the web any more; add it again on its "
                                "claim's page if it should not have gone.")
    assert "`claimtrack" not in again.text
