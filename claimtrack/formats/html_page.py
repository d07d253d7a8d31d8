"""ClaimReviews in a saved web page: every ``<script type="application/ld+json">`` block, and
microdata (``itemscope``/``itemprop``) items. The page is read in chunks, never whole, in
linear time and bounded memory however hostile it is:

- a JSON-LD block is parsed as soon as it closes, with what the page has said about itself
  by then (``<link rel=canonical>``: relative review URLs resolve against it, else
  ``og:url``; ``<html lang>``: the reviews' language when they give none). Blocks wait for
  the page's address (usually in ``<head>``, before them) up to ``HELD_SCRIPTS`` characters;
- microdata text is kept once (its spaces folded), by the outermost property reading it;
  each property takes its slice when it closes. A property's text is at most ``MAX_VALUE``
  characters and all the microdata kept for a page at most ``MAX_MICRODATA``; items and
  properties nested more than ``MAX_NESTING`` deep are skipped with a notice; at most
  ``MAX_OPEN`` elements are open at once (deeper ones close the innermost, as browsers do),
  and an end tag that closes nothing is ignored at once. Items with no ClaimReview in them
  are dropped when they close; the others come after the JSON-LD blocks, in page order.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import IO, Any

from claimtrack.core.errors import InvalidInput
from claimtrack.formats.claimreview import Page
from claimtrack.formats.html_text import bom_codec, declared_charset, text_codec
from claimtrack.formats.jsonld import find_reviews, parse_script, reviews_in
from claimtrack.formats.jsonstream import MAX_NESTING, MAX_VALUE
from claimtrack.formats.records import Parsed

CHUNK = 1 << 16
MAX_BLOCK = MAX_VALUE  # a script block or an unfinished tag: no real page has one this long
MAX_MICRODATA = MAX_VALUE  # all microdata kept for one page, counted as below
VALUE_COST, ITEM_COST = 64, 256  # what a kept value or item costs beside its text
MAX_OPEN = 512  # Chromium's parser stops nesting elements at 512 too
HELD_SCRIPTS = 1 << 20  # JSON-LD text waiting for the page's <link rel=canonical>
_MB = 1024 * 1024
_SPACES = re.compile(r"\s+")
_RDFA_TYPE = re.compile(r"[/:#]")  # "schema:ClaimReview", "http://schema.org/ClaimReview"
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
# The owner of what is nested too deep: its properties and items are not kept.
_SKIPPED: dict[str, Any] = {"properties": {}}


class _Open:
    """An open element: the item it starts (``number``: a top-level item's place among the
    page's top-level items, of any type; ``line``: where it starts), the properties its text
    fills (from text chunk ``start`` on), the item its properties belong to, and how many
    microdata elements it is inside."""

    __slots__ = ("item", "level", "line", "number", "owner", "props", "start", "tag")

    def __init__(self, tag: str, owner: dict[str, Any] | None, level: int) -> None:
        self.tag, self.owner, self.level = tag, owner, level
        self.item: dict[str, Any] | None = None
        self.number = self.line = 0
        self.props: list[str] = []
        self.start = 0


class PageReader(HTMLParser):
    """Collects ld+json blocks and top-level microdata items as the page is fed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[int, str]] = []  # closed blocks not parsed yet
        # top-level items with a review: (number, line, item)
        self.items: list[tuple[int, int, dict[str, Any]]] = []
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.language: str | None = None
        self.skipped_deep = False
        self.rdfa_review = False  # a typeof="ClaimReview": RDFa, which claimtrack does not read
        self._script: list[str] | None = None
        self._script_size = self._script_count = self._held_scripts = 0
        self._stack: list[_Open] = []
        self._open_tags: Counter[str] = Counter()
        self._text: list[str] = []  # what the open properties read, once
        self._text_size = self._collecting = 0
        self._kept = self._item_count = 0  # microdata cost kept; top-level items seen

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "script" and "ld+json" in attributes.get("type", ""):
            self._script, self._script_size = [], 0
        self._note_page(tag, attributes)
        parent = self._stack[-1] if self._stack else None
        owner = None if parent is None else parent.item or parent.owner
        level = 0 if parent is None else parent.level
        props = attributes.get("itemprop", "").split()
        if "itemscope" in attributes or (props and owner is not None):
            level += 1
            if level > MAX_NESTING and owner is not _SKIPPED:
                self.skipped_deep, owner = True, _SKIPPED
        element = _Open(tag, owner, level)
        if owner is _SKIPPED:
            pass
        elif "itemscope" in attributes:
            element.item = self._item(attributes)
            if props and owner is not None:
                self._add(owner, props, element.item)
            else:
                self._item_count += 1
                element.number, element.line = self._item_count, self.getpos()[0]
        elif props and tag in VALUE_ATTRIBUTE and VALUE_ATTRIBUTE[tag] in attributes:
            if owner is not None:
                self._add(owner, props, attributes[VALUE_ATTRIBUTE[tag]].strip())
        elif props and owner is not None and tag not in VOID:
            element.props, element.start = props, len(self._text)
            self._collecting += 1
        if tag in VOID:
            return
        if len(self._stack) >= MAX_OPEN:
            self._close(self._stack.pop())
        self._stack.append(element)
        self._open_tags[tag] += 1

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
                    f"a JSON-LD block of the page is longer than {MAX_BLOCK // _MB} MB; no "
                    "ClaimReview is that long."
                )
        if self._collecting:
            # Folded as it comes, so a value is only joined and stripped when it closes
            # (folding a long value whole makes an object of each of its words).
            folded = _SPACES.sub(" ", data)
            if folded[:1] == " " and self._text and self._text[-1][-1] == " ":
                folded = folded[1:]
            if folded:
                self._text.append(folded)
                self._text_size += len(folded)
            if self._text_size > MAX_VALUE:
                raise InvalidInput(
                    f"a microdata property of the page holds more than {MAX_VALUE // _MB} MB "
                    "of text; no ClaimReview is that long."
                )

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._script_count += 1
            self.scripts.append((self._script_count, "".join(self._script)))
            self._held_scripts += self._script_size
            self._script = None
        if not self._open_tags[tag]:  # closes nothing: a stray end tag
            return
        while self._stack:
            element = self._stack.pop()
            self._close(element)
            if element.tag == tag:
                return

    def _close(self, element: _Open) -> None:
        self._open_tags[element.tag] -= 1
        if element.props and element.owner is not None:
            text = "".join(self._text[element.start:]).strip()
            self._add(element.owner, element.props, text)
            self._collecting -= 1
            if not self._collecting:
                self._text, self._text_size = [], 0
        if element.number:
            self._keep(element)

    def _keep(self, element: _Open) -> None:
        """A top-level item, kept when it holds a ClaimReview (it yields nothing else)."""
        assert element.item is not None
        if next(find_reviews(element.item), None) is not None:
            self.items.append((element.number, element.line, element.item))
        else:
            self._kept -= _cost(element.item)

    def _note_page(self, tag: str, attributes: dict[str, str]) -> None:
        """The page's own address and language, the first time each is given."""
        if tag == "html" and attributes.get("lang", "").strip():
            self.language = self.language or attributes["lang"].strip()
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "").strip() or None
        elif tag == "meta" and attributes.get("property", "").lower() == "og:url":
            self.og_url = self.og_url or attributes.get("content", "").strip() or None
        if "typeof" in attributes and not self.rdfa_review:
            self.rdfa_review = any(
                _RDFA_TYPE.split(name)[-1] == "ClaimReview" for name in attributes["typeof"].split()
            )

    @property
    def page(self) -> Page:
        return Page(url=self.canonical or self.og_url, language=self.language)

    def parsed_scripts(self, *, final: bool = False) -> Iterator[Parsed]:
        """The reviews of the blocks closed so far, once the page's address is known (or
        too much waits for it, or the page has ended)."""
        if not self.scripts or not (
            final or self.canonical or self._held_scripts > HELD_SCRIPTS
        ):
            return
        scripts, self.scripts, self._held_scripts = self.scripts, [], 0
        page = self.page
        for number, text in scripts:
            yield from parse_script(text, f"script {number}", page)

    def parsed_items(self) -> Iterator[Parsed]:
        """The reviews of the microdata items, once the page has ended (items still open
        then included)."""
        self.items.extend((e.number, e.line, e.item) for e in self._stack if e.number and e.item)
        items, self.items = sorted(self.items, key=lambda kept: kept[0]), []
        page = self.page
        for number, line, item in items:
            # Numbered among all the page's top-level items (a NewsArticle between two reviews
            # counts): the line says which one without counting.
            where = f"microdata item {number} (line {line})"
            yield from reviews_in(item, where, page=page, entities=False)
        if self.skipped_deep:
            yield Parsed("microdata", notes=(
                f"microdata: skipped the items and properties nested more than {MAX_NESTING} "
                "deep; no ClaimReview is.",
            ))

    def _item(self, attributes: dict[str, str]) -> dict[str, Any]:
        item: dict[str, Any] = {"type": attributes.get("itemtype", "").split(), "properties": {}}
        if "itemid" in attributes:
            item["id"] = attributes["itemid"]
        self._charge(ITEM_COST)
        return item

    def _add(self, owner: dict[str, Any], props: list[str], value: Any) -> None:
        if owner is _SKIPPED:
            return
        self._charge((VALUE_COST + (len(value) if isinstance(value, str) else 0)) * len(props))
        for prop in props:
            owner["properties"].setdefault(prop, []).append(value)

    def _charge(self, cost: int) -> None:
        self._kept += cost
        if self._kept > MAX_MICRODATA:
            raise InvalidInput(
                f"the page's microdata holds more than {MAX_MICRODATA // _MB} MB; no page of "
                "ClaimReviews is that large."
            )


