"""Who does what to whom: typed, directed relations from the dependency parse.

For each verb (or nominal trigger such as "invasion") listed in the YAML
lexicon, the actors in its subject become sources and the actors behind its
object or the prepositions the lexicon names become targets. Evidence keeps
the unit and the trigger's span, so every edge points back to its sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import partial
from itertools import combinations
from typing import TYPE_CHECKING

from .links import (
    co_mentions,
    contained_part_of,
    group_part_of,
    home_part_of,
    memberships,
    named_part_of,
    part_of_relations,
    possessed_part_of,
)
from .model import Actor, Evidence, Relation
from .nominal import (
    allied,
    armed_deployment,
    danger,
    from_sources,
    material,
    prospective,
    strained,
)
from .parsed import mention_span
from .relation_lexicon import (
    Governors,
    Lexicon,
    Trigger,
    load_lexicon,
)
from .roles import (
    UnitActors,
    alongside_roles,
    attitude_roles,
    backing_roles,
    between,
    condition_actors,
    declared_by,
    described_roles,
    has_agent,
    hyphened,
    light_verb_targets,
    makers,
    modifier_targets,
    negated,
    noun_source,
    object_organizations,
    on_behalf_targets,
    participle_roles,
    predicated_roles,
    prep_actors,
    subject_actors,
    target_actors,
)
from .stance import damning_words, load_stance
from .unit_actors import quote_open

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from spacy.tokens import Span, Token

    from .actors import Located
    from .gazetteer import Gazetteer
    from .parsed import ArticleParse

__all__ = ["Lexicon", "extract_relations", "load_lexicon"]


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
    for loc in _sides_named(parse.mentions, {a.id for a in actors}):
        by_unit[loc.mention.unit].append(loc)
    found: dict[tuple[str, str, str], list[Evidence]] = {}
    meta: dict[tuple[str, str, str], tuple[str, tuple[str, ...], str]] = {}
    previous: str | None = None
    group: list[str] = []
    declarants: list[str] = []
    said: tuple[str, str] | None = None  # the last speaker, while their quote may go on
    inside, paragraph = False, -1
    acts: dict[str, list[str]] = {}  # who did each hostile act told so far, by its lemma
    voice = _headline_voice(parse, actors, lexicon.speech_titles)
    act_nouns = frozenset(lexicon.nouns)
    for unit, span in zip(units, spans, strict=True):
        if unit.kind not in ("claim", "lead_in", "title"):
            continue
        tokens = parse.actor_tokens(unit.index)
        # A quote open since an earlier unit of the paragraph, or one opening the unit
        # after a speaker's (a quote running on into a new paragraph reopens there).
        opens = unit.text.lstrip().startswith(("“", '"'))
        inside = inside and (opens or unit.paragraph == paragraph)
        quoting = said if inside or opens else voice
        paragraph = unit.paragraph
        table = UnitActors(
            unit,
            span,
            by_unit.get(unit.index, []),
            tokens,
            previous,
            () if unit.kind in _COREF_KINDS else group,
            declarants,
            quoting,
            acts=act_nouns,
        )
        table.acts = acts
        said, inside = table.speaker, quote_open(unit.text, inside)
        declarants = declarants or declared_by(span, table)
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
            _remember(acts, trig, tok, src)
            found.setdefault(key, [])
            if ev not in found[key]:
                found[key].append(ev)
            meta.setdefault(key, (trig.polarity, (f"{tok.lemma_}->{trig.type}",), trig.event_class))
        # "It" opening the next sentence is the first body or state named here, never a
        # person; after a sentence naming none it names no one ("It is too early to say").
        bodies = [loc.entry.id for loc in by_unit.get(unit.index, []) if loc.entry.type != "person"]
        previous = bodies[0] if bodies else None
        subjects = subject_actors(span.root, table)[0] if len(span) else []
        group = subjects if len(subjects) > 1 else group
    relations = [
        Relation(*k, meta[k][0], tuple(ev), False, meta[k][1], event_class=meta[k][2])
        for k, ev in found.items()
    ]
    relations = _with_part_of(memberships(relations, actors), actors, parse, gazetteer)
    relations = _within_bodies(relations)
    relations += co_mentions(units, by_unit, relations, part_of)
    return relations


def _with_part_of(
    relations: list[Relation],
    actors: Sequence[Actor],
    parse: ArticleParse,
    gazetteer: Gazetteer | None,
) -> list[Relation]:
    """The relations with the actors' ``part_of`` links added, surest source first.

    The order is the precedence: the actors' own ``part_of``, then a state in
    a body's name, a possessive ("Iraq's central bank"), a containing body's
    name, the article's home state, a group the gazetteer lists a state in.
    Each later, weaker reading skips what an earlier one placed, so a body is
    not made part of a second thing by a guess.
    """
    relations = relations + part_of_relations(actors)
    if gazetteer is not None:
        relations += named_part_of(actors, partial(_state_of, gazetteer))
    named = {r.source for r in relations if r.event_class == "PART_OF"}
    relations += possessed_part_of(actors, partial(_owners, parse), named)
    relations += contained_part_of(
        actors, {r.source for r in relations if r.event_class == "PART_OF"}
    )
    relations += home_part_of(actors, {r.source for r in relations if r.event_class == "PART_OF"})
    placed = {frozenset((r.source, r.target)) for r in relations if r.polarity == "structural"}
    relations += group_part_of(actors, gazetteer.members if gazetteer else {}, placed)
    return relations


#: Units whose "they" the coreference step resolved (or chose to leave unresolved).
_COREF_KINDS = frozenset({"claim", "lead_in"})


def _within_bodies(relations: list[Relation]) -> list[Relation]:
    """No event between a body and what it is part of: "Iraq will support its central bank".

    The relation loop already skips pairs the actor table links; part_of links
    found later (from a name, a possessive, a home state) say the same, so an
    act between the two is the body's own business, not a relation of actors.
    """
    inside = {frozenset((r.source, r.target)) for r in relations if r.event_class == "PART_OF"}
    return [
        r
        for r in relations
        if r.polarity == "structural" or frozenset((r.source, r.target)) not in inside
    ]


def _sides_named(mentions: Sequence[Located], ids: set[str]) -> list[Located]:
    """Mentions whose ``part_of`` the article does not name carry none here.

    "We" of a speaker is the body they speak for only when the article names
    that body: a state known only from the dictionary of office holders
    ("President Joe Biden" -> USA in a text that never names the US) would
    be an end of a relation that is no actor of the article.
    """
    return [
        replace(loc, entry=replace(loc.entry, part_of=None))
        if loc.entry.part_of and loc.entry.part_of not in ids
        else loc
        for loc in mentions
    ]


def _headline_voice(
    parse: ArticleParse, actors: Sequence[Actor], titles: frozenset[str]
) -> tuple[str, str] | None:
    """(speaker, side) of a text whose headline gives it to one person, else None.

    "Remarks by President Biden on ...", "Statement from National Security
    Advisor Jake Sullivan on ...": the person after "by" or "from" in such a
    headline says every sentence the text gives to no one else, so "I" is
    that person and "we" the state or body they speak for (``part_of``).
    """
    title = next((u for u in parse.units if u.kind == "title"), None)
    words = title.text.split() if title is not None else []
    if title is None or not words or words[0].lower() not in titles:
        return None
    people = {a.id: a for a in actors if a.type == "person"}
    tokens = parse.actor_tokens(title.index)
    after = False  # past the "by" or "from" that introduces the speaker
    for tok in parse.spans[title.index]:
        after = after or tok.lower_ in ("by", "from")
        person = next((people[a] for a in tokens.get(tok.i, []) if a in people), None)
        if after and person is not None:
            named = person.part_of in {a.id for a in actors}
            return person.id, person.part_of if named and person.part_of else person.id
    return None


def _owners(parse: ArticleParse, actor: Actor) -> list[str]:
    """States in a possessive on an actor's mentions: "South Korea's JCS", "Iraq's army"."""
    found: list[str] = []
    for loc in parse.mentions:
        if loc.entry.id != actor.id or loc.how.startswith("coref"):
            continue
        m = loc.mention
        tokens = parse.actor_tokens(m.unit)
        toks = mention_span(parse.units[m.unit], parse.spans[m.unit], m)
        if toks is None or not len(toks):
            continue
        heads = [toks.root, toks.root.head] if toks.root.dep_ == "appos" else [toks.root]
        found += [
            a for h in heads for c in h.children if c.dep_ == "poss" for a in tokens.get(c.i, [])
        ]
    return found


