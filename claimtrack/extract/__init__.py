"""Suggest the attributed claims, counter-claims, denials and non-denials of an article.

Rule-based and offline: sentences and quotations (``segment``), reporting verbs and word lists
(``lexicon``), speakers read from noun phrases (``phrases``) and resolved across the article
(``registry``), events per sentence (``events``, ``subjects``, ``owners``, ``contents``,
``attribution``, ``clauses``), kinds (``classify``) and what answers what (``answers``). Pure
Python with no database access: ``claimtrack.services.extraction`` records what a person
accepts.

    >>> from claimtrack.extract import extract
    >>> [s.speaker for s in extract('"It is a lie," Lavrov said.')]
    ['Lavrov']
"""

from __future__ import annotations

import re

from claimtrack.extract.answers import link
from claimtrack.extract.classify import Draft, decide_kind
from claimtrack.extract.event import Event
from claimtrack.extract.events import find_events
from claimtrack.extract.lexicon import REPORTING_VERBS, VerbClass
from claimtrack.extract.model import Kind, Suggestion
from claimtrack.extract.owners import sentence_subject
from claimtrack.extract.phrases import NAME, PERSON, PRONOUN, RUMOUR, read_phrase
from claimtrack.extract.registry import Entity, Registry
from claimtrack.extract.segment import Unit, units
from claimtrack.extract.subjects import VERBISH

__all__ = ["Kind", "Suggestion", "extract"]

_ANSWERING = (VerbClass.DENY, VerbClass.DISMISS, VerbClass.COUNTER)
# A sentence opened by these, or a verb of holding one's ground, sets an assertion against
# another: a counter-claim when it answers someone else's claim on the same matter.
_CONTRASTS = frozenset({"but", "however", "yet", "nevertheless", "nonetheless", "instead"})
_CONTRARY = re.compile(r"^(?:in fact|actually|on the contrary|rather|in reality)\b|\bcontrary to\b",
                       re.IGNORECASE)
_INSISTING = frozenset({"insisted", "insists", "insisting", "maintained", "maintains",
                        "contended", "contends"})
_CONFIDENCE = {"quote": 0.9, "say": 0.8, "deny": 0.85, "dismiss": 0.85, "accuse": 0.85,
               "counter": 0.8, "respond": 0.75, "call": 0.75, "hedge": 0.85, "according": 0.75}


def extract(text: str) -> list[Suggestion]:
    """The attributed assertions of ``text``, in document order, ids s1, s2, …"""
    sentences = units(text)
    events = [find_events(unit) for unit in sentences]
    registry = Registry(sentences)
    drafts: list[Draft] = []
    agentless: list[Draft] = []  # "It has been claimed that …", waiting for "made by X"
    led: set[int] = set()  # sentences of a paragraph that a lead ending in a colon introduced
    for index, unit in enumerate(sentences):
        found: list[Draft] = []
        for event in events[index]:
            if "agentless" in event.flags:
                agentless.append(_draft(event, index, None, text))
                continue
            found.extend(_drafts(event, index, found, registry, text))
        maker = _claim_maker(unit, registry)
        if maker is not None:  # "That claim was made by X": the claim just reported is X's
            waiting = [d for d in agentless if index - d.unit_index <= 2]
            if waiting:
                waiting[-1].speaker = maker
                found.append(waiting[-1])
                agentless.remove(waiting[-1])
        if index in led:
            continue  # read with the paragraph it opens, below
        if not events[index] and not unit.is_only_quotes:
            paragraph = _after_a_lead(index, sentences, events, drafts, text)
            if paragraph:  # "the Church denied these allegations:" ¶ "She certainly wasn't …"
                led.update(paragraph)
                found.append(_led(paragraph, sentences, drafts, text))
                if drafts[-1].verb_class == VerbClass.SAY and _only_a_lead(drafts[-1]):
                    drafts.pop()
        if not events[index] and unit.is_only_quotes:
            speaker = _continued_speaker(index, sentences, events, drafts, registry) or (
                _subject_before(index, sentences, events, registry))
            if speaker is not None and _goes_on(drafts, sentences[index - 1], speaker):
                _extend(drafts[-1], unit, text)  # one quotation over two paragraphs
            elif speaker is not None:
                found.append(_continuation(unit, index, speaker, drafts, text))
                if drafts and drafts[-1].unit_index == index - 1 and _only_a_lead(drafts[-1]):
                    drafts.pop()  # 'tweeted using his account:' was the lead, not the words
        drafts.extend(found)
    drafts = _block_quotes(sentences, drafts, registry, text)
    drafts.sort(key=lambda d: d.spans[0][0])
    for draft in drafts:
        decide_kind(draft)
    link(drafts, [text[u.start : u.end] for u in sentences])
    return _suggestions(drafts, sentences, text)


