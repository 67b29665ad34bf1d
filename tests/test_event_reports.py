"""One-sentence event reports (CAMEO-style): statements of obligation and event verbs."""

from __future__ import annotations

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text


def classes(text: str) -> set[tuple[str, str, str | None]]:
    """The strong relations of ``text`` as (source, target, PLOVER class)."""
    a = analyze(source_from_text(text))
    return {(r.source, r.target, r.event_class) for r in a.relations if not r.weak}


def test_saying_that_another_actor_must_act_is_a_request():
    assert ("NOR", "CHL", "REQUEST") in classes("Norway said on Friday that Chile must pay.")
    assert ("NOR", "CHL", "REQUEST") in classes(
        "Norway declared that Chile must withdraw its ships."
    )


def test_statement_verbs_come_from_the_lexicon():
    from newsbrief.relations import load_lexicon

    assert {"say", "declare", "tell"} <= load_lexicon().governors.stating
    assert "predict" not in load_lexicon().governors.stating


def test_saying_what_another_actor_may_do_or_did_is_no_request():
    assert not {c for c in classes("Norway said that Chile may pay.") if c[2] == "REQUEST"}
    assert not {c for c in classes("Norway said that Chile paid the bill.") if c[2] == "REQUEST"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway jailed two Chilean fishermen.", ("NOR", "CHL", "COERCE")),
        ("Norway has outlawed the Chilean fishing union.", ("NOR", "CHL", "COERCE")),
        ("Norway imposed new tariffs on Chile.", ("NOR", "CHL", "SANCTION")),
        ("Norway sued Chile over the catch.", ("NOR", "CHL", "DISAPPROVE")),
        ("Norway defied Chile on Tuesday.", ("NOR", "CHL", "REJECT")),
        ("Norway extradited the suspect to Chile.", ("NOR", "CHL", "COOPERATE")),
        ("Chilean students rioted against Norway.", ("CHL", "NOR", "PROTEST")),
        ("Norway lifted its restrictions on Chile.", ("NOR", "CHL", "CONCEDE")),
        ("The Norwegian minister telephoned Chile's president.", ("NOR", "CHL", "CONSULT")),
    ],
)
def test_event_verbs_of_the_cameo_classes(text, expected):
    found = classes(text)
    assert expected in found or (expected[1], expected[0], expected[2]) in found


def test_demonstrating_a_point_is_no_protest():
    found = classes("The vote demonstrates Norway's disregard for NATO.")
    assert not {c for c in found if c[2] == "PROTEST"}


def test_former_states_and_the_european_community_are_actors():
    a = analyze(source_from_text("Yugoslavia and Czechoslovakia met the European Community."))
    assert {"YUG", "CSK", "EU"} <= {x.id for x in a.actors}


@pytest.mark.parametrize(
    "text",
    [
        "Norway threatened to shell Chilean towns.",
        "Norway threatened sanctions against Chile.",
        "Norway threatened to cut off power to Chile.",
    ],
)
def test_a_threatened_act_is_a_threat_not_the_act(text):
    found = classes(text)
    assert ("NOR", "CHL", "THREATEN") in found
    assert not {c for c in found if c[2] in ("FIGHT", "SANCTION")}


def test_undoing_a_coercion_concedes_unless_only_asked():
    assert ("NOR", "CHL", "CONCEDE") in classes("Norway ended the curfew in Chile on Monday.")
    lifted = classes("Norway lifted its ban on the Chilean union.")
    assert ("NOR", "CHL", "CONCEDE") in lifted and ("NOR", "CHL", "COERCE") not in lifted
    asked = classes("Norway urged Chile to lift its curfew in Peru.")
    assert ("CHL", "PER", "COERCE") in asked and ("CHL", "PER", "CONCEDE") not in asked


def test_a_demand_noun_names_who_is_to_act_in_the_verbs_that_clause():
    found = classes("Norway reiterated its demand today that Chile ease its restrictions.")
    assert ("NOR", "CHL", "REQUEST") in found


