"""Extraction rules of round 8, from the tuning sets' misses: one made-up sentence each."""

from __future__ import annotations

from tests.helpers.extract import found, one

# Sentences that make the words of the claims below rare enough to link answers by them.
_FILLER = "Ships waited at the port. Prices rose in the markets. The rains came early. "
RIMLAND = "Officials in Rimland said the border deal was void. " + _FILLER
PIPELINE = ("Officials in Rimland said the gas pipeline under the eastern sea will be built next "
            "year. " + _FILLER)


# A capitalised document noun without a possessive ends a name: "the Lakeside Post"
def test_a_newspaper_named_post_is_the_paper() -> None:
    text = ("The mayor met the builders and, according to reports first from the Lakeside Post, "
            "sold the land to his brother.")
    assert one(text, "sold the land")[0] == "Lakeside Post"


def test_a_possessive_across_a_preposition_owns_no_document() -> None:
    text = ('"No trace of the tanker was found," said Norway\'s coast guard at the time of the '
            "report.")
    assert one(text, "No trace")[0] == "Norway's coast guard"


# A long title naming a body with a hyphen in its name, then the person
def test_a_name_after_a_long_title_with_a_hyphenated_body() -> None:
    text = ("Deputy head of the Leeds branch of the Council on Arab - African Relations Nadia "
            "Osei said the school had ignored the complaints.")
    assert one(text, "ignored the complaints")[0] == "Nadia Osei"


# "a statement by X to Y": the document speaks for its author
def test_a_statement_by_someone_is_theirs() -> None:
    text = ("According to the police and a statement by the boy's uncle to the agency Coastal "
            "News Service, the boat left at dawn.")
    assert one(text, "the boat left")[0] == "police and boy's uncle"


# "said X at the time", "at a news conference": when it was said, not who
def test_a_time_after_an_inverted_speaker_is_no_part_of_it() -> None:
    text = '"The bridge is safe," said the city council at a news conference on Friday.'
    assert one(text, "bridge is safe")[0] == "city council"


def test_a_fellow_at_a_body_still_names_the_body() -> None:
    text = '"The bridge is safe," said Ana Ruiz, a fellow at the Institute for Roads.'
    assert one(text, "bridge is safe")[0] == "Ana Ruiz"


# A relative pronoun stands for the noun phrase right before it
def test_a_participle_after_a_relative_clause_is_the_antecedents() -> None:
    text = ("The complaint was sent on Monday to the 3rd District Court of Claims, which refused "
            'to hear it, stating "The complaint is late."')
    assert one(text, "complaint is late")[0] == "3rd District Court of Claims"


# "X of The Globe and Mail": the "and" is inside the paper's name
def test_a_person_of_a_paper_with_and_in_its_name() -> None:
    text = 'Writing on Sunday, Ada Brook of The Star and Mail called the vote "a farce".'
    assert one(text, "farce")[0] == "Ada Brook"


def test_two_people_joined_by_and_stay_two() -> None:
    text = "Ada Brook of Leeds and Tom Hale said the vote was rigged."
    assert one(text, "rigged")[0] == "Ada Brook and Tom Hale"


# "other sites such as X": a group given by examples, named as written
def test_a_group_given_by_examples() -> None:
    text = ("Though the host complied with the request, other websites such as Talkboard.net have "
            "stated that they will keep the film online.")
    assert one(text, "keep the film")[0] == "other websites such as Talkboard.net"


def test_individuals_are_people() -> None:
    text = "Some individuals reported that the page showed only an error."
    assert one(text, "error")[0] == "individuals"


# "denied A but accepted that B": B is a concession, a claim, not more of the denial
def test_a_concession_after_a_denial_is_a_claim() -> None:
    text = ('The governor denied that there was a housing crisis in the region but accepted '
            'that there are "families in need."')
    assert one(text, "families in need")[1] == "claim"
    assert one(text, "housing crisis")[1] == "denial"


def test_accepted_with_a_plain_object_reports_nothing() -> None:
    assert found("The union accepted the offer on Monday.") == []


# ", writing …" is a participle of saying; "admitted to being …" is a statement
def test_a_participle_of_writing_and_a_gerund_after_admitted() -> None:
    text = ('One reader admitted to being part of the campaign, writing in a forum post "I sent '
            'the letters myself."')
    assert found(text) == [("One reader", "claim", "to being part of the campaign"),
                           ("One reader", "claim", "I sent the letters myself.")]


