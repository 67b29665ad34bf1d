"""Coreference: pronouns, titled descriptions and collectives resolved to actors.

News names a participant once and then says "he", "the former president",
"the court", "the two leaders" or "both sides". Without this step those
sentences have no actor, so their claims are the author's and their verbs
link nothing. The rules read the parse and the actors already found:

- "his"/"her" in a phrase set before its clause's subject ("During his
  visit to Hanoi, Lind met ...") -> that subject, when it names one person
  and no person is named before the pronoun in its sentence (cataphora);
- "he"/"she" (and "his", "her") -> the one person subject of the nearest
  clause over it ("the army said Lind led the raids and he ..."), else,
  when no person is named before it in its sentence, the person the sentence
  before is most about (its subject, then its object: centering), else the
  last person named, a few units back; an object of a verb is never that
  verb's own subject ("Lind met her": not Lind, the person before), a
  reflexive always is ("Lind praised himself");
- "they"/"their" -> a plural subject before it in the same sentence ("Polish
  farmers said they ..."), else the last group: actors joined by "and", or a
  collective, named at most a few units back, else (nothing named before it
  in its sentence) the group, force or organization, not a state, that was
  the sentence before's subject ("the Front refused. Their fighters ...").
  A plural subject or object
  that governs it ("warned the protesters they ...") is what it means: its
  actor (a crowd, :mod:`newsbrief.crowds`), or no one when none names it;
- "the <title>" ("the president", "the Chinese foreign minister") -> the last
  person that whole title was used for ("Norway's foreign minister": that
  state's person with that title): a title is its run of office words
  ("vice president", "foreign minister", "secretary of state", "former
  president"), so "the president" is not the vice president named last, and
  "the minister" not the prime minister;
- "the <word of a name>" ("the court" after "International Court of
  Justice", "the rebels" after "Houthi rebels") -> that actor;
- "the country", "the nation" -> the last state; "the North", "the South"
  -> the last state named with that word ("North Korea");
- "the <noun>" a body's name modified before ("the rebels" after "RSF rebels",
  "the mission" after "the MSS mission") -> that body; "the armed group" ->
  the last armed group, "the alliance", "the bloc" -> the last organization.
  A name inside the description ("the Iran-backed group") stays out of its
  mention, so the description and the name can still relate;
- "the two leaders", "both sides", "the three countries", "our nations" ->
  a list of that kind and size named in the sentence before, else the
  parties the headline or lead lists ("the President of X and the Prime
  Minister of Y", "X – Y – Z Partnership"), not states from a later aside,
  else the last group of that kind and size, else the last persons (or
  states) named, as many as the number says. "All countries" and "our allies" name
  no one named before (everyone, or the speaker's partners, not the speaker).

Each link becomes a mention (``how`` = ``coref:<cue>``), so it counts for the
actor's mentions (node size), for attribution and for relations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .actors import Located
from .crowds import local_crowds
from .forces import possessed_bodies
from .gazetteer import Entry, Gazetteer
from .identity import by_unit, distinct_names
from .model import Actor, Mention, Unit
from .offices import department_fields
from .parsed import ArticleParse, mention_span
from .persons import affiliations, titled_persons, with_affiliations
from .titles import OFFICE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["COREF", "link_mentions", "resolve"]

COREF = "coref"
_HE_SHE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_THEY = frozenset({"they", "them", "their", "themselves"})
_REFLEXIVE = frozenset({"himself", "herself"})
#: Dependencies by which a pronoun is its verb's object (or, "with him", the
#: object of a preposition attached to that verb).
_OBJECTS = frozenset({"dobj", "dative", "iobj", "obj", "pobj"})
_PERSON_TITLES = frozenset(
    [
        "president",
        "minister",
        "secretary",
        "premier",
        "chancellor",
        "leader",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chief",
        "commander",
        "general",
        "ambassador",
        "envoy",
        "king",
        "queen",
        "adviser",
        "advisor",
        "prince",
        "director",
        "chairman",
        "governor",
        "senator",
        "emir",
        "sultan",
        "pope",
    ]
)
#: Words of a whole title: the office words, and "former", which makes another office.
_TITLE_WORDS = frozenset({w.lower().strip(".") for w in OFFICE_WORDS} | {"former"})
#: Words back from a name or title noun that a title run may reach.
_TITLE_REACH = 5
#: A name's own words before its head word ("JD" in "JD Vance") skipped to reach its title.
_NAME_WORDS = 4
_PERSON_GROUPS = frozenset(
    [
        "leader",
        "president",
        "minister",
        "counterpart",
        "head",
        "adviser",
        "advisor",
        "nsa",
        "envoy",
        "secretary",
    ]
)
_BODY_GROUPS = frozenset(
    [
        "country",
        "nation",
        "government",
        "ally",
        "partner",
        "democracy",
        "state",
        "side",
        "party",
        "neighbor",
        "neighbour",
    ]
)
_STATE_WORDS = frozenset({"country", "nation"})
#: "the North", "the South": capitalised, the one state named with that word ("North Korea").
_COMPASS = frozenset({"North", "South", "East", "West"})
# "the armed group" is the last armed group named, "the alliance" the last organization
_KIND_WORDS = {
    "group": "group",
    "militia": "group",
    "faction": "group",
    "alliance": "organization",
    "bloc": "organization",
}
_ALLY_WORDS = frozenset({"ally", "partner", "neighbor", "neighbour"})
_GENERIC_NAME_WORDS = frozenset(
    [
        "state",
        "states",
        "united",
        "republic",
        "people",
        "kingdom",
        "of",
        "the",
        "and",
        "for",
        "democratic",
        "national",
    ]
)
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4}
_DETERMINERS = frozenset({"the", "both", "our", "these", "those", "all"})
_WINDOW = 6  # units back a pronoun's or description's antecedent may be
_GROUP_WINDOW = 30  # a readout calls its parties "the two leaders" all the way down
#: Units back a list of the right size is nearer than the headline's parties: "Chile and
#: Peru signed a deal. The two countries ..." are Chile and Peru, whatever the headline names.
_LOCAL_WINDOW = 1
#: Units back a "they" may reach for the last group: a pronoun, unlike "the two
#: leaders", names no kind, so a group named long before is rarely still what it means.
_THEY_WINDOW = 3


@dataclass
class _History:
    """What has been named so far, in reading order."""

    seen: list[tuple[int, Entry]] = field(default_factory=list)  # (unit, entry)
    titles: dict[str, set[str]] = field(default_factory=dict)  # person -> whole titles
    nouns: dict[str, set[str]] = field(default_factory=dict)  # "RSF rebels": RSF -> rebel
    groups: list[tuple[int, tuple[Entry, ...]]] = field(default_factory=list)
    #: The lists of actors named together in the headline and lead, in reading order.
    parties: list[tuple[Entry, ...]] = field(default_factory=list)
    #: The persons the unit being read refers to, as (grammatical rank, token, person).
    referred: list[tuple[int, int, Entry]] = field(default_factory=list)
    #: The person the unit before is most about (its subject first): whom a pronoun
    #: opening the next sentence continues.
    centre: Entry | None = None
    #: The bodies the unit being read has as its main subject, and those of the unit before.
    subjects: list[Entry] = field(default_factory=list)
    subject_body: Entry | None = None
    #: An unnamed person ("a survivor who ...") is what the text is about since the
    #: last person it named or linked: "she" then is no named person from before.
    unnamed: bool = False

    def refer(self, tok: Token, members: tuple[Entry, ...]) -> None:
        """Note a reference to one person, ranked by its place in the sentence."""
        if len(members) == 1 and _is_person(members[0]):
            self.referred.append((_rank(tok), tok.i, members[0]))
        elif len(members) == 1 and not _is_state(members[0]) and _rank(tok) == 0:
            self.subjects.append(members[0])

    def close_unit(self) -> None:
        """The unit read is over: its most prominent person is the next one's centre."""
        self.centre = min(self.referred, key=lambda r: r[:2])[2] if self.referred else None
        self.subject_body = self.subjects[0] if len(self.subjects) == 1 else None
        self.referred, self.subjects = [], []

    def last(self, unit: int, want) -> Entry | None:
        for u, entry in reversed(self.seen):
            if unit - u > _WINDOW:
                return None
            if want(entry):
                return entry
        return None

    def recent(self, unit: int, want, n: int) -> tuple[Entry, ...]:
        out: list[Entry] = []
        for u, entry in reversed(self.seen):
            if unit - u > _WINDOW or len(out) == n:
                break
            if want(entry) and entry.id not in {e.id for e in out}:
                out.append(entry)
        return tuple(reversed(out)) if len(out) == n else ()

    def party(self, want, n: int) -> tuple[Entry, ...]:
        """The first list of ``n`` actors of the wanted kind the headline or lead names."""
        return next(
            (m for m in self.parties if len(m) == n and all(want(e) for e in m)),
            (),
        )

    def group(
        self, unit: int, want, n: int | None, window: int = _GROUP_WINDOW
    ) -> tuple[Entry, ...]:
        for u, members in reversed(self.groups):
            if unit - u > window:
                break
            if all(want(e) for e in members) and (n is None or len(members) == n):
                return members
        return ()


