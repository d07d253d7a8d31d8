"""Reading a noun phrase as a speaker: a person, an organisation, a group, a role or a pronoun.

"Russian Foreign Minister Sergey Lavrov" is the person Sergey Lavrov with the titles russian,
foreign, minister; "The White House" the organisation White House; "a Velonta spokesman" speaks
for Velonta; "Ukrainian officials" is a group; "Russia's top diplomat" is a role, resolved later
to the person who holds it; "Posts shared online" carry a rumour, which has no speaker.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from itertools import pairwise

from claimtrack.extract.lexicon import (
    DETERMINERS,
    DOCUMENT_NOUNS,
    GROUP_HEADS,
    HONORIFICS,
    ORGANISATION_HEADS,
    PERSON_ROLES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    RUMOUR_HEADS,
    SPOKESPEOPLE,
    SUBORDINATORS,
    TITLE_WORDS,
    WEEKDAYS,
    adverb_like,
    names_people,
    word_set,
)
from claimtrack.extract.segment import Token

PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"
ROLE = "role"
RUMOUR = "rumour"
PRONOUN = "pronoun"
NAME = "name"  # one proper word: a surname met before, or a country, company or city
DOCUMENT = "document"  # "the statement", "the letter": whoever issued it, met before

_LEADING = word_set("but and however meanwhile so yet also separately what afterwards afterward "
                    "subsequently initially additionally furthermore moreover thus then later")
# An adverbial, not a speaker, when a phrase starts with one of these: "On Wednesday",
# "When Baloch", "Amongst reported incidents".
_ADVERBIAL_LEADS = PREPOSITIONS | SUBORDINATORS | word_set("amongst among during despite per")
_MONTHS = word_set("january february march april may june july august september october "
                   "november december")
# Lower-case words inside a person's name: "Mohammad bin Salman", "Arnel dela Vega".
NAME_PARTICLES = word_set("bin bint ibn al el da de del della dela der van von le la du dos das")
_AFFILIATED = SPOKESPEOPLE | GROUP_HEADS | word_set("mission delegation statement team")
_NAME_JOINERS = word_set("of for and &")
_SPLITTERS = word_set("in of at from for with on")
# "one of the users" is one of them; "a number of senators" is the senators.
PARTITIVES = word_set("one some many several most each either two three four few all both")
COLLECTIVES = word_set("number assembly majority handful couple panel crowd")
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
# "Kurdish-led", "Yemen-based": an adjective before a name, not part of it.
_AFFILIATION_SUFFIXES = ("-led", "-based", "-backed", "-owned", "-run", "-funded", "-linked",
                         "-affiliated", "-allied", "-aligned")
PLACE_WORDS = word_set(
    "river islands island peninsula sea ocean mountains street square city province region bay "
    "lake valley county district border"
)


_NOT_SIDES = (
    TITLE_WORDS | HONORIFICS | ORGANISATION_HEADS | GROUP_HEADS | DETERMINERS | PERSON_ROLES
)
# Capitalised only because they start the sentence: "Prosecutors said", "Drugmaker Helix Bio".
_COMMON = (GROUP_HEADS | RUMOUR_HEADS | DETERMINERS | QUANTIFIERS | PERSON_ROLES
           | (ORGANISATION_HEADS - word_set("house street hall post times news mirror")))


@dataclass(frozen=True)
class Mention:
    """Who a noun phrase names, as written, before coreference."""

    text: str
    kind: str
    start: int
    end: int
    titles: tuple[str, ...] = ()
    definite: bool = False
    sides: tuple[str, ...] = ()  # proper words beside the name: "Russian", "Southmark's"
    parts: tuple[Mention, ...] = ()  # the speakers of a joint subject, each as written

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(plain(word) for word in self.text.split())


def plain(word: str) -> str:
    """A word for comparison: lower case, no accents, straight apostrophe, no possessive ending.

    Accents go because one article spells a name both ways ("Erdoğan", "Erdogan").
    """
    word = word.lower().replace("’", "'")
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word)
                       if not unicodedata.combining(c))
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def is_proper(token: Token) -> bool:
    """Capitalised, and not a common word that only starts the sentence ("Prosecutors said");
    a name with a particle joined by a hyphen is proper too ("al-Qormozi", "el-Sisi")."""
    if not token.is_capitalised:
        prefix, _, rest = token.text.partition("-")
        return prefix.lower() in _HYPHEN_PARTICLES and rest[:1].isupper()
    return not token.initial or plain(token.text) not in _COMMON


_HYPHEN_PARTICLES = word_set("al el ad as ash at az ibn bin abu abd")


def _organisation(word: str) -> bool:
    """An organisation's head noun, in the singular or plural ("Services", "groups")."""
    singular = word[:-3] + "y" if word.endswith("ies") else word[:-1]  # "agencies", "groups"
    return word in ORGANISATION_HEADS or (word.endswith("s") and singular in ORGANISATION_HEADS)