def test_with_someone_writing_is_theirs() -> None:
    text = ('Members of the club criticised the ban, with one member writing "Who decides what '
            'we may read?"')
    assert one(text, "Who decides")[0] == "one member"


def test_admitted_to_a_noun_is_still_a_topic() -> None:
    assert found("The clerk admitted to the payments.") == []


# "spoke of" with quoted words reports them; with a plain object it is a topic; so is
# "noting" with a plain object
def test_spoke_of_quoted_words() -> None:
    text = ('Green Party leader Maya Orr spoke of her rival\'s "courage and humour", noting his '
            "long service despite illness.")
    assert found(text) == [("Maya Orr", "claim", 'her rival\'s "courage and humour"')]


def test_spoke_of_a_topic_is_not_a_claim() -> None:
    assert found("The joint statement spoke of Spain taking charge of the border posts.") == []


# A pair of dashes sets off an aside inside the words; a single dash still ends them
def test_an_aside_between_dashes_stays_in_the_words() -> None:
    text = ("The mayor announced she was starting a ten-day sit-in — a form of silent protest — "
            "to press the council to act.")
    assert one(text, "sit-in")[2].endswith("to press the council to act")


def test_a_single_dash_still_ends_the_words() -> None:
    text = "The judge said the man faces a life term — a sentence rarely given in the state."
    assert one(text, "life term")[2] == "the man faces a life term"


# 'X wrote, "A."; "B."; and "C."': each listed quotation is an assertion of the speaker's
def test_quotations_listed_after_one_verb() -> None:
    text = ('Ola Berg, an aide at the agency, tweeted, "The week has been long."; "Nobody reads '
            'the memos."; and "The budget is a mess."')
    assert [s[2] for s in found(text)] == ["The week has been long.", "Nobody reads the memos.",
                                           "The budget is a mess."]
    assert {s[0] for s in found(text)} == {"Ola Berg"}


# "X, noting Y, said Z": the participle clause between subject and verb is passed over
def test_a_participle_clause_between_subject_and_verb() -> None:
    text = ('Senator Ruth Ames of Ohio, noting she had not seen the report, said, "Leaks like '
            'this hurt everyone."')
    assert one(text, "Leaks like this")[0] == "Ruth Ames"


# "<fronted phrase>, said X, <clause>": the words are the main clause after the speaker
def test_a_speaker_inside_a_sentence_after_a_fronted_phrase() -> None:
    text = ("Unlike earlier audits of the port, said one inspector, Lena Dahl of the Harbour "
            "Board, the new audit was not edited by the ministry.")
    assert found(text) == [("Lena Dahl", "claim", "the new audit was not edited by the ministry")]


# "denounced X, calling Y 'Z'": the calling goes on with the denunciation
def test_denounced_and_calling_is_one_answer() -> None:
    text = ('The Harbour Board said the pier was unsafe. The port company denounced the board\'s '
            'findings, calling the pier "safe and fully inspected".')
    assert one(text, "denounced")[2].endswith('"safe and fully inspected"')


# A third party's negation contradicts a claim, not a denial that already contradicts it
def test_a_negation_does_not_answer_a_denial() -> None:
    text = (f"{RIMLAND}Darmon denied any breach of international law by the agreements. "
            "The Caldor minister said the parliament did not ratify the agreements under "
            "international law.")
    assert one(text, "did not ratify")[1] == "claim"


# "They" is the nearest group of people named in the sentence before, subject or object
def test_they_is_the_group_named_in_the_sentence_before() -> None:
    text = ("Forensic investigators said the blast was caused by a bomb. The case has drawn "
            "supporters of Demir in Paris and Berlin. They claim the trial is a farce.")
    assert one(text, "trial is a farce")[0] == "supporters of Demir"


def test_they_is_not_a_group_owned_by_a_possessive() -> None:
    text = ("Activists say the academy trained militias that were used in their home villages. "
            "They say the academy hid the records.")
    assert one(text, "hid the records")[0] == "Activists"


