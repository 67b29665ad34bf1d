"""Relations: who does what to whom, from the parse and the YAML lexicon."""

from __future__ import annotations

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.relations import load_lexicon


def strong(text: str) -> set[tuple[str, str, str]]:
    a = analyze(source_from_text(text))
    return {(r.source, r.type, r.target) for r in a.relations if not r.weak}


def test_lexicon_reads_on_as_a_preposition():
    lexicon = load_lexicon()
    assert "on" in lexicon.verbs["fire"].targets
    assert "met_with" in lexicon.symmetric_types


def test_nominal_trigger_with_possessor():
    assert ("RUS", "invaded", "UKR") in strong("The talks followed Russia's invasion of Ukraine.")


def test_passive_with_agent_reverses_roles():
    assert ("RUS", "attacked", "UKR") in strong("Ukraine was attacked by Russia on Monday.")


def test_possessive_pronoun_resolves_to_last_actor():
    found = strong("Japan said it will deepen its ties with NATO.")
    assert ("JPN", "cooperates_with", "NATO") in found


def test_part_of_comes_from_the_gazetteer():
    found = strong("The Self-Defense Forces trained in Japan on Monday.")
    assert ("JPN-SDF", "part_of", "JPN") in found


def test_no_relation_without_a_trigger():
    a = analyze(source_from_text("France and Germany are in Europe."))
    assert not [r for r in a.relations if not r.weak]
    assert [r.type for r in a.relations] == ["co_mentioned"]


def test_joint_activity_links_the_subjects():
    a = analyze(source_from_text("Japan and Australia will hold joint naval drills next week."))
    strong = {(r.source, r.target, r.type) for r in a.relations if not r.weak}
    assert ("JPN", "AUS", "exercises_with") in strong


def test_phrasal_verb_take_part():
    text = "Canadian troops are taking part in the exercises of Japan and the United States."
    strong = {(r.source, r.target) for r in analyze(source_from_text(text)).relations if not r.weak}
    assert {("CAN-MIL", "JPN"), ("CAN-MIL", "USA")} <= strong or any(
        s.startswith("CAN") and t == "JPN" for s, t in strong
    )
