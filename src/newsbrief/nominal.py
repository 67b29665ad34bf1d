"""More readings of nominal triggers, for the relation step.

:mod:`newsbrief.roles` reads the parse around a trigger for its actors; this
module holds readings of a trigger that change what it says or who acts in
it: a tie named in a bad state ("strained ties" are no cooperation), the
giver of a nominal event after "from" ("condemnation from Israel"), and
backing that names arms, money or a defense ("support Y's defense" is aid),
a threat word that names a danger, not a threat made ("poses a threat"),
an act framed as a prospect ("prepared to conclude a deal with Y"), and a
deployment of arms rather than of people ("the deployment of missiles in Y").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .roles import prep_actors

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .relation_lexicon import Trigger
    from .unit_actors import UnitActors

__all__ = [
    "allied",
    "armed_deployment",
    "danger",
    "from_sources",
    "material",
    "prospective",
    "strained",
]

#: Verbs through which a state is said of their subject: "ties are tense", "remain at a low".
_COPULAS = frozenset({"be", "remain", "stay", "become", "grow", "get", "sink", "fall", "hit"})


def _says(tok: Token, words: frozenset[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


def allied(noun: Token, words: frozenset[str]) -> bool:
    """Whether an agreement noun names an alliance: "a mutual defense treaty", "security pact"."""
    return any(c.dep_ in ("amod", "compound") and _says(c, words) for c in noun.children)


def strained(noun: Token, words: frozenset[str]) -> bool:
    """Whether a tie noun is said to be in a bad state, so it is no cooperation.

    "Strained ties with X", "relations between X and Y have soured", "ties
    are tense", "relations are at their lowest": a ``straining`` word as the
    noun's modifier, as the verb it is the subject of, as that verb's
    complement, or as the object of "at" after it. The relation stays
    between the same actors, with its polarity turned.

    Examples
    --------
    "the increasingly strained relations with Beijing" -> True;
    "closer relations with Beijing" -> False.
    """
    if any(c.dep_ == "amod" and _says(c, words) for c in noun.children):
        return True
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if _says(verb, words):
        return True
    if verb.lemma_ not in _COPULAS:
        return False
    for c in verb.children:
        if c.dep_ in ("acomp", "attr", "oprd") and _says(c, words):
            return True
        if c.dep_ == "prep" and c.lower_ == "at":
            states = [o for o in c.children if o.dep_ == "pobj"]
            states += [m for o in states for m in o.children if m.dep_ == "amod"]
            if any(_says(o, words) for o in states):  # "at a low", "at their lowest point"
                return True
    return False


def from_sources(noun: Token, trigger: Trigger, actors: UnitActors) -> list[str]:
    """The giver of a nominal event after "from": "condemnation from Israel", "aid from Japan".

    "From" names where a statement, a gift or a demand comes from, unless the
    trigger reads "from" as its target ("withdrawal from", "demands from").
    """
    if "from" in trigger.targets:
        return []
    return prep_actors(noun, "from", actors)


#: Prepositions that name the means of backing: "including (through) aid", "with weapons".
_MEANS = frozenset({"including", "with", "through"})
#: The head nouns of a means phrase: "through military assistance", "with weapons and money"
#: (not the words of a name in it: "through the Nordic Defense Cooperation framework").
_HEADS = frozenset({"pobj", "conj"})


def material(tok: Token, words: frozenset[str]) -> bool:
    """Whether backing names material aid, so it is PLOVER AID rather than verbal SUPPORT.

    PLOVER's AID is arms, money, supplies or a defense sustained; SUPPORT is
    saying one backs Y. Backing is material when its object is a ``materiel``
    word ("support Y's defense", "support for Y's armed forces") or when a
    phrase after "including", "with" or "through", on the trigger or on the
    verbs whose object or complement it is, names one as its head
    ("pledged to continue their support for Y, including through military
    assistance", "back Y with weapons"; not "through the Defense Council").

    Examples
    --------
    "will continue to support Ukraine's defense" -> True;
    "will continue to support Ukraine" -> False.
    """
    preps = [c for c in tok.children if c.dep_ == "prep"]
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [
        o for p in preps if p.lower_ in ("for", "to") for o in p.children if o.dep_ == "pobj"
    ]
    if any(_says(o, words) for o in objects):
        return True
    holder = tok
    while holder.dep_ in ("dobj", "xcomp") and holder.head is not holder:
        holder = holder.head  # "pledged to continue their support ..., including ...": the verbs'
        preps += [c for c in holder.children if c.dep_ == "prep"]
    means = [t for p in preps if p.lower_ in _MEANS for t in p.subtree if t.dep_ in _HEADS]
    return any(_says(t, words) for t in means)


def _deployed(tok: Token) -> list[Token]:
    """What a deployment word sends, with the words joined to it by "and".

    The verb's object or passive subject, the noun's "of" phrase or compound:
    "deployed missiles", "missiles were deployed", "the deployment of
    missiles", "the missile deployment".
    """
    if tok.pos_ in ("NOUN", "PROPN"):
        # A proper-noun compound is the deployer ("the US deployment"), not what is sent.
        heads = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        heads += [
            o
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    else:
        heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return heads + [c for h in heads for c in h.conjuncts]


def armed_deployment(tok: Token, words: frozenset[str]) -> bool:
    """Whether a deployment sends arms, not people: its relation then reads so.

    The lexicon's deployment words read "deploys personnel to" ("deployed
    troops to Y"), but the same words send missiles, batteries and warships
    ("the deployment of long-range missiles in Y", "stationed air-defense
    systems in Y"), and a reader of "deploys personnel" then looks for
    soldiers the text never names. When every deployed thing is one of the
    ``weapons`` words the wording says arms; a mixed object ("troops and
    tanks") keeps the people.

    Examples
    --------
    "deployed missiles to Y" -> True; "deployed troops and tanks to Y" -> False.
    """
    sent = _deployed(tok)
    return bool(sent) and all(_says(t, words) for t in sent)


#: What a threat verb announces: "threatened to act", "threatened that ...", "threatened Y with".
_ANNOUNCED = frozenset({"xcomp", "ccomp"})


def danger(tok: Token, words: frozenset[str]) -> bool:
    """Whether a threat word names a danger rather than a threat made (no PLOVER THREATEN).

    PLOVER's THREATEN is a threat communicated: a verb of threat announces
    an act ("threatened to shell Y", "threatened that it would retaliate",
    "threatened Y with sanctions"). Without one, "X's actions threaten the
    safety of Y" or "so that X can never again threaten Y" say X endangers
    Y; "X poses a threat to Y" says the same with a noun.

    Examples
    --------
    "Chile threatened to close the border with Peru" (``threaten``) -> False;
    "Chile's actions threaten Peru" -> True.
    """
    if not _says(tok, words):
        return False
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok.dep_ == "dobj" and tok.head.lemma_ == "pose"
    return not any(
        c.dep_ in _ANNOUNCED or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children
    )


#: Links a framed act climbs to its frame: objects, prepositions, infinitives, modifiers.
_FRAMED_BY = frozenset({"dobj", "pobj", "prep", "pcomp", "xcomp", "acl", "compound", "conj"})
#: How far a frame may stand above its act ("prepared to conclude a set of deals with Y").
_FRAME_REACH = 6


def prospective(tok: Token, words: frozenset[str]) -> bool:
    """Whether a ``prospect`` word frames the act ``tok`` names as still to come.

    The frame governs the act through objects, prepositions and infinitives
    within its own clause: "remains prepared to conclude a set of deals with
    Y", "their intent to convene for talks", "a pathway for establishing
    normalization", "efforts to reach agreements". A reported clause
    ("said that talks were held") is another clause: its act is no prospect.

    Examples
    --------
    "X is ready to hold talks with Y" -> True (for "talks");
    "X held talks with Y" -> False.
    """
    node = tok
    for _ in range(_FRAME_REACH):
        if node.dep_ not in _FRAMED_BY or node.head.i == node.i:
            return False
        node = node.head
        if _says(node, words):
            return True
    return False
