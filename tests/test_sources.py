"""Attribution: who says a claim, named as the article names them (hand-built sentences)."""

from __future__ import annotations

import pytest

from newsbrief.analysis import read_with_claims
from newsbrief.article import source_from_text


def sources_of(text: str) -> list[str]:
    """The attribution of every claim unit, in reading order."""
    a, reading = read_with_claims(source_from_text(text))
    return [c.attribution for c in reading.claims if a.units[c.unit].kind == "claim"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # A speech verb's subject is the source whatever noun it is.
        ("The story opens here. The tribunal said Monday that the vote was void.", "tribunal"),
        ("The story opens here. “The border is closed,” Okonkwo said.", "Okonkwo"),
        # "told reporters that": the object is the hearer, not what was said.
        (
            "The story opens here. Maria Duarte told reporters on Friday that talks had failed.",
            "Maria Duarte",
        ),
        # A reporting clause set inside the sentence, before a clause of its own.
        (
            "The story opens here. Floods cut the main road on Monday, the ministry said, "
            "as rain kept falling.",
            "ministry",
        ),
        # A speech verb with an object still states a position ("emphasized the need").
        (
            "The story opens here. Chancellor Anna Berg emphasized the need for restraint.",
            "Anna Berg",
        ),
    ],
)
def test_speech_subjects(text, source):
    assert sources_of(text)[-1].endswith(source)


def test_a_person_the_parser_names_with_a_title_is_cited_without_it():
    got = sources_of(
        "The story opens here. Spokeswoman Maria Duarte told reporters the port would reopen."
    )
    assert got[-1] == "Maria Duarte"


def test_a_document_is_its_issuers_word():
    got = sources_of(
        "The story opens here. A Defense Ministry release said the drills were routine. "
        "The army moved, according to a statement from the Interior Ministry."
    )
    assert got[1:] == ["Defense Ministry", "the Interior Ministry"]


def test_a_bodys_website_or_page_is_its_word():
    got = sources_of(
        "The story opens here. A Coast Guard website said the drills were routine. "
        "A Defense Ministry web page said the ships would return on Friday."
    )
    assert got[1:] == ["Coast Guard", "Defense Ministry"]


def test_a_platform_is_no_issuer():
    got = sources_of(
        "The story opens here. A Telegram post by the Coast Guard said the drills were routine."
    )
    assert got[1:] == ["the Coast Guard"]


def test_a_newspaper_named_for_a_document_is_the_source_not_its_city():
    got = sources_of(
        "The story opens here. The Ostrel Post reported that the dam had cracked. "
        "The Varnia Post said the repairs would take a month."
    )
    assert got[1:] == ["The Ostrel Post", "The Varnia Post"]


def test_an_idiom_with_told_is_not_a_source():
    got = sources_of("The story opens here. All told, the war has lasted a decade.")
    assert got[-1] == "author"


def test_it_and_the_report_are_the_body_that_spoke_last():
    got = sources_of(
        "Amnesty International said the camps were overcrowded. "
        "A doctor said the clinic had no water. "
        "The report said aid had been blocked. "
        "It also criticized both governments for the delays."
    )
    amnesty = "Amnesty International"
    assert got == [amnesty, "A doctor", amnesty, amnesty]


def test_it_that_shows_something_is_not_a_source():
    got = sources_of(
        "Officials said the ships sailed on Monday. It underscores the navy's new reach."
    )
    assert got == ["Officials", "author"]


def test_a_titled_source_is_the_person_named_after_the_title():
    got = sources_of(
        "The story opens here. Army chief spokesperson Colonel Samuel Adeyemi said the raid "
        "had ended."
    )
    assert got[-1] == "Samuel Adeyemi"


def test_a_colon_intro_with_a_nickname_names_the_speaker():
    got = sources_of(
        "The story opens here.\n\nDefense Minister Ruth “Red” Kamau: “The strikes hit "
        "every target. No aircraft was lost.”"
    )
    assert [s.endswith("Ruth “Red” Kamau") for s in got] == [False, True, True]


def test_a_quote_runs_over_paragraphs():
    got = sources_of(
        "The story opens here.\n\n“The fleet is ready,” said Admiral Ola Nordmann.\n\n"
        "“Every ship has sailed.\n\n“No port is empty,” Nordmann added."
    )
    assert [s.endswith("Nordmann") for s in got] == [False, True, True, True]


def test_an_open_quote_does_not_cross_into_a_paragraph_without_one():
    got = sources_of(
        "The story opens here.\n\nAdmiral Ola Nordmann said: “The fleet is ready.\n\n"
        "The ships left port on Monday."
    )
    assert got[-1] == "author"


@pytest.mark.parametrize(
    "sentence",
    [
        "The council has described the ruling as a grave error.",  # the object is what is said
        "The council recounted the events of the night.",
        "The council has advised residents not to leave their homes.",  # object control
    ],
)
def test_speech_verbs_whose_object_is_the_content(sentence):
    assert sources_of(f"The story opens here. {sentence}")[-1] == "The council"