def test_they_falls_back_on_a_group_named_a_few_sentences_before() -> None:
    text = ("On Monday, a meeting of several finance ministers in Oslo discussed the tariffs. "
            "The tariffs were set in May. They concluded that the tariffs are unlawful.")
    assert one(text, "unlawful")[0] == "finance ministers"


# "No X can …": a warning, as modal negations are; "does not appear": an impression
def test_no_with_a_modal_verb_is_no_denial() -> None:
    text = (f"{PIPELINE}"
            '"No pipeline excluding our country in the eastern sea can be built," the Caldor '
            "minister said.")
    assert one(text, "No pipeline")[1] == "claim"


def test_no_with_a_fact_after_that_still_negates() -> None:
    text = ("The clinic said its herbal tea cures dengue fever. Hundreds queued outside on "
            "Monday. Prices of lemons doubled in the city. Schools were closed for the week. "
            "The health agency said there is no evidence that herbal tea can cure dengue.")
    assert one(text, "no evidence")[1] == "counter-claim"


def test_does_not_appear_is_an_impression() -> None:
    text = (f"{PIPELINE}Ivo Lund, an author of the sea report, said the ministry does not "
            "appear to have edited the pipeline report.")
    assert one(text, "does not appear")[1] == "claim"


# "maintains a list", "maintained a policy": keeping something, not saying it
def test_maintaining_a_thing_is_no_claim() -> None:
    assert found("The agency maintains a register of unsafe bridges built before 1950.") == []


def test_maintaining_that_is_still_a_claim() -> None:
    text = "The agency maintained that the bridge was safe."
    assert found(text) == [("agency", "claim", "the bridge was safe")]


# "responded to her letter", "responded by closing the square": no words of their own
def test_responding_to_or_by_something_is_no_claim() -> None:
    assert found("The governor responded to her letter on Monday, calling for calm.") == []
    assert found("Police responded by closing the square and renaming it.") == []


# A participle after a denied object describes it: "dismissed a lawsuit attempting to …"
def test_a_participle_after_the_object_of_a_denial() -> None:
    text = "A federal judge dismissed a campaign lawsuit attempting to stop the count in Ohio."
    assert found(text) == []


# "a yard, dubbed 'Freedom Square'": a name given, passive, nobody's words
def test_a_name_given_in_a_passive_participle() -> None:
    text = ("Four groups headed by Al Amal, the largest opposition party, organized a sit-in in "
            "a yard, dubbed 'Unity Square', in Sitra village outside the capital.")
    assert found(text) == []


def test_an_active_dubbing_is_still_a_claim() -> None:
    text = 'The mayor, speaking on radio, dubbed the plan "a disaster".'
    assert one(text, "disaster")[0] == "mayor"


# "was hauled in and told that …": told, with no one told, is passive too
def test_told_that_after_a_passive_is_passive() -> None:
    assert found("I was called in and told that my sister had broken the rules.") == []


def test_told_someone_after_a_passive_is_active() -> None:
    text = "The minister was briefed and told reporters the dam was sound."
    assert found(text) == [("minister", "claim", "the dam was sound")]


# "residents on the small island of X": the residents, where they live aside
def test_a_group_with_a_place_description() -> None:
    text = 'Residents on the small island of Vell claimed to have seen "a burning plane" fall.'
    assert one(text, "burning plane")[0] == "Residents"


def test_a_group_in_a_named_place_keeps_it() -> None:
    text = "Health officials in Dunmore said the water was safe."
    assert one(text, "water was safe")[0] == "Health officials in Dunmore"


# "Some also noted …" after a group spoke: some of that group
def test_some_after_a_group_is_part_of_it() -> None:
    text = ("Villagers on the northern coast said they saw a plane fall into the sea. Some also "
            "noted the plane was painted red.")
    assert one(text, "painted red")[0] == "Villagers"


def test_some_alone_is_still_nobody() -> None:
    assert one("Some claim the mayor lied.", "mayor lied")[0] is None


# "One poster …. The poster wrote …": the same one
def test_the_x_after_one_x_is_the_same_one() -> None:
    text = ("One commenter admitted to being part of the campaign. The commenter wrote that "
            '"the site had it coming."')
    assert {s[0] for s in found(text)} == {"One commenter"}


