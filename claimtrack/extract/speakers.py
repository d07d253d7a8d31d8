"""One reporting event from one candidate verb: whose it is and, through ``contents``, its words.

The speaker is the subject before the verb (``subjects``), the one after it when inverted ("…,
said a senior official"), the antecedent of a relative clause ("…, which said"), the subject of
the sentence for a participle (", adding …"), the agent of a passive ("was described as X by
the police"), or the outlet quoting an anonymous source ("a government source told Reuters").
A candidate is no event when nobody asserts anything: a negated or passive verb ("did not
deny", "was said"), an adjective ("the alleged gunman"), a name given ("dubbed 'Freedom
Square'"), a person read ("I read the article").
"""

from __future__ import annotations

from claimtrack.extract import contents, owners, phrases, sources
from claimtrack.extract.attribution import on_the_grounds, passive_agent
from claimtrack.extract.event import ACCORDING, ALLEGATION, HEDGE, Candidate, Event
from claimtrack.extract.lexicon import (
    BASE_FORMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    INVERTED_SAY,
    ISSUING,
    PARTICIPLES,
    PREPOSITIONS,
    REPORTING_VERBS,
    STOPWORDS,
    VerbClass,
    word_set,
)
from claimtrack.extract.phrases import Mention
from claimtrack.extract.segment import Token, Unit
from claimtrack.extract.subjects import (
    VERBISH,
    Subject,
    quote_before_verb,
    skip_back,
    subject_after,
    subject_before,
)

_NOUN_BASE_FORMS = word_set("claim report stress dispute")
# Words after which "alleged", "reported" start a noun phrase: "the alleged gunman".
_NOUN_PHRASE_LEADS = PREPOSITIONS | word_set("the a an this that these those his her its their "
                                             "our my your of")
# A document before a participle says what its author says: "posted a message blaming X".
_WRITINGS = DOCUMENT_NOUNS | word_set("video interview speech")
_ANONYMOUS = word_set("source sources anonymous unnamed unidentified insider insiders")
_FRONTED_ADJUNCTS = PREPOSITIONS | word_set("unlike like despite besides beyond")


