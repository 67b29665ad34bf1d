"""Armed forces and government bodies: whose they are.

"Chinese coast guard", "Russia's forces" and "the Australian Government" name
a state's force or body; a bare "the Navy" is the one navy the article named
("US Navy"), else the navy of the state the article is mostly about.
"The country's parliament" is the parliament of the state "the country" points
back to. "A Nigerian defense spokesman" names the body he speaks for: the state's
defense ministry the gazetteer knows, else its armed forces. "The Lebanese Army
and the State Security Forces": a body of no state beside a state's force is
that state's too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import Entry, Gazetteer
from .identity import Located, by_unit
from .model import Mention
from .parsed import mention_span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from .model import Unit

__all__ = ["coordinated_bodies", "force_after", "owned_forces", "possessed_bodies", "whose_forces"]

_GENERIC_FORCES = frozenset({"MIL", "MC", "ARMY", "SOF"})
#: "defense" before the person whose office is to speak for it: "a Nigerian defense spokesman".
#: No body's name follows, so no force term matches; the words still name one. Not "a US
#: defense official": an official, often unnamed, speaks of the body, not for it (with
#: officials too, the held-out half lost a false actor: actor F1 0.872 -> 0.871).
_DEFENSE_SPEAKER = re.compile(r"(defen[cs]e)\s+spokes(?:man|woman|person|people)\b")


def force_after(text: str, end: int, state: Entry, gaz: Gazetteer) -> tuple[Entry, int] | None:
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
    """The body a state's "defense spokesman" speaks for.

    The state's defense ministry when the gazetteer knows one (a US defense
    spokesman speaks for the Pentagon); else its armed forces, whose
    headquarters speaks on defense where no ministry is known to the gazetteer.
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


#: A possessive pronoun right before a bare force term: "our Navy", "its army".
_OWNING_PRONOUN = re.compile(r"\b(our|its)\s+$", re.IGNORECASE)


def owned_forces(units: Sequence[Unit], located: list[Located], gaz: Gazetteer) -> list[Located]:
    """A bare force term after "our" or "its" is the force of the state the pronoun stands for.

    "Our Navy" in what a state's leader says ("... the coastal forces of our
    Navy," said the president) is that state's navy, as "the Russian Navy"
    would be; "its army" after one state named in the sentence is that state's.
    Without this, "Navy" stayed an actor of no state when two states share the
    article, so no home state decides (:func:`whose_forces`). Only the
    sentence is read: "our" inside a quotation whose sentence names persons of
    one state, "its" after exactly one owner (state, group or organization),
    which is a state; anything else is left to :func:`whose_forces`.
    """
    states = {x.entry.id: x.entry for x in located if x.entry.type == "state"}
    grouped = by_unit(located)
    out = []
    for loc in located:
        m = loc.mention
        if loc.how == "ner" and loc.entry.type == "military" and m.text.lower() in gaz.force_terms:
            unit = units[m.unit]
            before = unit.text[: m.start - unit.start]
            owner = _pronoun_owner(before, grouped[m.unit], m.start, states)
            force = (
                force_after(f"{owner.name} {m.text}", len(owner.name), owner, gaz)
                if owner
                else None
            )
            loc = Located(force[0], m, "force") if force else loc
        out.append(loc)
    return out


def _pronoun_owner(
    before: str, here: list[Located], start: int, states: dict[str, Entry]
) -> Entry | None:
    """The state "our" or "its" at the end of ``before`` stands for, if the sentence says.

    ``here`` are the sentence's mentions, ``states`` the article's states by id.
    """
    pronoun = _OWNING_PRONOUN.search(before)
    if pronoun is None:
        return None
    if pronoun.group(1).lower() == "our":
        quoted = before.count("“") > before.count("”") or before.count('"') % 2 == 1
        sides = {x.entry.part_of for x in here if x.entry.type == "person" and x.entry.part_of}
        return states.get(next(iter(sides))) if quoted and len(sides) == 1 else None
    owners = {
        x.entry.id: x.entry
        for x in here
        if x.entry.type in ("state", "group", "organization") and x.mention.start < start
    }
    only = next(iter(owners.values())) if len(owners) == 1 else None
    return only if only is not None and only.type == "state" else None


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
                force = force_after(home.name + " " + name, len(home.name), home, gaz)
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


#: Nouns that point back to a state: "the country's parliament", "the nation's army".
_STATE_NOUNS = frozenset({"country", "nation"})
#: Units back the state "the country" points to may be named (as far as coreference reaches).
_STATE_WINDOW = 6


