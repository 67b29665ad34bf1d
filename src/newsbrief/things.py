"""Names of things, not actors: weapons, documents, exercises, ships.

spaCy's small model tags many capitalised names and acronyms ORG or PERSON.
The article itself often says what they are: an acronym spelt out before
it ("a Naval Strike Missile (NSM)", "the Terms of Reference (TOR)", "Rim of
the Pacific 2024 (RIMPAC)") whose head word names a thing or an event; a
name introduced as a name ("a weapon dubbed QUICKSINK"); an acronym the text
calls a weapon ("ATACMS missiles", "HIMARS rocket systems") or a weapon system
known by its acronym even where the text calls it nothing ("Ukraine used HIMARS
and ATACMS"); a ship's prefix
("USS Fitzgerald", "HMAS Sydney", "the ex-Tarawa"). The words come from the
gazetteer's ``ner_filters`` so a user can extend them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .parsed import mention_span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from .gazetteer import Gazetteer
    from .identity import Located
    from .model import Unit

__all__ = ["drop_modifiers", "drop_things", "thing_names"]

_EXPANSION = re.compile(
    r"((?:[A-Z0-9][\w’'.-]*|of|on|the|for|and|in|to)(?:\s+(?:[A-Z0-9][\w’'.-]*|of|on|the|for|and|in|to))*)"
    r"\s+\(([A-Z][A-Za-z0-9-]{1,9})\)"
)
#: "the demilitarized zone (DMZ)": an acronym of common nouns names a thing.
_COMMON_EXPANSION = re.compile(r"\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,5})\s+\(([A-Z]{2,9})\)")
_SHOUTED = re.compile(r"\b[A-Z]{2,}\b")
#: An all-capital word with an optional plural "s" ("ICBMs").
_SHOUTED_WORD = re.compile(r"\b[A-Z]{2,}s?\b")
_NAMED = re.compile(
    r"\b(?:dubbed|codenamed|code-named|nicknamed)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)"
)

#: An acronym the text calls a weapon: "HIMARS rocket systems", "ATACMS missiles", "the
#: NASAMS air defense systems" (up to two lower-case words between). spaCy tags such
#: acronyms ORG, and an all-capital word passes the organization filter.
_WEAPON = re.compile(
    r"\b([A-Z]{2,9})s?\s+(?:[a-z-]+\s+){0,2}"
    r"(?:missiles?|rockets?|systems?|launchers?|interceptors?|munitions)\b"
)


def thing_names(units: Sequence[Unit], gaz: Gazetteer) -> frozenset[str]:
    """Names the article presents as things: spelt-out acronyms of things, names given.

    Parameters
    ----------
    units : sequence of Unit
        The article's units.
    gaz : Gazetteer
        For ``thing_words`` (head words of things and events).

    Returns
    -------
    frozenset of str
        Acronyms and names that no mention should make an actor.

    Examples
    --------
    "... with a Naval Strike Missile (NSM)" -> {"NSM"}; "a bomb dubbed
    QUICKSINK" -> {"QUICKSINK"}; "ATACMS missiles" -> {"ATACMS"}; "used
    HIMARS" -> {"HIMARS"} (a known weapon acronym, ``weapon_names``).
    """
    out: set[str] = set()
    for unit in units:
        out |= _known_weapons(unit.text, gaz)
        out |= {m.group(1) for m in _NAMED.finditer(unit.text)}
        out |= {m.group(1) for m in _WEAPON.finditer(unit.text)}
        if "(" not in unit.text:  # both expansions end in "(ACRONYM)": no need to scan
            continue
        for m in _EXPANSION.finditer(unit.text):
            words = [w for w in m.group(1).split() if w[:1].isupper() or w[:1].isdigit()]
            if words and (words[-1].strip(".") in gaz.thing_words or words[-1].isdigit()):
                out.add(m.group(2))
        for m in _COMMON_EXPANSION.finditer(unit.text):
            words, acronym = m.group(1).split(), m.group(2).lower()
            if words[-1][0] == acronym[-1] and any(w[0] == acronym[0] for w in words):
                out.add(m.group(2))
    return frozenset(out)


def _known_weapons(text: str, gaz: Gazetteer) -> set[str]:
    """The known weapon acronyms in ``text``, singular and plural ("ICBMs" is as much a thing).

    spaCy tags "HIMARS" or "ATACMS" ORG when nothing around them says weapon,
    and an all-capital word passes the organization filter.
    """
    found = {w for w in _SHOUTED_WORD.findall(text) if w.removesuffix("s") in gaz.weapon_names}
    return found | {w.removesuffix("s") for w in found}


def _shouted(unit: Unit, start: int, end: int) -> bool:
    """An all-capital word among others ("A MONTH OR TWO!?") is shouting, not an acronym."""
    text = unit.text[start - unit.start : end - unit.start]
    if not text.isupper():
        return False
    around = unit.text[max(0, start - unit.start - 12) : end - unit.start + 12]
    return len(_SHOUTED.findall(around)) > len(_SHOUTED.findall(text)) + 1


def _is_vessel(text: str, gaz: Gazetteer) -> bool:
    first = text.split()[0] if text.split() else ""
    return first in gaz.vessel_prefixes or first.lower().startswith("ex-")


def drop_things(units: Sequence[Unit], located: list[Located], gaz: Gazetteer) -> list[Located]:
    """The mentions that are not of things (gazetteer entries always stay, but for ships).

    A capital or name right after a ship's prefix ("the ex-Tarawa", "USS
    Tarawa") names the ship, not the place.
    """
    things = thing_names(units, gaz)
    out = []
    for loc in located:
        m = loc.mention
        unit = units[m.unit]
        before = unit.text[max(0, m.start - unit.start - 8) : m.start - unit.start]
        prev = re.search(r"(\S+)\s+$", before)
        if before.endswith("ex-") or (prev is not None and prev.group(1) in gaz.vessel_prefixes):
            continue
        if loc.how == "ner" and (
            m.text in things or _is_vessel(m.text, gaz) or _shouted(unit, m.start, m.end)
        ):
            continue
        out.append(loc)
    return out


def drop_modifiers(
    units: Sequence[Unit], spans: Sequence[Span], located: list[Located]
) -> list[Located]:
    """Drop a name spaCy made a body that only ever qualifies a thing ("USB sticks", "AI safety").

    A body takes part somewhere: as a subject, an object, an owner. A name
    the article uses only as the first word of a common noun's compound
    names a kind of thing. Gazetteer bodies always stay ("NATO forces").
    """
    modifier: dict[str, bool] = {}
    for loc in located:
        if loc.how != "ner":
            continue
        toks = mention_span(units[loc.mention.unit], spans[loc.mention.unit], loc.mention)
        head = toks.root.head if toks is not None else None
        qualifies = (
            toks is not None
            and toks.root.dep_ == "compound"
            and head is not None
            and head.pos_ == "NOUN"
            and head.text[:1].islower()
        )
        modifier[loc.entry.id] = modifier.get(loc.entry.id, True) and qualifies
    return [x for x in located if not modifier.get(x.entry.id, False)]