def test_a_documents_participle_speaks_for_its_issuer():
    found = classes("The Norwegian parliament issued a statement condemning Chile.")
    assert ("NOR-PARL", "CHL", "DISAPPROVE") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway rejected an appeal from Chile.", ("NOR", "CHL", "REJECT")),
        ("Norway condemned the violations by the Chilean army.", ("NOR", "CHL-ARMY", "DISAPPROVE")),
        (
            "Norway investigated crimes committed by Chilean forces.",
            ("NOR", "CHL-MIL", "INVESTIGATE"),
        ),
    ],
)
def test_an_act_aimed_at_what_an_actor_did_is_aimed_at_that_actor(text, expected):
    assert expected in classes(text)


def test_a_hostile_act_from_an_actor_is_not_its_makers_unless_answered():
    # "a figure from Chile" is no maker of anything: the detention is of a person.
    found = classes("Norway detained a senior figure from Chile.")
    assert ("NOR", "CHL", "COERCE") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway complained over Chilean raids.", ("NOR", "CHL", "DISAPPROVE")),
        ("Norway offered mediation among Chile and Peru.", ("NOR", "PER", "CONSULT")),
    ],
)
def test_complaints_over_and_mediation_among(text, expected):
    assert expected in classes(text)


def test_a_threat_is_aimed_at_whom_its_condition_names():
    found = classes("Norway threatened to halt its fishing talks unless Chile paid.")
    assert ("NOR", "CHL", "THREATEN") in found


def test_the_withdrawal_of_an_actor_is_that_actors_withdrawal():
    found = classes("Peru demanded the withdrawal of Chilean forces from Bolivia.")
    assert ("CHL-MIL", "BOL", "RETREAT") in found
    assert ("PER", "BOL", "RETREAT") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The republic of Norway defied Chile.", ("NOR", "CHL", "REJECT")),
        ("Norway killed the commander of the Chilean army.", ("NOR", "CHL-ARMY", "ASSAULT")),
    ],
)
def test_the_republic_or_commander_of_an_actor_stands_for_it(text, expected):
    assert expected in classes(text)


@pytest.mark.parametrize(
    "text",
    ["Norway expelled two Chilean diplomats.", "Norway withdrew its ambassador from Chile."],
)
def test_sending_envoys_away_is_a_sanction(text):
    found = classes(text)
    assert ("NOR", "CHL", "SANCTION") in found
    assert not {c for c in found if c[2] in ("COERCE", "RETREAT")}


def test_expelling_other_people_still_coerces():
    assert ("NOR", "CHL", "COERCE") in classes("Norway expelled two Chilean fishermen.")


def test_conceding_to_demands_from_an_actor_concedes_to_it():
    assert ("NOR", "CHL", "CONCEDE") in classes("Norway conceded to demands from Chile.")


@pytest.mark.parametrize(
    "text",
    [
        "Norway deployed troops to the border with Chile.",
        "Norway massed troops along its frontier with Chile.",
    ],
)
def test_troops_sent_to_the_border_with_an_actor_mobilize_against_it(text):
    found = classes(text)
    assert ("NOR", "CHL", "MOBILIZE") in found
    assert ("NOR", "CHL", "COOPERATE") not in found


def test_troops_sent_to_an_actor_still_aid_it():
    assert ("NOR", "CHL", "AID") in classes("Norway sent troops to Chile.")


@pytest.mark.parametrize(
    "text", ["Norway filed a case against Chile.", "Norway lodged a protest with Chile."]
)
def test_cases_and_lodged_protests_are_formal_complaints(text):
    found = classes(text)
    assert ("NOR", "CHL", "DISAPPROVE") in found
    assert ("NOR", "CHL", "PROTEST") not in found


def test_lifting_a_blockade_is_a_military_de_escalation():
    found = classes("Norway lifted its blockade of Chile.")
    assert ("NOR", "CHL", "RETREAT") in found
    assert ("NOR", "CHL", "COERCE") not in found
