"""Re-importing a page that reviews several claims under one url (Full Fact writes one
ClaimReview per claim, all with the article's url): each review finds its own claim again,
also after the publisher reworded one of them, and a review the page added is a new claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tests.helpers import Cli, claims, import_in_batches, summary, verdicts, write

URL = "https://factdesk.example.org/health/social-care/"
TWO_BILLION = "Two billion was announced for social care last year."
NO_EXTRA = "There was no extra money announced for social care this week."
REWORDED = "There was no extra money announced for adult social care this week."


def review(claim: str, rating: str, speaker: str, url: str = URL) -> dict[str, Any]:
    return {
        "@context": "https://schema.org", "@type": "ClaimReview", "url": url,
        "datePublished": "2018-06-22", "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "Example Fact Desk"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": speaker}},
        "reviewRating": {"@type": "Rating", "alternateName": rating},
    }


def page(path: Path, *reviews: dict[str, Any]) -> str:
    """A saved article page with one JSON-LD block per review, as Full Fact writes them."""
    blocks = "".join(f'<script type="application/ld+json">{json.dumps(r)}</script>\n'
                     for r in reviews)
    return write(path, f"<!doctype html><html><head>{blocks}</head><body>…</body></html>")


def reviews_of(cli: Cli) -> dict[str, str]:
    """Each claim's text by the rating of its one verdict."""
    texts = {c["id"]: text for text, c in claims(cli).items()}
    listed = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    return {v["rating"]: texts[v["claim"]] for v in listed}


def test_a_reworded_claim_of_a_two_review_page_is_updated_in_place(
    cli: Cli, tmp_path: Path
) -> None:
    first = review(TWO_BILLION, "Correct", "Damian Green")
    second = review(NO_EXTRA, "Correct, but see the budget", "Jonathan Ashworth")
    cli.ok("import", page(tmp_path / "a.html", first, second))
    ids = {text: c["id"] for text, c in claims(cli).items()}
    edited = cli.ok("import", page(tmp_path / "b.html", first,
                                   {**second, "claimReviewed": REWORDED}))
    assert summary(edited).split(": ", 1)[1].startswith("added 0, updated 1 (claims 1)")
    assert reviews_of(cli) == {"Correct": TWO_BILLION, "Correct, but see the budget": REWORDED}
    assert {text: c["id"] for text, c in claims(cli).items()} == {
        TWO_BILLION: ids[TWO_BILLION], REWORDED: ids[NO_EXTRA]}
    # The reviews' order on the page does not matter either.
    again = cli.ok("import", page(tmp_path / "c.html", {**second, "claimReviewed": NO_EXTRA},
                                  first))
    assert "added 0, updated 1 (claims 1)" in summary(again)
    assert set(claims(cli)) == {TWO_BILLION, NO_EXTRA}


def test_a_review_the_page_added_is_a_new_claim_and_the_first_is_kept(
    cli: Cli, tmp_path: Path
) -> None:
    """Before, the one claim stored under the url took the added review: its text and rating
    were overwritten and the first review was lost."""
    first = review(TWO_BILLION, "Correct", "Damian Green")
    cli.ok("import", page(tmp_path / "a.html", first))
    added = cli.ok("import", page(tmp_path / "b.html", first,
                                  review(NO_EXTRA, "Correct, but see the budget", "J. Ashworth")))
    assert "added 3 (actors 1, claims 1, verdicts 1)" in summary(added)
    assert reviews_of(cli) == {"Correct": TWO_BILLION, "Correct, but see the budget": NO_EXTRA}


def test_a_single_review_page_reworded_is_still_updated(cli: Cli, tmp_path: Path) -> None:
    cli.ok("import", page(tmp_path / "a.html", review(NO_EXTRA, "Correct", "J. Ashworth")))
    cli.ok("import", page(tmp_path / "b.html", review(REWORDED, "Correct", "J. Ashworth")))
    assert list(claims(cli)) == [REWORDED]


def test_two_reworded_claims_or_different_anchors_are_never_guessed(
    cli: Cli, tmp_path: Path
) -> None:
    """Two claims left on each side: which is which would be a guess, so they are new claims
    (the stored ones stay as they were). Reviews under different #anchors of the page are
    different reviews, however many are left."""
    first = review(TWO_BILLION, "Correct", "Damian Green")
    second = review(NO_EXTRA, "Correct, but see the budget", "Jonathan Ashworth")
    cli.ok("import", page(tmp_path / "a.html", first, second))
    both = cli.ok("import", page(tmp_path / "b.html", {**first, "claimReviewed": "Two billion."},
                                 {**second, "claimReviewed": REWORDED}))
    assert "added 4 (claims 2, verdicts 2)" in summary(both)
    assert {TWO_BILLION, NO_EXTRA} <= set(claims(cli))

    anchored = review("Roads get a tenth more.", "False", "Jane Roe", url=URL + "#roads")
    other = review("Schools get a fifth more.", "True", "Jane Roe", url=URL + "#schools")
    cli.ok("import", page(tmp_path / "c.html", anchored))
    cli.ok("import", page(tmp_path / "d.html", other))  # the page now reviews another claim
    texts = set(claims(cli))
    assert {"Roads get a tenth more.", "Schools get a fifth more."} <= texts


