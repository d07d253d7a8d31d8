"""Spreadsheets: one claim per row, optionally with one verdict and one appearance.

Columns are matched by name in any case, with spaces, hyphens and underscores alike, and
with the aliases below; the order does not matter. A claim spread over several rows (same id,
or same text, speaker and date) gathers their appearances and verdicts. Cells that a
spreadsheet would run as a formula are written with a leading ``'``, which reading removes.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum
from typing import IO, Any, TypeVar

from claimtrack.core import values
from claimtrack.core.enums import ActorKind, Rating, ReviewStatus
from claimtrack.core.errors import InvalidInput
from claimtrack.core.spreadsheet import neutralise, restore
from claimtrack.formats import reviewdates
from claimtrack.formats.lines import bounded_lines
from claimtrack.formats.native import AppearanceRecord, ClaimRecord, SourceRecord, full_id
from claimtrack.formats.records import ClaimBundle, Parsed, ReviewRecord

# canonical name → (aliases, what it holds). The order is the order of exported columns.
COLUMNS: dict[str, tuple[tuple[str, ...], str]] = {
    "id": (("claim_id",), "claimtrack claim id (c-…); empty: matched by text, speaker and date"),
    "claim": (
        ("text", "claim_text", "statement", "claim_reviewed", "claimreviewed",
         "claimReview_claimReviewed"),
        "the claim, verbatim (required)",
    ),
    "speaker": (
        ("claimant", "said_by", "author", "who", "creativeWork_author_name"),
        "who made the claim",
    ),
    "speaker_kind": (
        ("claimant_kind",),
        "person, organization, government, media or unknown: sets a new speaker's kind (or "
        "one still unknown)",
    ),
    "date": (
        ("said_on", "claim_date", "date_said", "creativeWork_datePublished"),
        "when it was said, YYYY-MM-DD",
    ),
    "language": (
        ("lang", "in_language"),
        "language of the claim, a BCP 47 tag such as en or pt-BR (any case: stored as pt-BR)",
    ),
    "summary": (("headline",), "a headline of at most 75 characters"),
    "tags": (("tag", "keywords", "topics"), "tags separated by ';'"),
    # not "status": other people's sheets use it for the verdict ("false", "misleading")
    "claim_status": (
        (),
        "the claim's review status when the claim is new: draft, in-review or published "
        "(empty: a draft; a stored claim keeps its own)",
    ),
    "source_url": (
        ("source", "url", "appearance", "appearance_url", "link"),
        "a page where the claim appeared",
    ),
    "source_title": (("title", "appearance_title"), "that page's title"),
    "source_published": (("source_date", "source_published_on"), "when that page was published"),
    "quote": (("excerpt", "passage"), "the passage on that page, verbatim"),
    "seen": (("seen_on", "date_seen", "appearance_date"), "when it was seen there"),
    "verdict_id": ((), "claimtrack verdict id (v-…)"),
    "verdict": (
        ("rating", "verdict_label", "textual_rating", "label", "rating_label",
         "rating_alternateName"),
        "the fact-checker's label, verbatim",
    ),
    "normalized": (
        ("verdict_normalized", "normalized_rating", "rating_normalized"),
        "true, mostly-true, mixed, mostly-false, false or unverifiable "
        "(empty: read from the label)",
    ),
    "reviewer": (
        ("by", "fact_checker", "publisher", "review_author", "reviewed_by",
         "claimReview_author_name"),
        "who reached the verdict (required with a verdict)",
    ),
    # not "author": other people's sheets use it for who made the claim (see "speaker")
    "verdict_author": (
        ("byline", "fact_check_author", "written_by"),
        "the person who wrote the fact-check for the reviewer (its byline)",
    ),
    "review_url": (("verdict_url", "fact_check_url", "claimreview_url"), "the fact-check's URL"),
    "review_date": (
        ("verdict_date", "reviewed_on", "date_reviewed", "claimReview_datePublished"),
        "when it was published",
    ),
    "explanation": (("note", "verdict_note", "review_body"), "a short explanation"),
    "verdict_status": (
        ("review_status",),
        "the verdict's review status, as `claim_status` is the claim's",
    ),
}
HEADER = list(COLUMNS)
Choice = TypeVar("Choice", bound=StrEnum)
TAG_SEPARATOR = ";"


def header_key(name: str) -> str:
    return re.sub(r"[\s\-_]+", "_", name.strip().casefold())


ALIASES = {
    header_key(alias): canonical
    for canonical, (aliases, _) in COLUMNS.items()
    for alias in (canonical, *aliases)
}


def map_header(names: list[str]) -> tuple[list[str | None], list[str]]:
    """Each column's canonical name (None: ignored), and the ignored names. Raises InvalidInput."""
    mapped: list[str | None] = []
    for name in names:
        canonical = ALIASES.get(header_key(name))
        if canonical is not None and canonical in mapped:
            raise InvalidInput(f"Two columns mean '{canonical}' ('{name}' and another); keep one.")
        mapped.append(canonical)
    if "claim" not in mapped:
        accepted = ", ".join(("claim", *COLUMNS["claim"][0]))
        raise InvalidInput(
            f"No claim text column among {_listed_names(names)}; name one of: {accepted} "
            "(any case; see docs/interop.md)."
        )
    return mapped, [
        name for name, canonical in zip(names, mapped, strict=True) if canonical is None
    ]


