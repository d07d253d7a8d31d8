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
from claimtrack.formats.jsonstream import NotUtf8

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


def test_a_page_is_read_strictly_in_its_declared_charset_else_utf8() -> None:
    latin = b'<meta charset="iso-8859-1">' + REVIEW.encode() + (
        b'<span itemprop="claimReviewed">caf\xe9</span></div>')
    (parsed,) = read_html(io.BytesIO(latin))
    assert parsed.raw["properties"]["claimReviewed"] == ["caf\u00e9"]
    with pytest.raises(NotUtf8) as refused:
        list(read_html(io.BytesIO(b"<html>\n<p>bad \xff</p>")))
    assert refused.value.line == 2