_MADE_BY = re.compile(
    r"^(?:that|this|the|such an?)\s+(?:claim|allegation|accusation|assertion|suggestion)\s+"
    r"(?:was|had\s+been|has\s+been)\s+(?:first\s+)?(?:made|put\s+forward|voiced|raised)\s+by\s+",
    re.IGNORECASE,
)


def _claim_maker(unit: Unit, registry: Registry) -> Entity | None:
    """Who "That claim was made by X" names."""
    words = [t.text for t in unit.tokens]
    match = _MADE_BY.match(" ".join(words))
    if match is None:
        return None
    skipped = len(match.group().split())
    rest = unit.tokens[skipped:]
    stop = next((j for j, t in enumerate(rest) if t.text in ",;.:"), len(rest))
    mention = read_phrase(rest[:stop])
    if stop < len(rest) and rest[stop].text == ",":  # "the governor, Ali Demir": the name
        end = next((j for j in range(stop + 1, len(rest)) if rest[j].text in ",;.:"), len(rest))
        named = read_phrase(rest[stop + 1 : end])
        mention = named if named is not None and named.kind == PERSON else mention
    if mention is None or mention.kind in (PRONOUN, RUMOUR):
        return None
    return registry.resolve(mention, rest[0].start)


def _drafts(event: Event, index: int, found: list[Draft], registry: Registry,
            text: str) -> list[Draft]:
    named, speaker = _speaker(event, found, registry)
    if not named:
        return []
    draft = _draft(event, index, speaker, text)
    if not draft.spans:
        return []
    first = next((t.lower for t in event.unit.tokens if t.is_word), "")
    if first in _CONTRASTS or event.verb in _INSISTING or _however_before(event) or (
        _CONTRARY.search(text[draft.spans[0][0] : draft.spans[-1][1]])
    ):  # "However, the agency said …", "X insisted …", "X said that in fact …"
        draft.flags.add("contrast")
    answering = [d for d in found if d.verb_class in _ANSWERING]
    if event.inherit and answering and event.verb_class == VerbClass.SAY and not _conceding(event):
        draft.elaborates = answering[-1]  # "Abbas denied this, saying, '…'": the same answer
    if event.embedded is not None:
        inner = event.embedded
        owner = registry.resolve(inner.mention, inner.position) if inner.mention else None
        claim = _draft(inner, index, owner, text)
        if claim.spans and claim.key != draft.key:
            claim.confidence = 0.6
            draft.embedded = claim
            return [draft, claim]
    return [draft]


def _however_before(event: Event) -> bool:
    """"Nia Cole, however, said …": a contrast set off by commas between the subject and its
    verb (not one inside another clause: "X denied it, however, a report concluded …")."""
    tokens = event.unit.tokens[: event.verb_at[0]]
    for j, token in enumerate(tokens):
        if token.lower in ("however", "nevertheless", "though") and 0 < j < len(tokens) - 1 and (
            tokens[j - 1].text == "," and tokens[j + 1].text == ","
        ):
            return not any(t.is_word and not t.is_capitalised and (
                t.lower in REPORTING_VERBS or t.lower in VERBISH or t.lower.endswith("ed")
            ) for t in tokens[: j - 1])
    return False


