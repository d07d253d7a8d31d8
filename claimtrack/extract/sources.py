"""Sources named after "according to", and the words cited from them.

"According to X, Y." and "Y, according to X." are X's. A document cited as a source speaks for
its owner ("a report from the Refugee Council", "the WHO's situation report dated March 16"),
reports for the outlet a name among their modifiers gives ("… Valley Herald reports", else
nobody's), a report "quoting the KCNA" for the agency it quotes, and a plain description ("a
court clerk", "an eyewitness") names a source only in this construction.
"""

from __future__ import annotations

from claimtrack.extract import phrases
from claimtrack.extract.contents import cut_adjuncts, trim_end
from claimtrack.extract.event import Event
from claimtrack.extract.lexicon import (
    DOCUMENT_NOUNS,
    PREPOSITIONS,
    RUMOUR_HEADS,
    STOPWORDS,
    SUBORDINATORS,
    TIME_WORDS,
    WEEKDAYS,
    adverb_like,
    word_set,
)
from claimtrack.extract.phrases import Mention, plain
from claimtrack.extract.segment import Token

# Heads of phrases after "according to" that are not sources: "according to the plan".
_NOT_SOURCES = word_set("plan plans law rules schedule data figures statistics estimates "
                        "reports report decision order terms agreement deal tradition custom "
                        "move idea issue case number result results") | DOCUMENT_NOUNS
_RECORDS = DOCUMENT_NOUNS | RUMOUR_HEADS | word_set("data figures study survey")
_FIRST_OR_LATER = word_set("first later since")


def according(event: Event) -> Event | None:
    """"According to X, Y." and "Y, according to X."."""
    tokens = event.unit.tokens
    at = event.verb_at[1]
    stop = next((j for j in range(at, len(tokens)) if tokens[j].text in ",;."), len(tokens))
    source = tokens[at : next((j for j in range(at + 1, stop) if tokens[j].lower in (
        "who", "which")), stop)]  # "According to U.S. officials who spoke on condition …"
    event.mention = document_owner(source) or _reports_of(source) or phrases.read_phrase(
        source) or described(source)
    if event.mention is None:
        return None
    following = next((j for j in range(stop + 1, len(tokens)) if tokens[j].text in ",;."), None)
    if tokens[stop : stop + 1] and tokens[stop].text == "," and following is not None and (
        tokens[following].text == ","
    ):  # "According to a witness, Sergeant First Class Michael Marciello, when …"
        apposition = tokens[stop + 1 : following]
        named = phrases.read_phrase(apposition) if len(apposition) <= 6 and not any(
            t.lower in SUBORDINATORS or t.lower in ("who", "which", "that") for t in apposition
        ) else None
        if named is not None and named.kind == phrases.PERSON and (
            event.mention.kind != phrases.PERSON
        ):
            event.mention, stop = named, following
        quoted = quoting(apposition)
        if quoted is not None:  # "According to Yonhap, quoting the KCNA, …": the KCNA's words
            event.mention, stop = quoted, following
    first = event.verb_at[0]
    first_words = first == 0 or tokens[first - 1].lower in ("but", "and") or (
        first > 1 and tokens[first - 1].text == "," and tokens[first - 2].lower in ("and", "but")
    ) or _adverbial(tokens[:first])  # "On Sunday in London, according to X, a man …"
    if first_words and stop < len(tokens) - 1 and tokens[stop].text == ",":
        event.content = (stop + 1, cut_adjuncts(tokens, stop + 1, len(tokens)))
    else:
        first = event.verb_at[0]
        event.content = (0, first - 1 if first > 0 and tokens[first - 1].text == "," else first)
    event.content = (event.content[0], trim_end(tokens, *event.content))
    return event


def according_source_end(tokens: list[Token], at: int) -> int:
    """Where the source after "according to" ends: at a comma, a full stop or "who"/"which"."""
    stop = next((j for j in range(at, len(tokens)) if tokens[j].text in ",;."), len(tokens))
    return next((j for j in range(at + 1, stop) if tokens[j].lower in ("who", "which")), stop)


