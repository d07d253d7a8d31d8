"""What is reported: the quotation attached to a verb, or the clause it introduces.

For said-type verbs the words start after the verb, its addressee ("told reporters"), times
("Friday") and places ("in a statement") and an optional "that" or colon. For denials,
accusations and hedges they start at the verb ("denied having plans …"), so the words read as
an assertion of their own. They end at the sentence's end, a semicolon, or a clause of the
reporter's own (", as …", ", after …").
"""

from __future__ import annotations

from claimtrack.extract import phrases
from claimtrack.extract.clauses import main_clause_resumes, object_of_act
from claimtrack.extract.event import ALLEGATION, HEDGE, Candidate, Event
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    FALSITY_WORDS,
    NEGATIONS,
    NOT_ASSERTIONS,
    OBJECT_PRONOUN_WORDS,
    ORGANISATION_HEADS,
    PARTICIPLES,
    PERIODS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    REPORTING_VERBS,
    RUMOUR_HEADS,
    STOPWORDS,
    SUBORDINATORS,
    WEEKDAYS,
    VerbClass,
    adverb_like,
    word_set,
)
from claimtrack.extract.phrases import NAME_PARTICLES, Mention, plain
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH, Subject

_ADDRESSED = word_set("told tells assured warned informed")
_OPENERS = DETERMINERS - {"that"}  # words that open a noun phrase ("that" may be a conjunction)
# Words that open a clause's subject, never part of an addressee: "not all the", "only the",
# "more than a hundred", "half the", "every one of the"; nor is "of" ("members of the party").
_CLAUSE_FIRST = NEGATIONS | QUANTIFIERS | word_set(
    "only even just also all both half such more fewer less twice every each nearly almost "
    "about much"
)
_NOT_ADDRESSEES = _CLAUSE_FIRST | {"of", "than"}
_TIME = WEEKDAYS | word_set("yesterday today tonight overnight earlier later again also")
_SPANS = word_set("hours days weeks minutes moments")
_WHEN = word_set("last this next late early on")
_FROM_VERB = (VerbClass.DENY, VerbClass.DISMISS, VerbClass.ACCUSE, VerbClass.CALL, HEDGE)
_SUBJECT_PRONOUNS = frozenset(PRONOUNS) | {"that", "i", "we"}
# Verbs that follow a rumour used as a subject: "Rumours that X spread online".
_RUMOUR_VERBS = word_set("spread circulated swirled surfaced emerged grew mounted persisted "
                          "prompted sparked caused fuelled fueled gained intensified")
_GLOSSES = word_set("meaning i.e. namely")
_NEGATING = word_set("not never n't didn't doesn't")
FINDING = word_set("found finds finding find")
_MODALS = word_set("could would should might may must can will shall")
_VOICE_BASE_FORMS = word_set("say says claim claims believe believes argue argues")
# Heads of phrases after "according to" that are not sources: "according to the plan".
_NOT_SOURCES = word_set("plan plans law rules schedule data figures statistics estimates "
                        "reports report decision order terms agreement deal tradition custom "
                        "move idea issue case number result results") | DOCUMENT_NOUNS
ALLEGED = word_set(
    "allegation allegations claim claims accusation accusations charge charges report reports "
    "rumour rumours rumor rumors suggestion suggestions assertion assertions speculation"
)


def with_split_quote(event: Event, after: int) -> Event:
    """``"A," he said, "B."``: the second quotation belongs to the same event."""
    rest = event.unit.tokens[after:]
    for i, token in enumerate(rest):
        if token.quote is not None:
            # not when a verb of its own introduces it: '"A," said X, who also told
            # reporters, "B."' (B is another event)
            own_verb = any(t.lower in REPORTING_VERBS or t.lower in _ACTS or t.text == ";"
                           for t in rest[:i])  # after a semicolon: listed, not continued
            if i > 0 and rest[i - 1].text == "," and not own_verb:
                event.quotes.append(token.quote)
            break
    event.content = (after, after)
    return event


