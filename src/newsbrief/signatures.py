"""The signatories of a declaration: a name line, then the office it signs for.

A joint declaration, treaty or communiqué ends with its signatures::

    Jane Roe
    Prime Minister of the Republic of X

and refers to its signatories in its text by office only ("We, the Prime
Minister of the Republic of X and ..."). Each name line followed by an
office line is a person, part of the state the office names; the office
line is a mention of that person, so an office named in the text can be
traced to the one who signed. Those listed after "Witnessed by" are
witnesses, not parties (``how`` = ``witness``).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from typing import TYPE_CHECKING

from .gazetteer import Entry
from .identity import Located
from .model import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .model import Unit

__all__ = ["SIGNATORY", "WITNESS", "signatories"]

SIGNATORY = "signatory"
WITNESS = "witness"
_NAME = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3}$")
_WITNESSED = re.compile(r"^(?:witnessed|in the presence of)\b", re.IGNORECASE)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(w.lower() for w in re.findall(r"[A-Za-z0-9]+", ascii_name)) or "person"


def _state_in(unit: Unit, located: Sequence[Located]) -> str | None:
    states = [x.entry.id for x in located if x.mention.unit == unit.index]
    kinds = {x.entry.id: x.entry.type for x in located}
    states = [s for s in states if kinds[s] == "state"]
    return states[-1] if states else None


def signatories(
    units: Sequence[Unit], located: Sequence[Located], office_words: frozenset[str]
) -> list[Located]:
    """Mentions of the persons who sign: their name line and their office line.

    Parameters
    ----------
    units : sequence of Unit
        The article's units (signature lines are headings).
    located : sequence of Located
        Mentions found so far (a signatory already named in the text keeps
        that actor; the office line's state becomes ``part_of``).
    office_words : frozenset of str
        Capitalised title words ("President", "Minister").

    Returns
    -------
    list of Located
        Two mentions per signatory, ``how`` = ``signatory`` or ``witness``.

    Examples
    --------
    "Jane Roe" / "Prime Minister of the Republic of X" -> ``jane-roe``, part of X.
    """
    persons = {x.entry.name: x.entry for x in located if x.entry.type == "person"}
    out: list[Located] = []
    witness = False
    for unit, office in pairwise(units):
        if _WITNESSED.match(unit.text):
            witness = True
            continue
        first = office.text.split()[0] if office.text.split() else ""
        if unit.kind != "heading" or not _NAME.match(unit.text) or first not in office_words:
            continue
        if any(w in office_words for w in unit.text.split()):
            continue
        how = WITNESS if witness else SIGNATORY
        witness = False
        state = _state_in(office, located)
        entry = persons.get(unit.text) or Entry(_slug(unit.text), unit.text, "person", None, state)
        out += [
            Located(entry, Mention(unit.index, unit.start, unit.end, unit.text), how),
            Located(entry, Mention(office.index, office.start, office.end, office.text), how),
        ]
    return out
