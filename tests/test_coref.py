"""Coreference: pronouns, titled descriptions and collectives resolve to named actors."""

from __future__ import annotations

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text


def _analysis(text: str):
    return analyze(source_from_text(text))


def _links(analysis, actor_id: str) -> list[str]:
    actor = next(a for a in analysis.actors if a.id == actor_id)
    named = set(actor.aliases)
    return [m.text for m in actor.mentions if m.text not in named]


def test_pronoun_counts_as_a_mention_of_the_last_person():
    a = _analysis("Emmanuel Macron visited Kyiv on Monday. She said the talks went well.")
    assert _links(a, "emmanuel-macron") == ["She"]


def test_pronoun_source_is_named_as_the_article_names_it():
    a = _analysis("Emmanuel Macron visited Kyiv on Monday. She said the talks went well.")
    assert [c.attribution for c in a.claims] == ["author", "Emmanuel Macron"]
    assert any("coreference" in cue for cue in a.claims[1].cues["attribution"])


def test_numbered_collective_names_both_parties():
    a = _analysis(
        "President Anna Berg met Prime Minister Tomas Lind in Oslo. "
        "The two leaders reaffirmed their commitment to the partnership."
    )
    assert a.claims[1].attribution == "Anna Berg and Tomas Lind"


def test_title_alone_makes_a_person():
    a = _analysis("President Kastner said on Monday that Germany would send aid to Ukraine.")
    person = next(x for x in a.actors if x.type == "person")
    assert person.name == "President Kastner"
    assert a.claims[0].attribution == "President Kastner"


@pytest.mark.parametrize("honorific", ["Mr", "Mr.", "Ms", "Dr"])
def test_an_honorific_with_or_without_its_stop_makes_a_person(honorific):
    a = _analysis(f"{honorific} Kastner said on Monday that Germany would send aid to Ukraine.")
    person = next(x for x in a.actors if x.type == "person")
    assert person.name == f"{honorific} Kastner"  # British usage drops the stop
    assert a.claims[0].attribution == f"{honorific} Kastner"


def test_state_in_the_title_run_is_the_persons_state():
    a = _analysis("Kenya's President William Ruto withdrew the bill after protests.")
    ruto = next(x for x in a.actors if x.type == "person")
    assert ruto.part_of == "KEN"
    assert ("william-ruto", "KEN", "PART_OF") in {
        (r.source, r.target, r.event_class) for r in a.relations
    }


def test_word_of_a_name_refers_back_to_the_body():
    a = _analysis(
        "The International Court of Justice ruled on Friday. "
        "The court said the occupation was unlawful."
    )
    court = next(x for x in a.actors if x.type != "person" and "Court" in x.name)
    assert "The court" in _links(a, court.id)


def test_hyphenated_pair_of_a_conflict_is_one_mutual_relation():
    a = _analysis("Egypt has mediated in the Israel-Hamas conflict since October.")
    found = {(r.source, r.target, r.event_class) for r in a.relations if not r.weak}
    assert ("ISR", "HAMAS", "FIGHT") in found or ("HAMAS", "ISR", "FIGHT") in found


def test_a_state_named_in_what_a_person_says_is_not_the_persons_state():
    a = _analysis(
        "Chile held a vote. Chile counted it. "
        "Minister Anna Berg said: “Peru must respect the vote.”"
    )
    berg = next(x for x in a.actors if x.type == "person")
    assert berg.part_of != "PER"  # nor "CHL" by a guess, the article naming two states


def _mentioned_by(analysis, text: str) -> set[str]:
    return {a.id for a in analysis.actors if any(m.text == text for m in a.mentions)}


def test_name_modifying_a_noun_joins_the_coordinated_parties():
    a = _analysis(
        "Fighting broke out between the Sudanese army and Hezbollah fighters last week, "
        "the United Nations said. Both sides traded fire on Sunday."
    )
    assert _mentioned_by(a, "Both sides") == {"SDN-ARMY", "HEZBOLLAH"}


def test_she_after_an_unnamed_person_a_who_clause_tells_of_is_no_named_person():
    a = _analysis(
        "“The clinics are full,” said Maria Duarte, a director at the aid group. "
        "Aid workers interviewed 40 nurses in the city. "
        "One nurse recalled a patient who discovered she had lost her home. "
        "She was shivering and afraid. Maria Duarte said she would return in May."
    )
    assert _links(a, "maria-duarte") == ["she"]  # only after she is named again


