"""Kinds: is an assertion a claim, a denial, a counter-claim or a non-denial?

The verb decides first (denied → denial, countered → counter-claim, "declined to comment" →
non-denial). Said-type verbs are judged by their words: a hedge is a non-denial, words of
falsehood ("lies", "untrue") a denial; a negation is a denial when the speakers talk about
themselves ("we never …") and a counter-claim otherwise, once ``answers`` finds that it
answers something.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from claimtrack.extract.event import HEDGE
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    COMMENT_NOUNS,
    FALSITY_WORDS,
    FIRST_PERSON,
    GROUNDLESS,
    NEGATIONS,
    NON_DENIAL,
    VerbClass,
    word_set,
)
from claimtrack.extract.model import Kind
from claimtrack.extract.phrases import plain
from claimtrack.extract.registry import Entity

_FIRST_PERSON_STARTS = word_set("we our i my")
_SELF_STARTS = {  # how the words of a speaker of each kind refer back to the speaker
    "person": word_set("he his she her"),
    "role": word_set("he his she her"),
    "organisation": word_set("it its"),
    "name": word_set("it its"),
    "group": word_set("they their"),
}
_VERDICT_LEADS = word_set("is are was were be been being 's a an as total pure complete utter "
                           "absolutely completely totally simply categorically entirely "
                           "wholly utterly")
_DENYING = word_set("deny denies denied reject rejects rejected refute refutes refuted")
_PASSIVE_LEADS = word_set("been being was were is are be")
_MODALS = word_set("will would shall should must can could may might")
_EARLY = 7  # a clause's own negation comes within its first words
_CLAUSE_STARTS = word_set("and but while")
_UNKNOWING = word_set("know knew remember recall recalled sure idea appear appears appeared seem "
                        "seems seemed")
# What someone saw, thinks or can promise: "he had seen no sign of it" reports a view
_VIEWING = word_set("see saw seen seeing accept accepted think thought believe believed guarantee "
                    "expect expected find found notice noticed hear heard told informed")
_POINTERS = word_set("it them this that")
_FINDING = word_set("find found")
_CONTRADICTING = word_set("undercut undercuts undermine undermines contradict contradicts "
                          "contradicted refute refutes refuted disprove disproves disproved "
                          "debunk debunks debunked")
# What a party reasons or estimates, which rejecting contradicts: "rejected this argument".
_REASONING = word_set("argument arguments reasoning notion interpretation assessment assessments "
                      "estimate estimates figure figures prediction predictions explanation "
                      "conclusion conclusions analysis")
# Verbs of conceding: what the speaker grants is a claim against their own side, so a negation
# inside it denies nothing ("acknowledged that they did not foresee the crisis").
_CONCEDING = word_set("acknowledged acknowledges acknowledge acknowledging admitted admits admit "
                      "admitting conceded concedes concede conceding confessed confesses confess "
                      "confessing")
_INSISTING = word_set("insisted insists insisting maintained maintains maintaining contended "
                      "contends affirmed affirms reaffirmed reaffirms") | {
    "was adamant", "were adamant", "is adamant", "are adamant", "remained adamant"}
_REFERENCES = word_set("report reports claim claims allegation allegations accusation accusations "
                        "rumour rumours rumor rumors account comments remarks")


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
    elaborates: Draft | None = None  # the denial a ", saying …" goes on with
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
    if draft.elaborates is not None:
        # "brushed aside the report, saying every aircraft met the standards": the same answer
        # as the one it goes on with, whose kind is decided first (it comes first)
        draft.kind, draft.needs_target = draft.elaborates.kind, True
        return
    if verb_class == VerbClass.SAY and _REQUEST.match(draft.text):
        return  # "I request all the presidents to …": a request, which contradicts nothing
    if verb_class == HEDGE or _hedges(draft):
        draft.kind, draft.needs_target = Kind.NON_DENIAL, True
    elif verb_class == VerbClass.DENY and head in _REASONING and "alleged" not in draft.flags:
        # "the judge rejected this argument": contradicting someone's reasoning, a denial only
        # when what it answers is about the speaker (``answers`` decides)
        draft.kind, draft.needs_target = Kind.COUNTER_CLAIM, True
        draft.flags.add("reasoning")
    elif verb_class == VerbClass.DENY and draft.speaker is None:
        # "a report rejecting the bombing claim": nobody's side to deny for, it contradicts
        draft.kind, draft.needs_target = Kind.COUNTER_CLAIM, True
    elif verb_class == VerbClass.DENY:
        draft.kind, draft.needs_target = Kind.DENIAL, True
    elif verb_class == VerbClass.DISMISS and _a_person(draft.object_text, head):
        pass  # "denounced Manning as a traitor": an accusation, a claim about someone
    elif verb_class == VerbClass.DISMISS:
        draft.kind = Kind.COUNTER_CLAIM if head in COMMENT_NOUNS else Kind.DENIAL
        draft.needs_target = True
    elif verb_class == VerbClass.CALL and head in _POINTERS and not words & FALSITY_WORDS and (
        not _calls_false(draft.text)
    ):
        draft.needs_target = True  # 'called it "reckless"': judging an act, not denying a claim
    elif verb_class == VerbClass.CALL and head in ALLEGATION_NOUNS | COMMENT_NOUNS:
        # as for dismissals: calling an allegation a name denies it, calling someone's
        # comments or admission a name contradicts them
        contradicts = head in COMMENT_NOUNS and not words & FALSITY_WORDS
        draft.kind = Kind.COUNTER_CLAIM if contradicts else Kind.DENIAL
        draft.needs_target = True
    elif verb_class == VerbClass.COUNTER:
        draft.kind, draft.needs_target = Kind.COUNTER_CLAIM, True
    elif verb_class in (VerbClass.ACCUSE, VerbClass.CALL, VerbClass.RESPOND):
        draft.needs_target = verb_class == VerbClass.RESPOND or "in turn" in draft.flags
    elif draft.verb in _CONCEDING and not _calls_false(draft.text):
        pass  # "acknowledged that they did not realize …": a concession, whatever it negates
    elif _says_no(draft.text) or _denies(draft.text):
        draft.kind, draft.needs_target = Kind.DENIAL, True
    elif _calls_false(draft.text):
        draft.negation, draft.needs_target = "self", True  # a denial if it answers something
    elif "asked" in draft.flags:
        negated = bool(words & NEGATIONS) or "n't" in draft.text
        draft.kind = Kind.DENIAL if negated else Kind.NON_DENIAL
        draft.needs_target = True
    elif _negates(draft.text):
        quoted = "quote" in draft.flags
        about_self = _about_speaker(draft) or (quoted and bool(words & FIRST_PERSON)) or (
            _own_conduct(draft))
        draft.negation = "self" if about_self else "plain"
        draft.needs_target = True
        if about_self and draft.verb in _INSISTING:
            # "insisted she had never met the buyers": holding one's ground on a negation about
            # oneself answers an accusation, stated in the article or not
            draft.kind, draft.negation = Kind.DENIAL, ""
    elif words & _CONTRADICTING:  # "a report whose contents completely undercut its policies"
        draft.negation, draft.needs_target = "plain", True
    elif "contrast" in draft.flags:
        draft.negation, draft.needs_target = "plain", True  # a counter-claim if it answers
    else:
        draft.needs_target = bool(words & _REFERENCES)


_REQUEST = re.compile(r"\W*(?:i|we)\s+(?:request|urge|ask|appeal\s+to|call\s+on|beg|implore)\b",
                      re.IGNORECASE)


def _hedges(draft: Draft) -> bool:
    """Reported words that are a hedge: opening with it ("the company would neither confirm
    nor deny") or a clause of it whose subject is the speaker ("…, but we don't discuss
    players", "…, and the club will not comment"); not a third party's act deep in a statement
    ("At no time were sources discussed, and the president did not disclose any operations":
    a denial)."""
    text = draft.text
    match = NON_DENIAL.search(text)
    if match is None:
        return False
    before = re.findall(r"[\w'’]+|[,;:.]", text[: match.start()].lower())
    if len(before) <= 4:
        return True
    opening = max((i for i, w in enumerate(before) if w in (",", ";", ":", ".", "and", "but")),
                  default=-1)
    subject = set(before[opening + 1 :])
    speaker = {plain(w) for w in draft.speaker.name.split()} if draft.speaker else set()
    return bool(subject & (_FIRST_PERSON_STARTS | {"he", "she", "they", "it"} | speaker))


def _says_no(text: str) -> bool:
    """"Ernest said no": a denial in one word (the words are "no" or "said no")."""
    return text.strip(" .!").lower() in ("no", "said no", "says no")


def _a_person(object_text: str, head: str) -> bool:
    """An object naming someone rather than something said: "Manning", "him"."""
    if head in ("him", "her"):  # "them" are as often the allegations: "dismissed them as lies"
        return True
    words = object_text.split()
    return bool(words) and all(w[:1].isupper() for w in words) and head not in (
        ALLEGATION_NOUNS | COMMENT_NOUNS)


def _denies(text: str) -> bool:
    """A denying verb in the words, not in the passive: "patients had been denied treatment"
    reports what was done to them, it denies nothing."""
    words = re.findall(r"[a-z'-]+", text.lower().replace("’", "'"))
    return any(word in _DENYING and (i == 0 or words[i - 1] not in _PASSIVE_LEADS)
               for i, word in enumerate(words))


def _about_speaker(draft: Draft) -> bool:
    """Whether the words start with the speaker or their side: "it had not …" said by an
    organisation, "Trump did not …" said by Trump's advisors."""
    first = draft.text.split(maxsplit=1)[0].lower() if draft.text.split() else ""
    kind = draft.speaker.kind if draft.speaker else ""
    side = {w[:4] for w in draft.speaker.sides} if draft.speaker else set()
    own = plain(first)[:4] in side and first[:1].isalpha()
    return first in _FIRST_PERSON_STARTS or first in _SELF_STARTS.get(kind, ()) or own or (
        _titled(draft))


def _titled(draft: Draft) -> bool:
    """Whether the words open with the speaker's own title ("the mayor has never taken a penny"
    said by, or for, the mayor Tom Stone)."""
    words = draft.text.lower().split()
    if draft.speaker is None or len(words) < 2 or words[0] not in ("the", "our"):
        return False
    titles = {t.lower() for t in draft.speaker.titles}
    return plain(words[1]) in titles or " ".join(words[1:3]) in titles


def _own_conduct(draft: Draft) -> bool:
    """Whether the clause of the first negation names the speaker by their own pronoun after it
    ("accents were not a factor in the way it treated patients", said by the clinic): what is
    negated is the speaker's conduct."""
    if draft.speaker is None:
        return False
    own = _SELF_STARTS.get(draft.speaker.kind, frozenset())
    sentence = re.split(r"(?<=[.!?])\s", draft.text.strip(), maxsplit=1)[0]
    clause = re.findall(r"[a-z'-]+|[,;:]", sentence.lower().replace("’", "'"))
    at = next((i for i, w in enumerate(clause) if w in NEGATIONS or w.endswith("n't")), None)
    if at is None or at > _EARLY:
        return False
    for word in clause[at + 1 :]:
        if word in ",;:":
            return False
        if word in own:
            return True
    return False


def _calls_false(text: str) -> bool:
    """Words calling something false: "These stories are untrue", "a lie", "total nonsense"."""
    lowered = text.lower().replace("’", "'")
    if GROUNDLESS.search(lowered):
        return True
    words = re.findall(r"[a-z'-]+", lowered)
    for i, word in enumerate(words):
        leads = words[max(0, i - 3) : i]
        if word in FALSITY_WORDS and (i == 0 or any(w in _VERDICT_LEADS for w in leads)):
            return True
    return False


def _negates(text: str) -> bool:
    """A negated statement of fact, early in its clause; not a refusal to act ("we will not
    let anyone …"), a negation deep in a relative clause ("aircraft they do not trust") or in a
    later sentence of a long quotation, nor "not only … but also"."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text.strip())
    # a later sentence counts when it is a short verdict of its own: "I was in the room. It
    # didn't happen."
    verdicts = [s for s in sentences[1:] if len(s.split()) <= _VERDICT_WORDS]
    return any(_negated_clause(s) for s in [sentences[0], *verdicts])


_VERDICT_WORDS = 5


_CLAUSE_VERBS = word_set("that which who whether if is are was were has have had do does did")


def _modal_verb(words: list[str]) -> bool:
    """Whether the verb of a clause opened by "no …" is a modal ("No project … can be built"),
    not a fact ("no evidence that X can …" has its own verb first)."""
    for word in words:
        if word in _MODALS:
            return True
        if word in _CLAUSE_VERBS:
            return False
    return False


_THIRD_PERSONS = word_set("he she they he's she's they're")
_MEANING = word_set("means meant says said claims claimed insists insisted thinks thought "
                    "believes believed")


def _someone_elses(words: list[str]) -> bool:
    """Whether a clause reports a third party's view before its negation ("he means he is
    not …", "they say it was not …")."""
    return any(word in _THIRD_PERSONS and following in _MEANING
               for word, following in pairwise(words))


_ACCEPTING = word_set("accept accepted")
_CLAUSE_FINITE = word_set("is are was were has have had will would can could proved proves")


def _a_clause(words: list[str], at: int) -> bool:
    """Whether a clause follows the verb at ``at`` ("did not accept the evidence proved a
    bribe": a view), not a plain object ("never accepted money from anyone": a fact)."""
    following = words[at + 1 : at + 6]
    return bool(following) and (following[0] == "that" or any(
        w in _CLAUSE_FINITE for w in following))


_RELATIVES = word_set("that who which")
_CONDITIONS = word_set("if unless whether")
_AUXILIARIES = word_set("do does did is are was were has have had can could will would")


def _relative(words: list[str], i: int, since: int) -> bool:
    """Whether the negation at ``i`` opens a relative clause after a noun ("firms that did not
    bid", "others who never voted"), not the clause's own statement."""
    at = i - 1 if words[i - 1 : i] and words[i - 1] in _AUXILIARIES else i
    return since >= 2 and at - 2 >= max(0, i - since) and words[at - 1] in _RELATIVES and (
        words[at - 2] not in _CLAUSE_STARTS | {"said", "says", "that"})


def _negated_clause(sentence: str) -> bool:
    """A negation early in a clause of one sentence (see ``_negates``)."""
    words = re.findall(r"[a-z'-]+", sentence.lower().replace("’", "'"))
    since = 0
    for i, word in enumerate(words):
        opens = word in _CLAUSE_STARTS or (word == "that" and i > 0 and words[i - 1] == "and")
        since = 0 if opens else since + 1
        if (word in NEGATIONS or word.endswith("n't")) and since <= _EARLY:
            if (i > 0 and words[i - 1] in _MODALS) or word in ("won't", "wouldn't", "shan't"):
                continue
            if word in ("no", "nothing", "nobody", "none") and _modal_verb(words[i + 1 : i + 11]):
                continue  # "No project excluding us can be implemented": a warning, as modals
            if _someone_elses(words[max(0, i - since) : i]):
                continue  # "… but he means he is not involved": the negation is his, reported
            if _relative(words, i, since):
                continue  # "firms that did not bid got it": the negation describes the firms
            if any(w in _CONDITIONS for w in words[max(0, i - since) : i]):
                continue  # "If the council does not clean it, …": a condition, not asserted

            if (word == "not" and i + 1 < len(words) and words[i + 1] == "only") or (
                words[i + 1 : i + 3] == ["the", "only"]
            ):
                continue  # "not only … but", "was not the only soldier": nothing denied
            viewing = _VIEWING if i > 1 else _VIEWING - _FINDING  # "We did not find …": a finding
            if any(w in _UNKNOWING | viewing and (w not in _ACCEPTING or _a_clause(words, j))
                   for j, w in enumerate(words[i + 1 : i + 3], start=i + 1)):
                continue  # "I don't really know …", "he couldn't find any": no fact denied
            return True
    return False

