"""Whose official a "Secretary of X" is: the state of the department the title names.

"Secretary of Defense Pete Hegseth" names no state, and the state the
article names most is often the one the official acts on (a release about
Iran). The office does: "Secretary of Defense" heads the "Department of
Defense", which the gazetteer links to a state. Only the gazetteer's own
entries count, so a title whose department it does not know gives nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .gazetteer import Gazetteer
    from .model import Mention, Unit

__all__ = ["OFFICE_CUE", "colleagues_state", "department_fields", "office_state"]

#: How an affiliation read from an office starts its cue.
OFFICE_CUE = "office:"
# "Secretary of (the) X ... <name>" up to the end of the mention: capitalised words only.
_OFFICE = re.compile(
    r"\b(Secretary|Minister) of ((?:the )?[A-Z][a-z]+(?: [A-Z][A-Za-z.'’-]*){0,5})$"
)
#: The names a department headed by "Secretary/Minister of X" goes by.
_FORMS = ("Department of {}", "Ministry of {}", "{} Department", "{} Ministry")
#: The names a ministry headed by "Minister of X" goes by: a minister heads no department
#: ("Minister of Foreign Affairs" is not the Philippines' "Department of Foreign Affairs").
_MINISTRY_FORMS = ("Ministry of {}", "{} Ministry")


#: A department's name around its field: "Department of (the) Treasury", "Commerce Department".
_DEPARTMENT = re.compile(
    r"(?:(?:Department|Ministry) of (?:the )?(?P<a>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"|(?P<b>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:Department|Ministry))"
)


def department_fields(gazetteer: Gazetteer) -> frozenset[str]:
    """The fields the gazetteer's departments are named by: "Commerce", "Homeland Security".

    A title names a person's body with these words ("Commerce Secretary X",
    "Secretary of the Treasury X"), but they are no title words themselves:
    the gazetteer's own department names tell a body's words from a title's.
    """
    out: set[str] = set()
    for surface in gazetteer.surfaces:
        m = _DEPARTMENT.fullmatch(surface)
        field = (m.group("a") or m.group("b")) if m is not None else ""
        if field and gazetteer.lookup(field.split()[0]) is None:  # not "Chinese Defense"
            out.add(field)
    return frozenset(out)


def office_state(unit: Unit, mention: Mention, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """(state, cue) when the title just before a person's name is a known department's head.

    Examples
    --------
    "Secretary of State Marco Rubio" with "Department of State" in the
    gazetteer as part of ``USA`` -> ``("USA", "office: Secretary of State")``.
    """
    text = unit.text[max(0, mention.start - unit.start - 60) : mention.end - unit.start]
    m = _OFFICE.search(text)
    if m is None:
        return _field_first(mention.text, gazetteer)
    words = m.group(2).split()
    forms = _MINISTRY_FORMS if m.group(1) == "Minister" else _FORMS
    for n in range(len(words), 0, -1):
        field = " ".join(words[:n])
        for form in forms:
            hit = gazetteer.lookup(form.format(field))
            if hit is not None and hit.entry.part_of:
                return hit.entry.part_of, f"{OFFICE_CUE} {m.group(1)} of {field}"
    return None


# "Commerce Secretary X": a department's field before "Secretary", at the start of the mention.
_FIELD_FIRST = re.compile(r"((?:[A-Z][a-z]+ ){1,3})Secretary\b")


def _field_first(text: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """(state, cue) for "<Field> Secretary X" when the field is a known department's.

    Only "Secretary": "Defense Minister" is said of many states' ministers,
    while "Defense Secretary" or "Commerce Secretary" is the US form, as
    "Secretary of Defense" is.
    """
    m = _FIELD_FIRST.match(text)
    if m is None:
        return None
    words = m.group(1).split()
    for n in range(len(words)):
        field = " ".join(words[n:])
        for form in _FORMS:
            hit = gazetteer.lookup(form.format(field))
            if hit is not None and hit.entry.part_of:
                return hit.entry.part_of, f"{OFFICE_CUE} {field} Secretary"
    return None


def colleagues_state(found: Iterable[tuple[str, str]]) -> str | None:
    """The one state whose departments the article's officials head, from (body, cue) pairs.

    A release quoting "Secretary of Defense X" and "Secretary of State Y" is
    one government speaking: its "Vice President" or "Special Envoy" with no
    evidence of their own is that government's too, not the state the text
    is about (a White House release on Iran names Iran most).
    """
    states = {body for body, cue in found if cue.startswith(OFFICE_CUE)}
    return next(iter(states)) if len(states) == 1 else None
