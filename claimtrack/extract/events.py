"""Reporting events in one sentence: who (a noun phrase) reports what (a quotation or clause).

A verb of the lexicon, a hedge ("declined to comment") or "according to" starts an event. Its
subject is the noun phrase before it (appositions and relative clauses skipped), the phrase
after it (``"…," said X``), or the previous event's (``and said``, ``, adding``). Its words are
the quotation it is attached to, or the clause after it up to the next event of the sentence.
A verb inside another event's words is reported speech within reported speech, not an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimtrack.extract import phrases
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    AUXILIARIES,
    NON_DENIAL,
    NOT_ASSERTIONS,
    PARTICIPLES,
    PHRASAL_VERBS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    REPORTING_VERBS,
    RUMOUR_HEADS,
    SUBORDINATORS,
    WEEKDAYS,
    VerbClass,
)
from claimtrack.extract.phrases import Mention, plain
from claimtrack.extract.segment import Quote, Token, Unit

HEDGE = "hedge"  # a non-denial idiom
ACCORDING = "according"
_HARD_STOPS = frozenset(";:—–()")
_VERBISH = frozenset("is are was were be been has have had will would can could may might should "
                     "must do does did fell rose".split())
_ADDRESSED = frozenset("told tells assured warned informed".split())
_TIME = WEEKDAYS | frozenset("yesterday today tonight overnight earlier later again also".split())
_PERIODS = frozenset("week month year weekend night morning afternoon evening".split())
_LEADS_CLAUSE = SUBORDINATORS | RELATIVES | {"that"}


@dataclass
class Event:
    """One reporting event before its speaker is resolved and its kind decided."""

    verb_class: str
    verb: str
    unit: Unit
    verb_at: tuple[int, int]  # token indices of the verb
    mention: Mention | None = None
    inherit: bool = False
    content: tuple[int, int] = (0, 0)  # token indices of the reported words
    quotes: list[Quote] = field(default_factory=list)  # when the words are quotations
    flags: set[str] = field(default_factory=set)
    object_head: str = ""
    object_text: str = ""
    embedded: Event | None = None

    @property
    def position(self) -> int:
        return self.unit.tokens[self.verb_at[0]].start

    def spans(self) -> list[tuple[int, int]]:
        """The reported words as character spans (quotation marks excluded for whole quotes)."""
        if self.quotes:
            return [_trim_quote(quote) for quote in self.quotes]
        tokens = self.unit.tokens[self.content[0] : self.content[1]]
        if len(tokens) == 1 and tokens[0].quote is not None:
            return [_trim_quote(tokens[0].quote)]
        return [(tokens[0].start, tokens[-1].end)] if tokens else []


@dataclass(frozen=True)
class Candidate:
    start: int
    stop: int
    verb_class: str
    verb: str


def find_events(unit: Unit) -> list[Event]:
    """The reporting events of one sentence, in order."""
    tokens = unit.tokens
    events: list[Event] = []
    for candidate in _candidates(tokens):
        if events and _consumed(events[-1], candidate):
            continue
        if events and candidate.start < events[-1].content[1]:
            cut = _split_point(tokens, candidate)
            if cut is None or cut <= events[-1].content[0]:
                continue
            events[-1].content = (events[-1].content[0], cut)
        event = _event(unit, candidate, events)
        if event is not None:
            events.append(event)
    if tokens and tokens[0].lower in ("asked", "when") and events:
        for event in events:
            event.flags.add("asked")
    return [event for event in events if event.content[1] > event.content[0] or event.quotes]


def _candidates(tokens: list[Token]) -> list[Candidate]:
    frame, owner = _frame(tokens)
    found: list[Candidate] = []
    for pattern, verb_class in ((NON_DENIAL, HEDGE), (re.compile(r"\baccording to\b"), ACCORDING)):
        for match in pattern.finditer(frame):
            start, stop = owner[match.start()], owner[match.end() - 1] + 1
            found.append(Candidate(start, stop, verb_class, match.group().lower()))
    taken = {i for c in found for i in range(c.start, c.stop)}
    for i, token in enumerate(tokens):
        if i in taken or token.quote is not None:
            continue
        for phrase, verb_class in PHRASAL_VERBS.items():
            if tuple(t.lower for t in tokens[i : i + len(phrase)]) == phrase:
                found.append(Candidate(i, i + len(phrase), verb_class, " ".join(phrase)))
                taken.update(range(i, i + len(phrase)))
                break
        else:
            if token.lower in REPORTING_VERBS:
                found.append(Candidate(i, i + 1, REPORTING_VERBS[token.lower], token.lower))
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


def _consumed(previous: Event, candidate: Candidate) -> bool:
    """A participle already read as part of the previous event (", saying", ", calling")."""
    if previous.verb_at[1] <= candidate.start < previous.content[0]:
        return True
    return candidate.verb_class == VerbClass.CALL and previous.verb_class in (
        VerbClass.DENY, VerbClass.DISMISS
    ) and candidate.verb in PARTICIPLES


def _split_point(tokens: list[Token], candidate: Candidate) -> int | None:
    """Where a coordinated or subordinate event starts inside another's words, if it does."""
    i = _skip_back(tokens, candidate.start - 1)[0]
    if i >= 0 and tokens[i].lower in ("and", "but", "while", ","):
        return i - 1 if tokens[i].lower == "and" and i > 0 and tokens[i - 1].text == "," else i
    lead = _clause_lead(tokens, i)
    return lead if lead is not None and tokens[lead].lower in SUBORDINATORS else None


