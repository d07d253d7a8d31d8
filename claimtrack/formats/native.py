"""claimtrack's own JSON format: the whole database as one document, or one record per line.

A document looks like::

    {"format": "claimtrack", "version": 1, "exported_at": "2026-11-25T14:00:00Z",
     "actors": [...], "sources": [...], "claims": [...], "links": [...], "verdicts": [...]}

Every record is validated here into a frozen dataclass, so a bad file fails before anything is
written, with the position of the bad record in the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from claimtrack.core import values
from claimtrack.core.enums import ActorKind, LinkStatus, Rating, Relation, ReviewStatus
from claimtrack.core.errors import InvalidInput

FORMAT_NAME = "claimtrack"
FORMAT_VERSION = 1
SECTIONS = ("actors", "sources", "claims", "links", "verdicts", "merges")


@dataclass(frozen=True)
class ActorRecord:
    name: str
    kind: ActorKind = ActorKind.UNKNOWN
    aliases: tuple[str, ...] = ()
    description: str | None = None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class SourceRecord:
    url: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    retrieved_at: dt.datetime | None = None
    archive_url: str | None = None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class AppearanceRecord:
    source: str
    quote: str | None = None
    seen: dt.date | None = None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class ClaimRecord:
    # None: the claim came without a claimtrack id and is recognised by its fingerprint.
    id: str | None
    text: str
    speaker: str | None = None
    date: dt.date | None = None
    summary: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    appearances: tuple[AppearanceRecord, ...] = ()
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    status: ReviewStatus | None = None  # None: not said (a new claim is a draft)


@dataclass(frozen=True)
class LinkRecord:
    from_claim: str
    relation: Relation
    to_claim: str
    note: str | None = None
    source: str | None = None
    created_at: dt.datetime | None = None
    status: LinkStatus = LinkStatus.CONFIRMED


@dataclass(frozen=True)
class VerdictRecord:
    id: str
    claim: str
    rating: str
    normalized: Rating
    by: str
    date: dt.date | None = None
    url: str | None = None
    explanation: str | None = None
    created_at: dt.datetime | None = None
    author: str | None = None  # the person who wrote it for the reviewer, when named
    status: ReviewStatus | None = None  # None: not said (a new verdict is a draft)


@dataclass(frozen=True)
class MergeRecord:
    """A claim merged into another: its id resolves to ``into``; its words are kept."""

    id: str
    into: str
    text: str
    speaker: str | None = None
    date: dt.date | None = None
    merged_at: dt.datetime | None = None


Record = ActorRecord | SourceRecord | ClaimRecord | LinkRecord | VerdictRecord | MergeRecord


def iter_document(document: Any) -> Iterator[Record]:
    """Validate a native document and yield its records, section by section.

    Raises InvalidInput naming the first bad record ("claims[3].date: …").
    """
    if not isinstance(document, Mapping):
        raise InvalidInput(NOT_NATIVE)
    check_header({k: v for k, v in document.items() if k not in SECTIONS}, final=True)
    for section in SECTIONS:
        items = document.get(section, [])
        if not isinstance(items, list):
            raise InvalidInput(f"'{section}' must be a list of records.")
        for index, item in enumerate(items):
            yield parse_record(section, item, f"{section}[{index}]")


NOT_NATIVE = (
    "This is not a claimtrack export (no \"format\": \"claimtrack\"); for ClaimReview, "
    "CSV or JSONL files pass --format."
)


def check_header(header: Mapping[str, Any], *, final: bool) -> None:
    """Check the top-level keys read so far; ``final``: all of them (format and version are
    then required). Raises InvalidInput."""
    given = header.get("format")
    if (given is not None and given != FORMAT_NAME) or (final and given is None):
        raise InvalidInput(NOT_NATIVE)
    if ("version" in header or final) and header.get("version") != FORMAT_VERSION:
        raise InvalidInput(
            f"This export is format version {header.get('version')!r}; this claimtrack reads "
            f"version {FORMAT_VERSION}. Upgrade claimtrack to read it."
        )
    unknown = set(header) - {"format", "version", "exported_at"}
    if unknown:
        raise InvalidInput(f"Unknown top-level keys in the export: {', '.join(sorted(unknown))}.")


def parse_record(section: str, data: Any, where: str) -> Record:
    """One record of ``section`` ("claims", "links"…) from a dict. Raises InvalidInput."""
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{where}: expected an object, got {type(data).__name__}.")
    reader = _Reader(data, where)
    try:
        record = _PARSERS[section](reader)
    except InvalidInput as error:
        message = str(error)
        located = message if message.startswith(where) else f"{where}: {message}"
        raise InvalidInput(located) from None
    reader.reject_unknown()
    return record


class _Reader:
    """Typed access to one record's fields, remembering which keys were read."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data, self.where, self.seen = data, where, set[str]()
        self.get = data.get

    def raw(self, key: str) -> Any:
        self.seen.add(key)
        return self.get(key)

    def string(self, key: str, *, required: bool = False) -> str | None:
        self.seen.add(key)
        value = self.get(key)
        if type(value) is str:
            return value
        if value is None:
            if required:
                raise InvalidInput(f"{self.where}: '{key}' is missing.")
            return None
        if not isinstance(value, str):
            raise InvalidInput(f"{self.where}: '{key}' must be a string, got {value!r:.60}.")
        return value

    def required(self, key: str) -> str:
        return self.string(key, required=True) or ""

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.raw(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise InvalidInput(f"{self.where}: '{key}' must be a list of strings.")
        return tuple(value)

    def date(self, key: str) -> dt.date | None:
        return values.date(self.string(key), key)

    def timestamp(self, key: str) -> dt.datetime | None:
        return values.timestamp(self.string(key), key)

    def choice(self, key: str, enum: type[Any], default: Any = None) -> Any:
        value = self.string(key, required=default is None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            choices = [member.value for member in enum]
            raise InvalidInput(
                f"{self.where}: '{key}' is {value!r}; use one of {', '.join(choices)}."
                + values.did_you_mean(value, choices)
            ) from None

    def maybe_choice(self, key: str, enum: type[Any]) -> Any:
        """Like ``choice``, None when the field is absent."""
        return None if self.string(key) is None else self.choice(key, enum)

    def reject_unknown(self) -> None:
        unknown = set(self.data) - self.seen
        if unknown:
            raise InvalidInput(f"{self.where}: unknown fields {', '.join(sorted(unknown))}.")


def _actor(r: _Reader) -> ActorRecord:
    return ActorRecord(
        name=values.name(r.required("name")),
        kind=r.choice("kind", ActorKind, ActorKind.UNKNOWN),
        aliases=tuple(values.name(alias, "alias") for alias in r.strings("aliases")),
        description=values.optional_text(r.string("description"), "description"),
        created_at=r.timestamp("created_at"),
    )


def _source(r: _Reader) -> SourceRecord:
    return SourceRecord(
        url=values.url(r.required("url")),
        title=values.optional_text(r.string("title"), "title"),
        outlet=values.optional_text(r.string("outlet"), "outlet", max_length=values.NAME_MAX),
        published=r.date("published"),
        retrieved_at=r.timestamp("retrieved_at"),
        archive_url=values.optional_url(r.string("archive_url"), "archive URL"),
        created_at=r.timestamp("created_at"),
    )


def _appearance(data: Any, where: str) -> AppearanceRecord:
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{where}: expected an object.")
    r = _Reader(data, where)
    record = AppearanceRecord(
        source=values.url(r.required("source")),
        quote=values.optional_text(r.string("quote"), "quote"),
        seen=r.date("seen"),
        created_at=r.timestamp("created_at"),
    )
    r.reject_unknown()
    return record


def _claim(r: _Reader) -> ClaimRecord:
    appearances = r.raw("appearances") or []
    if not isinstance(appearances, list):
        raise InvalidInput(f"{r.where}: 'appearances' must be a list.")
    speaker = r.string("speaker")
    claim_id = r.string("id")
    return ClaimRecord(
        id=full_id(claim_id, "c", "claim") if claim_id is not None else None,
        text=values.text(r.required("text"), "claim text"),
        speaker=values.name(speaker, "speaker") if speaker and speaker.strip() else None,
        date=r.date("date"),
        summary=values.summary(r.string("summary")),
        language=values.language(r.string("language")),
        tags=tuple(values.tags(list(r.strings("tags")))),
        appearances=tuple(
            _appearance(item, f"{r.where}.appearances[{i}]") for i, item in enumerate(appearances)
        ),
        created_at=r.timestamp("created_at"),
        updated_at=r.timestamp("updated_at"),
        status=r.maybe_choice("status", ReviewStatus),
    )


def _link(r: _Reader) -> LinkRecord:
    record = LinkRecord(
        from_claim=full_id(r.required("from"), "c", "claim"),
        relation=r.choice("relation", Relation),
        to_claim=full_id(r.required("to"), "c", "claim"),
        note=values.optional_text(r.string("note"), "note"),
        source=values.optional_url(r.string("source"), "source"),
        created_at=r.timestamp("created_at"),
        status=r.choice("status", LinkStatus, LinkStatus.CONFIRMED),
    )
    if record.from_claim == record.to_claim:
        written = r.raw("from"), r.raw("to")
        same = f"'{written[0]}'" + (f" and '{written[1]}' name" if written[0] != written[1]
                                     else " is")
        raise InvalidInput(
            f"{r.where}: {same} the same claim ({record.from_claim}): a claim cannot be linked "
            "to itself; check the two ids."
        )
    return record


def _verdict(r: _Reader) -> VerdictRecord:
    return VerdictRecord(
        id=full_id(r.required("id"), "v", "verdict"),
        claim=full_id(r.required("claim"), "c", "claim"),
        rating=values.text(r.required("rating"), "rating", max_length=values.LABEL_MAX),
        normalized=r.choice("normalized", Rating),
        by=values.name(r.required("by"), "reviewer"),
        date=r.date("date"),
        url=values.optional_url(r.string("url"), "verdict URL"),
        explanation=values.optional_text(r.string("explanation"), "explanation"),
        created_at=r.timestamp("created_at"),
        author=_optional_name(r.string("author"), "review author"),
        status=r.maybe_choice("status", ReviewStatus),
    )


def _optional_name(value: str | None, field: str) -> str | None:
    return values.name(value, field) if value and value.strip() else None


def _merge(r: _Reader) -> MergeRecord:
    speaker = r.string("speaker")
    record = MergeRecord(
        id=full_id(r.required("id"), "c", "claim"),
        into=full_id(r.required("into"), "c", "claim"),
        text=values.text(r.required("text"), "claim text"),
        speaker=values.name(speaker, "speaker") if speaker and speaker.strip() else None,
        date=r.date("date"),
        merged_at=r.timestamp("merged_at"),
    )
    if record.id == record.into:
        raise InvalidInput(f"{r.where}: a claim cannot be merged into itself.")
    return record


_PARSERS: dict[str, Callable[[_Reader], Record]] = {
    "actors": _actor,
    "sources": _source,
    "claims": _claim,
    "links": _link,
    "verdicts": _verdict,
    "merges": _merge,
}


def full_id(value: str, prefix: str, noun: str) -> str:
    normalized = values.public_id(value, prefix, noun)
    if len(normalized) != len(prefix) + 1 + values.ID_LENGTH:
        raise InvalidInput(f"'{value}' is not a complete {noun} id like {prefix}-7f3a9k2m1xab.")
    return normalized


def iso_time(value: dt.datetime | None) -> str | None:
    """UTC time as ``2026-11-25T14:00:00.123456Z``."""
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


def iso_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def actor_dict(record: ActorRecord) -> dict[str, Any]:
    return {
        "name": record.name,
        "kind": record.kind.value,
        "aliases": list(record.aliases),
        "description": record.description,
        "created_at": iso_time(record.created_at),
    }


def source_dict(record: SourceRecord) -> dict[str, Any]:
    return {
        "url": record.url,
        "title": record.title,
        "outlet": record.outlet,
        "published": iso_date(record.published),
        "retrieved_at": iso_time(record.retrieved_at),
        "archive_url": record.archive_url,
        "created_at": iso_time(record.created_at),
    }


def claim_dict(record: ClaimRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "text": record.text,
        "summary": record.summary,
        "speaker": record.speaker,
        "date": iso_date(record.date),
        "language": record.language,
        "tags": list(record.tags),
        "appearances": [
            {
                "source": a.source,
                "quote": a.quote,
                "seen": iso_date(a.seen),
                "created_at": iso_time(a.created_at),
            }
            for a in record.appearances
        ],
        "created_at": iso_time(record.created_at),
        "updated_at": iso_time(record.updated_at),
        **_stage(record.status),
    }


def stage(status: ReviewStatus | None) -> str | None:
    """The review stage as exports write it: only past a draft (None for one), since a draft
    is what a new record is; native files of drafts stay readable by older claimtrack
    versions (they refuse unknown fields), and a CSV's cell is left empty."""
    return status.value if status and status != ReviewStatus.DRAFT else None


def _stage(status: ReviewStatus | None) -> dict[str, str]:
    written = stage(status)
    return {"status": written} if written else {}


def link_dict(record: LinkRecord) -> dict[str, Any]:
    return {
        "from": record.from_claim,
        "relation": record.relation.value,
        "to": record.to_claim,
        "note": record.note,
        "source": record.source,
        "status": record.status.value,
        "created_at": iso_time(record.created_at),
    }


def verdict_dict(record: VerdictRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "claim": record.claim,
        "rating": record.rating,
        "normalized": record.normalized.value,
        "by": record.by,
        "date": iso_date(record.date),
        "url": record.url,
        "explanation": record.explanation,
        "created_at": iso_time(record.created_at),
        # Written only when known, so that files without authors stay readable by older
        # claimtrack versions (they refuse unknown fields).
        **({"author": record.author} if record.author else {}),
        **_stage(record.status),
    }


def merge_dict(record: MergeRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "into": record.into,
        "text": record.text,
        "speaker": record.speaker,
        "date": iso_date(record.date),
        "merged_at": iso_time(record.merged_at),
    }
