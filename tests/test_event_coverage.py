"""Event coverage: verbs, nouns and constructions that state a relation (PLOVER classes).

Each sentence is invented; each test fails without the rule or lexicon entry it names.
"""

from __future__ import annotations

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
