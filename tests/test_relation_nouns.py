"""Nominal triggers: ties in a bad state, givers after "from", and more PLOVER nouns."""

from __future__ import annotations

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.relations import load_lexicon


def classes(text: str) -> set[tuple[str, str, str | None]]:
    """The strong relations of ``text`` as (source, target, PLOVER class)."""
    a = analyze(source_from_text(text))
    return {(r.source, r.target, r.event_class) for r in a.relations if not r.weak}


def pairs(text: str) -> set[frozenset[str]]:
    return {frozenset((s, t)) for s, t, _ in classes(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Chile's strained ties with Peru worsened after the vote.",
        "Relations between Chile and Peru have soured since the election.",
        "Relations between Chile and Peru are at their lowest point in decades.",
        "Ties between Chile and Peru remain tense.",
    ],
)
def test_a_tie_in_a_bad_state_is_conflictual(text):
    found = classes(text)
    assert frozenset(("CHL", "PER")) in pairs(text)
    assert {c for _, _, c in found} == {"DISAPPROVE"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile deepened its ties with Peru.",
        "Relations between Chile and Peru have improved since the election.",
        "Chile's relationship with Peru grew closer.",
    ],
)
def test_a_tie_in_a_good_state_stays_cooperation(text):
    assert {c for _, _, c in classes(text)} == {"COOPERATE"}


def test_straining_words_come_from_the_lexicon():
    words = load_lexicon().governors.straining
    assert {"strained", "sour", "tense", "low"} <= words
    assert "close" not in words


def test_from_names_the_giver_of_a_nominal_event():
    found = classes("The plan faced criticism from Chile against Peru.")
    assert found == {("CHL", "PER", "DISAPPROVE")}


def test_from_stays_the_target_where_the_noun_reads_it_so():
    found = classes("The withdrawal of Chile from Peru ended the crisis.")
    assert ("PER", "CHL", "AID") not in found
    assert all(c == "RETREAT" for _, _, c in found)


def test_an_accusation_targets_the_actor_of_its_clause():
    found = classes("Chile's accusation that Peru had spied on its navy was rejected.")
    assert ("CHL", "PER", "DISAPPROVE") in found


def test_accepting_a_proposal_agrees_with_its_maker():
    assert ("PER", "CHL", "AGREE") in classes("Peru accepted Chile's proposal on Monday.")


def test_demonstrations_against_an_actor_are_protest():
    assert ("IRN", "ISR", "PROTEST") in classes("Iran staged demonstrations against Israel.")


@pytest.mark.parametrize(
    ("text", "klass"),
    [
        ("Chile and Peru signed a peace treaty in Lima.", "AGREE"),
        ("Chile signed a trade pact with Peru.", "AGREE"),
        ("Chile and Peru signed a mutual defense treaty in Lima.", "ALLIED_WITH"),
        ("Chile signed a security pact with Peru.", "ALLIED_WITH"),
    ],
)
def test_a_treaty_is_an_agreement_unless_it_binds_a_defense(text, klass):
    found = classes(text)
    assert frozenset(("CHL", "PER")) in pairs(text)
    assert klass in {c for _, _, c in found}
    other = "ALLIED_WITH" if klass == "AGREE" else None
    assert other not in {c for _, _, c in found}


def test_allying_words_come_from_the_lexicon():
    words = load_lexicon().governors.allying
    assert {"defense", "security", "mutual"} <= words
    assert "peace" not in words


@pytest.mark.parametrize(
    ("text", "klass"),
    [
        ("Chile will continue to support Peru's defense against the rebels.", "AID"),
        ("Chile backs Peru's armed forces.", "AID"),
        ("Chile renewed its support for Peru, including through military assistance.", "AID"),
        ("Chile backs Peru with weapons and money.", "AID"),
        ("Chile pledged to continue its support for Peru, including through aid.", "AID"),
        ("Chile backs Peru through the Andean Defense Council.", "SUPPORT"),
        ("Chile will continue to support Peru.", "SUPPORT"),
        ("Chile renewed its support for Peru after the vote.", "SUPPORT"),
        ("Chile praised Peru's armed forces.", "SUPPORT"),
    ],
)
def test_backing_that_names_arms_or_a_defense_is_material_aid(text, klass):
    found = {c for s, t, c in classes(text) if (s, t) == ("CHL", "PER") or t.startswith("PER")}
    assert found == {klass}


def test_materiel_words_come_from_the_lexicon():
    words = load_lexicon().governors.materiel
    assert {"defense", "assistance", "weapon"} <= words
    assert "peace" not in words


@pytest.mark.parametrize(
    "text",
    [
        "Chile's actions threaten Peru.",
        "The army must ensure that Chile can never again regroup to threaten Peru.",
        "Chile poses a direct threat to Peru.",
    ],
)
def test_a_danger_named_with_a_threat_word_is_no_threat_made(text):
    assert all(c != "THREATEN" for _, _, c in classes(text))


