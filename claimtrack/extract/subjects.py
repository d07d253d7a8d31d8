"""Who reports: the noun phrase before a reporting verb, or after it (``"…," said X``).

Between a subject and its verb come auxiliaries, adverbs and times ("has also", "angrily",
"on Monday"), which are stepped over. Phrases set off by commas are appositions ("Its
president, Ama Owusu, said"); relative and participle clauses among them are skipped
("Lukashenko, who has relied on …, said").
"""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.extract import phrases
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    AUXILIARIES,
    COMMENT_NOUNS,
    EAGER,
    GOING_ON,
    INVERTED_SAY,
    PERIODS,
    PREPOSITIONS,
    RELATIVES,
    REPORTING_VERBS,
    RUMOUR_HEADS,
    SUBORDINATORS,
    WEEKDAYS,
    adverb_like,
    word_set,
)
from claimtrack.extract.phrases import Mention
from claimtrack.extract.segment import Quote, Token

HARD_STOPS = frozenset(";:—–()")
LEADS_CLAUSE = SUBORDINATORS | RELATIVES | {"that"}
VERBISH = word_set("is are was were be been has have had will would can could may might should "
                    "must do does did fell rose")
FRONTED = (ALLEGATION_NOUNS | COMMENT_NOUNS | word_set("figure number estimate")) - word_set(
    "it them this that"
)
_NAMED = (phrases.PERSON, phrases.ORGANISATION, phrases.NAME)
_PASSIVE = word_set("was were been being is are be")  # "was said", "has been accused"
_SUBJECT_PRONOUNS = word_set("he she they it we i")
_TIMES = WEEKDAYS | word_set("yesterday today tonight meanwhile earlier later then now first "
                             "finally")
_PREFERENCE = [phrases.PERSON, phrases.ORGANISATION, phrases.NAME, phrases.GROUP, phrases.ROLE]


@dataclass(frozen=True)
class Subject:
    """A subject found before a verb.

    ``quote`` is the quotation just before it (``"…," X said``); ``clause`` the index where
    the words before it start when it follows them after a comma (``X happened, Y said``).
    """

    mention: Mention | None
    quote: Quote | None = None
    clause: tuple[int, int] | None = None
    fronted: str = ""  # "a claim the owners called …": the noun standing for what is answered


# Adverbs without -ly that come between a subject and its verb: "Pierce and Hawkins both
# argued", "Mendez once told", "The ministry further indicated".
_ADVERBS = word_set("both all each once further even just too since long first twice "
                    "thus instead however always also still again often already")


def _adverb(token: Token) -> bool:
    word = token.lower
    if not token.is_word or token.is_capitalised:
        return False
    return word in _ADVERBS or adverb_like(word)


def skip_back(tokens: list[Token], i: int) -> tuple[int, set[str]]:
    """Step left over auxiliaries, adverbs and times; note a negation and "in turn"."""
    seen: set[str] = set()
    while i >= 0:
        word = tokens[i].lower
        if word in ("not", "never") or word.endswith("n't"):
            seen.add("negated")
        elif word in _PASSIVE:
            seen.add("passive")
        elif word in ("did", "does", "do"):
            pass  # "the Senate did not find"
        elif word == "turn" and i > 0 and tokens[i - 1].lower == "in":
            seen.add("in turn")
        elif word == "to" and i > 1 and tokens[i - 1].lower in EAGER and (
            tokens[i - 2].lower in _PASSIVE
        ):
            i -= 3  # "were quick to say": the subject's own saying, nothing passive
            continue
        elif word == "to" and i > 1 and tokens[i - 1].lower == "on" and (
            tokens[i - 2].lower in GOING_ON
        ):
            i -= 3  # "Huang went on to call …": Huang's
            continue
        elif not (word in AUXILIARIES or word in WEEKDAYS
                  or _adverb(tokens[i])):
            break
        i -= 1
    return i, seen


def clause_lead(tokens: list[Token], i: int) -> int | None:
    """Index of the subordinator or 'that' that opens the clause ending at ``i``, if near."""
    for j in range(i, max(i - 12, -1), -1):
        token = tokens[j]
        if token.lower in LEADS_CLAUSE:
            return j
        if token.quote is not None or token.text in HARD_STOPS or token.text == ",":
            return None
    return None


