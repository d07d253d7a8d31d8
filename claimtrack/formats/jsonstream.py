"""Streaming JSON: a document's records one at a time, each decoded by the standard library's
C decoder, so memory holds one record and reading is about as fast as ``json.load``.

The top level is walked here: the items of a top-level array, or the members of a top-level
object (the items of the members named ``streamed`` — a native document's sections, an
``@graph``, a DataFeed's elements — one at a time). Every value is bounded: at most
``MAX_NESTING`` levels deep and ``MAX_VALUE`` characters long, so hostile input (a value
nested 200,000 deep, one 50 MB string, an endless stream) is refused in linear time and
bounded memory, whether it comes from a file or from stdin.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from claimtrack.core.errors import InvalidInput

# No claimtrack record nests deeper than this; a deeper document is hostile or broken.
MAX_NESTING = 64
# No record is this long (a ClaimReview is a few KB; a claim's text at most 100,000
# characters): a longer value is refused rather than held.
MAX_VALUE = 16 * 1024 * 1024
CHUNK = 1 << 20
_DECODER = json.JSONDecoder()
_BLANKS = " \t\r\n"
_VALUE_STARTS = frozenset('{["-0123456789tfn')


class BrokenJSON(ValueError):
    """The document is not valid JSON; the message says where and why."""


class NotUtf8(ValueError):
    """The document's bytes are not UTF-8 from ``line`` on."""

    def __init__(self, line: int) -> None:
        super().__init__(f"not UTF-8 at line {line}")
        self.line = line


@dataclass(frozen=True)
class Event:
    """One piece of the top level: ``kind`` is "item" (of a top-level array), "member" (a
    top-level object's member, with its ``key``), "element" (an item of a streamed member's
    array, with the member's ``key``) or "scalar" (the whole document is one)."""

    kind: str
    value: Any
    key: str | None = None


class _Text:
    """The stream's text, decoded as needed, with what has been read dropped as it goes."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.buffer, self.pos, self.eof = "", 0, False
        self.lines_before = 0  # newlines in the text already dropped from the buffer
        self.columns_before = 0  # characters of the buffer's first line already dropped

    def more(self, size: int = CHUNK) -> bool:
        """Read more text; False at the end of the stream."""
        if self.eof:
            return False
        chunk = self.stream.read(size)
        try:
            text = self.decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            line = self.lines_before + self.buffer.count("\n") + chunk.count(b"\n", 0, error.start)
            raise NotUtf8(line + 1) from None
        if self.pos > CHUNK:
            newlines = self.buffer.count("\n", 0, self.pos)
            self.lines_before += newlines
            last = self.buffer.rfind("\n", 0, self.pos)
            self.columns_before = self.pos - last - 1 + (0 if newlines else self.columns_before)
            self.buffer, self.pos = self.buffer[self.pos:], 0
        self.buffer += text
        self.eof = not chunk
        return True

    def reason(self, error: json.JSONDecodeError) -> str:
        """Why the document is broken, and where (its line in the whole document)."""
        if error.pos >= len(self.buffer.rstrip()) or error.msg.startswith("Unterminated"):
            return "it ends too early"
        column = error.colno + (self.columns_before if error.lineno == 1 else 0)
        return f"{said(error)} at line {self.lines_before + error.lineno}, column {column}"

    def peek(self) -> str | None:
        """The next character that is not a blank (None at the end)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _BLANKS:
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.more():
                return None

    def expect(self, allowed: str) -> str:
        found = self.peek()
        if found is None:
            raise BrokenJSON("it ends too early")
        if found not in allowed:
            raise BrokenJSON(f"expected {' or '.join(repr(c) for c in allowed)}, found {found!r}")
        self.pos += 1
        return found

    def value(self) -> Any:
        """Decode the next value, reading on (more each time) until it is whole."""
        found = self.peek()
        if found is None:
            raise BrokenJSON("it ends too early")
        if found not in _VALUE_STARTS:  # fail at once, not after reading on for the value's end
            raise BrokenJSON(f"expected a value, found {found!r}")
        size = CHUNK
        while True:
            start = self.pos  # reading on may drop what came before it
            try:
                value, end = _DECODER.raw_decode(self.buffer, start)
            except RecursionError:
                raise _too_deep() from None
            except json.JSONDecodeError as error:
                if len(self.buffer) - start > MAX_VALUE:
                    raise _too_long() from None
                if not self.more(size):
                    raise BrokenJSON(self.reason(error)) from None
                size = min(size * 2, MAX_VALUE)
                continue
            except ValueError as error:  # an integer of thousands of digits
                raise BrokenJSON(str(error).split(";")[0]) from None
            if end - start > MAX_VALUE:
                raise _too_long()
            self.pos = end
            _check_depth(self.buffer, start, end, value)
            return value


