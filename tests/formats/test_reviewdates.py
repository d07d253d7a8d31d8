"""Review dates as publishers write them: the calendar date as written, a bad one named whole."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.core.errors import InvalidInput
from claimtrack.formats.reviewdates import date_as_written


@pytest.mark.parametrize(("raw", "day"), [
    ("2021-08-03T00:26:00+5:30", dt.date(2021, 8, 3)),
    ("2021-08-03T23:59:59-11:00", dt.date(2021, 8, 3)),
    ("2020-06-24 00:03", dt.date(2020, 6, 24)),
    ("2023-01-24T13:32:06.838Z", dt.date(2023, 1, 24)),
    ("2020-5-1", dt.date(2020, 5, 1)),
    ("2020/05/01 10:00", dt.date(2020, 5, 1)),
    ("Wed, 11 Mar 2020 01:05:52 UTC +00:00", dt.date(2020, 3, 11)),
    ("March 11, 2020", dt.date(2020, 3, 11)),
])
def test_the_date_as_written(raw: str, day: dt.date) -> None:
    assert date_as_written(raw, "datePublished") == day
    assert date_as_written(raw, "datePublished") == day  # read again: the same answer


@pytest.mark.parametrize(("raw", "why"), [
    ("2021-02-30T10:00:00Z", "does not exist in the calendar"),
    ("2021-02-30", "does not exist in the calendar"),
    ("2021-08-03Z", "is not a date claimtrack can read"),
    ("2999-01-01T00:00:00Z", "2999-01-01"),
])
def test_a_bad_date_is_named_as_written(raw: str, why: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        date_as_written(raw, "datePublished")
    assert why in str(raised.value)
    if "calendar" in why or "read" in why:
        assert f"'{raw}'" in str(raised.value)


@pytest.mark.parametrize(("raw", "alone"), [
    ("2018", "year"), ("2018-06", "month"), ("2018-6", "month"), ("June 2018", "month"),
    ("2018-06Z", "month"),
])
def test_a_year_or_a_month_alone_is_valid_iso_but_no_day(raw: str, alone: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        date_as_written(raw, "datePublished")
    assert str(raised.value) == (
        f"datePublished '{raw}' is a {alone} alone, not a day: claimtrack needs a full date "
        "(YYYY-MM-DD)."
    )


@pytest.mark.parametrize("raw", ["2018-13", "Juni 2018", "20180"])
def test_what_is_no_year_or_month_is_still_unreadable(raw: str) -> None:
    with pytest.raises(InvalidInput, match="is not a date claimtrack can read"):
        date_as_written(raw, "datePublished")
