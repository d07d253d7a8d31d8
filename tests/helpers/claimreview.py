"""Real publishers' ClaimReview samples (fixtures/claimreview/real): what each must import as,
and the checks a ClaimReview consumer applies to an export (issue 12, point 7).

Shared by tests/test_claimreview_real.py and ``python -m bench.claimreview_samples``. The
checks are written from the issue, not from claimtrack's code, so they hold whatever the
importer does inside.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

REAL = Path(__file__).resolve().parent.parent.parent / "fixtures" / "claimreview" / "real"
HANDMADE = REAL / "handmade"
MANIFEST: list[dict[str, Any]] = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
RATING_NUMBERS = ("ratingValue", "bestRating", "worstRating")

# (exit code, stdout, stderr) of one `claimtrack ARGS...` run against a given database.
Runner = Callable[[list[str]], tuple[int, str, str]]


def sample_ids() -> list[str]:
    return [sample["file"] for sample in MANIFEST]


@dataclass
class ImportedSample:
    """One sample's import (exit code, stderr) and everything a user can read back after it
    (the lists may hold other samples' records too: look a sample's reviews up with
    ``claim_for``, ``verdicts_for`` and ``exported_for``)."""

    sample: dict[str, Any]
    exit_code: int
    stderr: str
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    exported: list[dict[str, Any]] = field(default_factory=list)

    def claim_for(self, review: dict[str, Any]) -> dict[str, Any] | None:
        """The stored claim of an expected review, matched by its text as published (HTML
        entities left in are tolerated here: ``claim_problems`` reports them)."""
        return next((c for c in self.claims if same_text(c["text"], review["claim"])), None)

    def verdicts_for(self, review: dict[str, Any]) -> list[dict[str, Any]]:
        claim = self.claim_for(review)
        return [v for v in self.verdicts if claim is not None and v["claim"] == claim["id"]]

    def exported_for(self, review: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            r for r in self.exported if same_text(first(r.get("claimReviewed")), review["claim"])
        ]


def cli_runner(url: str) -> Runner:
    """The claimtrack CLI in process on the database at ``url``: (exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from claimtrack.cli import app

    def run(args: list[str]) -> tuple[int, str, str]:
        result = CliRunner().invoke(app, ["--db", url, *args])
        return result.exit_code, result.stdout, result.stderr

    return run


def import_samples(
    samples: list[dict[str, Any]], run: Runner, folder: Path = REAL
) -> dict[str, ImportedSample]:
    """Import each sample of ``folder`` with its own ``claimtrack import`` into one database
    (their reviews are distinct), then read everything back once; keyed by sample file."""
    results = {
        sample["file"]: run(["import", str(folder / sample["file"])]) for sample in samples
    }
    read: dict[str, Any] = {}
    for attribute, args in (
        ("verdicts", ["verdict", "list", "-f", "json"]),
        ("claims", ["claim", "list", "--limit", "0", "-f", "json"]),
        ("actors", ["actor", "list", "-f", "json"]),
        ("exported", ["export", "--format", "claimreview"]),
    ):
        status, out, _err = run(args)
        read[attribute] = json.loads(out) if status == 0 and out.strip() else []
    return {
        sample["file"]: ImportedSample(
            sample, results[sample["file"]][0], results[sample["file"]][2], **read
        )
        for sample in samples
    }


# ---- what a user checks after importing a sample ----------------------------------------


def missing_reviews(imported: ImportedSample) -> list[str]:
    """Expected reviews that did not become exactly one verdict."""
    return [
        review["claim"][:60]
        for review in imported.sample["reviews"]
        if len(imported.verdicts_for(review)) != 1
    ]


def url_problems(imported: ImportedSample) -> list[str]:
    """Review and appearance URLs not stored (and shown, and exported) as published."""
    problems = []
    for review in imported.sample["reviews"]:
        claim = imported.claim_for(review)
        for verdict in imported.verdicts_for(review):
            if verdict["url"] != review["url"]:
                problems.append(f"verdict url {verdict['url']!r}, published {review['url']!r}")
        # A review imported without its URL (it could not be resolved) may be exported with
        # the publisher's own value, never with one claimtrack made up.
        allowed = {review["url"]} if review["url"] else {None, review["published_url"]}
        for exported in imported.exported_for(review):
            if exported.get("url") not in allowed:
                problems.append(
                    f"exported url {exported.get('url')!r}, published {review['url']!r}"
                )
        stored = sorted(s["url"] for s in claim["sources"]) if claim else []
        if claim and stored != sorted(review["appearances"]):
            problems.append(f"appearances {stored}, published {sorted(review['appearances'])}")
    return problems


def label_problems(imported: ImportedSample) -> list[str]:
    """Labels not kept verbatim (entities decoded) or not read as a fact-checker reads them."""
    problems = []
    for review in imported.sample["reviews"]:
        for verdict in imported.verdicts_for(review):
            got = (verdict["rating"].strip(), verdict["normalized"])
            if got != (review["rating"], review["normalized"]):
                problems.append(f"{got}, expected {(review['rating'], review['normalized'])}")
    return problems


def reviewer_problems(imported: ImportedSample) -> list[str]:
    """Reviewer and review date not as published."""
    problems = []
    for review in imported.sample["reviews"]:
        for verdict in imported.verdicts_for(review):
            if (verdict["by"], verdict["date"]) != (review["by"], review["date"]):
                problems.append(
                    f"by/date {(verdict['by'], verdict['date'])}, "
                    f"expected {(review['by'], review['date'])}"
                )
    return problems


def claim_problems(imported: ImportedSample) -> list[str]:
    """The claim's text (HTML entities decoded once, blanks around it left out), speaker and
    language (the review's inLanguage, else the page's <html lang>) not as published."""
    problems = []
    for review in imported.sample["reviews"]:
        claim = imported.claim_for(review)
        if claim is None:
            continue
        if claim["text"] != review["claim"].strip():
            problems.append(
                f"claim text {claim['text'][:50]!r}, expected {review['claim'][:50]!r}"
            )
        if claim["speaker"] != review["claimant"]:
            problems.append(f"speaker {claim['speaker']!r}, expected {review['claimant']!r}")
        if not same_language(claim["language"], review["language"]):
            problems.append(f"language {claim['language']!r}, expected {review['language']!r}")
    return problems


# ---- what a ClaimReview consumer checks in an export (point 7) ---------------------------


def export_problems(imported: ImportedSample) -> list[str]:
    """Every point-7 problem in the export of this sample's reviews."""
    problems = []
    for review in imported.sample["reviews"]:
        exported = imported.exported_for(review)
        if len(exported) != 1:
            problems.append(f"{len(exported)} exported reviews for {review['claim'][:40]!r}")
            continue
        problems += consumer_problems(exported[0], review)
    return problems


def consumer_problems(exported: dict[str, Any], review: dict[str, Any]) -> list[str]:
    """What a ClaimReview consumer rejects in one exported review (``review``: the manifest's
    expectations for it: reading, first appearances, claimant type, language)."""
    return [
        *rating_problems(exported, rated=review["normalized"] != "unverifiable"),
        *spelling_problems(exported),
        *first_appearance_problems(exported, review["first_appearance"]),
        *claimant_problems(exported, review["claimant_type"] if review["claimant"] else None),
        *language_problems(exported, review["language"]),
    ]


def rating_problems(exported: dict[str, Any], *, rated: bool) -> list[str]:
    """Numeric ratingValue/bestRating/worstRating, worst < best, worst <= value <= best; never
    ""; all three on every rated verdict."""
    rating = first(exported.get("reviewRating"))
    if not isinstance(rating, dict):
        return ["no reviewRating"]
    problems = []
    numbers: dict[str, float] = {}
    for key in RATING_NUMBERS:
        if key not in rating:
            if rated:
                problems.append(f"no {key}")
            continue
        value = as_number(rating[key])
        if value is None:
            problems.append(f"{key} {rating[key]!r} is not a number")
        else:
            numbers[key] = value
    if len(numbers) == len(RATING_NUMBERS):
        worst, value, best = (numbers[k] for k in ("worstRating", "ratingValue", "bestRating"))
        if not worst < best:
            problems.append(f"worstRating {worst:g} is not below bestRating {best:g}")
        elif not worst <= value <= best:
            problems.append(f"ratingValue {value:g} is outside {worst:g}..{best:g}")
    return problems


def spelling_problems(exported: dict[str, Any]) -> list[str]:
    """The same page written twice under two spellings (trailing slash, escaping, case…)."""
    spellings: dict[str, set[str]] = {}
    for url in urls_in(exported):
        spellings.setdefault(url_key(url), set()).add(url)
    return [
        f"one URL under {len(found)} spellings: {sorted(found)}"
        for found in spellings.values()
        if len(found) > 1
    ]


def first_appearance_problems(exported: dict[str, Any], published_first: list[str]) -> list[str]:
    """firstAppearance only when the publisher said so, or when dates show it came first."""
    item = first(exported.get("itemReviewed"))
    if not isinstance(item, dict) or "firstAppearance" not in item:
        return []
    chosen = first(item["firstAppearance"])
    chosen_url = chosen.get("url") if isinstance(chosen, dict) else chosen
    if not isinstance(chosen_url, str):
        return [f"firstAppearance without a url: {chosen!r}"]
    if url_key(chosen_url) in {url_key(url) for url in published_first}:
        return []
    others = [p for p in many(item.get("appearance")) if isinstance(p, dict)]
    chosen_date = chosen.get("datePublished") if isinstance(chosen, dict) else None
    if chosen_date and others and all(
        p.get("datePublished") and str(p["datePublished"]) > str(chosen_date) for p in others
    ):
        return []
    return [f"firstAppearance {chosen_url!r}: neither the publisher's nor shown first by dates"]


def claimant_problems(exported: dict[str, Any], published_type: str | None) -> list[str]:
    if published_type not in ("Person", "Organization"):
        return []
    item = first(exported.get("itemReviewed"))
    author = first(item.get("author")) if isinstance(item, dict) else None
    written = author.get("@type") if isinstance(author, dict) else None
    if written != published_type:
        return [f"claimant @type {written!r}, published {published_type!r}"]
    return []


def language_problems(exported: dict[str, Any], expected: str | None) -> list[str]:
    if expected is None:
        return []
    written = exported.get("inLanguage")
    if isinstance(written, dict):
        written = written.get("alternateName") or written.get("name")
    if not same_language(written, expected):
        return [f"inLanguage {written!r}, expected {expected!r}"]
    return []


# ---- small helpers ------------------------------------------------------------------------


def published_reviews(path: Path) -> list[dict[str, Any]]:
    """The ClaimReview nodes of a sample as published (JSON-LD blocks of a page, or JSON)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    else:
        blocks = [text]
    found: list[dict[str, Any]] = []
    for block in blocks:
        try:
            found.extend(_reviews_in(json.loads(block)))
        except ValueError:
            continue
    return found


def _reviews_in(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for value in node:
            yield from _reviews_in(value)
    elif isinstance(node, dict):
        kinds = many(node.get("@type", node.get("type")))
        if "ClaimReview" in kinds:
            yield node
            return
        for value in node.values():
            yield from _reviews_in(value)


def first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def many(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def as_number(value: Any) -> float | None:
    """A number, or a string holding one ("4", "4.5"); None for anything else, "" included."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str) and value.strip():
        try:
            return float(value)
        except ValueError:
            return None
    return None


def same_text(stored: Any, published: str) -> bool:
    """The same claim text, whether or not HTML entities were left in when it was stored
    (blanks around the published text are not kept: "coastline. " is stored "coastline.")."""
    return isinstance(stored, str) and published.strip() in (stored, html.unescape(stored))


def same_language(stored: Any, expected: str | None) -> bool:
    if expected is None:
        return True
    return isinstance(stored, str) and stored.casefold() == expected.casefold()


def urls_in(node: Any, key: str = "") -> Iterator[str]:
    """Web addresses a consumer reads as pages: every ``url``, ``mainEntityOfPage`` and
    appearance given as text (``@id`` names nodes, ``sameAs`` other pages: left alone)."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name not in ("@id", "sameAs"):
                yield from urls_in(value, name)
    elif isinstance(node, list):
        for value in node:
            yield from urls_in(value, key)
    elif isinstance(node, str) and key in ("url", "mainEntityOfPage", "appearance",
                                           "firstAppearance") and node.startswith("http"):
        yield node


def url_key(url: str) -> str:
    """One page's identity, whatever the spelling: scheme and host case, default port,
    fragment, percent-escapes, trailing slash and blank parameters' "=" set aside."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80, 443) else None
    path = unquote(unquote(parts.path)).rstrip("/")
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return f"{host}{':' + str(port) if port else ''}{path}?{query}"


# A review written by a person for a desk (as BOOM and THIP Media publish them): the person is
# the verdict's author, the desk its reviewer.
BYLINE_REVIEW = {
    "@context": "https://schema.org", "@type": "ClaimReview",
    "claimReviewed": "Vitamin D can cure cancer", "url": "https://desk.example.org/vitamin-d",
    "author": {"@type": "Person", "name": "Aditi Gangal"},
    "publisher": {"@type": "Organization", "name": "THIP Media"},
    "reviewRating": {"alternateName": "Mostly False"},
}
