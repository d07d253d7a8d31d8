"""JSON Lines: one native record per line, its kind in "type" (actor, source, claim, link,
verdict). A line holding a ClaimReview (JSON-LD) is read as one too. Read line by line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from claimtrack.core.errors import InvalidInput
from claimtrack.formats import jsonstream, native
from claimtrack.formats.jsonld import reviews_in
from claimtrack.formats.lines import bounded_lines
from claimtrack.formats.records import Parsed

SECTION_OF = {
    "actor": "actors",
    "source": "sources",
    "claim": "claims",
    "link": "links",
    "verdict": "verdicts",
    "merge": "merges",
}
TYPE_OF = {section: kind for kind, section in SECTION_OF.items()}


def read_jsonl(stream: IO[bytes]) -> Iterator[Parsed]:
    """Records from a JSON Lines stream; blank lines are skipped. A line is read with a bound
    (``jsonstream.MAX_VALUE``): a longer one (an endless stream has one) stops the import."""
    for number, raw in enumerate(_lines(stream), start=1):
        if not raw.strip():
            continue
        where = f"line {number}"
        try:
            data = jsonstream.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield Parsed(
                where,
                error="not UTF-8; re-save the file as UTF-8.",
                raw=raw.decode("utf-8", "replace")[:200],
            )
            continue
        except (jsonstream.BrokenJSON, InvalidInput) as error:
            yield Parsed(
                where, error=f"not valid JSON ({error}).", raw=raw.decode("utf-8", "replace")[:200]
            )
            continue
        kind = data.get("type") if isinstance(data, dict) else None
        if kind in SECTION_OF and "@context" not in data:
            yield _native(data, kind, where)
        else:
            yield from parse_line(data, where)


def _lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's lines, each at most MAX_VALUE bytes. Raises InvalidInput for a longer one,
    before holding more of it."""
    limit = jsonstream.MAX_VALUE
    return bounded_lines(stream, limit, lambda number: (
        f"line {number} is longer than {limit // (1024 * 1024)} MB; no record is that "
        "long: check that this is the right file."))


def _native(data: dict[str, Any], kind: str, where: str) -> Parsed:
    """The common case, one native record, with no copying: millions of lines go through here.
    The record is read without its "type", which is put back for --rejects."""
    del data["type"]
    try:
        item = native.parse_record(SECTION_OF[kind], data, where)
    except InvalidInput as error:
        data["type"] = kind
        return Parsed(where, error=str(error).removeprefix(f"{where}: "), raw=data)
    data["type"] = kind
    return Parsed(where, item=item, raw=data)


def parse_line(data: Any, where: str) -> Iterator[Parsed]:
    """One line that is not a plain native record: JSON-LD, or a record of unknown type."""
    if isinstance(data, Mapping) and (
        "@type" in data or "@context" in data or "properties" in data
    ):
        found = list(reviews_in(data, where))
        yield from found or [Parsed(where, error="no ClaimReview in this JSON-LD.", raw=data)]
        return
    kind = data.get("type") if isinstance(data, Mapping) else None
    got = "it has none" if kind is None else f"got {kind!r}"
    yield Parsed(
        where, error=f'"type" must be one of {", ".join(SECTION_OF)} ({got}).', raw=data
    )


def line(section: str, record: Mapping[str, Any]) -> str:
    """One export line: the record's kind first, then its fields."""
    return json.dumps({"type": TYPE_OF[section], **record}, ensure_ascii=False)


def write_jsonl(stream: IO[str], records: Iterable[tuple[str, Mapping[str, Any]]]) -> int:
    """Write (section, record dict) pairs, one per line; returns the count."""
    count = 0
    for section, record in records:
        stream.write(line(section, record) + "\n")
        count += 1
    return count