def with_content(event: Event, candidate: Candidate, subject: Subject | None) -> Event | None:
    """The reported words after the verb, or from the verb for denials and accusations."""
    tokens = event.unit.tokens
    end = next((j for j in range(candidate.stop, len(tokens)) if tokens[j].text == ";"),
               len(tokens))
    verb_class = candidate.verb_class
    if verb_class == VerbClass.CALL and candidate.stop < end and tokens[candidate.stop].lower == (
        "that"
    ):
        verb_class = VerbClass.SAY  # "deemed that X": X is said
    if candidate.verb in FINDING and not (
        candidate.stop < end and tokens[candidate.stop].lower == "that"
    ):  # "found no trace of explosives", "did not find the network had breached laws"
        start = _auxiliary_before(tokens, candidate.start)
        end = trim_end(tokens, start, cut_adjuncts(tokens, start, end))
        event.content = (start, end)
        return event if end > start + 1 else None
    if verb_class in _FROM_VERB:
        relative = _relative_object(tokens, candidate) if verb_class in (
            VerbClass.DENY, VerbClass.DISMISS
        ) else candidate.start
        if relative is None:
            return None
        start = relative
        event.object_head, event.object_text = _object(tokens, candidate.stop, end)
        denies = verb_class in (VerbClass.DENY, VerbClass.DISMISS)
        if denies and event.object_head in NOT_ASSERTIONS:
            return None  # "rejected Moscow's demands": no assertion was denied
        if verb_class == VerbClass.CALL and not _calls_names(tokens, candidate.stop, end,
                                                              event.object_head):
            return None  # "called for", "calls itself X": a demand or a name, not a claim
        if verb_class in (VerbClass.DISMISS, VerbClass.CALL) and any(
            t.lower == "as" for t in tokens[candidate.stop : min(end, candidate.stop + 12)]
        ):
            event.verb += " … as"
        _embed_allegation(event, candidate.stop, end)
    else:
        start = _words_start(tokens, candidate, end)
        clause = subject.clause if subject is not None else None
        introduced = any(t.lower == "that" or t.text == ":" for t in tokens[candidate.stop : start])
        if clause is not None and not introduced and _adjuncts_only(tokens, start, end):
            first, comma = clause
            event.content = (first, trim_end(tokens, first, comma))  # "X, officials said."
            if start + 1 < end and tokens[start].text == "," and _continues(tokens[start + 1]):
                event.more = (start + 1, trim_end(tokens, start + 1, end))  # "X, he said, was Y"
            return event
    main = main_clause_comma(tokens)
    if main is not None and candidate.stop <= main < end:
        end = main  # "Although X said A, the flood raised fears …": A ends at the main clause
    resumed = main_clause_resumes(tokens, candidate, start, end)
    if resumed is not None:
        end = resumed  # "The president, who claimed that A, left for Paris": A ends at its comma
    if start + 2 < end and tokens[start].quote is not None and tokens[start + 1].text == "," and (
        tokens[start + 2].lower in _CONTRASTING
    ):  # 'said "the bridge may close", but no date has been set': the rest is the reporter's
        end = start + 1
    limit = end
    end = trim_end(tokens, start, cut_adjuncts(tokens, start, end))
    if verb_class in (VerbClass.DENY, VerbClass.DISMISS) and end + 2 < limit and (
        tokens[end].text == "," and tokens[end + 1].lower in PARTICIPLES
        and REPORTING_VERBS[tokens[end + 1].lower] == VerbClass.CALL
    ):  # 'denounced the summit's conclusions, calling the deals "legitimate"': one answer
        end = trim_end(tokens, start, cut_adjuncts(tokens, end + 1, limit))
    event.content = (start, end)
    if end == start + 1 and tokens[start].lower in ("no", "yes"):
        event.content = (candidate.start, end)  # "Ernest said no": the answer with its verb
    return event if end > start else None


_CONTRASTING = word_set("but although though whereas yet")
_NOT_SUBJECTS = word_set("and or but nor which who whom whose that as so")


