"""A dispute's pieces written in Python (claimtrack/render/pieces.py) and the web page's
responses (claimtrack/web/cards.py): what a reader sees, hostile values kept as text."""

from __future__ import annotations

import datetime as dt

from claimtrack.core.enums import Rating, Relation, ReviewStatus
from claimtrack.core.views import (
    AppearanceView,
    ArchiveView,
    ClaimView,
    Response,
    SourceView,
    VerdictView,
)
from claimtrack.render.pieces import sources_list, verdict_list
from claimtrack.render.wording import UNATTRIBUTED
from claimtrack.web.cards import archive_notes, response_list
from tests.helpers.reports import (
    HOSTILE_CLAIM,
    HOSTILE_LABEL,
    HOSTILE_NOTE,
    HOSTILE_SPEAKER,
    HOSTILE_URL,
    injected_markup,
    parse_html,
)

PAGES = (
    AppearanceView("https://a.example/1", HOSTILE_LABEL, HOSTILE_SPEAKER, HOSTILE_NOTE,
                   dt.date(2022, 2, 18)),
    AppearanceView("https://b.example/2", None, None, None, None),
    AppearanceView(HOSTILE_URL, None, None, None, None),
)
ARCHIVED = {
    "https://a.example/1": SourceView("https://a.example/1",
                                      retrieved_at=dt.datetime(2022, 2, 19, 8, 30),
                                      archive_url="https://archive.example/a"),
    "https://b.example/2": SourceView("https://b.example/2",
                                      retrieved_at=dt.datetime(2022, 3, 1, 12, 0)),
}
KEPT = {PAGES[1].url: ArchiveView(dt.datetime(2022, 3, 2, 9, 15), PAGES[1].url, PAGES[1].url, 200,
                                  "text/html", "ab" * 32, 120)}
NOTES = archive_notes(ARCHIVED, KEPT)
VERDICT = VerdictView("v-1", "c-1", HOSTILE_LABEL, Rating.FALSE, HOSTILE_SPEAKER,
                      dt.date(2022, 2, 20), "https://check.example/", HOSTILE_NOTE,
                      status=ReviewStatus.PUBLISHED)


def _page(markup: object) -> str:
    """A fragment inside the report's shell, so injected_markup can judge it."""
    return f"<html><head><style>p{{}}</style></head><body>{markup}</body></html>"


def test_sources_show_each_page_and_its_archived_copy_or_the_lack_of_one() -> None:
    tree = parse_html(str(sources_list(PAGES, NOTES)))
    items = tree.find_all("li")
    assert len(items) == 3
    first = items[0]
    assert first.find_all("cite")[0].all_text() == HOSTILE_LABEL
    assert HOSTILE_SPEAKER in first.all_text()
    assert first.find_all("blockquote", "quote")[0].all_text() == HOSTILE_NOTE
    assert first.find_all("time")[0].attrs["datetime"] == "2022-02-18"
    archived = first.find_all("a", "archived")[0]
    assert archived.attrs["href"] == "https://archive.example/a"
    assert "(retrieved 2022-02-19 08:30 UTC)" in first.all_text()
    kept = items[1].find_all("a", "archived")[0]  # the copy claimtrack keeps: a download
    assert kept.attrs["href"] == "/sources/archived?url=https%3A%2F%2Fb.example%2F2"
    assert "download" in kept.attrs
    assert "(retrieved 2022-03-02 09:15 UTC, HTTP 200)" in items[1].all_text()
    assert items[2].find_all("span", "muted")[0].all_text() == "no archived copy yet"
    assert items[2].find_all("a")[0].attrs["href"] == HOSTILE_URL
    assert not injected_markup(parse_html(_page(sources_list(PAGES))))  # as in a report


def test_sources_without_records_say_nothing_of_archives_and_none_is_nothing() -> None:
    text = parse_html(str(sources_list(PAGES))).all_text()
    assert "archived" not in text and "retrieved" not in text
    assert str(sources_list(())) == ""


