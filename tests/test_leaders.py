"""The dictionary of known office holders, and a person's body when the text names none."""

from __future__ import annotations

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.errors import NewsbriefError
from newsbrief.gazetteer import load_gazetteer
from newsbrief.leaders import Leader, Office, load_leaders, name_key, served_body


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Joseph R. Biden Jr.", "joseph biden"),
        ("Mohammed Shia’a al-Sudani", "mohammed shiaa sudani"),
        ("Kim Jong-un", "kim jong un"),
        ("Radosław Sikorski", "radoslaw sikorski"),
    ],
)
def test_names_compare_without_initials_particles_or_accents(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("name", "listed"),
    [
        ("Joseph R. Biden Jr.", ["Joe Biden"]),
        ("Putin", ["Vladimir Putin"]),
        ("Xi", ["Xi Jinping"]),  # family name first: the word a title goes with
        ("Volodymyr Zelenskyy", ["Volodymyr Zelensky"]),
        ("Mohammed Shia’a Al-Sudani", ["Mohammed Shia al-Sudani"]),  # first and last word
        ("Anna Berg", []),
        ("Un", []),  # the last word of "Kim Jong Un", too short to be a surname
    ],
)
def test_a_name_finds_the_listed_persons_it_can_be(name, listed):
    assert [leader.name for leader in load_leaders().find(name)] == listed


def test_every_listed_body_is_an_actor_of_the_gazetteer():
    gazetteer = load_gazetteer()
    listed = load_leaders()
    leaders = [listed.leader(i) for i in range(len(listed))]
    assert len(leaders) > 300
    unknown = {o.body for x in leaders for o in x.offices if gazetteer.entry(o.body) is None}
    assert unknown == set()


def _leader(*bodies: str) -> Leader:
    return Leader("A B", tuple(Office(b, "minister", 2020 - i, None) for i, b in enumerate(bodies)))


def test_the_body_the_article_names_wins_else_the_latest():
    stoltenberg = _leader("NOR", "NATO")
    assert served_body([stoltenberg], {"NATO": "NATO"}.get)[0] == "NATO"
    assert served_body([stoltenberg], {}.get)[0] == "NOR"


def test_persons_of_one_surname_resolve_only_when_they_served_the_same_body():
    assert served_body([_leader("USA"), _leader("USA")], {}.get)[0] == "USA"
    assert served_body([_leader("USA"), _leader("GBR")], {}.get) is None
    johnsons = load_leaders().find("Johnson")  # Boris (GBR), and Mike and Jeh (USA)
    assert {x.offices[0].body for x in johnsons} == {"USA", "GBR"}
    assert served_body(johnsons, {}.get) is None


def test_a_malformed_office_is_a_one_line_error(tmp_path):
    path = tmp_path / "leaders.yaml"
    path.write_text("leaders:\n  - {name: Anna Berg, served: [minister of NOR]}\n")
    with pytest.raises(NewsbriefError, match="BODY role"):
        load_leaders(str(path))


def test_a_listed_person_the_text_places_nowhere_serves_the_listed_state(persons_part_of):
    # Without the dictionary the sentence's one state (Ukraine) was the guess.
    text = (
        "Ukraine said on Monday that the talks would resume in Geneva.\n\n"
        "Ukraine and its partners met there last week.\n\n"
        "President Putin said the talks on Ukraine would fail."
    )
    assert persons_part_of(text)["President Putin"] == "RUS"


def test_what_the_text_says_wins_over_the_dictionary(persons_part_of):
    text = (
        "NATO allies met in Oslo on Monday to discuss the budget.\n\n"
        "Norwegian Finance Minister Jens Stoltenberg said the budget would grow."
    )
    assert persons_part_of(text)["Jens Stoltenberg"] == "NOR"


def test_of_the_bodies_a_person_served_the_one_the_article_names_is_chosen(persons_part_of):
    text = (
        "NATO allies met in Brussels on Monday to discuss the budget.\n\n"
        "Jens Stoltenberg said the budget would grow."
    )
    assert persons_part_of(text)["Jens Stoltenberg"] == "NATO"


def _relations(text: str) -> set[tuple[str, str, str]]:
    analysis = analyze(source_from_text(text))
    return {(r.source, r.type, r.target) for r in analysis.relations if not r.weak}


def test_we_of_a_listed_speaker_is_their_state_only_when_the_article_names_it():
    remarks = "Remarks by President Joe Biden on Trade\n\n"
    alone = _relations(remarks + "We will stand with Ukraine.\n")
    assert ("joe-biden", "supports", "UKR") in alone
    named = _relations(remarks + "The United States sent aid. We will stand with Ukraine.\n")
    assert ("USA", "supports", "UKR") in named