def _conceding(event: Event) -> bool:
    """"X denied A but accepted that B": a verb joined by a contrast sets B against the denial;
    it does not go on with it."""
    tokens = event.unit.tokens
    i = event.verb_at[0] - 1
    while i >= 0 and tokens[i].is_word and (tokens[i].lower.endswith("ly") or tokens[i].lower in (
        "also", "still", "later", "then", "has", "had", "have"
    )):
        i -= 1
    return i >= 0 and tokens[i].lower in ("but", "yet", "although", "though")


def _speaker(event: Event, found: list[Draft], registry: Registry) -> tuple[bool, Entity | None]:
    """Whether the event has a speaker, and who: None for a rumour, which has none."""
    if event.inherit:
        said = [d for d in found if "alleged" not in d.flags]  # not an allegation's owner
        return (True, said[-1].speaker) if said else (False, None)
    mention = event.mention
    if mention is None:
        return False, None
    entity = registry.resolve(mention, event.position)
    if entity is None:
        return mention.kind == RUMOUR, None
    if "alleged" not in event.flags:  # "… Comey's claims that X. He also …": not Comey
        registry.spoke(entity, event.position)
    return True, entity


def _draft(event: Event, index: int, speaker: Entity | None, text: str) -> Draft:
    spans = [_trimmed(text, span) for span in event.spans()]
    spans = [span for span in spans if span[1] > span[0]]
    tokens = event.unit.tokens
    draft = Draft(
        speaker=speaker, spans=spans, text=" … ".join(text[s:e] for s, e in spans),
        verb=event.verb, verb_class=event.verb_class, unit_index=index,
        flags=set(event.flags), object_head=event.object_head, object_text=event.object_text,
    )
    if event.quotes or (spans and text[spans[0][0] - 1 : spans[0][0]] in "\"“‘'"):
        draft.flags.add("quote")
    if "asked" in event.flags:
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), 0)
        draft.asked = text[tokens[0].start : tokens[comma].start] if comma else ""
    base = _CONFIDENCE["quote"] if event.quotes else _CONFIDENCE.get(event.verb_class, 0.75)
    kind = event.mention.kind if event.mention else ""
    factor = 0.85 if kind in (PRONOUN, "role") else 0.95 if event.inherit else 1.0
    draft.confidence = round(base * factor * (0.75 if speaker is None else 1.0), 2)
    return draft


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _continued_speaker(index: int, sentences: list[Unit], events: list[list[Event]],
                       drafts: list[Draft], registry: Registry) -> Entity | None:
    """A sentence of quotation alone: the speaker of the quotation around it.

    A quotation left open at a paragraph's end belongs to the next paragraph's speaker (wire
    style); otherwise the sentence continues the previous speaker's quotation.
    """
    unit = sentences[index]
    quotes = unit.quotes
    following = index + 1 < len(sentences) and sentences[index + 1].paragraph != unit.paragraph
    if quotes and not quotes[-1].closed and following and events[index + 1]:
        event = events[index + 1][0]
        if event.quotes and event.mention is not None:
            return registry.resolve(event.mention, event.position)
    if not drafts or index == 0:
        return None
    last = drafts[-1]
    previous = sentences[index - 1]
    same_paragraph = previous.paragraph == unit.paragraph
    lead = previous.tokens[-1].text == ":" if previous.tokens else False
    left_open = bool(previous.quotes) and not previous.quotes[-1].closed  # '…: "Moves to …' ¶
    if last.unit_index == index - 1 and (same_paragraph or "quote" in last.flags or lead
                                         or left_open):
        return last.speaker  # also after a lead ending in a colon: 'X tweeted:' ¶ '"…"'
    return None