def _state_of(gazetteer: Gazetteer, word: str) -> str | None:
    hit = gazetteer.lookup(word)
    return hit.entry.id if hit is not None and hit.entry.type == "state" else None


#: The lexicon's type for backing words (support, back, help, assist): verbal unless material.
_BACKING = "supports"
#: The lexicon's type for contributing: cooperation unless what is given is material.
_CONTRIBUTING = "contributes_to"
#: The lexicon's type for deploying, and its wording when what is deployed is arms.
_DEPLOYING = "deploys_personnel_to"
_DEPLOYING_ARMS = "deploys_weapons_to"


def _triggers(span: Span, table: UnitActors, lexicon: Lexicon):
    """Yield (source, target, trigger, token) for every relation stated in the span."""
    for tok in span:
        found = _roles(tok, table, lexicon)
        if found is None:
            continue
        trig, sources, targets = found
        if trig.event_class == "THREATEN" and danger(tok, lexicon.governors.endangering):
            continue  # "X's actions threaten Y", "poses a threat to Y": a danger, no threat made
        trig = _conditional(
            tok, _threatened(tok, trig, lexicon.governors.threatening), lexicon.governors.quantity
        )
        trig = _reworded(tok, _bidding(tok, trig), lexicon)
        if trig.collective and not targets and 1 < len(set(sources)) <= 3:
            # "Japan and the US will hold a joint exercise": the subjects act together.
            targets, sources = list(dict.fromkeys(sources)), []
            for a, b in combinations(targets, 2):
                yield a, b, trig, tok
        for s in sources:
            for t in targets:
                yield s, t, trig, tok


def _reworded(tok: Token, trig: Trigger, lexicon: Lexicon) -> Trigger:
    """The trigger as the words around it qualify it: a prospect, material backing, arms sent."""
    if trig.type in lexicon.prospect_types and prospective(tok, lexicon.governors.prospect):
        trig = replace(trig, type=lexicon.prospect_types[trig.type])
    if trig.type in (_BACKING, _CONTRIBUTING) and material(tok, lexicon.governors.materiel):
        kind = "provides_assistance_to" if trig.type == _BACKING else trig.type
        trig = replace(trig, type=kind, event_class="AID")
    if trig.type == _DEPLOYING and armed_deployment(tok, lexicon.governors.weapons):
        trig = replace(trig, type=_DEPLOYING_ARMS)
    return trig


def _roles(tok: Token, table: UnitActors, lexicon: Lexicon):
    """The first reading of ``tok`` that states a relation: (trigger, sources, targets).

    Demanding, accusing, threatening and judging are read only at a
    statement verb (``governors.stating``), so the other tokens skip those
    four tests: only blaming and joint units remain for them, and a verb is
    never a joint unit. The same readings in the same order as trying all
    nine at every token; the relations over the 35 corpus texts took
    286 -> 257 ms CPU (min of 7 passes, parse held; same output).
    """
    found = (
        _verb_roles(tok, table, lexicon)
        or _noun_roles(tok, table, lexicon)
        or _side_by_side(tok, table)
    )
    if found is not None:
        return found
    if tok.pos_ == "VERB" and _message_object(tok) is not None:
        return _obligation_roles(tok, table, lexicon.governors.stating)
    if tok.pos_ == "VERB" and tok.lemma_ in lexicon.governors.stating:
        return (
            _obligation_roles(tok, table, lexicon.governors.stating)
            or _accusation_roles(tok, table, lexicon)
            or _blame_roles(tok, table, lexicon)
            or _threat_roles(tok, table, lexicon)
            or _judgement_roles(tok, table, lexicon)
        )
    return _blame_roles(tok, table, lexicon) or _joint_roles(tok, table, lexicon.governors.joint)


#: A warning that bids its addressee act: a demand (PLOVER REQUEST), not a threat.
_BIDS = Trigger("urged", "REQUEST", ("dobj",))


def _bidding(tok: Token, trig: Trigger) -> Trigger:
    """A warning to its object to act, or not to, demands the act.

    "We warn North Korea to immediately stop its actions", "X warned Y not
    to deploy troops": the to-infinitive says what Y is asked to do, as after
    "urged Y to"; so does a clause of obligation ("warned Y that it must
    withdraw", :func:`_obligation_roles`); a warning with neither ("warned Y that it would
    respond", "warned Y of consequences") stays a threat.
    """
    if trig.event_class != "THREATEN" or tok.pos_ != "VERB":
        return trig
    if not any(c.dep_ == "dobj" for c in tok.children):
        return trig
    bids = any(
        x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
        for x in tok.children
    )
    return _BIDS if bids or _obliging_clauses(tok) else trig


