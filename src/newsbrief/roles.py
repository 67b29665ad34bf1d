"""Who plays which part in a sentence: the parse read for relations.

The relation step asks, for each trigger word, which actors are its subject,
its object, its agent, the owner of a nominal trigger ("Russia's invasion")
or the actors coordinated in front of it. These readings of the dependency
parse live here, apart from the loop that turns them into relations, so each
grammatical rule can be read and tested on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .demonyms import PLACE_HEADS
from .unit_actors import UnitActors, declared_by, hyphened

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .relation_lexicon import Trigger

__all__ = [
    "UnitActors",
    "alongside_roles",
    "attitude_roles",
    "backing_roles",
    "between",
    "condition_actors",
    "declared_by",
    "described_roles",
    "has_agent",
    "hyphened",
    "light_verb_targets",
    "makers",
    "modifier_targets",
    "negated",
    "noun_source",
    "object_organizations",
    "on_behalf_targets",
    "participle_roles",
    "predicated_roles",
    "prep_actors",
    "subject_actors",
    "target_actors",
]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp", "acomp")
_AGENTIVE = ("by",)
#: Prepositions whose gerund tells what the verb's object did ("accused X of attacking Y").
_CHARGED = ("of", "for")
#: Prepositions of means, time and aim whose gerund the governing verb's subject does.
_ADJUNCTS = frozenset(
    {"by", "after", "before", "while", "since", "upon", "through", "despite", "to"}
)


def subject_actors(verb: Token, actors: UnitActors) -> tuple[list[str], bool]:
    """Actors in the verb's subject, climbing to the governing verb when it has none."""
    node, adjunct = verb, False
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subj:
            passive = any(c.dep_ == "nsubjpass" for c in subj)
            agent = [o for c in node.children if c.dep_ == "agent" for o in c.children]
            if passive and agent and not adjunct:
                return [a for o in agent for a in actors.in_phrase(o)], False
            if passive and adjunct:  # "Hamas was struck after firing at Y": Hamas fired
                return [a for s in subj for a in actors.in_phrase(s, acting=True)], False
            found = [a for s in subj for a in actors.in_phrase(s, acting=True)]
            return found or _relative_antecedent(subj, node, actors), passive
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return actors.in_phrase(node.head), False
        controller = _controller(node, actors)
        if controller:
            return controller, False
        host = _adjunct_host(node)
        if host is not None:
            node, adjunct = host, True
            continue
        if node.dep_ not in _INHERIT or node.head.i == node.i:
            break
        node = node.head
    return [], False


def _adjunct_host(node: Token) -> Token | None:
    """The verb whose subject does a gerund in its adjunct: "X responded by expelling Y".

    "by expelling", "after meeting", "resorted to throwing": the gerund hangs
    on a preposition of means, time or aim (``_ADJUNCTS``) of the verb (or of
    its adjective: "committed to supporting"), and English gives it that
    verb's subject. Other prepositions do not: "prevented Y from acquiring"
    and "warned Y against moving" leave the act to the object and undone,
    "without consulting" denies it, and the parser hangs a noun's "in" or
    "on" gerund on the verb ("reaffirmed support for Y in strengthening
    ties" is Y strengthening them); "of" and "for" gerunds are read by
    :func:`_controller`.
    """
    prep, host = node.head, node.head.head
    if node.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in _ADJUNCTS:
        return None
    if prep.lower_ == "to" and any(c.dep_ == "dobj" for c in host.children):
        return None  # "put an end to fighting Y": the object's phrase, no act done
    return host if host.pos_ in ("VERB", "AUX", "ADJ") else None


def _relative_antecedent(subj: list[Token], verb: Token, actors: UnitActors) -> list[str]:
    """The actor a relative clause's subject stands for: "Hezbollah, which attacked Y".

    A relative pronoun as subject ("which", "who", "that"), or "whose" in it
    ("X, whose forces attacked Y"), is the noun the clause hangs on.
    """
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return []
    relative = any(
        t.tag_ in ("WDT", "WP", "WP$") for s in subj for t in (s, *s.children) if t.i < verb.i
    )
    return actors.in_phrase(verb.head) if relative else []


