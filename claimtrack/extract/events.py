"""Reporting events in one sentence: who (a noun phrase) reports what (a quotation or clause).

A verb of the lexicon, a hedge ("declined to comment"), "according to" or an allegation
("rumours that …") starts an event. Its subject is found by ``subjects``, its words by
``contents``; ``and said`` and ``, adding`` share the previous event's subject. A verb inside
another event's words is reported speech within reported speech, not an event of its own,
unless a coordinated or subordinate clause starts there ("denied X after Y reported that Z").
"""

from __future__ import annotations

import re

from claimtrack.extract import contents, owners, phrases
from claimtrack.extract.attribution import (
    GROUNDS,
    SUBMITTING,
    found_a_clause,
    on_the_grounds,
    passive_agent,
    submits_a_clause,
)
from claimtrack.extract.clauses import in_a_subordinate_clause
from claimtrack.extract.event import ACCORDING, ALLEGATION, HEDGE, Candidate, Event
from claimtrack.extract.lexicon import (
    BASE_FORMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EAGER,
    GOING_ON,
    INVERTED_SAY,
    ISSUING,
    NON_DENIAL,
    OBJECT_PRONOUN_WORDS,
    PARTICIPLES,
    PERIODS,
    PHRASAL_VERBS,
    PREPOSITIONS,
    REPORTING_VERBS,
    STOPWORDS,
    SUBORDINATORS,
    VerbClass,
    word_set,
)
from claimtrack.extract.phrases import Mention, plain
from claimtrack.extract.segment import Quote, Token, Unit
from claimtrack.extract.subjects import (
    VERBISH,
    Subject,
    clause_lead,
    fronted_object,
    quote_before_verb,
    skip_back,
    subject_after,
    subject_before,
)

_ACCORDING = re.compile(r"\baccording to\b|\bas reported (?:in|by)\b|\bin the words of\b")
_NOUN_BASE_FORMS = word_set("claim report stress dispute")
# Words after which "alleged", "reported" start a noun phrase: "the alleged gunman".
_NOUN_PHRASE_LEADS = PREPOSITIONS | word_set("the a an this that these those his her its their "
                                             "our my your of")
# A document before a participle says what its author says: "posted a message blaming X".
_WRITINGS = DOCUMENT_NOUNS | word_set("video interview speech")
# Before a base form these make it an infinitive or a hypothesis: "to say", "would deny".
_NOT_FINITE = word_set(
    "to will would could can may might must should shall did do does not never cannot "
    "didn't don't doesn't won't wouldn't couldn't let"
)


def find_events(unit: Unit) -> list[Event]:
    """The reporting events of one sentence, in order."""
    tokens = unit.tokens
    events: list[Event] = []
    owned: list[Event] = []  # "…, mentioning Comey's repeated claims that X": X is Comey's
    for candidate in _candidates(tokens):
        if events and _consumed(events[-1], candidate):
            continue
        if events and candidate.start < events[-1].content[1]:
            if _trailing_attribution(events[-1], candidate):
                continue
            if candidate.verb_class == ALLEGATION and _possessed(tokens, candidate.start):
                alleged = contents.allegation(
                    Event(ALLEGATION, "", unit, (candidate.start, candidate.stop)))
                if alleged is not None and alleged.mention is not None and (
                    alleged.mention.kind in (phrases.PERSON, phrases.NAME, phrases.ORGANISATION)
                ):
                    owned.append(alleged)
                continue
            inner = _named_inner(unit, candidate, events)
            if inner is not None:  # "According to ABC News, Basya believes …": Basya's
                events[-1] = inner
                continue
            if in_a_subordinate_clause(tokens, events[-1], candidate):
                continue  # "said that while X had paid and admitted Y, Z": admitted is X's
            cut = _split_point(tokens, candidate)
            if cut is None or cut <= events[-1].content[0]:
                continue
            events[-1].content = (events[-1].content[0], cut)
        event = _event(unit, candidate, events)
        if event is not None:
            events.append(event)
    events = _listed_quotes(unit, events)
    if owned:
        events = sorted([*events, *owned], key=lambda e: e.verb_at[0])
    colon = _colon_quote(unit, events)
    if colon is not None:
        events = sorted([*events, colon], key=lambda e: e.verb_at[0])
    asked = [t.lower for t in tokens[:2]]
    if asked[:1] == ["asked"] or asked == ["when", "asked"]:
        for event in events:
            event.flags.add("asked")
    kept: list[Event] = []
    for index, event in enumerate(events):
        if not contents.about_something(event):
            kept.append(event)
        elif event.mention is not None:  # "X tweeted to Mohamed and said …": X still says it
            for later in events[index + 1 :]:
                if not later.inherit:
                    break
                later.mention, later.inherit = event.mention, False
    return [event for event in kept if event.has_words]


