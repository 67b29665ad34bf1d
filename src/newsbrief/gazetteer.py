"""The actor gazetteer: states from pycountry plus the YAML the package ships.

States take their ISO alpha-3 code and official names from pycountry, a
maintained source; ``data/states.yaml`` adds what news text actually uses
(short names, capitals as metonyms, demonyms) and ``data/actors.yaml`` lists
organizations, armed forces, government bodies and groups. Users extend it
with YAML files of the same shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from .config import package_file, read_yaml_mapping, read_yaml_unique
from .errors import NewsbriefError
from .patterns import FormMatch, FormMatcher
from .vocabulary import ACTOR_TYPES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from .model import Actor

__all__ = ["Entry", "Gazetteer", "load_gazetteer", "parent_names"]


@dataclass(frozen=True)
class Entry:
    """A known actor: its id, name, type and how texts refer to it."""

    id: str
    name: str
    type: str
    code: str | None = None
    part_of: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Surface:
    """What a matched surface form means: the actor, and how it was named."""

    entry: Entry
    how: str  # "name", "alias", "capital", "demonym"


@dataclass
class Gazetteer:
    """Alias lookup and the compiled matcher built from it."""

    entries: dict[str, Entry]
    surfaces: dict[str, Surface]
    force_terms: dict[str, tuple[str, str]]  # lowercase term -> (type, id suffix)
    pattern: FormMatcher = field(repr=False)
    org_words: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    main_force: dict[str, Entry] = field(default_factory=dict)
    media_words: frozenset[str] = frozenset()
    media_outlets: frozenset[str] = frozenset()
    expert_words: frozenset[str] = frozenset()
    research_words: frozenset[str] = frozenset()
    quoting_verbs: frozenset[str] = frozenset()
    thing_words: frozenset[str] = frozenset()
    vessel_prefixes: frozenset[str] = frozenset()
    document_words: frozenset[str] = frozenset()
    title_nouns: frozenset[str] = frozenset()
    sender_nouns: frozenset[str] = frozenset()
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    crowd_words: frozenset[str] = frozenset()
    #: State code -> the adjective English puts before a force ("Lebanese").
    adjectives: dict[str, str] = field(default_factory=dict)
    #: Acronyms of weapon systems ("HIMARS", "ICBM"): things wherever they stand.
    weapon_names: frozenset[str] = frozenset()

    def entry(self, actor_id: str) -> Entry | None:
        """Return the entry with this id, or None."""
        return self.entries.get(actor_id)

    def finditer(self, text: str) -> Iterator[FormMatch]:
        """Every surface form in ``text``, left to right, the longer one after "the".

        A regex alternation takes the leftmost match, so "the UN" would win
        over "UN Security Council" in "the UN Security Council".
        """
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            if m.group(0)[:4].lower() == "the ":
                inner = self.pattern.match(text, m.start() + 4)
                if inner is not None and inner.end() > m.end():
                    m = inner
            yield m
            pos = m.end()

    def lookup(self, surface: str) -> Surface | None:
        """Return what a surface form names, trying its lower-cased first letter too."""
        hit = self.surfaces.get(surface)
        if hit is None and surface[:1].isupper():
            hit = self.surfaces.get(surface[:1].lower() + surface[1:])
        return hit


def _state_entries(states: dict) -> tuple[list[Entry], list[tuple[str, str, str]]]:
    """States from pycountry, with the YAML's names, capitals and demonyms."""
    entries, extra = [], []
    for country in iso_countries():
        code = country["alpha_3"]
        spec = states.get(code, {}) or {}
        name = spec.get("name") or country.get("common_name") or country["name"]
        names = {country["name"], name, *spec.get("aliases", [])}
        for attr in ("common_name", "official_name"):
            if country.get(attr):
                names.add(country[attr])
        entries.append(Entry(code, name, "state", code, None, tuple(sorted(names))))
        extra += [(c, code, "capital") for c in spec.get("capitals", [])]
        extra += [(d, code, "demonym") for d in spec.get("demonyms", [])]
    known = {e.id for e in entries}
    for code, spec in states.items():  # states pycountry lacks (e.g. Kosovo)
        if code not in known and spec:
            entries.append(
                Entry(code, spec["name"], "state", code, None, tuple(spec.get("aliases", [])))
            )
            extra += [(c, code, "capital") for c in spec.get("capitals", [])]
            extra += [(d, code, "demonym") for d in spec.get("demonyms", [])]
    return entries, extra


def iso_countries() -> list[dict[str, str]]:
    """The ISO 3166-1 table of pycountry (what ``pycountry.countries`` holds), in order.

    Read as the JSON file the package ships: importing pycountry costs 60 ms
    of every cold start (it looks up its own version in the installed
    packages' metadata), reading its table 2 ms.
    """
    spec = find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        raise NewsbriefError("pycountry is not installed: run `make install`")
    folder = Path(next(iter(spec.submodule_search_locations)))
    table = json.loads((folder / "databases" / "iso3166-1.json").read_text(encoding="utf-8"))
    return list(table["3166-1"])