def test_a_list_the_parser_cut_short_is_one_group_of_all_its_names():
    # spaCy hangs "Joint Water Commission" on the verb, not on the list: read as a
    # group of the first two, the three bodies were "both sides", not the two states.
    a = _analysis(
        "Joint Statement by the Prime Minister of Chile and the Prime Minister of Peru\n\n"
        "We reaffirm our commitment to peace, refraining from the use of force, and "
        "recognize the Northern River Council, Southern Valley Council, and Joint Water "
        "Commission (JWC) as the bodies to settle border issues, in accordance with their "
        "respective mandates. Both sides will end active hostilities."
    )
    assert _mentioned_by(a, "Both sides") == {"CHL", "PER"}


def test_the_two_countries_are_the_parties_the_headline_names_not_an_aside():
    a = _analysis(
        "Joint Statement by the President of Chile and the President of Peru\n\n"
        "The presidents met in Lima on Monday to discuss trade.\n\n"
        "Both condemned Argentina's blockade of Bolivia. "
        "The two countries will hold talks on a new port in May."
    )
    assert _mentioned_by(a, "The two countries") == {"CHL", "PER"}
    found = {(r.source, r.target) for r in a.relations if not r.weak}
    assert ("ARG", "BOL") in found and ("CHL", "PER") in found
    assert len(found) == 2


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (  # a pair in the sentence before is nearer than the headline's parties
            "Joint Statement by the President of Chile and the President of Peru\n\n"
            "The presidents met in Lima on Monday to discuss trade.\n\n"
            "Bolivia and Uruguay signed a river treaty in March. "
            "The two countries will share the water.",
            "The two countries",
            {"BOL", "URY"},
        ),
        (  # a dashed list in the headline names the three parties
            "Fact Sheet: Chile – Peru – Bolivia Partnership\n\n"
            "The partnership opens a new chapter in trade.\n\n"
            "The plan responds to Argentina's blockade of Uruguay and Brazil's protests. "
            "The three countries will meet in Quito in June.",
            "The three countries",
            {"CHL", "PER", "BOL"},
        ),
    ],
)
def test_a_numbered_collective_takes_the_nearest_list_of_its_size(text, phrase, expected):
    assert _mentioned_by(_analysis(text), phrase) == expected


def test_all_countries_and_our_allies_refer_to_no_one_named_before():
    a = _analysis(
        "Japan and Germany held talks in Tokyo on Monday. All countries must respect the "
        "rules. “We will consult our allies,” the German chancellor said."
    )
    assert _mentioned_by(a, "All countries") == set()
    assert _mentioned_by(a, "our allies") == set()
    assert ("JPN", "DEU", "ALLIED_WITH") not in {
        (r.source, r.target, r.event_class) for r in a.relations
    }


def test_allies_joined_to_a_name_are_that_names_allies_not_the_last_pair():
    a = _analysis(
        "Chile and Peru watched the drills. "
        "Earlier this month, the US and allies practiced landing troops on a beach."
    )
    assert _mentioned_by(a, "allies") == set()
    assert ("CHL", "PER", "ALLIED_WITH") not in {
        (r.source, r.target, r.event_class) for r in a.relations
    }


def test_the_noun_a_name_modified_refers_back_to_that_body():
    a = _analysis(
        "Hezbollah fighters crossed the border on Monday, officials in Cyprus said. "
        "The fighters attacked an Israeli army post."
    )
    assert _mentioned_by(a, "The fighters") == {"HEZBOLLAH"}
    assert ("HEZBOLLAH", "ISR-IDF", "FIGHT") in {
        (r.source, r.target, r.event_class) for r in a.relations
    }


def test_the_armed_group_is_the_last_group_named():
    a = _analysis(
        "Hamas fired rockets at Israel on Monday, officials in Egypt said. "
        "The armed group said the attack was a warning."
    )
    assert _mentioned_by(a, "The armed group") == {"HAMAS"}


def test_a_description_with_a_name_in_front_still_relates_the_two():
    a = _analysis(
        "Hezbollah fired rockets at Israel on Monday. "
        "The Iran-backed group said the attack was a warning."
    )
    assert _mentioned_by(a, "group") == {"HEZBOLLAH"}
    assert ("IRN", "HEZBOLLAH", "AID") in {(r.source, r.target, r.event_class) for r in a.relations}


