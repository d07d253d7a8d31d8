"""The record of one reporting event, shared by the modules that find and fill it."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimtrack.extract.phrases import Mention
from claimtrack.extract.segment import Quote, Unit

HEDGE = "hedge"  # a non-denial idiom: "declined to comment", "neither confirm nor deny"
ACCORDING = "according"  # "according to X"
ALLEGATION = "allegation"  # "rumours that X", "amid reports that X": a claim nobody is named for


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
    more: tuple[int, int] | None = None  # a second stretch of words: "X, he said, was Y"

    @property
    def position(self) -> int:
        return self.unit.tokens[self.verb_at[0]].start

    @property
    def has_words(self) -> bool:
        return bool(self.quotes) or self.content[1] > self.content[0]

    def spans(self) -> list[tuple[int, int]]:
        """The reported words as character spans (quotation marks excluded for whole quotes)."""
        if self.quotes:
            return [quote.inner for quote in self.quotes]
        spans = []
        for start, end in (self.content, self.more or (0, 0)):
            tokens = self.unit.tokens[start:end]
            if len(tokens) == 1 and tokens[0].quote is not None:
                spans.append(tokens[0].quote.inner)
            elif tokens:
                spans.append((tokens[0].start, tokens[-1].end))
        return spans


@dataclass(frozen=True)
class Candidate:
    """Where an event may start: a reporting verb, a hedge, "according to", an allegation."""

    start: int
    stop: int
    verb_class: str
    verb: str