def _is_person(e: Entry) -> bool:
    return e.type == "person"


def _is_body(e: Entry) -> bool:
    return e.type != "person"


def _is_state(e: Entry) -> bool:
    return e.type == "state"


def resolve(
    parse: ArticleParse, actors: Sequence[Actor], gazetteer: Gazetteer | None = None
) -> tuple[list[Actor], ArticleParse]:
    """Add titled persons, affiliations and coreferent mentions to the actor step's output.

    Bodies named through "the country's" come first, so a person titled by
    one ("the speaker of the country's parliament, X") is placed in it.

    Parameters
    ----------
    parse : ArticleParse
        The units, their parses and the mentions from
        :func:`newsbrief.actors.extract_actors`.
    actors : sequence of Actor
        Its actors.
    gazetteer : Gazetteer, optional
        What "the country's parliament", a department a title names
        ("Commerce Secretary X") and a bare crowd noun ("protesters") are
        read against; without it those readings are skipped.

    Returns
    -------
    actors : list of Actor
        The same actors (new titled persons added, ``part_of`` filled from
        context), each with its coreferent mentions too.
    parse : ArticleParse
        The same parse carrying every mention in reading order, coreferent
        ones with ``how`` = ``coref:<cue>``.
    """
    units, spans = parse.units, parse.spans
    located: list[Located] = list(parse.mentions)
    if gazetteer is not None:
        located += possessed_bodies(units, spans, located, gazetteer)
    fields = department_fields(gazetteer) if gazetteer is not None else frozenset()
    named = _joined(units, [*located, *titled_persons(units, spans, located, fields)])
    found = affiliations(units, spans, named, gazetteer)
    named = with_affiliations(named, found)
    if gazetteer is not None:
        named = sorted(
            local_crowds(units, spans, named, gazetteer),
            key=lambda x: (x.mention.unit, x.mention.start, -x.mention.end),
        )
    links = link_mentions(units, spans, named)
    everything = sorted(
        [*named, *links], key=lambda x: (x.mention.unit, x.mention.start, -x.mention.end)
    )
    people = {k: v.body for k, v in found.items()}
    return _assemble(actors, everything, people), parse.with_mentions(everything)


