"""One article's parse, built once and handed to every step.

The steps after the parse (actors, coreference, relations, claims) all read
the same units, their spaCy spans and the actor mentions found so far. One
record carries them together instead of parallel lists passed by position,
and builds each unit's token-to-actor map once for every step that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .identity import Located, by_unit
from .model import Mention, Unit
from .units import Block, build_units

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from spacy.tokens import Doc, Span

__all__ = ["ArticleParse", "covered_tokens", "mention_span", "mention_tokens", "parse_article"]


@dataclass(frozen=True, eq=False)
class ArticleParse:
    """The units of one article, their parses and the actor mentions found so far.

    ``spans[i]`` is the parse of ``units[i]``; ``mentions`` are in reading
    order. The actor step fills ``mentions`` and coreference adds to them,
    each returning a new record (:meth:`with_mentions`).
    """

    units: tuple[Unit, ...]
    spans: tuple[Span, ...]
    mentions: tuple[Located, ...] = ()
    _by_unit: dict[int, tuple[Located, ...]] = field(default_factory=dict, repr=False)
    _tokens: dict[int, dict[int, tuple[str, ...]]] = field(default_factory=dict, repr=False)

    def with_mentions(self, located: Iterable[Located]) -> ArticleParse:
        """The same parse with these mentions (and fresh caches)."""
        return ArticleParse(self.units, self.spans, tuple(located))

    def mentions_in(self, unit_index: int) -> tuple[Located, ...]:
        """The mentions inside one unit, in reading order."""
        if not self._by_unit and self.mentions:
            grouped = by_unit(self.mentions)
            self._by_unit.update((k, tuple(v)) for k, v in grouped.items())
        return self._by_unit.get(unit_index, ())

    def actor_tokens(self, unit_index: int) -> dict[int, list[str]]:
        """Token index -> ids of the actors mentioned there, for one unit.

        Built once per unit and copied out, so a step that adds to its map
        (relations resolve "its" this way) never changes another step's.
        """
        if unit_index not in self._tokens:
            unit, span = self.units[unit_index], self.spans[unit_index]
            found = mention_tokens(unit, span, self.mentions_in(unit_index))
            self._tokens[unit_index] = {k: tuple(v) for k, v in found.items()}
        return {k: list(v) for k, v in self._tokens[unit_index].items()}


def parse_article(text: str, blocks: Sequence[Block], docs: Sequence[Doc]) -> ArticleParse:
    """Cut the parsed blocks into units and keep each unit's span beside it."""
    units, spans = build_units(text, blocks, docs)
    return ArticleParse(tuple(units), tuple(spans))


def mention_tokens(unit: Unit, span: Span, located: Iterable[Located]) -> dict[int, list[str]]:
    """Token index -> ids of the actors whose mentions cover that token, in one pass.

    Built from character offsets once per mention instead of once per token.
    """
    out: dict[int, list[str]] = {}
    for i, loc in covered_tokens(unit, span, located):
        ids = out.setdefault(i, [])
        if loc.entry.id not in ids:
            ids.append(loc.entry.id)
    return out


def covered_tokens(
    unit: Unit, span: Span, located: Iterable[Located]
) -> Iterator[tuple[int, Located]]:
    """(token index, mention) for every token a mention of this unit covers.

    Mentions carry character offsets in their unit; the parse counts tokens
    in its document (:func:`mention_span` maps one onto the other).
    """
    for loc in located:
        if loc.mention.unit != unit.index:
            continue
        for tok in mention_span(unit, span, loc.mention) or ():
            yield tok.i, loc


def mention_span(unit: Unit, span: Span, mention: Mention) -> Span | None:
    """The tokens a mention covers in ``unit``'s parsed ``span`` (None if none align).

    Mentions carry character offsets in their unit; the parse counts tokens in
    its document. This is the one place that maps one onto the other.
    """
    base = span.start_char - unit.start
    return span.doc.char_span(base + mention.start, base + mention.end, alignment_mode="expand")