def test_a_batch_never_ends_between_two_reviews_of_one_page(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    """With one review of the page in each batch neither batch could pair the reworded one.
    (Batches of 500 records in `claimtrack import`; 2 here.)"""
    from claimtrack.formats import inputs
    from claimtrack.interchange.importer import Importer
    from claimtrack.store.db import session_scope

    first = review(TWO_BILLION, "Correct", "Damian Green")
    second = review(NO_EXTRA, "Correct, but see the budget", "Jonathan Ashworth")
    lone = review("Taxes rose.", "False", "Jane Roe", url="https://factdesk.example.org/taxes")
    cli.ok("import", page(tmp_path / "a.html", lone, first, second))
    edited = page(tmp_path / "b.html", lone, first, {**second, "claimReviewed": REWORDED})
    with session_scope(engine) as session:
        importer = Importer(session, batch_size=2)
        stream, _counter, _size = inputs.open_input(edited)
        with stream:
            importer.feed(inputs.read(stream, "claimreview"), edited)
        assert importer.finish().line().startswith("added 0, updated 1 (claims 1)")
    assert reviews_of(cli)["Correct, but see the budget"] == REWORDED
    assert len(verdicts(cli)) == 2  # the page's two reviews share one url


def test_desk_edits_survive_a_reimport_of_the_unchanged_page(cli: Cli, tmp_path: Path) -> None:
    """The page says what it said when it was imported: the desk's edits since then stand
    (two claims of one page edited at once are still found, by what the page said); what the
    publisher changes afterwards is taken."""
    first = review(TWO_BILLION, "Correct", "Damian Green")
    second = review(NO_EXTRA, "Correct, but see the budget", "Jonathan Ashworth")
    cli.ok("import", page(tmp_path / "a.html", first, second))
    ids = {text: c["id"] for text, c in claims(cli).items()}
    cli.ok("claim", "edit", ids[TWO_BILLION], "--text", TWO_BILLION + " [desk: £2bn, 2017]")
    cli.ok("claim", "edit", ids[NO_EXTRA], "--text", NO_EXTRA + " [desk: checked]",
           "--speaker", "Jon Ashworth")
    again = cli.ok("import", page(tmp_path / "b.html", first, second))
    assert summary(again).split(": ", 1)[1].startswith("added 0, updated 0")
    stored = {c["id"]: (text, c["speaker"]) for text, c in claims(cli).items()}
    assert stored == {
        ids[TWO_BILLION]: (TWO_BILLION + " [desk: £2bn, 2017]", "Damian Green"),
        ids[NO_EXTRA]: (NO_EXTRA + " [desk: checked]", "Jon Ashworth"),
    }
    changed = cli.ok("import", page(tmp_path / "c.html", first,
                                    {**second, "claimReviewed": REWORDED}))
    assert summary(changed).split(": ", 1)[1].startswith("added 0, updated 1 (claims 1)")
    stored = {c["id"]: (text, c["speaker"]) for text, c in claims(cli).items()}
    assert stored[ids[NO_EXTRA]] == (REWORDED, "Jon Ashworth")  # the publisher's new words
    assert stored[ids[TWO_BILLION]][0].endswith("[desk: £2bn, 2017]")


def test_a_review_far_from_its_pages_other_takes_nothing_from_it(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    """A feed may list one page's reviews far apart (by date): a review the page added, met
    batches after the page's first review was matched again, is a new claim; so is one by
    another speaker that comes first."""
    first = review(TWO_BILLION, "Correct", "Damian Green")
    cli.ok("import", page(tmp_path / "a.html", first))
    fillers = [review(f"Filler claim number {n} about buses.", "False", "Someone Else",
                      url=f"https://factdesk.example.org/filler/{n}/") for n in range(5)]
    added = review(NO_EXTRA, "Correct, but see the budget", "Jonathan Ashworth")
    later = tmp_path / "feed.json"
    later.write_text(json.dumps([first, *fillers, added]), encoding="utf-8")
    import_in_batches(engine, later, "claimreview", 2)
    assert reviews_of(cli) == {"Correct": TWO_BILLION, "Correct, but see the budget": NO_EXTRA,
                               "False": reviews_of(cli)["False"]}
    second_url = "https://factdesk.example.org/health/care-spending/"
    kept = review("Care spending doubled since 2010.", "Wrong", "Jane Roe", url=second_url)
    cli.ok("import", page(tmp_path / "b.html", kept))
    kept_id = claims(cli)["Care spending doubled since 2010."]["id"]
    before = tmp_path / "before.json"  # the page's new review first, by another speaker
    other = review("Spending on care fell in real terms.", "Misleading", "Someone Else",
                   url=second_url)
    before.write_text(json.dumps([other, *fillers, kept]), encoding="utf-8")
    import_in_batches(engine, before, "claimreview", 2)
    texts = reviews_of(cli)
    assert (texts["Wrong"], texts["Misleading"]) == (
        "Care spending doubled since 2010.", "Spending on care fell in real terms.")
    assert claims(cli)["Care spending doubled since 2010."]["id"] == kept_id  # not moved