def test_a_speech_verb_with_a_plain_object_is_no_source():
    assert sources_of("The story opens here. The council announced new elections.")[-1] == "author"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Mexico has been told to close the crossing.", "author"),  # the one told is no source
        ("A reporter on the ground saw smoke rising over the port.", "reporter"),  # a witness
        (
            "For Peter Kamau, a lecturer at Nairobi University, the protests are a warning.",
            "Peter Kamau",
        ),
        (
            "State television cited Li Wen, a retired general, as saying the drills would go on.",
            "Li Wen",
        ),
    ],
)
def test_more_ways_of_giving_a_source(sentence, source):
    assert sources_of(f"The story opens here. {sentence}")[-1].endswith(source)


def test_a_reporters_question_in_remarks_is_the_reporters():
    got = sources_of(
        "Remarks by President Ana Silva on the Border Agreement\n\n"
        "We signed the agreement with our neighbors today.\n\n"
        "Q Madam President, families wait at the border. They ask when it opens.\n\n"
        "THE PRESIDENT: I think so."
    )
    assert got[0].endswith("Ana Silva") and got[-1].endswith("Ana Silva")
    assert "reporter" in got
    assert all(s == "reporter" or s.endswith("Ana Silva") for s in got)


def test_a_proper_name_that_urges_is_a_source():
    got = sources_of("The story opens here. The ZNA also urged all states to end the blockade.")
    assert got[-1] == "The ZNA"


def test_coordinated_titles_name_the_persons_they_stand_for():
    text = (
        "US President Joe Biden met Japanese Prime Minister Fumio Kishida in Washington.\n\n"
        "The President and the Prime Minister agreed that the alliance must grow.\n"
    )
    _, reading = read_with_claims(source_from_text(text))
    assert reading.claims[-1].attribution == "Joe Biden and Fumio Kishida"


def test_one_who_speaks_out_holds_the_position():
    text = (
        "The court ruled on Friday.\n\n"
        "German Chancellor Olaf Scholz spoke out against the ruling.\n"
    )
    _, reading = read_with_claims(source_from_text(text))
    assert reading.claims[0].attribution == "author"
    assert reading.claims[1].attribution.endswith("Olaf Scholz")


def test_who_issued_a_statement_is_its_source():
    text = (
        "The talks ended on Monday.\n\n"
        "Canada and Norway issued a joint statement on Tuesday, saying the patrols would resume.\n"
    )
    _, reading = read_with_claims(source_from_text(text))
    assert [c.attribution for c in reading.claims] == ["author", "Canada and Norway"]


def test_a_sentence_inside_a_quote_is_the_speakers_whoever_it_names():
    got = sources_of(
        "The story opens here.\n\nMinister Ola Nordmann spoke about the two envoys: “They came "
        "late. The envoys would not have even thought about it. No one called,” Nordmann said."
    )
    assert [s.endswith("Nordmann") for s in got] == [False, True, True, True]


def test_a_title_with_the_persons_state_in_front_is_that_person():
    text = (
        "Norwegian Foreign Minister Tomas Lind arrived in Oslo on Monday. "
        "The Norwegian foreign minister said the talks were useful."
    )
    assert sources_of(text) == ["author", "Tomas Lind"]


def test_a_title_with_another_state_in_front_stays_as_written():
    text = (
        "Norwegian Foreign Minister Tomas Lind arrived in Oslo on Monday. "
        "The Swedish foreign minister said the talks were useful."
    )
    assert sources_of(text) == ["author", "The Swedish foreign minister"]


def test_a_guest_welcomed_to_a_place_is_no_source():
    # Hosting a visit is an act the author reports, not a position the host states.
    got = sources_of(
        "The story opens here. The President of Chile, Ana Rojas, welcomed the Prime Minister"
        " of Peru, Luis Vega, to the palace."
    )
    assert got[-1] == "author"
    # Welcoming a decision still states the welcomer's position.
    judged = sources_of("The story opens here. President Ana Rojas welcomed the ceasefire.")
    assert judged[-1].endswith("Ana Rojas")


def test_a_name_after_the_speech_verb_is_not_the_titled_source():
    # "The army said Okafor ...": Okafor is who the army speaks of, not the army's title.
    got = sources_of(
        "The story opens here. The Kenyan army said Daniel Okafor, also known as Big Dan,"
        " “has led the raids since May.”"
    )
    assert "Okafor" not in got[-1] and "Big Dan" not in got[-1]
    assert "army" in got[-1].lower()


def test_coordinated_persons_are_all_the_source_not_the_first_one():
    got = sources_of(
        "The story opens here. President Ada Okafor met Chancellor Tomas Brandt in Ostrel. "
        "Chancellor Brandt and President Okafor affirmed that the port treaty would stand."
    )
    assert got[-1] == "Tomas Brandt and Ada Okafor"