def _threatened(tok: Token, trig: Trigger, threatening: frozenset[str]) -> Trigger:
    """A hostile act that a ``threatening`` verb governs is a threat of it.

    "Iran threatened to shell Iraqi towns" (the infinitive), "threatened to
    impose restrictions on Y" and "threatened sanctions against Y" (the noun
    object of either): the actor threatens Y (PLOVER THREATEN), it has not
    yet acted.
    """
    if trig.polarity != "conflictual" or trig.event_class == "THREATEN":
        return trig
    verb = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" else tok
    governed = verb is not tok and verb.lemma_ in threatening
    if governed or (verb.dep_ == "xcomp" and verb.head.lemma_ in threatening):
        return replace(trig, type="threatens", event_class="THREATEN", symmetric=False)
    return trig


#: Acts of force or punishment that, held over another on a condition, threaten it.
_FORCEFUL = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE"})
#: Modals of an act still to come or only possible.
_PROSPECTIVE = frozenset({"will", "would", "'ll", "may", "might", "could"})


def _conditional(tok: Token, trig: Trigger, quantity: frozenset[str]) -> Trigger:
    """A forceful act that will or may come "if" or "unless" another acts is a threat.

    "X may halt its mediation if cooperation founders", "X will withdraw its
    force from Y unless Y holds elections": the act is held over the other
    side on a condition (CAMEO 13, PLOVER THREATEN), not done. On the event
    records coded by others: development pair with class 0.354 -> 0.361,
    pairs unchanged (the class, not the link, was wrong).
    """
    if trig.event_class not in _FORCEFUL:
        return trig
    verb = _clause_verb(tok, quantity)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in _PROSPECTIVE for c in verb.children):
        return trig
    if not any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    ):
        return trig
    return replace(trig, type="threatens", event_class="THREATEN", symmetric=False)


def _clause_verb(tok: Token, quantity: frozenset[str]) -> Token | None:
    """The verb of a trigger's clause: the trigger, the verb of its object, of its carrier."""
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in ("dobj", "compound", "pobj", "prep") and tok.head.lemma_ not in quantity:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


#: A call, or an appeal, "with" or "between" actors: they spoke (CAMEO 04, PLOVER CONSULT).
_PHONE_CALL = Trigger("spoke_with", "CONSULT", ("with",), symmetric=True, collective=True)

#: Acting alongside another actor (PLOVER COOPERATE); not a lexicon word, a preposition.
_ALONGSIDE = Trigger("acts_alongside", "COOPERATE", ())


#: Saying that another actor must or should act is demanding it (CAMEO 10, PLOVER REQUEST).
_MUST = Trigger("demanded", "REQUEST", ("that",))
#: Modals that put an obligation on a clause's subject.
_OBLIGING = frozenset({"must", "should"})


def _obligation_roles(tok: Token, table: UnitActors, stating: frozenset[str]):
    """Saying "Y must leave" is demanding that Y leave: Y, the clause's subject, is asked.

    "Y should leave" asks the same of Y (a recommendation is a request too).
    Said to Y of "it" or "they" ("told Y that it must leave", "issued a
    reminder to Y that it must cooperate"), the pronoun is the one told: the
    addressee is asked, not the speaker the pronoun might else be read as.

    ``stating`` are the lexicon's statement verbs (``governors.stating``): the
    statement is their ``ccomp`` clause, or the clause of a verb whose object
    is a message (:func:`_message_object`).
    """
    if tok.pos_ != "VERB" or (tok.lemma_ not in stating and _message_object(tok) is None):
        return None
    told = _addressees(tok, table)
    message = _message_object(tok)
    clauses = _obliging_clauses(tok) + (_obliging_clauses(message) if message is not None else [])
    targets: list[str] = []
    for c in clauses:
        for s in (s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")):
            pronoun = s.tag_ == "PRP" and s.lower_ in _TOLD_PRONOUNS
            targets += told if pronoun and told else table.in_phrase(s)
    if not targets:
        return None
    return _MUST, subject_actors(tok, table)[0], list(dict.fromkeys(targets))


#: Pronouns that, in what is said to an actor, stand for that actor: "told Y that it must".
_TOLD_PRONOUNS = frozenset({"it", "they"})
#: Nouns of a message whose verb says it to someone: "issued a reminder to Y that ...".
_MESSAGES = frozenset(
    {"reminder", "warning", "message", "note", "letter", "ultimatum", "notice", "signal"}
)


def _obliging_clauses(verb: Token) -> list[Token]:
    """The clauses of a verb or message that put an obligation (must, should) on their subject.

    The parser hangs "that Y must" on a message noun as its ``acl``
    ("a reminder to Y that it must cooperate"), on a verb as its ``ccomp``.
    """
    return [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "acl")
        and any(a.dep_ == "aux" and a.lower_ in _OBLIGING for a in c.children)
    ]


def _words_sent(verb: Token, trig: Trigger) -> bool:
    """Whether a giving verb gives only words: "sent a message to Y", "sent a warning to Y".

    A message is no aid (PLOVER AID is material); what the message says is
    read at the noun ("warning") or its clause (:func:`_obligation_roles`).
    """
    return trig.event_class == "AID" and _message_object(verb) is not None


def _message_object(verb: Token) -> Token | None:
    """The message a verb's object names ("issued a stern reminder"), else None."""
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _MESSAGES), None
    )


def _addressees(verb: Token, table: UnitActors) -> list[str]:
    """Whom a statement is made to: its object ("told Y"), or "to Y" on it or its message."""
    message = _message_object(verb)
    heads = [verb] if message is None else [verb, message]
    found = [
        a
        for c in verb.children
        if c.dep_ in ("dobj", "dative") and c is not message
        for a in table.in_phrase(c)
    ]
    found += [
        a
        for h in heads
        for c in h.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for o in c.children
        if o.dep_ == "pobj"
        for a in table.in_phrase(o)
    ]
    return list(dict.fromkeys(found))


#: Saying another actor did a hostile act is accusing it (CAMEO 112, PLOVER DISAPPROVE).
_ACCUSES = Trigger("accuses", "DISAPPROVE", ())
#: Hostile acts whose report names a culprit: force, violence and coercion (material).
_CULPABLE = frozenset({"FIGHT", "ASSAULT", "COERCE"})


def _statement_speakers(tok: Token, table: UnitActors, lexicon: Lexicon) -> list[str]:
    """The actors saying something with a statement verb (``governors.stating``), if any.

    Accusing, judging and threatening are read from what a speaker says in
    the verb's reported clause; a verb that states nothing, or has no actor
    saying it, carries none of them.
    """
    if tok.lemma_ not in lexicon.governors.stating or tok.pos_ != "VERB":
        return []
    return subject_actors(tok, table)[0]


