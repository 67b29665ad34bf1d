"""Bare crowd nouns ("the protesters") as the crowd of the state their sentence is about."""

from __future__ import annotations

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text


def _analysis(text: str):
    return analyze(source_from_text(text))


def _mentions(analysis, actor_id: str) -> list[str]:
    actor = next((a for a in analysis.actors if a.id == actor_id), None)
    return [] if actor is None else [m.text for m in actor.mentions]


def test_bare_protesters_are_the_crowd_of_the_one_state_in_the_sentence():
    a = _analysis("Police in Chile detained dozens of protesters outside the palace on Monday.")
    crowd = next(x for x in a.actors if x.id == "CHL-PROTESTERS")
    assert crowd.type == "group"
    assert crowd.part_of is None
    assert _mentions(a, "CHL-PROTESTERS") == ["protesters"]


def test_the_state_of_a_leader_named_in_the_sentence_makes_the_crowd_clear():
    a = _analysis(
        "Rain fell over the capital. "
        "President Gabriel Boric warned the demonstrators to leave the square."
    )
    assert _mentions(a, "CHL-PROTESTERS") == ["demonstrators"]


def test_with_no_state_in_the_sentence_the_unit_before_decides():
    a = _analysis("Peru raised fuel prices in May. Thousands of protesters marched in the streets.")
    assert _mentions(a, "PER-PROTESTERS") == ["protesters"]


def test_two_states_in_play_leave_the_crowd_unnamed():
    a = _analysis("Chile and Peru signed a deal, which the protesters denounced on Monday.")
    assert not any(x.id.endswith("-PROTESTERS") for x in a.actors)


def test_a_crowd_named_with_its_state_is_not_found_twice():
    a = _analysis("Chilean protesters marched to the palace in Santiago on Monday.")
    assert _mentions(a, "CHL-PROTESTERS") == ["Chilean protesters"]


def test_they_after_a_warned_crowd_is_that_crowd():
    a = _analysis(
        "Chile and Peru met in Lima on Monday. "
        "President Gabriel Boric of Chile warned the protesters they would be arrested."
    )
    crowd = next(x for x in a.actors if x.id == "CHL-PROTESTERS")
    assert [m.text for m in crowd.mentions] == ["protesters", "they"]


def test_bare_security_forces_are_the_forces_of_the_state_the_sentence_names():
    a = _analysis("Peru raised fuel prices in May. Security forces detained dozens of people.")
    force = next(x for x in a.actors if x.id == "PER-SF")
    assert force.type == "military"
    assert force.part_of == "PER"
    assert [m.text for m in force.mentions] == ["Security forces"]


def test_the_longest_crowd_term_ending_at_a_word_is_found_inside_its_sentence():
    from newsbrief.crowds import _words_ending
    from newsbrief.nlp import parse

    text = "Rain fell on state. Security forces left, and the state security forces stayed."
    (doc,) = parse([text])
    terms = frozenset({"forces", "security forces", "state security forces", "police"})
    ends = [t for t in doc if t.lower_ == "forces"]
    # "state." ends the sentence before: the three-word term may not reach back into it.
    assert _words_ending(ends[0], terms) == ["security", "forces"]
    assert _words_ending(ends[1], terms) == ["state", "security", "forces"]
    assert _words_ending(doc[0], terms) == []
