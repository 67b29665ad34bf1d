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