def _accusation_roles(tok: Token, table: UnitActors, lexicon: Lexicon):
    """Saying that Y attacked is accusing Y: "X said the rocket was fired by Y".

    A statement verb (``governors.stating``) whose ``ccomp`` clause tells of a
    material hostile act (fighting, violence, coercion) by an actor other
    than the speaker, naming its maker as the one responsible (a passive
    with its "by" agent) or the speaker as the one hit ("X said Y attacked
    it"): the speaker accuses the act's maker. A bare report of others' acts
    ("Y seized the town, X said") is a witness's account, and what the
    speaker says of itself ("X said it struck Y") accuses no one. The act
    itself is read at its own verb.
    """
    speakers = _statement_speakers(tok, table, lexicon)
    if not speakers:
        return None
    culprits: list[str] = []
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        found = _verb_roles(clause, table, lexicon)
        if found is None or found[0].event_class not in _CULPABLE:
            continue
        if not has_agent(clause) and not set(speakers) & set(found[2]):
            continue  # "Y seized the town, X said": a report, unless X was the one hit
        culprits += [a for a in found[1] if a not in speakers]
    if not culprits:
        return None
    return _ACCUSES, speakers, list(dict.fromkeys(culprits))


#: Where the word of blame after "hold Y" sits: a small clause, or a complement of the verb.
_SMALL_CLAUSE = frozenset({"ccomp", "xcomp", "advcl", "acomp", "oprd"})


def _blame_roles(tok: Token, table: UnitActors, lexicon: Lexicon):
    """Holding Y responsible is accusing Y: "X holds Y responsible for the strikes".

    A ``holding`` verb ("hold", "deem") with a ``culpable`` word ("responsible",
    "accountable") after its object lays the blame for an act on that object,
    as CAMEO codes an accusation (112), though no verb of blame is said. The
    parser hangs Y on the verb ("held Y fully responsible") or makes it the
    subject of a small clause ("holds [Y responsible]"); both are read. "Does
    not hold Y responsible" blames no one.
    """
    if tok.lemma_ not in lexicon.governors.holding or tok.pos_ != "VERB":
        return None
    culpable = lexicon.governors.culpable
    words = [c for c in tok.children if c.dep_ in _SMALL_CLAUSE and c.lemma_ in culpable]
    if not words or negated(tok, lexicon.governors.denying):
        return None
    heads = [c for c in tok.children if c.dep_ == "dobj"]
    heads += [s for w in words for s in w.children if s.dep_ == "nsubj"]
    blamed = [a for h in heads for a in table.in_phrase(h)]
    sources = subject_actors(tok, table)[0]
    blamed = [a for a in dict.fromkeys(blamed) if a not in sources]
    return (_ACCUSES, sources, blamed) if sources and blamed else None


#: Saying another actor did or is something bad is criticizing it (CAMEO 111, PLOVER DISAPPROVE).
_CRITICIZES = Trigger("criticizes", "DISAPPROVE", ())


def _judgement_roles(tok: Token, table: UnitActors, lexicon: Lexicon):
    """Saying Y's conduct is bad is criticizing Y: "X said Y's move was reckless".

    A statement verb (``governors.stating``) whose ``ccomp`` clause has an
    actor other than the speaker's side in its subject, and a predicate
    that condemns it (:func:`~newsbrief.stance.damning_words`: a word VADER
    rates clearly negative, "illegal", "dirty", "a violation", or a
    hostile act the subject carries out): the speaker disapproves of that
    actor, as CAMEO codes criticism from reported speech. Tried after every
    other reading of the verb, so a demand, an accusation or a threat in
    the same clause keeps its own class.
    """
    speakers = _statement_speakers(tok, table, lexicon)
    if not speakers:
        return None
    own = set(speakers) | {table.sides[s] for s in speakers if s in table.sides}
    valence = load_stance().valence
    judged: list[str] = []
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        makers = [
            a
            for s in clause.children
            if s.dep_ == "nsubj"
            for a in table.in_phrase(s, acting=True)
            if a not in own and table.sides.get(a) not in own
        ]
        if makers and (
            damning_words(clause, valence, partial(_hostile_act, lexicon))
            or _breaks_a_rule(clause, lexicon)
        ):
            judged += makers
    if not judged:
        return None
    return _CRITICIZES, speakers, list(dict.fromkeys(judged))


#: The lexicon's type for breaking a rule (violate, breach): said of another, a charge.
_VIOLATES = "violates"


def _breaks_a_rule(clause: Token, lexicon: Lexicon) -> bool:
    """A clause saying its subject violates or breaches something judges it.

    "X said Y's actions clearly violate international law", "practices that
    it said violated international law": breaking a law, a ceasefire or a
    treaty is no act one witnesses but a charge the speaker makes, so the
    report is a criticism, as "a violation" is (:func:`damning_words`).
    """
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    return any(
        v.pos_ == "VERB"
        and getattr(lexicon.verbs.get(v.lemma_), "type", None) == _VIOLATES
        and not negated(v)
        for v in verbs
    )


def _hostile_act(lexicon: Lexicon, noun: Token) -> bool:
    """A noun the lexicon reads as a hostile act ("attacks", "violation")."""
    trig = lexicon.noun(noun.lemma_.lower(), noun.lower_)
    return trig is not None and trig.polarity == "conflictual"


#: Saying one's own side will strike another actor is threatening it (CAMEO 13, PLOVER THREATEN).
_THREATENS = Trigger("threatens", "THREATEN", ())
#: Auxiliaries of an act still to come.
_FUTURE = frozenset({"will", "would", "'ll"})


def _threat_roles(tok: Token, table: UnitActors, lexicon: Lexicon):
    """Saying one's own side will or would strike Y is threatening Y.

    "X said it would strike Y", "X's leader said any attack on X would prompt
    an X attack on Y": a statement verb (``governors.stating``) whose ``ccomp``
    clause, put in the future by "will" or "would", tells of a hostile act
    made by the speaker or the body the speaker belongs to. The act is not
    done; announcing it threatens its target. Acts of others in such a clause
    ("X said Y would attack") are a forecast, not a threat by X.
    """
    speakers = _statement_speakers(tok, table, lexicon)
    if not speakers:
        return None
    own = set(speakers) | {table.sides[s] for s in speakers if s in table.sides}
    targets: list[str] = []
    for clause in (c for c in tok.children if c.dep_ == "ccomp"):
        if not any(a.dep_ == "aux" and a.lower_ in _FUTURE for a in clause.children):
            continue
        for word in clause.subtree:
            found = _verb_roles(word, table, lexicon) or _noun_roles(word, table, lexicon)
            if found is None or found[0].polarity != "conflictual":
                continue
            if found[0].event_class in _JUDGING or not own & set(found[1]):
                continue
            targets += [a for a in found[2] if a not in own]
    if not targets:
        return None
    return _THREATENS, speakers, list(dict.fromkeys(targets))