def test_a_quotations_later_sentences_take_the_name_its_speaker_was_given():
    # Only the opening sentence names the speaker in full: the later ones kept
    # the title as written ("Harbour Minister Ada Okafor" beside "Ada Okafor").
    got = sources_of(
        "The story opens here.\n\n"
        "Harbour Minister Ada Okafor: “The port is open again. Ships can dock from today. "
        "The strike is over.”"
    )
    assert got[1:] == ["Ada Okafor", "Ada Okafor", "Ada Okafor"]


def test_a_quotations_earlier_sentences_take_the_name_its_closing_speaker_was_given():
    # The closing "the minister said" is linked to her in its own sentence only:
    # the quotation's first sentences kept "the minister" as written.
    got = sources_of(
        "The story opens here. Harbour Minister Ada Okafor visited the port on Monday.\n\n"
        "“The port is open again. Ships can dock from today. The strike is over,” "
        "the minister said."
    )
    assert got[2:] == ["Ada Okafor", "Ada Okafor", "Ada Okafor"]


def test_a_singular_source_keeps_its_article():
    """The source is named as fully as the article names it: "an" and "a" stay."""
    got = sources_of(
        "The story opens here. An Ostrelian army officer said the bridge had fallen. "
        "A senior Varnian diplomat said the talks would resume."
    )
    assert got[1:] == ["An Ostrelian army officer", "A senior Varnian diplomat"]


def test_an_exchange_is_no_source_but_its_owner_is():
    """ "Their discussion emphasized ...": the discussion is no speaker."""
    got = sources_of(
        "The story opens here. The envoys met in Varnia. "
        "Their discussion emphasized that the border must stay open. "
        "The ministers' talks stressed that trade would grow."
    )
    assert got[1:] == ["author", "author", "The ministers"]


def test_a_document_whose_issuer_has_no_name_keeps_who_issued_it():
    got = sources_of(
        "The story opens here. The camps are full, according to a joint letter from a "
        "coalition of aid groups. A statement by the regional police said two men were held. "
        "The army moved, according to a statement from the Interior Ministry."
    )
    assert got[1:] == [
        "a joint letter from a coalition of aid groups",
        "A statement by the regional police",
        "the Interior Ministry",
    ]


def test_parties_committed_to_something_hold_that_position():
    got = sources_of(
        "The story opens here. The two ministers met in Varnia. "
        "The ministers are committed to deepening trade ties. "
        "The bridge is closed to traffic."
    )
    assert got[1:] == ["author", "The ministers", "author"]


def test_a_name_in_apposition_to_a_titled_source_is_that_person():
    got = sources_of(
        "The story opens here. Norway's trade minister, Ida Lund, said the talks would resume."
    )
    assert got[1] == "Ida Lund"


def test_a_colon_intro_with_a_body_and_title_names_the_person_at_its_end():
    # No actor: the source was the whole run, body and title included.
    got = sources_of(
        "The story opens here.\n\nKell Policy Institute Senior Fellow Maria Lopez: “The dams "
        "held. I think the river will fall by Friday.”"
    )
    assert got[1:] == ["Maria Lopez", "Maria Lopez"]


def test_a_description_before_a_name_is_no_part_of_the_source():
    # The recogniser takes the name for an organization: the source was the
    # whole run, and the surname after it kept no full name.
    got = sources_of(
        "The story opens here. Human rights lawyer Ousmane Ndiaye said in an interview on "
        "Sunday: “People are tired. They want change.” “The vote must go ahead,” Ndiaye added."
    )
    assert got[1:] == ["Ousmane Ndiaye", "Ousmane Ndiaye", "Ousmane Ndiaye"]


def test_a_body_described_before_its_name_is_named():
    # "according to <description> the <Name> (<acronym>)": the source stopped at the
    # description's noun, and the briefing cited "per Chilean water agency".
    got = sources_of(
        "The story opens here. Floods closed the coast road on Monday, according to Chilean "
        "water agency the National Water Board (NWB). Rain fell, according to the water agency."
    )
    assert got[1:] == ["the National Water Board", "the water agency"]


def test_a_document_of_a_body_an_owner_names_is_that_bodys_word():
    got = sources_of(
        "The story opens here. A Kell jet hit the ship with a missile, the Navy’s 3rd Fleet "
        "press release said. The talks failed, Norway’s Foreign Ministry statement said."
    )
    assert got[1:] == ["the Navy’s 3rd Fleet", "Norway’s Foreign Ministry"]


def test_a_surname_source_takes_the_full_name_given_before():
    # Experts are no actors: the table cited "Ola Berg" and "Berg" as two sources.
    got = sources_of(
        "The story opens here. “The dams will hold,” said Ola Berg, a hydrologist at Kell "
        "University. “The river is falling,” Berg added. “It fell a metre,” Berg said."
    )
    assert got[1:] == ["Ola Berg", "Ola Berg", "Ola Berg"]
