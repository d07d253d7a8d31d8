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

from claimtrack.extract.event import HEDGE
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    COMMENT_NOUNS,
    FALSITY_WORDS,
    FIRST_PERSON,
    NEGATIONS,
    NON_DENIAL,
    STOPWORDS,
    VerbClass,
    word_set,
)
from claimtrack.extract.model import Kind
from claimtrack.extract.registry import Entity

_SELF_STARTS = word_set("it its he his she her they their we our i my")
_ANAPHORS = word_set("it them this that so")
_NAMED_ALLEGATIONS = word_set("allegation allegations claim claims accusation accusations charge "
                               "charges report reports rumour rumours rumor rumors story stories "
                               "speculation")
_BARE_ALLEGATIONS = word_set("speculation rumours rumors")
_POINTERS = word_set("the these those this that such his her their its")
_ALLEGING = word_set("alleged alleges claimed claims accused accuses reported reports charged")
_VERDICT_LEADS = word_set("is are was were be been being 's a an as total pure complete utter "
                           "absolutely completely totally simply")
_MODALS = word_set("will would shall should must can")
_REFERENCES = word_set("report reports claim claims allegation allegations accusation accusations "
                        "rumour rumours rumor rumors account comments remarks")
MIN_OVERLAP = 2.0  # about two words of medium rarity in common
MIN_ANSWER_OVERLAP = 1.0  # a denial, or "Asked about X": surely an answer; one rare word will do


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
    if "alleged" in draft.flags:
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
    elif _calls_false(draft.text):
        draft.kind, draft.needs_target = Kind.DENIAL, True
    elif "asked" in draft.flags:
        negated = bool(words & NEGATIONS) or "n't" in draft.text
        draft.kind = Kind.DENIAL if negated else Kind.NON_DENIAL
        draft.needs_target = True
    elif _negates(draft.text):
        first = draft.text.split(maxsplit=1)[0].lower() if draft.text.split() else ""
        quoted = "quote" in draft.flags
        about_self = first in _SELF_STARTS or (quoted and words & FIRST_PERSON)
        draft.negation = "self" if about_self else "plain"
        draft.needs_target = True
    else:
        draft.needs_target = bool(words & _REFERENCES)


def _calls_false(text: str) -> bool:
    """Words calling something false: "These stories are untrue", "a lie", "total nonsense"."""
    words = re.findall(r"[a-z'-]+", text.lower().replace("’", "'"))
    for i, word in enumerate(words):
        leads = words[max(0, i - 3) : i]
        if word in FALSITY_WORDS and (i == 0 or any(w in _VERDICT_LEADS for w in leads)):
            return True
    return False


def _negates(text: str) -> bool:
    """A negated statement of fact; not a refusal to act ("we will not let anyone …")."""
    words = re.findall(r"[a-z'-]+", text.lower().replace("’", "'"))
    for i, word in enumerate(words):
        if word in NEGATIONS or word.endswith("n't"):
            if (i > 0 and words[i - 1] in _MODALS) or word in ("won't", "wouldn't", "shan't"):
                continue
            return True
    return False


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


def _target(
    draft: Draft, drafts: list[Draft], index: int, weights: dict[str, float]
) -> Draft | None:
    if draft.speaker is None:
        return None
    later = [d for d in drafts[index + 1 :] if d.unit_index == draft.unit_index]
    candidates = [
        d for d in [*drafts[:index], *later]
        if d.key != draft.key and d.verb_class != HEDGE and d.target is not draft
    ]
    if not candidates:
        return None
    own = [d for d in drafts[:index] if d.key == draft.key and d.target is not None
           and draft.unit_index - d.unit_index <= 2]
    if "in turn" in draft.flags and own and own[-1].unit_index == draft.unit_index:
        return own[-1].target
    answered_later = [d for d in later if d.kind == Kind.CLAIM and d.key != draft.key]
    if answered_later and draft.kind in (Kind.DENIAL, Kind.NON_DENIAL):
        return answered_later[0]  # "denied X after a broadcaster reported that X"
    named = _named_owner(draft, candidates)
    if named:
        return _most_recent(draft, named)
    noun = _reference(draft)
    if noun:
        return _referred(draft, candidates, noun)
    best_score, best = max(((_score(draft, c, weights), c) for c in candidates),
                           key=lambda pair: pair[0])
    surely_answers = draft.asked or draft.verb_class in (VerbClass.DENY, VerbClass.COUNTER)
    if best_score >= (MIN_ANSWER_OVERLAP if surely_answers else MIN_OVERLAP):
        return best
    if own and (draft.negation == "self" or draft.kind == Kind.DENIAL):
        return own[-1].target  # the same speaker, still answering
    if draft.kind == Kind.NON_DENIAL and not _topic(draft):
        return _central(candidates, drafts)
    if _refers_back(draft):
        return _most_recent(draft, candidates)
    return None