def possessed_bodies(
    units: Sequence[Unit], spans: Sequence[Span], located: Sequence[Located], gaz: Gazetteer
) -> list[Located]:
    """Bodies named through "the country's" or "the nation's": "the country's parliament".

    The possessive points back to the state named last, so the body is that
    state's, as "Uganda's parliament" would be. A state named as one of a
    coordinated pair ("sanctioned by the United States and the United
    Kingdom") is not what a singular "the country" picks out; the state named
    before it is. These bodies are found before the persons' affiliations are
    read, so "the speaker of the country's parliament, X" is part of it.
    """
    parsed = {u.index: (u, s) for u, s in zip(units, spans, strict=True)}
    out: list[Located] = []
    for unit, span in parsed.values():
        if unit.kind not in ("claim", "lead_in"):
            continue
        for tok in span:
            if tok.lower_ not in _STATE_NOUNS or tok.i == span.start or tok.i + 1 >= span.end:
                continue
            det, poss = span.doc[tok.i - 1], span.doc[tok.i + 1]
            if det.lower_ != "the" or poss.text not in ("’s", "'s"):
                continue
            start = unit.start + det.idx - span.start_char
            end = unit.start + tok.idx + len(tok.text) - span.start_char
            state = _state_before(parsed, located, unit.index, start)
            if state is None:
                continue
            rel = unit.start
            found = force_after(unit.text, end - rel, state, gaz)
            if found is None or found[0].id == state.id:
                continue  # "the country's government" is the state itself: coreference's
            body_end = rel + found[1]
            text = unit.text[start - rel : found[1]]
            out.append(Located(found[0], Mention(unit.index, start, body_end, text), "force"))
    return out


def _state_before(
    parsed: dict[int, tuple[Unit, Span]], located: Sequence[Located], unit: int, start: int
) -> Entry | None:
    """The state named last before ``start`` in ``unit``, skipping coordinated pairs."""
    before = [
        loc
        for loc in located
        if loc.entry.type == "state"
        and 0 <= unit - loc.mention.unit <= _STATE_WINDOW
        and (loc.mention.unit < unit or loc.mention.end <= start)
    ]
    before.sort(key=lambda x: (x.mention.unit, x.mention.start))
    for loc in reversed(before):
        if not _coordinated(parsed, loc):
            return loc.entry
    return None


def _coordinated(parsed: dict[int, tuple[Unit, Span]], loc: Located) -> bool:
    """Whether a mention is one conjunct of "X and Y"."""
    unit, span = parsed[loc.mention.unit]
    toks = mention_span(unit, span, loc.mention)
    if toks is None or not len(toks):
        return False
    root = toks.root
    return root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)


#: Types of a body that a state owns, and so may share with a body named beside it.
_STATE_BODIES = frozenset({"military", "government"})


def coordinated_bodies(
    units: Sequence[Unit], spans: Sequence[Span], located: list[Located], gaz: Gazetteer
) -> list[Located]:
    """A body of no state joined by "and" to one state's force or body is that state's too.

    "The Lebanese Army and the State Security Forces will deploy", "Kenya's
    police and the General Service Unit": the pair does one thing together on
    the same ground, and the owner said for the first is left unsaid for the
    second. Only a force or government body the gazetteer does not place
    takes the state, and only from the one it is coordinated with.
    """
    grouped = by_unit(located)
    out = []
    for loc in located:
        if loc.how == "ner" and loc.entry.type in _STATE_BODIES and loc.entry.part_of is None:
            unit = units[loc.mention.unit]
            state = _partner_state(unit, spans[unit.index], loc, grouped[unit.index], gaz)
            if state is not None:
                loc = Located(
                    Entry(loc.entry.id, loc.entry.name, loc.entry.type, None, state, ()),
                    loc.mention,
                    loc.how,
                )
        out.append(loc)
    return out


def _partner_state(
    unit: Unit, span: Span, loc: Located, here: list[Located], gaz: Gazetteer
) -> str | None:
    """The state of the force or body the mention is coordinated with, if it has one."""
    toks = mention_span(unit, span, loc.mention)
    if toks is None:
        return None
    root = toks.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    for other in here:
        other_toks = mention_span(unit, span, other.mention) if other is not loc else None
        owner = gaz.entry(other.entry.part_of) if other.entry.part_of else None
        if (
            other_toks is not None
            and other.entry.type in _STATE_BODIES
            and owner is not None
            and owner.type == "state"
            and any(other_toks.start <= p.i < other_toks.end for p in partners)
        ):
            return owner.id
    return None
