"""Attribution without a plain verb of saying: a passive with its agent ("was described as X by
the police", "The allegations were denied by the company", "He was countered by X"), the grounds
of a decision ("struck down the curfew on the grounds that X") and a submission in court
("the lawyer submitted the search was unlawful")."""

from __future__ import annotations

from claimtrack.extract import contents, phrases
from claimtrack.extract.event import Candidate, Event
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    COMMENT_NOUNS,
    DETERMINERS,
    VerbClass,
    word_set,
)
from claimtrack.extract.phrases import Mention
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH, subject_before

SUBMITTING = word_set("submitted submits")


def submits_a_clause(tokens: list[Token], i: int) -> bool:
    """"The lawyer submitted (that) the search was unlawful": a clause follows, with a finite
    verb within a short noun phrase and no comma; "submitted the report to the court" hands in
    a paper."""
    if i + 1 < len(tokens) and tokens[i + 1].lower == "that":
        return True
    for j in range(i + 2, min(len(tokens), i + 6)):
        if not tokens[j].is_word:
            return False
        if tokens[j].lower in VERBISH:
            return True
    return False



def passive_agent(event: Event, candidate: Candidate) -> Event | None:
    """A passive with its agent: "was described as X by the police", "was announced to be X by
    the WHO", "were reported by local media to have …": the agent says it."""
    tokens = event.unit.tokens
    by = next((j for j in range(candidate.stop, min(len(tokens), candidate.stop + 12))
               if tokens[j].lower == "by" or tokens[j].text in ",;.:"), None)
    if by is None or tokens[by].lower != "by" or any(
        t.is_word and t.lower.endswith(("ed", "en")) for t in tokens[candidate.stop : by]
    ):  # "was said to have been injured by police": the agent of "injured"
        return None
    stop = next((j for j in range(by + 1, len(tokens)) if tokens[j].text in ",;.:()"
                 or tokens[j].lower in ("to", "that", "as", "in", "on", "after", "who", "which")
                 or tokens[j].quote is not None), len(tokens))
    agent = phrases.read_phrase(tokens[by + 1 : stop])
    if agent is None or agent.kind in (phrases.PRONOUN, phrases.RUMOUR):
        return None
    if candidate.verb_class in _PASSIVE_ANSWERS:
        return _answered_by(event, candidate, by, stop, agent)
    event.mention = agent
    event.flags.add("passive agent")
    if by == candidate.stop:  # "reported by local media to have visited …"
        end = contents.trim_end(tokens, stop, contents.cut_adjuncts(tokens, stop, len(tokens)))
        event.content = (stop, end)
    else:
        event.content = (candidate.start, by)
    return event if event.content[1] > event.content[0] else None


_PASSIVE_ANSWERS = (VerbClass.DENY, VerbClass.COUNTER)
# Who can be answered in the passive: what was said, or the person who said it ("He was
# countered by X"); "He was questioned by police" answers nobody.
_ANSWERED_PEOPLE = word_set("he she they him")
_ANSWERING_PEOPLE = word_set("countered contradicted rebutted")


def _answered_by(event: Event, candidate: Candidate, by: int, stop: int,
                 agent: Mention) -> Event | None:
    """"The allegations were denied by the company", "He was countered by X": the agent's
    answer to the subject; the words are the verb with its agent."""
    tokens = event.unit.tokens
    aux = candidate.start
    while aux > 0 and tokens[aux - 1].lower in _PASSIVE_AUXILIARIES:
        aux -= 1
    subject = aux - 1
    if by != candidate.stop or subject < 0 or not tokens[subject].is_word:
        return None
    head = tokens[subject].lower
    said = head in ALLEGATION_NOUNS | COMMENT_NOUNS
    if not said and not (head in _ANSWERED_PEOPLE and candidate.verb in _ANSWERING_PEOPLE):
        return None
    first = subject
    while first > 0 and tokens[first - 1].is_word and tokens[first - 1].lower not in (
        "and", "but"
    ):
        first -= 1
    event.mention = agent
    event.flags |= {"passive agent", "no words"}  # it says nothing a later answer could answer
    event.object_head = head
    event.object_text = " ".join(t.text for t in tokens[first:aux])
    event.content = (aux, stop)
    return event


_PASSIVE_AUXILIARIES = word_set("was were is are been being be has have had")


GROUNDS = ("on", "the", "grounds", "that")
_BE = word_set("was were is are been be being")


def on_the_grounds(event: Event, candidate: Candidate) -> Event | None:
    """"The judge struck down the curfew on the grounds that X": the reason for a decision is
    what the subject of its sentence holds; a passive decision ("was struck down on the
    grounds …") names nobody."""
    tokens = event.unit.tokens
    verb = next((j for j in range(1, candidate.start) if tokens[j].is_word
                 and not tokens[j].is_capitalised and tokens[j].lower not in DETERMINERS and (
                     tokens[j].lower.endswith("ed") or tokens[j].lower in VERBISH
                     or tokens[j + 1].lower in ("down", "out", "up", "aside"))), None)
    if verb is None or tokens[verb].lower in _BE or tokens[verb - 1].lower in _BE:
        return None  # "The curfew was struck down on the grounds …": by whom is not said
    event.mention = subject_before(tokens, verb - 1).mention
    if event.mention is None or event.mention.kind == phrases.RUMOUR:
        return None
    return contents.with_content(event, candidate, None)


_FOUND_VERBS = word_set("was were is are had has could would")


def found_a_clause(tokens: list[Token], i: int) -> bool:
    """"found the dam was unsafe": a short noun phrase, then its finite verb; not "found a
    knife" or "found him guilty"."""
    for j in range(i + 2, min(len(tokens), i + 10)):
        if not tokens[j].is_word or tokens[j].quote is not None or tokens[j].lower in (
            "that", "which", "who", "and"
        ):
            return False  # "found a knife that was hidden": a relative clause of the object
        if tokens[j].lower in _FOUND_VERBS:
            return tokens[i + 1].lower in DETERMINERS or tokens[i + 1].is_capitalised
    return False