def _listed_entries(data: dict) -> list[Entry]:
    kinds = {
        "organizations": "organization",
        "militaries": "military",
        "governments": "government",
        "groups": "group",
        "regions": "region",
        "persons": "person",
    }
    out = []
    for key, default_type in kinds.items():
        for spec in data.get(key, []) or []:
            out.append(
                Entry(
                    id=str(spec["id"]),
                    name=spec.get("name", spec["id"]),
                    type=spec.get("type", default_type),
                    code=spec.get("code"),
                    part_of=spec.get("part_of"),
                    aliases=tuple(spec.get("aliases", [])) or (spec.get("name", spec["id"]),),
                )
            )
    return out


def _members(data: dict) -> dict[str, tuple[str, ...]]:
    """Group id -> the states it is made of, for groups that list them ("Nordic countries")."""
    return {
        str(spec["id"]): tuple(spec["members"])
        for spec in data.get("groups", []) or []
        if spec.get("members")
    }


def _force_terms(data: dict) -> dict[str, tuple[str, str]]:
    terms: dict[str, tuple[str, str]] = {}
    for kind, mapping in (data.get("generic_forces") or {}).items():
        items = mapping.items() if isinstance(mapping, dict) else ((t, None) for t in mapping)
        for term, suffix in items:
            slug = suffix or re.sub(r"[^A-Z]", "", term.upper())[:6]
            terms[term.lower()] = (kind, slug)
    return terms


#: The word lists of ``ner_filters`` (see ``data/actors.yaml``).
_FILTERS = (
    "organization_words",
    "place_words",
    "media_words",
    "media_outlets",
    "expert_words",
    "research_words",
    "quoting_verbs",
    "thing_words",
    "vessel_prefixes",
    "document_words",
    "weapon_names",
    "title_nouns",
    "sender_nouns",
    "crowd_words",
)
_ENTRY_KINDS = ("organizations", "militaries", "governments", "groups", "regions", "persons")
_SECTIONS = (*_ENTRY_KINDS, "states", "generic_forces", "ner_filters")


def _check_sections(data: dict, path: str, words: Callable[[object], bool]) -> None:
    """A misspelt section ("organisations:") or word list was ignored without a word.

    The overrides refuse theirs; so does a gazetteer now, naming the known ones.
    """
    unknown = sorted(set(data) - set(_SECTIONS))
    if unknown:
        known = ", ".join(_SECTIONS)
        raise NewsbriefError(f"{path}: unknown section(s) {unknown} (known: {known})")
    filters = data.get("ner_filters") or {}
    if not isinstance(filters, dict) or not all(
        key in _FILTERS and words(value) for key, value in filters.items()
    ):
        raise NewsbriefError(f"{path}: ner_filters must map {', '.join(_FILTERS)} to word lists")
    _check_forces(data.get("generic_forces") or {}, path, words)


def _check_forces(forces: object, path: str, words: Callable[[object], bool]) -> None:
    """A ``generic_forces`` of the wrong shape ended in an internal error or was misread.

    A list or a bare term raised AttributeError, an empty kind TypeError; a
    string where the term list belongs was read letter by letter, and a kind
    outside the actor types made actors no table knows.
    """

    def suffixes(value: object) -> bool:
        return isinstance(value, dict) and all(
            isinstance(term, str)
            and term.strip()
            and (suffix is None or (isinstance(suffix, str) and suffix.strip()))
            for term, suffix in value.items()
        )

    if not isinstance(forces, dict) or not all(
        kind in ACTOR_TYPES and (words(terms) or suffixes(terms)) for kind, terms in forces.items()
    ):
        raise NewsbriefError(
            f"{path}: generic_forces must map actor types ({', '.join(ACTOR_TYPES)}) "
            "to a list of terms or a mapping of terms to id suffixes"
        )


def _checked(data: dict, path: str) -> dict:
    """Refuse a user gazetteer whose entries a typo made unusable, naming the entry.

    An empty alias would match everywhere, and a bare string where a list
    belongs would be read letter by letter.
    """

    def words(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)

    _check_sections(data, path, words)
    for kind in _ENTRY_KINDS:
        entries = data.get(kind) or []
        if not isinstance(entries, list):
            raise NewsbriefError(f"{path}: {kind} must be a list of entries")
        for k, spec in enumerate(entries):
            where = f"{path}: {kind}[{k}]"
            if not isinstance(spec, dict) or not isinstance(spec.get("id"), str):
                raise NewsbriefError(f"{where}: an entry needs a text `id`")
            listed = [key for key in ("aliases", "members") if key in spec and not words(spec[key])]
            if listed:
                raise NewsbriefError(f"{where}: {listed[0]} must be a list of non-empty strings")
            for key in ("name", "type", "code", "part_of"):
                if spec.get(key) is not None and not isinstance(spec[key], str):
                    raise NewsbriefError(f"{where}: {key} must be text")
    states = data.get("states") or {}
    if not isinstance(states, dict) or not all(
        isinstance(v, dict)
        and all(words(v.get(f, [])) for f in ("aliases", "capitals", "demonyms"))
        and isinstance(v.get("adjective", ""), str)
        for v in states.values()
    ):
        raise NewsbriefError(f"{path}: states must map codes to name lists (aliases, demonyms)")
    return data