def test_verdicts_show_reviewer_label_reading_date_link_and_on_the_desk_the_stage() -> None:
    badge = parse_html(str(verdict_list([VERDICT]))).find_all("li", "badge")[0]
    assert "rating-false" in badge.attrs["class"].split()
    assert badge.find_all("strong")[0].all_text() == HOSTILE_LABEL
    assert badge.all_text().startswith(f"{HOSTILE_SPEAKER}: ")
    assert badge.find_all("a")[0].attrs["href"] == "https://check.example/"
    assert "published" not in badge.all_text()
    desk = parse_html(str(verdict_list([VERDICT], with_status=True))).find_all("li")[0]
    assert f" · published ({HOSTILE_NOTE})" in desk.all_text()  # the explanation, as text
    assert desk.find_all("span", "explanation")[0].all_text() == f"({HOSTILE_NOTE})"
    assert str(verdict_list(())) == ""


def test_responses_nest_their_supporters_and_keep_hostile_text_inert() -> None:
    def claim(claim_id: str, text: str, speaker: str | None) -> ClaimView:
        return ClaimView(claim_id, text, speaker, None, sources=PAGES[:1],
                         status=ReviewStatus.IN_REVIEW)

    supporter = Response(Relation.SUPPORTS, claim("c-2", "Agreed", None))
    denial = Response(Relation.DENIES, claim("c-1", HOSTILE_CLAIM, HOSTILE_SPEAKER),
                      note=HOSTILE_NOTE, source="https://elsewhere.example/",
                      supporters=(supporter,), verdicts=(VERDICT,))
    tree = parse_html(f"<ul>{response_list([denial], NOTES)}</ul>")
    outer, inner = tree.find_all("li", "response")
    assert outer.find_all("strong", "speaker")[0].all_text() == HOSTILE_SPEAKER
    assert outer.find_all("blockquote", "text")[0].all_text() == HOSTILE_CLAIM
    assert outer.find_all("p", "note")[0].all_text() == f"Note: {HOSTILE_NOTE}"
    assert outer.find_all("p", "via")[0].find_all("a")[0].attrs["href"] == (
        "https://elsewhere.example/")
    assert outer.find_all("a")[0].attrs["href"] == "/claims/c-1"
    assert outer.find_all("span", "status-in-review")
    assert outer.find_all("a", "archived")
    assert inner.find_all("strong", "speaker")[0].all_text() == UNATTRIBUTED
    assert inner.find_all("a")[0].attrs["href"] == "/claims/c-2"
    assert not inner.find_all("li", "badge")  # the verdict is the denial's, not its supporter's


def test_names_are_isolated_so_right_to_left_ones_do_not_reorder_what_follows() -> None:
    from claimtrack.render.pieces import who

    assert str(who("عمر الخطيب")) == "<bdi>عمر الخطيب</bdi>"
    assert str(who(None)) == UNATTRIBUTED == "unattributed"
    assert parse_html(str(who(HOSTILE_SPEAKER))).find_all("bdi")[0].all_text() == HOSTILE_SPEAKER
    arabic = Response(Relation.DENIES, ClaimView("c-9", "نفى ذلك", "وزارة الدفاع",
                                                 dt.date(2024, 1, 4)))
    item = parse_html(str(response_list([arabic], NOTES))).find_all("li", "response")[0]
    speaker = item.find_all("strong", "speaker")[0]
    assert speaker.find_all("bdi")[0].all_text() == "وزارة الدفاع"
    assert item.find_all("time")[0].attrs["datetime"] == "2024-01-04"
    badge = parse_html(str(verdict_list([VERDICT]))).find_all("li", "badge")[0]
    assert badge.find_all("bdi")[0].all_text() == HOSTILE_SPEAKER


def test_a_response_that_is_itself_challenged_says_so() -> None:
    challenged = Response(Relation.SUPPORTS, ClaimView("c-7", "Satellite images show it",
                                                       "Sullivan", None, challenges=2))
    settled = Response(Relation.SUPPORTS, ClaimView("c-8", "Agreed", "Ana", None))
    items = parse_html(str(response_list([challenged, settled], NOTES))).find_all("li")
    assert items[0].find_all("span", "contested")[0].all_text() == "contested: 2 challenges"
    assert not items[1].find_all("span", "contested")


def test_plurals_of_nouns_ending_in_a_hiss() -> None:
    from claimtrack.core.wording import plural

    assert [plural(5, "match"), plural(2, "claim"), plural(1, "match"), plural(3, "box")] == [
        "5 matches", "2 claims", "1 match", "3 boxes"]