def read_event(unit: Unit, candidate: Candidate, events: list[Event]) -> Event | None:
    """The event a candidate verb starts, given the events before it in the sentence; None
    when nobody asserts anything there."""
    tokens = unit.tokens
    event = Event(candidate.verb_class, candidate.verb, unit, (candidate.start, candidate.stop))
    if candidate.verb_class == ACCORDING:
        return sources.according(event)
    if candidate.verb_class == ALLEGATION:
        return contents.allegation(event)
    if candidate.verb == "on the grounds that":
        return on_the_grounds(event, candidate)
    i, seen = skip_back(tokens, candidate.start - 1)
    finding = candidate.verb in contents.FINDING and "passive" not in seen
    if "negated" not in seen and candidate.verb not in contents.FINDING and (
        "passive" in seen or (candidate.verb.endswith("ed") and _next_is(tokens, candidate, "by"))
    ):
        agent = passive_agent(event, candidate)
        if agent is not None:  # 'described as "knife-obsessed" by the police'
            return agent
    if seen == {"passive"} and candidate.verb_class == VerbClass.SAY and i >= 0 and (
        tokens[i].lower == "it" and _next_is(tokens, candidate, "that")
    ):  # "It has been claimed that …": nobody yet; a later "That claim was made by X" names X
        event.flags.add("agentless")
        return contents.with_content(event, candidate, None)
    if seen & {"negated", "passive"} and candidate.verb_class != HEDGE and not finding:
        return None  # "did not deny", "was said", "has been accused": nobody here asserts
    told = candidate.verb in ("told", "warned", "informed") and candidate.stop < len(tokens) and (
        tokens[candidate.stop].lower in ("that", "to"))
    if told and i >= 0 and tokens[i].lower == "and" and _passive_before(tokens, i):
        return None  # "I was hauled in and told that …": told, with no one told, is passive
    event.flags |= seen
    before = tokens[i] if i >= 0 else None
    coordinated = before is not None and (
        before.lower in ("and", "but")
        or (_participle(candidate) and (before.text == "," or comma_quote(before)
                                         or before.lower in ("while", "whilst")))
    )  # "…, adding …", "defended the record whilst promising …": the subject's words
    if _participle(candidate) and before is not None and not coordinated and (
        before.lower == "by" or _after_a_writing(tokens, i)
    ):  # "tried to have him released by saying …", "posted a message on Twitter blaming …"
        coordinated, events = True, []
        if before.lower != "by" and _anonymous_writing(tokens, i):
            # "free since the publication of a report rejecting the claim": nobody named wrote it
            event.mention = phrases.Mention("", phrases.RUMOUR, tokens[i].start, tokens[i].end)
            return contents.with_content(event, candidate, None)
    absolute = owners.absolute_subject(tokens, i) if _participle(candidate) else None
    if absolute is not None:  # "…, with Boswell stating: '…'": Boswell's words
        event.mention = absolute
        return contents.with_content(event, candidate, None)
    if _participle(candidate) and not coordinated:
        return None
    if _attributive(tokens, candidate):
        return None
    if candidate.verb_class == VerbClass.CALL and candidate.verb.endswith("ed") and (
        before is not None and before.text == "," and candidate.stop < len(tokens)
        and tokens[candidate.stop].quote is not None
    ):  # "a yard, dubbed 'Freedom Square', …": the name given to it, nobody's words
        return None
    if candidate.verb in ("read", "reads") and (not any(
        t.lower in DOCUMENT_NOUNS for t in tokens[max(0, i - 6) : i + 1]
    ) or (candidate.start > 0 and tokens[candidate.start - 1].lower == "to")):
        return None  # "I read the article": only a document "reads" what its author says
    subject, relative = None, False
    if coordinated and not events:
        # "The ministry, dismissing the report as a smear, said …", "X spoke on Monday,
        # dismissing …": the participle belongs to the subject of its own sentence.
        after = owners.subject_after_participle(tokens, candidate.stop)
        if after is not None:  # "Later, dismissing the report, the general said …"
            event.mention, comma = after
            filled = contents.with_content(event, candidate, None)
            if filled is not None:
                filled.content = (filled.content[0], min(filled.content[1], comma))
            return filled
        event.mention = owners.relative_antecedent(tokens, i) or owners.sentence_subject(tokens, i)
        if event.mention is None:
            return None
    elif coordinated:
        event.inherit = True
    elif before is not None and (quote := quote_before_verb(tokens, i)) is not None:
        event.mention = subject_after(tokens, candidate.stop)
        event.quotes = [quote]
        return contents.with_split_quote(event, candidate.stop) if event.mention else None
    elif (inverted := _inverted_after_clause(tokens, i, candidate)) is not None:
        event.mention, event.content = inverted  # "The talks had failed, said Ali Demir."
        return event
    elif candidate.verb.startswith("none of "):  # "None of the three ministers would discuss"
        modal = next((j for j in range(candidate.start + 2, candidate.stop)
                      if tokens[j].lower in ("would", "could", "will")), candidate.stop)
        event.mention = phrases.read_phrase(tokens[candidate.start + 2 : modal])
        if event.mention is None:
            return None
    elif candidate.start > 3 and tokens[candidate.start - 1].lower in ("which", "that") and (
        tokens[candidate.start - 2].lower in DOCUMENT_NOUNS
    ) and any(t.lower in ISSUING for t in tokens[max(0, candidate.start - 6) : candidate.start]):
        # "They released a statement which said …": whoever released it
        event.mention = owners.sentence_subject(tokens, candidate.start - 3)
        if event.mention is None:
            return None
    else:
        relative = before is not None and before.lower in ("who", "which") and i > 0 and (
            tokens[i - 1].text == ","
        )  # "the Green Rivers Coalition, an alliance of groups, which said …"
        subject = subject_before(tokens, i - 1 if relative else i)
        if relative and (subject.mention is None or owners.ends_a_list(tokens, i - 1)):
            # "…, an apology from Fields, and requests from Fields' lawyers, who argued …"
            subject = Subject(owners.relative_head(tokens, i - 1) or subject.mention)
        if subject.mention is None or not _agrees(candidate, subject.mention):
            return None
        event.mention = owners.passed_on(tokens, i) or subject.mention
        if candidate.verb == "was quoted as saying" and event.mention is not None:
            event.mention = _quoting_outlet(tokens, candidate, event.mention) or event.mention
        if subject.quote is not None:
            event.quotes = [subject.quote]
            return contents.with_split_quote(event, candidate.stop)
    filled = contents.with_content(event, candidate, subject)
    if filled is not None and candidate.verb in ("told", "tells"):
        filled.mention = _outlet_of_anonymous(tokens, filled, candidate) or filled.mention
    if filled is not None and relative:  # "The minister, who has denied X, is due …": X
        start, end = filled.content
        resumed = next((j for j in range(start, end - 1) if tokens[j].text == ","
                        and tokens[j + 1].lower in VERBISH), end)
        filled.content = (start, resumed)
    if filled is not None and subject is not None and subject.fronted:
        filled.flags.add("fronted")
        filled.object_head = subject.fronted
    return filled