def ends_clause(token: Token) -> bool:
    """A quotation closed after a comma, question or exclamation mark: ``"…," she said``."""
    inner = token.text.rstrip("\"”’'»").removesuffix("]").rstrip("[")  # '"… each other[,]"'
    return bool(inner) and inner[-1] in ",?!—-"


def quote_before_verb(tokens: list[Token], i: int) -> Quote | None:
    """The quotation right before a verb (``"…," said X``, also ``"…" said X`` without the
    comma), if there is one."""
    token = tokens[i]
    if token.quote is not None and ends_clause(token):
        return token.quote
    if token.quote is not None and i + 2 < len(tokens) and tokens[i + 1].lower in INVERTED_SAY and (
        tokens[i + 2].is_word
    ):
        return token.quote
    if token.text == "," and i > 0 and tokens[i - 1].quote is not None:
        return tokens[i - 1].quote
    return None


def _verb(token: Token) -> bool:
    """A reporting verb, not a capitalised word inside a name ("United States")."""
    return token.lower in REPORTING_VERBS and (token.initial or not token.is_capitalised)


def subject_before(tokens: list[Token], i: int) -> Subject:
    """The subject ending at token ``i``."""
    if i > 0 and tokens[i].text == ")":  # "the Syrian Democratic Forces (SDF) announced"
        opening = next((j for j in range(i - 1, max(i - 6, -1), -1) if tokens[j].text == "("), None)
        if opening is not None:
            i = opening - 1
    start = i
    while start >= 0 and tokens[start].text not in HARD_STOPS:
        if tokens[start].quote is not None:
            # 'The issue is the "main difference" between them, he added': a quotation inside
            # the clause is passed; one that ends a clause ('"…," he said') stops the walk
            if start == i or tokens[start + 1].text in ",?!" or ends_clause(tokens[start]):
                break
        elif _verb(tokens[start]) and start != i and not (
            start > 0 and tokens[start - 1].lower in _PASSIVE  # "had been denied treatment"
        ) and not (
            # "X, noting he was not present, said …": a participle clause set off by commas
            tokens[start].lower.endswith("ing") and start > 0 and tokens[start - 1].text == ","
            and tokens[i].text == ","
        ):
            break
        start -= 1
    quote = None
    if start >= 0 and tokens[start].quote is not None and (
        tokens[start + 1].text in ",?!" or ends_clause(tokens[start])
    ):
        quote = tokens[start].quote
    segments = _segments(tokens[start + 1 : i + 1])
    named = _named_before_description(segments)
    if named is not None:
        return Subject(named, quote)
    if not segments or segments[-1]:
        last = segments[-1] if segments else []
        fronted = fronted_object(last)
        mention = _phrase_at_end(last[2 if fronted else 0 :]) if last else None
        if mention is None and start + 1 <= i and tokens[start + 1].lower in RUMOUR_HEADS:
            mention = Mention("", phrases.RUMOUR, tokens[start + 1].start, tokens[i].end)
        clause = None
        if len(segments) > 1 and _a_clause(segments[0]) and quote is None:
            comma = max(j for j in range(start + 1, i + 1) if tokens[j].text == ",")
            clause = (start + 1, comma)  # "Troops are massing, officials said."
        return Subject(mention, quote, clause, fronted)
    return Subject(_apposition(segments[:-1]), quote)


def _named_before_description(segments: list[list[Token]]) -> Mention | None:
    """"Abdulla Rasheed, a captain of a cargo boat which capsized off the Maldives stated":
    a name and its description with no comma to close it; the name speaks, not the last
    name in the description."""
    if len(segments) < 2 or len(segments[-1]) < 2 or segments[-1][0].lower not in (
        "a", "an", "the"
    ) or not all(s and (s[0].lower in SUBORDINATORS or s[0].lower in PREPOSITIONS)
                 for s in segments[:-2]):  # "After Gunn was fired, David D., an actor …"
        return None
    head = segments[-1][1:]
    head = head[: next((j for j, t in enumerate(head) if t.lower in PREPOSITIONS
                        or t.lower in LEADS_CLAUSE), len(head))]
    before = segments[-2]
    if any(t.is_capitalised for t in head) or len(before) < 2 or not before[0].is_capitalised or (
        any(t.lower in VERBISH or t.lower in LEADS_CLAUSE or _verb(t) for t in before)
    ):  # "an attendee Om Prakash": the description names the speaker itself
        return None
    named = phrases.read_phrase(before)
    return named if named is not None and named.kind in _NAMED else None


