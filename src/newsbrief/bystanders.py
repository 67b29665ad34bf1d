"""Who an article only quotes: media outlets, think tanks and their experts.

ANNOTATION.md: "Media outlets and think tanks quoted only as sources are not
actors." News cites them to say something about the participants ("told
CNN", "said Jane Doe, a professor of law at X University", "Institute for Y
President Z: ..."), so as nodes of the actor graph they only add noise. An
outlet the gazetteer does not list is recognized by name; an expert by the
words that introduce them (the title run before the name, an apposition),
which name a research post or institution, or a past office when the person
does nothing in the article but speak. A body named only in the words that
introduce such an expert goes with them. Officials and spokespeople of
participants stay: they speak *for* an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .parsed import ArticleParse, mention_span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

    from .gazetteer import Gazetteer
    from .model import Actor

__all__ = ["Bystanders", "drop_bystanders"]

_LEFT_RUN = frozenset({"PROPN", "NOUN", "ADJ", "ADP", "CCONJ", "DET", "PART", "NUM"})
_LEFT_MAX = 12
#: Prepositions after a name that give where the person works: "Jane Roe of the X Institute".
_AFFILIATION = frozenset({"of", "at", "from", "with"})
#: "according to the World Bank": a body cited for a figure or a finding.
_CITED = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Bystanders:
    """The words that tell an outlet, an expert or a research body (``ner_filters``)."""

    outlets: frozenset[str]
    expert_words: frozenset[str]
    research_words: frozenset[str]
    speech_verbs: frozenset[str]


def _bystanders(gaz: Gazetteer) -> Bystanders:
    return Bystanders(gaz.media_outlets, gaz.expert_words, gaz.research_words, gaz.quoting_verbs)


def _introduction(span: Span, toks: Span) -> list[Token]:
    """The words that introduce a name: the title run before it and its apposition."""
    words: list[Token] = []
    for tok in reversed(list(span.doc[max(span.start, toks.start - _LEFT_MAX) : toks.start])):
        if tok.pos_ not in _LEFT_RUN and tok.text not in ("’s", "'s", "’", "-"):
            break
        words.append(tok)
    root = toks.root
    for child in root.children:
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in _AFFILIATION):
            words += list(child.subtree)  # "X, a professor", "X of the Y Institute", "X at Z"
    if root.dep_ == "appos":
        words += [t for t in root.head.subtree if t.i < toks.start or t.i >= toks.end]
    return words


def _speaks(toks: Span, words: Bystanders) -> bool:
    """Whether the mention is the one who says something ("X said", "X told CNN", "X: ...")."""
    root = toks.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in words.speech_verbs:
        return True
    after = toks.doc[toks.end : toks.end + 2]
    return any(t.text == ":" for t in after)


def _expert(
    actor: Actor, parse: ArticleParse, words: Bystanders, serves_state: bool
) -> tuple[bool, set[tuple[int, int]]]:
    """(is an expert quoted as such, the character spans of the words introducing them).

    A former office makes an expert of someone who only speaks, unless it was
    a state's ("Former Nigerian President X warned"): a statesman stays one.
    """
    expert, former, acts = False, False, False
    spans: set[tuple[int, int]] = set()
    for loc in parse.mentions:
        m = loc.mention
        if loc.entry.id != actor.id or loc.how.startswith("coref"):
            continue
        unit, span = parse.units[m.unit], parse.spans[m.unit]
        toks = mention_span(unit, span, loc.mention)
        if toks is None or not len(toks):
            continue
        intro = _introduction(span, toks)
        lemmas = {t.lemma_.lower() for t in intro} | {t.text for t in intro}
        expert |= bool(lemmas & words.expert_words) or bool(lemmas & words.research_words)
        former |= "former" in lemmas
        acts |= not _speaks(toks, words)
        if intro:
            base = unit.start - span.start_char
            spans |= {(m.unit, t.idx + base) for t in intro}
    return expert or (former and not acts and not serves_state), spans


def drop_bystanders(
    parse: ArticleParse, actors: Sequence[Actor], gaz: Gazetteer
) -> tuple[list[Actor], ArticleParse]:
    """Remove outlets, quoted experts and the bodies named only to introduce them.

    Parameters
    ----------
    parse : ArticleParse
        The parse with every mention (coreferent ones included).
    actors : sequence of Actor
        The actors after coreference.
    gaz : Gazetteer
        For the outlet, expert and research words (``ner_filters``).

    Returns
    -------
    actors : list of Actor
        Without the bystanders. The gazetteer's own actors stay unless the
        text names them only to introduce an expert ("a professor at South
        Africa's University of X" makes no participant of South Africa).
    parse : ArticleParse
        Without their mentions.

    Examples
    --------
    "..., said Jane Roe, a professor of law at Some University." drops the
    person ``jane-roe`` and "Some University"; "CNN" (an outlet) goes too.
    """
    words = _bystanders(gaz)
    states = {a.id for a in actors if a.type == "state"}
    gone: set[str] = set()
    intro: set[tuple[int, int]] = set()
    for actor in actors:
        if actor.type == "organization" and _cited_only(actor, parse):
            gone.add(actor.id)
        if gaz.entry(actor.id) is not None:
            continue
        if actor.type == "organization" and _is_outlet(actor, words):
            gone.add(actor.id)
        elif actor.type == "person":
            expert, spans = _expert(actor, parse, words, actor.part_of in states)
            if expert:
                gone.add(actor.id)
                intro |= spans
    for actor in actors:
        if actor.id in gone or actor.type == "person":
            continue
        if actor.mentions and all(_inside(m, intro) for m in actor.mentions):
            gone.add(actor.id)
    kept = [a for a in actors if a.id not in gone]
    return kept, parse.with_mentions(x for x in parse.mentions if x.entry.id not in gone)


def _cited_only(actor: Actor, parse: ArticleParse) -> bool:
    """An organization named only as the source of a figure ("according to the World Bank")."""
    return bool(actor.mentions) and all(
        _CITED.search(parse.units[m.unit].text[: m.start - parse.units[m.unit].start])
        for m in actor.mentions
    )


def _is_outlet(actor: Actor, words: Bystanders) -> bool:
    """An outlet by name, in any case: mastheads are often written in capitals ("POLITICO")."""
    outlets = {o.casefold() for o in words.outlets}
    names = {n.casefold() for n in (actor.name, *actor.aliases)}
    return any(n in outlets or n.removeprefix("the ") in outlets for n in names)


def _inside(m, intro: set[tuple[int, int]]) -> bool:
    """Whether a mention starts among the words that introduce an expert."""
    return (m.unit, m.start) in intro