def _possessed(tokens: list[Token], at: int) -> bool:
    """Whether an allegation noun has a named owner just before it: "Comey's (repeated)
    claims"."""
    return any(t.text.endswith(("'s", "’s")) and t.is_capitalised
               for t in tokens[max(0, at - 2) : at])


def _listed_quotes(unit: Unit, events: list[Event]) -> list[Event]:
    """'X tweeted, "A."; "B."; and "C."': quotations listed after one verb, each an assertion of
    the same speaker."""
    tokens = unit.tokens
    found: list[Event] = []
    for event in events:
        found.append(event)
        start, j = event.content
        if event.quotes and j == start:  # '"A," it added; and, later, "B"'
            j = max(j, event.verb_at[1])
        elif not (j == start + 1 and tokens[start].quote is not None):
            continue
        while j + 1 < len(tokens) and tokens[j].text == ";":
            k = j + 1
            while k < min(len(tokens), j + 6) and tokens[k].quote is None and (
                tokens[k].lower in ("and", ",", "later", "also", "then", "again")
            ):
                k += 1
            quote = tokens[k].quote if k < len(tokens) else None
            if quote is None or (k + 1 < len(tokens) and tokens[k + 1].text not in ";.!?"):
                break
            listed = Event(event.verb_class, event.verb, unit, event.verb_at, inherit=True,
                           flags=set(event.flags))  # the same speaker as the first
            listed.quotes, listed.content = [quote], (k, k)
            found.append(listed)
            j = k + 1
    return found


def _colon_quote(unit: Unit, events: list[Event]) -> Event | None:
    """'Hale spoke directly to the voters, as is her habit, via Twitter: "…"': a quotation
    after a colon that ends a clause opened by a named speaker, with no verb of saying."""
    tokens = unit.tokens
    colon = next((j for j, t in enumerate(tokens) if t.text == ":"), None)
    quote = tokens[colon + 1].quote if colon is not None and colon + 1 < len(tokens) else None
    if colon is not None and quote is not None:
        said = _said_before_colon(unit, events, colon, quote)
        if said is not None:
            return said
    if colon is None or quote is None or any(
        e.content[0] <= colon + 1 < e.content[1] or e.quotes or e.verb_at[0] < colon
        for e in events
    ):
        return None
    verb = next((j for j in range(1, colon) if tokens[j].is_word and not tokens[j].is_capitalised
                 and not phrases.is_title(tokens[j].lower)), colon)
    first = 0
    if tokens[0].lower in ("however", "but") or tokens[0].lower.endswith("ing"):
        # "However, addressing the leaders, Chakrapani proposed: '…'": past the fronted words
        first = max((j + 1 for j in range(colon) if tokens[j].text == ","), default=0)
        verb = next((j for j in range(first + 1, colon) if tokens[j].is_word
                     and not tokens[j].is_capitalised and not phrases.is_title(tokens[j].lower)),
                    colon) if first else verb
        first = first if first < verb else 0
    mention = phrases.read_phrase(tokens[first:verb])
    named = (phrases.PERSON, phrases.ORGANISATION, phrases.NAME)
    between = [t for t in tokens[verb:colon] if t.is_word]
    past = len(between) == 1 and between[0].lower.endswith("ed")  # "Chakrapani proposed:"
    if mention is None or mention.kind not in named or (len(between) < 3 and not past):
        return None  # a clause, not a label: 'Unicode first: «ok»'
    event = Event(VerbClass.SAY, ":", unit, (colon, colon + 1), mention=mention)
    event.quotes = [quote]
    return event


