"""Which earlier claim a claim restates, decided by a fitted pair model.

Shared words alone miss paraphrase, and a fixed overlap threshold chosen by
eye fits the articles it was chosen on. Each (claim, earlier claim) pair gets
features of what they share (content lemmas folded through the synonym
groups, actors, numbers, the main verb) and where they stand (distance, the
earlier one being the lead); a logistic model fitted on the gold corpus
scores the pair and a threshold fitted with it decides.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from ..model import Claim
    from .model import LinearModel

__all__ = ["WINDOW", "ClaimBag", "claim_bag", "pair_features", "restatements"]

_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
# A restatement says the same thing again: with fewer than two content words
# in common there is nothing to compare, however short both claims are.
MIN_SHARED = 2
# How far back a restatement may reach, in claims. A reader restates what is
# still in view: the farthest link in the 35 gold articles spans 49 claims and
# the longest article has 71 units, so the bound never binds in the genre. It
# keeps a book-length input linear instead of quadratic in its claims.
WINDOW = 128


class ClaimBag:
    """What a claim says, reduced to sets for comparison."""

    __slots__ = ("actors", "lemmas", "numbers", "order", "root")

    def __init__(
        self, lemmas: frozenset[str], actors: frozenset[str], numbers: frozenset[str], root: str
    ):
        self.lemmas = lemmas
        self.actors = actors
        self.numbers = numbers
        self.root = root
        self.order = 0


def claim_bag(span: Span, claim: Claim, synonyms: dict[str, str]) -> ClaimBag:
    """Reduce one claim to its content lemmas, actors, numbers and main verb."""
    lemmas = set()
    numbers = set()
    for tok in span:
        if tok.is_stop or tok.is_punct or tok.pos_ not in _CONTENT:
            continue
        lemma = tok.lemma_.lower()
        lemmas.add(synonyms.get(lemma, lemma))
        if tok.pos_ == "NUM" or tok.like_num:
            numbers.add(tok.lower_)
    root = span.root.lemma_.lower()
    return ClaimBag(frozenset(lemmas), frozenset(claim.actors), frozenset(numbers), root)


def pair_features(later: ClaimBag, earlier: ClaimBag) -> dict[str, float]:
    """Features of one (later, earlier) pair of claims."""
    inter = later.lemmas & earlier.lemmas
    union = later.lemmas | earlier.lemmas
    f: dict[str, float] = {
        "jaccard": len(inter) / max(1, len(union)),
        "overlap": len(inter) / max(1, min(len(later.lemmas), len(earlier.lemmas))),
        "shared_words": min(len(inter), 10) / 10,
        "distance": math.log1p(later.order - earlier.order) / 5,
    }
    if later.actors or earlier.actors:
        both = later.actors & earlier.actors
        f["actor_jaccard"] = len(both) / max(1, len(later.actors | earlier.actors))
        f["same_actors"] = float(later.actors == earlier.actors and bool(both))
    if later.numbers & earlier.numbers:
        f["shared_number"] = 1.0
    if later.root == earlier.root:
        f["same_verb"] = 1.0
    if earlier.order == 0:
        f["earlier_is_lead"] = 1.0
    return f


def restatements(
    claims: Sequence[Claim], bags: dict[int, ClaimBag], model: LinearModel | None
) -> list[Claim]:
    """Point each claim at the earlier claim it most likely restates, if any."""
    out = list(claims)
    if model is None:
        return out
    threshold = model.threshold if model.threshold is not None else 0.5
    ordered = [c.unit for c in claims if c.unit in bags]
    position = {unit: k for k, unit in enumerate(ordered)}
    for k, claim in enumerate(out):
        bag = bags.get(claim.unit)
        if bag is None:
            continue
        best, best_p = None, threshold
        here = position[claim.unit]
        for unit in ordered[max(0, here - WINDOW) : here]:
            if len(bag.lemmas & bags[unit].lemmas) < MIN_SHARED:
                continue
            label, p = model.predict(pair_features(bag, bags[unit]))
            p_yes = p if label == "yes" else 1.0 - p
            if p_yes >= best_p:
                best, best_p = unit, p_yes
        if best is not None:
            cues = {**claim.cues, "restates": (f"paraphrase score {best_p:.2f}",)}
            out[k] = replace(claim, restates=best, cues=cues)
    return out