def _joins_a_name(word: Token) -> bool:
    """A particle or an initial inside a name: "bin" (Mohammad bin Salman), "W." (Emily W.)."""
    return word.lower in NAME_PARTICLES or (len(word.text) <= 2 and word.text.endswith("."))


def _proper_or_title(token: Token) -> bool:
    """Proper, or a capitalised title opening the sentence ("President of Ukraine X")."""
    return is_proper(token) or (token.is_capitalised and is_title(plain(token.text)))


def is_title(word: str) -> bool:
    """A title word, also in compounds: "president-elect", "vice-president", "ex-minister"."""
    return word in TITLE_WORDS or (
        "-" in word and any(part in TITLE_WORDS for part in word.split("-"))
    )


def looks_like_adjective(word: str) -> bool:
    """A capitalised word that reads as an adjective of nationality: "Brazilian", "Iraqi"."""
    return plain(word).endswith(("ian", "an", "ese", "ish", "i"))


def _looks_proper(word: str) -> bool:
    """A sentence's first word that is a name all the same: "Russian", "Southmark's"."""
    return word.endswith(("'s", "’s", "ian", "an", "ese", "ish", "i"))


def read_phrase(tokens: list[Token]) -> Mention | None:
    """The speaker a noun phrase names, or None when it names nobody."""
    words = list(tokens)
    while words and (words[0].lower in _LEADING or not (words[0].is_word or words[0].quote)):
        words.pop(0)
    while words and not words[-1].is_word:
        words.pop()
    if not words or any(word.quote for word in words) or sum(w.is_word for w in words) > 16:
        return None
    if _negative(words):
        return None  # "no group", "nobody", "none of them": nobody who asserts anything
    if len(words) == 1 and words[0].lower in PRONOUNS:
        return _mention(words, PRONOUN, words[0].lower)
    if len(words) == 1 and words[0].lower == "some":  # "Some claim …": nobody named, unless
        return _mention(words, RUMOUR, "some")  # some of a group that has just spoken
    if len(words) == 1 and words[0].lower in OBJECT_PRONOUNS:  # "according to him"
        return _mention(words, PRONOUN, OBJECT_PRONOUNS[words[0].lower])
    words = _without_adverbial(words)
    while words and not words[0].is_word:  # "On Friday, thirteen agencies …"
        words = words[1:]
    while len(words) > 1 and adverb_like(words[-1].lower) and not words[-1].is_capitalised:
        words = words[:-1]  # "thirteen agencies … jointly (issued)"
    if not words:
        return None
    definite = words[0].lower in DETERMINERS and words[0].lower not in ("a", "an")
    if words[0].lower in DETERMINERS:
        words = words[1:]
    whole = _of_a_group(words)
    if whole is not None:
        return whole
    while len(words) > 1 and words[0].lower.endswith(_AFFILIATION_SUFFIXES):
        words = words[1:]  # "the Yemen-based Houthi movement", "the Kurdish-led forces"
    while words and (words[0].lower in DETERMINERS or words[0].lower in QUANTIFIERS):
        words.pop(0)
    if not words:
        return None
    if plain(words[0].text) in RUMOUR_HEADS:
        return _named_source(words) or _mention(words, RUMOUR, "")
    while len(words) > 2 and words[-2].lower in ("on", "last", "this") and (
        words[-1].lower in WEEKDAYS or words[-1].lower in ("week", "month", "year")
    ):
        words = words[:-2]  # "Haveeru Daily on Monday": the paper, not the day
    described = _described_source(words) or _document_by(words) or _exemplified(words)
    if described is not None:
        return described
    found = (_titled_name(words) or _person_of_body(words) or _joint(words)
             or _affiliated(words) or _spokesperson(words) or _named(words, definite))
    if found is not None and found.text.endswith(("'s", "’s")) and found.kind != PRONOUN:
        found = replace(found, text=found.text[:-2])  # "the White House's assertion"
    if found is None and definite and len(words) <= 2 and (
        plain(words[-1].text) in DOCUMENT_NOUNS
    ) and not any(w.is_capitalised and not w.initial for w in words):
        return _mention(words, DOCUMENT, plain(words[-1].text))  # "The statement read: …"
    return found


