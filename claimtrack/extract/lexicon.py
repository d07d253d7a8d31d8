"""Word lists the extractor reads: reporting verbs and their kinds, titles, organisations.

Lower-case throughout (apostrophes straight). General English wire-copy vocabulary only: no
names of particular people or countries, so the rules carry over to articles never seen.
"""

from __future__ import annotations

import re
from enum import StrEnum


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string: easier to read and to extend than a set literal."""
    return frozenset(text.split())


class VerbClass(StrEnum):
    """What a reporting verb does to the words it reports."""

    SAY = "say"  # said, told, warned, insisted: a claim (or a denial, by what it says)
    DENY = "deny"  # denied, rejected, refuted: a denial
    DISMISS = "dismiss"  # dismissed X as Y: a denial, or a counter-claim of someone's comments
    ACCUSE = "accuse"  # accused X of Y, blamed X for Y: a claim
    COUNTER = "counter"  # countered, disputed, hit back: a counter-claim
    RESPOND = "respond"  # responded, replied: a claim answering another
    CALL = "call"  # called X "Y", described X as Y: by what X is


_FORMS: dict[VerbClass, str] = {
    VerbClass.SAY: (
        "said says told tells added adds stated announced claimed claims alleged alleges "
        "asserted insisted insists argued argues warned warns reaffirmed reiterated confirmed "
        "confirms noted wrote writes tweeted reported explained acknowledged admitted conceded "
        "suggested predicted stressed maintained maintains cautioned declared emphasised "
        "emphasized vowed promised pledged repeated testified assured hinted remarked contended "
        "complained revealed disclosed estimated believes believed saying adding insisting warning "
        "noting claiming arguing alleging stressing indicated indicates confessed explains states "
        "reports concluded read reads commented stating found finds finding find declaring "
        "declares notes announcing announces explaining suggesting suggests predicting predicts "
        "revealing reveals acknowledging acknowledges admitting admits confirming asserting "
        "asserts contending recounted recounts reiterating emphasizing emphasising chanted "
        "affirmed affirms "
        "shouted yelled theorized theorised speculated reasoned surmised posited promising vowing "
        "pledging writing"
    ),
    VerbClass.DENY: "denied denies rejected rejects refuted refutes rebuffed repudiated "
    "denying rejecting contests contested",
    VerbClass.DISMISS: "dismissed dismisses dismissing slammed slams blasted blasts denounced "
    "denounces derided ridiculed lambasted",
    VerbClass.ACCUSE: "accused accuses blamed blames accusing blaming scolded rebuked faulted",
    VerbClass.COUNTER: "countered counters disputed disputes contradicted contradicts rebutted "
    "retorted disagreed disagrees "
    "discounted discounts "
    "challenged downplayed questioned",
    VerbClass.RESPOND: "responded replied responds replies",
    VerbClass.CALL: "called calls described labelled labeled branded termed dubbed calling "
    "characterized characterised deemed hailed cited referred refers describes",
}
REPORTING_VERBS: dict[str, VerbClass] = {
    form: verb_class for verb_class, forms in _FORMS.items() for form in forms.split()
}
# Multi-word reporting verbs, matched on lower-case words.
PHRASAL_VERBS: dict[tuple[str, ...], VerbClass] = {
    ("hit", "back"): VerbClass.COUNTER,
    ("hits", "back"): VerbClass.COUNTER,
    ("pushed", "back"): VerbClass.COUNTER,
    ("fired", "back"): VerbClass.COUNTER,
    ("shot", "back"): VerbClass.COUNTER,
    ("played", "down"): VerbClass.COUNTER,
    ("brushed", "aside"): VerbClass.DISMISS,
    ("ruled", "out"): VerbClass.DENY,
    ("rules", "out"): VerbClass.DENY,
    ("brushed", "off"): VerbClass.DISMISS,
    ("pleaded", "not", "guilty"): VerbClass.DENY,
    ("pleads", "not", "guilty"): VerbClass.DENY,
    ("was", "quoted", "as", "saying"): VerbClass.SAY,
    ("spoke", "of"): VerbClass.SAY,  # 'spoke of a "towering figure"'
    ("speaks", "of"): VerbClass.SAY,
    ("pointed", "out"): VerbClass.SAY,
    ("points", "out"): VerbClass.SAY,
    ("expressed", "concern"): VerbClass.SAY,
    ("expressed", "concerns"): VerbClass.SAY,
    ("expressed", "confidence"): VerbClass.SAY,
    ("expressed", "doubt"): VerbClass.SAY,
    ("expressed", "doubts"): VerbClass.SAY,
    ("expressed", "fears"): VerbClass.SAY,
    ("expressed", "hope"): VerbClass.SAY,
    ("expressed", "regret"): VerbClass.SAY,
    ("are", "concerned"): VerbClass.SAY,  # "Secularists are concerned the law will change"
    ("is", "concerned"): VerbClass.SAY,
    ("were", "concerned"): VerbClass.SAY,
    ("was", "concerned"): VerbClass.SAY,
    ("express", "regret"): VerbClass.SAY,  # "went on to express regret that …"
    ("took", "issue", "with"): VerbClass.COUNTER,  # "took issue with the claim that …"
    ("cast", "doubt", "on"): VerbClass.COUNTER,  # "cast doubt on the company's claim"
    ("casts", "doubt", "on"): VerbClass.COUNTER,
    ("takes", "issue", "with"): VerbClass.COUNTER,
    ("was", "adamant"): VerbClass.SAY,  # "was adamant that he had done nothing wrong"
    ("were", "adamant"): VerbClass.SAY,
    ("is", "adamant"): VerbClass.SAY,
    ("are", "adamant"): VerbClass.SAY,
    ("remained", "adamant"): VerbClass.SAY,
    ("express", "concern"): VerbClass.SAY,
}
PARTICIPLES = frozenset(form for form in REPORTING_VERBS if form.endswith("ing"))
# Present-tense forms after a plural subject ("Critics say …"): not after "to", "will", "did".
BASE_FORMS: dict[str, VerbClass] = {
    **dict.fromkeys(word_set(
        "say tell claim allege insist argue warn maintain contend acknowledge admit concede "
        "suggest predict stress believe report"), VerbClass.SAY),
    **dict.fromkeys(word_set("deny reject refute"), VerbClass.DENY),
    "dismiss": VerbClass.DISMISS,
    "describe": VerbClass.CALL,
    "call": VerbClass.CALL,  # "went on to call X 'overdue'" ("call for" is no claim: see CALL)
    "accuse": VerbClass.ACCUSE,
    "dispute": VerbClass.COUNTER,
}

# A hedge instead of an answer: each pattern is a non-denial wherever it is said.
NON_DENIAL = re.compile(
    r"\bneither\s+(?:confirm|confirmed|confirms|confirming)\s+nor\s+"
    r"(?:deny|denied|denies|exclude[sd]?|rule[sd]?\s+out|dismiss\w*)"
    r"|\b(?:declined?|declines|declining|refused?|refuses|refusing)\s+to\s+"
    r"(?:comment|say|confirm|discuss|speculate|elaborate|rule\s+out|be\s+drawn|give\s+details"
    r"|identify|name|disclose|reveal|explain|answer)"
    r"|\b(?:would|will|could)\s+not\s+"
    r"(?:comment|say\s+whether|confirm|discuss|rule\s+out|be\s+drawn)"
    r"|\b(?:wouldn't|won't|couldn't)\s+(?:comment|say\s+whether|confirm|discuss|rule\s+out)"
    r"|\b(?:did\s+not|didn't)\s+rule\s+out"
    r"|\b(?:do|does)\s+not\s+(?:comment|discuss)\b|\b(?:don't|doesn't)\s+(?:comment|discuss)\b"
    r"|\bno\s+comment\b|\bcannot\s+(?:comment|confirm|discuss)\b"
    r"|\b(?:not|n't)\s+in\s+a\s+position\s+to\s+(?:confirm|comment|say|discuss)"
    r"|\b(?:cannot|can't|could\s+not|couldn't)\s+confirm\s+or\s+deny"
    r"|\b(?:did|does|would|will)\s+not\s+(?:disclose|reveal|mention|specify|elaborate)\b"
    r"|\b(?:didn't|doesn't|wouldn't|won't)\s+(?:disclose|reveal|mention|specify|elaborate)\b"
    r"|\b(?:won't|will\s+not|would\s+not|wouldn't)\s+(?:give|make|offer)\s+(?:any\s+)?"
    r"(?:further\s+)?comments?\b"
    r"|\bnone\s+of\s+[\w\s'’-]{1,40}?\s+(?:would|could|will)\s+(?:comment|discuss|say|confirm)"
    r"|\bnot\s+(?:for\s+(?:me|us)\s+to|going\s+to)\s+(?:say|discuss|comment|speculate)"
    r"|\b(?:said|says)\s+nothing\s+(?:about|on|of)\b(?!\s+the\s+(?:sort|kind)\b)"
    r"|\b(?:said|says)\s+nothing\s*[.;]"
    r"|\bstopped\s+short\s+of\s+(?:confirming|saying|denying|blaming|accusing|naming)"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?said\s+(?:why|whether|how|what|if)\b"
    r"|\b(?:hasn't|haven't|hadn't)\s+(?:yet\s+)?said\s+(?:why|whether|how|what|if)\b",
    re.IGNORECASE,
)

ABBREVIATIONS = word_set(
    "mr mrs ms dr prof gen col lt maj capt sgt cpl adm cmdr sen rep gov rev st jr sr vs inc "
    "corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec mt gov dept"
)
SENTENCE_STARTERS = word_set(
    "The A An He She It They We I But And In On At This That There His Her Its Their After As "
    "When While However Meanwhile Asked Speaking Earlier Later"
)
HONORIFICS = word_set(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady col. gen. lt. maj. capt. "
    "sgt. adm. sen. rep. gov. rev. sheikh rabbi swami imam mufti ayatollah datuk dato seri"
)
# Words of a title before a name ("Russian Foreign Minister", "national security adviser").
TITLE_WORDS = word_set(
    "president vice prime minister secretary chancellor senator governor mayor king queen "
    "prince princess emperor pope judge justice chief executive officer director spokesman "
    "spokeswoman spokesperson ambassador envoy commissioner chairman chairwoman chair leader "
    "prosecutor attorney general adviser advisor head ceo coach captain commander colonel "
    "admiral lieutenant sergeant mp congressman crown cardinal archbishop bishop cleric mufti imam "
    "superintendent constable inspector congresswoman lawmaker speaker deputy foreign "
    "defence defense interior finance health treasury state opposition senior top former "
    "acting interim lead national security minority majority official diplomat premier "
    "secretary-general campaign regional technology operating financial founder manager "
    "agent lawyer researcher historian analyst economist expert scientist professor doctor "
    "businessman businesswoman activist champion olympic sprint reporter editor sheriff "
    "detective marshal corporal councillor councilor councilman councilwoman alderman pastor "
    "democrat republican democrats republicans intelligence representative special whip fellow "
    "assistant associate author dean"
)
# Heads of a singular noun phrase that names a person by role: "the spokesman", "top diplomat".
PERSON_ROLES = word_set(
    "spokesman spokeswoman spokesperson minister president diplomat official leader chief "
    "director executive secretary ambassador envoy prosecutor lawyer attorney adviser advisor "
    "chairman chairwoman commander general mayor governor senator lawmaker mp source analyst "
    "expert researcher historian economist agent manager coach captain officer aide "
    "negotiator premier chancellor king queen monarch ceo founder editor whistleblower witness "
    "insider consultant surgeon nurse doctor professor scientist judge inspector observer engineer"
)
SPOKESPEOPLE = word_set("spokesman spokeswoman spokesperson representative spokesmen "
                        "spokeswomen spokespeople spokespersons representatives")
# Texts that "read" or "say" what their author asserts: 'Trump's statement read: "…"'.
DOCUMENT_NOUNS = word_set("statement letter decree notice memo summary motion tweet post "
                          "message release communique filing complaint order ruling report "
                          "website account page analysis book article decision judgment "
                          "judgement opinion proclamation resolution indictment")
# The same office under another name: "Russia's top diplomat" is its foreign minister.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"foreign minister", "foreign secretary", "secretary of state"}),
    "premier": frozenset({"prime minister"}),
    "monarch": frozenset({"king", "queen"}),
    "ceo": frozenset({"chief executive"}),
}
ORGANISATION_HEADS = word_set(
    "ministry department agency office house kremlin commission council committee party union "
    "association federation organization organisation service court tribunal bank group "
    "company corporation corp inc ltd firm government administration army navy military police "
    "parliament congress senate assembly institute university foundation fund center centre "
    "coalition alliance front movement league network mission embassy consulate palace "
    "regulator authority board bureau cabinet secretariat command forces force guard watch "
    "securities minerals motors airlines airways industries holdings systems technologies "
    "media news times post journal herald courier ledger gazette tribune telegraph guardian "
    "mirror press broadcaster newspaper radio television tv channel outlet club team street "
    "hall pentagon clinic hospital operator carmaker maker producer manufacturer giant trust "
    "contractor contractors blog website site magazine paper tabloid daily weekly station "
    "network charity drugmaker "
    "automaker retailer insurer lender publisher supplier utility survey observatory school "
    "publication church "
    "district "
    "prosecutors' unit"
)
GROUP_HEADS = word_set(
    "officials authorities prosecutors analysts observers diplomats experts researchers "
    "investigators sources residents critics witnesses activists protesters doctors scientists "
    "lawmakers leaders websites officers ministers allies rebels separatists militants "
    "economists lawyers campaigners organisers organizers employees workers members supporters "
    "opponents commentators historians villagers farmers parents teachers students "
    "governments states countries people owners users customers families survivors engineers "
    "inspectors others"
)
# Verbs by which a body puts out a document that then speaks for it: "X issued a statement".
ISSUING = word_set("issued issues released releases published publishes posted posts sent sends "
                   "put wrote writes signed signs")
# Verbs that come before their subject after a quotation or a clause: '"…" said X'.
INVERTED_SAY = word_set("said says added wrote")
# "were quick to say", "was keen to stress": a verb of saying after "to" that is still said.
EAGER = word_set("quick keen eager careful")
# "went on to call X 'overdue'": the verb after "to" is said all the same.
GOING_ON = word_set("went goes go going")
# Nouns that end like adverbs: "The family said", "a US ally warned".
LY_NOUNS = word_set("family ally assembly rally supply monopoly anomaly reply bully fly homily "
                    "tally belly daily weekly monthly quarterly elderly")


def adverb_like(word: str) -> bool:
    """A word ending in -ly that is an adverb, not a noun ("angrily", not "family", "daily")."""
    return word.endswith("ly") and word not in LY_NOUNS
# People named by what they are rather than by a title: "the family said", "a relative told".
# With the agent suffixes below (-er, -or, -ist, -ian, -ant, -ent and their plurals: "the bus
# driver", "archaeologists", "residents") they name a speaker when nothing more specific does.
PEOPLE_NOUNS = word_set(
    "family families relative relatives crew staff public couple man men woman women child "
    "children mother father son daughter wife husband brother sister friend friends colleague "
    "colleagues neighbour neighbours neighbor neighbors victim victims fan fans pilot pilots "
    "scholar scholars guard guards troops citizen citizens locals youth youths girl boy cousin "
    "uncle aunt widow fiancee fiancée clerk priest monk nun jury tribe clan community "
    "spokespeople nurse nurses patient patients student students resident residents survivor "
    "team campaign police medic medics surgeon surgeons staffer staffers ally acquaintance "
    "acquaintances individual individuals"
)
_AGENT_SUFFIXES = ("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants",
                   "ent", "ents", "ee", "ees")
_NOT_AGENTS = ("ment", "ments", "ever", "other", "others", "order", "orders", "letter",
               "letters", "paper", "papers", "number", "numbers", "matter", "water", "border",
               "power", "quarter", "winter", "summer", "cancer", "center", "centre", "error",
               "event", "events", "percent", "content", "intent", "extent", "talent",
               "president", "after", "thereafter", "whether", "however", "never", "rather",
               "further", "later", "together", "either", "neither", "under", "over", "former",
               "latter", "corner", "manner", "chapter", "dinner", "register", "disaster",
               "monster", "semester", "trimester", "transfer", "offer", "offers", "answer",
               "answers", "weather", "consent", "incident", "incidents", "accident",
               "accidents", "comment", "comments", "segment", "moment", "charter", "banner",
               "computer", "computers", "printer", "container",
               "committee", "committees", "coffee", "degree", "degrees", "guarantee",
               "guarantees", "jubilee", "referee", "settee", "factor", "factors", "sector",
               "sectors", "vector", "motor", "motors", "reactor", "reactors", "tractor",
               "indicator", "indicators", "elevator", "generator", "generators", "floor",
               "floors", "door", "doors", "color", "colors", "colour", "colours", "errors",
               "mirror", "terror", "horror", "honor", "honour", "labor", "labour",
               "favor", "favour", "flavor", "humor", "rumor", "rumors", "tumor", "vapor",
               "minor", "minors", "major", "majors", "interior", "exterior", "behavior",
               "behaviour", "corridor", "meteor", "anchor")


def names_people(word: str) -> bool:
    """A common noun naming a person or people: PEOPLE_NOUNS, or an agent noun by its ending."""
    if word in PEOPLE_NOUNS:
        return True
    return word not in DOCUMENT_NOUNS and len(word) > 4 and word.isalpha() and (
        word.endswith(_AGENT_SUFFIXES) and not word.endswith(_NOT_AGENTS))


# Subjects that carry a rumour, not a speaker: "Posts alleged that …" has no speaker.
RUMOUR_HEADS = word_set(
    "posts reports rumours rumors messages videos claims allegations speculation stories tweets "
    "estimates "
    "publications accounts"
)
ALLEGATION_NOUNS = word_set(
    "allegation allegations claim claims accusation accusations charge charges report reports "
    "rumour rumours rumor rumors suggestion suggestions assertion assertions speculation story "
    "findings study "
    "stories account accounts version insinuation insinuations theory theories contention "
    "it them this that"
)
COMMENT_NOUNS = word_set(
    "comment comments remark remarks statement statements threat threats warning warnings "
    "words criticism idea argument arguments assessment assessments figure figures estimate "
    "estimates prediction predictions admission admissions confession explanation"
)
# Objects that are not assertions: rejecting a demand is not denying a claim.
NOT_ASSERTIONS = word_set(
    "demand demands call calls proposal proposals offer offers request requests plan plans bid "
    "bids ultimatum ultimatums appeal appeals invitation invitations resolution resolutions "
    "deal deals application applications nomination nominations motion motions bill bills "
    "amendment amendments candidacy resignation terms conditions lawsuit lawsuits suit suits "
    "petition petitions agreement agreements memorandum memoranda treaty treaties accord accords"
)
# Words that call a claim groundless without calling it false: "the figures have no basis in
# fact", "the agency had nothing to do with it".
GROUNDLESS = re.compile(
    r"\b(?:no|without)\s+(?:basis|foundation|truth)\b"
    r"|\b(?:is|was|are|were|am|be|being)\s+(?:completely\s+|entirely\s+|totally\s+)?innocent\b"
    r"|\bpolitically\s+motivated\b|\bwitch[- ]hunt\b|\b(?:did|done)\s+nothing\s+wrong\b"
    r"|\bplead(?:ed|s)?\s+not\s+guilty\b"
    r"|\bnothing\s+to\s+do\s+with\b|\bnot\s+(?:true|accurate|correct)\b"
)
FALSITY_WORDS = word_set(
    "lie lies lying false falsehood falsehoods untrue fake fabricated fabrication fabrications "
    "fiction baseless groundless unfounded nonsense absurd ridiculous disinformation "
    "misinformation propaganda slander slanderous smear hoax invented provocation fantasy "
    "rubbish misleading bluster contrived bogus phony phoney trumped-up tenuous unsubstantiated "
    "unproven inaccurate incorrect erroneous"
)
NEGATIONS = word_set("not no never nothing none nobody nowhere neither nor n't cannot")
FIRST_PERSON = word_set("i we our my us me ours")
PRONOUNS = {"he": "person", "she": "person", "it": "organisation", "they": "group"}
DETERMINERS = word_set("the a an this that these those its his her their our")
# Parts of the day and spans of time: "last week", "that night".
PERIODS = word_set("week month year weekend night morning afternoon evening")
# Pronouns that stand for a person as an object: "told him", "questioned them".
OBJECT_PRONOUN_WORDS = word_set("him her them us me")
QUANTIFIERS = word_set("several some many two three four five few numerous various most")
# Words skipped between a subject and its verb: "has", "on Monday", "angrily", "in turn".
AUXILIARIES = word_set(
    "has have had was were is are will would also again later earlier then now still "
    "already turn in on late early last this that week month year night morning afternoon "
    "evening hours days weeks ago overnight yesterday today tonight"
)
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Words of time that stand between a verb and its words, or before "according to".
TIME_WORDS = WEEKDAYS | word_set("yesterday today tonight overnight earlier later again also")
SUBORDINATORS = word_set(
    "after as while when because since although though before until amid whereas if unless "
    "once"
)
RELATIVES = word_set("who which whose whom where")
PREPOSITIONS = word_set("in on at to during via through from with outside inside by for")
# Addressees after "told": "told reporters", "told the court", "told state television".
STOPWORDS = word_set(
    "a an the and or but of to in on at for from by with as that this these those it its is "
    "are was were be been being has have had will would could should may might can do does "
    "did not no he she they we i you his her their our my your them him us me who which what "
    "there here than then so such also into over under about after before while when if "
    "said says told added"
)


# Pairs of opposites: a claim using one answers a claim on the same thing using the other
# ("the dam is sound" after "the dam is leaking"). General English, both directions.
_OPPOSITE_PAIRS = (
    "safe unsafe", "safe dangerous", "sound leaking", "sound unsafe", "true false", "legal illegal",
    "lawful unlawful", "guilty innocent", "rose fell", "increased decreased", "increase decrease",
    "won lost", "win lose", "accurate inaccurate", "fair unfair",
    "valid invalid", "alive dead", "present absent", "improved worsened",
    "growing shrinking", "grew shrank", "rising falling", "strong weak",
    "stable unstable", "healthy ill", "healthy sick", "peaceful violent", "voluntary forced",
    "consensual forced", "real fake", "genuine fake", "authentic forged",
    "success failure", "successful failed", "able unable", "possible impossible",
    "sufficient insufficient", "enough insufficient", "justified unjustified",
    "proportionate disproportionate", "compliant noncompliant", "ready unprepared",
)
OPPOSITES: dict[str, frozenset[str]] = {}
for _pair in _OPPOSITE_PAIRS:
    _one, _other = _pair.split()
    OPPOSITES[_one] = OPPOSITES.get(_one, frozenset()) | {_other}
    OPPOSITES[_other] = OPPOSITES.get(_other, frozenset()) | {_one}
