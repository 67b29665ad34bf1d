"""Who does what to whom: typed, directed relations from the dependency parse.

For each verb (or nominal trigger such as "invasion") listed in the YAML
lexicon, the actors in its subject become sources and the actors behind its
object or the prepositions the lexicon names become targets. Evidence keeps
the unit and the trigger's span, so every edge points back to its sentence.
"""

from __future__ import annotations

from collections import defaultdict
from functools import partial
from itertools import combinations
from typing import TYPE_CHECKING

from .links import (
    co_mentions,
    named_part_of,
    part_of_relations,
)
from .model import Actor, Evidence, Relation, Unit
from .relation_lexicon import (
    Lexicon,
    Trigger,
    load_lexicon,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Span, Token

    from .actors import Located
    from .gazetteer import Gazetteer
    from .parsed import ArticleParse

__all__ = ["Lexicon", "extract_relations", "load_lexicon"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp")
_NP_PARTS = ("compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod")
_GROUP_HEADS = frozenset(
    [
        "member",
        "members",
        "force",
        "forces",
        "troops",
        "government",
        "officials",
        "leaders",
        "partners",
        "allies",
        "side",
        "sides",
        "personnel",
        "officers",
        "navy",
        "army",
        "ministry",
        "president",
        "presidents",
        "minister",
        "ministers",
        "head",
        "heads",
        "team",
        "teams",
        "delegation",
        "delegations",
        "representatives",
        "exercise",
        "exercises",
        "drill",
        "drills",
    ]
)
_PRONOUNS = frozenset({"it", "its", "itself"})
_AGENTIVE = ("by",)
_PLURAL_PRONOUNS = frozenset({"they", "their"})


class _UnitActors:
    """Token -> actor ids for one unit, with "its" resolved to the last actor."""

    def __init__(
        self,
        unit: Unit,
        span: Span,
        located: Iterable[Located],
        tokens: dict[int, list[str]],
        previous: str | None,
        group: Sequence[str] = (),
    ):
        located = list(located)
        self.types = {loc.entry.id: loc.entry.type for loc in located}
        self.by_token: dict[int, list[str]] = defaultdict(list, tokens)
        base = unit.start - span.start_char
        order = [(loc.mention.start - base, loc.entry.id) for loc in located]
        for tok in span:
            if self.by_token.get(tok.i):
                continue
            if tok.lower_ in _PRONOUNS:
                before = [a for idx, a in order if idx < tok.idx]
                ref = before[-1] if before else previous
                if ref:
                    self.by_token[tok.i].append(ref)
            elif tok.lower_ in _PLURAL_PRONOUNS and len(group) > 1:
                self.by_token[tok.i].extend(group)

    def in_phrase(self, head: Token, depth: int = 0) -> list[str]:
        """Actors named by the noun phrase headed by ``head``."""
        found = list(self.by_token.get(head.i, []))
        if depth > 3:
            return found
        for child in head.children:
            if child.dep_ in _NP_PARTS and child.pos_ != "VERB":  # not "the Iran-backed"
                found += self.in_phrase(child, depth + 1)
            elif child.dep_ == "prep" and child.lower_ == "of" and head.lemma_ in _GROUP_HEADS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found += self.in_phrase(obj, depth + 1)
        return list(dict.fromkeys(found))


def _subjects(verb: Token, actors: _UnitActors) -> tuple[list[str], bool]:
    """Actors in the verb's subject, climbing to the governing verb when it has none."""
    node = verb
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subj:
            passive = any(c.dep_ == "nsubjpass" for c in subj)
            agent = [o for c in node.children if c.dep_ == "agent" for o in c.children]
            if passive and agent:
                return [a for o in agent for a in actors.in_phrase(o)], False
            return [a for s in subj for a in actors.in_phrase(s)], passive
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return actors.in_phrase(node.head), False
        controller = _controller(node, actors)
        if controller:
            return controller, False
        if node.dep_ not in _INHERIT or node.head.i == node.i:
            break
        node = node.head
    return [], False


def _controller(node: Token, actors: _UnitActors) -> list[str]:
    """Object control: in "urged Iraq to join", "directed the military to deploy" and
    "called on ASEAN to act", the object of the governing verb does the infinitive."""
    if node.dep_ != "xcomp":
        return []
    objects = [c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i]
    objects += [
        o
        for c in node.head.children
        if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < node.i
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return list(dict.fromkeys(a for o in objects for a in actors.in_phrase(o)))


def _targets(head: Token, trigger: Trigger, actors: _UnitActors) -> list[str]:
    found: list[str] = []
    objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    for child in head.children:
        if child.dep_ in ("dobj", "dative") and child.dep_ in trigger.targets:
            found += actors.in_phrase(child)
    of_objects = [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of" and head.pos_ == "NOUN"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    xcomps = [x for x in head.children if x.dep_ == "xcomp"]
    for node in [head, *objects, *xcomps, *of_objects]:
        for child in node.children:
            if child.dep_ != "prep":
                continue
            for obj in _prep_objects(child, trigger.targets):
                found += actors.in_phrase(obj)
    return list(dict.fromkeys(found))


def _prep_objects(prep: Token, targets: tuple[str, ...]) -> list[Token]:
    """Objects of a preposition the trigger names, including "in favor of"-style ones."""
    objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    if prep.lower_ in targets:
        return objs
    out = []
    for phrase in targets:
        words = phrase.split()
        if len(words) == 3 and words[0] == prep.lower_:
            for o in objs:
                if o.lower_ == words[1]:
                    out += [
                        x
                        for p in o.children
                        if p.dep_ == "prep" and p.lower_ == words[2]
                        for x in p.children
                        if x.dep_ == "pobj"
                    ]
    return out


def _noun_source(noun: Token, trigger: Trigger, actors: _UnitActors) -> list[str]:
    """Who acts in a nominal trigger: its possessor or modifier, its "by" phrase
    ("the attack by Hamas on Israel"), else the subject of the verb that governs
    it ("X imposed sanctions on Y")."""
    poss = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
    found = [a for c in poss for a in actors.in_phrase(c)]
    found += actors.by_token.get(noun.i, [])
    if not found:
        found = [
            a
            for c in noun.children
            if c.dep_ in ("prep", "agent") and c.lower_ in _AGENTIVE and c.lower_ not in trigger.targets
            for o in c.children
            if o.dep_ == "pobj"
            for a in actors.in_phrase(o)
        ]
    if found:
        return list(dict.fromkeys(found))
    verb = _governor(noun)
    return _subjects(verb, actors)[0] if verb is not None else []


def _governor(noun: Token) -> Token | None:
    """The verb a nominal trigger is the object of ("X imposed sanctions on Y")."""
    if noun.dep_ in ("dobj", "attr", "pobj") and noun.head.pos_ in ("VERB", "AUX", "ADP"):
        return noun.head if noun.head.pos_ != "ADP" else noun.head.head
    return None


def _object_organizations(verb: Token, actors: _UnitActors) -> list[str]:
    """Find an organization two steps inside the object, as the verb's target.

    In "reviewed progress in implementing the AUKUS partnership" the leaders
    act on AUKUS. Only organizations are taken this deep, to stay precise.
    """
    found: list[str] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (c for c in obj.children if c.dep_ == "prep"):
            for inner in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
                heads = [inner, *(c for c in inner.children if c.dep_ == "dobj")]
                found += [a for h in heads for a in actors.in_phrase(h)]
    return [a for a in dict.fromkeys(found) if actors.types.get(a) == "organization"]


def _modifier_targets(noun: Token, actors: _UnitActors, sources: list[str]) -> list[str]:
    """Take an organization among the modifiers as target ("Finnish NATO membership")."""
    mods = [a for c in noun.children if c.dep_ in ("compound", "amod") for a in actors.in_phrase(c)]
    orgs = [a for a in mods if actors.types.get(a) == "organization"]
    return orgs if orgs and any(s not in orgs for s in sources) else []


def _between(noun: Token, actors: _UnitActors) -> list[str]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            return [
                a for obj in child.children if obj.dep_ == "pobj" for a in actors.in_phrase(obj)
            ]
    return []


def extract_relations(
    parse: ArticleParse,
    actors: Sequence[Actor],
    lexicon: Lexicon,
    gazetteer: Gazetteer | None = None,
) -> list[Relation]:
    """Extract typed relations, part_of links and weak co-mentions.

    Parameters
    ----------
    parse : ArticleParse
        The units, their parses and every actor mention (from
        :func:`newsbrief.actors.extract_actors` and coreference).
    actors : sequence of Actor
        The article's actors.
    lexicon : Lexicon
        Verb and noun triggers.
    gazetteer : Gazetteer, optional
        Names states in the names of bodies ("the Haitian National Police").

    Returns
    -------
    list of Relation
        Strong relations first (in order of first evidence), then weak
        ``co_mentioned`` edges.
    """
    units, spans = parse.units, parse.spans
    part_of = {a.id: a.part_of for a in actors if a.part_of}
    by_unit: dict[int, list[Located]] = defaultdict(list)
    for loc in parse.mentions:
        by_unit[loc.mention.unit].append(loc)
    found: dict[tuple[str, str, str], list[Evidence]] = {}
    meta: dict[tuple[str, str, str], tuple[str, tuple[str, ...], str]] = {}
    previous: str | None = None
    group: list[str] = []
    for unit, span in zip(units, spans, strict=True):
        if unit.kind not in ("claim", "lead_in"):
            continue
        tokens = parse.actor_tokens(unit.index)
        table = _UnitActors(unit, span, by_unit.get(unit.index, []), tokens, previous, group)
        for src, tgt, trig, tok in _triggers(span, table, lexicon):
            if src == tgt or part_of.get(src) == tgt or part_of.get(tgt) == src:
                continue
            key = (src, tgt, trig.type)
            if trig.symmetric and (tgt, src, trig.type) in found:
                key = (tgt, src, trig.type)
            ev = Evidence(
                unit.index,
                unit.start + tok.idx - span.start_char,
                unit.start + tok.idx - span.start_char + len(tok.text),
                tok.text,
            )
            found.setdefault(key, [])
            if ev not in found[key]:
                found[key].append(ev)
            meta.setdefault(key, (trig.polarity, (f"{tok.lemma_}->{trig.type}",), trig.event_class))
        if by_unit.get(unit.index):
            previous = by_unit[unit.index][0].entry.id
        subjects = _subjects(span.root, table)[0] if len(span) else []
        group = subjects if len(subjects) > 1 else group
    relations = [
        Relation(
            s,
            t,
            ty,
            meta[(s, t, ty)][0],
            tuple(ev),
            False,
            meta[(s, t, ty)][1],
            event_class=meta[(s, t, ty)][2],
        )
        for (s, t, ty), ev in found.items()
    ]
    relations += part_of_relations(actors)
    if gazetteer is not None:
        relations += named_part_of(actors, partial(_state_of, gazetteer))
    relations += co_mentions(units, by_unit, relations, part_of)
    return relations


def _state_of(gazetteer: Gazetteer, word: str) -> str | None:
    hit = gazetteer.lookup(word)
    return hit.entry.id if hit is not None and hit.entry.type == "state" else None


def _triggers(span: Span, table: _UnitActors, lexicon: Lexicon):
    """Yield (source, target, trigger, token) for every relation stated in the span."""
    for tok in span:
        found = _verb_roles(tok, table, lexicon) or _noun_roles(tok, table, lexicon)
        if found is None:
            continue
        trig, sources, targets = found
        if trig.collective and not targets and len(set(sources)) > 1:
            # "Japan and the US will hold a joint exercise": the subjects act together.
            targets, sources = list(dict.fromkeys(sources)), []
            for a, b in combinations(targets, 2):
                yield a, b, trig, tok
        for s in sources:
            for t in targets:
                yield s, t, trig, tok


def _verb_roles(tok: Token, table: _UnitActors, lexicon: Lexicon):
    phrase = _verb_phrase(tok, lexicon)
    if phrase is None:
        return None
    trig = lexicon.verbs[phrase]
    if _negated(tok):
        return None
    modified = _participle_roles(tok, table)
    if modified is not None:
        return trig, *modified
    sources, passive = _subjects(tok, table)
    targets = _targets(tok, trig, table) or _object_organizations(tok, table)
    if _agent(tok):  # "Ukraine was attacked by Russia": the passive subject is the target
        patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
        targets = [a for p in patients for a in table.in_phrase(p)] + targets
    if passive and not targets:
        return trig, [], []
    return trig, sources, targets


def _participle_roles(verb: Token, table: _UnitActors) -> tuple[list[str], list[str]] | None:
    """A participle that modifies an actor: "Hezbollah, backed by Iran"; "the Iran-backed Houthis".

    The agent (the "by" phrase, or the actor joined to the participle by a
    hyphen) is the source; the actor the participle describes is the target.
    """
    if verb.dep_ not in ("acl", "amod") or verb.tag_ not in ("VBN", "VBD"):
        return None
    if verb.dep_ == "acl":
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    else:
        agents = [c for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < verb.i]
    sources = list(dict.fromkeys(a for o in agents for a in table.in_phrase(o)))
    if not sources:
        return None
    head = verb.head  # the described actor only, not those coordinated with it
    parts = [head, *(c for c in head.children if c.dep_ in ("compound", "poss", "appos"))]
    targets = [a for p in parts for a in table.by_token.get(p.i, []) if a not in sources]
    return sources, list(dict.fromkeys(targets))


def _negated(verb: Token) -> bool:
    """ "did not attack", "never met", "no troops deployed": a negated event is no relation."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    nouns = [c for c in verb.children if c.dep_ in (*_SUBJECTS, "dobj")]
    if verb.dep_ in ("acl", "amod"):
        nouns.append(verb.head)
    return any(d.dep_ == "det" and d.lower_ == "no" for n in nouns for d in n.children)


def _agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _noun_roles(tok: Token, table: _UnitActors, lexicon: Lexicon):
    trig = lexicon.noun(tok.lemma_.lower(), tok.lower_) if tok.pos_ in ("NOUN", "PROPN") else None
    if trig is None:
        return None
    pair = list(dict.fromkeys(_between(tok, table)))
    if len(pair) >= 2 and trig.symmetric:
        return trig, pair, []  # "an agreement between X and Y": collective pairs
    sources = _noun_source(tok, trig, table)
    targets = (
        _targets(tok, trig, table)
        or _light_verb_targets(tok, trig, table)
        or _modifier_targets(tok, table, sources)
    )
    return trig, [s for s in sources if s not in targets], targets


def _light_verb_targets(noun: Token, trigger: Trigger, actors: _UnitActors) -> list[str]:
    """The target a light verb carries for its object ("declared solidarity with Y").

    The parser often hangs the preposition on the verb ("declare", "impose",
    "hold") rather than on the noun that means the relation.
    """
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return []
    return [
        a
        for c in noun.head.children
        if c.dep_ == "prep" and c.i > noun.i
        for o in _prep_objects(c, trigger.targets)
        for a in actors.in_phrase(o)
    ]


def _verb_phrase(tok: Token, lexicon: Lexicon) -> str | None:
    """The lexicon key of a verb: "take part" before "take", then the lemma."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for child in tok.children:
        if child.dep_ in ("dobj", "prt"):
            key = f"{tok.lemma_} {child.lemma_.lower()}"
            if key in lexicon.verbs:
                return key
    return tok.lemma_ if tok.lemma_ in lexicon.verbs else None