def _controller(node: Token, actors: UnitActors) -> list[str]:
    """Object control: the object of the governing verb does the infinitive.

    In "urged Iraq to join", "directed the military to deploy" and "called on
    ASEAN to act", Iraq, the military and ASEAN act. So does the object of a
    verb whose "of" or "for" gerund says what it did: "accused Syria of
    attacking Iraq", "blamed X for arming Y", "X was praised for helping Y".
    """
    if node.dep_ == "pcomp" and node.head.lower_ in _CHARGED and node.head.head.pos_ == "VERB":
        verb = node.head.head
        doers = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.i < node.i]
        return list(dict.fromkeys(a for o in doers for a in actors.in_phrase(o)))
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


def target_actors(head: Token, trigger: Trigger, actors: UnitActors) -> list[str]:
    """Actors behind the trigger's object or the prepositions its lexicon entry names."""
    found: list[str] = []
    objects = [c for c in head.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    for child in head.children:
        if child.dep_ in ("dobj", "dative") and child.dep_ in trigger.targets:
            found += _object_targets(child, head, trigger, actors)
    if not objects and "dobj" in trigger.targets:
        found += [a for o in _shared_objects(head) for a in actors.in_phrase(o)]
        found += [a for o in _counted_objects(head) for a in actors.in_phrase(o)]
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
            # The parser marks "to" in "sent troops to Haiti" as a dative: a preposition still.
            if child.dep_ != "prep" and not (child.dep_ == "dative" and child.pos_ == "ADP"):
                continue
            if node in of_objects and child.lower_ == "of":
                continue  # "condemnation of Russia's invasion of Ukraine" is not of Ukraine
            for obj in _prep_objects(child, trigger.targets):
                preps = _MAKER_PREPS.get(trigger.event_class, ("by",))
                found += (
                    actors.in_phrase(obj)
                    or placed_in(obj, actors)
                    or _antecedent(obj, node, actors)
                    or makers(obj, actors, preps)
                )
    found += [a for o in _stranded_objects(head, trigger) for a in _antecedent(o, head, actors)]
    if "that" in trigger.targets:  # "demanded that Greece withdraw": who is to act
        clauses = [c for c in head.children if c.dep_ in ("ccomp", "acl")]
        found += [
            a
            for c in clauses
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
            for a in actors.in_phrase(s)
        ]
    return list(dict.fromkeys(found))


def _counted_objects(verb: Token) -> list[Token]:
    """An object counted with "up to", which the parser reads as a particle and a preposition.

    "kidnapped up to 16 Soviet advisers": "up" hangs on the verb as a particle
    and "to 16 ... advisers" as a preposition, so the verb seems to have no
    object; a "to" right after the particle whose object is counted (a
    number modifies it) is the object.
    """
    ups = {c.i for c in verb.children if c.dep_ == "prt" and c.lower_ == "up"}
    return [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to" and c.i - 1 in ups
        for o in c.children
        if o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children)
    ]


#: Answers to what came from someone ("rejected an appeal from X", "accepted an
#: offer from X") are aimed at its sender; other acts only at a "by" maker.
_MAKER_PREPS = {c: ("by", "from") for c in ("REJECT", "AGREE", "CONCEDE", "SUPPORT")}


def _object_targets(obj: Token, head: Token, trigger: Trigger, actors: UnitActors) -> list[str]:
    """Actors behind a direct object: its phrase, its antecedent or its maker."""
    proposed = _proposed_act(obj) if trigger.event_class in _MAKER_PREPS else None
    if proposed is not None:  # "rejected US troops defending Y's border": an idea
        return [a for o in proposed.children if o.dep_ == "dobj" for a in actors.in_phrase(o)]
    return (
        actors.in_phrase(obj)
        or placed_in(obj, actors)
        or _antecedent(obj, head, actors)
        or makers(obj, actors, _MAKER_PREPS.get(trigger.event_class, ("by",)))
    )


#: Prepositions that put a place inside a state: "cities in Ukraine", "targets inside Israel".
_INSIDE = frozenset({"in", "inside", "across", "throughout"})
#: Places an act aims at, besides the place words a demonym only locates (demonyms.PLACE_HEADS).
_AIMED_PLACES = PLACE_HEADS | {"target", "targets", "infrastructure", "facility", "facilities"}


