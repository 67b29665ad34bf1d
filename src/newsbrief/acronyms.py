"""Names a text defines with an acronym in brackets, and their later uses.

"South Korea's Joint Chiefs of Staff (JCS) advised ..." defines "JCS" once;
later sentences say only "JCS said" or "the Joint Chiefs of Staff", and
spaCy's small model tags neither reliably, so those sentences lose their
actor and every relation stated in them. A reader takes the bracket as a
definition: the name before it and the acronym are one body, everywhere in
the article. Only a name whose initials spell the acronym counts ("Treaty on
Conventional Armed Forces in Europe (CFE)" defines nothing here), and only
when the body is already an actor at its definition (mentioned by the name
or the acronym): a defined munition or zone ("(JDAM)", "(DMZ)") stays no
actor.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .identity import Located, by_unit
from .model import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .gazetteer import Entry
    from .model import Unit

__all__ = ["defined_acronyms", "defined_names"]

#: "(JCS)": an acronym of two to six capitals in brackets.
_BRACKET = re.compile(r"\(([A-Z]{2,6})\)")
_WORD = re.compile(r"[\w’'-]+")
#: Words a name's initials leave out ("Joint Chiefs of Staff" -> JCS).
_MINOR = frozenset({"of", "for", "and", "the", "on", "in", "de", "la", "to"})


def defined_acronyms(units: Sequence[Unit], located: list[Located]) -> list[Located]:
    """Add a mention wherever the article reuses a name it defined with an acronym.

    Parameters
    ----------
    units : sequence of Unit
        The article's units.
    located : list of Located
        The mentions found so far.

    Returns
    -------
    list of Located
        The same mentions, plus the acronym's and the full name's other
        occurrences that no mention covers yet (``how`` = ``acronym``).

    Examples
    --------
    "The Harbour Safety Board (HSB) met. HSB said ..." makes the second
    "HSB" a mention of the board found in the first sentence.
    """
    forms: dict[str, Entry] = {}
    renamed: dict[str, Entry] = {}
    grouped = by_unit(located)
    for unit in units:
        mine = grouped.get(unit.index, [])
        for m in _BRACKET.finditer(unit.text):
            name = _defined_name(unit.text, m.start())
            if name is None:
                continue
            s, e = unit.start + name[0], unit.start + name[1]
            entry = _body(mine, s, e, unit.start + m.start(1), unit.start + m.end(1))
            if entry is not None:
                full = unit.text[name[0] : name[1]]
                named = _named_in_full(entry, full, m.group(1), located)
                if named is not entry:
                    renamed.setdefault(entry.id, named)
                entry = renamed.get(entry.id, entry)
                forms.setdefault(m.group(1), entry)
                forms.setdefault(full, entry)
    if not forms:
        return located
    located = [
        Located(renamed[loc.entry.id], loc.mention, loc.how) if loc.entry.id in renamed else loc
        for loc in located
    ]  # every mention of a renamed body, so the actor record takes the new name
    return located + _reuses(units, located, forms)


def defined_names(text: str) -> dict[str, str]:
    """Each acronym the text defines in brackets, and the name it stands for.

    The reader's rule of :func:`defined_acronyms` without the actors: the
    evaluation takes a source cited by its acronym ("KCNA") and one cited
    by the name the article spells out before it ("Korean Central News
    Agency (KCNA)") for one source. The first definition wins.

    Examples
    --------
    >>> defined_names("The Harbour Safety Board (HSB) met. The HSB said ...")
    {'HSB': 'Harbour Safety Board'}
    """
    out: dict[str, str] = {}
    for m in _BRACKET.finditer(text):
        name = _defined_name(text, m.start())
        if name is not None:
            out.setdefault(m.group(1), _POSSESSIVE.sub("", text[name[0] : name[1]]))
    return out


#: A possessive the defined name carries ("Kurdistan Regional Government’s (KRG)").
_POSSESSIVE = re.compile(r"[’']s$")


def _named_in_full(entry: Entry, full: str, acronym: str, located: list[Located]) -> Entry:
    """The body the parser named by its acronym alone takes the name the text defines.

    "Human Rights Watch (HRW)", "Multinational Security Support (MSS)",
    "Joint Chiefs of Staff (JCS)": spaCy tags the bracketed acronym and not
    the name, so the actor was called "HRW" in the briefing's prose, its
    tables and the graph, though the text spells the name out. A gazetteer
    entry keeps its curated name ("NATO" stays NATO).
    """
    parsed = all(loc.how == "ner" for loc in located if loc.entry.id == entry.id)
    if entry.name != acronym or not parsed:
        return entry
    return replace(entry, name=_POSSESSIVE.sub("", full))


def _defined_name(text: str, paren: int) -> tuple[int, int] | None:
    """The span of the capitalised words before ``paren`` whose initials spell the acronym."""
    acronym = _BRACKET.match(text, paren)
    if acronym is None:
        return None
    target = acronym.group(1)
    words = list(_WORD.finditer(text[:paren]))
    letters = ""
    for w in reversed(words):
        word = w.group(0)
        if word.lower() in _MINOR and letters:
            continue
        if not word[:1].isupper():
            return None
        letters = "".join(p[0] for p in word.split("-") if p[:1].isupper()) + letters
        if letters == target:
            return w.start(), words[-1].end()
        if not target.endswith(letters):
            return None
    return None


def _body(mine: list[Located], s: int, e: int, acr_s: int, acr_e: int) -> Entry | None:
    """The actor mentioned by the whole name, else by the acronym itself."""
    for loc in mine:
        if loc.mention.start <= s and e <= loc.mention.end:
            return loc.entry
    for loc in mine:
        if loc.mention.start <= acr_s and acr_e <= loc.mention.end:
            return loc.entry
    return None


def _reuses(
    units: Sequence[Unit], located: list[Located], forms: dict[str, Entry]
) -> list[Located]:
    """Occurrences of the defined forms that no mention covers."""
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    taken: dict[int, list[tuple[int, int]]] = {}
    for loc in located:
        taken.setdefault(loc.mention.unit, []).append((loc.mention.start, loc.mention.end))
    out = []
    for unit in units:
        spans = taken.get(unit.index, [])
        for m in pattern.finditer(unit.text):
            s, e = unit.start + m.start(), unit.start + m.end()
            if any(a < e and s < b for a, b in spans):
                continue
            mention = Mention(unit.index, s, e, m.group(0))
            out.append(Located(forms[m.group(0)], mention, "acronym"))
    return out