def main_clause_comma(tokens: list[Token]) -> int | None:
    """In a sentence opened by a subordinate clause ("Although no group claimed it, the
    bloodshed raised fears …", "If the mayor said so, he was wrong"), the comma where the main
    clause starts: the first one followed by a noun phrase (no "and" in it: a list goes on)
    and a finite verb. ("As X said, Y" is left alone: Y is what X said.)"""
    if not tokens or tokens[0].lower not in SUBORDINATORS or tokens[0].lower == "as":
        return None
    for j, token in enumerate(tokens):
        if token.text != "," or j < 2:
            continue
        for k in range(j + 1, min(len(tokens), j + 8)):
            word = tokens[k]
            finite = not word.is_capitalised and word.is_word and (
                word.lower in VERBISH or word.lower in REPORTING_VERBS
                or (word.lower.endswith("ed") and len(word.lower) > 4))
            if finite:
                if k > j + 1:
                    return j
                break
            if not word.is_word or word.lower in _NOT_SUBJECTS or (
                k == j + 1 and word.lower in PREPOSITIONS | SUBORDINATORS
            ):
                break
    return None


_TOPIC_PREPOSITIONS = word_set("to about on of for with into over via")


def about_something(event: Event) -> bool:
    """Said-type words that are a topic or an addressee, not a statement ("wrote about
    feminism", "tweeted to Mohamed", "admitted to the payments"): a prepositional phrase
    without a verb, a quotation or a colon."""
    words = event.unit.tokens[event.content[0] : event.content[1]]
    if event.verb_class == VerbClass.RESPOND and words and not event.quotes and (
        words[0].lower in ("to", "by")
    ):  # "responded to her letter on Twitter", "responded by clearing the square": no words
        return not any(t.quote is not None or t.text == ":" or t.lower in VERBISH
                       or t.lower == "that" for t in words)
    if event.verb_class != VerbClass.SAY or event.quotes or not words or (
        words[0].lower not in _TOPIC_PREPOSITIONS and event.verb not in _ACTS
    ):
        return False
    act = event.verb in _ACTS  # its object's own verbs are coordinated acts: "and directed"
    if act:
        words = object_of_act(words)
    if words[0].lower == "to" and len(words) > 1 and words[1].lower in ("being", "having"):
        return False  # "admitted to being part of it", "confessed to having lied": a statement
        # of what one is or has done ("admitted to the payments", "… to ordering them": a topic)
    return not any(t.quote is not None or t.text == ":" or t.lower in VERBISH or t.lower == "that"
                   or (t.lower.endswith("ed") and not t.is_capitalised and not act)
                   for t in words)


# Words that open a fronted phrase whose allegation ends at its comma: "Despite X's claim
# that Y, Z said …".
_FRONTING = word_set("despite amid following")


# Verbs whose plain noun object is an act, not a statement: "announced a naval coalition".
_ACTS = word_set("announced announces announcing wrote writes noting emphasized emphasised "
                 "stressed") | {"spoke of", "speaks of"}


def allegation(event: Event) -> Event | None:
    """"Rumours that X spread online", "amid reports that X": X, by whoever is named for it."""
    tokens = event.unit.tokens
    at = event.verb_at[0]
    first = at
    while first > max(0, at - 4) and (_modifies(tokens[first - 1]) or (
        first > 1 and tokens[first - 2].text.endswith(("'s", "’s")) and tokens[first - 1].is_word
    )):  # "Comey's repeated claims"
        first -= 1
    proper = [t for t in tokens[first:at] if t.is_capitalised and not t.initial]
    owner = next((j for j in range(at - 1, max(first, at - 3) - 1, -1)
                  if tokens[j].text.endswith(("'s", "’s"))), None)
    if owner is not None:  # "Comey's repeated claims", "the newspaper's claims": the owner's
        start = max(0, owner - 1) if owner > 0 and tokens[owner - 1].lower == "the" else owner
        proper = tokens[start : owner + 1]
    event.mention = phrases.read_phrase(proper) if proper else None
    event.mention = event.mention or Mention("", phrases.RUMOUR, tokens[at].start, tokens[at].end)
    that = that_after(tokens, at)
    if that is None:
        return None
    if that > at + 2 and tokens[at + 1].lower in ("by", "from"):  # "claims by the regulator that"
        event.mention = phrases.read_phrase(tokens[at + 2 : that]) or event.mention
    start = that + 1
    if start < len(tokens) and tokens[start].lower in REPORTING_VERBS:
        start += 1  # "a report that claimed X": "that" was a relative pronoun
        start += start < len(tokens) and tokens[start].lower == "that"
    end = cut_adjuncts(tokens, start, len(tokens))
    fronted = tokens[0].lower in PREPOSITIONS | SUBORDINATORS | _FRONTING and not any(
        t.text == "," for t in tokens[:at])  # the claim is inside the fronted phrase
    if fronted:  # "Despite X's claim that Y, …": Y ends at the phrase's comma
        end = next((j for j in range(start, end) if tokens[j].text == ","), end)
    if first == 0 or (tokens[first - 1].lower == "the" and first == 1):
        end = next((j for j in range(start + 1, end) if tokens[j].lower in _RUMOUR_VERBS), end)
    event.content = (start, trim_end(tokens, start, end))
    event.verb = f"{tokens[at].lower} that"  # "allegations that", "rumours that"
    event.flags.add("alleged")
    return event if event.has_words else None