def placed_in(place: Token, actors: UnitActors) -> list[str]:
    """The state a place an act aims at lies in: "hit cities in Ukraine" hits Ukraine.

    "Attacks on Ukrainian cities" hit Ukraine (:mod:`newsbrief.demonyms`);
    "cities in Ukraine" and "targets inside Ukraine" say the same with a
    preposition, so the state that holds the place is the act's target.
    """
    if place.lemma_.lower() not in _AIMED_PLACES and place.lower_ not in _AIMED_PLACES:
        return []
    return [
        a
        for c in place.children
        if c.dep_ == "prep" and c.lower_ in _INSIDE
        for o in c.children
        if o.dep_ == "pobj"
        for a in actors.in_phrase(o)
    ]


def _proposed_act(obj: Token) -> Token | None:
    """The participle of an answered object that is a state of affairs, not a party.

    "X rejected US troops defending Y's border" rejects the idea of the troops
    doing it: the answer is aimed at whom the act concerns (Y), not at the
    troops, who proposed nothing.
    """
    return next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)


def makers(thing: Token, actors: UnitActors, preps: tuple[str, ...]) -> list[str]:
    """Who made what a phrase names, when the phrase names no actor itself.

    An act aimed at "violations by the army", "crimes committed by the
    rebels" or "an appeal from the president" is aimed at its maker: the
    actor after ``preps`` ("by", "from"), or the agent of a participle.
    """
    found = [
        a
        for c in thing.children
        if c.dep_ == "prep" and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
        for a in actors.in_phrase(o)
    ]
    found += [
        a
        for c in thing.children
        if c.dep_ == "acl" and c.tag_ == "VBN"
        for g in c.children
        if g.dep_ == "agent"
        for o in g.children
        if o.dep_ == "pobj"
        for a in actors.in_phrase(o)
    ]
    found += stray_agent(thing, actors)
    return list(dict.fromkeys(found))


def stray_agent(noun: Token, actors: UnitActors) -> list[str]:
    """The actors of a "by" phrase the parser hung on the active verb before the noun.

    In "X kept up criticism of drills by Y" the parser makes "by Y" the verb's
    agent, but an active verb has no agent: the phrase belongs to the noun just
    before it ("drills by Y"). Only the noun right before "by" takes it, so a
    noun that governs a longer phrase ("criticism of drills") does not.
    """
    doc = noun.doc
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i + 1 >= len(doc):
        return []
    by, verb = doc[noun.i + 1], doc[noun.i + 1].head
    if by.lower_ != "by" or by.dep_ not in ("prep", "agent") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if verb.i > noun.i or (verb.dep_ in ("acl", "amod", "advcl", "relcl") and verb.tag_ == "VBN"):
        return []  # a participle's own agent: "a war imposed on Y by X"
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []  # a passive verb's agent: "Y was attacked by X"
    return [a for o in by.children if o.dep_ == "pobj" for a in actors.in_phrase(o)]


def _antecedent(obj: Token, verb: Token, actors: UnitActors) -> list[str]:
    """The noun a relative pronoun stands for: "Iran, which Israel has fought" -> Iran.

    So too as a preposition's object, stranded or fronted with it: "Hamas,
    which Israel fought against", "Hezbollah, on which Israel launched strikes".
    """
    if obj.tag_ not in ("WDT", "WP") or verb.dep_ != "relcl":
        return []
    return actors.in_phrase(verb.head)


def _stranded_objects(verb: Token, trigger: Trigger) -> list[Token]:
    """A relative pronoun the parser hangs on a phrasal verb: "Y, whom X called on to resign".

    With the preposition stranded after the verb, the parser reads it as a
    particle and makes the pronoun the verb's own ``pobj``; the particle is
    the preposition the trigger names, and the pronoun its object.
    """
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if not particles & set(trigger.targets):
        return []
    return [c for c in verb.children if c.dep_ == "pobj" and c.i < verb.i]


def _shared_objects(verb: Token) -> list[Token]:
    """The object two coordinated verbs share: "condemned and sanctioned Russia".

    The parser hangs it on one of the verbs; it is shared only when it follows
    both (in "condemned Russia and sanctioned its banks" it is not).
    """
    later = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        later.append(verb.head)  # the object may hang on either verb
    return [o for v in later for o in v.children if o.dep_ == "dobj" and o.i > verb.i]


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


