"""Paragraphs, quotations, sentences and tokens, with code-point offsets into the input.

Offsets are indices into the Python ``str`` given to ``units()``: Unicode code points, end
exclusive, so ``text[start:end]`` is always the passage. A quotation is kept inside one sentence
("units" here): sentence ends inside quotation marks do not split it, so ``"A. B," she said`` is
one unit. A double quotation left open at the end of a paragraph runs to the paragraph's end and
is marked as continuing (wire style: the next paragraph reopens it).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from claimtrack.extract.lexicon import ABBREVIATIONS, SENTENCE_STARTERS

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
QUOTE_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
# Characters that may stand before an opening straight single quote: start, space, dash, bracket.
_OPENS_AFTER = " \t\n([{—–-:\"“"

_TOKEN = re.compile(
    r"\d+(?:[.,:]\d+)*%?"  # 3,000  06:40  4%  2.5
    r"|(?:[A-Za-z]\.){2,}"  # U.S.  U.N.  e.g.
    r"|\w+(?:[-'’]\w+)*(?:['’](?=\s|$|[,.;:!?]))?"  # out-of-competition  Moscow's  Belarus'
    r"|[^\w\s]",
    re.UNICODE,
)


# A full stop (or ! ?), closing marks, space, and something that can start a sentence.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"“‘'(A-Z0-9\u00c0-\u024f])")
# Tokens (a quotation is one) read as one sentence at most: a longer run without a sentence end
# is a list or junk, read in pieces, so that the rules that look across a sentence take time in
# proportion to the text. The longest sentence of the labelled articles has 261.
MAX_TOKENS = 400


# Acronyms spelt like a function word, kept apart from it.
_ACRONYMS = frozenset({"WHO"})


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start`` is the opening mark, ``end`` is after the closing mark."""

    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        """The quoted words without the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


@dataclass(frozen=True)
class Token:
    """A word, number or punctuation mark; or a whole quotation seen from outside."""

    text: str
    start: int
    end: int
    quote: Quote | None = None
    initial: bool = False  # first word of its sentence: capitalised whatever it is

    @property
    def lower(self) -> str:
        if self.text in _ACRONYMS:
            return self.text  # "WHO said" is the World Health Organization, not "who"
        return self.text.lower().replace("’", "'")

    @property
    def is_word(self) -> bool:
        return self.quote is None and (self.text[0].isalnum())

    @property
    def is_capitalised(self) -> bool:
        return self.is_word and self.text[0].isupper()


@dataclass
class Unit:
    """A sentence (quotations kept whole) and its tokens, quotations as single tokens."""

    start: int
    end: int
    paragraph: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def quotes(self) -> list[Quote]:
        return [token.quote for token in self.tokens if token.quote is not None]

    @property
    def is_only_quotes(self) -> bool:
        """True when nothing but quotations and punctuation is outside the quotation marks."""
        return bool(self.quotes) and not any(token.is_word for token in self.tokens)


def units(text: str) -> list[Unit]:
    """Split ``text`` into sentences with their tokens, skipping all-capitals lines (headlines)
    and a web page's furniture (``furniture``)."""
    found: list[Unit] = []
    spans = paragraphs(text)
    left_out = furniture(text, spans)
    for number, (start, end) in enumerate(spans):
        if is_shouting(text[start:end]) or is_headline(text[start:end]) or number in left_out:
            continue
        start = after_dateline(text, start, end)
        quotes = find_quotes(text, start, end)
        starts = [q.start for q in quotes]  # in order, not overlapping
        for unit_start, unit_end in sentences(text, start, end, quotes):
            inside = quotes[bisect_left(starts, unit_start) : bisect_left(starts, unit_end)]
            tokens = tokenize(text, unit_start, unit_end, inside)
            for first in range(0, len(tokens) or 1, MAX_TOKENS):
                piece = tokens[first : first + MAX_TOKENS]
                found.append(Unit(piece[0].start if first else unit_start,
                                  unit_end if first + MAX_TOKENS >= len(tokens) else piece[-1].end,
                                  number, piece))
    return found