def _subject_before(index: int, sentences: list[Unit], events: list[list[Event]],
                    registry: Registry) -> Entity | None:
    """A quotation standing alone after a sentence of the same paragraph that reports no words
    but whose subject is a person ("Ms Maliwal demanded offenders be punished. 'I will not go
    home …'"): that person's words."""
    if index == 0 or events[index - 1]:
        return None
    previous = sentences[index - 1]
    if previous.paragraph != sentences[index].paragraph or not previous.tokens:
        return None
    mention = sentence_subject(previous.tokens, len(previous.tokens) - 1)
    if mention is None or mention.kind not in (PERSON, NAME):
        return None
    entity = registry.resolve(mention, previous.start)
    return entity if entity is not None and entity.kind == PERSON else None


def _after_a_lead(index: int, sentences: list[Unit], events: list[list[Event]],
                  drafts: list[Draft], text: str) -> list[int]:
    """A paragraph without a verb of saying right after a paragraph whose last sentence reports
    someone and ends in a colon ("In a statement, the Church denied these allegations:"): its
    sentences up to the first with an event of its own are that speaker's words, quoted or
    not."""
    unit = sentences[index]
    if index == 0 or not drafts or drafts[-1].unit_index != index - 1:
        return []
    previous = sentences[index - 1]
    if previous.paragraph == unit.paragraph or drafts[-1].speaker is None or not (
        text[previous.start : previous.end].rstrip().endswith(":")
    ) or drafts[-1].spans[-1][1] < text.rindex(":", previous.start, previous.end) - 1:
        return []  # the lead's words must run to its colon
    found = []
    for at in range(index, len(sentences)):
        if sentences[at].paragraph != unit.paragraph or events[at]:
            break
        found.append(at)
    return found


def _led(paragraph: list[int], sentences: list[Unit], drafts: list[Draft], text: str) -> Draft:
    lead = drafts[-1]
    span = (sentences[paragraph[0]].start, sentences[paragraph[-1]].end)
    span = _trimmed(text, span)
    draft = Draft(speaker=lead.speaker, spans=[span], text=text[span[0] : span[1]],
                  verb=lead.verb, verb_class="say", unit_index=paragraph[0],
                  flags={"continued"}, confidence=0.7)
    if lead.verb_class in _ANSWERING:
        draft.elaborates = lead  # the words the denial goes on with
    return draft


def _goes_on(drafts: list[Draft], previous: Unit, speaker: Entity) -> bool:
    """Whether the last suggestion is a quotation left open at its paragraph's end ('…: "Moves
    to reduce the backlog are welcome.' ¶ '"After living in worry …"'), which this paragraph
    goes on with."""
    quotes = previous.quotes
    if not drafts or not quotes or quotes[-1].closed:
        return False
    last = drafts[-1]
    return last.speaker is speaker and last.spans[-1][1] >= quotes[-1].inner[1] - 1 and (
        last.spans[-1][0] >= quotes[-1].start)


def _extend(draft: Draft, unit: Unit, text: str) -> None:
    spans = [_trimmed(text, quote.inner) for quote in unit.quotes]
    draft.spans.extend(span for span in spans if span[1] > span[0])
    draft.text = " … ".join(text[s:e] for s, e in draft.spans)


def _only_a_lead(draft: Draft) -> bool:
    """Words that only lead into a quotation: "using his @POTUS account:"."""
    if draft.verb_class != VerbClass.SAY or any(mark in draft.text for mark in "\"“”"):
        return False  # 'called the ruling "dangerous":' judges it before the quotation
    return draft.text.rstrip().endswith(":") and not any(
        word in ("that", "is", "are", "was", "were", "has", "have", "had", "will", "would")
        for word in draft.text.lower().split())


def _continuation(unit: Unit, index: int, speaker: Entity, drafts: list[Draft],
                  text: str) -> Draft:
    spans = [_trimmed(text, quote.inner) for quote in unit.quotes]
    verb = drafts[-1].verb if drafts and drafts[-1].speaker is speaker else "said"
    draft = Draft(speaker=speaker, spans=spans, text=" … ".join(text[s:e] for s, e in spans),
                  verb=verb, verb_class="say", unit_index=index, flags={"quote", "continued"},
                  confidence=0.7)
    last = drafts[-1] if drafts else None
    if last is not None and last.speaker is speaker and last.unit_index == index - 1 and (
        last.verb_class in _ANSWERING and _names_only_its_target(last)
    ):  # 'X disagreed with Y's assessment. "…"': the quotation is what the answer says
        draft.elaborates = last
    return draft


