"""Who is who in one article: a small coreference rule set.

- "he"/"she" is the last person who spoke (else the last person named); "it" the last
  organisation that spoke or opened a sentence; "they" the last group or organisation that did.
- An acronym in brackets is the name before it ("United Nations Educational, Scientific and
  Cultural Organization (UNESCO)"); an organisation named shorter is the one named in full
  before ("the Home Office" after "the United Kingdom Home Office").
- A surname alone ("Lavrov") is the full name met earlier ("Sergey Lavrov"), else later.
- A role ("Russia's top diplomat", "the spokesman") is the person named with that title,
  the last one before, else the first one after (a lede names people before introducing them).
- A definite description ("the ministry", "the company") is the last organisation that spoke
  and fits the description, including descriptions met next to its name ("the mining company
  Redstone Minerals").

Who each sentence names, and how, is read by ``naming``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from claimtrack.extract import naming, phrases
from claimtrack.extract.lexicon import ORGANISATION_HEADS, ROLE_SYNONYMS, word_set
from claimtrack.extract.phrases import (
    DOCUMENT,
    GROUP,
    NAME,
    ORGANISATION,
    PERSON,
    PRONOUN,
    ROLE,
    RUMOUR,
    Mention,
    plain,
)
from claimtrack.extract.segment import Unit

_GENDERED = {
    **dict.fromkeys(word_set("mr mr. sir lord king prince spokesman chairman businessman "
                             "congressman"), "m"),
    **dict.fromkeys(word_set("ms ms. mrs mrs. miss dame lady queen princess spokeswoman "
                             "chairwoman businesswoman congresswoman"), "f"),
}
_ANY_COMPANY = word_set("company firm group operator business carrier airline corporation")
_RIVALS = {"top": frozenset({"deputy", "vice", "assistant"})}


@dataclass
class Entity:
    """A speaker met in the article under one or more names."""

    name: str
    kind: str
    titles: set[str] = field(default_factory=set)
    mentions: list[str] = field(default_factory=list)
    seen: int = 0
    spoke: int = -1
    gender: str = ""  # "m" or "f" once a title, an honorific or a pronoun has told
    sides: set[str] = field(default_factory=set)  # "southmark" for Southmark's minister
    # Where it is a subject, as (rank, from): "he" after ``from`` may mean it, ranked as if
    # met at ``rank`` (see Registry.__init__)
    subjects: list[tuple[int, int]] = field(default_factory=list)
    _plain_words: list[str] | None = field(default=None, repr=False)

    def recency(self, position: int) -> int:
        """The last time before ``position`` it spoke or was the subject of a sentence."""
        subjects = [rank for rank, since in self.subjects if since < position]
        return max([p for p in (self.spoke, *subjects) if 0 <= p < position], default=-1)

    @property
    def plain_words(self) -> list[str]:
        if self._plain_words is None:
            self._plain_words = _words_of(self.name)
        return self._plain_words

    @property
    def surname(self) -> str:
        return plain(self.name.split()[-1])

    def note(self, mention: Mention) -> None:
        self.titles.update(mention.titles)
        self.sides.update(mention.sides)
        for title in mention.titles:
            self.gender = self.gender or _GENDERED.get(title, "")
        if mention.text and mention.text not in self.mentions:
            self.mentions.append(mention.text)


class Registry:
    """The people and organisations of one article, for resolving later mentions."""

    def __init__(self, units: list[Unit]) -> None:
        self.entities: dict[str, Entity] = {}
        self.aliases: dict[str, Entity] = {}  # "sdf" for "Syrian Democratic Forces (SDF)"
        # "an army psychiatrist" (position, head, words): what "the psychiatrist" refers to
        self.introduced: list[tuple[int, str, str]] = []
        # "X issued a statement" (position, "statement", X): who "the statement" speaks for
        self.issued: list[tuple[int, str, Mention]] = []
        # Groups of people named anywhere in each sentence ("attracted supporters of X"), by
        # where the sentence starts: what "They" opening the next sentence may stand for
        self.groups: list[tuple[int, list[Mention]]] = []
        for unit in units:
            self.groups.append((unit.start, naming.groups_in(unit.tokens)))
            self.introduced.extend(naming.introduced(unit.tokens))
            self.issued.extend(naming.issued(unit.tokens))
            for mention in naming.named_in(unit.tokens):
                entity: Entity | None = None
                # Where it counts as a subject for "he"/"she": where it opens the sentence; the
                # subject of a clause inside the sentence ranks just before the sentence, below
                # its main subject ("Berg said that Lind had used …. 'It is clear,' she said"),
                # and only for pronouns in later sentences: in its own sentence the pronoun is
                # the main subject ("She added that the United States would …" is not the U.S.).
                subject = (mention.start, mention.start) if naming.starts(
                    unit.tokens, mention.start) else (
                    (unit.start - 1, unit.end) if naming.before_verb(unit.tokens, mention.end)
                    else None
                )
                if mention.kind == NAME:  # "Trump had asked …": a person met before
                    person = self._by_surname(mention.text, mention.start)
                    if person is not None and subject is not None:
                        person.subjects.append(subject)
                    continue
                if mention.kind == PERSON:
                    entity = self._person(mention, mention.start)
                    if subject is not None:
                        entity.subjects.append(subject)
                elif _has_proper(mention.text):
                    entity = self._entity(mention, mention.kind, mention.text)
                    if subject is not None:  # "The Commission criticized the move. They …"
                        entity.subjects.append(subject)
                acronym = naming.acronym_after(unit.tokens, mention.end)
                if entity is not None and acronym and naming.initials_fit(acronym, entity.name):
                    self.aliases.setdefault(acronym, entity)
            for acronym, name in naming.spelled_out(unit.tokens):  # a name with commas inside
                if acronym not in self.aliases:
                    mention = Mention(name, ORGANISATION, unit.start, unit.start)
                    self.aliases[acronym] = self._entity(mention, ORGANISATION, name)

    def resolve(self, mention: Mention, position: int) -> Entity | None:
        """The entity a mention refers to (created when new); None for a rumour or no antecedent."""
        kind = mention.kind
        if kind == RUMOUR:  # "Residents said …. Some also noted …": some of those residents
            return self._group_just_spoken(position) if mention.text == "some" else None
        if kind == PRONOUN:
            return self._pronoun(mention.text, position)
        if mention.parts:  # "Biden and others in the Democratic Party"
            found = [self.resolve(part, position) for part in mention.parts]
            names = [entity.name if entity else part.text
                     for entity, part in zip(found, mention.parts, strict=True)]
            return self._entity(mention, GROUP, " and ".join(names))
        if kind == PERSON:
            return self._person(mention, position)
        known = self.aliases.get(plain(mention.text))
        if known is not None and len(mention.words) == 1:
            known.note(mention)
            return known
        if kind == NAME:
            person = self._by_surname(mention.text, position) or self._by_first_name(
                mention.text, position)
            body = None if person else self._short_for(mention, position)
            tail = None if person or body else self._end_of_a_name(mention, position)
            return person or body or tail or self._entity(mention, ORGANISATION, mention.text)
        if kind == DOCUMENT:
            issuers = [(at, who) for at, noun, who in self.issued
                       if noun == mention.text and at < position]
            return self.resolve(issuers[-1][1], issuers[-1][0]) if issuers else None
        if kind == ROLE and mention.definite and len(mention.words) == 1:
            one = [e for e in self.entities.values() if e.kind == ROLE and e.seen < position
                   and e.plain_words[1:] == list(mention.words) and e.plain_words[0] == "one"]
            if one:  # "One poster admitted …. The poster wrote …": the same one
                chosen = max(one, key=lambda e: max(e.seen, e.spoke))
                chosen.note(mention)
                return chosen
        if kind == ROLE:
            described = self._introduced_as(mention, position)
            if described is not None:  # "the psychiatrist" after "an army psychiatrist"
                return self._entity(mention, ROLE, described)
            holder = self._role_holder(mention, position)  # "the driver" after "driver John Smith"
            return holder if holder else self._entity(mention, ROLE, mention.text)
        if kind == ORGANISATION and len(mention.words) == 1:
            body = self._short_for(mention, position)  # "the Church", "the Court"
            if body is not None:
                return body
        if kind == ORGANISATION and mention.definite and not _has_proper(mention.text):
            known = self._described(mention, position)
            if known is not None:
                known.note(mention)
                return known
        if kind in (ORGANISATION, GROUP) and len(mention.words) > 1 and (
            not _has_proper(mention.text) or kind == ORGANISATION
        ):  # "state media" after "Syrian state media", "the Home Office" after "the United
            # Kingdom Home Office": the same, named shorter
            longer = [e for e in self.entities.values() if e.kind in (ORGANISATION, GROUP)
                      and e.plain_words[-len(mention.words):] == list(mention.words)
                      and len(e.plain_words) > len(mention.words) and e.seen < position]
            if longer:
                chosen = max(longer, key=lambda e: max(e.seen, e.spoke))
                chosen.note(mention)
                return chosen
        return self._entity(mention, kind, mention.text)

    def spoke(self, entity: Entity, position: int) -> None:
        """Remember that ``entity`` spoke at ``position`` (for pronouns and descriptions)."""
        entity.spoke = max(entity.spoke, position)

    def _entity(self, mention: Mention, kind: str, name: str) -> Entity:
        key = name.lower()
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(name, kind, seen=mention.start)
        entity.note(mention)
        return entity

    def _person(self, mention: Mention, position: int) -> Entity:
        key = mention.text.lower()
        if key not in self.entities or self.entities[key].kind != PERSON:
            wanted = _words_of(mention.text)
            longer = [e for e in self._people() if len(e.plain_words) > len(wanted)
                      and e.plain_words[-len(wanted):] == wanted]
            if longer:
                longer[0].note(mention)
                return longer[0]
        return self._entity(mention, PERSON, mention.text)

    def _end_of_a_name(self, mention: Mention, position: int) -> Entity | None:
        """"Jafari said" after "Psychology major at University of Texas Arlington Amneh
        Jafari": a surname that ends a long name read as a body's is the person named by its
        last two words."""
        wanted = plain(mention.text)
        if phrases.name_stop(wanted):
            return None
        for entity in self.entities.values():
            words = entity.name.split()
            if entity.kind != ORGANISATION or len(words) < 4 or entity.seen >= position or (
                entity.plain_words[-1] != wanted
            ):
                continue
            first = entity.plain_words[-2]
            if words[-2][:1].isupper() and not phrases.name_stop(first) and (
                first not in phrases.PLACE_WORDS
            ) and any(phrases.name_stop(w) for w in entity.plain_words[:-2]):
                name = " ".join(words[-2:])
                return self._person(Mention(name, PERSON, mention.start, mention.end), position)
        return None

    def _people(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == PERSON]

    def _by_surname(self, word: str, position: int) -> Entity | None:
        wanted = plain(word)
        people = [e for e in self._people() if len(e.name.split()) > 1]
        found = [e for e in people if e.surname == wanted]
        if not found and word[:1].isupper() and not self.entities.get(word.lower()):
            # "Saree" for "Yahya Sarea", "Demriel" for "Füsun Demirel": a transliterated name
            # spelt one letter off, by nobody else of the article
            found = [e for e in people if _one_letter_off(e.surname, wanted)]
            found = found if len(found) == 1 else []
        return _nearest(found, position)

    def _by_first_name(self, word: str, position: int) -> Entity | None:
        """"David also stated" after "David DeBatto": a first name used alone."""
        wanted = plain(word)
        found = [e for e in self._people() if len(e.name.split()) > 1
                 and plain(e.name.split()[0]) == wanted]
        return _nearest(found, position) if len(found) == 1 else None

    def _pronoun(self, pronoun: str, position: int) -> Entity | None:
        if pronoun in ("he", "she"):
            gender = "m" if pronoun == "he" else "f"
            people = [e for e in self.entities.values()
                      if e.kind in (PERSON, ROLE) and e.gender in ("", gender)]
            recent = [e for e in people if e.recency(position) >= 0]
            named = [e for e in people if e.seen < position]
            chosen: Entity | None = None
            if recent:
                chosen = max(recent, key=lambda e: e.recency(position))
            elif named:
                chosen = max(named, key=lambda e: e.seen)
            if chosen is not None:
                chosen.gender = chosen.gender or gender
            return chosen
        if pronoun == "they":
            group = self._group_before(position)
            if group is not None:
                return self._entity(group, GROUP, group.text)
        kinds = (ORGANISATION, NAME) if pronoun == "it" else (GROUP, ORGANISATION)
        recent = [e for e in self.entities.values()
                  if e.kind in kinds and e.recency(position) >= 0]
        if recent:
            return max(recent, key=lambda e: e.recency(position))
        group = self._group_before(position, back=4) if pronoun == "they" else None
        return self._entity(group, GROUP, group.text) if group is not None else None

    def _group_before(self, position: int, back: int = 1) -> Mention | None:
        """The last group of people named in the sentence before the one at ``position``
        ("The case has attracted supporters of Selek. They claim …"): the nearest antecedent
        "they" can have; with ``back`` 4, in one of the four sentences before (when nobody
        who spoke fits)."""
        at = bisect_right(self.groups, position, key=lambda pair: pair[0]) - 1
        for earlier in range(at - 1, max(at - 1 - back, -1), -1):
            if self.groups[earlier][1]:
                return self.groups[earlier][1][-1]
        return None

    def _group_just_spoken(self, position: int) -> Entity | None:
        """The group that spoke in the sentence before the one at ``position``, if any."""
        at = bisect_right(self.groups, position, key=lambda pair: pair[0]) - 1
        if at < 1:
            return None
        since, until = self.groups[at - 1][0], self.groups[at][0]
        spoken = [e for e in self.entities.values() if e.kind == GROUP and since <= e.spoke < until]
        return max(spoken, key=lambda e: e.spoke) if spoken else None

    def _introduced_as(self, mention: Mention, position: int) -> str | None:
        """How a person named by no title was brought in: "army psychiatrist" for "the
        psychiatrist"."""
        if mention.titles or not mention.definite:
            return None
        head = plain(mention.text.split()[-1])
        earlier = [text for at, word, text in self.introduced if word == head and at < position]
        return earlier[-1] if earlier else None

    def _short_for(self, mention: Mention, position: int) -> Entity | None:
        """"the Church" after "the Church of Scientology", "the Court" after "the Supreme
        Court": an organisation named by the head word its full name starts or ends with."""
        word = plain(mention.text)
        if word not in ORGANISATION_HEADS:
            return None
        longer = [e for e in self.entities.values() if e.kind == ORGANISATION
                  and word in (e.plain_words[0], e.plain_words[-1]) and len(e.plain_words) > 1
                  and e.seen < position]
        if not longer:
            return None
        chosen = max(longer, key=lambda e: max(e.seen, e.spoke))
        chosen.note(mention)
        return chosen

    def _role_holder(self, mention: Mention, position: int) -> Entity | None:
        words = set(mention.titles) | set(mention.words)
        head = plain(mention.text.split()[-1])
        wanted = [{head}, *(set(phrase.split()) for phrase in ROLE_SYNONYMS.get(head, ()))]
        countries = _country_words(mention)
        found = []
        for person in self._people():
            if not any(need <= person.titles for need in wanted):
                continue
            if any(person.titles & _RIVALS.get(word, frozenset()) for word in words):
                continue
            if countries and not countries & {title[:4] for title in person.titles}:
                continue
            found.append(person)
        return _nearest(found, position)

    def _described(self, mention: Mention, position: int) -> Entity | None:
        wanted = set(mention.words)
        found = [
            e for e in self.entities.values()
            if e.kind in (ORGANISATION, NAME) and e.seen < position
            and wanted <= ({plain(w) for w in e.name.split()} | e.titles)
        ]
        spoke = [e for e in found if 0 <= e.spoke < position]
        if spoke:
            return max(spoke, key=lambda e: e.spoke)
        if found:
            return max(found, key=lambda e: e.seen)
        if wanted & _ANY_COMPANY:  # "the company": the last company that spoke
            named = [e for e in self.entities.values() if e.kind in (ORGANISATION, NAME)
                     and _has_proper(e.name) and 0 <= e.spoke < position]
            return max(named, key=lambda e: e.spoke) if named else None
        return None