def _said_before_colon(unit: Unit, events: list[Event], colon: int, quote: Quote
                       ) -> Event | None:
    """'X told Sky News any process "must be well thought out": "Moves to …"', 'defended the
    record whilst promising an update is forthcoming: "…"': a clause of the speaker's before the
    colon and the quotation after it are two assertions."""
    tokens = unit.tokens
    for event in events:
        start, end = event.content
        if event.quotes or event.verb_class != VerbClass.SAY or not start < colon < end:
            continue
        clause = tokens[start:colon]
        if sum(t.is_word or t.quote is not None for t in clause) < 3 or not any(
            t.lower in VERBISH or t.quote is not None for t in clause
        ):
            return None  # "said the following:": only a lead
        event.content = (start, colon)
        quoted = Event(VerbClass.SAY, event.verb, unit, (colon, colon + 1),
                       mention=event.mention, inherit=event.inherit, flags=set(event.flags))
        quoted.quotes = [quote]
        return quoted
    return None


def _named_inner(unit: Unit, candidate: Candidate, events: list[Event]) -> Event | None:
    """Speech reported "according to" a source, by someone named where the words start
    ("According to ABC News, Basya believes …"): the named speaker's. ("The Ledger reported
    that Hale had told allies …" stays the Ledger's: it reports what it found out.)"""
    outer = events[-1]
    tokens = unit.tokens
    told_them = candidate.verb in ("told", "tells") and outer.verb_class == VerbClass.SAY and (
        candidate.stop + 1 < len(tokens) and tokens[candidate.stop].lower in OBJECT_PRONOUN_WORDS
        and tokens[candidate.stop + 1].lower == "that"
    )  # "Trump said Comey had told him that he was not under investigation": Comey's words
    if candidate.verb_class != VerbClass.SAY or (outer.verb_class != ACCORDING and not told_them):
        return None
    start = outer.content[0] + (tokens[outer.content[0]].lower == "that")
    i = skip_back(tokens, candidate.start - 1)[0]
    if i < start or any(not t.is_word for t in tokens[start : i + 1]):
        return None
    named = phrases.read_phrase(tokens[start : i + 1])
    if named is None or named.kind not in (phrases.PERSON, phrases.NAME):
        return None
    return _event(unit, candidate, events[:-1])


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


# Verbs that report speech only beside a quotation or before "that": 'She continued: "…"',
# '"…," he observed', "observed that …" (unlike "continued marching", "observed the flies").
_BESIDE_QUOTES = word_set("continued continues observed observes recalled recalls agreed agrees "
                          "accepted accepts")
# Words after "that" that make it a demonstrative: "Fighting continued that night".
_TIME_NOUNS = PERIODS | word_set("day time")


def _quoted_around(tokens: list[Token], i: int) -> bool:
    after = tokens[i + 1 : i + 3]
    before_quote = any(t.quote is not None for t in tokens[max(0, i - 3) : i])
    clause = len(after) == 2 and after[0].lower == "that" and after[1].lower not in _TIME_NOUNS
    return before_quote or clause or any(t.text == ":" or t.quote is not None for t in after)


_ANONYMOUS = word_set("source sources anonymous unnamed unidentified insider insiders")


def _outlet_of_anonymous(tokens: list[Token], event: Event, candidate: Candidate
                         ) -> Mention | None:
    """"A government source told Reuters …", "An official from one country in Europe told the
    Associated Press …": an anonymous source stays inside the outlet that quotes it."""
    mention = event.mention
    unnamed = mention is not None and mention.kind == phrases.ROLE and not mention.definite
    if mention is None or mention.kind not in (phrases.ROLE, phrases.GROUP) or not (
        set(mention.words) & _ANONYMOUS or unnamed  # "An official from one country told AP"
    ):
        return None
    after = event.content[0] if event.content[0] > candidate.stop else len(tokens)
    addressee = phrases.read_phrase(tokens[candidate.stop : after])  # before or after the words
    if addressee is None or addressee.kind not in (phrases.ORGANISATION, phrases.NAME):
        return None
    return addressee


