"""Restatement pairs: their features, the best-antecedent links and the fitted threshold."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from newsbrief.analysis import read_with_claims
from newsbrief.article import source_from_text
from newsbrief.claims import decide, default_models, restatement
from newsbrief.claims.model import LinearModel
from newsbrief.claims.restatement import (
    ClaimBag,
    antecedent_features,
    article_weights,
    link,
    pair_features,
    restatements,
)
from newsbrief.claims.restatement_batch import PairColumns, score_pairs
from newsbrief.claims.restatement_fit import CUTS, best_threshold, gold_pairs, pair_set
from newsbrief.claims.train import C_RESTATE, _fit
from newsbrief.model import Claim


def bag(order: int, *lemmas: str, **kw) -> ClaimBag:
    return ClaimBag(order, frozenset(lemmas), **kw)


def test_article_weights_are_inverse_claim_frequencies():
    weights = article_weights([bag(0, "a", "b"), bag(1, "a", "c"), bag(2, "a")])
    assert weights["a"] == pytest.approx(math.log(4 / 3))
    assert weights["b"] == weights["c"] == pytest.approx(math.log(4))


def test_pair_features_weigh_rare_shared_words_more():
    weights = {"say": 0.1, "missile": 2.0, "kyiv": 3.0, "rain": 1.0}
    later = bag(3, "say", "missile", "kyiv")
    earlier = bag(0, "say", "missile", "rain")
    f = pair_features(later, earlier, weights)
    # shared weight 2.1, over the lighter claim's 3.1 (earlier) and each side's own.
    assert f["weighted_overlap"] == pytest.approx(2.1 / 3.1)
    assert f["later_covered"] == pytest.approx(2.1 / 5.1)
    assert f["earlier_covered"] == pytest.approx(2.1 / 3.1)
    assert f["jaccard"] == pytest.approx(2 / 4)
    assert f["distance=near"] == 1.0
    assert f["earlier_is_lead"] == 1.0
    assert f["both_author"] == 1.0


def test_pair_features_tell_parallel_claims_from_repeated_ones():
    w: dict[str, float] = {}
    one = bag(1, "hit", names=frozenset({"natanz"}), numbers=frozenset({"40"}))
    other = bag(0, "hit", names=frozenset({"esfahan"}), numbers=frozenset({"12"}))
    parallel = pair_features(one, other, w)
    assert parallel["other_names"] == pytest.approx(1 / 3)
    assert parallel["other_numbers"] == 1.0 and "shared_number" not in parallel
    same = bag(0, "hit", names=frozenset({"natanz"}), numbers=frozenset({"40"}))
    repeated = pair_features(one, same, w)
    assert "other_names" not in repeated and repeated["shared_number"] == 1.0
    assert repeated["shared_names"] == pytest.approx(1 / 3)


def test_pair_features_read_who_says_it():
    w: dict[str, float] = {}
    quote = bag(5, "x", source="Jens Stoltenberg", quoted=True, paragraph=2)
    report = bag(4, "x", source="Jens Stoltenberg", paragraph=2)
    f = pair_features(quote, report, w)
    assert f["same_source"] == f["quote_after_report"] == f["same_paragraph"] == 1.0
    assert f["distance=next"] == 1.0 and "both_author" not in f
    g = pair_features(quote, bag(0, "x", source="NATO", paragraph=1), w)
    assert "same_source" not in g and "same_paragraph" not in g
    assert g["distance=mid"] == 1.0


def test_antecedent_features_mark_the_closest_candidate_only():
    weights = {"a": 1.0, "b": 1.0, "c": 1.0}
    rows = antecedent_features(
        bag(3, "a", "b"), [bag(0, "a", "b"), bag(1, "a", "c"), bag(2, "c")], weights
    )
    assert [r.get("best_overlap", 0.0) for r in rows] == [1.0, 0.0, 0.0]
    assert antecedent_features(bag(0, "a"), [], weights) == []


def _jaccard_model(threshold: float | None) -> LinearModel:
    return LinearModel(
        "restatement", ("no", "yes"), (0.0, -3.0), {"jaccard": (0.0, 6.0)}, threshold=threshold
    )


def test_link_keeps_the_best_antecedent_above_the_threshold():
    bags = {
        10: bag(0, "japan", "officer", "nato", "send"),
        11: bag(1, "market", "calm"),
        12: bag(2, "japan", "officer", "nato", "shift"),
        13: bag(3, "japan", "market", "rain", "storm", "flood"),
    }
    links = link(bags, _jaccard_model(0.5))
    # 12 shares 3 of 5 words with 10 (p = 1 / (1 + e^-0.6)); 13 shares too little with any.
    assert set(links) == {12}
    unit, p = links[12]
    assert unit == 10
    assert p == pytest.approx(1 / (1 + math.exp(-0.6)))
    assert link(bags, _jaccard_model(0.9)) == {}


def test_restatements_without_a_model_change_nothing():
    claims = [Claim(0, "event", "asserted", "author"), Claim(1, "event", "asserted", "author")]
    bags = {0: bag(0, "a", "b"), 1: bag(1, "a", "b")}
    assert restatements(claims, bags, None) == claims
    linked = restatements(claims, bags, _jaccard_model(0.5))
    assert linked[1].restates == 0 and linked[0].restates is None
    assert linked[1].cues["restates"] == ("paraphrase score 0.95",)


def test_claim_bag_reads_numbers_names_source_and_paragraph():
    text = "Russia fired 40 missiles at Kyiv on Monday, Ukrainian officials said."
    analysis, reading = read_with_claims(source_from_text(text))
    (unit,) = reading.bags
    b = reading.bags[unit]
    assert b.order == 0
    assert b.numbers == frozenset({"40"})
    assert {"kyiv", "russia"} <= b.names
    assert {"fire", "missile"} <= b.lemmas and "on" not in b.lemmas
    assert b.paragraph == analysis.units[unit].paragraph
    assert not b.quoted


def test_gold_pairs_follow_the_alignment():
    links = {3: 1, 4: None, 5: 2}
    alignment = {1: 10, 3: 30, 5: 50}  # gold unit 2 found no predicted unit
    assert gold_pairs(links, alignment) == {(30, 10)}


def test_threshold_is_fitted_on_best_antecedent_links():
    # Later claim 2 has two candidates; only its best may link. Later claim 3
    # restates nothing, with a middling score: the cut must fall between.
    bags = {
        0: bag(0, "a", "b", "c"),
        1: bag(1, "a", "b", "d"),
        2: bag(2, "a", "b", "c"),
        3: bag(3, "a", "e", "f"),
    }
    pairs = pair_set(bags, {(2, 0)})
    keys = pairs[0]
    assert keys == [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]
    model = _jaccard_model(None)
    cut = best_threshold(model, [pairs])
    p_yes = {
        k: 1 / (1 + math.exp(3 - 6 * f["jaccard"])) for k, f in zip(keys, pairs[1], strict=True)
    }
    assert p_yes[(3, 2)] < cut <= p_yes[(2, 0)]
    # Claim 1 vs 0 scores as high as the wrong antecedent of 2; the best cut
    # still sits above it, since that link is wrong.
    assert cut > p_yes[(1, 0)]
    assert cut in CUTS


def _fit_on(bags: dict[int, ClaimBag], gold: set[tuple[int, int]]) -> LinearModel:
    keys, feats, _ = pairs = pair_set(bags, gold)
    labels = ["yes" if key in gold else "no" for key in keys]
    fitted = _fit("restatement", feats, labels, C_RESTATE)
    return LinearModel(
        fitted.field,
        fitted.classes,
        fitted.intercept,
        fitted.weights,
        best_threshold(fitted, [pairs]),
    )


def _training_bags() -> tuple[dict[int, ClaimBag], set[tuple[int, int]]]:
    # Two "articles" laid end to end in unit numbers: in each, a later claim
    # repeats an earlier one with most of its rare words; the rest share little.
    bags: dict[int, ClaimBag] = {}
    gold = set()
    for base, words in ((0, ("port", "blockade", "grain")), (10, ("dam", "flood", "village"))):
        bags[base] = bag(0, *words, "ship", "say")
        bags[base + 1] = bag(1, "weather", "mild", "say")
        bags[base + 2] = bag(2, "quota", "fish", "autumn")
        bags[base + 3] = bag(3, *words, "say")
        bags[base + 4] = bag(4, "harvest", "farmer", "south", "say")
        gold.add((base + 3, base))
    return bags, gold


def test_restatement_fit_is_deterministic_and_links_what_it_was_fitted_on():
    bags, gold = _training_bags()
    first, second = _fit_on(bags, gold), _fit_on(bags, gold)
    assert first.to_dict() == second.to_dict()
    assert first.threshold is not None and 0 < first.threshold < 1
    links = link(bags, first)
    assert {(later, earlier) for later, (earlier, _) in links.items()} == gold


def _shipped_links(text: str) -> dict[int, int | None]:
    _, reading = read_with_claims(source_from_text(text))
    return {c.unit: c.restates for c in decide(reading, default_models())}


def test_shipped_model_links_a_lead_repeated_in_other_words():
    lead = (
        "Norway will send 200 engineers to Latvia next month to build field hospitals, "
        "the defence ministry said on Monday."
    )
    filler = (
        "\n\nThe weather in Oslo was mild for the season.\n\n"
        "Fishing quotas in the Barents Sea are set every autumn by a joint commission."
    )
    repeat = (
        "\n\nThe engineers that Norway is sending to Latvia next month will build "
        "field hospitals, the ministry said."
    )
    links = _shipped_links(lead + filler + repeat)
    assert list(links.values()) == [None, None, None, 0]
    unrelated = "\n\nFarmers in the south expect a good harvest this year."
    assert set(_shipped_links(lead + filler + unrelated).values()) == {None}


def _invented_article(seed: int, n: int) -> tuple[list[ClaimBag], dict]:
    """Claims drawn at random from small pools, so that pairs share some of everything."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(12)]
    people = ["NATO", "Kyiv", "the minister", "author"]

    def pick(pool: list[str], most: int) -> frozenset[str]:
        return frozenset(rng.sample(pool, rng.randint(0, most)))

    bags = [
        ClaimBag(
            order,
            pick(words, 6),
            actors=pick(people[:3], 2),
            numbers=pick(["3", "40", "2,000"], 2),
            names=pick(["natanz", "esfahan", "geneva"], 2),
            root=rng.choice(["say", "strike", "warn"]),
            source=rng.choice(people),
            quoted=rng.random() < 0.3,
            paragraph=order // 3,
            category=rng.choice(["event", "opinion", None]),
        )
        for order in range(n)
    ]
    vectors = np.array([[rng.gauss(0, 1) for _ in range(8)] for _ in range(2 * n)], np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return bags, {b.order: (vectors[2 * b.order], vectors[2 * b.order + 1]) for b in bags}


def _every_feature_model(seed: int, bags: list[ClaimBag], vectors: dict) -> LinearModel:
    weights = article_weights(bags)
    names = {
        name
        for k in range(1, len(bags))
        for row in antecedent_features(bags[k], bags[:k], weights, None, vectors)
        for name in row
    }
    rng = random.Random(seed)
    table = {name: (rng.uniform(-3, 3), rng.uniform(-3, 3)) for name in sorted(names)}
    return LinearModel("restatement", ("no", "yes"), (0.3, -1.7), table, threshold=0.4)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_batch_scores_are_the_floats_of_predict_on_pair_features(seed):
    bags, vectors = _invented_article(seed, 30)
    model = _every_feature_model(seed, bags, vectors)
    assert {"later_category=None", "distance=far", "cosine", "best_overlap"} <= set(model.weights)
    weights = article_weights(bags)
    totals = {b.order: math.fsum(weights[w] for w in b.lemmas) for b in bags}
    for vecs in (vectors, None):
        pairs, expected = PairColumns(weights, totals), []
        for k in range(len(bags)):
            pairs.add(bags[k], bags[:k], vecs)
            rows = antecedent_features(bags[k], bags[:k], weights, totals, vecs)
            expected.extend(model.predict(row) for row in rows)
        assert pairs.size == len(expected) == 30 * 29 // 2
        assert score_pairs(pairs, model) == expected  # exact floats, not approx
    three = LinearModel(
        "restatement",
        ("no", "maybe", "yes"),
        (0.1, 0.0, -0.4),
        {name: (*w, w[0] - w[1]) for name, w in model.weights.items()},
    )
    assert score_pairs(pairs, three) == _predicted_one_by_one(three, bags, weights, totals)


def _predicted_one_by_one(model, bags, weights, totals) -> list[tuple[str, float]]:
    return [
        model.predict(row)
        for k in range(len(bags))
        for row in antecedent_features(bags[k], bags[:k], weights, totals, None)
    ]


def test_link_in_small_batches_links_as_pair_by_pair(monkeypatch):
    bags, vectors = _invented_article(4, 25)
    model = _every_feature_model(4, bags, vectors)
    units = {100 + b.order: b for b in bags}
    monkeypatch.setattr(restatement, "meanings", lambda found: vectors)
    weights = article_weights(bags)
    expected = {}
    for k in range(1, len(bags)):
        rows = antecedent_features(bags[k], bags[:k], weights, None, vectors)
        p_yes = [p if label == "yes" else 1 - p for label, p in map(model.predict, rows)]
        best = max(range(k), key=lambda j: (p_yes[j], j))
        if p_yes[best] >= 0.4:
            expected[100 + k] = (100 + best, p_yes[best])
    assert expected  # the invented weights link some claims and not others
    assert len(expected) < len(bags) - 1
    for size in (1, 7, 4096):
        monkeypatch.setattr(restatement, "_BATCH", size)
        assert link(units, model) == expected


def test_score_pairs_of_nothing_is_empty():
    assert score_pairs(PairColumns({}, {}), _jaccard_model(0.5)) == []
    pairs = PairColumns({}, {0: 0.0})
    pairs.add(bag(0, "a"), [])
    assert pairs.size == 0


def test_claim_bags_without_numbers_or_names_share_one_empty_set():
    text = "The weather stayed calm. Farmers waited for rain. Roads were quiet."
    _, reading = read_with_claims(source_from_text(text))
    bags = list(reading.bags.values())
    assert len(bags) == 3 and all(b.numbers == frozenset() for b in bags)
    assert len({id(b.numbers) for b in bags}) == 1