# A verb before a name is no title: "Ana Ruiz pointed out President Lind is …" starts nothing
def test_a_name_after_a_verb_does_not_open_the_sentence() -> None:
    text = ("Governor Mark Lind signed the order on Monday. Deputy Governor Ana Ruiz pointed out "
            'Governor Lind is known for blunt words. "People here like plain talk," she said.')
    assert one(text, "plain talk")[0] == "Ana Ruiz"


# "mentioning Comey's repeated claims that X": X is a claim of the owner's, inside the words
def test_an_owned_claim_inside_reported_words() -> None:
    text = ("Despite the council's statement that the mayor resigned, Mayor Ivo Kral told "
            "reporters that the budget was among his reasons, citing Olga Berg's repeated claims "
            "that he, Kral, was not under audit. He also accused Berg of lying.")
    assert ("Olga Berg", "claim", "he, Kral, was not under audit") in found(text)
    assert one(text, "lying")[0] == "Ivo Kral"


# "X said Y had told him that Z": Y's words, told to the speaker
def test_what_someone_told_the_speaker_is_theirs() -> None:
    text = ("Mayor Ivo Kral spoke on Monday. He said Olga Berg had told him that the audit was "
            "closed.")
    assert found(text) == [("Olga Berg", "claim", "the audit was closed")]


def test_what_someone_told_others_stays_the_reporters() -> None:
    text = "The Ledger reported that Hale had told allies the deal was dead."
    assert one(text, "deal was dead")[0] == "Ledger"


# '"A," it added; and, later, "B."': a quotation after a semicolon is listed, not continued
def test_a_quotation_after_a_semicolon_is_its_own() -> None:
    text = ('"The border is closed," said the agency. "Traders must wait," it added; and, later, '
            '"The army will guard the bridge."')
    said = [s[2] for s in found(text)]
    assert said == ["The border is closed", "Traders must wait", "The army will guard the bridge."]


# 'has called the ruling "dangerous":' is a judgement, not only a lead into the quotation
def test_a_judgement_before_a_colon_is_kept() -> None:
    text = ('Bishop Leo Marr has called the ruling "dangerous" and "unjust":\n'
            '"The court has forgotten the schools."\n')
    assert one(text, "dangerous")[0] == "Leo Marr"
    assert one(text, "forgotten the schools")[0] == "Leo Marr"


# 'However, addressing the crowd, X proposed: "…"': the speaker after the fronted words
def test_a_colon_quotation_after_a_fronted_participle() -> None:
    text = 'However, addressing the crowd, Ravi Kant proposed: "Everyone should plant a tree."'
    assert found(text) == [("Ravi Kant", "claim", "Everyone should plant a tree.")]


# "X's mother, Anwar, wept … and said …": the name in apposition speaks
def test_a_name_in_apposition_to_a_description() -> None:
    text = ("The boy's mother, Rukhsana, wept on hearing the verdict and said the court had been "
            "misled.")
    assert one(text, "misled")[0] == "Rukhsana"


# "I request / we urge …": a request contradicts nothing
def test_a_request_after_however_is_a_claim() -> None:
    text = ("The ministry said masks protect against the flu. "
            'However, addressing the ministers, Ravi Kant proposed: "I request all the ministers '
            'to drink ginger tea against the flu."')
    assert one(text, "I request")[1] == "claim"


# "… but he means he is not involved": a negation reported as a third party's view
def test_a_negation_reported_as_someone_elses_view() -> None:
    text = ("Prosecutors said the prince ordered the killing of the editor. The trial opened in "
            "May. Crowds gathered outside. The weather was cold. "
            '"By confessing this, he is distancing himself from the killing of the editor, but he '
            'means he is not involved," Hana Reyes said.')
    assert one(text, "he means")[1] == "claim"


def test_a_negation_of_the_speakers_own_still_counts() -> None:
    text = ("Prosecutors said the prince ordered the killing of the editor. The trial opened in "
            "May. Crowds gathered outside. The weather was cold. "
            '"By confessing this, he is distancing himself from the killing of the editor, but he '
            'is not involved," Hana Reyes said.')
    assert one(text, "not involved")[1] == "counter-claim"