_NEGATIVE = word_set("nobody none neither nothing no-one noone")


def _negative(words: list[Token]) -> bool:
    """A phrase quantified by a negation names no one: "no group", "no one", "nobody", "none of
    the ministers", "neither side" (not "No. 10", Downing Street)."""
    first = words[0].lower
    following = words[1] if len(words) > 1 else None
    return first in _NEGATIVE or (first == "no" and following is not None and following.is_word
                                  and not following.text[:1].isdigit())


_NUMBERS = word_set("one two three four five six seven eight nine ten both all none another "
                    "others some several many most")


_SOURCE_POSTMODIFIERS = (("familiar", "with"), ("close", "to"), ("briefed", "on"),
                         ("with", "knowledge"), ("with", "direct"))


def _described_source(words: list[Token]) -> Mention | None:
    """"two people familiar with the matter", "a source close to the talks": people known by
    what they know, named as written."""
    pairs = [(w.lower, n.lower) for w, n in pairwise(words)]
    at = next((i for i, pair in enumerate(pairs) if pair in _SOURCE_POSTMODIFIERS), None)
    if not at:
        return None
    inner = read_phrase(words[:at])
    if inner is None or inner.kind not in (ROLE, GROUP):
        return None
    text = " ".join(w.text for w in words if w.start >= inner.start)
    return Mention(text, inner.kind, inner.start, words[-1].end, inner.titles, True, inner.sides)


def _named_source(words: list[Token]) -> Mention | None:
    """"Posts on the message board for the critics' site Operation Clambake": posts where a
    body is named after its kind ("site X", "the newspaper X") are that body's."""
    for i in range(1, len(words) - 1):
        if words[i].is_capitalised or not _organisation(plain(words[i].text)):
            continue
        end = i + 1
        while end < len(words) and is_proper(words[end]) and not (
            words[end].lower in WEEKDAYS or words[end].lower in _MONTHS
        ):
            end += 1
        named = read_phrase(words[i + 1 : end]) if end > i + 1 else None
        if named is not None and named.kind in (ORGANISATION, NAME, PERSON):
            return Mention(named.text, ORGANISATION, named.start, named.end, named.titles, True,
                           named.sides)
    return None


def _exemplified(words: list[Token]) -> Mention | None:
    """"other sites such as Gawker.com": a group given by examples, named as written."""
    at = next((i for i in range(1, len(words) - 2)
               if words[i].lower == "such" and words[i + 1].lower == "as"), None)
    if at is None:
        return None
    group = read_phrase(words[:at])
    if group is None or group.kind != GROUP:
        return None
    text = ""
    for before, word in pairwise([None, *(w for w in words if w.start >= group.start)]):
        assert word is not None
        text += (" " if before is not None and word.start > before.end else "") + word.text
    return Mention(text, GROUP, group.start, words[-1].end, group.titles, True, group.sides)


def _document_by(words: list[Token]) -> Mention | None:
    """"a statement by the baby's father to the agency X": a document speaks for its author,
    named after "by" (up to the preposition of its addressee); "a report in the Lakeside
    Post", "articles in medical journals (including X)": for the publication it appeared in."""
    if len(words) < 3 or words[1].lower not in ("by", "in") or not (
        plain(words[0].text) in DOCUMENT_NOUNS or plain(words[0].text)[:-1] in DOCUMENT_NOUNS
        or plain(words[0].text) in _PUBLISHED
    ):
        return None
    stops = ("to", "on", "in", "at") if words[1].lower == "by" else (
        "to", "on", "at", "including", "such", "about", "by")
    end = next((j for j in range(3, len(words)) if words[j].lower in stops), len(words))
    author = read_phrase(words[2:end])
    return author if author is not None and author.kind not in (DOCUMENT, RUMOUR) else None


