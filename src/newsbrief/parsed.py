"""One article's parse, built once and handed to every step.

The steps after the parse (actors, coreference, relations, claims) all read
the same units, their spaCy spans and the actor mentions found so far. One
record carries them together instead of parallel lists passed by position,
and builds each unit's token-to-actor map once for every step that reads it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .identity import Located, by_unit
from .model import Mention, Unit
from .units import Block, build_units

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from spacy.tokens import Doc, Span, Token

__all__ = [
    "ArticleParse",
    "covered_tokens",
    "keeping_tokens",
    "mention_span",
    "mention_tokens",
    "parse_article",
]


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
    return ArticleParse(tuple(units), keeping_tokens(spans))


#: How many tokens the listed units may hold together (the units read most recently).
KEEP_TOKENS = 20_000


def keeping_tokens(spans: Sequence[Span], keep: int = KEEP_TOKENS) -> tuple[Span, ...]:
    """The same spans, each listing its tokens once for the many steps that walk it.

    Every rule walks a unit's tokens (``for tok in span``), and spaCy makes a
    new ``Token`` object for each token of each walk: over the benchmark
    corpus 1.8 million of them in 45,000 walks of 5,800 units. Listing them
    once took the CPU of the steps after the parse from 3.51 to 3.21 s (best
    of ten interleaved passes). The span type here lists them and hands out that
    list; the tokens are the same (same document, same index), so every
    rule reads the same values. Only the units walked most recently hold
    their list, as many as hold ``keep`` tokens together (at least the last
    one), so a book-length input does not keep a Python object per token.
    A news article fits whole: each step walks every unit in turn, so a
    window of a few units listed each unit again in every step (7,600 lists,
    200,000 tokens made again over the benchmark corpus).
    """
    if not spans:
        return ()
    make = _span_maker()
    store = _TokenStore(keep)
    return tuple(make(s, store, key) for key, s in enumerate(spans))


class _TokenStore:
    """The token lists of the units walked last, ``keep`` tokens at most (first in, first out)."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        self.held = 0
        self.tokens: dict[int, tuple[Token, ...]] = {}
        self.order: deque[int] = deque()

    def put(self, key: int, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        self.tokens[key] = tokens
        self.order.append(key)
        self.held += len(tokens)
        while self.held > self.keep and len(self.order) > 1:
            self.held -= len(self.tokens.pop(self.order.popleft()))
        return tokens


@lru_cache(maxsize=1)
def _span_maker() -> Callable[[Span, _TokenStore, int], Span]:
    """Make spans whose walks reuse one list of tokens (the type is made here: spaCy loads late)."""
    from spacy.tokens import Span

    walk = Span.__iter__

    class TokenSpan(Span):
        __slots__ = ("_key", "_store")
        _key: int
        _store: _TokenStore

        def __iter__(self) -> Iterator[Token]:
            tokens = self._store.tokens.get(self._key)
            if tokens is None:
                tokens = self._store.put(self._key, tuple(walk(self)))
            return iter(tokens)

    def make(span: Span, store: _TokenStore, key: int) -> Span:
        out = TokenSpan(
            span.doc, span.start, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id
        )
        out._store, out._key = store, key
        return out

    return make


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
