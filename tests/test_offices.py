"""Whose official a person is: a department's head, and colleagues in one release."""

from __future__ import annotations

from newsbrief.gazetteer import load_gazetteer
from newsbrief.model import Mention, Unit
from newsbrief.offices import department_fields, office_state


def _state(text: str, name: str) -> tuple[str, str] | None:
    unit = Unit(0, "claim", 0, len(text), text)
    start = text.index(name)
    return office_state(unit, Mention(0, start, start + len(name), name), load_gazetteer())


def test_secretary_of_a_known_department_serves_its_state():
    found = _state("Secretary of Defense Anna Berg said the drills would go on.", "Anna Berg")
    assert found == ("USA", "office: Secretary of Defense")


def test_department_unknown_to_the_gazetteer_gives_nothing():
    assert _state("Secretary of Tourism Anna Berg opened the fair.", "Anna Berg") is None


def test_a_known_departments_field_before_secretary_serves_its_state():
    found = _state(
        "Energy Secretary Anna Berg said the plant would open.", "Energy Secretary Anna Berg"
    )
    assert found == ("USA", "office: Energy Secretary")
    minister = "Defense Minister Anna Berg"  # many states' ministers are called so
    assert _state(f"{minister} said the drills would go on.", minister) is None


def test_a_minister_heads_a_ministry_not_a_department_of_that_name():
    # The gazetteer's "Department of Foreign Affairs" is one state's, headed by a secretary.
    assert _state("Minister of Foreign Affairs Anna Berg met the envoy.", "Anna Berg") is None
    found = _state("Secretary of Foreign Affairs Anna Berg met the envoy.", "Anna Berg")
    assert found == ("PHL", "office: Secretary of Foreign Affairs")


def test_department_fields_are_the_gazetteers_body_words_not_a_states():
    fields = department_fields(load_gazetteer())
    assert {"Commerce", "Treasury", "Homeland Security"} <= fields
    assert not any(f.startswith("Chinese") for f in fields)  # "Chinese Defense Ministry"


def test_office_of_someone_else_earlier_in_the_sentence_is_not_this_persons():
    text = "Secretary of Defense Anna Berg met Tomas Lind in Oslo."
    assert _state(text, "Tomas Lind") is None


def test_colleagues_of_a_departments_head_serve_the_same_state(persons_part_of):
    text = (
        "The strikes destroyed Iran's sites, and Iran said it would answer.\n\n"
        "Iran has not said when. Iran denied the damage.\n\n"
        "Secretary of Defense Anna Berg said the strikes were a success.\n\n"
        "Special Envoy Tomas Lind said the talks with Iran would resume."
    )
    found = persons_part_of(text)
    assert found["Anna Berg"] == "USA"
    assert found["Tomas Lind"] == "USA"


def test_without_a_department_head_the_article_state_guess_stays(persons_part_of):
    text = (
        "The strikes destroyed Iran's sites, and Iran said it would answer.\n\n"
        "Iran has not said when. Iran denied the damage.\n\n"
        "Special Envoy Tomas Lind said the talks with Iran would resume."
    )
    assert persons_part_of(text)["Tomas Lind"] == "IRN"


def test_a_state_another_person_of_the_sentence_serves_is_not_a_guess_for_this_one(persons_part_of):
    text = (
        "President Tomas Lind met President Anna Berg of Norway in Oslo on Monday.\n\n"
        "Sweden sent observers to the talks."
    )
    found = persons_part_of(text)
    assert found["Anna Berg"] == "NOR"
    assert found["Tomas Lind"] is None