def _clause_lead(tokens: list[Token], i: int) -> int | None:
    """Index of the subordinator or 'that' that opens the clause ending at ``i``, if near."""
    for j in range(i, max(i - 12, -1), -1):
        token = tokens[j]
        if token.lower in _LEADS_CLAUSE:
            return j
        if token.quote is not None or token.text in _HARD_STOPS or token.text == ",":
            return None
    return None


def _skip_back(tokens: list[Token], i: int) -> tuple[int, set[str]]:
    """Step left over auxiliaries, adverbs and times ("has also", "on Monday", "angrily")."""
    seen: set[str] = set()
    while i >= 0:
        word = tokens[i].lower
        if word in ("not", "n't", "never"):
            seen.add("negated")
        elif word == "turn" and i > 0 and tokens[i - 1].lower == "in":
            seen.add("in turn")
        elif not (word in AUXILIARIES or word in WEEKDAYS or word in ("not", "n't")
                  or (word.endswith("ly") and tokens[i].is_word and not tokens[i].is_capitalised)):
            break
        i -= 1
    return i, seen


def _event(unit: Unit, candidate: Candidate, events: list[Event]) -> Event | None:
    tokens = unit.tokens
    event = Event(candidate.verb_class, candidate.verb, unit, (candidate.start, candidate.stop))
    if candidate.verb_class == ACCORDING:
        return _according(event)
    i, seen = _skip_back(tokens, candidate.start - 1)
    if "negated" in seen and candidate.verb_class != HEDGE:
        return None
    event.flags |= seen
    before = tokens[i] if i >= 0 else None
    coordinated = before is not None and (
        before.lower in ("and", "but") or (candidate.verb in PARTICIPLES and before.text == ",")
    )
    if candidate.verb in PARTICIPLES and not coordinated:
        return None
    if coordinated:
        if not events:
            return None
        event.inherit = True
    elif before is not None and _quote_before_verb(tokens, i) is not None:
        event.mention = _subject_after(tokens, candidate.stop)
        event.quotes = [_quote_before_verb(tokens, i)]  # type: ignore[list-item]
        return _with_split_quote(event, candidate.stop) if event.mention else None
    else:
        mention, quote = _subject_before(tokens, i)
        if mention is None:
            return None
        event.mention = mention
        if quote is not None:
            event.quotes = [quote]
            return _with_split_quote(event, candidate.stop)
    return _with_content(event, candidate)


def _ends_clause(token: Token) -> bool:
    """A quotation closed after a comma, question or exclamation mark: ``"…," she said``."""
    inner = token.text.rstrip("\"”’'»")
    return bool(inner) and inner[-1] in ",?!—-"


def _quote_before_verb(tokens: list[Token], i: int) -> Quote | None:
    """The quotation right before a verb (``"…," said X``), if there is one."""
    token = tokens[i]
    if token.quote is not None and _ends_clause(token):
        return token.quote
    if token.text == "," and i > 0 and tokens[i - 1].quote is not None:
        return tokens[i - 1].quote
    return None


def _subject_before(tokens: list[Token], i: int) -> tuple[Mention | None, Quote | None]:
    """The subject ending at token ``i``, and the quotation just before it (``"…," X said``)."""
    start = i
    while start >= 0 and tokens[start].quote is None and tokens[start].text not in _HARD_STOPS:
        if tokens[start].lower in REPORTING_VERBS and start != i:
            break
        start -= 1
    quote = None
    if start >= 0 and tokens[start].quote is not None and (
        tokens[start + 1].text in ",?!" or _ends_clause(tokens[start])
    ):
        quote = tokens[start].quote
    segments = _segments(tokens[start + 1 : i + 1])
    if segments and segments[-1]:
        mention = _phrase_at_end(segments[-1])
        if mention is None and tokens[start + 1].lower in RUMOUR_HEADS:
            mention = Mention("", phrases.RUMOUR, tokens[start + 1].start, tokens[i].end)
        return mention, quote
    return _apposition(segments[:-1]), quote