@pytest.mark.parametrize(
    "text",
    [
        "Chile threatened to close its border with Peru.",
        "Chile threatened Peru with sanctions.",
        "Chile issued a threat against Peru.",
    ],
)
def test_a_threat_that_announces_an_act_stays_a_threat(text):
    assert ("CHL", "PER", "THREATEN") in classes(text)


def test_endangering_words_come_from_the_lexicon():
    assert {"threaten", "threat"} <= load_lexicon().governors.endangering


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru pledged to prevent a conflict between them.",
        "Chile averted a clash with Peru.",
    ],
)
def test_a_hostile_act_kept_from_happening_is_no_act(text):
    assert classes(text) == set()


def test_a_hostile_act_not_averted_is_still_read():
    assert ("CHL", "PER", "FIGHT") in classes("Chile launched a war against Peru.")


def test_a_by_phrase_hung_on_an_active_verb_belongs_to_the_noun_before_it():
    # An active verb has no agent: "by Chile" names who holds the drills, not who keeps up.
    found = classes(
        "Peru has kept up a stream of criticism against military drills by Chile and Bolivia."
    )
    assert ("PER", "CHL", "DISAPPROVE") in found
    assert ("PER", "BOL", "DISAPPROVE") in found
    assert ("PER", "CHL", "DISAPPROVE") in classes("Peru condemned the exercises by Chile.")


def test_a_passive_verbs_by_phrase_stays_its_agent():
    assert classes("Peru was attacked in the night by Chile.") == {("CHL", "PER", "FIGHT")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parser reads "with appreciation Y's contributions" as one phrase.
        (
            "Chile noted with appreciation Peru's contributions to regional security.",
            ("CHL", "PER", "SUPPORT"),
        ),
        (
            "Canada noted with concern Venezuela's decision to expel its diplomats.",
            ("CAN", "VEN", "DISAPPROVE"),
        ),
    ],
)
def test_attitude_in_a_with_phrase_is_held_towards_the_object(text, expected):
    assert expected in classes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile launched a diplomatic push with Peru to reopen the border.",
        "Chile's efforts with Peru to curb smuggling paid off.",
    ],
)
def test_joint_undertaking_with_a_partner_is_cooperation(text):
    assert ("CHL", "PER", "COOPERATE") in classes(text)


def test_an_undertaking_without_a_partner_names_no_relation():
    assert classes("Chile's efforts to curb smuggling paid off.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile approved a new aid package for Peru.", ("CHL", "PER", "AID")),
        ("Norway adopted a fresh sanctions package against Russia.", ("NOR", "RUS", "SANCTION")),
        ("Qatar launched a mediation effort between Chile and Peru.", ("QAT", "PER", "CONSULT")),
    ],
)
def test_a_carrier_noun_holds_the_actors_of_the_act_it_carries(text, expected):
    assert expected in classes(text)


def test_a_carrier_noun_says_nothing_of_its_own():
    found = classes("Qatar launched a mediation effort between Chile and Peru.")
    assert ("CHL", "PER", "COOPERATE") not in found


def test_cutting_part_of_a_tie_cuts_the_tie():
    # The verb governs "part"; what it does to the part it does to the program.
    found = classes("Chile suspended part of a military aid program for Peru.")
    assert ("CHL", "PER", "SANCTION") in found
    assert ("CHL", "PER", "AID") not in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Turkish army forced out 300 Syrian families from the camp.", ("TUR-TAF", "SYR")),
        (
            "Chilean troops drove out Bolivian settlers from the valley.",
            ("CHL-MIL", "BOL-SETTLERS"),
        ),
    ],
)
def test_forcing_people_out_expels_them(text, pair):
    assert (*pair, "COERCE") in classes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Peru dropped the tariff following pressure from Chile.",
        "Under pressure from Chile, Peru suspended the new tariff.",
    ],
)
def test_acting_under_pressure_from_an_actor_yields_to_it(text):
    found = classes(text)
    assert ("PER", "CHL", "CONCEDE") in found
    assert not {(s, t) for s, t, _ in found} & {("CHL", "PER")}


def test_pressure_with_its_own_target_stays_pressure():
    found = classes("Peru paused the talks after pressure from Chile on Bolivia.")
    assert ("CHL", "BOL", "COERCE") in found
    assert not [c for c in found if c[2] == "CONCEDE"]


def test_a_deployment_reads_the_verbs_frame():
    found = classes("The planned Chilean deployment of missiles in Peru angered Bolivia.")
    assert ("CHL", "PER", "COOPERATE") in found