def _reference(draft: Draft) -> str:
    """The noun by which an answer names what it answers: "denied it", "the report", …"""
    if draft.object_head in _ANAPHORS | ALLEGATION_NOUNS | COMMENT_NOUNS and draft.object_text:
        return draft.object_head
    words: list[str] = re.findall(r"[a-z]+", draft.text.lower())
    for before, word in zip(["", *words], words, strict=False):
        if word in _NAMED_ALLEGATIONS and (before in _POINTERS or word in _BARE_ALLEGATIONS):
            return word
    return ""


def _referred(draft: Draft, candidates: list[Draft], noun: str) -> Draft:
    """The claim an answer points at by name: an accusation, an allegation, the last claim."""
    pool = [c for c in candidates if c.kind != Kind.DENIAL] or candidates
    if noun in ("accusation", "accusations", "charge", "charges"):
        preferred = [c for c in pool if c.verb_class == VerbClass.ACCUSE]
    elif noun in _NAMED_ALLEGATIONS:
        preferred = [c for c in pool if c.target is None and (
            c.speaker is None or c.verb in _ALLEGING or c.verb_class == VerbClass.ACCUSE
        )] or [c for c in pool if c.target is None]
    else:
        preferred = []
    return _most_recent(draft, preferred or pool)


def _named_owner(draft: Draft, candidates: list[Draft]) -> list[Draft]:
    """"the U.S. claim", "Selim's claims": the answer names whose words it answers.

    A claim is someone's when they made it or when it is told in their name ("the U.S.
    claim" is the White House's report of what U.S. intelligence concluded).
    """
    owners = {w.strip("'’s").lower() for w in re.findall(r"[A-Z][\w.]*(?:['’]s)?",
                                                         draft.object_text)}
    owners |= {w[:-2] for w in draft.object_text.lower().split() if w.endswith(("'s", "’s"))}
    if not owners:
        return []
    found = []
    for candidate in candidates:
        speaker = candidate.speaker
        names = {w.lower().strip("'’s") for m in speaker.mentions for w in m.split()} | {
            t.strip("'’s") for t in speaker.titles} if speaker else set()
        told = {w.lower().strip("'’s") for w in candidate.text.split()[:4]}
        if owners & (names | told):
            found.append(candidate)
    return found


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


def _topic(draft: Draft) -> bool:
    """Whether a hedge says what it is about ("declined to comment further" does not)."""
    words = set(draft.object_text.lower().split()) - {"further", "immediately", "publicly"}
    return bool(words) if draft.verb_class == HEDGE else bool(
        _stems(draft.text) - _stems("declined refused comment say confirm")
    )


def _refers_back(draft: Draft) -> bool:
    words = draft.text.lower().split()
    return bool(words) and (words[-1].strip(".") in _ANAPHORS or "do so" in draft.text.lower())


def _score(draft: Draft, candidate: Draft, weights: dict[str, float]) -> float:
    shared = (_stems(draft.text) | _stems(draft.asked)) & _stems(candidate.text)
    score = sum(weights.get(stem, 1.0) for stem in shared)
    if candidate.kind == Kind.DENIAL:
        score *= 0.8  # answers answer claims; a denial is answered less often
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
