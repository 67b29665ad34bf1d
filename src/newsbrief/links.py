"""Relations no verb states: an actor's place in another, and co-mentions.

A gazetteer's ``part_of`` gives a structural relation wherever the actor
appears, and so does a group's list of ``members`` where the group and the
member both appear; two actors named in one sentence with no stated relation
give a weak ``co_mentioned`` edge (polarity
:data:`newsbrief.vocabulary.WEAK_POLARITY`), which the graph keeps apart from
the stated relations.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING

from .model import Actor, Evidence, Relation, Unit
from .vocabulary import WEAK_POLARITY

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from .identity import Located

__all__ = [
    "co_mentions",
    "contained_part_of",
    "group_part_of",
    "home_part_of",
    "memberships",
    "named_part_of",
    "part_of_relations",
    "placed_actors",
    "possessed_part_of",
]

#: Actor types whose name may carry their state ("the Haitian National Police").
_STATE_BODIES = frozenset({"government", "military", "organization"})
#: Actor types that own bodies: "Iraq's army", "Hezbollah's Radwan Force", "NATO's command".
_PARENTS = frozenset({"state", "group", "organization"})


def placed_actors(actors: Sequence[Actor], relations: Sequence[Relation]) -> list[Actor]:
    """Each actor's ``part_of`` from the one ``part_of`` relation found for it.

    The name, possessive, home and group rules place a body in its parent as a
    relation only, so "Israel Atomic Energy Commission part of Israel" stood
    in the briefing's structure and in ``relations.csv`` while the actor's own
    ``part_of`` (``actors.csv``, the graph's node) was empty. An actor with two
    parents found this way keeps none: the relations say both.
    """
    parents: dict[str, set[str]] = {}
    for r in relations:
        if r.event_class == "PART_OF":
            parents.setdefault(r.source, set()).add(r.target)
    return [
        replace(a, part_of=next(iter(parents[a.id])))
        if not a.part_of and len(parents.get(a.id, ())) == 1
        else a
        for a in actors
    ]


def part_of_relations(actors: Sequence[Actor]) -> list[Relation]:
    """A structural ``part_of`` relation for each actor whose parent is in the article too."""
    ids = {a.id for a in actors}
    out = []
    for a in actors:
        if a.part_of and a.part_of in ids and a.mentions:
            out.append(_part_of(a, a.part_of, "gazetteer part_of"))
        elif a.part_of and a.type == "person" and a.mentions:
            body = _state_voice(actors, a.part_of)
            if body is not None:
                out.append(_part_of(a, body, f"the one government body of {a.part_of}"))
    return out


def _state_voice(actors: Sequence[Actor], state: str) -> str | None:
    """The one government body of a state the article names only through it.

    A White House readout never says "the United States": the White House
    is the state there, and its president is part of it (the annotation
    takes a seat of government for its state). Two bodies name neither.
    """
    bodies = [a.id for a in actors if a.type == "government" and a.part_of == state]
    return bodies[0] if len(bodies) == 1 else None


def group_part_of(
    actors: Sequence[Actor], members: Mapping[str, tuple[str, ...]], placed: set[frozenset[str]]
) -> list[Relation]:
    """``part_of`` for a state in a group the gazetteer lists it in: Norway in the Nordic countries.

    "The Prime Ministers of Denmark, Iceland, Norway and Sweden met ... for
    the U.S.-Nordic Leaders' Summit": a reader knows each is a Nordic
    country, and no sentence needs to say so. Only groups and states the
    article names count, and only pairs no structural relation links yet
    (``placed``: "Finland is a member of the Nordic Council" said so already).
    """
    ids = {a.id: a for a in actors}
    out = []
    for group in actors:
        for state in members.get(group.id, ()):
            actor = ids.get(state)
            if actor is not None and actor.mentions and frozenset((state, group.id)) not in placed:
                out.append(_part_of(actor, group.id, "group member"))
    return out


def _part_of(actor: Actor, parent: str, cue: str) -> Relation:
    """The structural relation, evidenced by the actor's first mention."""
    m = actor.mentions[0]
    return Relation(
        actor.id,
        parent,
        "part_of",
        "structural",
        (Evidence(m.unit, m.start, m.end, m.text),),
        False,
        (cue,),
        event_class="PART_OF",
    )


def named_part_of(actors: Sequence[Actor], state_of: Callable[[str], str | None]) -> list[Relation]:
    """``part_of`` for a government body or force whose name holds a state of the article.

    "Haitian National Police", "Lebanese Ministry of Health", "Israel Atomic
    Energy Commission": the state word in the name says whose body it is. Only
    states the article names count, and only for actors with no ``part_of`` yet.

    Parameters
    ----------
    actors : sequence of Actor
        The article's actors.
    state_of : callable
        A word -> the id of the state it names (name or demonym), or None.
    """
    states = {a.id for a in actors if a.type == "state"}
    out = []
    for a in actors:
        if a.part_of or a.type not in _STATE_BODIES or not a.mentions:
            continue
        names = dict.fromkeys((a.name, *a.aliases))
        found = [s for n in names for s in map(state_of, _phrases(n)) if s in states and s != a.id]
        if found:
            out.append(_part_of(a, found[0], "state in the name"))
    return out


def possessed_part_of(
    actors: Sequence[Actor],
    owners: Callable[[Actor], list[str]],
    placed: frozenset[str] | set[str] = frozenset(),
) -> list[Relation]:
    """``part_of`` for a body the text gives an owner: "South Korea's Joint Chiefs".

    Like :func:`named_part_of`, for government bodies and forces with no
    ``part_of`` yet; ``owners`` reads the actors that own one at its mentions
    (a possessive before it, or before the phrase it abbreviates). The owner
    is a state, or a group or organization with units of its own
    ("Hezbollah's Radwan Force", "the EU's border agency"); a force's unit
    may be owned by a force too ("the Navy's 3rd Fleet"). ``placed`` holds
    the actors placed in another already.
    """
    parents = {a.id for a in actors if a.type in _PARENTS}
    forces = {a.id for a in actors if a.type == "military"}
    out = []
    for a in actors:
        if a.part_of or a.id in placed or a.type not in _STATE_BODIES or not a.mentions:
            continue
        # A force's unit may be owned by a force: "the US Navy's 3rd Fleet".
        owning = parents | forces if a.type == "military" else parents
        found = [s for s in owners(a) if s in owning and s != a.id]
        if len(set(found)) == 1:
            out.append(_part_of(a, found[0], "a state's possessive"))
    return out


def contained_part_of(actors: Sequence[Actor], placed: set[str]) -> list[Relation]:
    """``part_of`` for a body whose name holds the whole name of another body.

    "Air Force Research Lab" is the Air Force's, "Army Corps of Engineers"
    the Army's: a government body, force or organization of the article
    named, word for word, at the start of this one's name owns it. The name
    is of several words: a single ordinary word ("Army", "Congress") may be
    only the first word of an unrelated name, and a body named after an
    acronym ("ASEAN Observer Team") the actor step places already
    (:mod:`newsbrief.actors`). Only for actors not ``placed`` in another
    already.
    """
    bodies = [b for b in actors if b.type in _STATE_BODIES and b.mentions]
    out = []
    for a in bodies:
        if a.part_of or a.id in placed:
            continue
        words = a.name.casefold().split()
        owner = next(
            (
                b
                for b in bodies
                if b.id != a.id
                and any(
                    1 < len(n.split()) < len(words) and words[: len(n.split())] == n.split()
                    for n in (x.casefold() for x in (b.name, *b.aliases))
                )
            ),
            None,
        )
        if owner is not None:
            out.append(_part_of(a, owner.id, "a body's name in its name"))
    return out


def home_part_of(actors: Sequence[Actor], placed: set[str]) -> list[Relation]:
    """``part_of`` the article's main state for a government body no text places.

    "The Interior Ministry", "parliament", "the electoral commission": a body
    of government named without a state, in its name or a possessive, is the
    government of the state the article is about, the one it mentions most
    (the first named wins a tie). Forces are left alone: an article names the
    armies of both sides of a war, often without their states. ``placed``
    holds the actors with a ``part_of`` relation already.
    """
    states = [a for a in actors if a.type == "state" and a.mentions]
    if not states:
        return []
    home = max(states, key=lambda a: (len(a.mentions), -min(m.unit for m in a.mentions)))
    return [
        _part_of(a, home.id, "the article's state")
        for a in actors
        if a.type == "government" and not a.part_of and a.id not in placed and a.mentions
    ]


def memberships(relations: Sequence[Relation], actors: Sequence[Actor]) -> list[Relation]:
    """Alliance with an organization is membership in it: "Poland and its NATO allies".

    ``allied_with`` holds between peers; between a state and an organization
    (an alliance, a bloc) the structural relation is the state's membership
    (PLOVER's MEMBER_OF), directed from the state to the organization.
    """
    kinds = {a.id: a.type for a in actors}
    keys = {(r.source, r.target, r.type) for r in relations}
    out = []
    for r in relations:
        ends = (kinds.get(r.source), kinds.get(r.target))
        if r.event_class != "ALLIED_WITH" or set(ends) != {"state", "organization"}:
            out.append(r)
            continue
        state, body = (r.source, r.target) if ends[0] == "state" else (r.target, r.source)
        if (state, body, "member_of") not in keys:  # stated already: "Poland's NATO membership"
            keys.add((state, body, "member_of"))
            out.append(
                replace(r, source=state, target=body, type="member_of", event_class="MEMBER_OF")
            )
    return out


def _phrases(name: str, longest: int = 3) -> list[str]:
    """Runs of up to ``longest`` words of a name, possessives cut: "South Korea’s JCS"."""
    words = [w.strip(".,’'()").removesuffix("’s").removesuffix("'s") for w in name.split()]
    return [
        " ".join(words[i : i + n])
        for n in range(longest, 0, -1)
        for i in range(len(words) - n + 1)
        if all(words[i : i + n])
    ]


def co_mentions(
    units: Sequence[Unit],
    by_unit: dict[int, list[Located]],
    relations: list[Relation],
    part_of: dict[str, str],
) -> list[Relation]:
    """Weak relations between actors of one claim that no stated relation links."""
    linked = {frozenset((r.source, r.target)) for r in relations}
    pairs: dict[tuple[str, str], list[Evidence]] = {}
    for unit in units:
        if unit.kind != "claim":
            continue
        ids = list(dict.fromkeys(loc.entry.id for loc in by_unit.get(unit.index, [])))
        for a, b in combinations(ids, 2):
            if frozenset((a, b)) in linked or part_of.get(a) == b or part_of.get(b) == a:
                continue
            key = (a, b) if (b, a) not in pairs else (b, a)
            pairs.setdefault(key, []).append(Evidence(unit.index, unit.start, unit.end, ""))
    return [
        Relation(a, b, "co_mentioned", WEAK_POLARITY, tuple(ev), True, ("same sentence",))
        for (a, b), ev in pairs.items()
    ]
