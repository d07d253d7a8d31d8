"""Shared by the report tests: a dispute made of hostile text, and a small HTML reader."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from tests.helpers import Cli

HOSTILE_CLAIM = 'Vaccines <script>alert("claim")</script> cause "><img src=x onerror=alert(1)> harm'
HOSTILE_DENIAL = '</blockquote><script>alert(2)</script><a href="javascript:alert(3)">click</a>'
HOSTILE_SPEAKER = '<b onmouseover="alert(4)">Mallory</b> & "Co"'
HOSTILE_URL = 'https://example.com/a"><img/src=x/onerror=alert(5)>'
HOSTILE_URN = 'urn:x:"><script>alert(6)</script>'
HOSTILE_NOTE = "<style>body{display:none}</style> & {{ 7*7 }}"
HOSTILE_LABEL = '<iframe src="https://evil.example/"></iframe>'
HOSTILE_TEXTS = [HOSTILE_CLAIM, HOSTILE_DENIAL, HOSTILE_SPEAKER, HOSTILE_NOTE, HOSTILE_LABEL]


def add_hostile_dispute(cli: Cli) -> tuple[str, str]:
    """A claim and its denial whose every field tries to inject markup. Returns both ids."""
    claim = cli.add(HOSTILE_CLAIM, "--speaker", HOSTILE_SPEAKER, "--source", HOSTILE_URL,
                    "--quote", HOSTILE_DENIAL, "--date", "2022-01-20")
    denial = cli.add(HOSTILE_DENIAL, "--speaker", "Plain Speaker", "--source", HOSTILE_URN)
    cli.ok("link", "add", denial, "denies", claim, "--note", HOSTILE_NOTE)
    cli.ok("verdict", "add", claim, "--rating", HOSTILE_LABEL, "--by", HOSTILE_SPEAKER,
           "--normalized", "false", "--url", "https://example.org/check")
    return claim, denial


def contested_json(cli: Cli) -> list[dict[str, Any]]:
    return list(json.loads(cli.ok("report", "contested", "--format", "json").stdout))


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found += child.iter()
        return found

    def find_all(self, tag: str, class_: str | None = None) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag
                and (class_ is None or class_ in e.attrs.get("class", "").split())]

    def all_text(self) -> str:
        return self.text + "".join(child.all_text() for child in self.children)


VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "area", "base", "col"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        # Text after a child goes on a text-only node, so all_text() keeps document order.
        self.stack[-1].children.append(Element("#text", {}, data))


def parse_html(markup: str) -> Element:
    """The element tree of ``markup`` (entities decoded), as a browser-free reader sees it."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


# Every element and attribute the report may contain; anything else came from the data.
REPORT_TAGS = {
    "#document", "#text", "html", "head", "meta", "title", "style", "body", "header", "h1",
    "h2", "h3", "h4", "p", "time", "main", "nav", "ol", "ul", "li", "a", "article", "span",
    "strong", "code", "section", "blockquote", "div", "cite", "details", "summary", "bdi",
}


def injected_markup(root: Element) -> list[str]:
    """Elements or attributes in the page that the templates never write."""
    problems = [f"<{e.tag}>" for e in root.iter() if e.tag not in REPORT_TAGS]
    for element in root.iter():
        problems += [f"{element.tag}[{name}]" for name in element.attrs if name.startswith("on")]
        href = element.attrs.get("href", "")
        if element.tag == "a" and not href.startswith(("https://", "http://", "#")):
            problems.append(f"a[href={href}]")
    styles = root.find_all("style")
    if len(styles) != 1 or "body{display:none}" in styles[0].all_text().replace(" ", ""):
        problems.append("a <style> element that is not the report's own")
    return problems
