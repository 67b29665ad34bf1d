"""A demonym that only says where something is: "Belarusian airspace", "the Syrian border".

A state's adjective usually names the state as a participant: "Russian
missiles" are fired by Russia, "Soviet leadership" is the Soviet Union's
and "American strikes" are the United States'. Before a word for a place
("airspace", "border", "territory", "waters", "town") it only locates
something, and the state does nothing in the sentence: an article that
says "missiles crossed Belarusian airspace" makes no participant of
Belarus, just as "in Belarus" would not.
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


def _head_noun(tok: Token) -> Token:
    """The noun an adjective qualifies, through "and" ("the Syrian and Lebanese borders")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in ("amod", "compound", "nmod") else tok


def qualifies_a_place(span: Span, start: int, end: int) -> bool:
    """Whether the demonym at ``start:end`` (offsets in the unit) qualifies a place noun.

    Examples
    --------
    In "The drones crossed Belarusian airspace." the demonym "Belarusian"
    qualifies "airspace": True. In "Belarusian troops crossed." it does not.
    """
    base = span.start_char
    toks = span.doc.char_span(base + start, base + end, alignment_mode="expand")
    if toks is None or not len(toks):
        return False
    root = toks.root
    head = _head_noun(root)
    return head.i != root.i and head.lemma_.lower() in PLACE_HEADS
