"""Fit the restatement pair model and its threshold on gold articles.

Every (later, earlier) pair of an article's claims within reach becomes a
training row, labelled "yes" when the gold says the later one restates the
earlier. The threshold is chosen the way the links are then made: each claim
keeps only its best-scoring antecedent, and the cut that gives the best F1
of those links over the training articles wins (a cut fitted on single
pairs rewards scoring many antecedents of one claim highly, which the
decoding throws away).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import LinearModel
from .restatement import WINDOW, antecedent_features, article_weights, meanings

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from .restatement import ClaimBag

__all__ = ["CUTS", "PairSet", "best_threshold", "gold_pairs", "pair_set"]

# The thresholds tried, as probabilities of "yes": restatements are rare
# (about one claim in 25 restates another), so the cut may lie well below 0.5.
CUTS = tuple(round(0.005 * 1.15**k, 6) for k in range(38))

PairSet = tuple[list[tuple[int, int]], list[dict[str, float]], set[tuple[int, int]]]


def gold_pairs(
    links: Mapping[int, int | None], alignment: Mapping[int, int | None]
) -> set[tuple[int, int]]:
    """Gold (later, earlier) links mapped onto predicted units (unaligned ones dropped)."""
    out = set()
    for later, earlier in links.items():
        if earlier is None:
            continue
        a, b = alignment.get(later), alignment.get(int(earlier))
        if a is not None and b is not None:
            out.add((a, b))
    return out


def pair_set(bags: Mapping[int, ClaimBag], gold: set[tuple[int, int]]) -> PairSet:
    """Every pair within reach in one article: keys, features, and the gold links."""
    weights = article_weights(list(bags.values()))
    ordered = sorted(bags, key=lambda u: bags[u].order)
    vectors = meanings(bags[u] for u in ordered)
    keys: list[tuple[int, int]] = []
    feats: list[dict[str, float]] = []
    for k, later in enumerate(ordered):
        earlier = ordered[max(0, k - WINDOW) : k]
        keys.extend((later, e) for e in earlier)
        feats.extend(
            antecedent_features(bags[later], [bags[e] for e in earlier], weights, None, vectors)
        )
    return keys, feats, gold


def _decode(
    keys: Sequence[tuple[int, int]], probs: Sequence[float], cut: float
) -> set[tuple[int, int]]:
    best: dict[int, tuple[float, int]] = {}
    for (later, earlier), p in zip(keys, probs, strict=True):
        if p >= cut and (later not in best or p >= best[later][0]):
            best[later] = (p, earlier)
    return {(later, earlier) for later, (_, earlier) in best.items()}


def best_threshold(model: LinearModel, articles: Sequence[PairSet]) -> float:
    """The cut whose best-antecedent links score the best F1 over these articles."""
    scored = []
    for keys, feats, gold in articles:
        probs = [_p_yes(model.predict, f) for f in feats]
        scored.append((keys, probs, gold))
    n_gold = sum(len(gold) for _, _, gold in scored)
    best, best_f1 = 0.5, -1.0
    for cut in CUTS:
        tp = n_pred = 0
        for keys, probs, gold in scored:
            links = _decode(keys, probs, cut)
            tp += len(links & gold)
            n_pred += len(links)
        f1 = 2 * tp / max(1, n_pred + n_gold)
        if f1 > best_f1:
            best, best_f1 = cut, f1
    return best


def _p_yes(
    predict: Callable[[dict[str, float]], tuple[str, float]], feats: dict[str, float]
) -> float:
    label, p = predict(feats)
    return p if label == "yes" else 1.0 - p
