"""Who one sentence names, read from its tokens for the registry before any event is read.

People and organisations with their titles ("President of Ukraine Volodymyr Zelenskyy", not a
quoted nickname), whether a name opens its sentence or is the subject of its clause, acronyms in
brackets after a name ("Syrian Democratic Forces (SDF)", "United Nations Educational, Scientific
and Cultural Organization (UNESCO)"), documents the sentence's subject put out ("The ministry
issued a statement"), groups of people ("supporters of Selek") and people brought in by a
description ("an army psychiatrist"). ``registry`` turns them into entities.
"""

from __future__ import annotations

from claimtrack.extract import phrases
from claimtrack.extract.lexicon import (
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    ISSUING,
    PERIODS,
    PHRASAL_VERBS,
    PREPOSITIONS,
    REPORTING_VERBS,
    SUBORDINATORS,
    WEEKDAYS,
    names_people,
    word_set,
)
from claimtrack.extract.phrases import (
    DOCUMENT,
    GROUP,
    NAME,
    NAME_PARTICLES,
    ORGANISATION,
    PERSON,
    RUMOUR,
    Mention,
    is_proper,
    plain,
)
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH

NAME_JOINS = NAME_PARTICLES | {"of", "for"}
_TIME_LEADS = word_set("this last next on earlier later")
_VERB_AFTER = word_set("is are was were has have had will would said says told accepted "
                       "denied")
_PEOPLE = GROUP_HEADS - word_set("governments states countries others")


def named_in(tokens: list[Token]) -> list[Mention]:
    """People and organisations named anywhere in a sentence, with their titles."""
    found = []
    i = 0
    while i < len(tokens):
        if not is_proper(tokens[i]):
            i += 1
            continue
        end = i
        while end < len(tokens) and (
            is_proper(tokens[end])
            or (tokens[end].lower in NAME_JOINS and end + 1 < len(tokens)
                and is_proper(tokens[end + 1]))
            or (_joins_on(tokens, end) and end > i)
            or (_nickname(tokens[end]) and end + 1 < len(tokens) and is_proper(tokens[end + 1]))
        ):
            end += 1
        start = lead = i
        if i > 2 and tokens[i - 1].lower == "the" and tokens[i - 2].lower == "to":
            lead = i - 1  # "ambassador to the U.S. Ron Dermer"
        if lead > 1 and tokens[lead - 1].lower in ("of", "for", "to", "from") and (
            tokens[lead - 2].is_capitalised or tokens[lead - 1].lower in ("to", "from")
        ) and phrases.is_title(plain(tokens[lead - 2].text)):
            # "President of Ukraine Volodymyr Zelenskyy", "ambassador to the U.S. Ron Dermer"
            start = lead - 2
        while start > max(0, i - 4) and _titles_word(tokens[start - 1]):
            start -= 1
        if start < i and start > 1 and tokens[start - 1].lower in ("the", "a", "an") and (
            tokens[start - 2].lower in PREPOSITIONS
        ):  # "On the live television Erdogan said": a place, not a title
            start = i
        if start == i and i and tokens[i - 1].lower == "the":
            start = i - 1  # "the United States": read with its article, which no person has
        # Sergeant Frank "Greg" Ford: the nickname is left out of the name
        mention = phrases.read_phrase([t for t in tokens[start:end] if not _nickname(t)])
        if mention is not None and mention.kind in (PERSON, ORGANISATION, NAME):
            found.append(mention)
        i = end
    return found


def _joins_on(tokens: list[Token], at: int) -> bool:
    """"on" inside a name: "Commission on International Religious Freedom"; not "X on
    Monday" or "X on Twitter" (one word after it)."""
    following = tokens[at + 1 : at + 3]
    return tokens[at].lower == "on" and len(following) == 2 and all(
        is_proper(t) and t.lower not in WEEKDAYS for t in following)


def _nickname(token: Token) -> bool:
    """A quoted nickname inside a name: Frank "Greg" Ford."""
    inner = token.text.strip("\"“”‘’'")
    return token.quote is not None and 0 < len(inner.split()) <= 2 and inner[:1].isupper()


def _titles_word(token: Token) -> bool:
    """A lower-case word that may be part of the title before a name ("former minister")."""
    return token.is_word and not token.is_capitalised and token.lower not in (
        "the", "a", "an", "and", "that", "said", "told", "of"
    ) and token.lower not in PREPOSITIONS and not token.lower.endswith("ing") and (
        token.lower not in _VERBS_NOT_TITLES  # "Pence pointed out President Trump is …"
    )


# Verbs, never part of a title: a name after them is not where the sentence starts.
_VERBS_NOT_TITLES = frozenset(REPORTING_VERBS) | VERBISH | {
    phrase[0] for phrase in PHRASAL_VERBS}


def starts(tokens: list[Token], start: int) -> bool:
    """Whether a phrase at ``start`` begins its sentence, titles aside ("City council member X")
    and after a fronted adverbial ("On Tuesday, Greek prime minister X")."""
    before = [t for t in tokens if t.end <= start]
    if before and before[0].lower in SUBORDINATORS and "," not in (t.text for t in before):
        return False  # "After nine workers were hurt, he admitted …": the fronted clause's
    comma = next((i for i, t in enumerate(before) if t.text == ","), None)
    if comma is not None and before[0].lower in PREPOSITIONS | WEEKDAYS | {"later", "earlier"}:
        before = before[comma + 1 :]
    while before and before[0].lower in _TIME_LEADS | WEEKDAYS | PERIODS:
        before = before[1:]  # "This Thursday the Commission …", "Last week the minister …"
    if before and before[0].lower == "the":
        before = before[1:]
    return all((t.is_capitalised and t.lower not in PREPOSITIONS) or _titles_word(t)
               for t in before) and len(before) <= 5