#: Forces or bodies of several actors named as one joint unit (PLOVER COOPERATE).
_JOINT = Trigger("operates_jointly_with", "COOPERATE", (), symmetric=True, collective=True)


def _joint_roles(tok: Token, table: UnitActors, joint: frozenset[str]):
    """The actors of "the joint HNP/MSS forces", "combined US-Korean units": partners.

    A noun that a ``joint`` word modifies and whose modifiers name two or
    three actors says they act as one; the pairs are collective. A noun the
    lexicon knows ("joint exercises") is read as its own trigger first.
    """
    if tok.pos_ not in ("NOUN", "PROPN") or not any(
        c.dep_ == "amod" and c.lower_ in joint for c in tok.children
    ):
        return None
    partners = list(dict.fromkeys(table.in_phrase(tok)))
    return (_JOINT, partners, []) if 1 < len(partners) <= 3 else None


def _side_by_side(tok: Token, table: UnitActors):
    roles = alongside_roles(tok, table)
    return (_ALONGSIDE, *roles) if roles is not None else None


def _verb_roles(tok: Token, table: UnitActors, lexicon: Lexicon):
    phrase = _verb_phrase(tok, lexicon)
    # "the Iran-backed Houthis" and "Hezbollah, backed by Iran" say the same thing.
    # (The lexicon first: most words are no modifier, and the parse walk is dearer.)
    modifier = lexicon.modifiers.get(tok.lemma_)
    if modifier is not None and not (
        hyphened(tok) or (tok.dep_ in ("acl", "advcl") and has_agent(tok))
    ):
        modifier = None
    if phrase is None and modifier is None:
        return None
    trig = modifier or lexicon.verbs[str(phrase)]
    if negated(tok, lexicon.governors.denying | lexicon.governors.refusing) or _words_sent(
        tok, trig
    ):
        return None
    trig = _of_envoys(tok, trig, lexicon.governors.envoys)
    modified = participle_roles(tok, table)
    if modified is not None:
        return trig, *modified
    sources, passive = subject_actors(tok, table)
    if _asked_of_another(tok, lexicon.governors.asking):
        sources = []
    if not sources:
        sources = _issuer(tok, table, lexicon.governors.documents)
    targets = (
        target_actors(tok, trig, table)
        or object_organizations(tok, table)
        or _judged_maker(tok, trig, table, lexicon)
    )
    trig, targets = _farther_targets(tok, trig, table, lexicon, sources, targets)
    trig, targets = _backed_out(tok, trig, table, lexicon.governors, targets)
    trig, targets = _phoned(tok, trig, table, targets)
    if trig.event_class == "REQUEST":
        asked = [a for a in _asked_to_act(tok, table, lexicon) if a not in sources]
        targets = asked or targets
    joint = _joint_authors(tok, table, lexicon)
    targets = [t for t in targets if t not in joint]
    if has_agent(tok):  # "Ukraine was attacked by Russia": the passive subject is the target
        patients = [c for c in tok.children if c.dep_ == "nsubjpass"]
        targets = [a for p in patients for a in _patient(p, tok, table)] + targets
    if passive and not targets:
        return trig, [], []
    return trig, sources, targets or _answered_actors(tok, trig, table, sources)


#: The lexicon's type for calling on an actor to act, which needs "on" or "upon".
_CALLING_ON = "called_on"
#: What makes "called Y" no call placed: "called Y a threat", "called in Y", "called it illegal".
_NAMING = frozenset({"prt", "oprd", "ccomp", "attr", "acomp"})


def _phoned(
    tok: Token, trig: Trigger, table: UnitActors, targets: list[str]
) -> tuple[Trigger, list[str]]:
    """A call placed to an actor is talking with it: "X called Y", "X called Y to discuss".

    "Call" asks only through "on" or "upon" ("called on Y to"); with an actor
    as its plain object it is a telephone call (CAMEO 041, discuss by
    telephone: PLOVER CONSULT), as "a call with Y" is (``_PHONE_CALL``).
    Naming ("called Y a threat", "called it illegal") and summoning ("called
    in Y's envoy") are left alone.
    """
    if targets or trig.type != _CALLING_ON or tok.pos_ != "VERB":
        return trig, targets
    if any(c.dep_ in _NAMING for c in tok.children):
        return trig, targets
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ in _NAMING | {"appos"} for c in objects[0].children):
        return trig, targets
    called = table.in_phrase(objects[0])
    return (_PHONE_CALL, called) if called else (trig, targets)


#: Conjunctions of a clause whose act another's giving way follows.
_AFTER = frozenset({"after", "following", "once"})


def _answered_actors(
    verb: Token, trig: Trigger, table: UnitActors, sources: list[str]
) -> list[str]:
    """Who a concession gives way to, told by the act it follows.

    "X backtracked on the delay after the council ruled against it", "X
    backed down once Y threatened sanctions": a yielding verb with no "to"
    phrase yields to the subject of the "after" clause it hangs on.
    """
    if trig.event_class != "CONCEDE":
        return []
    return [
        a
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _AFTER for m in c.children)
        for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass")
        for a in table.in_phrase(s)
        if a not in sources
    ]