def _joined(units: Sequence[Unit], located: Sequence[Located]) -> list[Located]:
    """Two mentions of one actor with only a space between them are one mention.

    A headline's title rule takes one word after the title ("President Xi")
    and the surname rule the next ("Jinping"), so "President Xi Jinping"
    counted twice and gave the person a second alias; the same holds for any
    two name rules that meet inside one name.
    """
    text = {u.index: u for u in units}
    out: list[Located] = []
    for loc in sorted(located, key=lambda x: (x.mention.unit, x.mention.start, -x.mention.end)):
        prev = out[-1].mention if out else None
        m = loc.mention
        if (
            prev is not None
            and out[-1].entry.id == loc.entry.id
            and prev.unit == m.unit
            and prev.end < m.start
            and not _between(text[m.unit], prev.end, m.start).strip()
        ):
            unit = text[m.unit]
            joined = _between(unit, prev.start, m.end)
            out[-1] = replace(out[-1], mention=replace(prev, end=m.end, text=joined))
            continue
        out.append(loc)
    return out


def _still_named(aliases: Sequence[str], named: Sequence[Mention]) -> tuple[str, ...]:
    """The aliases that are still a mention's text: one :func:`_joined` took in is not."""
    texts = {m.text for m in named}
    return tuple(a for a in aliases if a in texts)


def _between(unit: Unit, start: int, end: int) -> str:
    """The unit's text between two article offsets."""
    return unit.text[start - unit.start : end - unit.start]


def _assemble(
    actors: Sequence[Actor], located: Sequence[Located], part_of: dict[str, str]
) -> list[Actor]:
    """Old actors keep their fields; new ones come from their entries; every mention counts.

    An actor only ever referred to by a pronoun or description is not made here:
    coreference adds mentions to named actors, never new ones.
    """
    old = {a.id: a for a in actors}
    mentions: dict[str, list[Mention]] = {}
    named: dict[str, list[Mention]] = {}
    entries: dict[str, Entry] = {}
    for loc in located:
        entries.setdefault(loc.entry.id, loc.entry)
        mentions.setdefault(loc.entry.id, []).append(loc.mention)
        if not loc.how.startswith(COREF):
            named.setdefault(loc.entry.id, []).append(loc.mention)
    out = []
    for actor_id, entry in entries.items():
        if actor_id not in named:
            continue
        base = old.get(actor_id) or Actor(
            actor_id, entry.name, entry.type, entry.code, (), entry.part_of, (), "ner"
        )
        out.append(
            replace(
                base,
                aliases=_still_named(base.aliases, named[actor_id])
                or distinct_names(m.text for m in named[actor_id]),
                part_of=base.part_of or part_of.get(actor_id),
                mentions=tuple(mentions[actor_id]),
            )
        )
    return sorted(out, key=lambda a: (a.mentions[0].unit, a.mentions[0].start))


def link_mentions(
    units: Sequence[Unit], spans: Sequence[Span], located: Sequence[Located]
) -> list[Located]:
    """Coreferent mentions (pronouns, descriptions, collectives) of the named actors."""
    grouped = by_unit(located)
    history = _History()
    out: list[Located] = []
    head = _head_units(units)
    for unit, span in zip(units, spans, strict=True):
        mine = grouped.get(unit.index, [])
        covered = _token_map(unit, span, mine)
        pushed: set[int] = set()
        for tok in span:
            if tok.i in covered:
                for loc in covered[tok.i]:
                    if id(loc) not in pushed:
                        pushed.add(id(loc))
                        _remember(history, unit, span, loc, tok)
                        history.refer(tok, (loc.entry,))
                continue
            if unit.kind not in ("claim", "lead_in"):
                continue
            link = _link(tok, unit, covered, history)
            if link is None:
                continue
            first, last, members, cue = link
            start = unit.start + span.doc[first].idx - span.start_char
            end = unit.start + span.doc[last].idx + len(span.doc[last].text) - span.start_char
            mention = Mention(
                unit.index, start, end, unit.text[start - unit.start : end - unit.start]
            )
            out += [Located(e, mention, f"{COREF}:{cue}") for e in members]
            if len(members) > 1:
                history.groups.append((unit.index, members))
            history.refer(tok, members)
        unnamed = _unnamed_person(span, covered, span.end)
        history.unnamed = (unnamed or history.unnamed) and not history.referred
        history.close_unit()
        _coordinated(history, unit, span, covered)
        if unit.index in head:
            history.parties += _listed(unit, span, mine, covered)
    return out