_PUBLISHED = word_set("editorial editorials column columns study studies survey surveys audit "
                      "inquiry")


def _person_of_body(words: list[Token]) -> Mention | None:
    """"Professor Jonathan Turley of George Washington University": the person, whose body
    is known by its own name."""
    at = next((i for i, w in enumerate(words) if w.lower in ("of", "from", "at")), None)
    if at is None or at < 2 or at == len(words) - 1:
        return None
    person = read_phrase(words[:at])
    body = read_phrase(words[at + 1 :])
    if person is None or person.kind != PERSON or len(person.text.split()) < 2 or (
        body is None or body.kind != ORGANISATION
    ):
        return None
    return Mention(person.text, PERSON, words[0].start, words[-1].end, person.titles, False,
                   (*person.sides, *(plain(w) for w in body.text.split() if w[:1].isupper())))


def _titled_name(words: list[Token]) -> Mention | None:
    """A person's name after a long title naming the body they serve: "Muslim Student
    Association president Sehar Memon", "CEO of the Refugee Council Enver Solomon", "Afghan
    Ambassador to the United States Hamdullah Mohib"; the name is the proper words after the
    last title or organisation word."""
    if len(words) < 4 or any(w.lower in ("and", "&") or not (w.is_word or w.text in "-–")
                             for w in words):  # "Council on American - Islamic Relations"
        return None
    start = len(words)
    while start > 0 and is_proper(words[start - 1]) and (
        not name_stop(plain(words[start - 1].text))
    ):
        start -= 1
    name = words[start:]
    if not 2 <= len(name) <= 3 or start < 2 or not name_stop(plain(words[start - 1].text)):
        return None
    for i in range(2, start):  # "Peter Iseley of the group Ending Clergy Abuse": his group's
        lead = words[i - 2 : i]
        if words[i].lower in _SPLITTERS and all(
            is_proper(w) and not name_stop(plain(w.text)) for w in lead
        ):
            return None
    titles = tuple(plain(w.text) for w in words[:start])
    return _mention(words, PERSON, " ".join(w.text for w in name), titles)


def name_stop(word: str) -> bool:
    """A word that ends a title or an organisation's name rather than starting a person's."""
    return is_title(word) or _organisation(word) or word in HONORIFICS or word in _BODY_ENDINGS


# Last words of a body's or a place's name that are not organisation heads: "Council on
# American-Islamic Relations", "Ambassador to the United States".
_BODY_ENDINGS = PLACE_WORDS | word_set("relations affairs rights nations states")


def _of_a_group(words: list[Token]) -> Mention | None:
    """"One of the users", "some of the residents": part of a group, named as written;
    "a number of Senators", "an assembly of foreign ministers": the group itself."""
    if len(words) < 3 or words[1].lower not in ("of", "in"):
        return None
    first = words[0].lower
    if first not in PARTITIVES and first not in COLLECTIVES:
        return None
    if words[1].lower == "in":  # "Many in Congress": named as written
        inner = read_phrase(words[2:])
        if inner is None or inner.kind not in (ORGANISATION, GROUP, NAME):
            return None
        return Mention(" ".join(w.text for w in words), GROUP, words[0].start, words[-1].end)
    inner = read_phrase(words[2:])
    if inner is not None and inner.kind == NAME and _plural_of_a_role(inner.text):
        inner = Mention(inner.text, GROUP, inner.start, inner.end)  # "a number of Senators"
    if inner is None or inner.kind not in (GROUP, ORGANISATION) or (
        first in COLLECTIVES and inner.kind != GROUP
    ):
        return None
    if first in COLLECTIVES:
        return inner
    kind = ROLE if first in ("one", "each", "either") else GROUP
    text = " ".join(w.text for w in words)
    return Mention(text, kind, words[0].start, words[-1].end, inner.titles, True, inner.sides)


def _plural_of_a_role(word: str) -> bool:
    """"Senators", "Ministers": a title in the plural, a group of people."""
    singular = plain(word).removesuffix("s")
    return plain(word).endswith("s") and (singular in TITLE_WORDS or singular in PERSON_ROLES)


