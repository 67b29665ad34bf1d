"""Unnamed crowds and forces: "the protesters" of the state the sentence is about.

News names a crowd once by its country ("Kenyan protesters") and then, or
only, by a bare noun: "President X warned the protesters", "demonstrators
marched on parliament in Y". The annotation codes such a crowd as a group
of that state's people (ANNOTATION.md: groups are actors), the same group
that "Kenyan protesters" names (:func:`newsbrief.forces.force_after`).
Without it the crowd's acts and the acts done to it link nothing.

A bare crowd noun (``ner_filters.crowd_words`` in ``data/actors.yaml``: the
people who take to the streets, not armed groups, whose bare "militants"
or "gangs" news uses for anyone's; and "security forces", which news uses
only for a state's own) is the crowd of a state only where the
text makes the state clear: exactly one state is named in its sentence
(directly, or as the state of a person or body named there), or, with none
there, exactly one in the unit before. With two states in play ("sanctioned
by the United States ... the protesters") it names no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .forces import force_after
from .gazetteer import Entry, Gazetteer
from .identity import Located, by_unit
from .model import Mention, Unit

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["CROWD", "local_crowds"]

CROWD = "crowd"


def local_crowds(
    units: Sequence[Unit], spans: Sequence[Span], located: list[Located], gaz: Gazetteer
) -> list[Located]:
    """``located`` with a mention for every bare crowd noun whose state is clear."""
    if not gaz.crowd_words:
        return located
    by = by_unit(located)
    out = list(located)
    prev: Unit | None = None
    for unit, span in zip(units, spans, strict=True):
        if unit.kind in ("claim", "lead_in"):
            out += _crowds(unit, span, by, prev, gaz)
        prev = unit
    return out


def _crowds(
    unit: Unit, span: Span, by: dict[int, list[Located]], prev: Unit | None, gaz: Gazetteer
) -> list[Located]:
    base = span.start_char
    here = by.get(unit.index, [])
    found = []
    # Most words end no crowd term: one dictionary test skips them before the
    # call (local_crowds over the 35 corpus texts: 15 -> 8 ms CPU, min of 7).
    last_words = _by_last_word(gaz.crowd_words)
    for tok in span:
        if tok.lower_ not in last_words:
            continue
        words = _words_ending(tok, gaz.crowd_words)
        if not words or tok.pos_ != "NOUN" or _qualified(tok, words):
            continue
        first = span.doc[tok.i - len(words) + 1]
        start, end = unit.start + first.idx - base, unit.start + tok.idx - base + len(tok.text)
        if any(x.mention.start < end and start < x.mention.end for x in here):
            continue  # "Kenyan protesters": the state's group is already found
        sent = tok.sent
        lo, hi = unit.start + sent.start_char - base, unit.start + sent.end_char - base
        states = _states([x for x in here if lo <= x.mention.start < hi], gaz)
        if not states and prev is not None:
            states = _states(by.get(prev.index, []), gaz)
        if len(states) != 1:
            continue
        state = next(iter(states.values()))
        term = " ".join(words)
        crowd = force_after(f"{state.name} {term}", len(state.name), state, gaz)
        if crowd is None:
            continue
        text = unit.text[start - unit.start : end - unit.start]
        found.append(Located(crowd[0], Mention(unit.index, start, end, text), CROWD))
    return found


def _words_ending(tok: Token, terms: frozenset[str]) -> list[str]:
    """The words of the longest term that ends at ``tok`` ("security forces"), or none."""
    candidates = _by_last_word(terms).get(tok.lower_)
    if not candidates:
        return []
    first_in_sentence = tok.sent.start
    doc = tok.doc
    for words in candidates:  # longest first
        first = tok.i - len(words) + 1
        if first >= first_in_sentence and all(
            doc[first + k].lower_ == w for k, w in enumerate(words[:-1])
        ):
            return list(words)
    return []


@lru_cache(maxsize=8)
def _by_last_word(terms: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The terms' words by their last word, longest first.

    Every token of every claim is asked whether a crowd term ends there;
    testing each term at each token (a sentence lookup and a slice of Token
    objects per term) cost more than the rest of the actors' step.
    """
    out: dict[str, list[tuple[str, ...]]] = {}
    for term in terms:
        words = tuple(term.split())
        if words:
            out.setdefault(words[-1], []).append(words)
    return {last: tuple(sorted(set(ws), key=len, reverse=True)) for last, ws in out.items()}


def _qualified(tok: Token, words: list[str]) -> bool:
    """Whose crowd the words before it say already: "our protesters", "Darfur rebels"."""
    own = range(tok.i - len(words) + 1, tok.i + 1)
    return any(
        c.i not in own
        and (c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.text[:1].isupper()))
        for c in tok.children
    )


def _states(located: Sequence[Located], gaz: Gazetteer) -> dict[str, Entry]:
    """The states named, directly or as the state a person or body belongs to."""
    out: dict[str, Entry] = {}
    for loc in located:
        entry: Entry | None = loc.entry
        for _ in range(3):  # person -> ministry -> state
            if entry is None or entry.type == "state":
                break
            entry = gaz.entry(entry.part_of) if entry.part_of else None
        if entry is not None and entry.type == "state":
            out[entry.id] = entry
    return out