def _nearest(found: list[Entity], position: int) -> Entity | None:
    """The last one met before ``position``, else the first one met after it."""
    before = [e for e in found if e.seen < position]
    if before:
        return max(before, key=lambda e: max(e.seen, e.spoke))
    return min(found, key=lambda e: e.seen) if found else None


def _one_letter_off(one: str, other: str) -> bool:
    """The same surname misspelt: one letter changed or two neighbours swapped, in a word of
    five letters or more with the same first two ("sarea"/"saree", "demirel"/"demriel")."""
    if len(one) != len(other) or len(one) < 5 or one[:2] != other[:2] or one == other:
        return False
    differ = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
    if len(differ) == 1:
        return one.isalpha() and other.isalpha()
    return len(differ) == 2 and differ[1] == differ[0] + 1 and (
        one[differ[0]] == other[differ[1]] and one[differ[1]] == other[differ[0]])


def _country_words(mention: Mention) -> set[str]:
    """Stems of the proper words in a role ("Russia's top diplomat" -> {"russ"})."""
    return {plain(word)[:4] for word in mention.text.split() if word[:1].isupper()} - {
        plain(mention.text.split()[-1])[:4]
    }


def _words_of(name: str) -> list[str]:
    return [plain(word) for word in name.split()]


def _has_proper(text: str) -> bool:
    return any(word[:1].isupper() for word in text.split())