def _asked_of_another(tok: Token, asking: frozenset[str]) -> bool:
    """The infinitive of an ``asking`` noun: "a Ukrainian proposal to intercept".

    Whoever owns the proposal or call asks for the act; it does not do it, so
    the noun's actors are no subject of the infinitive.
    """
    return (
        tok.dep_ in ("acl", "relcl")
        and tok.head.lemma_.lower() in asking
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


#: Classes of speech about another's act: they are no hostile act to judge later.
_JUDGING = frozenset({"DISAPPROVE", "REJECT", "PROTEST", "REQUEST"})


def _remember(acts: dict[str, list[str]], trig: Trigger, tok: Token, source: str) -> None:
    """Keep who did a hostile act, under its word, for a later "condemned the strike"."""
    if trig.polarity == "conflictual" and trig.event_class not in _JUDGING:
        acts[tok.lemma_.lower()] = [source]


def _judged_maker(tok: Token, trig: Trigger, table: UnitActors, lexicon: Lexicon) -> list[str]:
    """Who did the act a judging verb judges, told earlier: "X condemned the strike".

    A ``judging`` verb whose object is a hostile act naming no actor ("the
    strike", "the attack") judges the act told before under the same word:
    its maker is the target (X DISAPPROVE the striker).
    """
    if tok.lemma_.lower() not in lexicon.judging or trig.event_class not in _JUDGING:
        return []
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        if table.in_phrase(obj) or lexicon.noun(obj.lemma_.lower(), obj.lower_) is None:
            continue
        return list(table.acts.get(obj.lemma_.lower(), []))
    return []


def _asked_to_act(verb: Token, table: UnitActors, lexicon: Lexicon) -> list[str]:
    """Who a demand for an act asks to act: "demanded the withdrawal of Y's forces from Z".

    A request whose object (or "for" phrase: "called for the release of the
    hostages by Y") is an event noun of the lexicon asks that noun's actor,
    not the places or actors its own prepositions name: Y is asked, not Z.
    """
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + _objects_of(verb, ("for",))
    found: list[str] = []
    for noun in nouns:
        if noun.pos_ not in ("NOUN", "PROPN") or table.by_token.get(noun.i):
            continue
        if noun.lemma_.lower() in lexicon.governors.ousting:
            found += _leaving(noun, table)
            continue
        roles = _noun_roles(noun, table, lexicon)
        if roles is not None:
            found += roles[1]
    return list(dict.fromkeys(found))


def _leaving(noun: Token, table: UnitActors) -> list[str]:
    """Who an ``ousting`` noun says leaves office: "the resignation of Y", "Y's removal"."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + _objects_of(noun, ("of",))
    return [a for o in owners for a in table.in_phrase(o)]


def _objects_of(head: Token, prepositions: Collection[str]) -> list[Token]:
    """The objects of ``head``'s own phrases of these prepositions ("the resignation *of Y*")."""
    return [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for o in c.children
        if o.dep_ == "pobj"
    ]


def _joint_authors(verb: Token, table: UnitActors, lexicon: Lexicon) -> list[str]:
    """The authors of a joint text that a judging verb judges: no targets of the judge.

    "X welcomed the statement by A and B", "X praised the declaration from A
    and B": a text several actors issued together is their agreement, and
    judging an agreement judges it, not its parties (as in "welcomed the
    agreement between A and B"). A text of one author is left as it was read
    ("rejected an appeal from Y" answers Y).
    """
    if verb.lemma_.lower() not in lexicon.judging:
        return []
    documents = lexicon.governors.documents
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() not in documents:
            continue
        authors = makers(obj, table, ("by", "from"))
        if len(authors) > 1:
            return authors
    return []


def _farther_targets(
    tok: Token,
    trig: Trigger,
    table: UnitActors,
    lexicon: Lexicon,
    sources: list[str],
    targets: list[str],
) -> tuple[Trigger, list[str]]:
    """Targets a verb reaches beyond its object: a frontier's far side, a threat's condition."""
    beyond = _beyond_frontier(tok, table, lexicon.governors.frontiers)
    if beyond and not [t for t in targets if t not in sources]:
        # "deployed troops to the border with Y", "massed troops along its frontier
        # with Y": a show of force towards Y (PLOVER MOBILIZE), not help for it.
        targets = beyond
        if trig.polarity != "conflictual":
            trig = replace(trig, type="mobilized_against", event_class="MOBILIZE")
    if trig.event_class == "THREATEN":  # "threatened to strike unless Y withdrew": Y
        targets = targets + [a for a in condition_actors(tok, table) if a not in targets]
    return trig, targets


#: Prepositions of a ``binding`` noun that name who the actor owes: "obligations
#: toward Y", "commitments to Y", "obligations between itself and Y".
_OWED = frozenset({"to", "toward", "towards", "between", "with"})
#: Prepositions of a ``binding`` noun that name the agreement it is owed under.
_BOUND_BY = frozenset({"in", "under"})


def _backed_out(
    verb: Token, trig: Trigger, table: UnitActors, words: Governors, targets: list[str]
) -> tuple[Trigger, list[str]]:
    """A reducing verb on what its subject owes backs out of it (PLOVER REJECT).

    "X suspended its obligations toward Y", "suspended the operation of all
    treaty obligations between itself and every other party": X does not
    suspend Y; it stops honouring what it owes Y. The wording names what is
    suspended; the parties owed, where the noun names them, are the targets.
    """
    if verb.lemma_.lower() not in words.reducing:
        return trig, targets
    owed = [o for c in verb.children if c.dep_ == "dobj" for o in _owed(c, words)]
    if not owed:
        return trig, targets
    noun = owed[0]
    # "its participation in the treaty with Y": the agreement's own partners.
    # "suspended its commitments to Y" (the parser may hang "to Y" on the verb).
    nodes = [verb, noun, *(o for p in noun.children if p.lower_ in _BOUND_BY for o in p.children)]
    parties = [a for n in nodes for o in _objects_of(n, _OWED) for a in table.in_phrase(o)]
    kind = f"{trig.type.split('_')[0]}_{noun.lower_}_toward"  # "suspended_obligations_toward"
    return replace(trig, type=kind, event_class="REJECT", symmetric=False), parties or targets


def _owed(obj: Token, words: Governors) -> list[Token]:
    """The ``binding`` noun an object is, or names after "the operation of", "part of"."""
    if obj.lemma_.lower() in words.binding:
        return [obj]
    return [o for o in _objects_of(obj, ("of",)) if o.lemma_.lower() in words.binding]


def _beyond_frontier(verb: Token, table: UnitActors, frontiers: frozenset[str]) -> list[str]:
    """The actor on the far side of a frontier the act reaches: "to the border with Y".

    A border, frontier or boundary (the lexicon's ``frontiers``) in a
    preposition of the verb or of its object is named by the actor after its
    "with": moving troops there is moving them against or towards that actor.
    """
    nodes = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    places = [
        o
        for n in nodes
        for p in n.children
        if p.dep_ == "prep"
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in frontiers
    ]
    return list(
        dict.fromkeys(
            a
            for o in places
            for w in o.children
            if w.dep_ == "prep" and w.lower_ == "with"
            for x in w.children
            if x.dep_ == "pobj"
            for a in table.in_phrase(x)
        )
    )


def _of_envoys(verb: Token, trig: Trigger, envoys: frozenset[str]) -> Trigger:
    """Expelling or withdrawing envoys cuts relations (CAMEO 166, PLOVER SANCTION).

    "Switzerland expelled two Soviet diplomats", "withdrew its inspectors from
    Iraq": not a coercion of people or a military retreat but a sanction.
    """
    if trig.event_class not in ("COERCE", "RETREAT"):
        return trig
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in envoys for c in verb.children):
        return trig
    kind = "expelled_envoys_of" if trig.event_class == "COERCE" else "withdrew_envoys_from"
    return replace(trig, type=kind, event_class="SANCTION")


