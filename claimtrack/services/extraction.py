"""From an article's suggestions to recorded claims: speakers, appearances and links.

``claimtrack.extract`` reads the text and never touches the database; this module connects
its suggestions to what is recorded. ``resolve`` names speakers as the actors they match (by
name or alias, trying every way the text names them) and points unanswered answers at an
existing claim; ``apply`` records the accepted suggestions in the caller's transaction.
Applying the same article twice records nothing new: a claim is the same when its speaker,
text and appearance in the source are. A suggestion that is a recorded claim again (the same
speaker, nearly the same words: ``extract.recorded``) answers nothing, and recording it adds
one more appearance to that claim, not a copy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.core import search_syntax, values
from claimtrack.core.enums import ActorKind, Relation
from claimtrack.core.errors import Conflict, InvalidInput
from claimtrack.extract.model import Kind, Suggestion
from claimtrack.extract.recorded import already_recorded
from claimtrack.models import Appearance, Claim
from claimtrack.services import actors, claims, links, search, sources
from claimtrack.services.notices import notify

RELATION = {
    Kind.DENIAL: Relation.DENIES,
    Kind.COUNTER_CLAIM: Relation.CONTRADICTS,
    Kind.NON_DENIAL: Relation.EVADES,
    Kind.CLAIM: Relation.RESPONDS_TO,
}
ANSWERS = (Kind.DENIAL, Kind.COUNTER_CLAIM, Kind.NON_DENIAL)


@dataclass(frozen=True)
class Recorded:
    """What ``apply`` did with one accepted suggestion."""

    suggestion: str
    claim: str
    speaker: str | None
    kind: Kind
    status: str  # "added" or "already recorded"
    link: str | None  # "denies c-…", when linked


def find_answered_claim(session: Session, text: str) -> str | None:
    """The recorded claim that ``text`` most likely answers, or None.

    An existing claim with the same text (any case and spacing); else, for texts of at least
    ``search.MIN_WORDS`` words, the best hit of `claimtrack match` when it scores at or above
    the suggestion threshold. Shorter texts are too vague to be linked to anything.
    """
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    found = session.scalar(
        select(Claim.public_id).where(func.lower(Claim.text) == wanted).order_by(Claim.id).limit(1)
    )
    if found is not None or search_syntax.word_count(wanted) < search.MIN_WORDS:
        return found
    try:
        hits = search.match(session, text, limit=1)
    except InvalidInput:  # nothing but very common words
        return None
    return hits[0].id if hits and hits[0].score >= search.SUGGEST_THRESHOLD else None


def resolve(session: Session, suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Speakers named as their actors; answers with nothing to answer in the text pointed at
    the recorded claim they most likely answer, unless they are that claim again (then
    ``recorded_as`` names it: see ``recorded_again``)."""
    resolved = []
    for suggestion in suggestions:
        speaker = suggestion.speaker
        actor = next((a for name in suggestion.mentions if (a := actors.find_actor(session, name))),
                     None)
        if actor is not None:
            speaker = actor.name
        answered = suggestion.responds_to
        if answered is None and suggestion.kind in ANSWERS:
            answered = find_answered_claim(session, _answered_words(suggestion))
        resolved.append(dataclasses.replace(suggestion, speaker=speaker, responds_to=answered))
    settled, copies = already_recorded(resolved, _answered(session, resolved))
    return [dataclasses.replace(s, recorded_as=copies[s.id]) if s.id in copies else s
            for s in settled]


def recorded_again(suggestions: Iterable[Suggestion]) -> list[str]:
    """A sentence for each suggestion that is a recorded claim again."""
    return [f"{s.id} is already recorded as {s.recorded_as} (same speaker, same words): it "
            "answers nothing." for s in suggestions if s.recorded_as]