def _quoted_by(tokens: list[Token], i: int) -> int | None:
    """The end of "was quoted by X as saying" starting at ``i``, if it starts there."""
    if tokens[i].lower not in ("was", "were") or [t.lower for t in tokens[i + 1 : i + 3]] != [
        "quoted", "by"
    ]:
        return None
    return next((j + 2 for j in range(i + 4, min(len(tokens) - 1, i + 12))
                 if tokens[j].lower == "as" and tokens[j + 1].lower == "saying"), None)


def _quoting_outlet(tokens: list[Token], candidate: Candidate, mention: Mention
                    ) -> Mention | None:
    """"one resident was quoted by the Daily as saying", "… as saying to the newspaper X": an
    unnamed source stays inside the outlet that quotes it."""
    unnamed = mention.kind == phrases.ROLE and not mention.definite
    if not (unnamed or (mention.kind in (phrases.ROLE, phrases.GROUP)
                        and set(mention.words) & _ANONYMOUS)):
        return None
    if tokens[candidate.start + 2].lower == "by":
        outlet = phrases.read_phrase(tokens[candidate.start + 3 : candidate.stop - 2])
    elif candidate.stop < len(tokens) and tokens[candidate.stop].lower == "to":
        # "… was quoted as saying to the newspaper Haveeru Daily"
        end = next((j for j in range(candidate.stop + 1, len(tokens))
                    if not tokens[j].is_word), len(tokens))
        outlet = phrases.read_phrase(tokens[candidate.stop + 1 : end])
    else:
        return None
    return outlet if outlet is not None and outlet.kind in (
        phrases.ORGANISATION, phrases.NAME) else None


def _inverted_after_clause(tokens: list[Token], i: int, candidate: Candidate
                           ) -> tuple[Mention, tuple[int, int]] | None:
    """"The talks had failed, said a senior official.": the speaker after the verb, the words
    the clause before the comma."""
    if i < 2 or tokens[i].text != "," or candidate.verb not in INVERTED_SAY:
        return None
    clause = tokens[:i]
    if clause[0].lower in _FRONTED_ADJUNCTS:
        # "Unlike with earlier studies, said one author, X, the agency did not interfere": the
        # words are the main clause after the speaker, the fronted phrase only frames them
        main = _clause_after_speaker(tokens, candidate.stop)
        mention = subject_after(tokens[:main], candidate.stop) if main is not None else None
        if main is not None and mention is not None and mention.kind != phrases.PRONOUN:
            return mention, (main + 1, contents.trim_end(tokens, main + 1, len(tokens)))
    if not any(t.lower in VERBISH or (t.lower.endswith("ed") and not t.is_capitalised)
               for t in clause):
        return None
    mention = subject_after(tokens, candidate.stop)
    if mention is None or mention.kind == phrases.PRONOUN:
        return None
    return mention, (0, contents.trim_end(tokens, 0, i))


_FRONTED_ADJUNCTS = PREPOSITIONS | word_set("unlike like despite besides beyond")


def _clause_after_speaker(tokens: list[Token], stop: int) -> int | None:
    """The comma after an inverted speaker ("…, said one author, X of Y, the agency did …")
    where a clause with its own subject and verb starts."""
    for comma in range(stop + 1, len(tokens) - 2):
        if tokens[comma].text != ",":
            continue
        verb = next((j for j in range(comma + 2, min(len(tokens), comma + 9))
                     if tokens[j].is_word and not tokens[j].is_capitalised
                     and tokens[j].lower in VERBISH), None)
        subject = tokens[comma + 1 : verb] if verb is not None else []
        if subject and all(t.is_word for t in subject) and (
            subject[0].lower in DETERMINERS or subject[0].is_capitalised
            or subject[0].lower in ("he", "she", "it", "they", "we", "i")
        ):
            return comma
    return None