def _head_units(units: Sequence[Unit]) -> set[int]:
    """The headline and the lead: every unit up to the first sentence of the text itself."""
    out: set[int] = set()
    for unit in units:
        out.add(unit.index)
        if unit.kind in ("claim", "lead_in"):
            break
    return out


def _listed(
    unit: Unit, span: Span, mine: Sequence[Located], covered: dict[int, list[Located]]
) -> list[tuple[Entry, ...]]:
    """The lists of actors a unit names together, in reading order.

    A list is a coordination whose every conjunct names one actor of a kind
    ("the Prime Minister of Chile and the Prime Minister of Peru": Chile and
    Peru, and the two persons when they are named), or names joined by dashes,
    slashes or commas only ("Chile–Peru talks", "the Chile – Peru – Bolivia
    partnership"), which the parse does not coordinate.
    """
    found: list[tuple[int, tuple[Entry, ...]]] = []
    for start, conjuncts in _conjuncts(span.doc, sorted(covered), covered).items():
        for want in (_is_person, _is_state, _is_body):
            picked = [[e for e in c if want(e)] for c in conjuncts]
            if all(len(p) == 1 for p in picked):
                members = _distinct(p[0] for p in picked)
                if len(members) == len(picked):
                    found.append((span.doc[start].idx - span.start_char, members))
                    break
    found += _joined_by_marks(unit, mine)
    seen: set[tuple[str, ...]] = set()
    out = []
    for _, members in sorted(found, key=lambda x: x[0]):
        key = tuple(sorted(e.id for e in members))
        if key not in seen:
            seen.add(key)
            out.append(members)
    return out


#: Climbs from a name to the conjunct it belongs to ("Chile" in "the Prime Minister of Chile").
_CONJUNCT_CLIMB = 4


def _conjuncts(
    doc: Doc, indices: Iterable[int], covered: dict[int, list[Located]]
) -> dict[int, list[list[Entry]]]:
    """The actors of each conjunct of every coordination, keyed by where it begins.

    A name inside a conjunct counts for it: through "of" ("the Prime Minister
    of Chile"), a possessive ("Chile's minister") or a compound ("Chile talks").
    """
    chains: dict[int, dict[int, dict[str, Entry]]] = {}
    for i in indices:
        conjunct = _conjunct_of(doc[i])
        if conjunct is None:
            continue
        root = conjunct
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        entries = chains.setdefault(root.i, {}).setdefault(conjunct.i, {})
        for loc in covered[i]:
            entries.setdefault(loc.entry.id, loc.entry)
    return {
        start: [list(c.values()) for _, c in sorted(parts.items())]
        for start, parts in chains.items()
        if len(parts) > 1
    }


def _conjunct_of(tok: Token) -> Token | None:
    """The conjunct a name belongs to, or None outside a coordination."""
    tok = _head_word(tok)
    for _ in range(_CONJUNCT_CLIMB):
        if tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children):
            return tok
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head
        elif tok.dep_ in ("poss", "compound", "nmod"):
            tok = tok.head
        else:
            return None
    return None


