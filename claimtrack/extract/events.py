"""Reporting events in one sentence: who (a noun phrase) reports what (a quotation or clause).

A verb of the lexicon, a hedge ("declined to comment"), "according to" or an allegation
("rumours that …") starts an event (``candidates`` finds them, ``speakers`` reads each one). Its
subject is found by ``subjects``, its words by ``contents``; ``and said`` and ``, adding`` share
the previous event's subject. A verb inside another event's words is reported speech within
reported speech, not an event of its own, unless a coordinated or subordinate clause starts
there ("denied X after Y reported that Z"). This module puts the events of a sentence together:
it drops the verbs inside another's words, cuts words where a new clause starts, and adds the
quotations listed after one verb or set after a colon.
"""

from __future__ import annotations

from claimtrack.extract import contents, phrases
from claimtrack.extract.candidates import find_candidates
from claimtrack.extract.clauses import in_a_subordinate_clause
from claimtrack.extract.event import ACCORDING, ALLEGATION, HEDGE, Candidate, Event
from claimtrack.extract.lexicon import OBJECT_PRONOUN_WORDS, PARTICIPLES, SUBORDINATORS, VerbClass
from claimtrack.extract.segment import Quote, Token, Unit
from claimtrack.extract.speakers import comma_quote, read_event
from claimtrack.extract.subjects import VERBISH, clause_lead, fronted_object, skip_back


def find_events(unit: Unit) -> list[Event]:
    """The reporting events of one sentence, in order."""
    tokens = unit.tokens
    events: list[Event] = []
    owned: list[Event] = []  # "…, mentioning Comey's repeated claims that X": X is Comey's
    for candidate in find_candidates(tokens):
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
        event = read_event(unit, candidate, events)
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
    return read_event(unit, candidate, events[:-1])


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
    if i >= 0 and candidate.verb in PARTICIPLES and comma_quote(tokens[i]):
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
