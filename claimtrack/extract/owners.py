"""Whose words a clause inside a sentence reports when its verb has no subject of its own.

A participle belongs to the subject of its own sentence ("X spoke on Monday, dismissing …"),
to the subject after a fronted participial clause ("Later, dismissing the report, the general
said …"), to the antecedent of a relative clause ("the Court of Appeals, which declined …,
stating …") or to the subject of an absolute phrase ("…, with Boswell stating …"); a report
quoting a named source passes on that source's words ("Yonhap, quoting the KCNA, said …").
"""

from __future__ import annotations

from claimtrack.extract import phrases, sources
from claimtrack.extract.lexicon import PREPOSITIONS, REPORTING_VERBS, SUBORDINATORS, word_set
from claimtrack.extract.phrases import Mention
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH, subject_before


def subject_after_participle(tokens: list[Token], stop: int) -> tuple[Mention, int] | None:
    """A fronted participial clause: the subject after its closing comma, and that comma."""
    comma = next((j for j in range(stop, len(tokens)) if tokens[j].text == ","), None)
    if comma is None:
        return None
    verb = next((j for j in range(comma + 1, min(len(tokens), comma + 9))
                 if tokens[j].lower in REPORTING_VERBS or tokens[j].lower in VERBISH), None)
    if verb is None or verb == comma + 1:
        return None
    mention = phrases.read_phrase(tokens[comma + 1 : verb])
    return (mention, comma) if mention is not None and mention.kind != phrases.RUMOUR else None


def relative_antecedent(tokens: list[Token], i: int) -> Mention | None:
    """"…, the Court of Appeals, which declined …, stating …": what the relative clause is
    about speaks the participle's words."""
    k = next((j for j in range(i, 1, -1) if tokens[j].lower in ("which", "who")
              and tokens[j - 1].text == ","), None)
    if k is None or any(t.text in ";:" for t in tokens[k:i]) or (
        k + 1 < len(tokens) and tokens[k + 1].lower in _BEING
    ):  # "the minister, who is under investigation, saying …": a description, not an act
        return None
    # the noun phrase right before the relative pronoun is what it stands for: "The appeal was
    # filed with the Court of Appeals, which declined …, stating …" is the court's
    head = relative_head(tokens, k - 1)
    if head is not None and head.kind in (phrases.PERSON, phrases.ORGANISATION, phrases.NAME):
        return head
    return subject_before(tokens, k - 2).mention


_BEING = word_set("is are was were has have had")


def ends_a_list(tokens: list[Token], comma: int) -> bool:
    """Whether the words before ``comma`` are the last item of a list ("…, and requests for
    leniency from Fields' lawyers"), not an apposition."""
    opening = next((j for j in range(comma - 1, -1, -1) if tokens[j].text == ","), None)
    return opening is not None and opening + 1 < comma and tokens[opening + 1].lower in (
        "and", "or")


def relative_head(tokens: list[Token], comma: int) -> Mention | None:
    """"requests for mercy from Hale's lawyers, who argued …": the noun phrase just before
    the relative pronoun, after the preposition or verb that governs it."""
    start = comma
    while start > 0 and tokens[start - 1].is_word and tokens[start - 1].lower not in (
        PREPOSITIONS | VERBISH | {"and", "or"}
    ) and not (tokens[start - 1].lower.endswith("ed") and not tokens[start - 1].is_capitalised):
        start -= 1
    mention = phrases.read_phrase(tokens[start:comma]) if start < comma else None
    return mention if mention is not None and mention.kind not in (
        phrases.RUMOUR, phrases.DOCUMENT) else None


def sentence_subject(tokens: list[Token], before: int) -> Mention | None:
    """The subject that opens a sentence, after any fronted adverbial ("On Monday, …")."""
    if tokens and tokens[0].lower in ("he", "she", "they", "it", "we", "i"):
        return phrases.read_phrase(tokens[:1])  # "He sought …, arguing that …"
    start = 0
    comma = next((j for j in range(min(before, 14)) if tokens[j].text == ","), None)
    if comma is not None and tokens[0].lower in PREPOSITIONS:
        # "In a video message posted to Twitter, Warren …": past the fronted adverbial
        return sentence_subject(tokens[comma + 1 :], before - comma - 1)
    end = next((j for j in range(before + 1) if tokens[j].text == "," or (
        j > 0 and tokens[j].is_word and not tokens[j].is_capitalised
        and (tokens[j].lower in VERBISH or tokens[j].lower.endswith("ed")
             or tokens[j].lower in REPORTING_VERBS))), before + 1)
    if end <= before and tokens[end].text == "," and not any(
        t.lower in VERBISH or t.lower.endswith("ed") for t in tokens[:end] if t.is_word
        and not t.is_capitalised
    ) and tokens[0].lower in PREPOSITIONS | SUBORDINATORS:
        start = end + 1  # a fronted adverbial: the subject follows its comma
        return sentence_subject(tokens[start:], before - start) if start <= before else None
    if end <= before and tokens[end].text == ",":  # "Waseem's mother, Anwar, wept … and said"
        closing = next((j for j in range(end + 2, min(before + 1, end + 6))
                        if tokens[j].text == ","), None)
        name = tokens[end + 1 : closing] if closing is not None else []
        named = phrases.read_phrase(name) if name and all(
            t.is_capitalised for t in name) else None
        if named is not None and named.kind in (phrases.PERSON, phrases.NAME):
            return named  # the name in apposition, not the description before it
    # "An eyewitness described …, stating, '…'": a source named by a description
    return phrases.read_phrase(tokens[start:end]) or sources.described(tokens[start:end])


def absolute_subject(tokens: list[Token], i: int) -> Mention | None:
    """"with Boswell stating …", "with officials saying …": the participle's own subject."""
    with_at = next((j for j in range(i, max(i - 6, -1), -1) if tokens[j].lower == "with"), None)
    if with_at is None or with_at == i or not all(t.is_word for t in tokens[with_at + 1 : i + 1]):
        return None
    if with_at > 0 and tokens[with_at - 1].text != ",":
        return None  # "spoke with reporters Monday saying …": the reporters are not speaking
    mention = phrases.read_phrase(tokens[with_at + 1 : i + 1])
    return mention if mention is not None and mention.kind != phrases.RUMOUR else None


def passed_on(tokens: list[Token], i: int) -> Mention | None:
    """"Yonhap, quoting the KCNA, said …": the source a report quotes, just before the verb."""
    if i < 1 or tokens[i].text != ",":
        return None
    opening = next((j for j in range(i - 1, max(i - 12, -1), -1) if tokens[j].text == ","), None)
    return sources.quoting(tokens[opening + 1 : i]) if opening is not None else None
