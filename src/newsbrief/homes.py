"""Where a person stands in a text: inside a quotation, and the state the article is about.

Both are context for guessing whose official a titled person is when no
words at the mention say so: a state named inside what a person says is not
the one they serve, and the state an article names most, when clearly so,
is the last resort.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from .actors import Located

__all__ = ["home_state", "quoted"]


def quoted(span: Span) -> dict[int, bool]:
    """Token index -> whether it stands inside quotation marks in this sentence."""
    out, inside = {}, False
    for tok in span:
        if tok.text in ("“", "”", '"'):
            inside = tok.text == "“" or (tok.text == '"' and not inside)
        out[tok.i] = inside
    return out


def home_state(located: Sequence[Located]) -> str | None:
    """The state the article is about: the one named most often, if clearly so."""
    counts: dict[str, int] = {}
    for loc in located:
        if loc.entry.type == "state":
            counts[loc.entry.id] = counts.get(loc.entry.id, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]
