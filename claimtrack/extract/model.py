"""What the extractor returns: suggestions a person accepts or rejects."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a suggested assertion does."""

    CLAIM = "claim"
    COUNTER_CLAIM = "counter-claim"
    DENIAL = "denial"
    NON_DENIAL = "non-denial"


@dataclass(frozen=True)
class Suggestion:
    """An attributed assertion found in a text.

    ``start``/``end`` (and each pair of ``spans``) are code-point offsets into the input, end
    exclusive; ``spans`` has more than one pair when a quotation is split by "he said".
    ``speaker`` is None for an unattributed claim (a rumour, "reports that …").
    ``responds_to`` is the id of the suggestion this one answers, or an existing claim's id.
    ``mentions`` are all the ways the text names the speaker, ``speaker_kind`` what it is
    (person, organisation, group, role); ``passage`` the sentence it was read from, which is
    what an appearance quotes. ``recorded_as`` is the recorded claim this suggestion is again
    (same speaker, nearly the same words; set by ``services.extraction.resolve``).
    """

    id: str
    speaker: str | None
    kind: Kind
    text: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]
    verb: str
    confidence: float
    responds_to: str | None = None
    mentions: tuple[str, ...] = field(default=(), compare=False)
    speaker_kind: str | None = field(default=None, compare=False)
    passage: tuple[int, int] = field(default=(0, 0), compare=False)
    recorded_as: str | None = field(default=None, compare=False)

    def public(self) -> dict[str, object]:
        """The fields ``--format json`` prints."""
        return {
            "id": self.id,
            "speaker": self.speaker,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": [list(span) for span in self.spans],
            "verb": self.verb,
            "confidence": self.confidence,
            "responds_to": self.responds_to,
        }