def _distinct(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    return tuple({e.id: e for e in reversed(list(entries))}.values())[::-1]


_LIST_MARKS = frozenset({"-", "–", "—", "/", ",", "and", ",and", "&"})


def _joined_by_marks(unit: Unit, mine: Sequence[Located]) -> list[tuple[int, tuple[Entry, ...]]]:
    """Runs of names with only a dash, slash, comma or "and" between them."""
    named = sorted(
        {(loc.mention.start, loc.mention.end, loc.entry.id): loc for loc in mine}.values(),
        key=lambda x: (x.mention.start, -x.mention.end),
    )
    runs: list[list[Located]] = []
    for loc in named:
        last = runs[-1][-1] if runs else None
        gap = (
            unit.text[last.mention.end - unit.start : loc.mention.start - unit.start]
            if last
            else ""
        )
        if last and loc.mention.start >= last.mention.end and "".join(gap.split()) in _LIST_MARKS:
            runs[-1].append(loc)
        else:
            runs.append([loc])
    out = []
    for run in runs:
        members = _distinct(loc.entry for loc in run)
        if len(members) > 1 and len({e.type == "person" for e in members}) == 1:
            out.append((run[0].mention.start - unit.start, members))
    return out


def _token_map(unit: Unit, span: Span, located: Sequence[Located]) -> dict[int, list[Located]]:
    out: dict[int, list[Located]] = {}
    for loc in located:
        for tok in mention_span(unit, span, loc.mention) or ():
            out.setdefault(tok.i, []).append(loc)
    return out


def _remember(history: _History, unit: Unit, span: Span, loc: Located, tok: Token) -> None:
    history.seen.append((unit.index, loc.entry))
    if loc.entry.type != "person":
        _remember_noun(history, span, loc, tok)
        return
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:  # the name's head word
        tok = tok.head
    titles = {_title_before(span, tok)}
    if tok.dep_ == "appos":  # "the minister, Wang Yi"
        titles.add(_title_of(tok.head))
    titles |= {_title_of(c) for c in tok.children if c.dep_ == "appos"}  # "Wang Yi, the minister"
    history.titles.setdefault(loc.entry.id, set()).update(t for t in titles if t)


def _title_word(tok: Token) -> bool:
    """A word of a title: an office word ("Vice", "Foreign", "State") or "former"."""
    word = tok.lower_.strip(".")
    return word in _TITLE_WORDS or tok.lemma_.lower() in _PERSON_TITLES


def _title_run(doc: Doc, end: int, lowest: int) -> list[str]:
    """The office words right before token ``end`` (exclusive), "of" inside a run kept."""
    words: list[str] = []
    i = end - 1
    while i >= lowest:
        t = doc[i]
        if _title_word(t):
            words.insert(0, t.lower_.strip("."))
        elif not (t.lower_ == "of" and words and i > lowest and _title_word(doc[i - 1])):
            break
        else:
            words.insert(0, "of")
        i -= 1
    return words


def _title_before(span: Span, name: Token) -> str:
    """The whole title run before a name: "vice president" in "Vice President JD Vance".

    The name's own words ("JD") are skipped first; the run stops at the first
    word that is no office word, so "Haiti's interim Prime Minister" is
    "prime minister" and "US President" is "president".
    """
    i = name.i
    while i > span.start and name.i - i < _NAME_WORDS and _is_name_word(span.doc[i - 1]):
        i -= 1
    return " ".join(_title_run(span.doc, i, max(span.start, i - _TITLE_REACH)))


def _is_name_word(tok: Token) -> bool:
    """A word of a person's name: a proper noun that is no office word."""
    return tok.pos_ == "PROPN" and not _title_word(tok)


def _title_of(noun: Token) -> str:
    """The whole title a noun heads: its office words before it, "of X" after it."""
    if noun.lemma_.lower() not in _PERSON_TITLES:
        return ""
    words = [*_title_run(noun.doc, noun.i, max(noun.sent.start, noun.i - _TITLE_REACH))]
    words.append(noun.lemma_.lower())
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        objs = [o for o in prep.children if o.dep_ == "pobj" and _title_word(o)]
        words += ["of", *(o.lower_ for o in objs)] if objs else []
    return " ".join(words)


def _names_itself(tok: Token, covered: dict[int, list[Located]], members: tuple) -> bool:
    """Whether a description's own modifiers name its referent ("the NATO mission")."""
    inside = {
        loc.entry.id
        for c in tok.children
        if c.i < tok.i
        for w in c.subtree
        for loc in covered.get(w.i, [])
    }
    return any(e.id in inside for e in members)


def _remember_noun(history: _History, span: Span, loc: Located, tok: Token) -> None:
    """The noun a body's name modifies ("MSS mission", "RSF rebels") so "the mission" is MSS.

    States are left out: "Israeli strike" or "US officials" are acts and people
    of the state, not other names of it.
    """
    if loc.entry.type == "state":
        return
    head = _head_word(tok)
    if head.i != tok.i and head.pos_ == "NOUN" and head.idx >= span.start_char:
        history.nouns.setdefault(loc.entry.id, set()).add(head.lemma_.lower())


def _coordinated(
    history: _History, unit: Unit, span: Span, covered: dict[int, list[Located]]
) -> None:
    """Actors joined by "and" in this unit become the latest group ("X and Y agreed")."""
    for chain in _conjoined(span.doc, sorted(covered), covered).values():
        history.groups.append((unit.index, chain))


def _conjoined(
    doc: Doc, indices: Iterable[int], covered: dict[int, list[Located]]
) -> dict[int, tuple[Entry, ...]]:
    """The actors at ``indices`` joined by "and", keyed by where each coordination begins.

    Only groups of two or more, all persons or none: "the President and
    Canada" is no pair that "they" can stand for.
    """
    picked = sorted(indices)
    chains: dict[int, dict[str, Entry]] = {}
    ends: dict[int, int] = {}
    for i in picked:
        word = _head_word(doc[i])
        if word.dep_ != "conj" and not any(c.dep_ == "conj" for c in word.children):
            continue
        root = word
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        chain = chains.setdefault(root.i, {})
        ends[root.i] = i
        for loc in covered[i]:
            chain.setdefault(loc.entry.id, loc.entry)
    for key, end in ends.items():
        for loc in _closing_conjunct(doc, end, set(picked), covered):
            chains[key].setdefault(loc.entry.id, loc.entry)
    return {
        key: tuple(chain.values())
        for key, chain in chains.items()
        if len(chain) > 1 and len({e.type == "person" for e in chain.values()}) == 1
    }


#: The words that close a list before its last name: "A, B(,) and C".
_CLOSING = frozenset({("and",), (",", "and"), ("&",), (",", "&")})


def _closing_conjunct(
    doc: Doc, end: int, picked: set[int], covered: dict[int, list[Located]]
) -> list[Located]:
    """The name a list's closing "and" adds where the parser hung it on another word.

    "recognize the Regional Board, General Board, and Joint Commission (JC)"
    was parsed with the last name a conjunct of the verb: the group was the
    first two, and "their mandates" and "both sides" after it were those two
    of the three bodies (the latter not the two states of the declaration).
    """
    j = end + 1
    gap: list[str] = []
    while j < len(doc) and j not in covered and len(gap) < 2:
        gap.append(doc[j].lower_)
        j += 1
    return covered[j] if tuple(gap) in _CLOSING and j in picked else []


def _head_word(tok: Token) -> Token:
    """The noun a name modifies: "RSF" in "RSF rebels", so "X and RSF rebels" is coordinated."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _link(
    tok: Token, unit: Unit, covered: dict[int, list[Located]], history: _History
) -> tuple[int, int, tuple[Entry, ...], str] | None:
    """(first token, last token, actors, cue) when ``tok`` refers back to named actors.

    A noun whose own modifiers name its referent ("the NATO mission") is no
    second mention of it.
    """
    link = _refer(tok, unit, covered, history)
    return None if link is None or _names_itself(tok, covered, link[2]) else link


def _refer(
    tok: Token, unit: Unit, covered: dict[int, list[Located]], history: _History
) -> tuple[int, int, tuple[Entry, ...], str] | None:
    lower, pos = tok.lower_, tok.pos_  # read once: this runs for every token of a claim
    if pos == "PRON" and lower in _HE_SHE:
        person = _person_pronoun(tok, unit, covered, history)
        return (tok.i, tok.i, (person,), f"pronoun {lower}") if person else None
    if pos == "PRON" and lower in _THEY:
        governing = _governing_plural(tok, covered)
        if governing is not None and not governing:
            return None
        group = (
            governing
            or _plural_subject(tok, covered)
            or _pair_before(tok, covered)
            or history.group(unit.index, lambda e: True, None, _THEY_WINDOW)
            or _continued_body(tok, covered, history)
        )
        return (tok.i, tok.i, group, f"pronoun {lower}") if group else None
    if pos not in ("NOUN", "PROPN") or any(
        c.dep_ == "appos" and c.i in covered for c in tok.children
    ):
        return None
    dets = [
        c
        for c in tok.children
        if c.dep_ in ("det", "poss", "predet", "nummod", "preconj") and c.i < tok.i
    ]
    if not dets and tok.dep_ == "conj":  # "The President and Prime Minister": one determiner
        # The head's left children only: a scan of all its children for each
        # conjunct was quadratic in a run of conjuncts (a 400,000-character
        # line of hyphened codes: 19 s of a 104 s analysis whose parse took 66 s).
        dets = [c for c in tok.head.lefts if c.dep_ == "det"]
    if not any(d.lower_ in _DETERMINERS for d in dets) and not _state_title(tok, dets, covered):
        return None
    left = [c for c in tok.children if c.i < tok.i and c.dep_ != "punct"]
    first = min([tok.i, *(c.i for c in left)])
    named = [c.right_edge.i for c in left if any(w.i in covered for w in c.subtree)]
    if named:  # "the Iran-backed group": the group is not Iran, Iran is not the group
        first = min(max(named) + 1, tok.i)
    owners = {loc.entry.id for c in left for w in c.subtree for loc in covered.get(w.i, [])}
    lemma = tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NNPS") or any(d.lower_ == "both" for d in dets):
        return _collective(tok, first, lemma, dets, unit, history, covered)
    if any(d.lower_ != "the" and d.i not in covered for d in dets) or _has_of_actor(tok, covered):
        return None
    return _description(tok, first, lemma, unit, history, owners)


def _person_pronoun(
    tok: Token, unit: Unit, covered: dict[int, list[Located]], history: _History
) -> Entry | None:
    """The person "he"/"she" means: the last one named that binding allows."""
    subject = _clause_subject(tok, covered)
    if tok.lower_ in _REFLEXIVE and len(subject) == 1:
        return subject[0]
    bound = {e.id for e in subject}
    ahead = _subject_ahead(tok, covered)
    if ahead is not None:
        return ahead
    governing = _governing_person(tok, covered)
    if governing is not None and governing.id not in bound:
        return governing
    if not _person_before(tok, covered) and (
        history.unnamed or _unnamed_person(tok.sent, covered, tok.i)
    ):
        return None
    centre = history.centre
    if (
        centre is not None
        and centre.id not in bound
        and not _person_before(tok, covered)
        and history.last(unit.index, lambda e: e.id == centre.id) is not None
    ):
        return centre
    return history.last(unit.index, lambda e: _is_person(e) and e.id not in bound)


def _unnamed_person(span: Span, covered: dict[int, list[Located]], before: int) -> bool:
    """Whether a person no name gives is told of before ``before``: "a survivor who ...".

    A singular noun a "who" clause describes is a person, by the grammar, not
    a word list; when it names no actor, "she" after it is that person, not
    one named sentences before ("One psychiatrist recalled a survivor who
    discovered she was pregnant. She was shivering": linked to the expert
    quoted three sentences earlier).
    """
    return any(
        t.tag_ == "NN"
        and t.i not in covered
        and any(
            c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ == "nsubj" for w in c.children)
            for c in t.children
        )
        for t in span
        if t.i < before
    )


def _subject_ahead(tok: Token, covered: dict[int, list[Located]]) -> Entry | None:
    """The person "his"/"her" in a fronted phrase means: the subject that follows it.

    "During his visit to Hanoi, Lind met ...", "In her speech, Moe said ...":
    a possessive in a prepositional phrase set before its clause's subject
    points ahead to that subject (cataphora), not back to the person named
    last. Only when no person is named before it in its sentence and the
    subject names one person.
    """
    if tok.dep_ != "poss" or _person_before(tok, covered):
        return None
    noun = tok.head
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
    found = {
        loc.entry.id: loc.entry
        for c in subjects
        for w in _noun_phrase(c)
        for loc in covered.get(w.i, [])
        if _is_person(loc.entry)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _continued_body(
    tok: Token, covered: dict[int, list[Located]], history: _History
) -> tuple[Entry, ...]:
    """The body the sentence before had as its subject, for a "they" nothing else explains.

    "The Front refused to negotiate. Their fighters attacked again": a group,
    a force or an organization is "they" as often as "it"; a state is "it".
    Only when nothing is named before the pronoun in its own sentence.
    """
    body = history.subject_body
    if body is None or any(i in covered for i in range(tok.sent.start, tok.i)):
        return ()
    return (body,)


def _rank(tok: Token) -> int:
    """How prominent a mention is in its sentence: main subject 0, subject 1, object 2, else 3.

    Centering: the next sentence's pronoun most often continues the subject
    ("Lind is an adviser to Moe. Police seek him": Lind), then the object.
    """
    word = _head_word(tok)
    if word.dep_ == "appos":  # "the minister, Lind, said": the minister's place
        word = word.head
    if word.dep_ in ("nsubj", "nsubjpass"):
        return 0 if word.head.dep_ == "ROOT" else 1
    return 2 if word.dep_ in ("dobj", "dative", "iobj", "obj") else 3


def _person_before(tok: Token, covered: dict[int, list[Located]]) -> bool:
    """Whether a person is named in the pronoun's sentence before it: then recency decides."""
    return any(
        _is_person(loc.entry) for i in range(tok.sent.start, tok.i) for loc in covered.get(i, [])
    )


def _governing_person(tok: Token, covered: dict[int, list[Located]]) -> Entry | None:
    """The one person subject of a clause the pronoun sits in, named before it.

    "The army said Lind led the raids and he ordered the arrests": "he" is
    Lind, the subject its clause continues, not the last person named (an
    alias, a person in an object). Only the nearest clause with a subject
    counts ("Lind said: I told him": "I", not Lind), and a subject naming two
    persons is no antecedent of a singular pronoun.
    """
    for verb in tok.ancestors:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
        if not subjects:
            continue
        found = {
            loc.entry.id: loc.entry
            for c in subjects
            if c.i < tok.i
            for w in _noun_phrase(c)
            for loc in covered.get(w.i, [])
            if _is_person(loc.entry)
        }
        return next(iter(found.values())) if len(found) == 1 else None
    return None


def _clause_subject(tok: Token, covered: dict[int, list[Located]]) -> tuple[Entry, ...]:
    """The persons named as subject of the verb whose object ``tok`` is.

    Binding: a plain pronoun object never means its own verb's subject ("Lind
    met her"), a reflexive one always does. "Lind wants to meet her": the
    subject of "meet" is that of "wants". A possessive ("Lind met his
    counterpart") is no object, so it binds nothing.
    """
    if tok.dep_ not in _OBJECTS:
        return ()
    verb = tok.head
    if tok.dep_ == "pobj":
        if verb.dep_ != "prep":
            return ()
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    while not subjects and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = {
        loc.entry.id: loc.entry
        for s in subjects
        for w in s.subtree
        for loc in covered.get(w.i, [])
        if _is_person(loc.entry)
    }
    return tuple(found.values())


def _state_title(tok: Token, dets: list, covered: dict[int, list[Located]]) -> bool:
    """Whether ``tok`` is a title owned by a named state: "Norway's foreign minister".

    The possessive stands where "the" would ("the Norwegian foreign minister"),
    so the title reaches that state's person with that whole title.
    """
    return (
        tok.lemma_.lower() in _PERSON_TITLES
        and tok.tag_ not in ("NNS", "NNPS")
        and tok.dep_ != "compound"
        and len(dets) == 1
        and dets[0].dep_ == "poss"
        and any(_is_state(loc.entry) for loc in covered.get(dets[0].i, []))
    )


def _plural_subject(tok: Token, covered: dict[int, list[Located]]) -> tuple[Entry, ...]:
    """The actors of a plural subject before "they" in the same sentence.

    "Lebanese families said a war was imposed on them": "them" are the
    families (Lebanon), not the last pair of actors named in earlier sentences.
    """
    subjects = [
        t
        for t in tok.sent
        if t.i < tok.i
        and t.dep_ in ("nsubj", "nsubjpass")
        and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children))
    ]
    for subject in reversed(subjects):
        found: dict[str, Entry] = {}
        for w in _noun_phrase(subject):
            for loc in covered.get(w.i, []):
                found.setdefault(loc.entry.id, loc.entry)
        if found:
            return tuple(found.values())
    return ()