def _trailing_attribution(event: Event, candidate: Candidate) -> bool:
    """"We are not in a position to confirm that …, the ministry said.": an attribution at the
    end of a sentence whose words are a hedge or first-person speech names their speaker and
    ends them; it is no event of its own."""
    tokens = event.unit.tokens
    mention = event.mention
    first_person = mention is not None and mention.text.lower() in ("we", "i")
    if candidate.verb_class != VerbClass.SAY or not (event.verb_class == HEDGE or first_person):
        return False
    after = [t for t in tokens[candidate.stop :] if t.is_word]
    i = skip_back(tokens, candidate.start - 1)[0]
    comma = next((j for j in range(i, max(i - 10, event.content[0]), -1)
                  if tokens[j].text == ","), None)
    if after or comma is None:
        return False
    speaker = phrases.read_phrase(tokens[comma + 1 : i + 1])
    if speaker is None or speaker.kind in (phrases.RUMOUR, phrases.PRONOUN):
        return False
    if event.mention is None or first_person:
        event.mention = speaker
    event.content = (event.content[0], contents.trim_end(tokens, event.content[0], comma))
    return True


def _candidates(tokens: list[Token]) -> list[Candidate]:
    frame, owner = _frame(tokens)
    found: list[Candidate] = []
    for pattern, verb_class in ((NON_DENIAL, HEDGE), (_ACCORDING, ACCORDING)):
        for match in pattern.finditer(frame):
            start, stop = owner[match.start()], owner[match.end() - 1] + 1
            found.append(Candidate(start, stop, verb_class, match.group().lower()))
    taken = {i for c in found for i in range(c.start, c.stop)}
    for c in found:  # "according to local news reports": the source's nouns are no verbs
        if c.verb_class == ACCORDING:
            taken.update(range(c.stop, contents.according_source_end(tokens, c.stop)))
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


# The multi-word verbs by their first word, so each token is compared with its own few only.
_PHRASAL_BY_FIRST: dict[str, list[tuple[tuple[str, ...], VerbClass]]] = {}
for _phrase, _verb_class in PHRASAL_VERBS.items():
    _PHRASAL_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _verb_class))


# Before a base form these make it a noun: "The report notes", "the claim".
_DETERMINERS = (DETERMINERS - {"that"}) | word_set("my your")  # "that" may be a relative


# Forms that are plural nouns as often as verbs: "Unverified reports of this …", "the legal
# team's claims as …".
_NOUN_FORMS = word_set("reports claims tweets notes estimates promises pledges remarks states")


def _next_is(tokens: list[Token], candidate: Candidate, word: str) -> bool:
    return candidate.stop < len(tokens) and tokens[candidate.stop].lower == word


def _passive_before(tokens: list[Token], i: int) -> bool:
    """Whether the clause before the "and" at ``i`` is passive ("was hauled in and …")."""
    for j in range(i - 1, max(i - 6, -1), -1):
        word = tokens[j].lower
        if not tokens[j].is_word:
            return False
        if word in ("was", "were", "been", "being", "is", "are") and j + 1 < i and any(
            t.lower.endswith(("ed", "en")) and not t.is_capitalised for t in tokens[j + 1 : i]
        ):
            return True
    return False


def _participle(candidate: Candidate) -> bool:
    return candidate.verb in PARTICIPLES or candidate.verb == "citing"


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


def _in_a_name(tokens: list[Token], i: int) -> bool:
    """A capitalised word inside a sentence is part of a name, not a verb: "United States"."""
    token = tokens[i]
    return token.is_capitalised and not token.initial and i > 0 and tokens[i - 1].is_word


def _frame(tokens: list[Token]) -> tuple[str, list[int]]:
    """Lower-case words of a sentence joined by spaces, with each character's token index."""
    parts: list[str] = []
    owner: list[int] = []
    for i, token in enumerate(tokens):
        word = "\x00" if token.quote is not None else token.lower
        parts.append(word)
        owner.extend([i] * (len(word) + 1))
    return " ".join(parts), owner


def _consumed(previous: Event, candidate: Candidate) -> bool:
    """A participle already read as part of the previous event (", saying", ", calling")."""
    if previous.verb_at[1] <= candidate.start < previous.content[0]:
        return True
    return candidate.verb_class == VerbClass.CALL and previous.verb_class in (
        VerbClass.DENY, VerbClass.DISMISS
    ) and candidate.verb in PARTICIPLES


