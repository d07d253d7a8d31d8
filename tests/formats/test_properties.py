"""Property tests of the format readers and writers (no database): round trips, and no crash
on junk — a bad record is an error message, never an exception."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.core import spreadsheet
from claimtrack.core.enums import ActorKind, Rating
from claimtrack.core.errors import InvalidInput
from claimtrack.core.ratings import rating_from_scale
from claimtrack.formats import csvio, inputs, jsonl, jsonld
from claimtrack.formats import html_page as html
from claimtrack.formats.claimreview import review_bundle
from claimtrack.formats.claimreview_out import ReviewExport, review_document
from claimtrack.formats.native import AppearanceRecord, ClaimRecord, VerdictRecord

EXAMPLES = settings(max_examples=60, deadline=None)
# Text a claim may hold: any Unicode but NUL and lone surrogates, not blank.
texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())
names = (
    st.text("abcdefghij ÄÉЖ", min_size=1, max_size=12)
    .filter(lambda t: t.strip())
    .map(lambda t: " ".join(t.split()))
)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2024, 12, 31))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@id",
                    "@graph",
                    "claimReviewed",
                    "reviewRating",
                    "author",
                    "itemReviewed",
                    "url",
                    "name",
                    "ratingValue",
                    "appearance",
                    "properties",
                    "type",
                    "datePublished",
                    "x",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@EXAMPLES
@given(st.text(max_size=20))
def test_neutralise_is_exact_and_safe(text: str) -> None:
    cell = spreadsheet.neutralise(text)
    assert spreadsheet.restore(cell) == text
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@EXAMPLES
@given(
    st.lists(
        st.tuples(texts, st.none() | names, st.none() | dates, st.none() | texts),
        min_size=1,
        max_size=4,
    )
)
def test_csv_round_trip(rows: list[tuple[str, str | None, dt.date | None, str | None]]) -> None:
    buffer = io.StringIO(newline="")
    csvio.write_csv(
        buffer,
        [
            {
                "claim": t,
                "speaker": s,
                "date": d,
                "quote": q,
                "source_url": "https://example.org/x" if q else None,
            }
            for t, s, d, q in rows
        ],
    )
    parsed = list(csvio.read_csv(io.StringIO(buffer.getvalue(), newline="")))
    assert [p.error for p in parsed] == [None] * len(rows)
    for (text, speaker, date, quote), p in zip(rows, parsed, strict=True):
        claim = p.item.claim  # type: ignore[union-attr]
        assert (claim.text, claim.speaker, claim.date) == (text, speaker, date)
        assert [a.quote for a in claim.appearances] == ([quote] if quote else [])


@EXAMPLES
@given(json_values)
def test_claimreview_reader_never_crashes_on_junk(value: Any) -> None:
    for parsed in jsonld.reviews_in(value, "item 1"):
        assert (parsed.item is None) != (parsed.error is None)
    if isinstance(value, dict):
        with contextlib.suppress(InvalidInput):
            review_bundle(value)
    stream = io.BufferedReader(io.BytesIO(json.dumps(value).encode()))  # type: ignore[arg-type]
    with contextlib.suppress(InvalidInput):  # JSON the C parser refuses: a clean error
        for parsed in inputs.read(stream, "claimreview"):
            assert (parsed.item is None) != (parsed.error is None)


@EXAMPLES
@given(st.text(max_size=200))
def test_page_and_line_readers_never_crash(text: str) -> None:
    for parsed in html.read_html(io.BytesIO(text.encode("utf-8", "replace"))):
        assert parsed.where
    for parsed in jsonl.read_jsonl(io.BytesIO(text.encode("utf-8", "replace"))):
        assert parsed.error or parsed.item


@EXAMPLES
@given(
    texts,
    st.none() | names,
    st.none() | dates,
    names,
    st.sampled_from(list(Rating)),
    st.text("abc XYZ", min_size=1, max_size=10).filter(str.strip),
    st.none() | dates,
    st.lists(st.integers(1, 99), max_size=3, unique=True),
)
def test_claimreview_written_then_read_keeps_the_verdict(
    text: str,
    speaker: str | None,
    said: dt.date | None,
    reviewer: str,
    rating: Rating,
    label: str,
    reviewed: dt.date | None,
    pages: list[int],
) -> None:
    label = " ".join(label.split())
    claim = ClaimRecord(
        id="c-000000000001",
        text=text,
        speaker=speaker,
        date=said,
        appearances=tuple(AppearanceRecord(f"https://example.org/{n}") for n in pages),
    )
    verdict = VerdictRecord(
        id="v-000000000001",
        claim=claim.id or "",
        rating=label,
        normalized=rating,
        by=reviewer,
        date=reviewed,
        url="https://check.example.org/1",
        explanation=None,
    )
    document = review_document(ReviewExport(verdict, claim, ActorKind.MEDIA, ActorKind.PERSON))
    bundle = review_bundle(json.loads(json.dumps(document)))
    (review,) = bundle.reviews
    # Blanks around the text are not read from markup (they are layout there).
    assert (bundle.claim.text, bundle.claim.speaker, bundle.claim.date) == (
        text.strip(), speaker, said
    )
    assert (review.rating, review.by, review.date, review.url) == (
        label,
        reviewer,
        reviewed,
        verdict.url,
    )
    assert sorted(a.source for a in bundle.claim.appearances) == sorted(
        a.source for a in claim.appearances
    )
    if rating is not Rating.UNVERIFIABLE:
        assert (
            rating_from_scale(review.rating_value or 0, review.best_rating, review.worst_rating)
            == rating
        )


@EXAMPLES
@given(st.floats(-10, 10), st.floats(-10, 10), st.floats(-10, 10), st.floats(-10, 10))
def test_scale_reading_is_monotonic(a: float, b: float, best: float, worst: float) -> None:
    low, high = rating_from_scale(min(a, b), best, worst), rating_from_scale(max(a, b), best, worst)
    if low is not None and high is not None:
        order = [Rating.FALSE, Rating.MOSTLY_FALSE, Rating.MIXED, Rating.MOSTLY_TRUE, Rating.TRUE]
        assert order.index(low) <= order.index(high)