def _listed_names(names: list[str]) -> str:
    """Header names for a message: "the columns 'a', 'b' and 2 more" (the first ten)."""
    shown = ", ".join(f"'{name}'" for name in names[:10])
    more = f" and {len(names) - 10} more" if len(names) > 10 else ""
    return f"the {'column' if len(names) == 1 else 'columns'} {shown}{more}"


MAX_LINE = 16 * 1024 * 1024


def read_csv(stream: IO[str], *, ignored: list[str] | None = None) -> Iterator[Parsed]:
    """Rows as claim bundles; ``stream`` is text opened with newline=''. Ignored column names
    are appended to ``ignored``. Raises InvalidInput when the header has no claim column."""
    lines = _bounded_lines(stream)
    head = next(lines, "")
    if not head.strip():
        return
    dialect = max(",;\t", key=head.count)
    rows = csv.reader(_chain(head, lines), delimiter=dialect)
    columns, skipped = map_header(_unless_unclosed(next(rows), 1))
    if ignored is not None:
        ignored.extend(skipped)
    line = rows.line_num
    for number, cells in enumerate(rows, start=1):
        where, line, first_line = f"row {number} (line {line + 1})", rows.line_num, line + 1
        if cells and cells[-1].endswith(_END):
            _unless_unclosed(cells, first_line)
            return
        if not any(cell.strip() for cell in cells):
            continue
        record = {c: restore(v) for c, v in zip(columns, cells, strict=False) if c and v.strip()}
        refused: list[str] = []
        try:
            if len(cells) > len(columns):
                raise InvalidInput(
                    f"{len(cells)} cells for {len(columns)} columns; quote cells "
                    "that contain the delimiter."
                )
            bundle = row_bundle(record, refused)
        except InvalidInput as error:
            yield Parsed(where, error=str(error), raw=record)
            continue
        yield Parsed(where, item=bundle, raw=record,
                     refused=tuple(f"{where}: {reason}" for reason in refused))


def _bounded_lines(stream: IO[str]) -> Iterator[str]:
    """The stream's lines, refusing one longer than MAX_LINE characters (a spreadsheet row
    never is; an endless stream without a newline is not a spreadsheet) before holding it."""
    return bounded_lines(stream, MAX_LINE, lambda number: (
        f"line {number} is longer than {MAX_LINE // (1024 * 1024)} MB; this is not a "
        "spreadsheet claimtrack can read (give --format if it is another format)."))


# A line after the last one: csv reads it into the last cell when a quote opened there is
# never closed (csv then ends the cell at the end of the file without a word), else it is a
# row of its own. (Noncharacters: never in a file's text.)
_END = "\ufdd0end of file\ufdd0"


def _chain(head: str, rest: Iterable[str]) -> Iterator[str]:
    yield head
    yield from rest
    yield _END


def _unless_unclosed(cells: list[str], line: int) -> list[str]:
    """``cells``, unless their last one ran to the end of the file from an open quote: then
    the file is refused (whatever follows the quote would be one cell)."""
    if cells[-1:] and cells[-1].endswith(_END) and cells != [_END]:
        raise InvalidInput(
            f"line {line}: a quoted field is never closed, so the rest of the file would be "
            'one cell. Close that quote (a quote inside a cell is written "") and import '
            "again."
        )
    return cells


# Cells of a row whose claim stands without them: one that cannot be read is refused (left
# out, with a warning naming its row and column), and the claim goes in. The claim's own
# cells (text, speaker, date…) are the record: a bad one rejects the row.
OPTIONAL_CELLS = ("source_url", "source_title", "source_published", "quote", "seen",
                  "review_date", "review_url", "speaker_kind", "verdict_author")


def row_bundle(row: Mapping[str, str], refused: list[str] | None = None) -> ClaimBundle:
    """One row (canonical column → non-empty cell) as a claim bundle. A bad optional cell is
    left out and described in ``refused``; a bad cell of the claim or verdict raises
    InvalidInput."""
    kept = dict(row)
    for column in OPTIONAL_CELLS:
        if column in kept and (reason := _unreadable(column, kept)) is not None:
            (refused if refused is not None else []).append(
                f"column '{column}': {reason} The cell was left out."
            )
            del kept[column]
            if column == "source_url":  # what the page held goes with it
                for follower in ("source_title", "source_published", "quote", "seen"):
                    kept.pop(follower, None)
    return _bundle(kept)