def types(text: str) -> set[tuple[str, str, str, str | None]]:
    """The strong relations of ``text`` as (source, target, type, PLOVER class)."""
    a = analyze(source_from_text(text))
    return {(r.source, r.target, r.type, r.event_class) for r in a.relations if not r.weak}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile deployed rocket launchers to Peru on Monday.", "deploys_weapons_to"),
        (
            "The planned Chilean deployment of cruise missiles in Peru angered Bolivia.",
            "deploys_weapons_to",
        ),
        (
            "Chile's deployment of warships and submarines in Peru began in May.",
            "deploys_weapons_to",
        ),
        ("Chile deployed troops to Peru on Monday.", "deploys_personnel_to"),
        ("Chile deployed troops and tanks to Peru on Monday.", "deploys_personnel_to"),
    ],
)
def test_what_is_deployed_decides_the_wording(text, kind):
    """Missiles deployed are no personnel: the wording follows, the class stays."""
    found = {(kind_, c) for s, t, kind_, c in types(text) if (s, t) == ("CHL", "PER")}
    assert found == {(kind, "COOPERATE")}, types(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile announced a suspension of air links with Peru on Monday.",
        "Chile ordered the suspension of all aid to Peru.",
    ],
)
def test_a_suspension_of_ties_or_aid_reduces_relations(text):
    """The noun of "suspended links with Y" says what the verb does (PLOVER SANCTION)."""
    assert ("CHL", "PER", "SANCTION") in classes(text)


def test_the_act_a_verb_of_taking_part_names_keeps_the_verbs_preposition():
    """A verb of taking part ("engaged in N against Y") carries the act's "against" phrase."""
    assert ("CHL", "PER", "ASSAULT") in classes(
        "Chile was engaged in ethnic cleansing against Peru."
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ghana imposed emergency measures in Togo.", "COERCE"),
        ("Ghana eased emergency measures in Togo on Monday.", "CONCEDE"),
    ],
)
def test_emergency_measures_in_a_state_coerce_it_and_easing_them_concedes(text, kind):
    """The measures carry the emergency's act; the light verb carries its "in" phrase."""
    assert ("GHA", "TGO", kind) in classes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile demanded the resignation of President Maduro.",
        "Chile called for the ouster of President Maduro.",
    ],
)
def test_a_demand_that_a_leader_leave_office_asks_the_leader(text):
    """CAMEO 1041 "demand leadership change": the one to leave is asked (PLOVER REQUEST)."""
    assert ("CHL", "maduro", "REQUEST") in classes(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile allowed the delivery of grain to Peru.", "AID"),
        ("Chile halted arms deliveries to Peru.", "SANCTION"),
    ],
)
def test_a_delivery_to_a_state_is_aid_and_halting_it_reduces_relations(text, kind):
    """The noun of "delivered grain to Y" (PLOVER AID); a reducing verb cuts it."""
    assert ("CHL", "PER", kind) in classes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials praised the Helsinki summit with Peru.",
        "Officials praised yesterday's White House meeting with Peru.",
    ],
)
def test_a_site_before_a_meeting_with_a_party_is_its_venue(text):
    """A Helsinki summit with Y is a summit in Helsinki: the site meets nobody."""
    assert not classes(text)


def test_a_state_before_a_meeting_with_a_party_stays_a_party():
    assert ("USA", "PER", "CONSULT") in classes("Officials praised the US summit with Peru.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile suspended its obligations toward Peru under the treaty.", "obligations"),
        ("Chile suspended its treaty commitments to Peru.", "commitments"),
        ("Chile suspended its participation in the treaty with Peru.", "participation"),
    ],
)
def test_suspending_what_is_owed_backs_out_and_says_what(text, kind):
    """Y is owed, not suspended: PLOVER REJECT, worded by what stops."""
    found = analyze(source_from_text(text)).relations
    strong = {(r.source, r.target, r.type, r.event_class) for r in found if not r.weak}
    assert strong == {("CHL", "PER", f"suspended_{kind}_toward", "REJECT")}


def test_suspending_a_member_or_cooperation_stays_a_sanction():
    assert ("AU", "NER", "SANCTION") in classes("The African Union suspended Niger.")
    assert ("CHL", "PER", "SANCTION") in classes("Chile suspended its cooperation with Peru.")


def _types(text: str) -> set[str]:
    a = analyze(source_from_text(text))
    return {r.type for r in a.relations if not r.weak}


def test_an_agreement_named_as_a_noun_is_had_not_signed():
    # "restore ... the U.S.-China air transportation agreement": the briefing read
    # "The United States signed an agreement with China".
    got = _types("The Chile-Peru agreement on water took effect in May.")
    assert "has_agreement_with" in got and "signed_agreement_with" not in got
    assert "signed_agreement_with" in _types("Chile signed an agreement with Peru on Monday.")
