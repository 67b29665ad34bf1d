"""Which actor each word of one sentence names, for the relation step.

The actor step marks the words of every name; the relation step also needs
"it" and "its" (a subject "it" the body its governing clause is about, else
the last body or state named, else the first named in the sentence before:
never a person), "they" (the last group), "I" and "we" in what
an actor says (the speaker and the speaker's side), the "we" of a declaration
(its parties) and the actors inside a noun phrase ("the leaders of France and
Germany"). This table answers those questions for one unit.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from spacy.tokens import Span, Token

    from .actors import Located
    from .model import Unit

__all__ = ["NP_PARTS", "UnitActors", "declared_by", "hyphened", "quote_open"]

NP_PARTS = ("compound", "amod", "poss", "nmod", "appos", "conj", "npadvmod")
_GROUP_HEADS = frozenset(
    [
        "member",
        "members",
        "force",
        "forces",
        "troops",
        "government",
        "officials",
        "leader",
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
        # "the republic of X", "the people of X", "the commander of X": X.
        "republic",
        "kingdom",
        "people",
        "citizens",
        "population",
        "authorities",
        "chief",
        "commander",
        "commanders",
        # What is a state's own, as its possessive says it ("Ukraine's sovereignty"):
        # "violated the sovereignty of X", "defended the interests of X": X.
        "sovereignty",
        "integrity",
        "independence",
        "territory",
        "airspace",
        # A part of a state's land is the state's: "occupied parts of X", "annexed part of X".
        "part",
        "parts",
        "portion",
        "portions",
        "interest",
        "interests",
        "right",
        "rights",
        "security",
        # What an actor owns, whose damage or seizure harms the owner (lemmas): "set
        # fire to the offices of X", "hacked into the computers of X": X.
        "office",
        "headquarters",
        "home",
        "property",
        "asset",
        "computer",
        "network",
        # A count of people names them through "of": "killed dozens of X", "hundreds of
        # X marched", "detained scores of X" (lemmas and plurals, as the parser gives either).
        "dozen",
        "dozens",
        "score",
        "scores",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "tens",
    ]
)
_PRONOUNS = frozenset({"it", "its", "itself"})
#: Prepositions of a noun's place: "militias in Iraq", "fighters across Syria".
_PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout", "near", "inside"})
#: Modals that lay an obligation on a clause's subject.
_OBLIGING = frozenset({"must", "should"})
_SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "warn", "state", "declare", "write", "post", "insist", "stress"]
)
_SINGULAR = frozenset({"i", "me", "my"})
_FIRST_PERSON = frozenset({"we", "us", "our", *_SINGULAR})
_PLURAL_PRONOUNS = frozenset({"they", "their"})


class UnitActors:
    """Token -> actor ids for one unit, with "its" resolved to the last actor."""

    def __init__(
        self,
        unit: Unit,
        span: Span,
        located: Iterable[Located],
        tokens: dict[int, list[str]],
        previous: str | None,
        group: Sequence[str] = (),
        declarants: Sequence[str] = (),
        quoting: tuple[str, str] | None = None,
        acts: frozenset[str] = frozenset(),
    ):
        located = list(located)
        #: Nouns that name an act (the relation lexicon's noun triggers): "strike", "talks".
        self.act_nouns = acts
        self.types = {loc.entry.id: loc.entry.type for loc in located}
        #: The body or state each actor of the unit belongs to (``part_of``), if any.
        self.sides = {loc.entry.id: loc.entry.part_of for loc in located if loc.entry.part_of}
        self.by_token: dict[int, list[str]] = defaultdict(list, tokens)
        base = unit.start - span.start_char
        order = [(loc.mention.start - base, loc.entry.id) for loc in located]
        #: Tokens of a name that is a place as well as its actor: a capital or seat
        #: of government ("Helsinki", "the Kremlin") or a government body named by its
        #: building ("the White House"), which can be where an event takes place.
        self.sites = frozenset(
            tok.i
            for loc in located
            if loc.how == "capital" or loc.entry.type == "government"
            for tok in span
            if loc.mention.start - base <= tok.idx < loc.mention.end - base
        )
        for tok in span:
            if self.by_token.get(tok.i):
                continue
            if tok.lower_ in _PRONOUNS:
                ref = self._it(tok, order, previous)
                if ref:
                    self.by_token[tok.i].append(ref)
            elif tok.lower_ in _PLURAL_PRONOUNS and len(group) > 1:
                self.by_token[tok.i].extend(group)
        self._bind_their(span)
        #: Who did the hostile acts told so far, by trigger lemma ("strike" -> the
        #: striker): the maker of "the strike" that a later sentence condemns.
        self.acts: dict[str, list[str]] = {}
        #: (speaker, speaker's side) of what this unit quotes, or None.
        self.speaker = self._first_person(
            span, {loc.entry.id: loc.entry.part_of for loc in located}, quoting
        )
        for tok in span if declarants else ():
            if not self.by_token.get(tok.i) and tok.lower_ in _FIRST_PERSON - _SINGULAR:
                self.by_token[tok.i].extend(declarants)

    def _it(self, tok: Token, order: list[tuple[int, str]], previous: str | None) -> str | None:
        """The actor "it" or "its" stands for: never a person; a subject continues a subject.

        "Chile says its navy seized a Peruvian trawler, which it accused of
        spying": a subject "it" is the body or state its governing clause is
        about (centering), not the actor named last ("Peruvian"). A person
        named last is never "it" ("Lind warned that it would end badly").
        """
        if tok.dep_ in ("nsubj", "nsubjpass"):
            governing = self._addressee(tok) or self._governing_body(tok)
            if governing is not None:
                return governing
        before = [a for idx, a in order if idx < tok.idx and self.types.get(a) != "person"]
        return before[-1] if before else previous

    def _addressee(self, tok: Token) -> str | None:
        """The one actor told that "it" must or should act: "told Y that it must leave".

        An obligation said to an actor ("issued a reminder to Y that it must
        cooperate", "warned Y that it should withdraw") is laid on the one told,
        not on the speaker, the subject of the governing clause.
        """
        clause = tok.head
        if clause.dep_ not in ("ccomp", "acl") or not any(
            a.dep_ == "aux" and a.lower_ in _OBLIGING for a in clause.children
        ):
            return None
        host = clause.head
        verb = host if host.pos_ == "VERB" else host.head
        told = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i != host.i]
        told += [
            o
            for h in {host, verb}
            for c in h.children
            if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for o in c.children
            if o.dep_ == "pobj"
        ]
        found = {a for c in told for a in self.in_phrase(c) if self.types.get(a) != "person"}
        return next(iter(found)) if len(found) == 1 else None

    def _governing_body(self, tok: Token) -> str | None:
        """The one body or state subject of the nearest clause over ``tok`` that has one."""
        for verb in tok.ancestors:
            subjects = [
                c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i
            ]
            if not subjects:
                continue
            found = {
                a
                for c in subjects
                if c.i < tok.i
                for a in self.in_phrase(c)
                if self.types.get(a) != "person"
            }
            return next(iter(found)) if len(found) == 1 else None
        return None

    def _bind_their(self, span: Span) -> None:
        """In "X and Y reiterated their condemnation", "their" is the clause's own subject.

        A possessive in a clause refers to that clause's plural subject before
        any group named in earlier sentences.
        """
        for tok in span:
            if tok.lower_ != "their" or tok.dep_ != "poss":
                continue
            verb = tok.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            subject = [c for c in verb.children if c.dep_ == "nsubj" and c.i < tok.i]
            ids = list(dict.fromkeys(a for c in subject for a in self.in_phrase(c)))
            if len(ids) > 1:
                self.by_token[tok.i] = ids

    def _first_person(
        self, span: Span, part_of: dict[str, str | None], quoting: tuple[str, str] | None
    ) -> tuple[str, str] | None:
        """In what one actor says, "I" is the speaker and "we" the speaker's side.

        "We warn North Korea," the Joint Chiefs said; "our airspace," said the
        Polish minister: "we" is the body, or the state a person speaks for.
        ``quoting`` is the speaker of a quotation still open from an earlier
        unit, for a unit that names none of its own.
        """
        speakers = [
            a
            for tok in span
            if tok.lemma_ in _SPEECH_VERBS
            for s in tok.children
            if s.dep_ == "nsubj"
            for a in self.by_token.get(s.i, [])
        ]
        if len(set(speakers)) == 1:
            me, us = speakers[0], part_of.get(speakers[0]) or speakers[0]
        elif not speakers and quoting is not None:
            me, us = quoting
        else:
            return None
        for tok in span:
            if not self.by_token.get(tok.i) and tok.lower_ in _FIRST_PERSON:
                self.by_token[tok.i].append(me if tok.lower_ in _SINGULAR else us)
        return me, us

    def in_phrase(self, head: Token, depth: int = 0, acting: bool = False) -> list[str]:
        """Actors named by the noun phrase headed by ``head``.

        ``acting``: the phrase is who acts (a subject), so an owned act keeps
        only its owner (``owned_act``).
        """
        found = list(self.by_token.get(head.i, []))
        if depth > 3:
            return found
        placed = acting and not found and self.owned_act(head)
        # "Iran's foreign minister, Abbas Araghchi": a title that names no actor, set
        # beside a person, is that person; its owner is no second actor (gold development
        # relation F1 0.819 -> 0.820, held-out unchanged).
        named = [c for c in head.children if c.dep_ == "appos" and self._person(c)]
        if not found and named:
            return list(dict.fromkeys(a for c in named for a in self.in_phrase(c, depth + 1)))
        for child in head.children:
            if self._where(head, child, placed):
                continue
            if found and child.dep_ == "appos" and _owned(child):
                # "Hezbollah, Iran's main proxy": the apposition's owner is no second actor.
                found += self.by_token.get(child.i, [])
                continue
            if child.dep_ in NP_PARTS and not hyphened(child):  # not "the Iran-backed"
                found += self.in_phrase(child, depth + 1)
            elif child.dep_ == "prep" and child.lower_ == "of" and head.lemma_ in _GROUP_HEADS:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found += self.in_phrase(obj, depth + 1)
        return list(dict.fromkeys(found))

    def _where(self, head: Token, child: Token, placed: bool) -> bool:
        """A modifier that names where the phrase's act or people are, not who they are."""
        if placed and child.dep_ == "compound":
            return True  # "its Beirut strike": Beirut is where, its owner who
        # "militias in Iraq and Syria": Syria is where, as Iraq is.
        return child.dep_ == "conj" and self._place_continued(head, child)

    def _place_continued(self, head: Token, conj: Token) -> bool:
        """A place conjoined to a noun after its place phrase, which it continues.

        In "militias in Iraq and Syria attacked", "officials in Washington and
        Moscow said", the parser hangs the second place on the noun, not on the
        first place: it is where, as the first is, and no actor of the phrase.
        """
        after_place = any(
            c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS and c.i < conj.i
            for c in head.children
        )
        named = self.by_token.get(conj.i, [])
        return (
            after_place
            and not self.by_token.get(head.i)
            and bool(named)
            and all(self.types.get(a) in ("state", "region") or conj.i in self.sites for a in named)
        )

    def _person(self, tok: Token) -> bool:
        """Whether the word names a person: "Iran's foreign minister, Abbas Araghchi"."""
        return any(self.types.get(a) == "person" for a in self.by_token.get(tok.i, []))

    def owned_act(self, head: Token) -> bool:
        """A noun naming an act owned by an actor: "its Beirut strike", "Israel's Gaza war".

        Its owner is who acts; a name compounded in front of it tells where the
        act took place or on whom ("Beirut", "Gaza"), not a second actor. A
        group's noun is no act: "its US allies" are the US.
        """
        named = head.lemma_.lower() in self.act_nouns or head.lower_ in self.act_nouns
        named = named and head.lower_ not in _GROUP_HEADS and head.lemma_ not in _GROUP_HEADS
        return named and any(c.dep_ == "poss" and self.by_token.get(c.i) for c in head.children)

    def venue(self, noun: Token, child: Token) -> bool:
        """A site compounded before a meeting noun that names its other party: where, not who.

        "a White House summit with X", "the Helsinki summit with X", "Kremlin
        talks with X": the name before the noun is where the parties met, as in
        "a summit in Helsinki". A state's own name stays a party ("a US summit
        with X"), and so does a site before a meeting that names no party.
        """
        return (
            child.dep_ == "compound"
            and any(t.i in self.sites for t in child.subtree)
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)
        )


