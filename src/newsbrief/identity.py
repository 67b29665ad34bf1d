"""Which mentions are one actor: surnames, acronyms, and the actor records.

Mentions found by the gazetteer and by NER are located first
(:mod:`newsbrief.actors`); here a bare surname is joined to the full name
met earlier, an acronym to the name it abbreviates, and the mentions of each
actor are assembled into one :class:`~newsbrief.model.Actor`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import Entry
from .model import Actor, Mention, Unit

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Span

__all__ = ["Located", "by_unit", "distinct_names"]


_HONORIFICS = frozenset(["Mr", "Mrs", "Ms", "Dr", "President", "Prime", "Minister", "Jr", "Sr"])


@dataclass(frozen=True)
class Located:
    """A mention found in one unit, before actors are assembled."""

    entry: Entry
    mention: Mention
    how: str


def by_unit(located: Iterable[Located]) -> dict[int, list[Located]]:
    """Mentions grouped by their unit, in their order.

    A scan of every mention for each unit is quadratic in a book-length text.
    """
    out: dict[int, list[Located]] = {}
    for loc in located:
        out.setdefault(loc.mention.unit, []).append(loc)
    return out


def _resolve_surnames(
    units: Sequence[Unit], spans: Sequence[Span], located: list[Located]
) -> list[Located]:
    """A bare surname ("Sikorski said") is the person named in full earlier."""
    persons: dict[str, Entry] = {}
    for loc in located:
        if loc.entry.type == "person":
            persons.setdefault(_surname(loc.entry.name), loc.entry)
    persons.update(_also_known_as(units, located, persons))
    if not persons:
        return located
    located = [_same_person(x, persons) for x in located]
    taken = {(x.mention.start, x.mention.end) for x in located}
    spans_taken = [(x.mention.start, x.mention.end) for x in located]
    out = list(located)
    for unit, span in zip(units, spans, strict=True):
        for token in span:
            entry = persons.get(token.text)
            if entry is None or token.pos_ != "PROPN":
                continue
            s = span.start_char
            start = unit.start + token.idx - s
            end = start + len(token.text)
            if (start, end) in taken or any(a < end and start < b for a, b in spans_taken):
                continue
            out.append(Located(entry, Mention(unit.index, start, end, token.text), "surname"))
    return out


#: "Shukr, also known as al-Hajj Mohsin": the word before is another name of the person after.
_AKA = re.compile(r"\b([A-Z][\w’'-]+),?\s+(?:also known as|a\.k\.a\.?|aka)\s+")


def _also_known_as(
    units: Sequence[Unit], located: list[Located], persons: dict[str, Entry]
) -> dict[str, Entry]:
    """Names a text gives a named person with "also known as" ("Shukr, also known as X").

    Without this a person the text introduces by an alias and then calls by
    surname alone would be two, or the surname no one. The phrase names one
    person both ways: when the word before is a person known already (a
    surname set off by a title, "Y's commander, Shukr"), the name after is
    that person.
    """
    starts = {
        (x.mention.unit, x.mention.start): x.entry for x in located if x.entry.type == "person"
    }
    out: dict[str, Entry] = {}
    for unit in units:
        if not _may_say_aka(unit.text):
            continue
        for m in _AKA.finditer(unit.text):
            entry = starts.get((unit.index, unit.start + m.end()))
            if entry is None:
                continue
            known = persons.get(m.group(1))
            if known is None:
                out[m.group(1)] = entry
            elif known.id != entry.id:
                out[_surname(entry.name)] = known
    return out


def _may_say_aka(text: str) -> bool:
    """Whether ``text`` holds a phrase :data:`_AKA` needs, looked for as plain substrings.

    The pattern tries every word start and runs its name to the end of a
    hyphened run before it looks for the phrase: a unit of 5,000 characters
    of hyphened codes took 0.1 s, and a 160,000-character line 5 s, an
    eighth of the whole analysis, without one "also known as" in it.
    """
    return "aka" in text or "a.k.a" in text or "also known as" in text


def _surname(name: str) -> str:
    parts = [w.strip(",") for w in name.split() if w.strip(".,") not in _HONORIFICS]
    return parts[-1] if parts else name


def _same_person(loc: Located, persons: dict[str, Entry]) -> Located:
    """Map a later variant ("Joe Biden" after "Joseph R. Biden, Jr.") to the first."""
    if loc.entry.type != "person":
        return loc
    first = persons.get(_surname(loc.entry.name))
    if first is None or first.id == loc.entry.id:
        return loc
    return Located(first, loc.mention, loc.how)


_MINOR_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "la", "to"})


def _initials(name: str) -> str:
    words = re.findall(r"[A-Za-z][\w’'-]*", name)
    return "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()


#: "MSS Force", "KFOR troops": a body's acronym with a word for its people is that body.
_BODY_WORDS = frozenset({"force", "forces", "mission", "troops", "personnel"})


def _acronym_of(name: str) -> str:
    """The acronym a name stands on ("MSS Force" -> "MSS"), or the name itself."""
    words = name.split()
    if len(words) == 2 and words[0].isupper() and words[1].lower() in _BODY_WORDS:
        return words[0]
    return name


def _merge_acronyms(located: list[Located]) -> list[Located]:
    """An acronym is the body whose full name it abbreviates ("CSIS", "Center for ... Studies").

    So is the acronym with a word for the body's people ("MSS Force").

    Only names the parser found are merged (the gazetteer lists its own
    acronyms as aliases); persons are never abbreviated this way.
    """
    full: dict[str, Entry] = {}
    for loc in located:
        entry = loc.entry
        if entry.type != "person" and len(entry.name.split()) >= 2:
            initials = _initials(entry.name)
            if len(initials) >= 2:
                full.setdefault(initials, entry)
    acronyms = {
        loc.entry.name: loc.entry
        for loc in located
        if loc.entry.name.isupper() and " " not in loc.entry.name
    }
    out = []
    for loc in located:
        name = _acronym_of(loc.entry.name.strip())
        target = full.get(name) if name.isupper() and " " not in name else None
        if target is None and name != loc.entry.name:
            target = acronyms.get(name)
        if target is not None and target.id != loc.entry.id and loc.how == "ner":
            loc = Located(target, loc.mention, loc.how)
        out.append(loc)
    return _short_forms(_same_core(out))


def _core(name: str) -> str | None:
    """The one acronym in a multi-word name ("CFE" of "CFE Treaty States"), or None."""
    caps = {w for w in name.split() if len(w) >= 2 and w.isupper() and w.isalpha()}
    return next(iter(caps)) if len(caps) == 1 and " " in name else None


def _same_core(located: list[Located]) -> list[Located]:
    """Names the parser found around one acronym are one body ("CFE States", "CFE State Party")."""
    first: dict[str, Entry] = {}
    for loc in located:
        key = _core(loc.entry.name) if loc.how == "ner" and loc.entry.type != "person" else None
        if key is not None:
            first.setdefault(key, loc.entry)
    return [
        Located(first[key], loc.mention, loc.how)
        if loc.how == "ner"
        and loc.entry.type != "person"
        and (key := _core(loc.entry.name)) in first
        and first[key].id != loc.entry.id
        else loc
        for loc in located
    ]


def _short_forms(located: list[Located]) -> list[Located]:
    """A parsed name that ends one other parsed name is that body.

    Texts shorten a long name to its last words once it is given ("the
    Planning Board" after "the Joint Harbour Planning Board"); the scorer and
    the graph would otherwise count two bodies. With two candidates
    ("Security Council", "Economic Council") the short form stays its own.
    """
    names = {
        loc.entry.name: loc.entry
        for loc in located
        if loc.how == "ner" and loc.entry.type != "person"
    }
    out = []
    for loc in located:
        longer = [
            e for n, e in names.items() if n.endswith(" " + loc.entry.name) and e.id != loc.entry.id
        ]
        if loc.how == "ner" and loc.entry.type != "person" and len(longer) == 1:
            loc = Located(longer[0], loc.mention, loc.how)
        out.append(loc)
    return out


def distinct_names(texts: Iterable[str]) -> tuple[str, ...]:
    """The names in first-seen order, one per spelling that differs only in case.

    A sentence's first word is capitalised: "Security forces responded" and
    "praised the security forces" gave the aliases "Security forces, security
    forces", one name twice to the reader of ``actors.csv``.
    """
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(text.casefold(), text)
    return tuple(seen.values())


def _assemble(located: list[Located]) -> list[Actor]:
    """One actor per id, with its aliases and mentions in reading order."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    entries: dict[str, Entry] = {}
    for loc in located:
        entries.setdefault(loc.entry.id, loc.entry)
        if loc.entry.part_of and not entries[loc.entry.id].part_of:
            entries[loc.entry.id] = loc.entry
        mentions[loc.entry.id].append(loc.mention)
    actors = []
    for actor_id, entry in entries.items():
        ms = tuple(mentions[actor_id])
        aliases = distinct_names(m.text for m in ms)
        actors.append(
            Actor(
                id=actor_id,
                name=entry.name,
                type=entry.type,
                code=entry.code,
                aliases=aliases,
                part_of=entry.part_of,
                mentions=ms,
                origin="ner" if actor_id not in _known_ids(located) else "gazetteer",
            )
        )
    return actors


def _known_ids(located: list[Located]) -> set[str]:
    return {x.entry.id for x in located if x.how != "ner"}