def _issuer(verb: Token, table: UnitActors, documents: frozenset[str]) -> list[str]:
    """Who speaks through a document's participle: "X issued a statement condemning Y".

    The participle's subject is the document, which names no actor; the
    actor is the subject of the verb whose object the document is ("issued",
    "published", "adopted"). ``documents`` are the lexicon's document nouns.
    """
    doc = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or doc.lemma_.lower() not in documents:
        return []
    if doc.dep_ != "dobj" or doc.head.pos_ not in ("VERB", "AUX"):
        return []
    return subject_actors(doc.head, table)[0]


def _patient(subject: Token, verb: Token, table: UnitActors) -> list[str]:
    """The actors a passive subject names; "Hamas, which is backed by Iran": Hamas."""
    found = table.in_phrase(subject)
    if not found and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        found = table.in_phrase(verb.head)
    return found


def _governed(tok: Token, trig: Trigger, words: Governors) -> Trigger:
    """What a noun trigger says once its modifiers and governing verb are read.

    "Strained ties" are no cooperation, "a mutual defense treaty" is an
    alliance rather than an agreement, "suspended cooperation" cuts ties and
    "rejected talks" refuses them.
    """
    if trig.event_class == "COOPERATE" and strained(tok, words.straining):
        return replace(trig, type="has_strained_relations_with", event_class="DISAPPROVE")
    if trig.event_class == "COOPERATE" and _normalized(tok, words.normalizing):
        return replace(trig, type="normalizes_relations_with", event_class="AGREE")
    if trig.event_class == "AGREE" and allied(tok, words.allying):
        return replace(trig, type="allies_with", event_class="ALLIED_WITH")
    if trig.polarity == "cooperative" and _governor_lemma(_counting(tok, words)) in words.reducing:
        return replace(trig, type="reduced_relations_with", event_class="SANCTION")
    if trig.event_class == "PROTEST" and _governor_lemma(tok) in words.lodging:
        return replace(trig, type="protested_to", event_class="DISAPPROVE")
    if trig.polarity == "cooperative" and _governor_lemma(tok) in words.refusing:
        return replace(trig, type="rejects", event_class="REJECT", symmetric=False)
    if (
        trig.event_class in ("COERCE", "SANCTION")
        and _governor_lemma(tok) in words.easing
        and tok.head.dep_ != "xcomp"  # "called on Y to end its occupation": not yet eased
    ):
        if tok.lemma_.lower() in words.sieges:  # "lifted the blockade on Y": de-escalation
            return replace(trig, type="eased_blockade_of", event_class="RETREAT")
        return replace(trig, type="eased_restrictions_on", event_class="CONCEDE")
    return trig


def _counting(noun: Token, words: Governors) -> Token:
    """The ``quantity`` noun a trigger is counted by, else the trigger itself.

    "suspended part of a military aid program for Y": the verb governs "part",
    and what it does to the part it does to the program.
    """
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words.quantity:
        return head.head
    return noun


_NOUNS = ("NOUN", "PROPN")


def _noun_roles(word: Token, table: UnitActors, lexicon: Lexicon):
    trig = lexicon.noun(word.lemma_.lower(), word.lower_) if word.pos_ in _NOUNS else None
    tok = _carrier(word, lexicon) if trig is not None else None
    if trig is None or tok is None:
        return None
    if trig.event_class == "REQUEST" and any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for c in tok.children
    ):
        trig = _PHONE_CALL  # "a call with X" is talking to X, "a call for X" asks
    trig = _governed(tok, trig, lexicon.governors)
    if trig.polarity == "conflictual" and _governor_lemma(tok) in lexicon.governors.averting:
        return None  # "preventing conflict with Y", "avoid a war with Y": no act done
    backed = backing_roles(tok, table) if trig.event_class in ("SUPPORT", "AID") else None
    if backed is not None:
        return trig, *backed  # "X, with the support of Y, ...": Y supports X
    held = attitude_roles(tok, table) if trig.event_class in _ATTITUDES else None
    if held is not None:
        return trig, *held  # "X noted with concern Y's buildup": X on Y
    framed = _framed_roles(tok, trig, table)
    if framed is not None:
        return trig, *framed  # "Poland, a NATO member", "Y received aid from X"
    sources = _act_sources(tok, trig, table, lexicon)
    yielded = _yielded_roles(tok, trig, table, sources)
    if yielded is not None:
        return yielded  # "X retracted the bill following pressure from Y": X yields to Y
    paired = _between_roles(trig, list(dict.fromkeys(between(tok, table))), sources)
    if paired is not None:
        return trig, *paired
    targets = (
        target_actors(tok, trig, table)
        or light_verb_targets(tok, trig, table)
        or modifier_targets(tok, table, sources)
        or on_behalf_targets(tok, table)
    )
    if not targets and trig.polarity == "conflictual":
        targets = _guarded(tok, table, lexicon.governors.guarding)
    return trig, [s for s in sources if s not in targets], targets


#: Verbs whose subject is the goal of the act their object names: "Y received aid from X",
#: "Y faces pressure from X", "Y has enjoyed X's support", "Y won backing from X".
_RECEIVING = frozenset({"receive", "get", "obtain", "face", "enjoy", "win", "secure", "suffer"})
#: Verbs whose subject comes under an act: "Y came under attack from X".
_COMING_UNDER = frozenset({"come", "fall"})


def _received_roles(noun: Token, table: UnitActors) -> tuple[list[str], list[str]] | None:
    """(givers, receivers) of an act the subject receives or comes under, or None.

    "Y received military aid from X", "Y faces mounting pressure from X", "Y
    has enjoyed X's support", "Y came under attack from X": the verb's subject
    is the act's target, and its maker the noun's owner or the "from" or
    "by" phrase (which the parser hangs on the noun or on the verb). Read as
    the verb's object, the subject would be taken for the maker instead.
    """
    verb = _receiving_verb(noun)
    if verb is None:
        return None
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
    givers = [a for c in owners for a in table.in_phrase(c)]
    givers += [a for h in (noun, verb) for p in ("from", "by") for a in prep_actors(h, p, table)]
    receivers = [a for a in subject_actors(verb, table)[0] if a not in givers]
    givers = list(dict.fromkeys(givers))
    return (givers, list(dict.fromkeys(receivers))) if givers and receivers else None