def test_they_is_the_plural_subject_of_its_own_sentence_first():
    a = _analysis(
        "Japan and Germany met in Tokyo on Monday. "
        "Polish farmers said they would block the border with Ukraine."
    )
    assert _mentioned_by(a, "they") == {"POL"}


def test_the_north_and_the_south_are_the_states_named_with_those_words():
    a = _analysis(
        "North Korea fired shells at South Korea on Monday. "
        "Officials said the North had warned the South twice."
    )
    assert _links(a, "PRK") == ["the North"]
    assert _links(a, "KOR") == ["the South"]
    warned = [r for r in a.relations if not r.weak and 1 in {e.unit for e in r.evidence}]
    assert [(r.source, r.target) for r in warned] == [("PRK", "KOR")]


def test_their_is_the_pair_joined_earlier_in_its_own_sentence():
    # The sentence's own pair, not the pair of the sentence before, owns "their governments".
    a = _analysis(
        "Chile and Bolivia fought in March. "
        "I spoke with the president of Chile and Peru, and their governments accepted "
        "Brazil's proposal."
    )
    assert _mentioned_by(a, "their") == {"CHL", "PER"}


def test_they_is_the_unnamed_plural_object_that_governs_it():
    # "warned the dockers they ...": the dockers, whom no actor names, not the last pair.
    a = _analysis(
        "Japan and Germany met in Tokyo on Monday. "
        "The minister warned the dockers they would lose their jobs."
    )
    assert _mentioned_by(a, "they") == set()
    assert _mentioned_by(a, "their") == set()


def test_they_does_not_reach_a_pair_named_many_sentences_before():
    a = _analysis(
        "Japan and Germany met in Tokyo on Monday. Prices rose in March. "
        "Rain fell in April. The harvest was poor. Shops closed early. "
        "They said more help was needed."
    )
    assert _mentioned_by(a, "They") == set()


# Each case: who is named first, who second, the description, and whom it means.
_WHOLE_TITLES = [
    ("President Anna Berg arrived", "Vice President Tomas Lind met", "The President", "Anna Berg"),
    (
        "Vice President Tomas Lind arrived",
        "President Anna Berg met",
        "The vice president",
        "Tomas Lind",
    ),
    (
        "Prime Minister Anna Berg arrived",
        "Foreign Minister Tomas Lind met",
        "The prime minister",
        "Anna Berg",
    ),
    (
        "Secretary of State Anna Berg arrived",
        "Defense Secretary Tomas Lind met",
        "The secretary of state",
        "Anna Berg",
    ),
    (
        "Anna Berg, Norway's vice president, arrived",
        "President Tomas Lind met",
        "The vice president",
        "Anna Berg",
    ),
]


@pytest.mark.parametrize(("first", "second", "description", "expected"), _WHOLE_TITLES)
def test_a_description_reaches_only_the_whole_title(first, second, description, expected):
    a = _analysis(
        f"{first} in Oslo on Monday. {second} the delegation. "
        f"{description} said the talks went well."
    )
    assert a.claims[2].attribution == expected


def test_the_former_president_is_the_one_named_former():
    a = _analysis(
        "Former President Anna Berg arrived in Oslo on Monday. "
        "President Tomas Lind met the delegation. "
        "The former president said the talks went well. "
        "The president said they went badly."
    )
    assert [c.attribution for c in a.claims[2:]] == ["Anna Berg", "Tomas Lind"]


def test_a_title_with_another_state_in_front_is_not_the_person_named_last():
    a = _analysis(
        "Norwegian Foreign Minister Tomas Lind arrived in Oslo on Monday. "
        "The Swedish foreign minister said the talks were useful. "
        "The Norwegian foreign minister agreed."
    )
    assert _links(a, "tomas-lind") == ["foreign minister"]


def test_pronoun_object_is_not_its_own_verbs_subject():
    a = _analysis("Anna Berg arrived in Oslo on Monday. Tomas Lind met her at the airport.")
    assert _links(a, "anna-berg") == ["her"]
    assert _links(a, "tomas-lind") == []