def comma_quote(token: Token) -> bool:
    """A quotation closed on a comma ('"wildly misleading,"'), standing for the comma."""
    return token.quote is not None and token.text.rstrip("\"”’'»").endswith(",")


def _participle(candidate: Candidate) -> bool:
    return candidate.verb in PARTICIPLES or candidate.verb == "citing"


def _next_is(tokens: list[Token], candidate: Candidate, word: str) -> bool:
    return candidate.stop < len(tokens) and tokens[candidate.stop].lower == word


def _passive_before(tokens: list[Token], i: int) -> bool:
    """Whether the clause before the "and" at ``i`` is passive ("was hauled in and …")."""
    for j in range(i - 1, max(i - 6, -1), -1):
        word = tokens[j].lower
        if not tokens[j].is_word:
            return False
        if word in ("was", "were", "been", "being", "is", "are") and j + 1 < i and any(
            t.lower.endswith(("ed", "en")) and not t.is_capitalised for t in tokens[j + 1 : i]
        ):
            return True
    return False


def _agrees(candidate: Candidate, mention: Mention) -> bool:
    """A base form that is also a noun needs a plural subject: "Critics claim", not "the U.S.
    claim is …"; one that is only a verb takes any subject ("USA deny", not grammatical)."""
    if candidate.verb not in BASE_FORMS or candidate.verb in REPORTING_VERBS:
        return True
    if candidate.verb not in _NOUN_BASE_FORMS:
        return True
    plural = mention.kind in (phrases.GROUP, phrases.RUMOUR) or " and " in mention.text
    return plural or (mention.kind == phrases.PRONOUN and mention.text in ("they", "we", "i"))


def _attributive(tokens: list[Token], candidate: Candidate) -> bool:
    """"the alleged gunman", "a Brazilian alleged anti-terrorism webpage": an adjective."""
    at = candidate.start
    if candidate.stop != at + 1 or tokens[at].lower not in ("alleged", "reported", "claimed"):
        return False
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    before = tokens[at - 1] if at > 0 else None
    # After a noun the word is the verb: "the movement claimed responsibility"
    in_noun_phrase = before is None or before.lower in _NOUN_PHRASE_LEADS or (
        before.is_capitalised and phrases.looks_like_adjective(before.text)
    ) or before.text.endswith(("'s", "’s", "s'"))  # "the campaign's alleged ties"
    return in_noun_phrase and following is not None and following.is_word and (
        not following.is_capitalised
    ) and (
        following.lower not in STOPWORDS and following.lower not in PREPOSITIONS
    ) and not following.lower.endswith(("ed", "ing"))


def _anonymous_writing(tokens: list[Token], i: int) -> bool:
    """Whether the document before a participle is "a report" of nobody named: indefinite,
    with no possessive or "by"/"from" owner, and put out by no verb of issuing before it."""
    at = next((j for j in range(i, max(i - 7, -1), -1) if tokens[j].lower in _WRITINGS), None)
    if at is None or at == 0 or tokens[at - 1].lower not in ("a", "an"):
        return False
    if any(t.lower in ("by", "from") for t in tokens[at + 1 : i + 1]):
        return False
    return not any(t.lower in ISSUING for t in tokens[:at])


def _after_a_writing(tokens: list[Token], i: int) -> bool:
    """A participle a few words after a document noun: "a message on Twitter blaming X", "a
    ruling against President Donald Trump finding that …"."""
    for j in range(i, max(i - 7, -1), -1):
        if tokens[j].lower in _WRITINGS:
            return True
        if not tokens[j].is_word or tokens[j].lower in VERBISH:
            return False
    return False


