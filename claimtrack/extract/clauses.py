"""Clause structure the events lean on: where a relative or subordinate clause begins and
ends, so that a verb inside one is read as that clause's ("The president, who claimed A, left
…", "said that while X had paid and admitted Y, …") and an act's object is told from its
description ("wrote Winter Harbour, which is a novel")."""

from __future__ import annotations

from claimtrack.extract.event import Candidate, Event
from claimtrack.extract.lexicon import (
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    adverb_like,
    word_set,
)
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH, skip_back

_CONCESSIVE = word_set("while whilst although though whereas because since if unless")


def in_a_subordinate_clause(tokens: list[Token], previous: Event, candidate: Candidate) -> bool:
    """Whether a verb joined by "and" lies in a subordinate clause that opens the previous
    event's words and has not yet reached its comma: its subject is the clause's, not the
    speaker."""
    first = previous.content[0]
    if first < len(tokens) and tokens[first].lower == "that":
        first += 1
    if first >= candidate.start or tokens[first].lower not in _CONCESSIVE:
        return False
    i = skip_back(tokens, candidate.start - 1)[0]
    return i > first and tokens[i].lower == "and" and not any(
        t.text in ",;:" or t.quote is not None for t in tokens[first:i])


_NOT_MAIN_VERBS = word_set("and but or nor which who whom whose that as so according")


def main_clause_resumes(tokens: list[Token], candidate: Candidate, start: int,
                        end: int) -> int | None:
    """For a verb in a relative clause set off by commas after the subject ("The president,
    who claimed A, left …"), the comma where the main clause's verb follows."""
    i = candidate.start - 1
    while i > 0 and (tokens[i].lower in VERBISH or adverb_like(tokens[i].lower)):
        i -= 1
    if i < 1 or tokens[i].lower not in ("who", "which") or tokens[i - 1].text != ",":
        return None
    for j in range(start + 1, end - 1):
        following = tokens[j + 1]
        if tokens[j].text == "," and following.is_word and not following.is_capitalised and not (
            following.lower in _NOT_MAIN_VERBS or following.lower in DETERMINERS
            or following.lower in SUBORDINATORS or following.lower in PRONOUNS
            or following.lower.endswith("ing") or adverb_like(following.lower)
        ):
            return j
    return None


_BEFORE_A_NAME = PREPOSITIONS | word_set("of beyond over under into about near across within "
                                         "around between called dubbed named")


def object_of_act(words: list[Token]) -> list[Token]:
    """The object of an act without what only describes it: a relative clause set off by a
    comma ("wrote Winter Harbour, which is a novel") and a short name quoted after a preposition
    ("a withdrawal beyond the "buffer zone"")."""
    relative = next((j for j in range(1, len(words) - 1) if words[j].text == ","
                     and words[j + 1].lower in ("which", "who")), len(words))
    kept = []
    for j, token in enumerate(words[:relative]):
        named = token.quote is not None and len(token.text.split()) <= 3 and any(
            w.lower in _BEFORE_A_NAME for w in words[max(0, j - 2) : j])
        if not named:
            kept.append(token)
    return kept
