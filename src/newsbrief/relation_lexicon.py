"""The relation lexicon: verb and noun triggers, typed and checked when loaded.

Each trigger names a relation type and its PLOVER class (checked against
:data:`newsbrief.vocabulary.CLASS_POLARITY` at load time, naming the file),
which fixes its polarity; the extraction reads only these typed records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from .config import package_file, read_yaml, read_yaml_mapping, read_yaml_unique
from .errors import NewsbriefError
from .vocabulary import CLASS_POLARITY

if TYPE_CHECKING:
    pass

__all__ = ["Governors", "Lexicon", "Trigger", "load_lexicon"]


@dataclass(frozen=True)
class Trigger:
    """A lexicon entry: what a verb or noun means as a relation."""

    type: str
    event_class: str
    targets: tuple[str, ...]
    symmetric: bool = False
    collective: bool = False

    @property
    def polarity(self) -> str:
        """Cooperative, conflictual or structural: what the class implies."""
        return CLASS_POLARITY[self.event_class]


@dataclass(frozen=True)
class Governors:
    """Verbs and nouns that change what the trigger they govern says.

    Read from the ``governors`` section of ``data/relations.yaml``, so a user
    extends them there: ``reducing`` verbs turn a cooperative noun object into
    a cut ("suspended cooperation with"), ``refusing`` verbs into a refusal
    ("rejected talks with"), ``denying`` verbs negate the event they govern
    ("denied supporting"), ``quantity`` nouns count the events they govern
    ("a wave of strikes"), whose actor is the counting noun's and whose
    governing verb acts on them ("suspended part of the aid program"), and
    ``straining`` words say a cooperative tie is in a bad state ("strained
    ties", "relations soured", "ties at a low"), and ``allying`` modifiers
    make an agreement an alliance ("a mutual defense treaty", "a security
    pact"; "a peace treaty" stays an agreement); ``stating`` verbs report a
    statement whose "Y must act" demands that Y act; ``threatening`` verbs
    make the hostile act they govern a threat ("threatened to shell X",
    "threatened sanctions against X"); ``easing`` verbs undo the coercion
    their object names ("lifted the curfew in X": a concession to X); and
    ``documents`` are the nouns whose participle speaks for their issuer
    ("X issued a statement condemning Y": X condemns Y); ``envoys`` are the
    people whose expulsion or withdrawal cuts relations ("expelled two
    diplomats", "withdrew its inspectors from X": PLOVER SANCTION);
    ``lodging`` verbs make a protest a formal complaint ("lodged a protest
    with Y": DISAPPROVE, not a demonstration); ``frontiers`` are places named
    by the actor beyond them ("troops to the border with Y" reach Y); the
    easing of ``sieges`` is a military de-escalation ("lifted the blockade on
    Y": PLOVER RETREAT) rather than a concession; ``normalizing`` words
    make a tie they govern a settlement ("the normalization of relations
    between X and Y", "restored ties with Y": PLOVER AGREE), not cooperation
    under way; ``guarding`` words name who an attack is aimed at by who they
    guard ("Ukraine's defense against Russian aggression", "protect Y against
    X's attacks": X attacks Y); ``joint`` modifiers make the actors that name
    one unit partners ("the joint HNP/MSS forces": PLOVER COOPERATE);
    ``reporting`` verbs tell of an act without doing it ("X reported the
    attack on Y": X is no attacker), as the judging verbs do; ``materiel``
    nouns make backing material ("support Y's defense", "support for Y,
    including military assistance": PLOVER AID, not verbal SUPPORT);
    ``endangering`` words say a danger unless they announce an act ("poses a
    threat to Y", "actions that threaten Y": no PLOVER THREATEN); ``averting``
    verbs keep the hostile act their object names from happening
    ("preventing conflict with Y": no FIGHT); ``asking`` nouns ask another to
    do their infinitive ("Y's proposal to intercept the missiles": Y does not
    intercept them); ``holding`` verbs lay blame on their object with a
    ``culpable`` word after it ("holds Y responsible for"); ``carriers`` are
    plain nouns that carry the act their modifier names ("an aid package for
    Y", "a mediation effort between Y and Z"): the act takes its actors from
    the carrier's phrase, and the carrier says nothing of its own;
    ``prospect`` words frame the act they govern as one still to come
    ("prepared to conclude a deal with Y", "their intent to convene for
    talks", "a pathway to normalization"): the guide codes such an act with
    its class, and the relation's wording says it is a prospect;
    ``weapons`` deployed make a deployment one of arms, not of people ("the
    deployment of missiles in Y", "deployed rocket launchers to Y"): the
    class stays, the wording says what is sent; ``ousting`` nouns name a
    leader's leaving office ("demanded the resignation of Y", "called for
    the ouster of Y"): a demand for one asks Y (CAMEO 1041, PLOVER REQUEST);
    ``binding`` nouns name what an actor owes under an agreement ("suspended
    its obligations toward Y", "its participation in the treaty"): suspending
    one backs out of the agreement (PLOVER REJECT), and the wording says so.
    """

    reducing: frozenset[str] = frozenset()
    refusing: frozenset[str] = frozenset()
    denying: frozenset[str] = frozenset()
    quantity: frozenset[str] = frozenset()
    straining: frozenset[str] = frozenset()
    allying: frozenset[str] = frozenset()
    stating: frozenset[str] = frozenset()
    threatening: frozenset[str] = frozenset()
    easing: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    envoys: frozenset[str] = frozenset()
    lodging: frozenset[str] = frozenset()
    frontiers: frozenset[str] = frozenset()
    sieges: frozenset[str] = frozenset()
    normalizing: frozenset[str] = frozenset()
    guarding: frozenset[str] = frozenset()
    joint: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    materiel: frozenset[str] = frozenset()
    endangering: frozenset[str] = frozenset()
    averting: frozenset[str] = frozenset()
    asking: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    holding: frozenset[str] = frozenset()
    culpable: frozenset[str] = frozenset()
    prospect: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    ousting: frozenset[str] = frozenset()
    binding: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Verb, noun and modifier triggers, read from ``data/relations.yaml``.

    ``modifiers`` are participles written with their agent in front
    ("Iran-backed", "Kenya-led"), which mean more than the verb alone: an
    "Iran-backed militia" is armed and paid, not merely endorsed.
    """

    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    modifiers: dict[str, Trigger] = field(default_factory=dict)
    governors: Governors = Governors()
    speech_titles: frozenset[str] = frozenset()
    judgement_verbs: frozenset[str] = frozenset()
    #: A relation type's wording when a ``prospect`` word frames its act
    #: ("reached_agreement_with" -> "seeks_agreement_with").
    prospect_types: dict[str, str] = field(default_factory=dict)

    def noun(self, lemma: str, word: str) -> Trigger | None:
        """The trigger of a noun by its lemma, else as written ("talks", "sanctions", "ties")."""
        return self.nouns.get(lemma) or self.nouns.get(word)

    @cached_property
    def judging(self) -> frozenset[str]:
        """Verbs whose subject speaks of the act their object names, not its actor.

        "X condemned the attack on Y", "X welcomed the agreement", "X reported
        the strike on Y": the claims lexicon's ``judgement_verbs`` (one list for
        both steps) and the ``reporting`` governors. Governors that make the act
        their subject's ("rejected talks with Y", "cut ties with Y", "lifted the
        ban on Y") are left out. Built once per lexicon (the lexicon is frozen):
        the relation readings ask for it at many nouns and verbs, and its eight
        set unions took 7 ms CPU of each pass over the 35 corpus texts (2,560 calls).
        """
        g = self.governors
        own = g.refusing | g.reducing | g.easing | g.lodging | g.normalizing | g.threatening
        return frozenset((self.judgement_verbs | g.reporting) - own)

    @property
    def symmetric_types(self) -> frozenset[str]:
        """Relation types that hold both ways."""
        return frozenset(
            t.type for t in [*self.verbs.values(), *self.nouns.values()] if t.symmetric
        )


def _event_class(spec: dict, lemma: str, path: object) -> str:
    cls = spec.get("class")
    if cls not in CLASS_POLARITY:
        known = ", ".join(sorted(CLASS_POLARITY))
        raise NewsbriefError(f"{path}: {lemma}: class {cls!r} is not one of {known}")
    return str(cls)


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Load the relation lexicon once per process.

    Parameters
    ----------
    path : str, optional
        A YAML file in the shape of ``data/relations.yaml``; the shipped one by default.

    Returns
    -------
    Lexicon
    """
    # A user's file refuses a key given twice (the last one was kept without a word).
    source, parser = (
        (path, read_yaml_unique) if path else (package_file("relations.yaml"), read_yaml)
    )
    data = read_yaml_mapping(source, "relations lexicon", parser)
    default = tuple(_word(t) for t in data.get("default_targets", ["dobj"]))

    def table(key: str) -> dict[str, Trigger]:
        return {
            lemma: Trigger(
                spec["type"],
                _event_class(spec, lemma, source),
                tuple(_word(t) for t in spec.get("targets", default)),
                bool(spec.get("symmetric", False)),
                bool(spec.get("collective", spec.get("symmetric", False))),
            )
            for lemma, spec in (data.get(key) or {}).items()
        }

    words = data.get("governors") or {}
    if not isinstance(words, dict):
        raise NewsbriefError(f"{source}: governors must map a kind to a list of words")
    governors = Governors(
        **{kind: frozenset(str(w).lower() for w in words.get(kind) or ()) for kind in _GOVERNORS}
    )
    titles = frozenset(str(w).lower() for w in data.get("speech_titles") or ())
    prospects = data.get("prospect_types") or {}
    if not isinstance(prospects, dict):
        raise NewsbriefError(f"{source}: prospect_types must map a type to a type")
    return Lexicon(
        table("verbs"),
        table("nouns"),
        table("modifiers"),
        governors,
        titles,
        _judgement_verbs(),
        {str(k): str(v) for k, v in prospects.items()},
    )


def _judgement_verbs() -> frozenset[str]:
    """The verbs of praise and blame, kept once in ``data/claims.yaml`` (``category``)."""
    claims = read_yaml_mapping(package_file("claims.yaml"), "claims lexicon")
    words = (claims.get("category") or {}).get("judgement_verbs") or ()
    return frozenset(str(w).lower() for w in words)


_GOVERNORS = (
    "reducing",
    "refusing",
    "denying",
    "quantity",
    "straining",
    "allying",
    "stating",
    "threatening",
    "easing",
    "documents",
    "envoys",
    "lodging",
    "frontiers",
    "sieges",
    "normalizing",
    "guarding",
    "joint",
    "reporting",
    "materiel",
    "endangering",
    "averting",
    "asking",
    "carriers",
    "holding",
    "culpable",
    "prospect",
    "weapons",
    "ousting",
    "binding",
)


def _word(value: object) -> str:
    """YAML 1.1 reads a bare ``on`` as True: take it back as the preposition."""
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
