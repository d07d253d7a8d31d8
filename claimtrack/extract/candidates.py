"""Where reporting events may start in one sentence: the candidate verbs.

A verb of saying from the lexicon (one word, a multi-word verb looked up by its first word, or
a base form that is not a noun after a determiner), a hedge ("declined to comment"), "according
to", "on the grounds that", "was quoted by X as saying", a submission in court, and an
allegation noun before "that" ("amid reports that …"). Words that only look like verbs are left
out: a capitalised word inside a name ("United States"), a plural noun ("the claims of"), "found
a knife", "questioned the student", and verbs that report speech only beside a quotation
('She continued: "…"'). Which of them is an event, and whose, is for ``speakers`` to say.
"""

from __future__ import annotations

import re

from claimtrack.extract import contents, phrases, sources
from claimtrack.extract.attribution import GROUNDS, SUBMITTING, found_a_clause, submits_a_clause
from claimtrack.extract.event import ACCORDING, ALLEGATION, HEDGE, Candidate
from claimtrack.extract.lexicon import (
    BASE_FORMS,
    DETERMINERS,
    EAGER,
    GOING_ON,
    NON_DENIAL,
    OBJECT_PRONOUN_WORDS,
    PERIODS,
    PHRASAL_VERBS,
    PREPOSITIONS,
    REPORTING_VERBS,
    VerbClass,
    word_set,
)
from claimtrack.extract.phrases import plain
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH, skip_back

_ACCORDING = re.compile(r"\baccording to\b|\bas reported (?:in|by)\b|\bin the words of\b")
# Before a base form these make it an infinitive or a hypothesis: "to say", "would deny".
_NOT_FINITE = word_set(
    "to will would could can may might must should shall did do does not never cannot "
    "didn't don't doesn't won't wouldn't couldn't let"
)
# Before a base form these make it a noun: "The report notes", "the claim".
_DETERMINERS = (DETERMINERS - {"that"}) | word_set("my your")  # "that" may be a relative
# Forms that are plural nouns as often as verbs: "Unverified reports of this …", "the legal
# team's claims as …".
_NOUN_FORMS = word_set("reports claims tweets notes estimates promises pledges remarks states")
# The multi-word verbs by their first word, so each token is compared with its own few only.
_PHRASAL_BY_FIRST: dict[str, list[tuple[tuple[str, ...], VerbClass]]] = {}
for _phrase, _verb_class in PHRASAL_VERBS.items():
    _PHRASAL_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _verb_class))
# Verbs that report speech only beside a quotation or before "that": 'She continued: "…"',
# '"…," he observed', "observed that …" (unlike "continued marching", "observed the flies").
_BESIDE_QUOTES = word_set("continued continues observed observes recalled recalls agreed agrees "
                          "accepted accepts")
# Words after "that" that make it a demonstrative: "Fighting continued that night".
_TIME_NOUNS = PERIODS | word_set("day time")


def find_candidates(tokens: list[Token]) -> list[Candidate]:
    """The candidate verbs of one sentence, in order."""
    frame, owner = _frame(tokens)
    found: list[Candidate] = []
    for pattern, verb_class in ((NON_DENIAL, HEDGE), (_ACCORDING, ACCORDING)):
        for match in pattern.finditer(frame):
            start, stop = owner[match.start()], owner[match.end() - 1] + 1
            found.append(Candidate(start, stop, verb_class, match.group().lower()))
    taken = {i for c in found for i in range(c.start, c.stop)}
    for c in found:  # "according to local news reports": the source's nouns are no verbs
        if c.verb_class == ACCORDING:
            taken.update(range(c.stop, sources.according_source_end(tokens, c.stop)))
    for i, token in enumerate(tokens):
        if i in taken or token.quote is not None or _in_a_name(tokens, i):
            continue
        if _a_noun(tokens, i):  # "amid reports that X": an allegation, nobody's verb
            if plain(token.text) in contents.ALLEGED and contents.that_after(tokens, i):
                found.append(Candidate(i, i + 1, ALLEGATION, ""))
            continue
        if token.lower == "on" and tuple(t.lower for t in tokens[i : i + len(GROUNDS)]) == GROUNDS:
            found.append(Candidate(i, i + len(GROUNDS), VerbClass.SAY, "on the grounds that"))
            taken.update(range(i, i + len(GROUNDS)))
            continue
        quoted_by = _quoted_by(tokens, i)
        if quoted_by is not None:  # "one resident was quoted by the Daily as saying"
            found.append(Candidate(i, quoted_by, VerbClass.SAY, "was quoted as saying"))
            taken.update(range(i, quoted_by))
            continue
        for phrase, verb_class in _PHRASAL_BY_FIRST.get(token.lower, ()):
            if tuple(t.lower for t in tokens[i : i + len(phrase)]) == phrase:
                found.append(Candidate(i, i + len(phrase), verb_class, " ".join(phrase)))
                taken.update(range(i, i + len(phrase)))
                break
        else:
            if token.lower in contents.FINDING and not _finds_something(tokens, i):
                continue
            if token.lower in SUBMITTING and submits_a_clause(tokens, i):
                found.append(Candidate(i, i + 1, VerbClass.SAY, token.lower))
            elif token.lower == "citing" and _citing_as(tokens, i):
                found.append(Candidate(i, i + 1, VerbClass.CALL, "citing"))
            elif token.lower in REPORTING_VERBS:
                if token.lower in ("questioned", "challenged") and _a_person_after(tokens, i):
                    continue  # "Police arrested and questioned the student": no claim answered
                if token.lower.startswith("maintain") and i + 1 < len(tokens) and (
                    tokens[i + 1].lower in ("a", "an")
                ):
                    continue  # "maintains a list of incidents": keeps one, says nothing
                if i > 0 and tokens[i - 1].text.endswith(("'s", "’s")) and token.lower.endswith(
                    "ed"
                ):
                    continue  # "Comey's repeated claims": an adjective
                found.append(Candidate(i, i + 1, REPORTING_VERBS[token.lower], token.lower))
            elif token.lower in _BESIDE_QUOTES and _quoted_around(tokens, i):
                found.append(Candidate(i, i + 1, VerbClass.SAY, token.lower))  # 'She continued:'
            elif token.lower in BASE_FORMS and (i == 0 or tokens[i - 1].lower not in (
                _NOT_FINITE | _DETERMINERS) or _eager(tokens, i)):
                # "The report notes": a noun after "the"; "were quick to say": said
                found.append(Candidate(i, i + 1, BASE_FORMS[token.lower], token.lower))
            elif plain(token.text) in contents.ALLEGED and contents.that_after(tokens, i):
                found.append(Candidate(i, i + 1, ALLEGATION, ""))
    return sorted(found, key=lambda c: c.start)