def _modifies(token: Token) -> bool:
    """A word that may stand before "claims" and say whose they are ("the U.S. claims")."""
    word = token.lower
    return token.is_word and word not in SUBORDINATORS | PREPOSITIONS | VERBISH and word not in (
        "the", "a", "an", "and", "but", "amid", "following", "that"
    ) and not (word.endswith("ed") and not token.is_capitalised)


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


_RECORDS = DOCUMENT_NOUNS | RUMOUR_HEADS | word_set("data figures study survey")
_FIRST_OR_LATER = word_set("first later since")


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
    return bool(words) and words[0].lower in PREPOSITIONS | WEEKDAYS | _TIME and all(
        t.is_capitalised or t.lower in PREPOSITIONS or t.lower in _TIME or t.text[0].isdigit()
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


def cut_adjuncts(tokens: list[Token], start: int, end: int) -> int:
    """End the words where the voice changes: before ", as …", ", after …" or "as Russian
    troops …" (the reporter's), a dash that opens the reporter's gloss ("… capital murder —
    murder carrying …"), ", meaning …", or a relative clause that brings in another voice
    ("dismissed the audit, which inspectors say shows …")."""
    said = False  # a word other than "that" before ``before``: kept as j moves (one pass)
    inside = 0  # the closing dash of a pair: "a 30-day strike — a form of protest — to …"
    for j in range(start + 1, end):
        if j < inside:
            continue
        word = tokens[j].lower
        before = tokens[j - 1]
        after_comma = before.text == "," or (  # '"fine people on both sides," meaning …'
            before.quote is not None and before.text.rstrip("\"”’'»").endswith(",")
            and word in _GLOSSES
        )
        if not said and j - 2 >= start:
            said = tokens[j - 2].is_word and tokens[j - 2].lower != "that"
        reason = word in ("because", "so") and before.quote is None  # the speaker's reason
        despite = word in ("despite", "amid") and before.text == ","  # the reporter's gloss
        if (word in SUBORDINATORS or word in PARTICIPLES or word in _GLOSSES or despite) and (
            after_comma
        ) and (
            said  # "arguing that, as president, he should be immune": the words go on
        ) and not reason:
            return j - 1 if before.quote is None else j
        if tokens[j].text in "—–" and j > start + 2:
            closing = next((k for k in range(j + 2, min(end, j + 16))
                            if tokens[k].text == tokens[j].text), None)
            if closing is not None and closing + 1 < end and tokens[closing + 1].is_word and (
                not any(t.text in ",;:" for t in tokens[j + 1 : closing])
            ):
                inside = closing + 1  # a pair of dashes sets off an aside inside the words
                continue
            return j
        if word in ("a", "an") and after_comma and said and j + 1 < end and (
            tokens[j + 1].lower in _APPOSED
        ):  # "killed 20 fighters, a figure that could not be verified": the reporter's
            return j - 1
        if word in ("which", "who") and after_comma and any(
            t.lower in REPORTING_VERBS or t.lower in _VOICE_BASE_FORMS
            for t in tokens[j + 1 : min(end, j + 8)]
        ):
            return j - 1
        if word == "as" and j + 1 < end and (
            tokens[j + 1].is_capitalised or tokens[j + 1].lower in PRONOUNS
        ):
            return j
    return end


_APPOSED = word_set("figure figures number toll claim allegation assertion estimate")


def trim_end(tokens: list[Token], start: int, end: int) -> int:
    """Drop the sentence's closing punctuation from the end of the reported words."""
    while end > start and tokens[end - 1].text in ".,!?":
        end -= 1
    return end


def _words_start(tokens: list[Token], candidate: Candidate, end: int) -> int:
    """Where a said-type verb's words start: after "that", a colon, ", saying", adjuncts."""
    start = _skip_adjuncts(tokens, candidate.stop, end, candidate.verb in _ADDRESSED)
    if start < end and tokens[start].text in "—–":  # 'said — as reported by X — "…"'
        closing = next((j for j in range(start + 1, min(end, start + 12))
                        if tokens[j].text == tokens[start].text), None)
        if closing is not None:
            start = closing + 1
    if start < end and tokens[start].lower in ("on", "in", "via"):
        # 'wrote on Instagram, "…"', 'said in a statement on Monday: "…"': the words quoted
        comma = next((j for j in range(start + 1, min(end - 1, start + 7))
                      if tokens[j].text in ",:" and tokens[j + 1].quote is not None), None)
        start = comma if comma is not None else start
    if start < end and (tokens[start].text == ":" or (
        tokens[start].text == "," and start + 1 < end and tokens[start + 1].quote is not None
    )):
        start += 1
    if start + 1 < end and tokens[start].text == "," and tokens[start + 1].lower in SUBORDINATORS:
        # "were quick to say on Monday, once the news broke, that …": past the aside to "that"
        that = next((j for j in range(start + 2, min(end - 1, start + 20))
                     if tokens[j].text == "," and tokens[j + 1].lower == "that"), None)
        start = that + 1 if that is not None else start
    if start + 1 < end and adverb_like(tokens[start].lower) and tokens[start + 1].lower == "that":
        start += 1  # "said publicly that …"
    if start < end and tokens[start].lower == "that" and not (
        start + 1 < end and tokens[start + 1].lower in VERBISH
    ):  # "said that was untrue": "that" is the subject, not the conjunction
        start += 1
    if start + 1 < end and tokens[start].text == "," and tokens[start + 1].lower in PARTICIPLES:
        start += 2 + (start + 2 < end and tokens[start + 2].lower == "that")
    return start


def _auxiliary_before(tokens: list[Token], at: int) -> int:
    """Where "did not find" starts: at its auxiliary."""
    start = at
    while start > 0 and (tokens[start - 1].lower in _NEGATING or tokens[start - 1].lower in (
        "did", "does", "do", "had", "has", "have"
    )):
        start -= 1
    return start


def _relative_object(tokens: list[Token], candidate: Candidate) -> int | None:
    """"…, which he denied": the denial's object is the relative pronoun, its words start there;
    None when what it refers to is no assertion ("a plan for the march, which they rejected")."""
    if candidate.stop < len(tokens) and tokens[candidate.stop].is_word and not _adjuncts_only(
        tokens, candidate.stop, len(tokens)
    ):  # "which he denied on Monday": still no object of its own
        return candidate.start
    for j in range(candidate.start - 1, max(candidate.start - 9, 0), -1):
        if tokens[j].lower in ("which", "that") and tokens[j - 1].text == ",":
            if any(plain(t.text) in NOT_ASSERTIONS for t in tokens[max(0, j - 7) : j - 1]):
                return None
            return j
        if not tokens[j].is_word:
            break
    return candidate.start


def _calls_names(tokens: list[Token], k: int, end: int, head: str) -> bool:
    """'called the report "a fabrication"': calling something a name that judges it."""
    if head in ("for", "on") or head.startswith(("itself", "himself", "herself", "themselves")):
        return False
    window = tokens[k : min(end, k + 12)]
    articles = 0
    for token in window:  # "called the crisis the worst in the world": X and what X is
        if token.lower in PREPOSITIONS or token.lower in VERBISH or token.text in ",;":
            break
        articles += token.lower in ("the", "a", "an")
    described = any(t.lower == "as" for t in window[1:]) and window[0].lower not in ("as", "to")
    # "cited an audit as prohibiting him", "described X as Y" (not "what she described as …")
    judged = any(t.lower in FALSITY_WORDS for t in window)  # "called the allegations baseless"
    return head in ALLEGATION_NOUNS or any(t.quote is not None for t in tokens[k:end]) or (
        described or articles >= 2 or judged
    )


def _continues(token: Token) -> bool:
    """After "X, he said," the clause goes on with its verb: "… was sound"."""
    word = token.lower
    return word in VERBISH or (token.is_word and not token.is_capitalised and word.endswith("ed"))


def that_after(tokens: list[Token], i: int) -> int | None:
    """Index of the "that" opening what an allegation alleges: "reports (in the press) that"."""
    for j in range(i + 1, min(len(tokens), i + 7)):
        word = tokens[j].lower
        if word == "that":
            return j
        verb = word in VERBISH or word in REPORTING_VERBS  # "her report to read that …"
        if (j == i + 1 and word not in PREPOSITIONS) or not tokens[j].is_word or verb:
            return None
    return None


def _adjuncts_only(tokens: list[Token], start: int, end: int) -> bool:
    """Nothing reported after the verb: "…, officials said on Monday in a statement."."""
    stop = next((j for j in range(start, end) if tokens[j].text == ","), end)
    rest = [t for t in tokens[start:stop] if t.text not in ".!?"]
    return not rest or (len(rest) <= 8 and rest[0].lower in PREPOSITIONS and not any(
        t.quote is not None or t.lower == "that" or t.lower in VERBISH for t in rest
    ))


def _named_addressee(tokens: list[Token], k: int, end: int) -> int:
    """Past an addressee named by a proper name or an object pronoun ("told Reuters", "told the
    BBC", "told him"), else ``k``."""
    j = k + (k < end and tokens[k].lower == "the")
    if j < end and tokens[j].lower in OBJECT_PRONOUN_WORDS:
        return j + 1
    start = j
    while j < end and tokens[j].is_capitalised and not tokens[j].initial:
        j += 1
    if j - start > 1 and _verb_after_name(tokens, j, end):
        # "told Reuters Smith had lied", "told NPR Hamza bin Laden had appeared": the names
        # end in the words' own subject; the addressee is one name, ending at an outlet's
        # acronym or head noun ("NPR", "The Associated Press"), else before the last word
        ends = [p + 1 for p in range(start, j) if _ends_a_name(tokens[p])]
        if ends == [j] and start > k:
            return k  # "warned the European Union could …": one name, the words' subject
        j = ends[0] if ends and ends[0] < j else j - 1
    return j if j > start else k


def _name_after_noun(tokens: list[Token], j: int) -> bool:
    """A name after a bare noun opens the words: "told reporters Hamza bin Laden had …"."""
    before = tokens[j - 1]
    return tokens[j].is_capitalised and before.is_word and not before.is_capitalised and (
        before.lower not in _OPENERS
    )


def _verb_after_name(tokens: list[Token], j: int, end: int) -> bool:
    """Whether a verb comes at ``j``, past the rest of a name ("bin Laden had")."""
    while j < end and tokens[j].lower in NAME_PARTICLES and j + 1 < end and (
        tokens[j + 1].is_capitalised
    ):
        j += 2
    return j < end and (tokens[j].lower in VERBISH or tokens[j].lower.endswith("ed"))


def _ends_a_name(token: Token) -> bool:
    """An acronym ("NPR", "KDKA-TV") or an organisation's head noun ("Press", "Times")."""
    letters = token.text.replace("-", "").replace(".", "")
    return (len(letters) > 1 and letters.isalpha() and letters.isupper()) or (
        plain(token.text) in ORGANISATION_HEADS
    )


def _skip_adjuncts(tokens: list[Token], k: int, end: int, addressed: bool) -> int:
    """Past "Friday", "on Monday", "in a statement" and "told reporters" to the reported words."""
    named = _named_addressee(tokens, k, end) if addressed else k
    if named > k:  # "told Reuters the talks had failed", "told the BBC after the verdict that"
        adjunct = named < end and tokens[named].lower in PREPOSITIONS | {"after", "before"}
        ahead = next((j for j in range(named, min(end, named + 9)) if tokens[j].lower == "that"
                      or tokens[j].text == ":" or (adjunct and tokens[j].quote is not None)),
                     None)  # "told Pittsburgh station KDKA-TV that …"
        k = ahead if ahead is not None and not any(
            t.text in ",;" or t.lower in VERBISH or (t.quote is not None and not adjunct)
            for t in tokens[named:ahead]) else named  # 'told X any plan "must be …":' says it
    elif addressed and k < end and tokens[k].is_word and tokens[k].lower not in _SUBJECT_PRONOUNS:
        stop = k
        while stop < min(end, k + 6) and tokens[stop].is_word and tokens[stop].lower not in (
            _SUBJECT_PRONOUNS | PREPOSITIONS | VERBISH | _MODALS | {"this", "there", "these"}
        ):
            stop += 1
        # "warned the delayed process could be …": no addressee, the clause's own subject;
        # "told reporters the engine had failed": a bare noun, then a determiner that opens
        # the clause's subject
        if stop >= end or tokens[stop].lower not in VERBISH | _MODALS:
            k = stop
        else:
            # the words start where a determiner or a word that opens no addressee comes
            # ("told reporters not all the votes …", "… more than a hundred people …")
            opens = next((j for j in range(k + 1, stop)
                          if tokens[j].lower in _OPENERS or tokens[j].lower in _CLAUSE_FIRST
                          or _name_after_noun(tokens, j)), None)
            if opens is not None and opens - k <= 3 and not any(
                t.lower in _NOT_ADDRESSEES for t in tokens[k + 1 : opens]
            ):
                k = opens
    while k < end:
        word = tokens[k].lower
        following = tokens[k + 1].lower if k + 1 < end else ""
        if word in _TIME:
            k += 1
        elif (word in _SPANS and following in ("later", "earlier", "ago")) or (
            word in _WHEN and (following in PERIODS or following in WEEKDAYS or following == "on")
        ):
            k += 2  # "hours later", "last week", "on Monday"
        elif word in PREPOSITIONS:
            ahead = next((j for j in range(k + 1, min(end, k + 11)) if tokens[j].lower == "that"
                          or tokens[j].text == ":" or tokens[j].quote is not None), None)
            if ahead is None or any(t.text in ",;" for t in tokens[k:ahead]):
                return k
            k = ahead
        else:
            return k
    return k


def _object(tokens: list[Token], k: int, end: int) -> tuple[str, str]:
    """A denial's object and its head noun ("the U.S. allegations" -> "allegations")."""
    head, words = "", list[str]()
    if k < end and tokens[k].lower in ("on", "about", "whether"):
        k += 1
    if k + 1 < end and tokens[k].lower in ("that", "this", "these", "those") and (
        tokens[k + 1].is_word and tokens[k + 1].lower not in VERBISH
    ):
        words.append(tokens[k].text)  # "rejected that version of events"
        k += 1
    if k < end and tokens[k].lower.endswith("ing") and not tokens[k].is_capitalised:
        # "denied having plans": a clause (unlike "Manning")
        return "", ""
    for token in tokens[k:end]:
        if token.lower in ("that", "as", "of", "for", "on") or not token.is_word:
            return head or token.lower, " ".join(words)
        if head and head not in DETERMINERS and token.lower.endswith("ing") and (
            not token.is_capitalised
        ):
            break  # "dismissed a lawsuit attempting to …": the participle describes the head
        if (token.lower in PREPOSITIONS or token.lower in ("a", "an", "the")) and head:
            break  # 'called Mohammad's admission a "political maneuver"': the head is "admission"
        if head and token.lower in FALSITY_WORDS:
            break  # "called the allegations baseless": what is judged, then the judgement
        head = plain(token.text)
        words.append(token.text)
    return head, " ".join(words)


def _embed_allegation(event: Event, k: int, end: int) -> None:
    """"rejected the U.S. allegations that X": X is a claim of its own, by whoever made it."""
    tokens = event.unit.tokens
    for j in range(k, min(end, k + 8) - 1):
        if plain(tokens[j].text) in ALLEGED and that_after(tokens, j):
            inner = allegation(Event(ALLEGATION, "", event.unit, (j, j + 1)))
            if inner is not None:
                inner.content = (inner.content[0], min(inner.content[1], trim_end(tokens, k, end)))
                event.embedded = inner
            return