def before_verb(tokens: list[Token], end: int) -> bool:
    """Whether a name is followed by a verb ("… Mohammad bin Salman of Saudi Arabia accepted"),
    so is the subject of its clause."""
    at = next((i for i, t in enumerate(tokens) if t.start >= end), None)
    if at is not None and tokens[at].text == "(":  # "the Commission (USCIRF) criticized"
        at = next((i + 1 for i in range(at, len(tokens)) if tokens[i].text == ")"), None)
    if at is None or at >= len(tokens):
        return False
    word = tokens[at]
    return word.is_word and not word.is_capitalised and (
        word.lower in _VERB_AFTER or (word.lower.endswith("ed") and len(word.lower) > 4)
    )


def acronym_after(tokens: list[Token], end: int) -> str:
    """"Syrian Democratic Forces (SDF)": the acronym in brackets right after a name."""
    at = next((i for i, t in enumerate(tokens) if t.start >= end), None)
    if at is None or at + 2 >= len(tokens) or tokens[at].text != "(" or tokens[at + 2].text != ")":
        return ""
    word = tokens[at + 1].text
    capitals = sum(c.isupper() for c in word)
    return plain(word) if capitals >= 2 and capitals >= len(word) - 2 else ""


def spelled_out(tokens: list[Token]) -> list[tuple[str, str]]:
    """"United Nations Educational, Scientific and Cultural Organization (UNESCO)": acronyms
    in brackets after a name their initials fit, commas and "and" inside it allowed."""
    found = []
    for at in range(1, len(tokens) - 2):
        if tokens[at].text != "(" or tokens[at + 2].text != ")":
            continue
        acronym = acronym_after(tokens, tokens[at - 1].end)
        start = at
        while start > 0 and at - start < 12 and (tokens[start - 1].is_capitalised or (
            tokens[start - 1].lower in ("of", "and", "for", "the", "&", ",")
        )):
            start -= 1
        for first in range(start, at - 1):
            words = tokens[first:at]
            name = " ".join(t.text for t in words).replace(" ,", ",")
            if acronym and words[0].is_capitalised and "," in name and initials_fit(
                acronym, name.replace(",", "")
            ):
                found.append((acronym, name))
                break
    return found


def initials_fit(acronym: str, name: str) -> bool:
    """"SDF" for "Syrian Democratic Forces", "RIAA" for "Recording Industry Association of
    America": the acronym's letters are the initials of the name's words, small words aside."""
    words = name.split()
    every = "".join(w[0] for w in words).lower()
    capitals = "".join(w[0] for w in words if w[:1].isupper()).lower()
    return acronym in (every, capitals)


def issued(tokens: list[Token]) -> list[tuple[int, str, Mention]]:
    """Documents a sentence's subject put out: "The ministry issued a statement on Monday"
    (issued, released, published …; not "Police rejected a report")."""
    verb = next((j for j, t in enumerate(tokens) if t.is_word and not t.is_capitalised
                 and (t.lower in VERBISH or t.lower.endswith("ed"))), None)
    if verb is None or tokens[verb].lower not in ISSUING:
        return []
    subject = phrases.read_phrase(tokens[:verb])
    if subject is None or subject.kind in (RUMOUR, DOCUMENT):
        return []
    return [(noun.start, plain(noun.text), subject)
            for j in range(verb, len(tokens) - 1) if tokens[j].lower in ("a", "an", "the", "its")
            for noun in tokens[j + 1 : j + 6] if plain(noun.text) in DOCUMENT_NOUNS]


def groups_in(tokens: list[Token]) -> list[Mention]:
    """Plural groups of people named in a sentence, as subject or object, with their
    modifiers and an "of" naming whose they are: "foreign ministers", "supporters of Selek"."""
    found = []
    for i, token in enumerate(tokens):
        if (token.is_capitalised and not token.initial) or plain(token.text) not in _PEOPLE:
            continue
        start = i
        while start > max(0, i - 3) and tokens[start - 1].is_word and not (
            tokens[start - 1].is_capitalised
        ) and phrases.is_title(tokens[start - 1].lower):  # "foreign ministers"
            start -= 1
        end = i + 1
        if end + 1 < len(tokens) and tokens[end].lower == "of" and is_proper(tokens[end + 1]):
            end += 1
            while end < len(tokens) and is_proper(tokens[end]):
                end += 1
        if start > 0 and tokens[start - 1].lower in ("their", "its", "his", "her", "our"):
            continue  # "their native countries": the group is theirs, someone else's
        words = tokens[start:end]
        text = " ".join(w.text for w in words)
        found.append(Mention(text, GROUP, words[0].start, words[-1].end, (), True))
    return found


def introduced(tokens: list[Token]) -> list[tuple[int, str, str]]:
    """People brought in by a description: "an army psychiatrist", "a local fisherman"."""
    found = []
    for i, token in enumerate(tokens):
        if token.lower not in ("a", "an"):
            continue
        words: list[Token] = []
        for word in tokens[i + 1 : i + 4]:
            if not word.is_word or (word.is_capitalised and words):
                break
            words.append(word)
            if names_people(plain(word.text)):
                found.append((word.start, plain(word.text), " ".join(w.text for w in words)))
                break
    return found
