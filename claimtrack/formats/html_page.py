"""ClaimReviews in a saved web page: every ``<script type="application/ld+json">`` block, and
microdata (``itemscope``/``itemprop``) items. The page is read in chunks, never whole; its
JSON-LD blocks are parsed once the page has been read, with what the page says about itself
(``<link rel=canonical>`` or ``og:url``: relative review URLs resolve against it; ``<html
lang>``: the reviews' language when they give none)."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import IO, Any

from claimtrack.core.errors import InvalidInput
from claimtrack.formats.claimreview import Page
from claimtrack.formats.jsonld import parse_script, reviews_in
from claimtrack.formats.records import Parsed

CHUNK = 1 << 16
MAX_BLOCK = 16 * 1024 * 1024  # a script block or an unfinished tag: no real page has one this long
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Where an itemprop's value comes from, by element (the microdata spec's table).
VALUE_ATTRIBUTE = {
    "meta": "content",
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "track": "src",
    "object": "data",
    "data": "value",
    "meter": "value",
    "time": "datetime",
}


class _Open:
    """An open element: the item it starts, the properties its text fills."""

    def __init__(self, tag: str, item: dict[str, Any] | None, props: list[str], owner: Any) -> None:
        self.tag, self.item, self.props, self.owner = tag, item, props, owner
        self.text: list[str] = []


class PageReader(HTMLParser):
    """Collects ld+json blocks and top-level microdata items as the page is fed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.items: list[dict[str, Any]] = []
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.language: str | None = None
        self._script: list[str] | None = None
        self._script_size = 0
        self._stack: list[_Open] = []

    def _item_owner(self) -> dict[str, Any] | None:
        return next((e.item for e in reversed(self._stack) if e.item is not None), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script" and "ld+json" in attributes.get("type", ""):
            self._script, self._script_size = [], 0
        self._note_page(tag, attributes)
        props = attributes.get("itemprop", "").split()
        owner = self._item_owner()
        item = None
        if "itemscope" in attributes:
            item = {"type": attributes.get("itemtype", "").split(), "properties": {}}
            if "itemid" in attributes:
                item["id"] = attributes["itemid"]
            if props and owner is not None:
                self._add(owner, props, item)
            else:
                self.items.append(item)
            props = []
        elif props and tag in VALUE_ATTRIBUTE and VALUE_ATTRIBUTE[tag] in attributes:
            if owner is not None:
                self._add(owner, props, attributes[VALUE_ATTRIBUTE[tag]].strip())
            props = []
        if tag not in VOID:
            self._stack.append(_Open(tag, item, props, owner))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            self._script_size += len(data)
            if self._script_size > MAX_BLOCK:
                raise InvalidInput(
                    f"a JSON-LD block of the page is longer than {MAX_BLOCK // (1024 * 1024)} "
                    "MB; no ClaimReview is that long."
                )
        for element in self._stack:
            if element.props:
                element.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if not any(e.tag == tag for e in self._stack):
            return
        while self._stack:
            element = self._stack.pop()
            if element.props and element.owner is not None:
                self._add(element.owner, element.props, " ".join("".join(element.text).split()))
            if element.tag == tag:
                return

    def _note_page(self, tag: str, attributes: dict[str, str]) -> None:
        """The page's own address and language, the first time each is given."""
        if tag == "html" and attributes.get("lang", "").strip():
            self.language = self.language or attributes["lang"].strip()
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "").strip() or None
        elif tag == "meta" and attributes.get("property", "").lower() == "og:url":
            self.og_url = self.og_url or attributes.get("content", "").strip() or None

    @property
    def page(self) -> Page:
        return Page(url=self.canonical or self.og_url, language=self.language)

    @staticmethod
    def _add(owner: dict[str, Any], props: list[str], value: Any) -> None:
        for prop in props:
            owner["properties"].setdefault(prop, []).append(value)


def read_html(stream: IO[bytes]) -> Iterator[Parsed]:
    """Every ClaimReview on the page: JSON-LD blocks first, in page order, then microdata."""
    reader, decoder = PageReader(), codecs.getincrementaldecoder("utf-8")(errors="replace")
    while chunk := stream.read(CHUNK):
        reader.feed(decoder.decode(chunk))
        if len(reader.rawdata) > MAX_BLOCK:  # one tag or comment that never ends
            raise InvalidInput(
                f"the page has a tag or comment longer than {MAX_BLOCK // (1024 * 1024)} MB "
                "that never ends; this is not a saved web page."
            )
    reader.feed(decoder.decode(b"", final=True))
    reader.close()
    page = reader.page
    for number, text in enumerate(reader.scripts, start=1):
        yield from parse_script(text, f"script {number}", page)
    for number, item in enumerate(reader.items, start=1):
        yield from reviews_in(item, f"microdata item {number}", page=page, entities=False)