def _outlet_of_anonymous(tokens: list[Token], event: Event, candidate: Candidate
                         ) -> Mention | None:
    """"A government source told Reuters …", "An official from one country in Europe told the
    Associated Press …": an anonymous source stays inside the outlet that quotes it."""
    mention = event.mention
    unnamed = mention is not None and mention.kind == phrases.ROLE and not mention.definite
    if mention is None or mention.kind not in (phrases.ROLE, phrases.GROUP) or not (
        set(mention.words) & _ANONYMOUS or unnamed  # "An official from one country told AP"
    ):
        return None
    after = event.content[0] if event.content[0] > candidate.stop else len(tokens)
    addressee = phrases.read_phrase(tokens[candidate.stop : after])  # before or after the words
    if addressee is None or addressee.kind not in (phrases.ORGANISATION, phrases.NAME):
        return None
    return addressee


def _quoting_outlet(tokens: list[Token], candidate: Candidate, mention: Mention
                    ) -> Mention | None:
    """"one resident was quoted by the Daily as saying", "… as saying to the newspaper X": an
    unnamed source stays inside the outlet that quotes it."""
    unnamed = mention.kind == phrases.ROLE and not mention.definite
    if not (unnamed or (mention.kind in (phrases.ROLE, phrases.GROUP)
                        and set(mention.words) & _ANONYMOUS)):
        return None
    if tokens[candidate.start + 2].lower == "by":
        outlet = phrases.read_phrase(tokens[candidate.start + 3 : candidate.stop - 2])
    elif candidate.stop < len(tokens) and tokens[candidate.stop].lower == "to":
        # "… was quoted as saying to the newspaper Haveeru Daily"
        end = next((j for j in range(candidate.stop + 1, len(tokens))
                    if not tokens[j].is_word), len(tokens))
        outlet = phrases.read_phrase(tokens[candidate.stop + 1 : end])
    else:
        return None
    return outlet if outlet is not None and outlet.kind in (
        phrases.ORGANISATION, phrases.NAME) else None


def _inverted_after_clause(tokens: list[Token], i: int, candidate: Candidate
                           ) -> tuple[Mention, tuple[int, int]] | None:
    """"The talks had failed, said a senior official.": the speaker after the verb, the words
    the clause before the comma."""
    if i < 2 or tokens[i].text != "," or candidate.verb not in INVERTED_SAY:
        return None
    clause = tokens[:i]
    if clause[0].lower in _FRONTED_ADJUNCTS:
        # "Unlike with earlier studies, said one author, X, the agency did not interfere": the
        # words are the main clause after the speaker, the fronted phrase only frames them
        main = _clause_after_speaker(tokens, candidate.stop)
        mention = subject_after(tokens[:main], candidate.stop) if main is not None else None
        if main is not None and mention is not None and mention.kind != phrases.PRONOUN:
            return mention, (main + 1, contents.trim_end(tokens, main + 1, len(tokens)))
    if not any(t.lower in VERBISH or (t.lower.endswith("ed") and not t.is_capitalised)
               for t in clause):
        return None
    mention = subject_after(tokens, candidate.stop)
    if mention is None or mention.kind == phrases.PRONOUN:
        return None
    return mention, (0, contents.trim_end(tokens, 0, i))


def _clause_after_speaker(tokens: list[Token], stop: int) -> int | None:
    """The comma after an inverted speaker ("…, said one author, X of Y, the agency did …")
    where a clause with its own subject and verb starts."""
    for comma in range(stop + 1, len(tokens) - 2):
        if tokens[comma].text != ",":
            continue
        verb = next((j for j in range(comma + 2, min(len(tokens), comma + 9))
                     if tokens[j].is_word and not tokens[j].is_capitalised
                     and tokens[j].lower in VERBISH), None)
        subject = tokens[comma + 1 : verb] if verb is not None else []
        if subject and all(t.is_word for t in subject) and (
            subject[0].lower in DETERMINERS or subject[0].is_capitalised
            or subject[0].lower in ("he", "she", "it", "they", "we", "i")
        ):
            return comma
    return None
