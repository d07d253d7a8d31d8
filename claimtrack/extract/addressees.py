"""Where a said-type verb's words start: past what stands between the verb and them.

That is an addressee named by a proper name, a pronoun or a bare noun ("told Reuters", "told
him", "told reporters"), times ("Friday", "last week", "hours later") and places ("in a
statement", "wrote on Instagram, …"), an aside between dashes or commas, an adverb before
"that", a colon, "that" itself and ", saying". A noun phrase after "told" or "warned" that is
the subject of the words stays in them ("warned the delayed process could be …", "told Reuters
Smith had lied").
"""

from __future__ import annotations

from claimtrack.extract.event import Candidate
from claimtrack.extract.lexicon import (
    DETERMINERS,
    NEGATIONS,
    OBJECT_PRONOUN_WORDS,
    ORGANISATION_HEADS,
    PARTICIPLES,
    PERIODS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    SUBORDINATORS,
    TIME_WORDS,
    WEEKDAYS,
    adverb_like,
    word_set,
)
from claimtrack.extract.phrases import NAME_PARTICLES, plain
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH

_ADDRESSED = word_set("told tells assured warned informed")
_OPENERS = DETERMINERS - {"that"}  # words that open a noun phrase ("that" may be a conjunction)
# Words that open a clause's subject, never part of an addressee: "not all the", "only the",
# "more than a hundred", "half the", "every one of the"; nor is "of" ("members of the party").
_CLAUSE_FIRST = NEGATIONS | QUANTIFIERS | word_set(
    "only even just also all both half such more fewer less twice every each nearly almost "
    "about much"
)
_NOT_ADDRESSEES = _CLAUSE_FIRST | {"of", "than"}
_SPANS = word_set("hours days weeks minutes moments")
_WHEN = word_set("last this next late early on")
_SUBJECT_PRONOUNS = frozenset(PRONOUNS) | {"that", "i", "we"}
_MODALS = word_set("could would should might may must can will shall")


def words_start(tokens: list[Token], candidate: Candidate, end: int) -> int:
    """Where a said-type verb's words start: after "that", a colon, ", saying", adjuncts."""
    start = _skip_adjuncts(tokens, candidate.stop, end, candidate.verb in _ADDRESSED)
    if start < end and tokens[start].text in "—–":  # 'said — as reported by X — "…"'
        closing = next((j for j in range(start + 1, min(end, start + 12))
                        if tokens[j].text == tokens[start].text), None)
        if closing is not None:
            start = closing + 1
    if start < end and tokens[start].lower in ("on", "in", "via"):
        # 'wrote on Instagram, "…"', 'said in a statement on Monday: "…"': the words quoted
        comma = next((j for j in range(start + 1, min(end - 1, start + 7))
                      if tokens[j].text in ",:" and tokens[j + 1].quote is not None), None)
        start = comma if comma is not None else start
    if start < end and (tokens[start].text == ":" or (
        tokens[start].text == "," and start + 1 < end and tokens[start + 1].quote is not None
    )):
        start += 1
    if start + 1 < end and tokens[start].text == "," and tokens[start + 1].lower in SUBORDINATORS:
        # "were quick to say on Monday, once the news broke, that …": past the aside to "that"
        that = next((j for j in range(start + 2, min(end - 1, start + 20))
                     if tokens[j].text == "," and tokens[j + 1].lower == "that"), None)
        start = that + 1 if that is not None else start
    if start + 1 < end and adverb_like(tokens[start].lower) and tokens[start + 1].lower == "that":
        start += 1  # "said publicly that …"
    if start < end and tokens[start].lower == "that" and not (
        start + 1 < end and tokens[start + 1].lower in VERBISH
    ):  # "said that was untrue": "that" is the subject, not the conjunction
        start += 1
    if start + 1 < end and tokens[start].text == "," and tokens[start + 1].lower in PARTICIPLES:
        start += 2 + (start + 2 < end and tokens[start + 2].lower == "that")
    return start


