"""Fitting the claim models: the modality model's boosted signals."""

from __future__ import annotations

from newsbrief.claims.train import MODALITY_SIGNALS, _fit, boost_of, category_row


def test_boost_applies_to_the_named_prefixes_only():
    boost = (("modal=", "rule_mod="), 6.0)
    assert boost_of("modal=could", boost) == 6.0
    assert boost_of("rule_mod=hedged", boost) == 6.0
    assert boost_of("content_modal=could", boost) == 1.0
    assert boost_of("news|modal=could", boost) == 1.0  # a genre cross is another feature
    assert boost_of("modal=could", None) == 1.0
    assert "content_modal=" in MODALITY_SIGNALS
    assert boost_of("mod:content_modal=will", (MODALITY_SIGNALS, 3.0)) == 3.0


def test_the_category_model_learns_without_the_modality_models_own_features():
    row = {"modal=will": 1.0, "mod:content_modal=will": 1.0, "w=bridge": 1.0}
    assert category_row(row) == {"modal=will": 1.0, "w=bridge": 1.0}


def _rows():
    # "could" decides but is outnumbered by words that fire on both classes.
    X, y = [], []
    for k in range(12):
        hedged = k % 2 == 0
        row = {f"w=word{k % 5}": 1.0, f"w=other{k % 3}": 1.0}
        if hedged or k % 4 == 1:  # "could" on every hedged row and on some asserted ones
            row["modal=could"] = 1.0
        X.append(row)
        y.append("hedged" if hedged else "asserted")
    return X, y


def test_boosted_fit_weighs_the_signal_more_and_predicts_on_plain_rows():
    X, y = _rows()
    plain = _fit("modality", X, y, 0.1)
    boosted = _fit("modality", X, y, 0.1, (("modal=",), 6.0))
    k = boosted.classes.index("hedged")

    def push(m):
        w = m.weights["modal=could"]
        return w[k] - w[1 - k]

    assert push(boosted) > 2 * push(plain) > 0
    # The stored weights are back on the plain rows' scale: the same fit on
    # rows multiplied by hand gives the same scores.
    by_hand = _fit(
        "modality", [{**x, **{"modal=could": 6.0 * x.get("modal=could", 0)}} for x in X], y, 0.1
    )
    row = {"modal=could": 1.0, "w=word0": 1.0}
    hand_row = {"modal=could": 6.0, "w=word0": 1.0}
    for a, b in zip(boosted.scores(row), by_hand.scores(hand_row), strict=True):
        assert abs(a - b) < 1e-6


# Hot-loop shortcuts give exactly what the plain definitions give


def test_linear_scores_and_explanations_equal_the_plain_sums():
    from newsbrief.claims.model import LinearModel, describe_feature

    weights = {"x": (1.0, 0.5, -2.0), "y": (0.25, 3.0, 1.0)}
    model = LinearModel("category", ("a", "b", "c"), (0.1, -0.2, 0.3), weights)
    features = {"y": 2.0, "unknown": 9.0, "x": 0.5}
    plain = [
        0.1 + 1.0 * 0.5 + 0.25 * 2.0,
        -0.2 + 0.5 * 0.5 + 3.0 * 2.0,
        0.3 + -2.0 * 0.5 + 1.0 * 2.0,
    ]
    assert model.scores(features) == plain
    assert model.predict(features)[0] == "b"
    # Pushes towards b: y (3.0 - 4.25 / 3) * 2 = 3.17, x (0.5 + 0.5 / 3) * 0.5 = 0.33;
    # towards a only x pushes. Asked twice: the same answer from the cached means.
    for _ in range(2):
        assert model.explain(features, "b") == (describe_feature("y"), describe_feature("x"))
        assert model.explain(features, "a") == (describe_feature("x"),)


def test_lexicon_hits_are_words_or_whole_word_phrases():
    from newsbrief.claims.features import _holds

    entries = frozenset({"warn", "at stake", "red line"})
    assert _holds(entries, {"officials", "warn"}, " officials warn ")
    assert _holds(entries, {"is", "at", "stake"}, " much is at stake here ")
    assert not _holds(entries, {"stakes"}, " the stakes are at stakeholder level ")
    assert not _holds(entries, {"red"}, " a red lines ")
    assert not _holds(frozenset(), {"warn"}, " warn ")