@lru_cache(maxsize=8)
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """Load the shipped gazetteer, plus any user YAML files, once per process.

    Parameters
    ----------
    extra : tuple of str
        Paths of YAML files in the shape of ``data/actors.yaml`` (and/or a
        ``states:`` mapping); their entries win over the shipped ones.

    Returns
    -------
    Gazetteer
    """
    states = read_yaml_mapping(package_file("states.yaml"), "gazetteer").get("states") or {}
    listed = read_yaml_mapping(package_file("actors.yaml"), "gazetteer")
    datas = [listed]
    for p in extra:  # a user's file: a second `organizations:` dropped the first
        datas.append(_checked(read_yaml_mapping(p, "gazetteer", read_yaml_unique), p))
    for data in datas[1:]:
        states = {**states, **(data.get("states") or {})}
    state_entries, state_extra = _state_entries(states)
    entries: dict[str, Entry] = {e.id: e for e in state_entries}
    surfaces: dict[str, Surface] = {}
    for entry in state_entries:
        for alias in entry.aliases:
            surfaces.setdefault(alias, Surface(entry, "name"))
    for surface, code, how in state_extra:
        surfaces[surface] = Surface(entries[code], how)
    force_terms: dict[str, tuple[str, str]] = {}
    members: dict[str, tuple[str, ...]] = {}
    filters: dict[str, set[str]] = {k: set() for k in _FILTERS}
    for data in datas:
        members.update(_members(data))
        for key in _FILTERS:
            filters[key] |= set((data.get("ner_filters") or {}).get(key, []))
        for entry in _listed_entries(data):
            entries[entry.id] = entry
            for alias in entry.aliases:
                surfaces[alias] = Surface(entry, "alias")
        force_terms.update(_force_terms(data))
    words = {k: frozenset(v) for k, v in filters.items()}
    return Gazetteer(
        entries,
        surfaces,
        force_terms,
        _compile(surfaces),
        words["organization_words"],
        words["place_words"],
        _main_forces(surfaces),
        words["media_words"],
        words["media_outlets"],
        words["expert_words"],
        words["research_words"],
        words["quoting_verbs"],
        words["thing_words"] | words["document_words"],  # a document is a thing
        words["vessel_prefixes"],
        words["document_words"],
        words["title_nouns"],
        words["sender_nouns"],
        members,
        words["crowd_words"],
        _adjectives(states),
        words["weapon_names"],
    )


def _adjectives(states: dict) -> dict[str, str]:
    """Each state's adjective: its ``adjective``, else its first demonym.

    A force the gazetteer does not list is named from its state ("Lebanese
    army"); named with the state's noun it read as no English does ("Lebanon
    army", "Uganda demonstrators"). ``demonyms`` list the adjective first;
    where the first is a person ("New Zealander", "Motswana") the YAML gives
    the adjective, which may be the name itself ("New Zealand army").
    """
    out = {}
    for code, spec in states.items():
        spec = spec or {}
        adjective = spec.get("adjective") or next(iter(spec.get("demonyms", [])), None)
        if adjective:
            out[code] = adjective
    return out


def _main_forces(surfaces: dict[str, Surface]) -> dict[str, Entry]:
    """Each state's main armed force: what "<state word> military" names."""
    main: dict[str, Entry] = {}
    for surface, hit in surfaces.items():
        force = surfaces.get(f"{surface} military") if hit.entry.type == "state" else None
        if force is not None:
            main.setdefault(hit.entry.id, force.entry)
    return main


def _compile(surfaces: dict[str, Surface]) -> FormMatcher:
    """Every surface form, the longest first, on word boundaries."""
    forms = set(surfaces)
    for form in surfaces:
        if form[:1].islower():  # "the alliance" also starts a sentence
            forms |= {c + form[1:] for c in form[0].upper()}
    return FormMatcher(forms, before="’'")


def parent_names(actors: Sequence[Actor]) -> dict[str, str]:
    """Actor id -> the name of the body it is part of, for every actor with a ``part_of``.

    A parent the article never names as a participant (Trump's ``USA`` in an
    article with no United States row) is no actor, so a reader of the table or
    the graph would see a bare code; the shipped gazetteer's name fills it
    ("United States"). The actor list is not changed, so actor scores are not
    either. An unknown id stays as it is.
    """
    known = {a.id: a.name for a in actors}
    entries = load_gazetteer().entries
    out = {}
    for a in actors:
        if a.part_of:
            entry = entries.get(a.part_of)
            out[a.id] = known.get(a.part_of) or (entry.name if entry else a.part_of)
    return out
