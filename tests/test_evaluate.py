"""Evaluation against the hand-made gold files, with floors just under what we reach.

The figures are computed here on every run; a change that lowers any of them
below its floor fails the suite.
"""

from __future__ import annotations

import pytest
import yaml

from newsbrief.config import DEFAULT_ARTICLE, GOLD_DIR, SHARED_CORPUS
from newsbrief.evaluate import evaluate, evaluate_files, load_gold

# Floors sit just under the figures measured when they were last raised (see
# the closing notes); the targets are 0.9/0.8 category accuracy,
# 0.95 modality, 0.9 attribution, actor F1 0.8 and relation F1 0.5.
FLOORS = {
    "japan-sdf-nato-ukraine": {
        "category_accuracy": 0.95,
        "modality_accuracy": 0.95,
        "attribution_accuracy": 0.95,
        "restatement_f1": 0.9,
        "actor_precision": 0.95,
        "relation_recall": 0.95,
        "relation_precision": 0.95,
    },
    "poland-russian-missiles": {
        "category_accuracy": 0.82,
        "modality_accuracy": 0.95,
        "attribution_accuracy": 0.95,
        "actor_f1": 0.9,
        "relation_f1": 0.63,
    },
    "china-philippines-shoal-deal": {
        "category_accuracy": 0.9,
        "modality_accuracy": 0.95,
        "attribution_accuracy": 0.92,
        "actor_f1": 0.92,
        "relation_f1": 0.63,
    },
    "aukus-implementation-fact-sheet": {
        "category_accuracy": 0.93,
        "modality_accuracy": 0.95,
        "attribution_accuracy": 0.95,
        "actor_f1": 0.84,
        "relation_f1": 0.6,
    },
    "us-nordic-leaders-summit": {
        "category_accuracy": 0.93,
        "modality_accuracy": 0.95,
        "attribution_accuracy": 0.95,
        "actor_f1": 0.86,
        "relation_f1": 0.53,
    },
}


@pytest.mark.parametrize("stem", sorted(FLOORS))
def test_scores_stay_above_floors(stem):
    gold_path = GOLD_DIR / f"{stem}.yaml"
    gold = load_gold(gold_path)
    if str(gold["article"]).startswith("../shared") and not SHARED_CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    scores = evaluate_files(gold_path)
    assert scores.unit_span_match >= 0.95
    low = {k: (getattr(scores, k), v) for k, v in FLOORS[stem].items() if getattr(scores, k) < v}
    assert not low, f"below floor (got, floor): {low}"


def test_gold_files_hold_no_corpus_text():
    for path in GOLD_DIR.glob("*.yaml"):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if str(gold["article"]).startswith("../shared"):
            assert all("text" not in u for u in gold["units"]), path


def test_evaluation_detects_errors(default_analysis):
    gold = load_gold(GOLD_DIR / "japan-sdf-nato-ukraine.yaml")
    perfect = evaluate(gold, default_analysis)
    broken = dict(gold)
    broken["units"] = [
        {**u, "category": "recommendation", "also": []} if u.get("kind") == "claim" else u
        for u in gold["units"]
    ]
    worse = evaluate(broken, default_analysis)
    assert worse.category_accuracy < perfect.category_accuracy
    assert DEFAULT_ARTICLE.is_file()