# A quotation standing alone after a sentence whose subject is a person: that person's
def test_a_quotation_after_a_person_who_reports_nothing() -> None:
    text = ("Nadia Osei, head of the shelter, spoke on Monday. In a post on Tuesday announcing her "
            "strike, Ms Osei demanded more beds for the shelter. "
            '"I will sleep in the office until the beds arrive. I will not go home."')
    assert one(text, "sleep in the office")[0] == "Nadia Osei"


def test_a_quotation_after_a_sentence_about_an_organisation_is_nobodys() -> None:
    text = ('The council closed the shelter on Monday. "Where will they sleep tonight?"')
    assert found(text) == []


# "Posts on the board of the site X": posts where a body is named after its kind are its own
def test_posts_on_a_named_site_are_the_sites() -> None:
    text = ("Posts on the forum of the watchdog site River Watch on Friday claimed that the dam "
            "had leaked.")
    assert one(text, "dam had leaked")[0] == "River Watch"


def test_posts_on_a_platform_are_nobodys() -> None:
    assert one("Posts on Facebook claimed the mayor lied.", "mayor lied")[0] is None


# "the publication of a report rejecting X": a report nobody named wrote contradicts X
def test_an_anonymous_report_rejecting_a_claim() -> None:
    text = ("Police said the blast was a bomb. She has been free since the publication of a "
            "report rejecting the bomb claim in favour of a gas leak.")
    assert one(text, "rejecting")[:2] == (None, "counter-claim")


def test_a_message_posted_by_the_subject_is_theirs() -> None:
    text = "The party posted a message on its website blaming the mayor for the floods."
    assert one(text, "blaming")[0] == "party"


# A surname alone is the person at the end of a long name read as a body's
def test_a_surname_ending_a_long_name_read_as_a_body() -> None:
    text = ("Nursing student at University of Ohio Akron Lena Voss heard of the arrest. Voss said "
            "the boy had been treated unfairly.")
    assert one(text, "treated unfairly")[0] == "Lena Voss"


# "were quick to say on Monday, once the news broke, that X": the words start after the aside
def test_the_words_after_an_aside_before_that() -> None:
    text = ("The mayor's aides were quick to say on Monday, once the audit was published, that "
            "the mayor did not see the accounts.")
    assert one(text, "accounts")[2] == "the mayor did not see the accounts"


# An unnamed source quoted by an outlet stays inside the outlet
def test_an_unnamed_source_quoted_by_an_outlet() -> None:
    text = '"The lights went out at noon," one witness was quoted by the Island Courier as saying.'
    assert one(text, "lights went out")[0] == "Island Courier"


def test_an_unnamed_source_quoted_as_saying_to_an_outlet() -> None:
    text = ('"The lights went out at noon," one witness was quoted as saying to the newspaper '
            "Island Courier.")
    assert one(text, "lights went out")[0] == "Island Courier"


def test_a_named_source_quoted_by_an_outlet_is_named() -> None:
    text = '"The lights went out at noon," Ali Nasir was quoted by the Island Courier as saying.'
    assert one(text, "lights went out")[0] == "Ali Nasir"


# "I've never seen …" reports what the speaker saw, not a denial; "We did not find" still negates
def test_never_having_seen_is_a_view() -> None:
    text = ("Villagers on the coast claimed to have seen a jet flying low over the lagoon. "
            + _FILLER + '"I never saw a jet flying so low over our lagoon before," one witness '
            "told reporters.")
    assert one(text, "never saw")[1] == "claim"


# "emphasized the need for X, saying …": the plain object is a topic, the saying is the claim
def test_emphasizing_a_topic_is_not_a_claim() -> None:
    text = ('The minister emphasized the importance of the treaty, saying "We will sign it next '
            'week."')
    assert found(text) == [("minister", "claim", "We will sign it next week.")]


def test_stressing_that_is_still_a_claim() -> None:
    assert found("The minister stressed that the treaty is sound.") == [
        ("minister", "claim", "the treaty is sound")]


# "X are concerned (that) Y": a worry voiced, reported like "expressed concern that"
def test_being_concerned_that_reports_a_worry() -> None:
    text = "Teachers' unions are concerned the government will cut the school budget."
    assert one(text, "cut the school budget")[0] == "Teachers' unions"


def test_being_concerned_about_something_is_a_topic() -> None:
    assert found("The union is concerned about the cuts.") == []
