"""Opening what ``claimtrack import`` is given: files, directories and stdin, in any format.

The format is taken from ``--format``, else from the file name, else from the first bytes.
Files are read as streams (never whole) through a counter that drives the progress bar.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from claimtrack.core.errors import InvalidInput
from claimtrack.formats import jsonstream
from claimtrack.formats.html_text import bom_codec
from claimtrack.formats.records import Parsed

FORMATS = ("native", "claimreview", "csv", "jsonl")
BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "claimreview",
    ".htm": "claimreview",
}
JSON_SUFFIXES = (".json", ".jsonld")
# What a directory's files are imported by, in the order messages list them.
IMPORTABLE = (*JSON_SUFFIXES, ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm")
assert set(IMPORTABLE) == {*BY_SUFFIX, *JSON_SUFFIXES}
SQLITE_HEADER = b"SQLite format 3\x00"
_BLANK = b" \t\r\n"
_BOM = b"\xef\xbb\xbf"
_NATIVE = re.compile(rb'"format"\s*:\s*"claimtrack"|^\{\s*"format"\s*:')
_EMPTY_ARRAY = re.compile(rb"^(\xef\xbb\xbf)?\s*\[\s*\]\s*$")
_JSONL_TYPE = re.compile(rb'^\{\s*"type"\s*:\s*"(actor|source|claim|link|verdict)"')


class CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read through it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw, self.count = raw, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self.raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.raw.seek(offset, whence)

    def tell(self) -> int:
        return self.raw.tell()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


class Counted(Protocol):
    count: int


@dataclass
class OpenFile:
    """One input file as it is read: the format it is read as, its records (to be read to
    the end before the next file), the CSV columns it ignored (once read) and, in
    ``counter.count``, how many of its bytes have been read (for the progress bar)."""

    path: str
    format: str
    records: Iterator[Parsed]
    ignored: list[str]
    counter: Counted


def read_files(
    files: Sequence[str], fmt: str | None, names: Mapping[str, str]
) -> Generator[OpenFile, None, None]:
    """Each of ``files`` opened and read in ``fmt`` (None: detected from its name or first
    bytes); ``names``: what to call a file in messages instead of its path. Raises
    InvalidInput for a file that cannot be opened or read."""
    for path in files:
        stream, counter, _size = open_input(path)
        with stream:
            chosen = fmt or detect(path, stream.peek(4096)[:4096])
            ignored: list[str] = []
            found = read(stream, chosen, name=names.get(path, path), ignored=ignored,
                         guessed=fmt is None)
            yield OpenFile(path, chosen, found, ignored, counter)


def expand(paths: list[str]) -> list[str]:
    """Files to import: each file as given, a directory's importable files (sorted), '-'."""
    found: list[str] = []
    for given in paths:
        path = Path(given)
        if given == "-" or not path.is_dir():
            found.append(given)
            continue
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in IMPORTABLE
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            raise InvalidInput(f"{given} holds no {importable_kinds()} file to import.")
        found.extend(str(p) for p in files)
    return found


def importable_kinds() -> str:
    """The suffixes of the files a directory is imported by, for messages."""
    return ", ".join(IMPORTABLE[:-1]) + f" or {IMPORTABLE[-1]}"


def open_input(name: str) -> tuple[io.BufferedReader, CountingReader, int | None]:
    """(buffered stream, its byte counter, size when known). Raises InvalidInput."""
    try:
        raw: IO[bytes] = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
        size = None if name == "-" else Path(name).stat().st_size
    except OSError as error:
        raise InvalidInput(f"Cannot read {name}: {error.strerror}. Check the path.") from None
    counter = CountingReader(raw)
    return io.BufferedReader(counter, buffer_size=1 << 16), counter, size