def test_pronoun_object_of_a_preposition_or_an_infinitive_is_not_the_subject():
    a = _analysis(
        "Anna Berg arrived in Oslo on Monday. Tomas Lind spoke with her on Tuesday. "
        "Tomas Lind wants to meet her again."
    )
    assert _links(a, "anna-berg") == ["her", "her"]
    assert _links(a, "tomas-lind") == []


def test_reflexive_object_is_its_verbs_subject():
    a = _analysis("Anna Berg arrived in Oslo on Monday. Tomas Lind told her about himself.")
    assert _links(a, "anna-berg") == ["her"]
    assert _links(a, "tomas-lind") == ["himself"]


def test_possessive_pronoun_may_be_the_subject():
    a = _analysis("Anna Berg arrived in Oslo on Monday. Tomas Lind met his counterpart.")
    assert _links(a, "tomas-lind") == ["his"]


def test_possessive_in_a_fronted_phrase_points_ahead_to_the_subject():
    a = _analysis(
        "Anna Berg arrived in Oslo on Monday. "
        "During his visit to Chile, Tomas Lind met the president."
    )
    assert _links(a, "tomas-lind") == ["his"]
    assert _links(a, "anna-berg") == []
    b = _analysis("In her speech, Anna Berg praised Chile. Tomas Lind agreed.")
    assert _links(b, "anna-berg") == ["her"]


def test_possessive_state_before_a_title_is_that_states_person():
    a = _analysis(
        "Norwegian Foreign Minister Tomas Lind and Swedish Foreign Minister Anna Berg met "
        "in Berlin on Monday. Sweden's foreign minister said the talks went well."
    )
    assert _links(a, "anna-berg") == ["foreign minister"]
    assert _links(a, "tomas-lind") == []
    assert a.claims[1].attribution == "Anna Berg"


def test_possessive_state_before_a_title_needs_that_states_person():
    a = _analysis(
        "Norwegian Foreign Minister Tomas Lind arrived in Berlin on Monday. "
        "Sweden's foreign minister said the talks went well."
    )
    assert _links(a, "tomas-lind") == []


def test_a_headline_title_and_a_family_name_first_name_are_one_mention():
    # The title rule took "Foreign Minister Wang", the surname rule "Yi": one name, one mention.
    text = (
        "Readout of Secretary Blinken’s Call with Foreign Minister Wang Yi of the People’s "
        "Republic of China\n\nSecretary Antony J. Blinken spoke today with Foreign Minister "
        "Wang Yi of China. They discussed trade.\n"
    )
    wang = {a.id: a for a in analyze(source_from_text(text)).actors}["wang-yi"]
    assert [m.text for m in wang.mentions] == ["Foreign Minister Wang Yi", "Wang Yi"]
    assert wang.aliases == ("Wang Yi",)


def test_a_pronoun_opening_a_sentence_continues_the_subject_before():
    # Centering: "him" continues the subject of the sentence before (Lind), not
    # the last person it named (Berg), and so does the next sentence's "him".
    a = _analysis(
        "Tomas Lind is a senior aide to party leader Anna Berg. "
        "The police offered a reward for information on him. "
        "In May, the court summoned him."
    )
    assert _links(a, "tomas-lind") == ["him", "him"]
    assert _links(a, "anna-berg") == []


def test_a_pronoun_subject_continues_the_subject_of_its_governing_clause():
    a = _analysis(
        "Officials said Tomas Lind, also known as Anna Berg's deputy, "
        "directed the raids and he ordered the arrests."
    )
    assert _links(a, "tomas-lind") == ["he"]


def test_a_pronoun_after_a_person_named_in_its_own_sentence_keeps_the_last_person():
    a = _analysis(
        "Tomas Lind is a senior aide to Anna Berg. Carl Moe met Anna Berg and praised her."
    )
    assert _links(a, "anna-berg") == ["her"]


def test_they_nothing_else_explains_continues_the_body_subject_before():
    a = _analysis("Al-Shabaab rejected the offer on Monday. Their fighters kept attacking Kenya.")
    assert _links(a, "AL-SHABAAB") == ["Their"]


def test_they_after_a_state_subject_is_not_that_state():
    a = _analysis("Kenya rejected the offer on Monday. Their fighters kept attacking Somalia.")
    assert _links(a, "KEN") == []