#: Classes whose nouns name an act without a patient: the "of" phrase names who
#: acts ("the withdrawal of Russian forces from Syria").
_OF_AGENT = frozenset({"RETREAT"})
#: Prepositions whose act is the cause of the clause's act, not the subject's own:
#: "sanctioned Y over the killing of Z", "summoned Y's envoy over the shelling of Z". Time
#: words are left out ("agreed to a truce after talks", "amid clashes with Y": the subject's
#: own), and so is "for" ("called for talks"; with it, gold held-out polarity F1 0.586 -> 0.584).
_CIRCUMSTANTIAL = frozenset({"over"})


def noun_source(
    noun: Token,
    trigger: Trigger,
    actors: UnitActors,
    quantity: frozenset[str] = frozenset(),
    judging: frozenset[str] = frozenset(),
) -> list[str]:
    """Who acts in a nominal trigger.

    Its possessor or modifier, its "by" phrase ("the attack by Hamas on
    Israel"), for an act without a patient its "of" phrase ("the withdrawal of
    Russian forces"), else the subject of the verb that governs it ("X imposed
    sanctions on Y"), through a ``quantity`` noun ("launched a wave of strikes").
    The subject of a ``judging`` verb only speaks of a one-way act ("X condemned
    the attack on Y"): it names no actor of it. A mutual act's "with" names the
    subject's partner ("X welcomed the agreement with Y"), so it stays a party.
    """
    placed = actors.owned_act(noun)  # "its Beirut strike": the owner, not the place
    meeting = trigger.event_class == "CONSULT" and trigger.symmetric
    poss = [
        c
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod")
        and not (placed and c.dep_ == "compound")
        and not (meeting and actors.venue(noun, c))  # "a White House summit with X"
    ]
    found = [a for c in poss for a in actors.in_phrase(c)]
    found += actors.by_token.get(noun.i, [])
    if not found and trigger.event_class in _OF_AGENT:
        found = prep_actors(noun, "of", actors)
    if not found:
        found = [
            a
            for c in noun.children
            if c.dep_ in ("prep", "agent")
            and c.lower_ in _AGENTIVE
            and c.lower_ not in trigger.targets
            for o in c.children
            if o.dep_ == "pobj"
            for a in actors.in_phrase(o)
        ]
    if not found:  # "kept up criticism of drills by X": the verb's "by" is the noun's
        found = stray_agent(noun, actors)
    if found:
        return list(dict.fromkeys(found))
    verb = _governor(noun, quantity)
    if verb is None or (verb.lemma_.lower() in judging and not trigger.symmetric):
        return []
    return subject_actors(verb, actors)[0]


def _governor(noun: Token, quantity: frozenset[str]) -> Token | None:
    """The verb a nominal trigger is the object of ("X imposed sanctions on Y").

    Or the passive subject of, with its agent ("sanctions were tightened by X").
    None for an act the clause's act answers ("X sanctioned Y over the killing
    of Z", "X protested over the shelling of Z"): the subject did not do it.
    """
    if noun.dep_ == "pobj" and noun.head.lower_ in _CIRCUMSTANTIAL:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in quantity:
        return _governor(noun.head.head, quantity)  # "launched a wave of strikes", "a set of deals"
    if noun.dep_ in ("dobj", "attr", "pobj") and noun.head.pos_ in ("VERB", "AUX", "ADP"):
        return noun.head if noun.head.pos_ != "ADP" else noun.head.head
    if noun.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in noun.head.children):
        return noun.head
    return None


def object_organizations(verb: Token, actors: UnitActors) -> list[str]:
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


def modifier_targets(noun: Token, actors: UnitActors, sources: list[str]) -> list[str]:
    """Take an organization among the modifiers as target ("Finnish NATO membership")."""
    mods = [a for c in noun.children if c.dep_ in ("compound", "amod") for a in actors.in_phrase(c)]
    orgs = [a for a in mods if actors.types.get(a) == "organization"]
    return orgs if orgs and any(s not in orgs for s in sources) else []