_CLAUSE_WORDS = frozenset({"that", "is", "are", "was", "were", "has", "have", "had", "will",
                           "would", "not", "no", "never"})


def _names_only_its_target(draft: Draft) -> bool:
    """An answer whose words only name what it answers ("denied the allegations", "disagreed
    with Cole's assessment"), with no clause or quotation of its own."""
    words = draft.text.lower().split()
    return 0 < len(words) <= 8 and not any(mark in draft.text for mark in "\"“”") and not (
        _CLAUSE_WORDS & set(words))


_DASHES = "–—-"


def _block_quotes(sentences: list[Unit], drafts: list[Draft], registry: Registry,
                  text: str) -> list[Draft]:
    """Paragraphs quoted as a block after a lead ending in a colon ("Marrero rejected this
    argument:") and signed by a line starting with a dash ("– Judge Victor Marrero, …"): each
    paragraph is the signer's, whatever verbs it contains."""
    starts: dict[int, int] = {}
    for index, unit in enumerate(sentences):
        starts.setdefault(unit.paragraph, index)
    for paragraph, first in starts.items():
        tokens = sentences[first].tokens
        if not tokens or tokens[0].text not in _DASHES:
            continue
        comma = next((j for j, t in enumerate(tokens) if t.text == ","), len(tokens))
        mention = read_phrase(tokens[1:comma])
        lead = next((p for p in range(paragraph - 1, max(paragraph - 6, -1), -1)
                     if p in starts and _ends_with_colon(sentences, starts, p, text)), None)
        if mention is None or mention.kind in (PRONOUN, RUMOUR) or lead is None:
            continue
        speaker = registry.resolve(mention, tokens[0].start)
        if speaker is None:
            continue
        lead_drafts = [d for d in drafts if sentences[d.unit_index].paragraph == lead]
        block = range(lead + 1, paragraph)
        drafts = [d for d in drafts if sentences[d.unit_index].paragraph not in block]
        for quoted in block:
            if quoted not in starts:
                continue
            units = [u for u in sentences if u.paragraph == quoted]
            span = (units[0].start, units[-1].end)
            draft = Draft(speaker=speaker, spans=[span], text=text[span[0] : span[1]],
                          verb="wrote", verb_class="say", unit_index=starts[quoted],
                          flags={"quote", "block"}, confidence=0.7)
            answer = [d for d in lead_drafts if d.speaker is speaker
                      and d.verb_class in _ANSWERING]
            if answer:
                draft.elaborates = answer[-1]
            drafts.append(draft)
    return drafts


def _ends_with_colon(sentences: list[Unit], starts: dict[int, int], paragraph: int,
                     text: str) -> bool:
    last = max(i for i, u in enumerate(sentences) if u.paragraph == paragraph)
    return text[: sentences[last].end].rstrip().endswith(":")


def _suggestions(drafts: list[Draft], sentences: list[Unit], text: str) -> list[Suggestion]:
    ids = {id(draft): f"s{n}" for n, draft in enumerate(drafts, start=1)}
    found = []
    for draft in drafts:
        unit = sentences[draft.unit_index]
        speaker = draft.speaker
        found.append(Suggestion(
            id=ids[id(draft)],
            speaker=speaker.name if speaker else None,
            kind=draft.kind,
            text=draft.text,
            start=draft.spans[0][0],
            end=draft.spans[-1][1],
            spans=tuple(draft.spans),
            verb=draft.verb,
            confidence=draft.confidence,
            responds_to=ids.get(id(draft.target)) if draft.target is not None else None,
            mentions=tuple(dict.fromkeys([speaker.name, *speaker.mentions])) if speaker else (),
            speaker_kind=speaker.kind if speaker else None,
            passage=(min(unit.start, draft.spans[0][0]), max(unit.end, draft.spans[-1][1])),
        ))
    return found
