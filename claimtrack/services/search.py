"""Search and "have we seen this?": full-text search, and matching a text against every claim.

``search`` ranks claims by BM25 (SQLite) or ts_rank (PostgreSQL) over text, summary and quotes;
terms in scripts written without spaces (Chinese, Japanese, Thai…) match as substrings
(claimtrack.store.fulltext).
``match`` takes the full-text candidates for a whole text and re-scores them with rapidfuzz:
the score, in [0, 1], blends string similarity (the mean of rapidfuzz's token set and token
sort ratios) with full-text relevance relative to the best candidate. BM25's word statistics
mean little in a small database, so relevance weighs in with the number of claims: nothing
for one claim, half the score from 10,000 claims on. bench/bench_match.py measures the result
against plain BM25.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.core import contrast, search_syntax, values
from claimtrack.core.errors import InvalidInput
from claimtrack.core.views import MatchHit, SearchHit
from claimtrack.models import Actor, Claim
from claimtrack.services import reading
from claimtrack.services.filters import ClaimFilter
from claimtrack.store import fulltext
from claimtrack.store.sql import chunked

SEARCH_LIMIT = 20
MATCH_LIMIT = 5
CANDIDATES = 50
# Scores at or above this are shown as suggestions and recorded by `dedupe` (bench_match.py
# reports the precision at this threshold).
SUGGEST_THRESHOLD = 0.8
# Short texts look alike whatever they mean ("X is safe" / "X is not safe"): never suggested.
# Nor is a pair where one text is negated and the other not: a denial repeats the claim's words.
MIN_WORDS = 8
RELEVANCE_WEIGHT = 0.5
FULL_WEIGHT_AT = 10_000  # claims


def search(
    session: Session,
    query: str,
    *,
    where: ClaimFilter = ClaimFilter(),
    limit: int = SEARCH_LIMIT,
) -> list[SearchHit]:
    """Claims matching ``query`` (words, "phrases", -exclusions), most relevant first.

    Only the claims ``where`` selects are searched. Raises InvalidInput for a query that is
    empty or not valid syntax.
    """
    expression = fulltext.expression(session, search_syntax.parse(query))
    if where.is_empty:
        hits = fulltext.best_hits(session, expression, limit)
    else:
        hits = _filtered_hits(session, expression, limit, where)
    if not hits:
        return []
    tags = reading.tags_of(session, [hit.claim_id for hit in hits])
    best = hits[0].relevance
    return [
        SearchHit(
            id=hit.public_id,
            text=hit.text,
            speaker=hit.speaker,
            date=hit.said_on,
            score=round(hit.relevance / best, 3) if best > 0 else 0.0,
            snippet=hit.snippet,
            tags=tuple(tags.get(hit.claim_id, ())),
        )
        for hit in hits
    ]


def _filtered_hits(
    session: Session, expression: fulltext.Expression, limit: int, where: ClaimFilter
) -> list[fulltext.Hit]:
    """The best hits among the claims ``where`` selects."""
    ranked_query: Any
    ranked_query, relevance = fulltext.ranked_query(session, expression)
    ranked_query = where.apply(ranked_query)
    ranked = session.execute(ranked_query.order_by(relevance.desc(), Claim.id).limit(limit)).all()
    ids = [row[0] for row in ranked]
    snippets = fulltext.snippets(session, expression, ids)
    rows = _claim_rows(session, ids)
    return [
        fulltext.Hit(claim_id, score, snippets.get(claim_id, ""), *rows[claim_id])
        for claim_id, score in ranked
    ]


def match(
    session: Session,
    text: str,
    *,
    limit: int = MATCH_LIMIT,
    threshold: float = SUGGEST_THRESHOLD,
    exclude: Collection[int] = (),
) -> list[MatchHit]:
    """The claims most likely to be the same claim as ``text``, best first, scored in [0, 1].

    A hit at or above ``threshold`` is a suggestion, unless either text is under
    ``MIN_WORDS`` words. Raises InvalidInput when ``text`` has no word to match on.
    """
    cleaned = values.text(text, "text to match")
    if not search_syntax.content_words(cleaned):
        raise InvalidInput(
            "The text has no words to match on (very common words are ignored); give the "
            "claim as published."
        )
    scored = scored_candidates(session, cleaned, exclude=exclude)
    top = scored[:limit]
    rows_by_id = _claim_rows(session, [claim_id for claim_id, _, _ in top])
    hits = []
    for claim_id, candidate_text, score in top:
        if claim_id not in rows_by_id:
            continue
        close = score >= threshold
        differs = contrast.difference(cleaned, candidate_text) if close else None
        hits.append(MatchHit(
            id=rows_by_id[claim_id][0],
            text=candidate_text,
            speaker=rows_by_id[claim_id][2],
            date=rows_by_id[claim_id][3],
            score=round(score, 3),
            is_suggestion=close and differs is None and _comparable(cleaned, candidate_text),
            differs=differs,
        ))
    return hits


def may_be_same(text: str, other: str) -> bool:
    """Whether two texts may be suggested as one claim at all, however alike they look.

    Not when either is under ``MIN_WORDS`` words, nor when one is negated ("not", "never",
    "denied"…) and the other is not: a denial repeats the words of the claim it denies; nor when
    they give other figures or opposite words (``contrast.difference``).
    """
    return _comparable(text, other) and contrast.difference(text, other) is None


def _comparable(text: str, other: str) -> bool:
    """Both texts long enough to compare, and neither negated unless both are."""
    return (
        search_syntax.word_count(text) >= MIN_WORDS
        and search_syntax.word_count(other) >= MIN_WORDS
        and search_syntax.is_negated(text) == search_syntax.is_negated(other)
    )


def scored_candidates(
    session: Session, text: str, *, exclude: Collection[int] = ()
) -> list[tuple[int, str, float]]:
    """Full-text candidates for ``text`` re-scored: (claim row id, text, score), best first."""
    words = search_syntax.content_words(text)
    if not words:
        return []
    expression = fulltext.any_word_expression(session, words)
    found = [
        candidate
        for candidate in fulltext.candidates(session, expression, CANDIDATES + len(exclude))
        if candidate[0] not in exclude
    ][:CANDIDATES]
    best = max((relevance for _, _, relevance in found), default=0.0)
    weight = relevance_weight(fulltext.claims_upper_bound(session))
    scored = [
        (claim_id, candidate_text,
         similarity(text, candidate_text, relevance / best if best else 0.0, weight))
        for claim_id, candidate_text, relevance in found
    ]
    scored.sort(key=lambda item: (-item[2], item[0]))
    return scored


def relevance_weight(claim_count: int) -> float:
    """How much full-text relevance counts in a match score, given the number of claims."""
    return RELEVANCE_WEIGHT * min(1.0, math.log10(max(claim_count, 1)) / math.log10(FULL_WEIGHT_AT))


def similarity(text: str, other: str, relevance: float, weight: float = RELEVANCE_WEIGHT) -> float:
    """How likely two texts are the same claim, in [0, 1].

    ``relevance`` is the full-text relevance of ``other`` relative to the best candidate, and
    ``weight`` its share of the score (see ``relevance_weight``).
    """
    from rapidfuzz import fuzz, utils

    fuzzy = (
        fuzz.token_set_ratio(text, other, processor=utils.default_process)
        + fuzz.token_sort_ratio(text, other, processor=utils.default_process)
    ) / 200
    return (1 - weight) * fuzzy + weight * min(max(relevance, 0.0), 1.0)


def _claim_rows(
    session: Session, claim_ids: Sequence[int]
) -> dict[int, tuple[str, str, str | None, dt.date | None]]:
    """(public id, text, speaker, date) per claim row id."""
    found: dict[int, tuple[str, str, str | None, dt.date | None]] = {}
    for chunk in chunked(list(claim_ids)):
        for claim_id, public_id, text, speaker, said_on in session.execute(
            select(Claim.id, Claim.public_id, Claim.text, Actor.name, Claim.said_on)
            .outerjoin(Actor, Actor.id == Claim.speaker_id)
            .where(Claim.id.in_(chunk))
        ):
            found[claim_id] = (public_id, text, speaker, said_on)
    return found
