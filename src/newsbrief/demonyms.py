"""A demonym that only says where something happens: "through Belarusian airspace".

A state's adjective usually names the state as a participant: "Russian
missiles" are fired by Russia, "Soviet leadership" is the Soviet Union's
and "attacks on Ukrainian cities" hit Ukraine. Before a word for a place
("airspace", "border", "territory", "town") in a phrase of where ("near
the Syrian border", "through Belarusian airspace") it only locates what
happens, and the state does nothing in the sentence, just as "in Belarus"
would make no participant of Belarus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["PLACE_HEADS", "qualifies_a_place"]

#: Nouns of places that a demonym before them only locates (lemmas).
PLACE_HEADS = frozenset(
    {
        "airspace",
        "border",
        "frontier",
        "territory",
        "water",
        "soil",
        "coast",
        "coastline",
        "town",
        "city",
        "village",
        "province",
        "district",
        "region",
        "capital",
    }
)
#: Prepositions of where something happens; "attacks on Ukrainian cities" hit a target.
_WHERE = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "through",
        "along",
        "over",
        "within",
        "inside",
        "around",
        "off",
        "from",
    }
)


def _head_noun(tok: Token) -> Token:
    """The noun an adjective qualifies, through "and" ("the Syrian and Lebanese borders")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in ("amod", "compound", "nmod") else tok


def qualifies_a_place(span: Span, start: int, end: int) -> bool:
    """Whether the demonym at ``start:end`` (offsets in the unit) qualifies a place of where.

    Examples
    --------
    In "The drones flew through Belarusian airspace." the demonym
    "Belarusian" qualifies "airspace" after "through": True. In "attacks on
    Moldovan towns" the towns are a target, and in "Belarusian troops
    crossed." the adjective qualifies people: False.
    """
    base = span.start_char
    toks = span.doc.char_span(base + start, base + end, alignment_mode="expand")
    if toks is None or not len(toks):
        return False
    root = toks.root
    head = _head_noun(root)
    return (
        head.i != root.i
        and head.lemma_.lower() in PLACE_HEADS
        and head.dep_ == "pobj"
        and head.head.lower_ in _WHERE
    )