def between(noun: Token, actors: UnitActors) -> list[str]:
    """The actors of "talks between X and Y", who take part together.

    The parser often hangs the "between" phrase on the verb the noun is the
    subject of: "fighting broke out between X and Y", "clashes erupted between".
    """
    holders = [noun, noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else [noun]
    for child in (c for h in holders for c in h.children):
        if child.dep_ == "prep" and child.lower_ == "between":
            return [
                a for obj in child.children if obj.dep_ == "pobj" for a in actors.in_phrase(obj)
            ]
    return []


def participle_roles(verb: Token, table: UnitActors) -> tuple[list[str], list[str]] | None:
    """A participle that modifies an actor: "Hezbollah, backed by Iran"; "the Iran-backed Houthis".

    The agent (the "by" phrase, or the actor joined to the participle by a
    hyphen) is the source; the actor the participle describes is the target.
    """
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return _fronted_participle(verb, table)
    if verb.dep_ not in ("acl", "amod") or verb.tag_ not in ("VBN", "VBD"):
        return None
    if verb.dep_ == "acl":
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    elif hyphened(verb):
        agents = [c for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod")]
    else:
        return None
    sources = list(dict.fromkeys(a for o in agents for a in table.in_phrase(o)))
    if not sources:
        return None
    head = verb.head  # the described actor only, not those coordinated with it
    parts = [head, *(c for c in head.children if c.dep_ in ("compound", "poss", "appos"))]
    if head.dep_ == "appos":  # "the MSS, a Kenyan-led force": the force is the MSS
        described = _appositive_anchor(head)
        parts += [described, *(c for c in described.children if c.dep_ == "appos")]
    targets = [a for p in parts for a in table.by_token.get(p.i, []) if a not in sources]
    return sources, list(dict.fromkeys(targets))


def _appositive_anchor(appos: Token) -> Token:
    """The noun an appositive describes: the last conjunct written before it.

    The parser hangs "X and Y, a Kenyan-led force" on the first conjunct X,
    but an appositive after a coordination describes the nearest one, Y
    (one meant for X would stand before "and Y").
    """
    anchor = appos.head
    before = [c for c in anchor.conjuncts if anchor.i < c.i < appos.i]
    return max(before, key=lambda c: c.i) if before else anchor


def _fronted_participle(verb: Token, table: UnitActors) -> tuple[list[str], list[str]] | None:
    """A passive participle set off beside the subject: "Israel, attacked by Iran, retaliated".

    The participle has no subject of its own; the one it describes is the
    subject of the clause it hangs on, the target, and its "by" agent acts.
    """
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children]
    sources = list(dict.fromkeys(a for o in agents for a in table.in_phrase(o)))
    if not sources:
        return None
    described = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    targets = [a for d in described for a in table.in_phrase(d) if a not in sources]
    return sources, list(dict.fromkeys(targets))


def negated(verb: Token, denying: frozenset[str] = frozenset()) -> bool:
    """A negated event is no relation: "did not attack", "no troops deployed".

    Nor is one that a ``denying`` verb governs ("denied supporting the rebels"),
    or a negated verb governs as its infinitive ("did not try to attack", "never
    agreed to support"), or a participle on what such a verb turns down
    ("rejected foreign troops defending Y"). An act that "should" happen is
    advice, not an event ("the Council should impose sanctions on Y", "X
    should try to help Y"); who gives it asks for it (``_obligation_roles``).
    """
    if any(c.dep_ == "neg" or _advised(c) for c in verb.children):
        return True
    node = verb
    while node.dep_ == "xcomp" and node.head.i != node.i:
        node = node.head
        if any(c.dep_ == "neg" or _advised(c) for c in node.children):
            return True
    if verb.dep_ in ("xcomp", "ccomp", "pcomp") and verb.head.lemma_ in denying:
        return True  # "denied supporting the rebels", "refused to meet him"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _refused_object(verb.head, denying):
        return True  # "rejected foreign troops defending Y": no troops defend Y
    nouns = [c for c in verb.children if c.dep_ in (*_SUBJECTS, "dobj")]
    if verb.dep_ in ("acl", "amod"):
        nouns.append(verb.head)
    return any(d.dep_ == "det" and d.lower_ == "no" for n in nouns for d in n.children)


def _advised(aux: Token) -> bool:
    """The "should" of an act recommended rather than done."""
    return aux.dep_ == "aux" and aux.lower_ == "should"


def _refused_object(noun: Token, denying: frozenset[str]) -> bool:
    """The object of a ``denying`` verb: what it names acting is turned down, not done."""
    return noun.dep_ == "dobj" and noun.head.lemma_ in denying


def has_agent(verb: Token) -> bool:
    """A passive verb with its "by" phrase ("was attacked by Russia")."""
    return any(c.dep_ == "agent" for c in verb.children)


def light_verb_targets(noun: Token, trigger: Trigger, actors: UnitActors) -> list[str]:
    """The target a light verb carries for its object ("declared solidarity with Y").

    The parser often hangs the preposition on the verb ("declare", "impose",
    "hold") rather than on the noun that means the relation; so too for the
    act a verb of taking part governs through "in" ("engaged in N against Y").
    """
    verb = _taking_part(noun)
    if noun.dep_ != "dobj" and verb is None:
        return []
    if verb is None:
        verb = noun.head
    if verb.pos_ != "VERB":
        return []
    found = [
        a
        for c in verb.children
        if c.dep_ == "prep" and c.i > noun.i
        for o in _prep_objects(c, trigger.targets)
        for a in actors.in_phrase(o) or _antecedent(o, verb, actors)
    ]
    if "that" in trigger.targets:  # "reiterated its demand that Y withdraw": Y is to act
        found += [
            a
            for c in verb.children
            if c.dep_ == "ccomp" and c.i > noun.i
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
            for a in actors.in_phrase(s)
        ]
    return list(dict.fromkeys(found))


#: Verbs of taking part whose "in" phrase names the act: "engaged in ethnic cleansing
#: against Y", "participated in raids on Y". The parser hangs the act's own
#: preposition on the verb (event records coded by others, development pair 0.538 -> 0.544).
_TAKING_PART = frozenset({"engage", "participate", "involve"})


def _taking_part(noun: Token) -> Token | None:
    """The verb of taking part whose "in" phrase the noun is ("were engaged in N"), else None."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    verb = noun.head.head
    return verb if verb.lemma_.lower() in _TAKING_PART else None


def on_behalf_targets(noun: Token, actors: UnitActors) -> list[str]:
    """The actor a clause acts for: "attacked Israel in support of Hamas" supports Hamas.

    In the adverbial "in <trigger> of Y" the clause's subject acts on Y; the
    source comes from the governing verb (:func:`noun_source`).
    """
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return []
    return prep_actors(noun, "of", actors)


def prep_actors(noun: Token, prep: str, actors: UnitActors) -> list[str]:
    """The actors in the object of the word's ``prep`` phrase ("support of Y", "aid from X")."""
    return [
        a
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == prep
        for o in c.children
        if o.dep_ == "pobj"
        for a in actors.in_phrase(o)
    ]


def described_roles(noun: Token, actors: UnitActors) -> tuple[list[str], list[str]] | None:
    """A standing noun set beside an actor: "Poland, a NATO member"; "US ally Japan".

    The actor the noun describes (its apposition head, or the name it is a
    compound of) is the source; the actors modifying the noun are the target.
    """
    if noun.dep_ not in ("appos", "compound"):
        return None
    sources = list(actors.by_token.get(noun.head.i, []))
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss")]
    targets = [a for c in mods for a in actors.in_phrase(c) if a not in sources]
    return (sources, list(dict.fromkeys(targets))) if sources and targets else None


#: Verbs that link a subject to what it is: "X is Y's ally", "X remains a member".
_COPULAS = frozenset({"be", "remain", "become"})


def predicated_roles(noun: Token, actors: UnitActors) -> tuple[list[str], list[str]] | None:
    """(sources, targets) of a standing noun said of a subject with an owner, or None.

    "X is Y's closest ally", "X remains one of Y's allies": the copula's
    subject is what the noun describes, the source; the possessor, who in
    "Y's ally" would else be read as the noun's own actor, is the other side.
    """
    pred = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr":
        pred = noun.head.head  # "one of Y's allies"
    if pred.dep_ != "attr" or pred.head.lemma_ not in _COPULAS:
        return None
    sources = subject_actors(pred.head, actors)[0]
    targets = [
        a
        for c in noun.children
        if c.dep_ == "poss"
        for a in actors.in_phrase(c)
        if a not in sources
    ]
    return (sources, list(dict.fromkeys(targets))) if sources and targets else None


#: Words whose "with" says two actors act side by side: "along with", "together with".
_SIDE_BY_SIDE = frozenset({"along", "together"})


def alongside_roles(tok: Token, actors: UnitActors) -> tuple[list[str], list[str]] | None:
    """(sources, targets) of "X, alongside Y, ..." and "X, along with Y, ...", or None.

    Acting alongside another actor is cooperating with it (PLOVER COOPERATE):
    the preposition's object is the target, and the source is the actor the
    phrase hangs on, or the subject of the clause ("the US, alongside its
    allies, will support Ukraine"; "Japan fought alongside Australia").
    """
    if tok.dep_ != "prep" or not (
        tok.lower_ == "alongside" or (tok.lower_ == "with" and tok.head.lower_ in _SIDE_BY_SIDE)
    ):
        return None
    anchor = tok if tok.lower_ == "alongside" else tok.head
    targets = [a for o in tok.children if o.dep_ == "pobj" for a in actors.in_phrase(o)]
    head = anchor.head
    if head.pos_ in ("VERB", "AUX"):
        sources = subject_actors(head, actors)[0]
    else:
        sources = actors.in_phrase(head)
        if not sources and head.head.pos_ in ("VERB", "AUX"):  # "deployed troops alongside X"
            sources = subject_actors(head.head, actors)[0]
    sources = [a for a in dict.fromkeys(sources) if a not in targets]
    return (sources, list(dict.fromkeys(targets))) if sources and targets else None


def backing_roles(noun: Token, actors: UnitActors) -> tuple[list[str], list[str]] | None:
    """(givers, receivers) of "X, with the support of Y, ...", or None.

    A support noun in a "with" phrase names its giver after "of" or "from",
    or as its owner ("with Y's backing", "with US support");
    the receiver is the actor the phrase hangs on, or the clause's subject:
    "the US, with the full support of France, pledged ..." (France -> US).
    """
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    givers = [
        a
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("of", "from")
        for o in c.children
        if o.dep_ == "pobj"
        for a in actors.in_phrase(o)
    ]
    # "with Peru's backing", "with US support": the owner gives it as "of" does; a
    # pronoun ("with its support") may be the receiver's own.
    givers += [
        a
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod") and c.tag_ != "PRP$"
        for a in actors.in_phrase(c)
    ]
    anchor = noun.head.head
    if anchor.pos_ in ("VERB", "AUX"):
        receivers = subject_actors(anchor, actors)[0]
    else:
        receivers = actors.in_phrase(anchor)
    receivers = list(dict.fromkeys(receivers))
    # "the US, with the support of France and our allies": "our" is the receiver's own
    # side, not a giver; the actor the phrase hangs on is named outright.
    givers = [a for a in dict.fromkeys(givers) if a not in receivers]
    return (givers, receivers) if givers and receivers else None


def attitude_roles(noun: Token, actors: UnitActors) -> tuple[list[str], list[str]] | None:
    """(holders, objects) of "X noted with concern Y's buildup", or None.

    An attitude noun in a "with" phrase of a verb ("noted with appreciation",
    "welcomed with satisfaction", "learned with regret") says how the verb's
    subject takes the verb's object: the subject holds the attitude, and the
    actors its object names are what it is held towards. The verb ("note",
    "learn") names no relation itself, so the noun carries it. The parser
    often reads the noun as a modifier of the object that follows it
    ("with appreciation Y's efforts" as one phrase): the phrase is the object.
    """
    phrase = noun
    while phrase.dep_ in ("compound", "poss") and phrase.head.i > phrase.i:
        phrase = phrase.head
    prep, verb = phrase.head, phrase.head.head
    if phrase.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return None
    if verb.pos_ != "VERB":
        return None
    heads = [c for c in verb.children if c.dep_ == "dobj"] if phrase is noun else [phrase]
    objects = [a for c in heads for a in actors.in_phrase(c)]
    holders = [a for a in subject_actors(verb, actors)[0] if a not in objects]
    objects = list(dict.fromkeys(objects))
    return (list(dict.fromkeys(holders)), objects) if holders and objects else None


def condition_actors(verb: Token, actors: UnitActors) -> list[str]:
    """Who a threat's condition names: "X threatened to strike unless Y withdrew" -> Y.

    The subjects of an "unless" or "if" clause on the verb or on its
    infinitive: what is threatened hangs on what they do.
    """
    heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    clauses = [
        c
        for h in heads
        for c in h.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
    ]
    return list(
        dict.fromkeys(
            a
            for c in clauses
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
            for a in actors.in_phrase(s)
        )
    )