def _split_point(tokens: list[Token], candidate: Candidate) -> int | None:
    """Where a coordinated or subordinate event starts inside another's words, if it does."""
    if candidate.verb_class == ALLEGATION or candidate.verb in contents.FINDING:
        return None  # "he reviewed the documents and couldn't find …": still reported words
    i = skip_back(tokens, candidate.start - 1)[0]
    if i >= 0 and tokens[i].lower in ("and", "but", "while", ","):
        return i - 1 if tokens[i].lower == "and" and i > 0 and tokens[i - 1].text == "," else i
    if i >= 0 and candidate.verb in PARTICIPLES and _comma_quote(tokens[i]):
        return i + 1  # called the figures "misleading," saying ...
    comma = next((j for j in range(i, max(i - 8, -1), -1) if tokens[j].text == ","), None)
    if comma is not None and fronted_object(tokens[comma + 1 : i + 1]):
        return comma  # "…, a figure the bank declined to confirm"
    lead = clause_lead(tokens, i)
    if lead is not None and tokens[lead].lower in SUBORDINATORS:
        return lead
    coordinated = _coordinated_subject(tokens, i)
    if coordinated is None and comma is not None and _main_clause_after(tokens, comma, i):
        return comma  # "While some sources said X, one of his associates told Y": Y is its own
    return coordinated


def _main_clause_after(tokens: list[Token], comma: int, i: int) -> bool:
    """Whether a sentence opened by a subordinate clause ("While …", "Although …") has its main
    clause after ``comma``: the words from there to ``i`` name a subject."""
    if not tokens or tokens[0].lower not in SUBORDINATORS or comma < 3:
        return False
    subject = phrases.read_phrase(tokens[comma + 1 : i + 1])
    return subject is not None and subject.kind not in (phrases.RUMOUR,)


def _coordinated_subject(tokens: list[Token], i: int) -> int | None:
    """"…, but Abbas has denied this": a new clause with its own subject after ", but"/"and"."""
    for j in range(i, max(i - 6, -1), -1):
        word = tokens[j].lower
        if word == "," and j > 0 and tokens[j - 1].lower in ("however", "yet"):
            continue  # "…, however, a UN report concluded …"
        if word in ("but", "and", "while", "whereas", ";", "however", "yet") and j < i:
            # "… and that observers had reported …" goes on with the reported words
            if tokens[j + 1].lower == "that" or phrases.read_phrase(tokens[j + 1 : i + 1]) is None:
                return None
            return j - 1 if j > 0 and tokens[j - 1].text == "," else j
        if not tokens[j].is_word:
            return None
    return None


def _agrees(candidate: Candidate, mention: Mention) -> bool:
    """A base form that is also a noun needs a plural subject: "Critics claim", not "the U.S.
    claim is …"; one that is only a verb takes any subject ("USA deny", not grammatical)."""
    if candidate.verb not in BASE_FORMS or candidate.verb in REPORTING_VERBS:
        return True
    if candidate.verb not in _NOUN_BASE_FORMS:
        return True
    plural = mention.kind in (phrases.GROUP, phrases.RUMOUR) or " and " in mention.text
    return plural or (mention.kind == phrases.PRONOUN and mention.text in ("they", "we", "i"))


def _attributive(tokens: list[Token], candidate: Candidate) -> bool:
    """"the alleged gunman", "a Brazilian alleged anti-terrorism webpage": an adjective."""
    at = candidate.start
    if candidate.stop != at + 1 or tokens[at].lower not in ("alleged", "reported", "claimed"):
        return False
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    before = tokens[at - 1] if at > 0 else None
    # After a noun the word is the verb: "the movement claimed responsibility"
    in_noun_phrase = before is None or before.lower in _NOUN_PHRASE_LEADS or (
        before.is_capitalised and phrases.looks_like_adjective(before.text)
    ) or before.text.endswith(("'s", "’s", "s'"))  # "the campaign's alleged ties"
    return in_noun_phrase and following is not None and following.is_word and (
        not following.is_capitalised
    ) and (
        following.lower not in STOPWORDS and following.lower not in PREPOSITIONS
    ) and not following.lower.endswith(("ed", "ing"))


