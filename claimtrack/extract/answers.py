"""Which earlier assertion does an answer answer?

In order: the allegation a denial names ("rejected the claims that X"); the claim a sentence
reports just after its denial ("denied X after a broadcaster reported that Y"); the claim of
whoever the answer names ("the U.S. claim", "Selim's claims"); the last claim for "denied
it", "the accusations", "the comments"; else the earlier assertion sharing the most rare words
with it (with "Asked about X", the question's words count). A speaker does not answer
themselves or their own side ("Southmark's deputy defence minister" and "Southmark's Ministry
of Defence"). An answer with none of these clues is left unlinked rather than guessed.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from claimtrack.extract.classify import Draft
from claimtrack.extract.event import HEDGE
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    COMMENT_NOUNS,
    DETERMINERS,
    GROUP_HEADS,
    OPPOSITES,
    ORGANISATION_HEADS,
    PERSON_ROLES,
    STOPWORDS,
    TITLE_WORDS,
    VerbClass,
    word_set,
)
from claimtrack.extract.model import Kind
from claimtrack.extract.phrases import PERSON, plain
from claimtrack.extract.registry import Entity

_ANAPHORS = word_set("it them this that so these those")
_NAMED_ALLEGATIONS = word_set("allegation allegations claim claims accusation accusations charge "
                              "charges report reports rumour rumours rumor rumors story stories "
                              "speculation suggestion suggestions findings")
_BARE_ALLEGATIONS = word_set("speculation rumours rumors")
_POINTERS = word_set("the these those this that such his her their its any")
_ALLEGING = word_set("alleged alleges claimed claims accused accuses reported reports charged")
_GENERIC = TITLE_WORDS | ORGANISATION_HEADS | GROUP_HEADS | PERSON_ROLES | STOPWORDS | DETERMINERS
MIN_OVERLAP = 2.0  # about two words of medium rarity in common
MIN_ANSWER_OVERLAP = 1.0  # a denial, or "Asked about X": surely an answer; one rare word will do


def link(drafts: list[Draft], sentences: list[str]) -> None:
    """Find what each answer answers, then settle the kinds that depended on it."""
    _STEMS.clear()
    weights = _weights(sentences)
    for index, draft in enumerate(drafts):
        if draft.embedded is not None:
            draft.target = draft.embedded
        elif draft.elaborates is not None:  # its own clues first, else what the answer answers
            draft.target = _target(draft, drafts, index, weights) or draft.elaborates.target
        elif draft.needs_target:
            draft.target = _target(draft, drafts, index, weights)
        contradicting = draft.verb_class == VerbClass.COUNTER or "reasoning" in draft.flags
        if draft.kind == Kind.COUNTER_CLAIM and contradicting and (
            draft.target is not None and _mentions(draft.target, draft.speaker)
        ):  # "Lind disputes the charges" that Lind took bribes: a denial
            draft.kind = Kind.DENIAL
        if draft.negation:
            draft.kind = Kind.CLAIM if draft.target is None else (
                Kind.DENIAL if draft.negation == "self" else Kind.COUNTER_CLAIM
            )
        elif draft.kind == Kind.CLAIM and draft.target is None:
            contrary = _contrary(draft, drafts[:index])
            if contrary is not None:  # "the dam is sound" after "the dam is leaking"
                draft.kind, draft.target = Kind.COUNTER_CLAIM, contrary
    _STEMS.clear()


def _contrary(draft: Draft, earlier: list[Draft]) -> Draft | None:
    """A recent claim by another side on the same thing that says the opposite: the same
    topic word and a pair of opposites ("sound"/"leaking", "rose"/"fell")."""
    if draft.speaker is None:
        return None
    words = set(re.findall(r"[a-z]+", draft.text.lower()))
    opposites = {other for word in words for other in OPPOSITES.get(word, ())}
    if not opposites:
        return None
    for other in reversed(earlier):
        if draft.unit_index - other.unit_index > 3:
            break
        if other.key == draft.key or other.kind != Kind.CLAIM or _same_side(
            draft.speaker, other.speaker
        ):
            continue
        theirs = set(re.findall(r"[a-z]+", other.text.lower()))
        pair = theirs & opposites
        if pair and _same_subject(draft.text, other.text, words & set(OPPOSITES), pair):
            return other
    return None


def _same_subject(ours: str, theirs: str, our_words: set[str], their_words: set[str]) -> bool:
    """Whether the opposites are said of the same thing: a word shared by the four words before
    each ("the dam is sound" / "the dam is leaking"; not "inflation was higher" / "taxes were
    lower")."""
    def lead(text: str, opposites: set[str]) -> set[str]:
        words = re.findall(r"[a-z]+", text.lower())
        at = next((i for i, word in enumerate(words) if word in opposites), 0)
        return {_stem(w) for w in words[max(0, at - 4) : at] if w not in STOPWORDS}
    return bool(lead(ours, our_words) & lead(theirs, their_words))


def _target(
    draft: Draft, drafts: list[Draft], index: int, weights: dict[str, float]
) -> Draft | None:
    if draft.speaker is None:
        return None
    later = [d for d in drafts[index + 1 :] if d.unit_index == draft.unit_index]
    candidates = [
        d for d in [*drafts[:index], *later]
        if d.key != draft.key and d.verb_class != HEDGE and d.target is not draft
        and "no words" not in d.flags
        and not _same_side(draft.speaker, d.speaker)
    ]
    own = [d for d in drafts[:index] if d.key == draft.key and d.target is not None
           and draft.unit_index - d.unit_index <= 2]
    if "in turn" in draft.flags and own and own[-1].unit_index == draft.unit_index:
        return own[-1].target
    if not candidates:
        return None
    if "fronted" in draft.flags:  # "X, a claim the owners called false": X is answered
        before = [d for d in candidates if d.unit_index == draft.unit_index
                  and d.position < draft.position]
        if before:
            return before[-1]
    answered_later = [d for d in later if d.kind == Kind.CLAIM and d in candidates]
    if answered_later and draft.kind in (Kind.DENIAL, Kind.NON_DENIAL):
        return answered_later[0]  # "denied X after a broadcaster reported that X"
    if "passive agent" in draft.flags and draft.object_head in ("he", "she", "they", "him"):
        return _most_recent(draft, candidates)  # "He was countered by X": his last words
    named = _named_owner(draft, candidates)
    if named:
        return _most_recent(draft, named)
    noun = _reference(draft)
    if noun:
        return _referred(draft, candidates, noun)
    if draft.negation == "plain":  # a third party's "X did not …" contradicts claims, not
        # the denials that already contradict them
        candidates = [c for c in candidates if c.kind != Kind.DENIAL] or candidates
    best_score, best = max(((_score(draft, c, weights), c) for c in candidates),
                           key=lambda pair: pair[0])
    surely_answers = draft.asked or draft.verb_class in (VerbClass.DENY, VerbClass.COUNTER) or (
        "contrast" in draft.flags or draft.negation == "plain"
    )
    if best_score >= (MIN_ANSWER_OVERLAP if surely_answers else MIN_OVERLAP):
        return best
    return _fallback(draft, candidates, own, drafts)


def _fallback(draft: Draft, candidates: list[Draft], own: list[Draft],
              drafts: list[Draft]) -> Draft | None:
    """No words in common: the same speaker still answering, or what names the speaker."""
    if own and (draft.negation or draft.kind in (Kind.DENIAL, Kind.NON_DENIAL)):
        if draft.negation and own[-1].kind == Kind.DENIAL:
            draft.negation = "self"  # still denying: "There is no plan"
        return own[-1].target
    if draft.kind == Kind.DENIAL or draft.negation:
        about = [c for c in candidates if _mentions(c, draft.speaker)]
        if about:  # "Lind has pleaded not guilty": the claim about Lind
            if draft.negation:
                draft.negation = "self"  # "Doravia has nothing to do with …" said for Doravia
            return _most_recent(draft, about)
    if draft.kind == Kind.NON_DENIAL and not _topic(draft):
        return _central(candidates, drafts)
    if _refers_back(draft):
        return _most_recent(draft, candidates)
    return None


def _side(entity: Entity | None) -> set[str]:
    """The proper words a speaker is known by besides its name: "southmark", "russia"."""
    if entity is None:
        return set()
    words = set(entity.sides)
    if entity.kind != PERSON:
        words |= {plain(w) for w in entity.name.split() if w[:1].isupper()}
    return {w[:4] for w in words if w not in _GENERIC and w[:1].isalpha() and len(w) > 2}


def _same_side(one: Entity | None, other: Entity | None) -> bool:
    return bool(_side(one) & _side(other))


def _mentions(candidate: Draft, speaker: Entity | None) -> bool:
    """Whether an assertion names the speaker ("… Gregor Lind took bribes …")."""
    if speaker is None:
        return False
    words = speaker.name.split()
    if speaker.kind == PERSON:
        names = {speaker.surname}
    elif any(w[:1].isupper() for w in words):
        names = {plain(w) for w in words} - _GENERIC
    else:
        names = {plain(words[-1])}  # "the clinic": its head noun
    said = {plain(w) for w in candidate.text.split()}
    return bool(names & said) or bool(_side(speaker) & {w[:4] for w in said if w[:1].isalpha()})


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


def _reference(draft: Draft) -> str:
    """The noun by which an answer names what it answers: "denied it", "the report", …"""
    if draft.object_head in _ANAPHORS | ALLEGATION_NOUNS | COMMENT_NOUNS and draft.object_text:
        return draft.object_head
    words: list[str] = re.findall(r"[a-z]+", draft.text.lower())
    for i, word in enumerate(words):
        pointed = any(w in _POINTERS for w in words[max(0, i - 2) : i])
        bare = word in _BARE_ALLEGATIONS and draft.kind == Kind.NON_DENIAL
        if word in _NAMED_ALLEGATIONS and (pointed or bare):
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
    """"This is a lie", "would not say whether it would do so": pointing at the last claim."""
    words = draft.text.lower().split()
    return bool(words) and (words[0] in _ANAPHORS or words[-1].strip(".") in _ANAPHORS
                            or "do so" in draft.text.lower())


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


def _stems(text: str) -> frozenset[str]:
    found = _STEMS.get(text)
    if found is None:
        found = _STEMS[text] = frozenset(
            _stem(word) for word in re.findall(r"[a-z0-9]+", text.lower())
            if word not in STOPWORDS and len(word) > 2
        )
    return found


# Stems of the texts of the article being linked (scoring compares every answer with every
# earlier assertion); emptied by each call of ``link``, so nothing is carried from one article
# to the next. Values depend on their key alone: concurrent calls only recompute.
_STEMS: dict[str, frozenset[str]] = {}


def _stem(word: str) -> str:
    """A crude stem: "agreed", "agreement" and "agree" meet at "agre"."""
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es",
                   "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.removesuffix("e")[:6] if len(word) > 3 else word[:6]