def _receiving_verb(noun: Token) -> Token | None:
    """The verb through which the noun's act comes to the verb's subject, else None."""
    if noun.dep_ == "dobj" and noun.head.lemma_ in _RECEIVING:
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "under" and prep.head.lemma_ in _COMING_UNDER:
        return prep.head
    return None


#: Prepositions that set an act in the wake of another's pressure or demands.
_IN_THE_WAKE = frozenset({"following", "after", "under", "amid", "amidst"})
#: Classes of what presses an actor to act: pressure, demands, protests.
_PRESSING = frozenset({"COERCE", "REQUEST", "PROTEST"})
_YIELDS = Trigger("conceded_to", "CONCEDE", ())


def _yielded_roles(
    noun: Token, trig: Trigger, table: UnitActors, sources: list[str]
) -> tuple[Trigger, list[str], list[str]] | None:
    """An act done "under pressure from Y" yields to Y (PLOVER CONCEDE).

    "X retracted the bill following pressure from demonstrators", "under
    pressure from Washington, X agreed", "amid demands from Y": the pressing
    noun names no target of its own, and the one who acts in its wake is
    the clause's subject, who gives way to the noun's owner.
    """
    prep = noun.head
    if trig.event_class not in _PRESSING or not sources or noun.dep_ != "pobj":
        return None
    if prep.lower_ not in _IN_THE_WAKE or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    if target_actors(noun, trig, table):
        return None  # "after pressure from the US on Israel": the US presses Israel
    actors = [a for a in subject_actors(prep.head, table)[0] if a not in sources]
    return (_YIELDS, actors, sources) if actors else None


def _carrier(tok: Token, lexicon: Lexicon) -> Token | None:
    """The token whose phrase holds a noun trigger's actors (None: it carries another's act).

    A plain ``carriers`` noun after a trigger ("an aid package for Y", "a
    mediation effort between Y and Z") holds the act's owner and targets;
    such a noun carrying a trigger is no act of its own ("effort" is not
    cooperation there). A ``binding`` noun a reducing verb governs carries
    the verb's act ("suspended its commitments to Y": :func:`_backed_out`).
    """
    carriers = lexicon.governors.carriers
    if tok.lemma_.lower() in lexicon.governors.binding and (
        _governor_lemma(tok) in lexicon.governors.reducing
    ):
        return None
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in carriers:
        return tok.head
    if tok.lemma_.lower() in carriers and any(
        c.dep_ == "compound" and lexicon.noun(c.lemma_.lower(), c.lower_) is not None
        for c in tok.children
    ):
        return None
    return tok


def _between_roles(
    trig: Trigger, pair: list[str], sources: list[str]
) -> tuple[list[str], list[str]] | None:
    """Sources and targets of a noun with a "between X and Y" phrase (None: no such pair).

    Partners of a mutual act take part together ("an agreement between X and
    Y"); a one-way act between two is the first named's ("the war between X
    and Y"), unless the lexicon names "between" as the act's target: then
    both are its targets and the noun's own maker acts ("X's mediation
    between Y and Z").
    """
    if len(pair) < 2:
        return None
    if trig.symmetric:
        return pair, []
    if "between" in trig.targets:
        return [s for s in sources if s not in pair], pair
    return pair[:1], pair[1:]


def _guarded(noun: Token, table: UnitActors, guarding: frozenset[str]) -> list[str]:
    """Who a hostile act is aimed at, named as the one guarded against it.

    In "Y's defense against X's aggression", "protect Y against X's attacks"
    and "Y defended itself against X's raids" the act is aimed at Y: the
    owner of the guarding noun, else the object of the guarding verb, else
    its subject. ``guarding`` are the lexicon's ``governors.guarding`` words.
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "against" or prep.head.lemma_.lower() not in guarding:
        return []
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return [a for c in holder.children if c.dep_ == "poss" for a in table.in_phrase(c)]
    if holder.pos_ != "VERB":
        return []
    objects = [a for c in holder.children if c.dep_ == "dobj" for a in table.in_phrase(c)]
    return objects or subject_actors(holder, table)[0]


def _normalized(noun: Token, normalizing: frozenset[str]) -> bool:
    """A tie that a ``normalizing`` word governs: "normalization of ties", "restored relations"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return noun.head.head.lemma_.lower() in normalizing
    return _governor_lemma(noun) in normalizing


#: Classes of a stance a "with" phrase can state: "noted with appreciation", "with concern".
_ATTITUDES = frozenset({"SUPPORT", "DISAPPROVE"})

#: Classes a noun in apposition can state of the actor it describes.
_STANDING = frozenset({"MEMBER_OF", "ALLIED_WITH", "PART_OF"})


def _framed_roles(
    noun: Token, trig: Trigger, table: UnitActors
) -> tuple[list[str], list[str]] | None:
    """Roles a noun's frame gives: a standing noun beside or said of an actor, an act received."""
    if trig.event_class in _STANDING:
        return _standing_roles(noun, table)  # "Poland, a NATO member", "X is Y's ally"
    return _received_roles(noun, table)  # "Y received aid from X"


def _standing_roles(noun: Token, table: UnitActors) -> tuple[list[str], list[str]] | None:
    """A standing noun set beside an actor ("Poland, a NATO member") or said of one.

    Said of a subject with an owner ("X is Y's closest ally"), the owner is
    the other side: :func:`newsbrief.roles.predicated_roles`.
    """
    return described_roles(noun, table) or predicated_roles(noun, table)


def _act_sources(noun: Token, trig: Trigger, table: UnitActors, lexicon: Lexicon) -> list[str]:
    """Who does the act a noun names; none for a joint act others are asked to do."""
    if trig.symmetric and _asked_for(noun, lexicon):
        return []  # "X and Y called for a ceasefire": they ask others to agree to it
    return from_sources(noun, trig, table) or noun_source(
        noun, trig, table, lexicon.governors.quantity, lexicon.judging
    )


def _asked_for(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a joint act is what a request asks for: "called for a ceasefire", "urged talks".

    Those who call for a ceasefire or urge talks ask others to agree to them;
    they are no party to the act ("France and Germany called for a truce in
    Gaza" is no truce between France and Germany). A joint act with a "with"
    phrase is the asker's own offer ("X called for talks with Y") and stays.
    """
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    key = _verb_phrase(verb, lexicon)
    return key is not None and lexicon.verbs[key].event_class == "REQUEST"


def _governor_lemma(noun: Token) -> str | None:
    return noun.head.lemma_ if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


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