def _reports_of(tokens: list[Token]) -> Mention | None:
    """"according to local news reports", "… Valley Herald reports": reports with modifiers
    are the outlet's a name among them gives, else nobody's (unnamed reports, like "according
    to reports")."""
    words = [t for t in tokens if t.is_word]
    if len(words) < 2 or plain(words[-1].text) not in RUMOUR_HEADS or any(
        t.lower in PREPOSITIONS or t.text.endswith(("'s", "’s")) for t in words
    ):
        return None
    named = phrases.read_phrase(words[:-1]) if any(
        t.is_capitalised and not t.initial for t in words[:-1]) else None
    if named is not None and named.kind in (phrases.PERSON, phrases.ORGANISATION, phrases.NAME):
        return named
    return Mention("", phrases.RUMOUR, words[0].start, words[-1].end)


def document_owner(tokens: list[Token]) -> Mention | None:
    """Who a document cited as the source speaks for: "the reports by Johns Hopkins Center",
    "a report from the Refugee Council", "the WHO's situation report dated March 16"."""
    at = next((j for j, t in enumerate(tokens[:5]) if t.lower in _RECORDS), None)
    if at is None or any(t.lower in ("and", "or") or not t.is_word for t in tokens[:at]):
        return None  # "the police and a statement by the father": not one document's
    named_kinds = (phrases.PERSON, phrases.ORGANISATION, phrases.NAME, phrases.GROUP)
    by = at + 1
    if by + 1 < len(tokens) and (tokens[by].lower in _FIRST_OR_LATER or adverb_like(
        tokens[by].lower)
    ) and tokens[by + 1].lower in ("by", "from"):
        by += 1  # "reports first from the Washington Post", "a report originally by X"
    if by < len(tokens) and tokens[by].lower in ("by", "from", "of"):
        end = next((j for j in range(by + 1, len(tokens)) if tokens[j].lower in (
            "to", "in", "on", "at", "dated")), len(tokens))
        owner = phrases.read_phrase(tokens[by + 1 : end])
        return owner if owner is not None and owner.kind in named_kinds else None
    possessive = next((j for j in range(at) if tokens[j].text.endswith(("'s", "’s"))), None)
    if possessive is None:
        return None
    owner = phrases.read_phrase(tokens[: possessive + 1])
    return owner if owner is not None and owner.kind in named_kinds else None


def quoting(tokens: list[Token]) -> Mention | None:
    """"quoting the state news agency KCNA": the named source a report passes on (an
    anonymous one stays inside the report)."""
    if not tokens or tokens[0].lower != "quoting":
        return None
    bracket = next((j for j, t in enumerate(tokens) if t.text == "("), len(tokens))
    named = phrases.read_phrase(tokens[1:bracket])  # "… Agency (KCNA)": the name in full
    named_kinds = (phrases.PERSON, phrases.ORGANISATION, phrases.NAME)
    return named if named is not None and named.kind in named_kinds else None


def _adverbial(tokens: list[Token]) -> bool:
    """Words before "according to" that are a time or place, not a clause: "On Sunday in
    London, England,"."""
    words = [t for t in tokens if t.is_word]
    return bool(words) and words[0].lower in PREPOSITIONS | WEEKDAYS | TIME_WORDS and all(
        t.is_capitalised or t.lower in PREPOSITIONS or t.lower in TIME_WORDS or t.text[0].isdigit()
        or t.lower in ("the", "a", "an") for t in words
    )


def described(tokens: list[Token]) -> Mention | None:
    """"a court clerk", "an eyewitness": a source named by a description the word lists do
    not know; only where the construction says it is a source ("according to")."""
    words = [t for t in tokens if t.is_word]
    if not 1 < len(words) <= 4 or words[0].lower not in ("a", "an", "the"):
        return None
    head = words[-1]
    if head.is_capitalised or head.lower in STOPWORDS or head.lower in _NOT_SOURCES or (
        head.lower.endswith(("ing", "ly"))
    ):
        return None
    kind = phrases.GROUP if head.lower.endswith("s") else phrases.ROLE
    text = " ".join(t.text for t in words[1:])
    return Mention(text, kind, words[1].start, head.end, (plain(head.text),), True)
