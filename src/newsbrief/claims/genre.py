"""The article's genre: news, analysis, opinion, release or remarks.

Genre changes what a present-tense sentence does (a fact in a fact sheet, a
judgement in an opinion column), so it is a feature of every claim and is
shown in the notebooks and the briefing. Two readers exist: hand rules on the
headline's form words, first-person voice outside quotation marks and how
much of the text is reported speech; and a small model fitted on the gold
files' genres (``genre`` in the claims models file) that weighs the document
signals of :mod:`.document`. The model decides when the models file has one,
except where the headline names the genre ("Readout of ...", "Remarks by
...", "Opinion: ..."): a document that says what it is is taken at its word.
Either way the cue says in words why. The claims' features weigh every genre
by the model's probability (:class:`GenreReading`), not only the one decided:
on 35 articles the model is often unsure, and an opinion column read as news
at p=0.55 should not lose all its opinion features.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..vocabulary import GENRES
from .document import SIGNAL_WORDS, document_signals, headline_genre, headline_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from ..model import Unit
    from .model import LinearModel
    from .rules import Cues

__all__ = [
    "GENRES",
    "GenreReading",
    "explain_genre",
    "model_genre",
    "read_genre",
    "rule_genre",
]

_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_FIRST_SINGULAR = re.compile(r"\b(?:I|my|me)\b")
# Case matters: "US" and "U.S." are the country, not "us".
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]urs?|us)\b")
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GenreReading:
    """The genre decided, why in words, and how likely each genre is.

    ``shares`` is what the claims' features weigh: a column the model reads
    as news at p=0.55 is not all news, so its claims see ``genre=opinion``
    at 0.45 rather than one guess. A headline that names the genre, and the
    rules, give the one genre 1.
    """

    genre: str
    cue: str
    shares: dict[str, float]


def read_genre(
    units: Sequence[Unit],
    spans: Sequence[Span],
    cues: Cues,
    model: LinearModel | None = None,
) -> GenreReading:
    """Read the article's genre once: the decision, its cue and the shares.

    Parameters
    ----------
    units, spans : sequences of Unit and Span
        The article's units and their parses.
    cues : Cues
        ``genre`` in ``claims.yaml``: headline words per genre.
    model : LinearModel or None
        The fitted genre model; None reads the genre with the rules.
    """
    if model is None:
        genre, cue = rule_genre(units, cues)
        return GenreReading(genre, cue, {genre: 1.0})
    title = headline_of(units)
    named = headline_genre(units[title].text, cues) if title is not None else None
    if named is not None:  # a headline that names its genre outright decides
        return GenreReading(named[0], f"headline word '{named[1]}'", {named[0]: 1.0})
    signals = document_signals(units, spans, cues)
    scores = model.scores(signals)
    peak = max(scores)
    exp = [math.exp(x - peak) for x in scores]
    shares = {g: e / sum(exp) for g, e in zip(model.classes, exp, strict=True)}
    genre, p = model.predict(signals)
    reasons = explain_genre(model, signals, genre)
    return GenreReading(genre, f"genre model p={p:.2f}: " + ", ".join(reasons), shares)


def model_genre(model: LinearModel, signals: dict[str, float]) -> str:
    """What :func:`read_genre` decides with ``model``, from the signals alone.

    The signals carry the genre a headline word names (``headline=GENRE``),
    which decides before the model, as in :func:`read_genre`.
    """
    named = [g for g in GENRES if signals.get(f"headline={g}")]
    return named[0] if named else model.predict(signals)[0]


def explain_genre(
    model: LinearModel, signals: dict[str, float], genre: str, n: int = 3
) -> tuple[str, ...]:
    """The signals that pushed most towards ``genre``, in words.

    A signal pushes by its weight for the genre over its mean weight, times
    how far the article stands from the training articles' mean of it
    (``model.centre``): "little reported speech" is a reason as much as "much".
    """
    k = model.classes.index(genre)
    centre = model.centre or {}
    pushes = []
    for name, value in signals.items():
        w = model.weights.get(name)
        if w is None or name not in SIGNAL_WORDS:
            continue
        deviation = value - centre.get(name, 0.0)
        push = (w[k] - sum(w) / len(w)) * deviation
        if push > 0:
            pushes.append((-push, name, deviation > 0))
    return tuple(SIGNAL_WORDS[name][0 if high else 1] for _, name, high in sorted(pushes)[:n])


def rule_genre(units: Sequence[Unit], cues: Cues) -> tuple[str, str]:
    """The hand rules: a headline word, else first person and reported speech."""
    title = headline_of(units)
    named = headline_genre(units[title].text, cues) if title is not None else None
    if named is not None:
        return named[0], f"headline word '{named[1]}'"
    body = " ".join(u.text for k, u in enumerate(units) if u.kind == "claim" and k != title)
    outside = _QUOTED.sub(" ", body)
    words = max(1, len(body.split()))
    singular = len(_FIRST_SINGULAR.findall(outside)) / words
    plural = len(_FIRST_PLURAL.findall(outside)) / words
    reported = len(_REPORTED.findall(body)) / words
    if singular > 0.004:
        return "opinion", "first person singular outside quotes"
    if plural > 0.01 and reported < 0.004:
        return "remarks", "first person plural, little reported speech"
    if reported >= 0.006:
        return "news", "reported speech"
    return "analysis", "little reported speech"