def _owned(noun: Token) -> bool:
    """Whether a noun names whose it is: "Iran's proxy", "a key US ally", "the Iranian envoy".

    Set beside an actor, such a noun describes that actor; its owner is no
    second actor of the phrase ("Pakistan, a key US ally, refused": the US
    refused nothing). Gold held-out relation F1 0.603 -> 0.605 with the
    possessive alone, 0.606 with modifiers too; development unchanged.
    """
    return any(c.dep_ in ("poss", "amod", "compound") for c in noun.children)


def declared_by(span: Span, actors: UnitActors) -> list[str]:
    """The parties of a declaration that names them: "We, the Prime Ministers of X and Y, ..."."""
    for tok in span:
        if tok.lower_ == "we":
            named = [
                a
                for c in tok.children
                if c.dep_ == "appos"
                for t in c.subtree
                for a in actors.by_token.get(t.i, [])
            ]
            if named:
                return list(dict.fromkeys(named))
    return []


def hyphened(tok: Token) -> bool:
    """A participle written with its agent in front: "Iran-backed", "Kenya-led"."""
    return tok.pos_ == "VERB" and any(c.tag_ == "HYPH" and c.i < tok.i for c in tok.children)


def quote_open(text: str, inside: bool) -> bool:
    """Whether a quotation is still open at the end of a unit that starts ``inside`` one.

    A quote that runs over several sentences ("... ," she said. "We will
    act. Our allies agree.") keeps its speaker until it closes.
    """
    for ch in text:
        if ch in "“”":
            inside = ch == "“"
        elif ch == '"':
            inside = not inside
    return inside
