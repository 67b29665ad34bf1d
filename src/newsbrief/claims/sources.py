"""Sources named as fully as the article names them.

The rules read a claim's source off the parse as written: "he", "the former
president", "The two leaders", "I". The coreference step
(:mod:`newsbrief.coref`) has linked such words to the actors the article
named, so here a source that is one of those links becomes the actors' names
("Joe Biden and Xi Jinping"). An "I" or "we" that no link explains is the
speaker of the quotation it stands in: the source named where the quote is
introduced, or the one who spoke just before.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..coref import COREF

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..actors import Located
    from ..model import Claim, Unit

__all__ = ["name_sources"]

_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_UNNUMBERED = re.compile(r"coref:collective [a-z]+$")
_RESOLVED = re.compile(r"^resolved:(.+)$")
_COLON_INTRO = re.compile(r"^([^:“\"]{2,160}):\s*[“\"]")


def _names(located: Sequence[Located]) -> dict[str, str]:
    out: dict[str, str] = {}
    for loc in located:
        out.setdefault(loc.entry.id, loc.entry.name)
    return out


def _linked(unit: int, source: str, located: Sequence[Located]) -> list[str]:
    """Actor ids of the coreference link whose words are the source ("The two leaders").

    A collective without a number ("the leaders") stays as the article wrote it.
    """
    wanted = source.strip().lower()
    hits: list[str] = []
    for loc in located:
        if loc.mention.unit != unit or not loc.how.startswith(COREF):
            continue
        if _UNNUMBERED.match(loc.how):
            continue
        if loc.mention.text.strip().lower() == wanted and loc.entry.id not in hits:
            hits.append(loc.entry.id)
    return hits


def _named_person(unit: int, source: str, located: Sequence[Located]) -> str | None:
    """The full name of the person a short source names ("Sikorski" -> "Radoslaw Sikorski")."""
    wanted = source.strip().lower()
    for loc in located:
        if (
            loc.mention.unit == unit
            and loc.entry.type == "person"
            and not loc.how.startswith(COREF)
            and loc.mention.text.lower().endswith(wanted)
            and len(loc.entry.name) > len(source)
        ):
            return " and ".join(_conjuncts(loc, located))
    return None


def _conjuncts(first: Located, located: Sequence[Located]) -> list[str]:
    """The names of persons joined by "and" to ``first`` ("President X and President Y")."""
    names = [first.entry.name]
    end = first.mention.end
    for loc in sorted(located, key=lambda x: x.mention.start):
        gap = loc.mention.start - end
        if (
            loc.mention.unit == first.mention.unit
            and loc.entry.type == "person"
            and not loc.how.startswith(COREF)
            and 0 < gap <= 6
            and loc.mention.text not in names
            and loc.entry.name not in names
        ):
            names.append(loc.entry.name)
            end = loc.mention.end
    return names


def _introduced(unit: Unit, located: Sequence[Located], names: dict[str, str]) -> str | None:
    """The actor named before the colon of ``X: “...”``."""
    m = _COLON_INTRO.match(unit.text)
    if not m:
        return None
    for loc in located:
        if (
            loc.mention.unit == unit.index
            and loc.entry.type == "person"
            and loc.mention.start - unit.start < m.end(1)
            and not loc.how.startswith(COREF)
        ):
            return names.get(loc.entry.id, loc.entry.name)
    return None


def name_sources(
    claims: Sequence[Claim],
    units: Sequence[Unit],
    located: Sequence[Located],
) -> list[Claim]:
    """Replace pronoun, description and collective sources by the actors they refer to.

    Parameters
    ----------
    claims : sequence of Claim
        Claims as the rules attributed them.
    units : sequence of Unit
        The article's units.
    located : sequence of Located
        Every mention, coreferent ones included (``how`` = ``coref:...``).

    Returns
    -------
    list of Claim
        The same claims; a resolved source says which link it came from in
        its ``attribution`` cue.
    """
    names = _names(located)
    out: list[Claim] = []
    speaker: str | None = None
    for claim in claims:
        source = claim.attribution
        unit = units[claim.unit]
        new: str | None = None
        cue = ""
        if source != "author":
            written = next(
                (
                    m.group(1)
                    for c in claim.cues.get("attribution", ())
                    if (m := _RESOLVED.match(c))
                ),
                source,
            )
            ids = _linked(claim.unit, written, located)
            if ids:
                new = " and ".join(names.get(i, i) for i in ids)
                cue = f"coreference: {source}"
            elif (full := _named_person(claim.unit, source, located)) is not None:
                new, cue = full, f"named in full: {source}"
            elif source.lower() in _FIRST_PERSON:
                new = _introduced(unit, located, names) or speaker
                cue = f"speaker of the quotation: {source}"
        if new:
            claim = replace(
                claim,
                attribution=new,
                cues={**claim.cues, "attribution": (*claim.cues.get("attribution", ()), cue)},
            )
        if claim.attribution != "author" and claim.attribution.lower() not in _FIRST_PERSON:
            speaker = claim.attribution
        out.append(claim)
    return out
