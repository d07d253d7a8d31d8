"""Extraction on real news, round 2 of issue 15: one short made-up sentence per shape met on
real wire copy (the tuning half of fixtures/extract/news) and handled by a general rule."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from tests.helpers.extract import found, one


# Speakers: how real articles name them
@pytest.mark.parametrize(("text", "words", "speaker"), [
    # a capitalised verb form inside a name is no verb
    ("On Friday, United States District Judge Ann Roe ruled, finding that the law was void.",
     "law was void", "Ann Roe"),
    ("The Yemen-based Houthi movement claimed responsibility for the attacks.", "responsibility",
     "Houthi movement"),
    # a document speaks for its owner, named by a possessive
    ("The agency's website said that no cure had been found.", "no cure", "agency"),
    ("The Recording Industry Association of America (RIAA) sent a notice. RIAA's notice "
     "alleged the tool broke the law.", "broke the law",
     "Recording Industry Association of America"),
    ("The Syrian Democratic Forces (SDF) met on Sunday. The SDF said the deal was signed.",
     "deal was signed", "Syrian Democratic Forces"),
    ("Reporter David Marsh met the crew. David also stated that the ship was safe.",
     "ship was safe", "David Marsh"),
    ("Retired FBI agent and terrorism specialist Ali Soufan said the group was weakened.",
     "group was weakened", "Ali Soufan"),
    ("President of Ukraine Volodymyr Zelenskyy said the talks had failed.", "talks had failed",
     "Volodymyr Zelenskyy"),
    ("One of the users said the move was unfair.", "unfair", "One of the users"),
    ("A number of senators said the order was unlawful.", "unlawful", "senators"),
    ('Sergeant Frank "Greg" Ford filed a report. According to Ford, he was threatened.',
     "threatened", "Frank Ford"),
    ('"The connections are tenuous at best," says Joe Leuer - who worked at the school.',
     "connections", "Joe Leuer"),
    ("Reuters, citing anonymous sources, reported both production and export had stopped.",
     "production", "Reuters"),
    ("Other Republicans disagreed, such as former governor Chris Christie, who said the claims "
     "were an embarrassment.", "embarrassment", "Chris Christie"),
    ("On Tuesday, Greek prime minister Kyriakos Mitsotakis speaking to a think tank called the "
     'deal "null and void".', "null and void", "Kyriakos Mitsotakis"),
    # a pronoun after a fronted adverbial; a subject after a fronted participle
    ('Minister Ali Demir spoke first. On the live television he said, "We will win."',
     "We will win", "Ali Demir"),
])
def test_speakers(text: str, words: str, speaker: str) -> None:
    assert one(text, words)[0] == speaker


def test_joint_speakers_are_named_by_each_part_in_full() -> None:
    text = ("President-elect Joe Biden spoke on Monday. Biden and others in the party warned the "
            "delay could be a threat to national security.")
    speaker, _, words = one(text, "threat")
    assert speaker == "Joe Biden and others in the party"
    assert words.startswith("the delay")  # "warned" has no addressee here


def test_he_is_the_nearest_subject_not_a_name_after_speaking_to() -> None:
    text = ("Hatice Cengiz spoke in New York. PBS revealed that in December, Crown Prince "
            "Mohammad bin Salman of Saudi Arabia accepted responsibility. Speaking to Martin "
            'Smith of PBS, he said, "It happened under my watch."')
    assert one(text, "under my watch")[0] == "Mohammad bin Salman"
    assert one(text, "in December")[0] == "PBS"


# Events without the plain "X said Y"
@pytest.mark.parametrize(("text", "words", "speaker"), [
    ('The attacker was described as "knife-obsessed" by the police.', "knife-obsessed",
     "police"),
    ('The virus was announced to be a "pandemic" by the World Health Organization (WHO).',
     "pandemic", "World Health Organization"),
    ("The parents tried to have him released by saying they forgave him.", "forgave him",
     "parents"),
    ("Pompeo posted a message on Twitter blaming Iran for the attacks.", "blaming Iran",
     "Pompeo"),
    ("A number of Senators condemned the order, citing the move as a grave abuse of power.",
     "grave abuse", "Senators"),
    ("Saudi Arabia denied the claims, however, a UN report concluded that the agents acted "
     "alone.", "agents acted alone", "UN"),
    ("On Sunday in London, according to witnesses, a man stabbed two people.", "a man stabbed",
     "witnesses"),
    ("The militia is large and, according to Turkey, supportive of the rebels.",
     "supportive of the rebels", "Turkey"),
    ("According to a witness, Sergeant Michael Marciello, the officer was livid.",
     "officer was livid", "Michael Marciello"),
    ("According to a court clerk, arguments will be heard in October.", "arguments",
     "court clerk"),
    ("The Senate did not find the network had breached any law.", "did not find", "Senate"),
    ('Minister Ali Demir spoke. The border issue is the "main difference" between the two '
     "countries, he added.", "border issue", "Ali Demir"),
    ("Yesterday, what organizers estimated at 1.7 million people marched to the park.",
     "1.7 million", "organizers"),
])
def test_events(text: str, words: str, speaker: str) -> None:
    assert one(text, words)[0] == speaker


@pytest.mark.parametrize("text", [
    "Many carried signs for a woman whose eye was said to have been injured by police.",
    "Unverified reports of the rally put attendance at 10,000.",
    "Police found a knife in the flat.",
    "The judge dismissed the president's lawsuit.",
])
def test_no_event(text: str) -> None:
    assert found(text) == []


def test_a_block_quote_signed_by_a_dash_line_is_the_signers() -> None:
    text = ("The president argued that he was immune. The judge rejected this argument:\n\n"
            "The notion of immunity that the President invokes cuts across the grain of the "
            "precedents. The Founders rejected it.\n\n"
            '– United States District Judge Victor Marrero, "Decision and Order"\n')
    block = one(text, "notion of immunity")
    assert block[0] == "Victor Marrero" and block[2].endswith("The Founders rejected it.")
    assert [s for s in found(text) if s[0] == "Founders"] == []


# Kinds and answers
def test_which_he_denied_starts_at_which() -> None:
    text = "Cleric Abdul Qawi was later accused of inciting the murder, which he denied."
    assert one(text, "denied") == ("Abdul Qawi", "denial", "which he denied")


def test_a_saying_after_a_denial_is_the_same_answer() -> None:
    text = ("The paper reported that Abbas had been chosen as the candidate. Abbas denied this, "
            'saying, "the matter is still being discussed."')
    suggestions = extract(text)
    denial, elaboration = suggestions[1], suggestions[2]
    assert (elaboration.kind.value, elaboration.responds_to) == ("denial", denial.responds_to)


def test_calling_someones_admission_a_name_contradicts_it() -> None:
    text = ('The prince said, "It happened under my watch." Cengiz called the prince\'s admission '
            'a "political maneuver."')
    speaker, kind, _ = one(text, "political maneuver")
    assert (speaker, kind) == ("Cengiz", "counter-claim")


def test_however_marks_a_counter_claim_that_answers_another_party() -> None:
    text = ("The river flooded on Monday. Activists said the Rava dam wall was cracking. However, "
            "the operator said the Rava dam wall had been inspected in March.")
    assert one(text, "inspected")[1] == "counter-claim"


def test_not_only_is_no_negation() -> None:
    text = ('The president said the museum would become a mosque. The minister said: "It is not '
            'only a great temple, it also belongs to humanity."')
    assert one(text, "great temple")[1] == "claim"


def test_a_participle_of_a_described_source() -> None:
    text = ('An eyewitness described how the attack unfolded, stating, "I saw a man with a '
            'machete."')
    assert one(text, "machete")[0] == "eyewitness"
