"""Kinds and answers: is an assertion a claim, a denial, a counter-claim or a non-denial, and
which earlier assertion does it answer?

The verb decides first (denied → denial, countered → counter-claim, "declined to comment" →
non-denial). Said-type verbs are judged by their words: a hedge is a non-denial, words of
falsehood ("lies", "untrue") a denial; a negation is a denial when the speakers talk about
themselves ("we never …") and a counter-claim otherwise, once it is found to answer something.
An answer's target is the allegation it names ("rejected the claims that X"), the last other
speaker's claim for "denied it" and "the accusations", else the earlier assertion sharing the
most rare words with it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from claimtrack.extract.events import HEDGE
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    COMMENT_NOUNS,
    FALSITY_WORDS,
    FIRST_PERSON,
    NEGATIONS,
    NON_DENIAL,
    STOPWORDS,
    VerbClass,
)
from claimtrack.extract.model import Kind
from claimtrack.extract.registry import Entity

_SELF_STARTS = frozenset("it its he his she her they their we our i my".split())
_ANAPHORS = frozenset("it them this that so".split())
_REFERENCES = frozenset("report reports claim claims allegation allegations accusation accusations "
                        "rumour rumours rumor rumors account comments remarks".split())
MIN_OVERLAP = 1.5


@dataclass(eq=False)
class Draft:
    """A suggestion being built: speaker resolved, kind and target still to decide."""

    speaker: Entity | None
    spans: list[tuple[int, int]]
    text: str
    verb: str
    verb_class: str
    unit_index: int
    flags: set[str] = field(default_factory=set)
    object_head: str = ""
    object_text: str = ""
    asked: str = ""
    kind: Kind = Kind.CLAIM
    confidence: float = 0.8
    target: Draft | None = None
    embedded: Draft | None = None
    needs_target: bool = False
    negation: str = ""

    @property
    def position(self) -> int:
        return self.spans[0][0]

    @property
    def key(self) -> str | None:
        return self.speaker.name.lower() if self.speaker else None


def decide_kind(draft: Draft) -> None:
    """The kind the verb and words give, before answers are linked."""
    verb_class, head = draft.verb_class, draft.object_head
    words = set(re.findall(r"[a-z'-]+", draft.text.lower().replace("’", "'")))
    if "embedded" in draft.flags:
        return
    if verb_class == HEDGE or NON_DENIAL.search(draft.text):
        draft.kind, draft.needs_target = Kind.NON_DENIAL, True
    elif verb_class == VerbClass.DENY:
        draft.kind, draft.needs_target = Kind.DENIAL, True
    elif verb_class == VerbClass.DISMISS:
        draft.kind = Kind.COUNTER_CLAIM if head in COMMENT_NOUNS else Kind.DENIAL
        draft.needs_target = True
    elif verb_class == VerbClass.CALL and head in ALLEGATION_NOUNS | COMMENT_NOUNS:
        draft.kind, draft.needs_target = Kind.DENIAL, True
    elif verb_class == VerbClass.COUNTER:
        draft.kind, draft.needs_target = Kind.COUNTER_CLAIM, True
    elif verb_class in (VerbClass.ACCUSE, VerbClass.CALL, VerbClass.RESPOND):
        draft.needs_target = verb_class == VerbClass.RESPOND or "in turn" in draft.flags
    elif words & FALSITY_WORDS:
        draft.kind, draft.needs_target = Kind.DENIAL, True
    elif "asked" in draft.flags:
        negated = bool(words & NEGATIONS) or "n't" in draft.text
        draft.kind = Kind.DENIAL if negated else Kind.NON_DENIAL
        draft.needs_target = True
    elif words & NEGATIONS or "n't" in draft.text:
        first = draft.text.split(maxsplit=1)[0].lower() if draft.text.split() else ""
        quoted = "quote" in draft.flags
        draft.negation = "self" if first in _SELF_STARTS or (quoted and words & FIRST_PERSON) else "plain"
        draft.needs_target = True
    else:
        draft.needs_target = bool(words & _REFERENCES)


def link(drafts: list[Draft], sentences: list[str]) -> None:
    """Find what each answer answers, then settle the kinds that depended on it."""
    weights = _weights(sentences)
    for index, draft in enumerate(drafts):
        if draft.embedded is not None:
            draft.target = draft.embedded
        elif draft.needs_target:
            draft.target = _target(draft, drafts, index, weights)
        if draft.negation:
            draft.kind = Kind.CLAIM if draft.target is None else (
                Kind.DENIAL if draft.negation == "self" else Kind.COUNTER_CLAIM
            )


def _target(draft: Draft, drafts: list[Draft], index: int, weights: dict[str, float]) -> Draft | None:
    same_sentence = [d for d in drafts[index + 1 :] if d.unit_index == draft.unit_index]
    candidates = [
        d for d in [*drafts[:index], *same_sentence]
        if d.key != draft.key and d.verb_class != HEDGE and d.target is not draft
        and draft.speaker is not None
    ]
    if not candidates:
        return None
    if "in turn" in draft.flags:
        partner = next((d for d in reversed(drafts[:index]) if d.unit_index == draft.unit_index
                        and d.key == draft.key and d.target is not None), None)
        if partner is not None:
            return partner.target
    named = _named_owner(draft, candidates)
    if named:
        candidates = named
    words = draft.object_text.lower().split()
    if draft.object_head in _ANAPHORS | ALLEGATION_NOUNS | COMMENT_NOUNS and words or named:
        return _most_recent(draft, candidates)
    scored = [(_score(draft, c, weights), c) for c in candidates]
    best_score, best = max(scored, key=lambda pair: pair[0])
    if best_score >= MIN_OVERLAP:
        return best
    if draft.verb_class == HEDGE and not _has_topic(draft) or _refers_back(draft):
        return _central(candidates, drafts)
    return None


def _named_owner(draft: Draft, candidates: list[Draft]) -> list[Draft]:
    """"the U.S. claim", "Selim's claims": the answer names whose words it answers."""
    owners = {w.strip("'’s").lower() for w in re.findall(r"[A-Z][\w.]*(?:['’]s)?",
                                                         draft.object_text)}
    owners |= {w[:-2] for w in draft.object_text.lower().split() if w.endswith(("'s", "’s"))}
    if not owners:
        return []
    return [
        c for c in candidates if c.speaker is not None and owners & (
            {w.lower().strip("'’s") for m in c.speaker.mentions for w in m.split()}
            | {t.strip("'’s") for t in c.speaker.titles}
        )
    ]


def _most_recent(draft: Draft, candidates: list[Draft]) -> Draft:
    """The last claim before ``draft``, else the first after it in the same sentence."""
    claims = [c for c in candidates if c.kind != Kind.DENIAL] or candidates
    before = [c for c in claims if c.position < draft.position]
    if before:
        return max(before, key=lambda c: c.position)
    return min(claims, key=lambda c: c.position)


def _central(candidates: list[Draft], drafts: list[Draft]) -> Draft:
    """The claim most answered so far (the story's subject), the latest on a tie."""
    answered = Counter(id(d.target) for d in drafts if d.target is not None)
    claims = [c for c in candidates if c.kind == Kind.CLAIM] or candidates
    return max(enumerate(claims), key=lambda pair: (answered[id(pair[1])], pair[0]))[1]


def _has_topic(draft: Draft) -> bool:
    return bool(_stems(draft.text) - _stems("declined refused comment say confirm further"))


def _refers_back(draft: Draft) -> bool:
    words = draft.text.lower().split()
    return bool(words) and (words[-1].strip(".") in _ANAPHORS or "do so" in draft.text.lower())


def _score(draft: Draft, candidate: Draft, weights: dict[str, float]) -> float:
    shared = (_stems(draft.text) | _stems(draft.asked)) & _stems(candidate.text)
    score = sum(weights.get(stem, 1.0) for stem in shared)
    distance = max(0, draft.unit_index - candidate.unit_index)
    return score + 0.3 / (1 + distance) if score else 0.0


def _weights(sentences: list[str]) -> dict[str, float]:
    """Rare words weigh more: "Russia" in every sentence says little about which claim."""
    frequency: Counter[str] = Counter()
    for sentence in sentences:
        frequency.update(_stems(sentence))
    total = len(sentences) or 1
    return {stem: math.log((total + 1) / (count + 0.5)) for stem, count in frequency.items()}


def _stems(text: str) -> set[str]:
    return {_stem(word) for word in re.findall(r"[a-z0-9]+", text.lower())
            if word not in STOPWORDS and len(word) > 2}


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es",
                   "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]