def _joint(words: list[Token]) -> Mention | None:
    """"The ministry and its contractor": one speaker named by both, a group.

    Only when each side names a speaker by itself ("Dick Durbin and Adam Schiff"); a name
    with "and" in it ("Ministry of Trade and Industry") reads as one name instead.
    """
    cuts = [i for i, w in enumerate(words) if w.lower == "and" and 0 < i < len(words) - 1]
    if not cuts or (words[cuts[0] - 1].is_capitalised and words[cuts[0] + 1].is_capitalised and (
        _organisation(plain(words[-1].text))
    )):
        return None
    final = cuts[-1]
    if final == len(words) - 2 and words[final - 1].is_capitalised and is_proper(words[-1]) and (
        any(w.lower in ("of", "at", "from") for w in words[:final])
    ):  # "Matthew Ingram of The Globe and Mail": the "and" is inside the body's name
        return None
    parts, start = [], 0
    for cut in [*cuts, len(words)]:
        part = read_phrase(words[start:cut])
        if part is None or part.kind in (PRONOUN, RUMOUR) or not part.text:
            return None
        parts.append(part)
        start = cut + 1
    if parts[-1].kind == PERSON and all(part.kind == ROLE for part in parts[:-1]):
        # "Retired FBI agent and terrorism specialist Ali Soufan": titles of one person
        titles = tuple(t for part in parts for t in part.titles)
        last = parts[-1]
        return Mention(last.text, PERSON, last.start, last.end, titles, last.definite, last.sides)
    text = " and ".join(part.text for part in parts)
    return Mention(text, GROUP, words[0].start, words[-1].end, (), True,
                   tuple(s for part in parts for s in part.sides), tuple(parts))


def _without_adverbial(words: list[Token]) -> list[Token]:
    """The noun phrase left after a leading time or place adverbial, if any.

    "On Wednesday" names nobody; "A few days later the administration" is the administration:
    a determiner after a word that is neither a preposition nor a possessive starts the phrase.
    """
    if words[0].lower in _ADVERBIAL_LEADS or words[0].lower in _MONTHS or (
        words[0].lower in WEEKDAYS and len(words) > 1
    ):
        words = words[1:] if words[0].lower in _ADVERBIAL_LEADS else words
        while words and (words[0].lower in WEEKDAYS or words[0].lower in _MONTHS
                         or words[0].text[:1].isdigit()):
            words = words[1:]  # "On Wednesday", "March 8 media": a date, then who
    words = [w for w in words if not w.lower.endswith("-year-old")]  # "Fifteen-year-old X"
    for i in range(len(words) - 1, 0, -1):
        before = words[i - 1]
        if words[i].lower in ("the", "a", "an") and before.lower not in PREPOSITIONS | {
            "of", "and", "&", "by", "within", "across", "among", "around", "throughout"
        } and not before.text.endswith(("'s", "’s")):
            return words[i:]
    return words


def _possessive(word: Token, words: list[Token]) -> bool:
    """A possessor inside a speaker's name that is not the whole name ("Trump's advisors"):
    the speakers' side, whose negations they speak for."""
    return word.text.endswith(("'s", "’s")) and word is not words[-1]


def _mention(words: list[Token], kind: str, text: str, titles: tuple[str, ...] = (),
             definite: bool = False) -> Mention:
    named = {plain(word) for word in text.split()}
    before_preposition = words[: next(
        (i for i, w in enumerate(words) if i and w.lower in _SPLITTERS), len(words))]
    sides = tuple(
        plain(w.text) for w in before_preposition
        if w.is_capitalised and plain(w.text) not in _NOT_SIDES
        and (plain(w.text) not in named or _possessive(w, words))
        and (not w.initial or _looks_proper(w.text))
    )
    return Mention(text, kind, words[0].start, words[-1].end, titles, definite, sides)


def _affiliated(words: list[Token]) -> Mention | None:
    """"A spokeswoman for the UN", "analysts at Brennock Securities": the body they speak for."""
    for i in range(1, len(words) - 1):
        affiliation = words[i].lower in ("for", "at", "from", "of")
        # a capitalised word inside the phrase is a title: "Representative for Iran Brian Hook"
        titled = words[i - 1].is_capitalised and not words[i - 1].initial
        if affiliation and plain(words[i - 1].text) in _AFFILIATED and not titled:
            inner = read_phrase(words[i + 1 :])
            unnamed = inner is not None and not any(w[:1].isupper() for w in inner.text.split())
            if unnamed and plain(words[i - 1].text) in GROUP_HEADS:
                return None  # "engineers at the site" are engineers, not the site
            if inner is not None and inner.kind not in (PRONOUN, RUMOUR):
                return Mention(inner.text, inner.kind, inner.start, inner.end, inner.titles, True,
                               inner.sides)
    return None


