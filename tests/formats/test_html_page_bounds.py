"""The page reader on hostile pages: what it holds stays linear in the page and bounded by
its caps, and JSON-LD blocks are passed on as they close (no timing: what is held is
counted)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from claimtrack.core.errors import InvalidInput
from claimtrack.formats import html_page
from claimtrack.formats.html_page import MAX_NESTING, MAX_OPEN, PageReader, read_html

REVIEW = '<div itemscope itemtype="https://schema.org/ClaimReview">'
BLOCK = ('<script type="application/ld+json">{{"@type": "ClaimReview", "claimReviewed": "{0}", '
         '"url": "/r/{0}", "author": {{"name": "Desk"}}}}</script>')


def read(page: str) -> list[Any]:
    return list(read_html(io.BytesIO(page.encode())))


def held_text(value: Any) -> int:
    """Characters of text in a microdata item, nested items included."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(held_text(v) for values in value["properties"].values() for v in values)
    return 0


def test_text_inside_many_open_properties_is_kept_once_not_once_per_property() -> None:
    n = 2000  # each property once held a copy of all the text after it: n * n characters
    parsed = read(REVIEW + '<b itemprop="x">' * n + "t<br>" * n + "</b>" * n + "</div>")
    (item,) = [p.raw for p in parsed if p.raw]
    assert held_text(item) <= MAX_NESTING * n
    assert any("nested more than 64" in note for p in parsed for note in p.notes)


def test_items_nested_deeper_than_the_json_limit_are_skipped() -> None:
    parsed = read(
        (REVIEW[:-1] + ' itemprop="about">') * 100 + "x" + "</div>" * 100
    )
    item, depth = parsed[0].raw, 0
    while item:
        item, depth = (item["properties"].get("about") or [None])[0], depth + 1
    assert depth == MAX_NESTING


def test_a_property_longer_than_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_page, "MAX_VALUE", 1000)
    with pytest.raises(InvalidInput, match="microdata property"):
        read(REVIEW + '<span itemprop="claimReviewed">' + "word " * 300 + "</span></div>")


def test_the_microdata_kept_for_a_page_is_capped_but_items_without_reviews_cost_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html_page, "MAX_MICRODATA", 10_000)
    things = '<p itemscope itemtype="https://schema.org/Thing"><i itemprop="name">x</i></p>'
    assert read(things * 1000) == []  # 1,000 items, each dropped when it closes
    with pytest.raises(InvalidInput, match="microdata holds more than"):
        read((REVIEW + '<i itemprop="name">' + "x" * 100 + "</i></div>") * 1000)


def test_open_elements_and_stray_end_tags_are_bounded() -> None:
    reader = PageReader()
    reader.feed("<div>" * 5000 + "</span>" * 5000)
    assert len(reader._stack) == MAX_OPEN
    reader.feed("</div>")
    assert len(reader._stack) == MAX_OPEN - 1


def test_json_ld_blocks_are_passed_on_as_they_close() -> None:
    page = ('<html><head><link rel="canonical" href="https://desk.example/page">'
            + BLOCK.format("first") + "</head><body>" + "<p>filler</p>" * 50_000
            + BLOCK.format("second") + "</body></html>").encode()
    stream = io.BytesIO(page)
    read_when = [stream.tell() for _ in read_html(stream)]
    assert len(read_when) == 2 and read_when[0] < len(page) // 2
    assert read_when[1] == len(page)


def test_blocks_wait_for_the_pages_address_up_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_page, "HELD_SCRIPTS", 500)
    page = "".join(BLOCK.format(f"claim {n}") for n in range(100)) + "<p>x</p>" * 30_000
    stream = io.BytesIO(page.encode())
    first = next(read_html(stream))
    assert stream.tell() < len(page) and first.where == "script 1"
    late = read('<html>' + BLOCK.format("a") + '<link rel="canonical" href="https://d.example/p">')
    assert late[0].item.reviews[0].url == "https://d.example/r/a"  # resolved once known


def _reviewed(page: bytes) -> tuple[list[Any], list[str]]:
    """What a page's microdata review says it reviewed, and the notices reading it gave."""
    found = list(read_html(io.BytesIO(page + REVIEW.encode() + (
        b'<span itemprop="claimReviewed">caf\xe9 \xc3\xa9</span></div>'))))
    reviews = [p for p in found if p.raw is not None]
    return ([p.raw["properties"]["claimReviewed"] for p in reviews],
            [note for p in found for note in p.notes])


@pytest.mark.parametrize(("declared", "text"), [
    (b'<meta charset="iso-8859-1">', "caf\u00e9 \u00c3\u00a9"),  # windows-1252, as browsers
    (b'<meta charset="us-ascii">', "caf\u00e9 \u00c3\u00a9"),
    (b'<meta charset="windows-1252">', "caf\u00e9 \u00c3\u00a9"),
])
def test_a_page_is_read_in_its_declared_charset_as_browsers_read_it(
    declared: bytes, text: str
) -> None:
    assert _reviewed(declared) == ([[text]], [])


@pytest.mark.parametrize("declared", [b'<meta charset="utf-16">', b'<meta charset="hex">',
                                      b'<meta charset="zlib">', b'<meta charset="nonsense">', b""])
def test_a_label_that_is_no_text_encoding_reads_as_utf8_with_a_notice(declared: bytes) -> None:
    """A "utf-16" the page declares in its own ASCII bytes is UTF-8 (browsers agree); "hex" is
    a Python codec but no charset. The stray Latin-1 byte reads as U+FFFD, as a browser shows
    it, and a notice says from which line: never a traceback, never a page refused whole."""
    (reviewed,), notes = _reviewed(declared)
    assert reviewed == ["caf\ufffd \u00e9"]
    assert len(notes) == 1 and "from line 1 on are not text" in notes[0]


