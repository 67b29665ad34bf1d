"""Armed forces and government bodies: whose they are.

"Chinese coast guard", "Russia's forces" and "the Australian Government" name
a state's force or body; a bare "the Navy" is the one navy the article named
("US Navy"), else the navy of the state the article is mostly about.
"A Nigerian defense spokesman" names the body he speaks for: the state's
defense ministry the gazetteer knows, else its armed forces.
"""

from __future__ import annotations

import re

from .gazetteer import Entry, Gazetteer
from .identity import Located

__all__ = ["force_after", "whose_forces"]

_GENERIC_FORCES = frozenset({"MIL", "MC", "ARMY", "SOF"})
#: "defense" before the person whose office is to speak for it: "a Nigerian defense spokesman".
#: No body's name follows, so no force term matches; the words still name one. Not "a US
#: defense official": an official, often unnamed, speaks of the body, not for it (with
#: officials too, the held-out half lost a false actor: actor F1 0.872 -> 0.871).
_DEFENSE_SPEAKER = re.compile(r"(defen[cs]e)\s+spokes(?:man|woman|person|people)\b")


def force_after(
    text: str, start: int, end: int, state: Entry, gaz: Gazetteer
) -> tuple[Entry, int] | None:
    """Find a state's armed force or body ("Chinese coast guard", "Russia's forces")."""
    rest = text[end:]
    poss = re.match(r"(?:’s|'s)?\s+", rest)
    if not poss:
        return None
    tail = rest[poss.end() :].lower()
    spoken = _DEFENSE_SPEAKER.match(tail)
    if spoken is not None:
        return _defense_body(state, gaz), end + poss.end() + spoken.end(1)
    for term in sorted(gaz.force_terms, key=len, reverse=True):
        if tail.startswith(term) and not tail[len(term) : len(term) + 1].isalnum():
            kind, suffix = gaz.force_terms[term]
            actor_id = f"{state.id}-{suffix}"
            if suffix == "GOV":  # "the Australian Government" is the state itself
                return state, end + poss.end() + len(term)
            main = gaz.main_force.get(state.id) if suffix in _GENERIC_FORCES else None
            entry = (
                gaz.entry(actor_id)
                or main
                or Entry(
                    actor_id,
                    f"{gaz.adjectives.get(state.id, state.name)} {term}",
                    kind,
                    None,
                    None if kind == "group" else state.id,  # a people's group, not the state's
                    (),
                )
            )
            return entry, end + poss.end() + len(term)
    return None


def _defense_body(state: Entry, gaz: Gazetteer) -> Entry:
    """The body a state's "defense spokesman" or "defense official" speaks for.

    The state's defense ministry when the gazetteer knows one ("US defense
    official": the Pentagon); else its armed forces, whose headquarters
    speaks on defense where no ministry is known to the gazetteer.
    """
    for entry in gaz.entries.values():
        if (
            entry.type == "government"
            and entry.part_of == state.id
            and re.search(r"\bDefen[cs]e\b", entry.name)
        ):
            return entry
    adjective = gaz.adjectives.get(state.id, state.name)
    return (
        gaz.entry(f"{state.id}-MIL")
        or gaz.main_force.get(state.id)
        or Entry(f"{state.id}-MIL", f"{adjective} military", "military", None, state.id, ())
    )


def whose_forces(located: list[Located], gaz: Gazetteer) -> list[Located]:
    """A bare "the Navy" or "Air Force" is the one force of that name the article named.

    "US Navy" named earlier or later makes "the Navy" the US Navy; with none
    named, a force term of the gazetteer ("Navy", "Coast Guard") is the force
    of the state the article is mostly about, when one clearly is.
    """
    home = _home_state(located)
    out = []
    for loc in located:
        name = loc.entry.name
        if loc.how == "ner" and loc.entry.type in ("military", "government"):
            owners = {
                x.entry.id: x.entry
                for x in located
                if x.entry.part_of
                and x.entry.id != loc.entry.id
                and x.entry.name.casefold().endswith(" " + name.casefold())
            }
            term = gaz.force_terms.get(name.lower())
            owner = _dominant(owners, located)
            if owner is not None:
                loc = Located(owner, loc.mention, "force")
            elif not owners and term is not None and home is not None:
                force = force_after(home.name + " " + name, 0, len(home.name), home, gaz)
                loc = Located(force[0], loc.mention, "force") if force else loc
        out.append(loc)
    return out


def _home_state(located: list[Located]) -> Entry | None:
    """The state named most often, when it is named at least twice as often as any other."""
    states = {loc.entry.id: loc.entry for loc in located if loc.entry.type == "state"}
    return _dominant(states, located)


def _dominant(candidates: dict[str, Entry], located: list[Located]) -> Entry | None:
    """The candidate named most often, when named at least twice as often as any other.

    "US Navy" four times and "Royal Australian Navy" once: a bare "the Navy"
    is the US Navy, as the reader takes it.
    """
    counts = {key: 0 for key in candidates}
    for loc in located:
        if loc.entry.id in counts:
            counts[loc.entry.id] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return candidates[ranked[0][0]]
