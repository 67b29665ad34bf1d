"""The restatement model's scores for many claim pairs at once, as columns.

:func:`~.restatement.pair_features` builds one dictionary per pair, which
training needs (a sparse row per pair) and which is the features'
definition. Scoring an article that way cost more than any other step after
the parse: an article of 70 claims has 2,400 pairs, and each paid for four
dictionaries, their merge and a sorted walk over its features. Here the same
values are computed with the same expressions into one list per feature,
and the model sums each feature over every pair with one numpy operation.

The scores are the same floats as ``model.predict(pair_features(...))``: each
value comes from the same Python arithmetic (``math.fsum`` of the shared
words' weights, the same divisions, the same rounded cosines from the same
``ndarray.dot`` of two float32 rows); the features are added in the same sorted
order; a feature that a pair's dictionary leaves out is a 0.0 here, and
adding ``w * 0.0`` changes no sum. ``tests/test_restatement.py`` checks the
two against each other on every pair of invented articles.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .model import LinearModel
    from .restatement import ClaimBag, Meanings

__all__ = ["PairColumns", "distance_bin", "score_pairs"]


def distance_bin(gap: int) -> str:
    """How far back, in claims, the earlier claim of a pair stands."""
    if gap == 1:
        return "next"
    if gap <= 3:
        return "near"
    return "far" if gap > 10 else "mid"


# The features every pair has a value for (0.0 where its dictionary has none),
# in the order of PairColumns._pair's values.
_NAMES = (
    "jaccard",
    "overlap",
    "shared_words",
    "weighted_overlap",
    "later_covered",
    "earlier_covered",
    "distance=next",
    "distance=near",
    "distance=mid",
    "distance=far",
    "actor_jaccard",
    "shared_names",
    "other_names",
    "shared_number",
    "other_numbers",
    "same_verb",
    "earlier_is_lead",
    "same_source",
    "both_author",
    "later_quoted",
    "quote_after_report",
    "same_paragraph",
    "same_category",
)
_COSINES = ("cosine", "content_cosine", "cosine_x_overlap")


class PairColumns:
    """Feature columns of (later, earlier) pairs, appended one later claim at a time."""

    def __init__(self, weights: Mapping[str, float], totals: Mapping[int, float]) -> None:
        self.weights = weights
        self.totals = totals
        self.columns: dict[str, list[float]] = {
            name: [] for name in (*_NAMES, "best_overlap", *_COSINES)
        }
        self.categories: list[str] = []
        self.size = 0

    def add(
        self, later: ClaimBag, earlier: Sequence[ClaimBag], vectors: Meanings | None = None
    ) -> None:
        """Append the pairs of ``later`` with each earlier claim, in order."""
        if not earlier:
            return
        rows = [self._pair(later, e) for e in earlier]
        cols = self.columns
        for name, values in zip(_NAMES, zip(*rows, strict=True), strict=True):
            cols[name].extend(values)
        # best_overlap: the candidates sharing the most (weighted), if any share.
        overlaps = [row[3] for row in rows]
        top = max(overlaps)
        cols["best_overlap"].extend(1.0 if top > 0 and w == top else 0.0 for w in overlaps)
        self._cosines(later, earlier, overlaps, vectors)
        self.categories.extend([f"later_category={later.category}"] * len(earlier))
        self.size += len(earlier)

    def _pair(self, later: ClaimBag, earlier: ClaimBag) -> tuple[float, ...]:
        # The arithmetic of restatement._shared_words, _shared_things
        # and _who_and_where, value for value (see the module docstring).
        inter = later.lemmas & earlier.lemmas
        n_inter = len(inter)
        n_union = len(later.lemmas) + len(earlier.lemmas) - n_inter
        weights = self.weights
        shared_w = math.fsum([weights.get(lemma, 0.0) for lemma in inter])
        later_w, earlier_w = self.totals[later.order], self.totals[earlier.order]
        smaller = min(later_w, earlier_w)
        distance = distance_bin(later.order - earlier.order)
        actors = 0.0
        if later.actors or earlier.actors:
            both = later.actors & earlier.actors
            actors = len(both) / max(1, len(later.actors | earlier.actors))
        names = later.names & earlier.names
        only_later = later.names - earlier.names
        other = min(len(only_later), 3) / 3 if only_later and earlier.names - later.names else 0.0
        shared_number = 1.0 if later.numbers & earlier.numbers else 0.0
        same_source = later.source == earlier.source
        return (
            n_inter / max(1, n_union),
            n_inter / max(1, min(len(later.lemmas), len(earlier.lemmas))),
            min(n_inter, 10) / 10,
            shared_w / smaller if smaller else 0.0,
            shared_w / later_w if later_w else 0.0,
            shared_w / earlier_w if earlier_w else 0.0,
            1.0 if distance == "next" else 0.0,
            1.0 if distance == "near" else 0.0,
            1.0 if distance == "mid" else 0.0,
            1.0 if distance == "far" else 0.0,
            actors,
            min(len(names), 3) / 3 if names else 0.0,
            other,
            shared_number,
            1.0 if not shared_number and later.numbers and earlier.numbers else 0.0,
            1.0 if later.root == earlier.root else 0.0,
            1.0 if earlier.order == 0 else 0.0,
            1.0 if same_source and later.source != "author" else 0.0,
            1.0 if same_source and later.source == "author" else 0.0,
            1.0 if later.quoted else 0.0,
            1.0 if later.quoted and not earlier.quoted else 0.0,
            1.0 if later.paragraph == earlier.paragraph else 0.0,
            1.0 if later.category == earlier.category else 0.0,
        )

    def _cosines(
        self,
        later: ClaimBag,
        earlier: Sequence[ClaimBag],
        overlaps: list[float],
        vectors: Meanings | None,
    ) -> None:
        cols = self.columns
        if not vectors or later.order not in vectors:
            for name in _COSINES:
                cols[name].extend([0.0] * len(earlier))
            return
        # ``ndarray.dot``, not ``@``: both end in the same BLAS ``sdot`` of the two
        # rows (the same float32 bits: checked on every pair of the 35 corpus
        # texts and 20,000 random pairs), but the ``matmul`` ufunc's dispatch
        # cost twice the product itself. 44,000 products a pass over the corpus:
        # this loop took 87 -> 56 ms CPU.
        text, gist = vectors[later.order]
        wholes, contents, mixeds = cols["cosine"], cols["content_cosine"], cols["cosine_x_overlap"]
        for e, overlap in zip(earlier, overlaps, strict=True):
            pair = vectors.get(e.order)
            if pair is None:
                wholes.append(0.0)
                contents.append(0.0)
                mixeds.append(0.0)
                continue
            whole = round(float(text.dot(pair[0])), 4)
            wholes.append(whole)
            contents.append(round(float(gist.dot(pair[1])), 4))
            mixeds.append(round(whole * overlap, 4))


def score_pairs(pairs: PairColumns, model: LinearModel) -> list[tuple[str, float]]:
    """``model.predict`` of each pair, in the order they were added."""
    if not pairs.size:
        return []
    columns: dict[str, Sequence[float]] = dict(pairs.columns)
    for name in sorted(set(pairs.categories)):
        columns[name] = [1.0 if c == name else 0.0 for c in pairs.categories]
    weights = model.weights
    sums = np.tile(np.array(model.intercept, dtype=np.float64), (pairs.size, 1))
    for name in sorted(columns.keys() & weights.keys()):
        values = np.array(columns[name], dtype=np.float64)
        sums += values[:, None] * np.array(weights[name], dtype=np.float64)
    if len(model.classes) != 2:
        return [model.predict_scores(scores) for scores in sums.tolist()]
    # Two classes, as predict_scores reads them: the first wins ties, and the
    # softmax total is exp(0.0) = 1.0 plus exp(lower - higher).
    first, second = sums[:, 0], sums[:, 1]
    top = second > first
    gaps = np.where(top, first - second, second - first).tolist()
    classes, exp = model.classes, math.exp
    return [(classes[t], 1.0 / (1.0 + exp(gap))) for t, gap in zip(top.tolist(), gaps, strict=True)]
