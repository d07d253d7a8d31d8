"""What is reported: the quotation attached to a verb, or the clause it introduces.

For said-type verbs the words start after the verb, its addressee ("told reporters"), times
("Friday") and places ("in a statement") and an optional "that" or colon (``addressees`` finds
where). For denials, accusations and hedges they start at the verb ("denied having plans …"),
so the words read as an assertion of their own. They end at the sentence's end, a semicolon,
or a clause of the reporter's own (", as …", ", after …"). Allegations ("rumours that X",
"rejected the U.S. allegations that X") are read here too; "according to X" is in ``sources``.
"""

from __future__ import annotations

from claimtrack.extract import phrases
from claimtrack.extract.addressees import words_start
from claimtrack.extract.clauses import main_clause_resumes, object_of_act
from claimtrack.extract.event import ALLEGATION, HEDGE, Candidate, Event
from claimtrack.extract.lexicon import (
    ALLEGATION_NOUNS,
    DETERMINERS,
    FALSITY_WORDS,
    NOT_ASSERTIONS,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    REPORTING_VERBS,
    SUBORDINATORS,
    VerbClass,
    word_set,
)
from claimtrack.extract.phrases import Mention, plain
from claimtrack.extract.segment import Token
from claimtrack.extract.subjects import VERBISH, Subject

_FROM_VERB = (VerbClass.DENY, VerbClass.DISMISS, VerbClass.ACCUSE, VerbClass.CALL, HEDGE)
# Verbs that follow a rumour used as a subject: "Rumours that X spread online".
_RUMOUR_VERBS = word_set("spread circulated swirled surfaced emerged grew mounted persisted "
                          "prompted sparked caused fuelled fueled gained intensified")
_GLOSSES = word_set("meaning i.e. namely")
_NEGATING = word_set("not never n't didn't doesn't")
FINDING = word_set("found finds finding find")
_VOICE_BASE_FORMS = word_set("say says claim claims believe believes argue argues")
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
        start = words_start(tokens, candidate, end)
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
