"""Synthetic ClaimReview feeds shaped like real publishers' (fixtures/claimreview/real): a
JSON array, a DataFeed, and saved pages, with the same reviews in each.

Each review has its own URL and claim, a claimant (one of SPEAKERS, a Person), one or two
appearances (pages shared between reviews), a rating with a label and numbers, a reviewer
organisation (one of REVIEWERS) with a Person author, dates in the forms publishers use and a
body of text. Written streaming, so a feed of a million reviews costs no memory to make.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SPEAKERS = 2_000
REVIEWERS = 25
LABELS = [("False", 1), ("Mostly false", 2), ("Half true", 3), ("Misleading", 2),
          ("Engañoso", 2), ("Falso", 1), ("True", 5), ("Pants on Fire", 1)]
REVIEWS_PER_PAGE = 50


def review(number: int) -> dict[str, Any]:
    label, value = LABELS[number % len(LABELS)]
    day = 1 + number % 28
    month = 1 + number // 28 % 12
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://factcheck.example.org/{2015 + number % 9}/{month:02d}/check-{number}/",
        "claimReviewed": f"Claim {number}: the figure rose by {number % 97} percent in "
                         f"district {number % 501} last year.",
        "datePublished": f"2022-{month:02d}-{day:02d}T10:{number % 60:02d}:00+05:30",
        "author": {"@type": "Person", "name": f"Reporter {number % 300}"},
        "publisher": {"@type": "Organization", "name": f"Fact Desk {number % REVIEWERS}",
                      "url": f"https://desk{number % REVIEWERS}.example.org/"},
        "reviewRating": {"@type": "Rating", "alternateName": label, "ratingValue": value,
                         "bestRating": 5, "worstRating": 1},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": f"Speaker {number % SPEAKERS}"},
            "datePublished": f"2022-{month:02d}-{day:02d}",
            "appearance": [
                {"@type": "CreativeWork",
                 "url": f"https://social.example.net/posts/{number // 2}?utm_source=feed"},
                *([{"@type": "CreativeWork", "url": f"https://news.example.com/{number % 997}/"}]
                  if number % 3 == 0 else []),
            ],
        },
        "reviewBody": f"The official statistics for district {number % 501} show the figure "
                      "fell, according to the census office and two independent audits.",
    }


def reviews(count: int) -> Iterator[dict[str, Any]]:
    return (review(number) for number in range(count))


def write_array(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        _items(out, "[", reviews(count), "]\n")
    return path


def write_datafeed(path: Path, count: int) -> Path:
    items = ({"@type": "DataFeedItem", "dateCreated": r["datePublished"], "item": [r]}
             for r in reviews(count))
    with path.open("w", encoding="utf-8") as out:
        _items(out, '{"@context": "https://schema.org", "@type": "DataFeed", '
                    '"dataFeedElement": [', items, "]}\n")
    return path


def write_pages(folder: Path, count: int) -> Path:
    """Saved pages of REVIEWS_PER_PAGE reviews each, one ld+json block per review."""
    folder.mkdir(parents=True, exist_ok=True)
    found = reviews(count)
    for page in range(0, count, REVIEWS_PER_PAGE):
        with (folder / f"page-{page:07d}.html").open("w", encoding="utf-8") as out:
            out.write('<!doctype html><html lang="en"><head><title>Fact checks</title>'
                      f'<link rel="canonical" href="https://factcheck.example.org/p/{page}">')
            for _ in range(min(REVIEWS_PER_PAGE, count - page)):
                out.write('<script type="application/ld+json">'
                          + json.dumps(next(found), ensure_ascii=False) + "</script>")
            out.write("</head><body><p>Checks.</p></body></html>\n")
    return folder


def _items(out: IO[str], head: str, items: Iterator[Any], tail: str) -> None:
    out.write(head)
    for number, item in enumerate(items):
        out.write(("," if number else "") + "\n" + json.dumps(item, ensure_ascii=False))
    out.write(tail)
