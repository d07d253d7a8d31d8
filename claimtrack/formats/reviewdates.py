"""Dates as publishers write them in ClaimReview: the calendar date as written, never shifted
to another time zone ("2021-08-03T00:26:00+5:30" is the 3rd where it was published, although
it is the 2nd in UTC).

Read: ISO 8601 dates and date-times (``2020-05-01``, ``2020-06-24 00:03``, fractional seconds,
any offset), RFC 2822 (``Wed, 11 Mar 2020 01:05:52 UTC +00:00``, ``Sat, 07 Nov 2020``), and the
English forms ``March 11, 2020`` and ``11 March 2020``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from claimtrack.core import values
from claimtrack.core.errors import InvalidInput

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_SLASHED = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})(?:$|[T\s])")
_WEEKDAY = r"^\s*(?:[A-Za-z]{3,9}\.?,?\s+)?"  # "Wed, " (RFC 2822) or "Wednesday "
_DAY_MONTH_YEAR = re.compile(_WEEKDAY + r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(_WEEKDAY + r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
# A year or a month alone: valid ISO 8601 ("2018", "2018-06", "2018-06Z"), or "June 2018".
_YEAR_OR_MONTH = re.compile(r"^\s*\d{4}(-(?:0?[1-9]|1[0-2]))?(?:Z|[+-]\d{2}:?\d{2})?\s*$")
_MONTH_YEAR = re.compile(r"^\s*([A-Za-z]{3,9})\.?,?\s+\d{4}\s*$")
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}


def date_as_written(raw: str, what: str) -> dt.date:
    """The calendar date ``raw`` writes. Raises InvalidInput naming ``what`` and the value."""
    if len(raw) > 10 and raw[4] == "-" and (raw[10] == "T" or raw[10].isspace()):
        # An ISO 8601 date-time: its date part says it all. A feed's reviews share a few
        # hundred days, so each is read once; a bad one is read again below, to be named.
        try:
            return _iso_day(raw[:10], what)
        except InvalidInput:
            pass
    return _read(raw, what)


@functools.lru_cache(maxsize=4096)
def _iso_day(day: str, what: str) -> dt.date:
    return _read(day, what)


def _read(raw: str, what: str) -> dt.date:
    found = _parts(raw)
    alone = None if found is not None else _year_or_month(raw)
    if alone is not None:
        raise InvalidInput(
            f"{what} '{raw}' is a {alone} alone, not a day: claimtrack needs a full date "
            "(YYYY-MM-DD)."
        )
    if found is None:
        raise InvalidInput(
            f"{what} '{raw}' is not a date claimtrack can read (ISO 8601 such as 2020-05-01, "
            "or RFC 2822 such as Wed, 11 Mar 2020)."
        )
    year, month, day = found
    try:
        written = dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{what} '{raw}' does not exist in the calendar.") from None
    parsed = values.date(written, what)
    assert parsed is not None
    return parsed


def _year_or_month(raw: str) -> str | None:
    """"year" or "month" when ``raw`` names only that (valid ISO 8601, but not a day)."""
    match = _YEAR_OR_MONTH.match(raw)
    if match:
        return "month" if match.group(1) else "year"
    match = _MONTH_YEAR.match(raw)
    return "month" if match is not None and match.group(1).lower() in MONTHS else None


def _parts(raw: str) -> tuple[int, int, int] | None:
    for pattern in (_ISO, _SLASHED):
        match = pattern.match(raw)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return year, month, day
    match = _DAY_MONTH_YEAR.match(raw)
    if match and match.group(2).lower() in MONTHS:
        return int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))
    match = _MONTH_DAY_YEAR.match(raw)
    if match and match.group(1).lower() in MONTHS:
        return int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2))
    return None
