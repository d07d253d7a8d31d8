"""A web page's article text, for ``claimtrack extract URL``: the words a reader would read,
without menus, scripts and footers. Standard library only (html.parser), so a rough reading:

- ``<script>``, ``<style>``, ``<nav>``, ``<header>``, ``<footer>``, ``<aside>``, ``<form>`` and
  friends are skipped whole;
- when the page has an ``<article>`` (else a ``<main>``), only that is read;
- block elements (paragraphs, headings, list items, quotes) become paragraphs, so the
  extractor's sentence splitting sees the same breaks a reader does.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

SKIPPED = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "figure", "menu", "dialog",
})
BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li",
    "blockquote", "pre", "br", "tr", "dd", "dt", "td", "th", "ul", "ol", "table", "hr",
})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "col"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts: dict[str, list[str]] = {"article": [], "main": [], "body": []}
        self.inside = {"article": 0, "main": 0}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self._break()
            return
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in self.inside:
            self.inside[tag] += 1
        if tag in BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.inside:
            self.inside[tag] = max(0, self.inside[tag] - 1)
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        for part, depth in self.inside.items():
            if depth:
                self.parts[part].append(data)
        self.parts["body"].append(data)

    def _break(self) -> None:
        for parts in self.parts.values():
            parts.append("\n\n")


def article_text(body: bytes, charset: str | None = None) -> str:
    """The readable text of an HTML page as paragraphs separated by blank lines."""
    reader = _Reader()
    reader.feed(decode(body, charset))
    reader.close()
    for part in ("article", "main", "body"):
        text = _paragraphs("".join(reader.parts[part]))
        if text:
            return text
    return ""


# Labels pages declare that browsers read as another encoding (the WHATWG Encoding standard):
# "iso-8859-1" and "us-ascii" mean windows-1252 there, and a page that says "utf-16" in its
# own ASCII-compatible bytes is UTF-8.
_AS_BROWSERS_READ = {
    **dict.fromkeys(("us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1",
                     "cp819", "ibm819", "iso_8859-1", "windows-1252", "cp1252"), "cp1252"),
    **dict.fromkeys(("utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2"), "utf-8"),
}


def text_codec(label: str | None) -> str | None:
    """The Python codec a page's charset label names, read as browsers read it; None for no
    label, an unknown one, or a codec that is not a text encoding ("hex", "zlib", "base64")."""
    if not label or not label.strip():
        return None
    name = _AS_BROWSERS_READ.get(label.strip().lower(), label.strip())
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


# Byte-order marks and the codecs that read them (and drop them): a page that starts with one
# is in that encoding, whatever its server or its <meta> says (WHATWG Encoding, "BOM sniff",
# which comes before every label). UTF-32's mark starts like UTF-16LE's and is read as it, as
# browsers do.
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def bom_codec(head: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``head`` names (one that reads the mark
    and drops it), or None without one."""
    return next((codec for mark, codec in _BOMS if head.startswith(mark)), None)


def decode(body: bytes, charset: str | None = None) -> str:
    """The page's characters: the encoding of its byte-order mark, else the declared
    charset, else a ``<meta charset>``, else UTF-8 (undecodable bytes replaced, as a browser
    shows them, so a mislabelled page still reads)."""
    marked = bom_codec(body)
    if marked:
        return body.decode(marked, errors="replace")
    for candidate in (text_codec(charset), text_codec(declared_charset(body[:4096])), "utf-8"):
        if not candidate:
            continue
        try:
            return body.decode(candidate)
        except ValueError:  # UnicodeDecodeError, and UnicodeError for a stream without a BOM
            continue
    return body.decode("utf-8", errors="replace")


def declared_charset(head: bytes) -> str | None:
    """The charset a page's first bytes declare in a ``<meta>`` tag (None: none)."""
    found = _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _paragraphs(text: str) -> str:
    paragraphs = (" ".join(chunk.split()) for chunk in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