def _skip_adjuncts(tokens: list[Token], k: int, end: int, addressed: bool) -> int:
    """Past "Friday", "on Monday", "in a statement" and "told reporters" to the reported words."""
    named = _named_addressee(tokens, k, end) if addressed else k
    if named > k:  # "told Reuters the talks had failed", "told the BBC after the verdict that"
        adjunct = named < end and tokens[named].lower in PREPOSITIONS | {"after", "before"}
        ahead = next((j for j in range(named, min(end, named + 9)) if tokens[j].lower == "that"
                      or tokens[j].text == ":" or (adjunct and tokens[j].quote is not None)),
                     None)  # "told Pittsburgh station KDKA-TV that …"
        k = ahead if ahead is not None and not any(
            t.text in ",;" or t.lower in VERBISH or (t.quote is not None and not adjunct)
            for t in tokens[named:ahead]) else named  # 'told X any plan "must be …":' says it
    elif addressed and k < end and tokens[k].is_word and tokens[k].lower not in _SUBJECT_PRONOUNS:
        stop = k
        while stop < min(end, k + 6) and tokens[stop].is_word and tokens[stop].lower not in (
            _SUBJECT_PRONOUNS | PREPOSITIONS | VERBISH | _MODALS | {"this", "there", "these"}
        ):
            stop += 1
        # "warned the delayed process could be …": no addressee, the clause's own subject;
        # "told reporters the engine had failed": a bare noun, then a determiner that opens
        # the clause's subject
        if stop >= end or tokens[stop].lower not in VERBISH | _MODALS:
            k = stop
        else:
            # the words start where a determiner or a word that opens no addressee comes
            # ("told reporters not all the votes …", "… more than a hundred people …")
            opens = next((j for j in range(k + 1, stop)
                          if tokens[j].lower in _OPENERS or tokens[j].lower in _CLAUSE_FIRST
                          or _name_after_noun(tokens, j)), None)
            if opens is not None and opens - k <= 3 and not any(
                t.lower in _NOT_ADDRESSEES for t in tokens[k + 1 : opens]
            ):
                k = opens
    while k < end:
        word = tokens[k].lower
        following = tokens[k + 1].lower if k + 1 < end else ""
        if word in TIME_WORDS:
            k += 1
        elif (word in _SPANS and following in ("later", "earlier", "ago")) or (
            word in _WHEN and (following in PERIODS or following in WEEKDAYS or following == "on")
        ):
            k += 2  # "hours later", "last week", "on Monday"
        elif word in PREPOSITIONS:
            ahead = next((j for j in range(k + 1, min(end, k + 11)) if tokens[j].lower == "that"
                          or tokens[j].text == ":" or tokens[j].quote is not None), None)
            if ahead is None or any(t.text in ",;" for t in tokens[k:ahead]):
                return k
            k = ahead
        else:
            return k
    return k


def _named_addressee(tokens: list[Token], k: int, end: int) -> int:
    """Past an addressee named by a proper name or an object pronoun ("told Reuters", "told the
    BBC", "told him"), else ``k``."""
    j = k + (k < end and tokens[k].lower == "the")
    if j < end and tokens[j].lower in OBJECT_PRONOUN_WORDS:
        return j + 1
    start = j
    while j < end and tokens[j].is_capitalised and not tokens[j].initial:
        j += 1
    if j - start > 1 and _verb_after_name(tokens, j, end):
        # "told Reuters Smith had lied", "told NPR Hamza bin Laden had appeared": the names
        # end in the words' own subject; the addressee is one name, ending at an outlet's
        # acronym or head noun ("NPR", "The Associated Press"), else before the last word
        ends = [p + 1 for p in range(start, j) if _ends_a_name(tokens[p])]
        if ends == [j] and start > k:
            return k  # "warned the European Union could …": one name, the words' subject
        j = ends[0] if ends and ends[0] < j else j - 1
    return j if j > start else k


def _name_after_noun(tokens: list[Token], j: int) -> bool:
    """A name after a bare noun opens the words: "told reporters Hamza bin Laden had …"."""
    before = tokens[j - 1]
    return tokens[j].is_capitalised and before.is_word and not before.is_capitalised and (
        before.lower not in _OPENERS
    )


def _verb_after_name(tokens: list[Token], j: int, end: int) -> bool:
    """Whether a verb comes at ``j``, past the rest of a name ("bin Laden had")."""
    while j < end and tokens[j].lower in NAME_PARTICLES and j + 1 < end and (
        tokens[j + 1].is_capitalised
    ):
        j += 2
    return j < end and (tokens[j].lower in VERBISH or tokens[j].lower.endswith("ed"))


def _ends_a_name(token: Token) -> bool:
    """An acronym ("NPR", "KDKA-TV") or an organisation's head noun ("Press", "Times")."""
    letters = token.text.replace("-", "").replace(".", "")
    return (len(letters) > 1 and letters.isalpha() and letters.isupper()) or (
        plain(token.text) in ORGANISATION_HEADS
    )
