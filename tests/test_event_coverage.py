"""Event coverage: verbs, nouns and constructions that state a relation (PLOVER classes).

Each sentence is invented; each test fails without the rule or lexicon entry it names.
"""

from __future__ import annotations

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text


def classes(text: str) -> set[tuple[str, str, str | None]]:
    """The strong relations of ``text`` as (source, target, PLOVER class)."""
    a = analyze(source_from_text(text))
    return {(r.source, r.target, r.event_class) for r in a.relations if not r.weak}


def test_support_from_a_group_that_includes_the_receivers_own_side():
    # "Chile's other partners" names Chile among the givers: Chile still receives Peru's support.
    found = classes(
        "Chile, with the support of Peru and Chile's other partners, sent aid to Bolivia."
    )
    assert ("PER", "CHL", "SUPPORT") in found
    assert ("CHL", "CHL", "SUPPORT") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CAMEO 19 / PLOVER FIGHT: defeating an enemy, as a verb and as a noun.
        ("Norway defeated Chile in the battle for the port.", ("NOR", "CHL", "FIGHT")),
        ("Peru waged a long campaign against Chile.", ("PER", "CHL", "FIGHT")),
        # CAMEO 13 / PLOVER THREATEN: a posture of deterrence aimed at an actor.
        ("Norway strengthened its deterrence against Russia.", ("NOR", "RUS", "THREATEN")),
        # CAMEO 051 / PLOVER SUPPORT: thanks and appreciation, as nouns.
        ("Peru expressed its appreciation for Chile's help.", ("PER", "CHL", "SUPPORT")),
        ("Peru noted its gratitude to Chile.", ("PER", "CHL", "SUPPORT")),
        # PLOVER COOPERATE: "join with" a partner, not only "join" a body.
        (
            "Chilean jets will join with Peruvian fighters in the drill.",
            ("CHL", "PER", "COOPERATE"),
        ),
    ],
)
def test_verbs_and_nouns_of_the_plover_classes(text, expected):
    assert expected in classes(text)


def test_defeat_of_an_actor_is_fought_by_the_clause_subject():
    assert ("PER-MIL", "CHL", "FIGHT") in classes(
        "Peruvian troops were critical to the defeat of Chile."
    )


def test_deterrence_for_an_ally_is_no_threat_to_it():
    found = classes("Norway extended its deterrence to Denmark.")
    assert ("NOR", "DNK", "THREATEN") not in found


def test_weighing_a_hostile_act_is_a_threat_of_it():
    assert ("PER", "CHL", "THREATEN") in classes("Peru is considering sanctions against Chile.")
    assert ("PER", "CHL", "SANCTION") not in classes("Peru is weighing new sanctions on Chile.")
    assert ("POL", "RUS", "THREATEN") in classes(
        "Poland is considering shooting down Russian drones over its territory."
    )


def test_weighing_a_cooperative_act_stays_cooperative():
    assert ("PER", "CHL", "AGREE") in classes("Peru is considering an agreement with Chile.")


def test_normalizing_a_tie_is_an_agreement_not_cooperation_under_way():
    found = classes("Peru seeks the normalization of relations between Chile and Bolivia.")
    assert ("CHL", "BOL", "AGREE") in found
    assert ("CHL", "BOL", "COOPERATE") not in found
    assert ("CHL", "BOL", "AGREE") in classes("Chile restored diplomatic ties with Bolivia.")
    assert ("CHL", "BOL", "COOPERATE") in classes("Chile deepened its ties with Bolivia.")


@pytest.mark.parametrize(
    "text",
    [
        "Peru will continue to support Chile's defense against Bolivian aggression.",
        "Chile defended itself against Bolivian attacks.",
        "Peru will protect Chile against Bolivian aggression.",
    ],
)
def test_a_hostile_act_guarded_against_is_aimed_at_the_guarded(text):
    assert ("BOL", "CHL", "FIGHT") in classes(text)


def test_acting_against_a_hostile_act_is_no_guarding():
    # "sanctions against Bolivian aggression": Peru is not the one attacked.
    found = classes("Peru imposed sanctions against Bolivian aggression.")
    assert ("BOL", "PER", "FIGHT") not in found


def test_actors_named_as_one_joint_unit_cooperate():
    found = classes("The town was retaken by the joint Chilean-Peruvian forces.")
    assert ("PER-MIL", "CHL", "COOPERATE") in found or ("CHL", "PER-MIL", "COOPERATE") in found
    assert not classes("The town was retaken by the Chilean-Peruvian forces.")


def test_a_force_owned_by_a_force_is_part_of_it():
    # The navy has its state's part_of already; its fleet is part of the navy.
    found = classes("The US Navy's 5th Fleet said the tanker was seized.")
    assert ("5TH-FLEET", "USA-NAVY", "PART_OF") in found


def test_a_body_named_inside_another_bodys_name_is_part_of_it():
    found = classes(
        "The US Air Force praised the test. "
        "The Air Force said the Air Force Research Laboratory designed the bomb."
    )
    assert ("AIR-FORCE-RESEARCH-LABORATORY", "USA-AF", "PART_OF") in found


@pytest.mark.parametrize(
    "text",
    [
        "Chile said it had paid compensation to 40 Peruvian fishermen.",
        "Chile will compensate Peru for the damage.",
    ],
)
def test_compensating_concedes(text):
    found = classes(text)
    assert {c for c in found if c[2] == "CONCEDE" and c[0] == "CHL"}
