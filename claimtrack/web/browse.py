"""The Claims page: every claim, contested or not, newest first, or those a search finds.

The same library calls as ``claimtrack claim list`` (``claims.list_claims``) and
``claimtrack search`` (``search.search``), with the contested list's filters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import islice

from sqlalchemy.orm import Session
from starlette.responses import Response

from claimtrack.core.enums import ReviewStatus
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.services import claims, search
from claimtrack.services.filters import ClaimFilter
from claimtrack.store import snippets
from claimtrack.web import paging
from claimtrack.web.disputes import FILTER_WORDS, PAGE_SIZE, chosen_filters, claim_filter
from claimtrack.web.handlers import Call, field_errors, route

# Search hits read to keep those at a review stage (a search has no stage of its own).
STAGED_HITS = 2000
# The filters as an empty list names them ("No claim has tag “energy” and speaker “Ana”").
FILTER_LABELS = (("tag", "tag"), ("speaker", "speaker"), ("since", "said since"),
                 ("until", "said until"), ("status", "review status"))


@dataclass(frozen=True)
class Row:
    """One claim in the list: from ``list_claims`` or a search hit (with its snippet)."""

    id: str
    speaker: str | None
    date: dt.date | None
    headline: str
    status: ReviewStatus
    tags: tuple[str, ...] = ()
    # a search hit's passage as (text, is_match) pieces: the template escapes each and marks
    # the matches (the claim's own brackets stay brackets)
    snippet: tuple[tuple[str, bool], ...] = ()


@route("/claims")
def claim_list(call: Call) -> Response:
    """Every claim, newest first (most relevant first with a search), 25 a page."""
    chosen = chosen_filters(call)
    errors: dict[str, str] = {}
    rows: list[Row] | None = None
    number = paging.page_number(call.form.get("page"))
    try:
        where, status = claim_filter(chosen)
        with call.read() as session:
            where.check(session)
            wanted = paging.wanted(number, PAGE_SIZE)
            rows = (_found(session, chosen["q"], where, status, wanted) if chosen["q"]
                    else _listed(session, where, status, wanted))
    except (InvalidInput, NotFound) as error:
        errors = field_errors(error, FILTER_WORDS)
    kept = {name: value for name, value in chosen.items() if value}
    return call.render(
        "claims.html.j2", title="Claims", values=chosen, errors=errors,
        filtered=bool(kept), searched=bool(chosen["q"]), nothing=_nothing(chosen),
        **paging.page("/claims", kept, number, rows, PAGE_SIZE, call.form.get("page")),
        status=400 if errors else 200)


def _nothing(chosen: dict[str, str]) -> str:
    """What an empty list says: no claim at all, or none the search and filters find (and
    which filters are on)."""
    on = [f"{label} “{chosen[name]}”" for name, label in FILTER_LABELS if chosen[name]]
    if chosen["q"]:
        return f"No claim matches “{chosen['q']}”" + (f" with {_listed_words(on)}" if on else "")
    if on:
        return f"No claim has {_listed_words(on)}"
    return "No claim is recorded yet"


def _listed_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _listed(session: Session, where: ClaimFilter, status: ReviewStatus | None,
            wanted: int) -> list[Row]:
    return [Row(view.id, view.speaker, view.date, view.headline, view.status, view.tags)
            for view in claims.list_claims(session, where=where, status=status, limit=wanted)]


def _found(session: Session, query: str, where: ClaimFilter, status: ReviewStatus | None,
           wanted: int) -> list[Row]:
    hits = search.search(session, query, where=where,
                         limit=max(wanted, STAGED_HITS) if status else wanted)
    rows = (Row(hit.id, hit.speaker, hit.date, hit.text, _stage(session, hit.id),
                hit.tags, tuple(snippets.segments(hit.snippet)))
            for hit in hits)  # the stage read only for rows kept
    return list(islice((row for row in rows if status in (None, row.status)), wanted))


def _stage(session: Session, claim_id: str) -> ReviewStatus:
    return claims.get_claim(session, claim_id).status


ROUTES = [claim_list]