def _a_clause(tokens: list[Token]) -> bool:
    """Words that can be what someone said: more than a time ("Yesterday, what organizers
    estimated …") or a short phrase without a verb."""
    words = [t for t in tokens if t.is_word or t.quote is not None]
    return bool(words) and not all(t.lower in _TIMES for t in words)


_ADJUNCT_LEADS = word_set("in on during via after before while when")


def subject_after(tokens: list[Token], i: int) -> Mention | None:
    """``"…," said Dan Whitby, the union's regional secretary``."""
    # '…," says Joe Leuer - who worked at SOA.': a dash or a relative pronoun ends the name
    # '…," said the office of the President in a statement reported by X': an adjunct too
    stop = next((j for j in range(i, len(tokens)) if tokens[j].text in "-—–"
                 or tokens[j].lower in RELATIVES or (
                     j > i and tokens[j].lower in _ADJUNCT_LEADS and tokens[j - 1].text != ","
                     and j + 1 < len(tokens) and not tokens[j + 1].is_capitalised)
                 or (j > i and _at_a_time(tokens, j))),
                len(tokens))
    segments = _segments([t for t in tokens[i:stop] if t.text not in ".!?"])
    if not segments[0]:
        return None
    found = _apposition([segments[0], *([segments[1]] if len(segments) > 1 else [])][::-1])
    first = _phrase_at_end(segments[0]) if len(segments) > 1 else None
    described = len(segments) > 1 and bool(segments[1]) and segments[1][0].lower in (
        "a", "an", "the")
    if first is not None and found is not None and described and found.text != first.text and (
        first.kind in (phrases.PERSON, phrases.NAME)
    ):
        # '"…," said Mr. Okafor, a fellow at the Institute for Water and Land Policy': the name
        # after the verb speaks; the description after the comma only describes him
        return Mention(first.text, first.kind, first.start, first.end,
                       first.titles + found.titles, first.definite, first.sides)
    return found


_OCCASIONS = PERIODS | word_set("time moment day conference briefing rally meeting hearing summit "
                                "ceremony event")


def _at_a_time(tokens: list[Token], j: int) -> bool:
    """"said the ministry at the time", "… at a news conference": when or where it was said,
    not part of the speaker's name ("a fellow at the Institute" stays)."""
    if tokens[j].lower != "at" or j + 1 >= len(tokens) or tokens[j + 1].lower not in (
        "the", "a", "an", "that", "this"
    ):
        return False
    return any(t.lower in _OCCASIONS for t in tokens[j + 2 : j + 4] if not t.is_capitalised)


def fronted_object(segment: list[Token]) -> str:
    """"a claim the owners called false", "a figure the bank declined to confirm": the noun."""
    if len(segment) > 2 and segment[0].lower in ("a", "an") and segment[1].lower in FRONTED and (
        segment[2].lower in ("the", "its", "his", "her", "their") or segment[2].is_capitalised
    ):
        return segment[1].lower
    return ""