def events(stream: IO[bytes], streamed: frozenset[str] = frozenset()) -> Iterator[Event]:
    """The top level of the document, one value at a time (see ``Event``); the members whose
    key is in ``streamed`` and whose value is an array come as one "element" event per item.
    Raises BrokenJSON for broken JSON and InvalidInput for a value too deep or too long."""
    text = _Text(stream)
    first = text.peek()
    if first is None:
        return
    if first == "[":
        text.pos += 1
        yield from (Event("item", value) for value in _items(text))
    elif first == "{":
        text.pos += 1
        yield from _members(text, streamed)
    else:
        yield Event("scalar", text.value())
    if text.peek() is not None:
        raise BrokenJSON("something follows the end of the document")


def _items(text: _Text) -> Iterator[Any]:
    if text.peek() == "]":
        text.pos += 1
        return
    while True:
        yield text.value()
        if text.expect(",]") == "]":
            return


def _members(text: _Text, streamed: frozenset[str]) -> Iterator[Event]:
    if text.peek() == "}":
        text.pos += 1
        return
    while True:
        key = text.value()
        if not isinstance(key, str):
            raise BrokenJSON("an object's key is not a string")
        text.expect(":")
        if key in streamed and text.peek() == "[":
            text.pos += 1
            yield from (Event("element", value, key) for value in _items(text))
        else:
            yield Event("member", text.value(), key)
        if text.expect(",}") == "}":
            return


def loads(text: str) -> Any:
    """One JSON value (a JSON Lines line), under the same bounds as a streamed document.
    Raises BrokenJSON, or InvalidInput for a value too deep."""
    try:
        value, end = _DECODER.raw_decode(text, len(text) - len(text.lstrip(_BLANKS)))
    except RecursionError:
        raise _too_deep() from None
    except json.JSONDecodeError as error:
        raise BrokenJSON(f"{said(error)} at column {error.colno}") from None
    except ValueError as error:  # an integer of thousands of digits
        raise BrokenJSON(str(error).split(";")[0]) from None
    if text[end:].strip(_BLANKS):
        raise BrokenJSON(f"something follows the value at column {end + 1}")
    _check_depth(text, 0, end, value)
    return value


def said(error: json.JSONDecodeError) -> str:
    """What the decoder found wrong, to go in a sentence ("invalid control character '\\n'":
    some of its messages end with "at" for a position that follows)."""
    message = error.msg.removesuffix(" at")
    return message[:1].lower() + message[1:]


def _check_depth(buffer: str, start: int, end: int, value: Any) -> None:
    """Refuse a value nested deeper than MAX_NESTING (only counted when it has that many
    brackets at all: the usual record has a few dozen)."""
    if not isinstance(value, (dict, list)):
        return
    if buffer.count("{", start, end) + buffer.count("[", start, end) < MAX_NESTING:
        return
    level = [(value, 1)]
    while level:
        node, depth = level.pop()
        if depth > MAX_NESTING:
            raise _too_deep()
        children = node.values() if isinstance(node, dict) else node
        level.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def _too_deep() -> InvalidInput:
    return InvalidInput(
        f"The JSON nests more than {MAX_NESTING} levels deep; it is not claimtrack, "
        "ClaimReview or JSON Lines data."
    )


def _too_long() -> InvalidInput:
    return InvalidInput(
        f"A value of the JSON is longer than {MAX_VALUE // (1024 * 1024)} MB; no record is "
        "that long: check that this is the right file."
    )