def detect(name: str, head: bytes) -> str:
    """The format of a file from its name, else its first bytes."""
    by_name = BY_SUFFIX.get(Path(name).suffix.lower())
    if by_name:
        return by_name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<", b"[")) or is_page(head):
        return "claimreview"
    if text.startswith(b"{"):
        if _JSONL_TYPE.match(text):
            return "jsonl"
        if _NATIVE.search(text):
            return "native"
        first, _, rest = text.partition(b"\n")
        if rest.lstrip().startswith(b"{") and _parses(first):
            return "jsonl"
        return "claimreview"
    if Path(name).suffix.lower() in JSON_SUFFIXES:  # JSON whatever it holds: say what is wrong
        return "claimreview"
    return "csv"


def is_page(head: bytes) -> bool:
    """Whether the first bytes of a file are a web page's: "<" after blanks, in the encoding
    of its byte-order mark if it has one (a page saved as UTF-16 starts with one)."""
    codec = bom_codec(head)
    text = head.decode(codec, errors="ignore") if codec else head.decode("latin-1")
    return text.lstrip(" \t\r\n").startswith("<")


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def read(
    stream: io.BufferedReader,
    fmt: str,
    *,
    name: str = "the input",
    guessed: bool = False,
    ignored: list[str] | None = None,
) -> Iterator[Parsed]:
    """Records of ``stream`` in ``fmt``; a bad record is yielded with its error.

    A file that cannot be parsed at all (broken JSON, not UTF-8, broken CSV quoting) raises
    InvalidInput: its records cannot be told apart, so none of them is imported. So does a
    JSON file whose format was ``guessed`` and that holds nothing to import.
    """
    if stream.peek(len(SQLITE_HEADER))[: len(SQLITE_HEADER)] == SQLITE_HEADER:
        raise InvalidInput(
            f"{name} is a SQLite database, not a file to import; a claimtrack database or "
            f"backup is restored with `claimtrack restore {name}` (or opened with --db {name})."
        )
    if _blank(stream):
        raise InvalidInput(f"{'Standard input' if name == '-' else name} is empty; nothing "
                           "to import.")
    found = 0  # records, good or bad (not notices)
    notice = None  # the first notice, which says why a page yielded nothing
    # An empty JSON array is an empty export (`export --format claimreview` of nothing): fine.
    is_empty_array = _EMPTY_ARRAY.match(stream.peek(64)[:64]) is not None
    read_as_page = fmt == "claimreview" and is_page(stream.peek(512)[:512])
    try:
        for parsed in _records(stream, fmt, ignored):
            if parsed.item is not None or parsed.error is not None:
                found += 1
            elif notice is None and parsed.notes:
                notice = parsed.notes[0]
            yield parsed
    except jsonstream.NotUtf8 as error:
        raise InvalidInput(
            f"{name} is not UTF-8 (line {error.line}); re-save it as UTF-8 and import it again."
        ) from None
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{name} is not UTF-8; re-save it as UTF-8 and import it again."
        ) from None
    except csv.Error as error:
        raise InvalidInput(f"{name} is not valid CSV ({error}); check its quoting.") from None
    except jsonstream.BrokenJSON as error:
        raise InvalidInput(
            f"{name} is not valid JSON ({error}); fix the file and import it again."
        ) from None
    except InvalidInput as error:  # the whole file is refused: say which one
        said = str(error)
        raise InvalidInput(said if said.startswith(name) else f"{name}: {said}") from None
    if guessed and not found and fmt == "claimreview" and not is_empty_array:
        why = f" ({notice.rstrip('.')})" if notice else ""
        if read_as_page:  # no other format reads a page: --format would not help
            raise InvalidInput(
                f"{name} holds nothing to import: no ClaimReview JSON-LD or microdata could "
                f"be read from the page{why}."
            )
        raise InvalidInput(
            f"{name} holds nothing to import: it is not a claimtrack export and "
            f"no ClaimReview could be read from it{why}. Pass --format if it is another format."
        )


def _blank(stream: io.BufferedReader) -> bool:
    """Whether the stream holds nothing but blanks (and a byte-order mark); blanks it starts
    with are read past when they fill more than a peek."""
    head = stream.peek(1 << 16)
    while not head.removeprefix(_BOM).strip(_BLANK):
        if not head:
            return True
        stream.read(len(head))
        head = stream.peek(1 << 16)
    return False


def _records(stream: io.BufferedReader, fmt: str, ignored: list[str] | None) -> Iterator[Parsed]:
    from claimtrack.formats import csvio, jsonl, jsonld, native_stream
    from claimtrack.formats import html_page as html

    if fmt == "claimreview" and is_page(stream.peek(512)[:512]):
        yield from html.read_html(stream)  # its byte-order mark, if any, decides its encoding
        return
    if fmt in ("native", "claimreview") and stream.peek(3)[:3] == b"\xef\xbb\xbf":
        stream.read(3)  # a byte-order mark, which the JSON parser would refuse
    if fmt == "native":
        yield from native_stream.stream_document(stream)
    elif fmt == "jsonl":
        yield from jsonl.read_jsonl(stream)
    elif fmt == "csv":
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        yield from csvio.read_csv(text, ignored=ignored)
    else:
        yield from jsonld.read_json(stream)