def _governing_plural(tok: Token, covered: dict[int, list[Located]]) -> tuple[Entry, ...] | None:
    """The actors of the nearest plural subject or object governing "they"; None if none.

    "The minister warned the protesters they were playing with fire": "they"
    are the protesters, not the last pair of actors. When no actor names the
    protesters, the result is empty and "they" names no one.
    """
    arguments = [
        c
        for head in tok.ancestors
        for c in head.children
        if c.i < tok.i
        and c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and c.pos_ in ("NOUN", "PROPN")
        and (c.tag_ in ("NNS", "NNPS") or any(w.dep_ == "conj" for w in c.children))
    ]
    if not arguments:
        return None
    nearest = max(arguments, key=lambda c: c.i)
    found: dict[str, Entry] = {}
    for w in _noun_phrase(nearest):
        for loc in covered.get(w.i, []):
            found.setdefault(loc.entry.id, loc.entry)
    return tuple(found.values())


def _pair_before(tok: Token, covered: dict[int, list[Located]]) -> tuple[Entry, ...]:
    """The actors last joined by "and" before "they" in the same sentence.

    "I spoke with the leaders of Chile and Peru, and their governments agreed":
    "their" are Chile and Peru, not a pair named in an earlier sentence (the
    unit's own pairs join the history only once the unit is read).
    """
    before = (j for j in sorted(covered) if tok.sent.start <= j < tok.i)
    chains = _conjoined(tok.doc, before, covered)
    return chains[max(chains)] if chains else ()