def _frame(tokens: list[Token]) -> tuple[str, list[int]]:
    """Lower-case words of a sentence joined by spaces, with each character's token index."""
    parts: list[str] = []
    owner: list[int] = []
    for i, token in enumerate(tokens):
        word = "\x00" if token.quote is not None else token.lower
        parts.append(word)
        owner.extend([i] * (len(word) + 1))
    return " ".join(parts), owner


def _in_a_name(tokens: list[Token], i: int) -> bool:
    """A capitalised word inside a sentence is part of a name, not a verb: "United States"."""
    token = tokens[i]
    return token.is_capitalised and not token.initial and i > 0 and tokens[i - 1].is_word


def _a_noun(tokens: list[Token], i: int) -> bool:
    """A reporting form used as a noun: after a possessive, a determiner or "amid", "despite",
    "following", or before "of", "from", "about" ("amid reports that", "the claims of")."""
    if tokens[i].lower not in _NOUN_FORMS:
        return False
    before = tokens[i - 1] if i > 0 else None
    if i > 1 and before is not None and before.is_word and not before.is_capitalised and (
        before.lower not in VERBISH | {"that", "and", "it", "he", "she", "they"}
    ) and tokens[i - 2].text.endswith(("'s", "’s", "s'")):
        before = tokens[i - 2]  # "Comey's repeated claims that …": an adjective between
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    possessive = before is not None and before.text.endswith(("'s", "’s", "s'"))
    after_a_preposition = before is not None and before.lower in _DETERMINERS | {
        "amid", "despite", "following", "denying", "rejecting", "of", "about"}
    return after in ("of", "from", "about", "by") or possessive or after_a_preposition


def _quoted_by(tokens: list[Token], i: int) -> int | None:
    """The end of "was quoted by X as saying" starting at ``i``, if it starts there."""
    if tokens[i].lower not in ("was", "were") or [t.lower for t in tokens[i + 1 : i + 3]] != [
        "quoted", "by"
    ]:
        return None
    return next((j + 2 for j in range(i + 4, min(len(tokens) - 1, i + 12))
                 if tokens[j].lower == "as" and tokens[j + 1].lower == "saying"), None)


def _citing_as(tokens: list[Token], i: int) -> bool:
    """"citing the move as a 'grave abuse'": a judgement, unlike "citing confidentiality"."""
    for token in tokens[i + 1 : i + 9]:
        if token.lower == "as":
            return True
        if token.text in ",;:":
            return False
    return False


def _finds_something(tokens: list[Token], i: int) -> bool:
    """"found that X", "found no trace", "did not find": a finding reported, unlike "police found
    a knife"."""
    after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    negated = "negated" in skip_back(tokens, i - 1)[1]
    if tokens[i].lower == "find":
        return negated
    return after in ("that", "no", "nothing", "none") or (negated and after != "guilty") or (
        found_a_clause(tokens, i))


def _eager(tokens: list[Token], i: int) -> bool:
    """"were quick to say", "was keen to stress", "went on to call": the infinitive is what
    they said."""
    return i >= 2 and tokens[i - 1].lower == "to" and (tokens[i - 2].lower in EAGER or (
        i >= 3 and tokens[i - 2].lower == "on" and tokens[i - 3].lower in GOING_ON))


def _a_person_after(tokens: list[Token], i: int) -> bool:
    """The object of "questioned" is a person: "questioned the student", "questioned him"."""
    after = [t for t in tokens[i + 1 : i + 5] if t.is_word]
    if not after:
        return False
    if after[0].lower in OBJECT_PRONOUN_WORDS:
        return True
    mention = phrases.read_phrase(after[: next((j for j, t in enumerate(after)
                                                  if t.lower in PREPOSITIONS), len(after))])
    return mention is not None and mention.kind in (phrases.PERSON, phrases.ROLE, phrases.GROUP)


def _quoted_around(tokens: list[Token], i: int) -> bool:
    after = tokens[i + 1 : i + 3]
    before_quote = any(t.quote is not None for t in tokens[max(0, i - 3) : i])
    clause = len(after) == 2 and after[0].lower == "that" and after[1].lower not in _TIME_NOUNS
    return before_quote or clause or any(t.text == ":" or t.quote is not None for t in after)