def _unreadable(column: str, row: Mapping[str, str]) -> str | None:
    """Why an optional cell cannot be used, or None when it can."""
    try:
        if column in ("source_url", "review_url"):
            values.url(row[column], column)
        elif column in ("seen", "review_date", "source_published"):
            _date(row[column], column)
        elif column == "verdict_author":
            values.name(row[column], column)
        elif column == "speaker_kind":
            _choice(row, column, ActorKind, "a kind of actor")
        elif column == "quote" and not row.get("source_url"):
            return "a quote needs the source_url it is from."
        else:
            values.optional_text(row[column], column)
    except InvalidInput as error:
        return str(error)
    return None


def _date(cell: str | None, column: str) -> dt.date | None:
    """A date cell, read as leniently as a ClaimReview's dates (2021-5-6, 2021-05-06T10:00Z,
    6 May 2021: reviewdates), else as the CLI reads one (today, yesterday); None when empty.
    Raises InvalidInput."""
    if cell is None or not cell.strip():
        return None
    try:
        return reviewdates.date_as_written(cell, column)
    except InvalidInput:
        return values.date(cell, column)


def _bundle(row: Mapping[str, str]) -> ClaimBundle:
    get = row.get
    appearances: tuple[AppearanceRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()
    if get("source_url"):
        url = values.url(get("source_url", ""), "source_url")
        appearances = (
            AppearanceRecord(
                source=url,
                quote=values.optional_text(get("quote"), "quote"),
                seen=_date(get("seen"), "seen"),
            ),
        )
        if get("source_title") or get("source_published"):
            sources = (
                SourceRecord(url=url, title=values.optional_text(get("source_title"), "title"),
                             published=_date(get("source_published"), "source_published")),
            )
    elif get("quote"):
        raise InvalidInput("a quote needs the source_url it is from.")
    speaker = get("speaker")
    claim = ClaimRecord(
        id=full_id(get("id", ""), "c", "claim") if get("id") else None,
        text=values.text(get("claim", ""), "claim text"),
        speaker=values.name(speaker, "speaker") if speaker else None,
        date=_date(get("date"), "date"),
        summary=values.summary(get("summary")),
        language=values.language(get("language")),
        tags=tuple(values.tags([t for t in get("tags", "").split(TAG_SEPARATOR) if t.strip()])),
        appearances=appearances,
        status=_choice(row, "claim_status", ReviewStatus, "a review status"),
    )
    return ClaimBundle(claim=claim, reviews=_review(row), sources=sources,
                       speaker_kind=_choice(row, "speaker_kind", ActorKind, "a kind of actor"))


def _choice(
    row: Mapping[str, str], column: str, enum: type[Choice], what: str
) -> Choice | None:
    """The cell as one of ``enum``'s values (any case), None when empty. Raises InvalidInput."""
    cell = row.get(column, "").strip().lower()
    if not cell:
        return None
    try:
        return enum(cell)
    except ValueError:
        raise InvalidInput(f"column '{column}': " + values.not_a_choice(
            row[column], (member.value for member in enum), what)) from None


def _review(row: Mapping[str, str]) -> tuple[ReviewRecord, ...]:
    get = row.get
    if not get("verdict"):
        if any(get(c) for c in ("reviewer", "review_url", "normalized", "verdict_id",
                                 "verdict_status", "verdict_author")):
            raise InvalidInput("verdict details are given but the verdict label is empty.")
        return ()
    if not get("reviewer"):
        raise InvalidInput("a verdict needs its reviewer (column 'reviewer').")
    return (
        ReviewRecord(
            rating=values.text(get("verdict", ""), "verdict", max_length=values.LABEL_MAX),
            by=values.name(get("reviewer", ""), "reviewer"),
            normalized=_choice(row, "normalized", Rating, "a rating"),
            date=_date(get("review_date"), "review_date"),
            url=values.optional_url(get("review_url"), "review_url"),
            explanation=values.optional_text(get("explanation"), "explanation"),
            author=values.name(get("verdict_author", ""), "verdict_author")
            if get("verdict_author") else None,
            id=full_id(get("verdict_id", ""), "v", "verdict") if get("verdict_id") else None,
            status=_choice(row, "verdict_status", ReviewStatus, "a review status"),
        ),
    )


def write_csv(stream: IO[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write rows (canonical column → value) under the canonical header; returns the count."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    for row in rows:
        writer.writerow([neutralise("" if row.get(c) is None else str(row[c])) for c in HEADER])
        count += 1
    return count