def apply(
    session: Session,
    suggestions: Sequence[Suggestion],
    text: str,
    *,
    source_url: str,
    accepted: Iterable[str],
    said_on: str | dt.date | None = None,
) -> list[Recorded]:
    """Record the accepted suggestions as claims with an appearance in ``source_url`` and link
    each to what it answers. ``said_on``: when they were said (usually the article's date;
    extraction reads no dates), the new claims' date. Raises InvalidInput for an unknown
    suggestion id or a bad date."""
    said = values.date(said_on, "claim's date")
    wanted = list(dict.fromkeys(accepted))
    known = {s.id: s for s in suggestions}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise InvalidInput(
            f"No suggestion {', '.join(unknown)} in this text (there are s1 to "
            f"s{len(suggestions)}); run without --apply to see them."
        )
    source = sources.ensure_source(session, source_url)
    recorded_claims: dict[str, Claim] = {}
    status: dict[str, str] = {}
    for suggestion in suggestions:
        claim = _recorded(session, suggestion, source.id)
        if suggestion.id in wanted and suggestion.recorded_as:  # one more appearance of it
            claim = claims.get_claim(session, suggestion.recorded_as)
            start, end = suggestion.passage
            _seen_again(session, claim, source.url, text[start:end])
            status[suggestion.id] = "already recorded"
        elif suggestion.id in wanted and claim is None:
            claim = _same_claim(session, suggestion, said)
            if claim is None:
                claim = _record(session, suggestion, text, source.url, said)
                status[suggestion.id] = "added"
            else:  # the same words by the same speaker, recorded from another page
                start, end = suggestion.passage
                _seen_again(session, claim, source.url, text[start:end])
                status[suggestion.id] = "already recorded"
        elif suggestion.id in wanted:
            status[suggestion.id] = "already recorded"
        if claim is not None:
            recorded_claims[suggestion.id] = claim
    results = []
    for name in sorted(wanted, key=lambda n: int(n[1:])):
        suggestion = known[name]
        claim = recorded_claims[name]
        link = _link(session, suggestion, claim, recorded_claims, source.url)
        results.append(Recorded(name, claim.public_id, suggestion.speaker, suggestion.kind,
                                status[name], link))
    return results


def _answered(session: Session, suggestions: list[Suggestion]) -> dict[str, tuple[str | None, str]]:
    """The speaker and text of each recorded claim a suggestion answers."""
    answered: dict[str, tuple[str | None, str]] = {}
    for claim_id in {c for s in suggestions if (c := s.responds_to) and c.startswith("c-")}:
        claim = claims.get_claim(session, claim_id)
        answered[claim.public_id] = (claim.speaker.name if claim.speaker else None, claim.text)
    return answered


def _answered_words(suggestion: Suggestion) -> str:
    """What a denial denies: its words without the verb ("denied that X" -> "X")."""
    words = suggestion.text.split()
    verb = suggestion.verb.split()
    if words and verb and words[0].lower() == verb[0]:
        words = words[1:]
        if words and words[0].lower() == "that":
            words = words[1:]
    return " ".join(words)


def _recorded(session: Session, suggestion: Suggestion, source_id: int) -> Claim | None:
    """The claim this suggestion already became: same speaker, text and source."""
    query = (
        select(Claim)
        .join(Appearance, Appearance.claim_id == Claim.id)
        .where(Appearance.source_id == source_id, Claim.text == suggestion.text)
    )
    if suggestion.speaker is None:
        query = query.where(Claim.speaker_id.is_(None))
    else:
        actor = actors.find_actor(session, suggestion.speaker)
        if actor is None:
            return None
        query = query.where(Claim.speaker_id == actor.id)
    return session.scalars(query.order_by(Claim.id).limit(1)).first()


def _same_claim(session: Session, suggestion: Suggestion, said: dt.date | None) -> Claim | None:
    """The stored claim with this suggestion's fingerprint (its date: the one given, if any)."""
    speaker = None
    if suggestion.speaker is not None:
        speaker = actors.find_actor(session, suggestion.speaker)
        if speaker is None:
            return None
    return claims.same_claim(session, suggestion.text, speaker, said)


def _record(
    session: Session, suggestion: Suggestion, text: str, url: str, said: dt.date | None
) -> Claim:
    if suggestion.speaker is not None and actors.find_actor(session, suggestion.speaker) is None:
        kind = ActorKind.PERSON if suggestion.speaker_kind == "person" else ActorKind.UNKNOWN
        actors.ensure_actor(session, suggestion.speaker, kind=kind)
    start, end = suggestion.passage
    return claims.add_claim(
        session, text=suggestion.text, speaker=suggestion.speaker, language="en",
        said_on=said, source_url=url, quote=text[start:end],
    )


def _link(session: Session, suggestion: Suggestion, claim: Claim,
          recorded_claims: dict[str, Claim], url: str) -> str | None:
    """Link an answer to what it answers, unless that link is recorded already."""
    answered = suggestion.responds_to
    if answered is None:
        return None
    target = recorded_claims.get(answered)
    if target is None and answered.startswith("c-"):
        target = claims.get_claim(session, answered)
    if target is None:
        notify(session, f"{suggestion.id} answers {answered}, which was not accepted: not linked.")
        return None
    if target.id == claim.id:
        return None
    relation = RELATION[suggestion.kind]
    if links.link_between(session, claim.id, relation, target.id) is None:
        links.add_link(session, claim, relation, target, source_url=url)
    return f"{relation} {target.public_id}"


def _seen_again(session: Session, claim: Claim, url: str, quote: str) -> None:
    """One more appearance of a recorded claim, with this passage; a different passage
    recorded at the same page before is kept (and the notice says so)."""
    try:
        claims.add_appearance(session, claim, url, quote=quote)
    except Conflict:
        notify(session, f"Kept the quote recorded for claim {claim.public_id} at {url}; this "
                        f"article's passage “{quote}” was not recorded.")