def _spokesperson(words: list[Token]) -> Mention | None:
    """"A Velonta spokesman", "Ms Hale's office": the speaker is whoever they speak for."""
    head = words[-1].lower
    if len(words) < 2 or head not in SPOKESPEOPLE | DOCUMENT_NOUNS | {"office", "aides", "camp"}:
        return None
    owner = words[:-1]
    if any(w.lower in _SPLITTERS for w in owner):
        return None  # "the ministry at the time of the report": the report is not its owner's
    possessive = [i for i, w in enumerate(owner) if w.text.endswith(("'s", "’s", "s'", "s’"))]
    if not possessive and head in DOCUMENT_NOUNS and words[-1].is_capitalised and (
        not words[-1].initial
    ):
        return None  # "the Washington Post", "the Drudge Report": a name, not a document
    if possessive:  # "RIAA's DMCA notice", "the WHO's situation report": whose it is
        owner = owner[: possessive[-1] + 1]
    elif head == "office":
        return None  # "the Home Office", "the Foreign Office": a name, not someone's office
    inner = read_phrase(owner)
    # "the minister's spokesman", "Ms Hale's office": whoever they speak for, a role too
    allowed = (ORGANISATION, NAME, PERSON, GROUP, *((ROLE,) if possessive else ()))
    if inner is None or inner.kind not in allowed:
        return None  # "treasury spokesman": a role, named in an apposition
    text = inner.text[:-2] if inner.text.endswith(("'s", "’s")) else inner.text
    return Mention(text, inner.kind, inner.start, inner.end, inner.titles, True, inner.sides)


_CLASS_ORDINALS = frozenset({"first", "second", "third"})


def _named(words: list[Token], definite: bool) -> Mention | None:
    core, rest = _split_at_preposition(words)
    text = " ".join(w.text for w in words)
    run_start = _last_proper_run(core)
    head = plain(core[-1].text)
    if run_start is None or (run_start < len(core) and not is_proper(core[-1])):
        if rest and rest[0].lower in ("on", "in", "at") and len(rest) > 2 and (
            rest[1].lower in ("the", "a", "an") and head in GROUP_HEADS and head != "others"
            and not rest[2].is_capitalised
        ):  # "residents on the small island of X": the residents, where they live aside
            return _by_head(core, head, " ".join(w.text for w in core), definite)
        return _by_head(words, head, text, definite)
    run = core[run_start:]
    while len(run) > 1 and run[0].text.lower().endswith(_AFFILIATION_SUFFIXES):
        run = run[1:]  # "the Kurdish-led Syrian Democratic Forces", "the Yemen-based Houthis"
        run_start += 1
    before = [plain(w.text) for w in core[:run_start]]
    run_words = [plain(w.text) for w in run]
    if any(_organisation(word) for word in run_words) or (
        before and _organisation(before[-1])
    ):
        name = " ".join(w.text for w in run) + "".join(" " + w.text for w in rest)
        if run_start > 1 and core[run_start - 2].text.isdigit() and (
            core[run_start - 1].lower in ("st", "nd", "rd", "th")
            and core[run_start - 1].start == core[run_start - 2].end
        ):  # "the 9th Circuit Court of Appeals"
            name = core[run_start - 2].text + core[run_start - 1].text + " " + name
            before = before[:-2]
        return _mention(words, ORGANISATION, name, tuple(before))
    if rest and any(plain(w.text) in PLACE_WORDS for w in run):
        return None
    name_start = max(
        (i + 1 for i, w in enumerate(run_words) if is_title(w) or w in HONORIFICS or (
            i == 0 and len(run_words) > 2 and names_people(w) and not _organisation(w)
        )),  # "Ecologist Ryan Norris", "Voter Kitty Mak": what they are, then who
        default=0,
    )
    # "BBC's Jonathan Marcus": what comes before a possessive is whose, not who.
    name_start = max([name_start] + [i + 1 for i, w in enumerate(run[:-1])
                                     if w.text.endswith(("'s", "’s"))])
    named = run[name_start:]
    # "Sergeant First Class X", "Petty Officer Second Class X": an ordinal and "Class" after a
    # rank are part of the rank, not of the name
    while name_start and len(named) > 2 and named[1].lower == "class" and (
        plain(named[0].text) in _CLASS_ORDINALS
    ):
        name_start += 2
        named = run[name_start:]
    # "President of Ukraine Volodymyr Zelenskyy": the place of the title comes first
    lead = run_start - 1 - (run_start > 2 and core[run_start - 1].lower == "the")
    to_place = (name_start == 0 and lead > 0 and core[lead].lower in ("to", "for", "from")
                and is_title(plain(core[lead - 1].text)))  # "Ambassador to (the) Germany X"
    if named and (named[0].lower in ("of", "for") or to_place):
        named = named[1:] if named[0].lower in ("of", "for") else named
        while len(named) > 3 or (len(named) > 2 and not _joins_a_name(named[-2])):
            named = named[1:]
    # "Mohammad bin Salman of Saudi Arabia": a person's name ends before "of".
    of_at = next((i for i, w in enumerate(named) if i and w.lower in ("of", "for")), None)
    if of_at is not None:
        named = named[:of_at]
    titles = (*before, *run_words[:name_start])
    if not named:
        return _mention(words, ROLE, " ".join(w.text for w in run), titles, definite)
    if any(plain(w.text) in PLACE_WORDS for w in named):
        return None
    if len(named) == 1 and (plain(named[0].text) in _NUMBERS or named[0].lower in _MONTHS):
        return None  # "One revealed …": a number, not a name
    kind = PERSON if len(named) > 1 or titles else NAME
    if kind == PERSON and definite and not titles and run_start == 0:
        kind = ORGANISATION  # "the United States", "the Czech Republic": nobody is "the X Y"
    text = " ".join(w.text for w in named)
    return _mention(words, kind, text.removesuffix("'s").removesuffix("’s"), titles)