def _cost(item: dict[str, Any]) -> int:
    """What ``PageReader`` charged for an item and what is nested in it (an item that is the
    value of several properties was charged once)."""
    cost, waiting, seen = 0, [item], {id(item)}
    while waiting:
        node = waiting.pop()
        cost += ITEM_COST
        for values in node["properties"].values():
            for value in values:
                cost += VALUE_COST + (len(value) if isinstance(value, str) else 0)
                if isinstance(value, dict) and id(value) not in seen:
                    seen.add(id(value))
                    waiting.append(value)
    return cost


def read_html(stream: IO[bytes]) -> Iterator[Parsed]:
    """Every ClaimReview on the page: JSON-LD blocks in page order, then microdata. The page
    is read as browsers read it: in the encoding of its byte-order mark (UTF-8, UTF-16LE or
    BE), else in the charset its ``<meta>`` declares, as browsers read that label, else as UTF-8;
    bytes that are not text in it read as U+FFFD, as a browser shows them, and a notice says
    from which line."""
    reader, chunk = PageReader(), stream.read(CHUNK)
    decoder, lines = _decoder(chunk[:4096]), 0
    replaced_from = None  # the line of the first byte that was not text
    reviews = 0  # read, or rejected
    while chunk:
        try:
            text = decoder.decode(chunk)
        except UnicodeError as error:  # the decoder's state is as before the call
            start = getattr(error, "start", 0)
            replaced_from = lines + chunk.count(b"\n", 0, max(start, 0)) + 1
            decoder.errors = "replace"
            text = decoder.decode(chunk)
        lines += chunk.count(b"\n")
        reader.feed(text)
        if len(reader.rawdata) > MAX_BLOCK:  # one tag or comment that never ends
            raise InvalidInput(
                f"the page has a tag or comment longer than {MAX_BLOCK // _MB} MB that never "
                "ends; this is not a saved web page."
            )
        for parsed in reader.parsed_scripts():
            reviews += parsed.item is not None or parsed.error is not None
            yield parsed
        chunk = stream.read(CHUNK)
    try:
        rest = decoder.decode(b"", final=True)
    except UnicodeError:  # the page ends inside a character
        replaced_from = replaced_from or lines + 1
        decoder.errors = "replace"
        rest = decoder.decode(b"", final=True)
    reader.feed(rest)
    reader.close()
    for parsed in itertools.chain(reader.parsed_scripts(final=True), reader.parsed_items()):
        reviews += parsed.item is not None or parsed.error is not None
        yield parsed
    if reader.rdfa_review and not reviews:
        yield Parsed("page", notes=(
            'page: its ClaimReview is RDFa markup (typeof="ClaimReview"), which claimtrack '
            "does not read",))
    if replaced_from is not None:
        yield Parsed("page", notes=(
            f"page: bytes from line {replaced_from} on are not text in its charset "
            f"({_codec_name(decoder)}); they were read as \ufffd, as a browser shows them",))


def _decoder(head: bytes) -> codecs.IncrementalDecoder:
    """The decoder for the encoding of the page's byte-order mark, else for the charset it
    declares in its first bytes (HTML's prescan), read as browsers read the label; UTF-8 when
    it declares none, one Python does not know or one that is not a text encoding."""
    codec = bom_codec(head) or text_codec(declared_charset(head)) or "utf-8"
    return codecs.getincrementaldecoder(codec)()


def _codec_name(decoder: codecs.IncrementalDecoder) -> str:
    return str(getattr(type(decoder), "__module__", "")).rsplit(".", 1)[-1].replace("_", "-")