def _noun_phrase(tok: Token) -> list[Token]:
    """A noun with its modifiers and conjuncts, without clauses or prepositions."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "conj", "poss", "nmod", "appos", "flat"):
            out += _noun_phrase(c)
    return out


def _has_of_actor(tok: Token, covered: dict[int, list[Located]]) -> bool:
    return any(c.dep_ == "prep" and any(o.i in covered for o in c.subtree) for c in tok.children)


def _collective(
    tok: Token,
    first: int,
    lemma: str,
    dets: list,
    unit: Unit,
    history: _History,
    covered: dict[int, list[Located]],
):
    n = next((_NUMBERS[c.lower_] for c in [*dets, *tok.children] if c.lower_ in _NUMBERS), None)
    if n is None and any(d.lower_ == "all" for d in dets):
        return None  # "all countries" is everyone, not the parties named before
    if lemma in _ALLY_WORDS and any(d.dep_ == "poss" for d in dets):
        return None  # "our allies" are the speaker's allies, not the speaker and its partner
    if lemma in _ALLY_WORDS and _joined_to_named(tok, covered):
        return None  # "the US and allies" are the US's allies: no group the US is one of
    if lemma in _PERSON_GROUPS:
        want = _is_person
    elif lemma in _BODY_GROUPS:
        want = _is_body
    elif n is None and all(d.lower_ == "the" for d in dets):
        return _named_noun(tok, first, lemma, unit, history)
    else:
        return None
    members = (
        (history.group(unit.index, want, n, _LOCAL_WINDOW) if n else ())
        or (history.party(want, n) if n else ())
        or history.group(unit.index, want, n)
        or (history.recent(unit.index, want, n) if n else ())
    )
    cue = f"collective {n} {lemma}" if n else f"collective {lemma}"
    return (first, tok.i, members, cue) if members else None


def _joined_to_named(tok: Token, covered: dict[int, list[Located]]) -> bool:
    """Whether a word is joined by "and" to a name ("the US and allies", "Kell and partners").

    A body is not its own ally: the allies of "the US and allies" are those
    of the US, whom the sentence does not name; read as the group named
    before (the US and China), they made the US China's ally in the graph.
    """
    if any(c.dep_ in ("amod", "compound") for c in tok.children):
        return False  # "the US and Nordic partners": the modifier says which partners
    conjuncts = [tok.head] if tok.dep_ == "conj" else []
    conjuncts += [c for c in tok.children if c.dep_ == "conj"]
    # The conjunct's own head word: "allies and partners in Africa" joins no name.
    return any(c.i in covered for c in conjuncts)


def _description(
    tok: Token, first: int, lemma: str, unit: Unit, history: _History, owners: set[str]
):
    """The actor a singular "the <noun>" stands for.

    A title with a name in front ("the Swedish foreign minister") is a person
    of that body only: not the foreign minister of another state named last.
    """
    if tok.text in _COMPASS:  # "the North" after "North Korea": the state of that name
        state = history.last(unit.index, lambda e: _is_state(e) and _first_word(e) == tok.text)
        return (first, tok.i, (state,), f"the {tok.text}") if state else None
    if lemma in _PERSON_TITLES:
        title = _title_of(tok)
        person = history.last(
            unit.index,
            lambda e: (
                e.type == "person"
                and title in history.titles.get(e.id, set())
                and (not owners or e.part_of in owners)
            ),
        )
        return (first, tok.i, (person,), f"title {title}") if person else None
    if lemma in _STATE_WORDS:
        state = history.last(unit.index, _is_state)
        return (first, tok.i, (state,), f"the {lemma}") if state else None
    word = tok.lower_
    if word in _GENERIC_NAME_WORDS or tok.pos_ != "NOUN":
        return None
    body = history.last(unit.index, lambda e: e.type != "person" and word in e.name.lower().split())
    if body:
        return (first, tok.i, (body,), f"name word {word}")
    return _named_noun(tok, first, lemma, unit, history)


def _first_word(e: Entry) -> str:
    words = e.name.split()
    return words[0] if words else ""


def _named_noun(tok: Token, first: int, lemma: str, unit: Unit, history: _History):
    """The body whose name last modified this noun ("the rebels" after "RSF rebels")."""
    body = history.last(unit.index, lambda e: lemma in history.nouns.get(e.id, set()))
    if body:
        return (first, tok.i, (body,), f"named noun {lemma}")
    kind = _KIND_WORDS.get(lemma)
    body = history.last(unit.index, lambda e: e.type == kind) if kind else None
    return (first, tok.i, (body,), f"kind {lemma}") if body else None
