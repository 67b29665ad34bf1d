"""Signatories of a declaration: persons, and the source of what "we" declare."""

from __future__ import annotations

from newsbrief.analysis import read_with_claims
from newsbrief.article import source_from_text

DECLARATION = (
    "Joint Declaration of Norway and Iceland\n\n"
    "We, the Prime Minister of the Kingdom of Norway and the Prime Minister of Iceland, "
    "as witnessed by the Secretary General of the United Nations, declare the following:\n\n"
    "- We agree to share fishing data every month.\n"
    "- We commit to joint patrols in the North Atlantic.\n\n"
    "Signed at Oslo on May 2, 2025.\n\n"
    "Kari Nordvik\n\n"
    "Prime Minister of the Kingdom of Norway\n\n"
    "Jon Arnarsson\n\n"
    "Prime Minister of Iceland\n\n"
    "Witnessed by:\n\n"
    "Maria Lund\n\n"
    "Secretary General of the United Nations\n"
)


def test_signatories_are_persons_of_the_state_they_sign_for():
    a, _ = read_with_claims(source_from_text(DECLARATION))
    actors = {x.id: x for x in a.actors}
    assert actors["kari-nordvik"].part_of == "NOR"
    assert actors["jon-arnarsson"].part_of == "ISL"
    assert "Prime Minister of Iceland" in actors["jon-arnarsson"].aliases


def test_we_the_offices_are_the_signatories_not_the_witness():
    a, reading = read_with_claims(source_from_text(DECLARATION))
    items = [c for c in reading.claims if a.units[c.unit].list_item]
    assert [c.attribution for c in items] == ["Kari Nordvik and Jon Arnarsson"] * 2