def _by_head(words: list[Token], head: str, text: str, definite: bool) -> Mention | None:
    """A phrase without a proper name at its end, known by its head noun."""
    if head in ORGANISATION_HEADS:
        return _mention(words, ORGANISATION, text, (head,), definite)
    if head in GROUP_HEADS or _organisation(head) or _plural_of_a_role(head):
        return _mention(words, GROUP, text, (head,), definite)  # "officials", "senators"
    if head in PERSON_ROLES:
        titles = tuple(plain(w.text) for w in words)
        return _mention(words, ROLE, text, titles, definite)
    if names_people(head) and len(words) <= 4 and all(
        w.is_word and (not w.is_capitalised or i == 0) and w.lower not in _SPLITTERS
        for i, w in enumerate(words)
    ):
        # "the family", "archaeologists", "the bus driver": people by what they are
        kind = GROUP if head.endswith("s") or head in ("police", "crew", "staff") else ROLE
        return _mention(words, kind, text, (), definite)  # no title: nobody else holds it
    return None


def _split_at_preposition(words: list[Token]) -> tuple[list[Token], list[Token]]:
    """"Health officials | in Marvale"; "Ministry of Defence" stays whole (a proper name)."""
    for i in range(1, len(words) - 1):
        word = words[i].lower
        joins_names = (word in _NAME_JOINERS or (
            word == "from" and is_title(plain(words[i - 1].text))  # "Senator from Vermont X"
        )) and _proper_or_title(words[i - 1]) and is_proper(words[i + 1])
        if word in _SPLITTERS and not joins_names:
            return words[:i], words[i:]
    return words, []


def _last_proper_run(words: list[Token]) -> int | None:
    """Index where the last run of proper words starts ("Ministry of Defence" is one run)."""
    end = len(words)
    while end > 0 and not is_proper(words[end - 1]):
        end -= 1
    if end == 0:
        return None
    start = end - 1
    while start > 0 and (
        is_proper(words[start - 1])
        or (words[start - 1].lower in _NAME_JOINERS | NAME_PARTICLES and start > 1
            and _proper_or_title(words[start - 2]))
    ):
        start -= 1
    return start
