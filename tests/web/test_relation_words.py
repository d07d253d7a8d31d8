"""Relations read the right way round on the web, as on the reports: the contested list says
who answered the claim ("denied by Sergey Lavrov"), and the link form's choices are sentences."""

from __future__ import annotations

from claimtrack.core.enums import Relation
from tests.helpers import Cli
from tests.helpers.reports import parse_html
from tests.helpers.web import Browser


def test_the_contested_list_says_who_answered_each_claim_and_how(
    web: Browser, cli: Cli
) -> None:
    """One contested claim per relation, answered with it by a speaker named after it."""
    for relation in Relation:
        claim = cli.add(f"Claim answered by {relation.value}", "--speaker", "White House")
        answer = cli.add(f"The answer, {relation.value}", "--speaker", f"Speaker {relation.value}")
        cli.ok("link", "add", answer, relation.value, claim)
        if not relation.is_challenge:  # the list shows contested claims only
            cli.ok("link", "add", cli.add(f"No, not {relation.value}.", "--speaker", "Critic"),
                   "denies", claim)
    rows = parse_html(web.get("/").text).find_all("p", "answers-brief")
    shown = " | ".join(row.all_text() for row in rows)
    for relation in Relation:
        assert f"{relation.phrase} Speaker {relation.value}" in shown, shown
    assert "denied by Speaker denies" in shown and "denies Speaker" not in shown
    assert "answered by Speaker responds_to" in shown and "supported by Speaker" in shown


def test_every_relation_the_link_form_offers_reads_as_a_sentence(web: Browser, cli: Cli) -> None:
    claim = cli.add("A claim to link")
    (picker,) = [s for s in parse_html(web.get(f"/claims/{claim}").text).find_all("select")
                 if s.attrs.get("name") == "relation"]
    offered = {o.attrs["value"]: o.all_text() for o in picker.find_all("option")}
    assert offered == {
        "supports": "the other claim supports this one",
        "contradicts": "the other claim contradicts this one",
        "denies": "the other claim denies this one",
        "evades": "the other claim evades this one",
        "responds_to": "the other claim responds to this one",
        "same_as": "the other claim is the same as this one",
        "reverse-supports": "this claim supports the other",
        "reverse-contradicts": "this claim contradicts the other",
        "reverse-denies": "this claim denies the other",
        "reverse-evades": "this claim evades the other",
        "reverse-responds_to": "this claim responds to the other",
        "reverse-same_as": "this claim is the same as the other",
    }