def _segments(tokens: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _phrase_at_end(segment: list[Token]) -> Mention | None:
    """The noun phrase at the end of a segment, after any clause-opening word or verb."""
    start = len(segment)
    while start > 0:
        word = segment[start - 1]
        if word.lower in _LEADS_CLAUSE or word.lower in _VERBISH or word.lower in REPORTING_VERBS:
            break
        if word.is_word and not word.is_capitalised and len(word.lower) > 3 and (
            word.lower.endswith("ed")
        ):
            break
        start -= 1
    return phrases.read_phrase(segment[start:]) if start < len(segment) else None


_PREFERENCE = [phrases.PERSON, phrases.ORGANISATION, phrases.NAME, phrases.GROUP, phrases.ROLE]


def _apposition(segments: list[list[Token]]) -> Mention | None:
    """"Its president, Ama Owusu, said": the best-named of the phrases set off by commas."""
    found: list[Mention] = []
    for segment in reversed(segments[-3:]):
        if not segment or segment[0].lower in RELATIVES or segment[0].lower.endswith("ing") or (
            segment[0].text[0].isdigit() or any(t.lower in _LEADS_CLAUSE for t in segment)
        ):
            if found:
                break
            continue
        mention = _phrase_at_end(segment)
        if mention is None:
            break
        found.append(mention)
        if len(found) == 2:
            break
    if not found:
        return None
    best = min(found, key=lambda m: (_PREFERENCE.index(m.kind) if m.kind in _PREFERENCE else 9,
                                     not _is_proper_text(m.text)))
    titles = tuple(t for m in found for t in m.titles) + tuple(
        w for m in found if m is not best and m.kind == phrases.ROLE for w in m.words
    )
    return Mention(best.text, best.kind, best.start, best.end, titles, best.definite)


def _is_proper_text(text: str) -> bool:
    return any(word[:1].isupper() for word in text.split())


def _subject_after(tokens: list[Token], i: int) -> Mention | None:
    """``"…," said Dan Whitby, the union's regional secretary``."""
    segments = _segments([t for t in tokens[i:] if t.text not in ".!?"])
    if not segments[0]:
        return None
    return _apposition([segments[0], *([segments[1]] if len(segments) > 1 else [])][::-1])


def _with_split_quote(event: Event, after: int) -> Event:
    """``"A," he said, "B."``: the second quotation belongs to the same event."""
    tokens = event.unit.tokens
    rest = tokens[after:]
    for i, token in enumerate(rest):
        if token.quote is not None:
            if i > 0 and rest[i - 1].text == ",":
                event.quotes.append(token.quote)
            break
    event.content = (after, after)
    return event


def _with_content(event: Event, candidate: Candidate) -> Event | None:
    """The reported words after the verb, or from the verb for denials and accusations."""
    tokens = event.unit.tokens
    end = next((j for j in range(candidate.stop, len(tokens)) if tokens[j].text == ";"), len(tokens))
    verb_class = candidate.verb_class
    if verb_class in (VerbClass.DENY, VerbClass.DISMISS, VerbClass.ACCUSE, VerbClass.CALL, HEDGE):
        start = candidate.start
        event.object_head, event.object_text = _object(tokens, candidate.stop, end)
        if verb_class in (VerbClass.DENY, VerbClass.DISMISS) and event.object_head in NOT_ASSERTIONS:
            return None  # "rejected Moscow's demands": no assertion was denied
        if verb_class in (VerbClass.DISMISS, VerbClass.CALL) and any(
            t.lower == "as" for t in tokens[candidate.stop : min(end, candidate.stop + 12)]
        ):
            event.verb += " … as"
        if event.object_head in ("for", "on") and verb_class == VerbClass.CALL:
            return None  # "called for", "called on": a demand, not a claim
        _embed_allegation(event, candidate.stop, end)
    else:
        start = _skip_adjuncts(tokens, candidate.stop, end, candidate.verb in _ADDRESSED)
        if start < end and (tokens[start].text == ":" or (
            tokens[start].text == "," and start + 1 < end and tokens[start + 1].quote is not None
        )):
            start += 1
        if start < end and tokens[start].lower == "that":
            start += 1
        if start < end and tokens[start].text == "," and start + 1 < end and (
            tokens[start + 1].lower in PARTICIPLES
        ):
            start += 2 + (start + 2 < end and tokens[start + 2].lower == "that")
    end = _cut_adjuncts(tokens, start, end)
    while end > start and tokens[end - 1].text in ".,!?":
        end -= 1
    event.content = (start, end)
    return event if end > start else None


def _skip_adjuncts(tokens: list[Token], k: int, end: int, addressed: bool) -> int:
    """Past "Friday", "on Monday", "in a statement" and "told reporters" to the reported words."""
    if addressed and k < end and tokens[k].is_word and tokens[k].lower not in set(PRONOUNS) | {"that"}:
        stop = k
        while stop < min(end, k + 6) and tokens[stop].is_word and tokens[stop].lower not in (
            set(PRONOUNS) | {"that", "i", "we"} | PREPOSITIONS
        ):
            stop += 1
        k = stop
    while k < end:
        word = tokens[k].lower
        nxt = tokens[k + 1].lower if k + 1 < end else ""
        if word in _TIME:
            k += 1
        elif word in ("last", "this", "next", "late", "early", "on") and (
            nxt in _PERIODS or nxt in WEEKDAYS or nxt == "on"
        ):
            k += 2
        elif word in PREPOSITIONS:
            ahead = next((j for j in range(k + 1, min(end, k + 11)) if tokens[j].lower == "that"
                          or tokens[j].text == ":" or tokens[j].quote is not None), None)
            if ahead is None or any(t.text in ",;" for t in tokens[k:ahead]):
                return k
            k = ahead
        else:
            return k
    return k


def _cut_adjuncts(tokens: list[Token], start: int, end: int) -> int:
    """End the words before ", as …", ", after …" or "as Russian troops …" (the reporter's)."""
    for j in range(start + 1, end):
        word = tokens[j].lower
        if word in SUBORDINATORS and tokens[j - 1].text == ",":
            return j - 1
        if word == "as" and j + 1 < end and (
            tokens[j + 1].is_capitalised or tokens[j + 1].lower in PRONOUNS
        ):
            return j
    return end


def _object(tokens: list[Token], k: int, end: int) -> tuple[str, str]:
    """A denial's object and its head noun ("the U.S. allegations" -> "allegations")."""
    head, words = "", []
    if k < end and tokens[k].lower in ("on", "about", "whether"):
        k += 1
    if k < end and tokens[k].lower.endswith("ing"):  # "denied having plans": a clause
        return "", ""
    for token in tokens[k:end]:
        if token.lower in ("that", "as", "of", "for", "on") or not token.is_word:
            return head or token.lower, " ".join(words)
        if token.lower in PREPOSITIONS and head:
            break
        head = plain(token.text)
        words.append(token.text)
    return head, " ".join(words)


def _embed_allegation(event: Event, k: int, end: int) -> None:
    """"rejected the U.S. allegations that X": X is a claim of its own, by whoever made it."""
    tokens = event.unit.tokens
    for j in range(k, min(end, k + 8) - 1):
        if plain(tokens[j].text) in ALLEGATION_NOUNS - {"it", "this", "that", "them"} and (
            tokens[j + 1].lower == "that"
        ):
            modifiers = [t for t in tokens[k:j] if t.quote is None and t.lower not in ("the", "a")]
            proper = [t for t in modifiers if t.is_capitalised]
            mention = phrases.read_phrase(proper) if proper else None
            inner = Event(event.verb_class, "", event.unit, (j, j + 1))
            inner.mention = mention or Mention("", phrases.RUMOUR, tokens[j].start, tokens[j].end)
            inner.content = (j + 2, _cut_adjuncts(tokens, j + 2, end))
            inner.flags.add("embedded")
            event.embedded = inner
            return


def _according(event: Event) -> Event | None:
    """"According to X, Y." and "Y, according to X."."""
    tokens = event.unit.tokens
    at = event.verb_at[1]
    stop = next((j for j in range(at, len(tokens)) if tokens[j].text in ",;."), len(tokens))
    event.mention = phrases.read_phrase(tokens[at:stop])
    if event.mention is None:
        return None
    if stop < len(tokens) - 1 and tokens[stop].text == ",":
        event.content = (stop + 1, _cut_adjuncts(tokens, stop + 1, len(tokens)))
    else:
        first = event.verb_at[0]
        event.content = (0, first - 1 if first > 0 and tokens[first - 1].text == "," else first)
    end = event.content[1]
    while end > event.content[0] and tokens[end - 1].text in ".,":
        end -= 1
    event.content = (event.content[0], end)
    return event


def _trim_quote(quote: Quote) -> tuple[int, int]:
    return quote.inner