# A wire dateline opening a paragraph: the place in capitals, a region or a date, the agency,
# then a dash ("GAZA CITY, Oct 18 (Reuters) - ", "WASHINGTON (AP) — ", "KYIV, Ukraine — ").
# It is the reporter's heading, never part of what the first sentence's speaker said. A bare
# place ("MOSCOW — ") must be four letters or more, and a sentence must start after the dash,
# so that "US – China talks …" or "NATO — the alliance …" keep their words.
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_'’.-]*(?:[ \t]+[^\W\d_][^\W\d_'’.-]*){0,3})"
    r"(?P<more>(?:,[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)?"
    r"(?:,[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]+\d{4})?)?"
    r"(?:[ \t]*\([A-Z][\w .&/-]{0,40}\))?)"
    r"[ \t]*(?:-{1,2}|[–—])[ \t]+(?=[A-Z0-9\"“‘'])"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where a paragraph's words begin: after its wire dateline, if it opens with one."""
    match = _DATELINE.match(text, start, end)
    if match is None or not match["place"].isupper():
        return start
    return match.end() if match["more"] or len(match["place"]) >= 4 else start


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines: wire copy puts one paragraph on a line."""
    spans = []
    for match in re.finditer(r"[^\n\r\u2028\u2029]+", text):
        start, end = match.span()
        while start < end and (text[start].isspace() or text[start] == "\ufeff"):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


_FURNITURE_WORDS = 14  # a headline, a link or a menu entry is a line of this many words or fewer


def _unfinished(paragraph: str) -> bool:
    """A short line with no sentence end: a menu entry, a date, a link to another story."""
    return paragraph.rstrip("\"”’'»)]").rstrip()[-1:] not in ".!?:" and len(
        paragraph.split()) <= _FURNITURE_WORDS


def furniture(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """The paragraphs of a saved web page that are its furniture, not its copy: short lines
    without a sentence end next to another such line (menus, lists of related stories and
    videos, dates and bylines under them). A headline alone above the copy stays."""
    short = [_unfinished(text[start:end]) for start, end in spans]
    return {i for i, flag in enumerate(short) if flag and (
        (i > 0 and short[i - 1]) or (i + 1 < len(short) and short[i + 1]))}


def is_shouting(paragraph: str) -> bool:
    """A line in capitals ("CLICK HERE TO GET THE APP") is a headline or an advert, not copy."""
    letters = [c for c in paragraph if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def is_headline(paragraph: str) -> bool:
    """A title-case line without a full stop ("Minister Denies Cover-Up Over Leak")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", paragraph) if len(w) > 3]
    if len(words) < 3 or paragraph.rstrip()[-1:] in ".!?\"”’'»:":
        return False
    return bool(sum(w[0].isupper() for w in words) / len(words) >= 0.75)


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotations in a paragraph: double marks (curly or straight), single ones outside them."""
    quotes: list[Quote] = []
    double_at: int | None = None
    single_at: int | None = None
    for i in range(start, end):
        mark = text[i]
        if mark in DOUBLE_OPEN or (mark == '"' and double_at is None):
            if double_at is None:
                double_at, single_at = i, None
        elif mark in DOUBLE_CLOSE or mark == '"':
            if double_at is not None:
                quotes.append(Quote(double_at, i + 1))
                double_at = None
        elif double_at is None and mark in "‘'’":
            if single_at is None and _opens_single(text, i, start, end):
                single_at = i
            elif single_at is not None and _closes_single(text, i, end):
                quotes.append(Quote(single_at, i + 1))
                single_at = None
    if double_at is not None:
        quotes.append(Quote(double_at, end, closed=False))
    return quotes


def _opens_single(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return text[i] in "‘'" and before in _OPENS_AFTER and after.isalnum()


def _closes_single(text: str, i: int, end: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < end else " "
    return text[i] in "'’" and not before.isspace() and not after.isalnum()


def sentences(text: str, start: int, end: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentence spans in a paragraph; no split inside a quotation or after an abbreviation."""
    spans = []
    current = start
    starts = [q.start for q in quotes]  # in order, not overlapping: one can hold ``stop``
    for match in _SENTENCE_END.finditer(text[start:end]):
        stop = start + match.start() + len(match.group().rstrip())
        at = bisect_right(starts, stop - 1) - 1  # the last quotation opened before ``stop``
        if at >= 0 and stop < quotes[at].end:
            continue
        if _after_abbreviation(text, start + match.start(), stop, end):
            continue
        spans.append((current, stop))
        current = start + match.end()
    spans.append((current, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _after_abbreviation(text: str, dot: int, stop: int, end: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"[\w.]+$", text[max(0, dot - 12) : dot])
    if word is None:
        return False
    before = word.group()
    if before.lower() in ABBREVIATIONS or (len(before) == 1 and before.isupper()):
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", before):  # "U.S" of "U.S. State Department"
        following = re.match(r"\s*[\"“‘']?(\w+)", text[stop:end])
        return following is None or following.group(1) not in SENTENCE_STARTERS
    return False


def tokenize(text: str, start: int, end: int, quotes: list[Quote]) -> list[Token]:
    """Tokens of ``text[start:end]``; each quotation becomes one token."""
    tokens: list[Token] = []
    position = start
    for quote in [*quotes, None]:
        stop = quote.start if quote is not None else end
        for match in _TOKEN.finditer(text, position, stop):
            tokens.append(Token(match.group(), match.start(), match.end()))
        if quote is not None:
            tokens.append(Token(text[quote.start : quote.end], quote.start, quote.end, quote))
            position = quote.end
    tokens = _join_abbreviations(tokens)
    first = next((i for i, t in enumerate(tokens) if t.is_word), None)
    if first is not None:
        token = tokens[first]
        tokens[first] = Token(token.text, token.start, token.end, token.quote, initial=True)
    return tokens


def _join_abbreviations(tokens: list[Token]) -> list[Token]:
    """"Col" + "." -> "Col.", so titles keep their dot and the dot is not read as a full stop."""
    joined: list[Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (
            token.text in ".\u2024"  # "Sergey M․" is written with a one-dot leader
            and previous is not None
            and previous.end == token.start
            and (previous.lower in ABBREVIATIONS
                 or (len(previous.text) == 1 and previous.text.isupper()))  # "Emily W. Murphy"
        ):
            joined[-1] = Token(previous.text + token.text, previous.start, token.end)
        else:
            joined.append(token)
    return joined