def _segments(tokens: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _phrase_at_end(segment: list[Token]) -> Mention | None:
    """The noun phrase at the end of a segment, after any clause-opening word or verb."""
    if len(segment) > 1 and segment[-1].lower in _SUBJECT_PRONOUNS:
        return phrases.read_phrase(segment[-1:])  # "On the live television he said"
    relative = next((k for k in range(len(segment) - 2, 0, -1) if segment[k].lower in (
        "who", "which") and segment[k + 1].lower in VERBISH), None)
    if relative is not None:  # "Trump's advisors who were present at the meeting were quick to"
        named = _phrase_at_end(segment[:relative])
        if named is not None:
            return named
    start = len(segment)
    participle = False
    while start > 0:
        word = segment[start - 1]
        if word.lower == "as" and start > 1 and segment[start - 2].lower == "such":
            start -= 2  # "other sites such as Gawker.com": no clause starts at "as"
            continue
        if word.lower in LEADS_CLAUSE or word.lower in VERBISH or _verb(word):
            break
        if word.is_word and not word.is_capitalised and len(word.lower) > 4 and (
            word.lower.endswith("ing") and not phrases.is_title(word.lower)  # "acting"
        ):  # "Kyriakos Mitsotakis speaking to the Atlantic Council called …"
            named = phrases.read_phrase(segment[: start - 1])
            if named is not None and (named.kind in _NAMED or word.lower == "including"):
                return named  # "journals including X": the examples are not the speaker
        if word.is_word and not word.is_capitalised and len(word.lower) > 3 and (
            word.lower.endswith("ed")
        ):
            participle = True
            break
        start -= 1
    if participle and start < len(segment) and segment[start].lower == "by":
        # "RIAA's notice published by GitHub alleged": the agent is not the subject
        named = phrases.read_phrase(segment[: start - 1])
        if named is not None and named.kind != phrases.DOCUMENT:
            return named
        if named is not None:  # "The decree signed by the Pope read": its signer's
            return phrases.read_phrase(segment[start + 1 :]) or named
    mention = phrases.read_phrase(segment[start:]) if start < len(segment) else None
    # an "and" between capitalised words is inside a name: "Center for Health and Human Rights"
    joins = [j for j in range(start, len(segment) - 1) if segment[j].lower in ("and", "but")
             and not (j > 0 and segment[j - 1].is_capitalised and segment[j + 1].is_capitalised
                      and segment[j - 1].lower not in _TIMES | _MONTHS)]
    if mention is None and joins:  # "The broadcasts began on May 10 and South Korea says"
        mention = phrases.read_phrase(segment[joins[-1] + 1 :])
    if mention is None and participle:  # "Parents of two children treated on the ward said"
        mention = phrases.read_phrase(segment)
    if mention is None:  # "the accusation came from the Green Rivers Coalition, …, which said"
        for j in range(len(segment) - 2, start - 1, -1):
            if segment[j].lower in ("by", "from", "of", "at"):
                tail = phrases.read_phrase(segment[j + 1 :])
                if tail is not None and tail.kind in _NAMED:
                    return tail
    return mention


_MONTHS = word_set("january february march april may june july august september october "
                   "november december")


def _apposition(segments: list[list[Token]]) -> Mention | None:
    """"Its president, Ama Owusu, said": the best-named of the phrases set off by commas."""
    found: list[Mention] = []
    for segment in reversed(segments[-3:]):
        named_after = next((j for j in range(len(segment) - 1) if segment[j].lower == "including"
                            or (segment[j].lower == "such" and segment[j + 1].lower == "as")),
                           None)
        if named_after is not None:  # "…, such as former governor Chris Christie, who said"
            segment = segment[named_after + (2 if segment[named_after].lower == "such" else 1) :]
        if not segment or segment[0].lower in RELATIVES or segment[0].lower.endswith("ing") or (
            segment[0].text[0].isdigit() or any(t.lower in LEADS_CLAUSE for t in segment)
            or segment[0].lower in PREPOSITIONS  # "X, in remarks to al-Ikhbariya, said"
        ):
            if found:
                break
            continue
        mention = _phrase_at_end(segment)
        if mention is None:
            continue  # "a former consultant on the ward": a description that names nobody
        found.append(mention)
        if len(found) == 2:
            break
    if not found:
        return None
    best = min(found, key=lambda m: (not any(w[:1].isupper() for w in m.text.split()),
                                     _PREFERENCE.index(m.kind) if m.kind in _PREFERENCE else 9,
                                     len(m.text.split()) < 2))  # a full name before a title
    titles = tuple(t for m in found for t in m.titles) + tuple(
        w for m in found if m is not best and m.kind == phrases.ROLE for w in m.words
    )
    sides = tuple(s for m in found for s in m.sides) + tuple(
        w for m in found if m is not best and m.kind != phrases.PERSON for w in m.words
        if w in {phrases.plain(t) for t in m.text.split() if t[:1].isupper()}
    )
    return Mention(best.text, best.kind, best.start, best.end, titles, best.definite, sides)
