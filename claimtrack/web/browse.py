"""The Claims page: every claim, contested or not, newest first, or those a search finds.

The same library calls as ``claimtrack claim list`` (``claims.list_claims``) and
``claimtrack search`` (``search.search``), with the contested list's filters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlencode

from sqlalchemy.orm import Session
from starlette.responses import Response

from claimtrack.core.enums import ReviewStatus
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.services import claims, search
from claimtrack.services.filters import ClaimFilter
from claimtrack.web.disputes import FILTER_WORDS, PAGE_SIZE, chosen_filters, claim_filter
from claimtrack.web.handlers import Call, field_errors, route

# Pages are numbered (the library's lists have no cursor): the deepest one that is served.
LAST_PAGE = 400
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
    snippet: str = ""


@route("/claims")
def claim_list(call: Call) -> Response:
    """Every claim, newest first (most relevant first with a search), 25 a page."""
    chosen = chosen_filters(call)
    errors: dict[str, str] = {}
    rows: list[Row] | None = None
    number = _page_number(call.form.get("page"))
    try:
        where, status = claim_filter(chosen)
        with call.read() as session:
            where.check(session)
            wanted = number * PAGE_SIZE + 1  # one more than shown: is there a next page?
            rows = (_found(session, chosen["q"], where, status, wanted) if chosen["q"]
                    else _listed(session, where, status, wanted))
    except (InvalidInput, NotFound) as error:
        errors = field_errors(error, FILTER_WORDS)
    kept = {name: value for name, value in chosen.items() if value}
    shown = rows[(number - 1) * PAGE_SIZE:number * PAGE_SIZE] if rows is not None else None
    more = rows is not None and len(rows) > number * PAGE_SIZE and number < LAST_PAGE
    # Past the last page (a page number typed or kept from before): say so, and where it is.
    last = (len(rows) - 1) // PAGE_SIZE + 1 if rows and not shown else None
    return call.render(
        "claims.html.j2", title="Claims", rows=shown, values=chosen, errors=errors,
        filtered=bool(kept), searched=bool(chosen["q"]), first=(number - 1) * PAGE_SIZE + 1,
        nothing=_nothing(chosen), asked=_asked(call.form.get("page")), last=last,
        last_page="/claims?" + urlencode({**kept, "page": last}) if last else None,
        first_page="/claims?" + urlencode(kept),
        next_page="/claims?" + urlencode({**kept, "page": number + 1}) if more else None,
        previous_page=("/claims?" + urlencode({**kept, "page": number - 1})
                       if number > 1 and not last else None),
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


def _asked(value: str) -> str:
    """The page number asked for, as typed (when it is one)."""
    return value if value.isascii() and value.isdigit() and len(value) <= 6 else ""


def _page_number(value: str) -> int:
    if not (value.isascii() and value.isdigit()) or len(value) > 6:  # "²", 5,000 digits
        return 1
    return min(max(int(value), 1), LAST_PAGE)


def _listed(session: Session, where: ClaimFilter, status: ReviewStatus | None,
            wanted: int) -> list[Row]:
    return [Row(view.id, view.speaker, view.date, view.headline, view.status, view.tags)
            for view in claims.list_claims(session, where=where, status=status, limit=wanted)]


def _found(session: Session, query: str, where: ClaimFilter, status: ReviewStatus | None,
           wanted: int) -> list[Row]:
    hits = search.search(session, query, where=where,
                         limit=max(wanted, STAGED_HITS) if status else wanted)
    rows = (Row(hit.id, hit.speaker, hit.date, hit.text, _stage(session, hit.id),
                hit.tags, hit.snippet) for hit in hits)  # the stage read only for rows kept
    return list(islice((row for row in rows if status in (None, row.status)), wanted))


def _stage(session: Session, claim_id: str) -> ReviewStatus:
    return claims.get_claim(session, claim_id).status


ROUTES = [claim_list]