def _anonymous_writing(tokens: list[Token], i: int) -> bool:
    """Whether the document before a participle is "a report" of nobody named: indefinite,
    with no possessive or "by"/"from" owner, and put out by no verb of issuing before it."""
    at = next((j for j in range(i, max(i - 7, -1), -1) if tokens[j].lower in _WRITINGS), None)
    if at is None or at == 0 or tokens[at - 1].lower not in ("a", "an"):
        return False
    if any(t.lower in ("by", "from") for t in tokens[at + 1 : i + 1]):
        return False
    return not any(t.lower in ISSUING for t in tokens[:at])


def _after_a_writing(tokens: list[Token], i: int) -> bool:
    """A participle a few words after a document noun: "a message on Twitter blaming X", "a
    ruling against President Donald Trump finding that …"."""
    for j in range(i, max(i - 7, -1), -1):
        if tokens[j].lower in _WRITINGS:
            return True
        if not tokens[j].is_word or tokens[j].lower in VERBISH:
            return False
    return False












def _comma_quote(token: Token) -> bool:
    """A quotation closed on a comma ('"wildly misleading,"'), standing for the comma."""
    return token.quote is not None and token.text.rstrip("\"”’'»").endswith(",")


def _event(unit: Unit, candidate: Candidate, events: list[Event]) -> Event | None:
    tokens = unit.tokens
    event = Event(candidate.verb_class, candidate.verb, unit, (candidate.start, candidate.stop))
    if candidate.verb_class == ACCORDING:
        return contents.according(event)
    if candidate.verb_class == ALLEGATION:
        return contents.allegation(event)
    if candidate.verb == "on the grounds that":
        return on_the_grounds(event, candidate)
    i, seen = skip_back(tokens, candidate.start - 1)
    finding = candidate.verb in contents.FINDING and "passive" not in seen
    if "negated" not in seen and candidate.verb not in contents.FINDING and (
        "passive" in seen or (candidate.verb.endswith("ed") and _next_is(tokens, candidate, "by"))
    ):
        agent = passive_agent(event, candidate)
        if agent is not None:  # 'described as "knife-obsessed" by the police'
            return agent
    if seen == {"passive"} and candidate.verb_class == VerbClass.SAY and i >= 0 and (
        tokens[i].lower == "it" and _next_is(tokens, candidate, "that")
    ):  # "It has been claimed that …": nobody yet; a later "That claim was made by X" names X
        event.flags.add("agentless")
        return contents.with_content(event, candidate, None)
    if seen & {"negated", "passive"} and candidate.verb_class != HEDGE and not finding:
        return None  # "did not deny", "was said", "has been accused": nobody here asserts
    told = candidate.verb in ("told", "warned", "informed") and candidate.stop < len(tokens) and (
        tokens[candidate.stop].lower in ("that", "to"))
    if told and i >= 0 and tokens[i].lower == "and" and _passive_before(tokens, i):
        return None  # "I was hauled in and told that …": told, with no one told, is passive
    event.flags |= seen
    before = tokens[i] if i >= 0 else None
    coordinated = before is not None and (
        before.lower in ("and", "but")
        or (_participle(candidate) and (before.text == "," or _comma_quote(before)
                                         or before.lower in ("while", "whilst")))
    )  # "…, adding …", "defended the record whilst promising …": the subject's words
    if _participle(candidate) and before is not None and not coordinated and (
        before.lower == "by" or _after_a_writing(tokens, i)
    ):  # "tried to have him released by saying …", "posted a message on Twitter blaming …"
        coordinated, events = True, []
        if before.lower != "by" and _anonymous_writing(tokens, i):
            # "free since the publication of a report rejecting the claim": nobody named wrote it
            event.mention = phrases.Mention("", phrases.RUMOUR, tokens[i].start, tokens[i].end)
            return contents.with_content(event, candidate, None)
    absolute = owners.absolute_subject(tokens, i) if _participle(candidate) else None
    if absolute is not None:  # "…, with Boswell stating: '…'": Boswell's words
        event.mention = absolute
        return contents.with_content(event, candidate, None)
    if _participle(candidate) and not coordinated:
        return None
    if _attributive(tokens, candidate):
        return None
    if candidate.verb_class == VerbClass.CALL and candidate.verb.endswith("ed") and (
        before is not None and before.text == "," and candidate.stop < len(tokens)
        and tokens[candidate.stop].quote is not None
    ):  # "a yard, dubbed 'Freedom Square', …": the name given to it, nobody's words
        return None
    if candidate.verb in ("read", "reads") and (not any(
        t.lower in DOCUMENT_NOUNS for t in tokens[max(0, i - 6) : i + 1]
    ) or (candidate.start > 0 and tokens[candidate.start - 1].lower == "to")):
        return None  # "I read the article": only a document "reads" what its author says
    subject, relative = None, False
    if coordinated and not events:
        # "The ministry, dismissing the report as a smear, said …", "X spoke on Monday,
        # dismissing …": the participle belongs to the subject of its own sentence.
        after = owners.subject_after_participle(tokens, candidate.stop)
        if after is not None:  # "Later, dismissing the report, the general said …"
            event.mention, comma = after
            filled = contents.with_content(event, candidate, None)
            if filled is not None:
                filled.content = (filled.content[0], min(filled.content[1], comma))
            return filled
        event.mention = owners.relative_antecedent(tokens, i) or owners.sentence_subject(tokens, i)
        if event.mention is None:
            return None
    elif coordinated:
        event.inherit = True
    elif before is not None and (quote := quote_before_verb(tokens, i)) is not None:
        event.mention = subject_after(tokens, candidate.stop)
        event.quotes = [quote]
        return contents.with_split_quote(event, candidate.stop) if event.mention else None
    elif (inverted := _inverted_after_clause(tokens, i, candidate)) is not None:
        event.mention, event.content = inverted  # "The talks had failed, said Ali Demir."
        return event
    elif candidate.verb.startswith("none of "):  # "None of the three ministers would discuss"
        modal = next((j for j in range(candidate.start + 2, candidate.stop)
                      if tokens[j].lower in ("would", "could", "will")), candidate.stop)
        event.mention = phrases.read_phrase(tokens[candidate.start + 2 : modal])
        if event.mention is None:
            return None
    elif candidate.start > 3 and tokens[candidate.start - 1].lower in ("which", "that") and (
        tokens[candidate.start - 2].lower in DOCUMENT_NOUNS
    ) and any(t.lower in ISSUING for t in tokens[max(0, candidate.start - 6) : candidate.start]):
        # "They released a statement which said …": whoever released it
        event.mention = owners.sentence_subject(tokens, candidate.start - 3)
        if event.mention is None:
            return None
    else:
        relative = before is not None and before.lower in ("who", "which") and i > 0 and (
            tokens[i - 1].text == ","
        )  # "the Green Rivers Coalition, an alliance of groups, which said …"
        subject = subject_before(tokens, i - 1 if relative else i)
        if relative and (subject.mention is None or owners.ends_a_list(tokens, i - 1)):
            # "…, an apology from Fields, and requests from Fields' lawyers, who argued …"
            subject = Subject(owners.relative_head(tokens, i - 1) or subject.mention)
        if subject.mention is None or not _agrees(candidate, subject.mention):
            return None
        event.mention = owners.passed_on(tokens, i) or subject.mention
        if candidate.verb == "was quoted as saying" and event.mention is not None:
            event.mention = _quoting_outlet(tokens, candidate, event.mention) or event.mention
        if subject.quote is not None:
            event.quotes = [subject.quote]
            return contents.with_split_quote(event, candidate.stop)
    filled = contents.with_content(event, candidate, subject)
    if filled is not None and candidate.verb in ("told", "tells"):
        filled.mention = _outlet_of_anonymous(tokens, filled, candidate) or filled.mention
    if filled is not None and relative:  # "The minister, who has denied X, is due …": X
        start, end = filled.content
        resumed = next((j for j in range(start, end - 1) if tokens[j].text == ","
                        and tokens[j + 1].lower in VERBISH), end)
        filled.content = (start, resumed)
    if filled is not None and subject is not None and subject.fronted:
        filled.flags.add("fronted")
        filled.object_head = subject.fronted
    return filled
