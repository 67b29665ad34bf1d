"""Fit the claim models on gold files: ``newsbrief train GOLD_DIR``.

Each gold file's article is analyzed once; every gold claim is aligned to the
predicted unit that overlaps it most, whose features (the rules' reading and
the parse) become one training row labelled with the gold's category and
modality. Restatement pairs come from the same alignment. scikit-learn does
the fitting; the result is a JSON text file (:mod:`.model`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NewsbriefError
from ..files import write_atomic
from .model import MODALITY_ONLY, LinearModel
from .restatement_fit import best_threshold, gold_pairs, pair_set

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..model import Analysis
    from . import ClaimReading
    from .restatement_fit import PairSet

__all__ = [
    "GoldArticle",
    "Row",
    "category_row",
    "fit_genre",
    "fit_models",
    "genre_training",
    "headline_names_genre",
    "pair_rows",
    "rows_of",
    "write_models",
]

C_CATEGORY = 0.3
C_MODALITY = 1.0
# Restatement pairs: few positives among many pairs, so a stronger prior; no
# class weighting, the threshold fitted on the decoded links does that job.
C_RESTATE = 0.3
PRUNE = 0.02
# The genre model: 35 articles and five genres, so an L1 prior on the
# standardized signals (:mod:`.document`), which keeps only a few of them.
# FIT_GENRE False leaves the genre to the hand rules (no ``genre`` in the
# models file). Leave-one-article-out genre accuracy (dev / held-out halves),
# rules 12/18 and 14/17: L2 C=0.5 13/12, L2 C=1 13/13, L1 C=1 14/13; with a
# headline word deciding first (as the rules do) L2 C=1 13/14, L1 C=0.5 14/14,
# L1 C=1 14/15, and fitted only on the articles the headline leaves open 15/15;
# with the columnist-habits signal (:func:`.document.columnist_habits`) 16/15.
C_GENRE = 1.0
FIT_GENRE = True
# The modality model's own signals (the modal on the claim's verb, any modal,
# the rules' modality, the hedge and prescriptive lexicons, an appeal frame)
# enter its fit multiplied by this factor: a weaker prior on them than on the
# thousands of word features, which otherwise outvote "could" on a long
# sentence. The weights are scaled back after the fit, so prediction reads the
# same rows as before. Leave-one-article-out over the 35 gold files: modality
# 0.906 at 1, 0.909 at 3, 0.915 at 4, 0.918 at 6, 0.917 at 10, 0.913 at 20.
# Re-measured with today's features (session 30; development / held-out
# halves): 0.945/0.920 at 1, 0.952/0.931 at 2, 0.952/0.929 at 2.5,
# 0.957/0.931 at 3, 0.957/0.929 at 3.5, 0.955/0.931 at 4, 0.952/0.931 at 5
# and 6, 0.948/0.931 at 8, 0.945/0.929 at 10: the modality signals and the
# structural features (frames, modal scope, quotation) added since now carry
# part of what the boost did. C at boost 3: 0.955/0.925 at 0.7, 0.953/0.931
# at 1.5. The category model is not touched.
MODALITY_BOOST = 3.0
MODALITY_SIGNALS = (
    "content_modal=",
    "modal=",
    "rule_mod=",
    "lex=hedge",
    "lex=prescriptive",
    "directive",
    "modal_scope=",
    "reported_future=",
    "press_question",
    MODALITY_ONLY,  # the modality model's own features are its signals too
)


@dataclass(frozen=True)
class Row:
    """One gold claim with the features of the predicted unit aligned to it."""

    gold_index: int
    unit: int | None
    features: dict[str, float]
    category: str
    also: tuple[str, ...]
    modality: str
    attribution: str
    restates: int | None
    rule_category: str | None
    rule_modality: str | None
    pred_attribution: str | None


@dataclass
class GoldArticle:
    """A gold file with the article's analysis and claim reading."""

    name: str
    genre: str
    gold: dict[str, Any]
    analysis: Analysis
    reading: ClaimReading
    rows: list[Row] = field(default_factory=list)
    alignment: dict[int, int | None] = field(default_factory=dict)
    # The document signals of the genre model; empty when ``genre`` is no gold
    # label (an analyst's curated article), so the genre model skips it.
    signals: dict[str, float] = field(default_factory=dict)
    rule_genre: str = ""


def rows_of(gold_claims: Sequence[dict[str, Any]], article: GoldArticle) -> list[Row]:
    """Align gold claims (with ``index``, ``start``, ``end``) to the reading's claims."""
    reading = article.reading
    by_unit = {c.unit: (c, f) for c, f in zip(reading.claims, reading.features, strict=True)}
    rows = []
    for g in gold_claims:
        unit = article.alignment.get(int(g["index"]))
        claim, feats = by_unit.get(unit, (None, {})) if unit is not None else (None, {})
        rows.append(
            Row(
                gold_index=int(g["index"]),
                unit=unit if claim is not None and claim.category is not None else None,
                features=feats if claim is not None and claim.category is not None else {},
                category=str(g["category"]),
                also=tuple(g.get("also") or ()),
                modality=str(g.get("modality", "asserted")),
                attribution=str(g.get("attribution") or "author"),
                restates=g.get("restates"),
                rule_category=claim.category if claim else None,
                rule_modality=claim.modality if claim else None,
                pred_attribution=claim.attribution if claim else None,
            )
        )
    return rows


def pair_rows(article: GoldArticle) -> tuple[list[dict[str, float]], list[str], PairSet]:
    """Every (later, earlier) pair of predicted claims within reach, labelled from the gold."""
    links = {r.gold_index: r.restates for r in article.rows if r.unit is not None}
    pairs = pair_set(article.reading.bags, gold_pairs(links, article.alignment))
    keys, feats, gold = pairs
    return feats, ["yes" if key in gold else "no" for key in keys], pairs


def boost_of(name: str, boost: tuple[tuple[str, ...], float] | None) -> float:
    """The factor a feature enters the fit with (1 unless it opens with a boosted prefix)."""
    if boost is not None and name.startswith(boost[0]):
        return boost[1]
    return 1.0


def _fit(
    field_name: str,
    X: Sequence[dict[str, float]],
    y: Sequence[str],
    C: float,
    boost: tuple[tuple[str, ...], float] | None = None,
    **kw: Any,
):
    # scikit-learn loads only when fitting (seconds), never when analyzing.
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    if boost is not None:
        X = [{k: v * boost_of(k, boost) for k, v in x.items()} for x in X]
    vec = DictVectorizer(sort=True)
    matrix = vec.fit_transform(list(X))
    classes = sorted(set(y))
    if len(classes) == 1:
        return LinearModel(field_name, tuple(classes), (0.0,), {})
    clf = LogisticRegression(C=C, max_iter=5000, **kw)
    # One BLAS thread: these fits are small, and on a shared machine competing
    # threads made the 35-fold cross-validation ten times slower (5 min -> 30 s).
    with threadpool_limits(limits=1):
        clf.fit(matrix, list(y))
    names = vec.get_feature_names_out()
    coef = clf.coef_
    if len(clf.classes_) == 2:  # binary: one row of weights, for the second class
        weights: dict[str, tuple[float, ...]] = {
            str(n): (0.0, float(coef[0, j])) for j, n in enumerate(names)
        }
        intercept: tuple[float, ...] = (0.0, float(clf.intercept_[0]))
    else:
        weights = {str(n): tuple(float(x) for x in coef[:, j]) for j, n in enumerate(names)}
        intercept = tuple(float(x) for x in clf.intercept_)
    # Weights this small never change a decision; dropping them keeps the file small and fast.
    weights = {n: w for n, w in weights.items() if max(abs(x) for x in w) >= PRUNE}
    if boost is not None:  # back to the scale of the rows prediction reads
        weights = {n: tuple(x * boost_of(n, boost) for x in w) for n, w in weights.items()}
    return LinearModel(field_name, tuple(str(c) for c in clf.classes_), intercept, weights)


def category_row(features: dict[str, float]) -> dict[str, float]:
    """The row the category model learns from: without the modality model's own features."""
    return {k: v for k, v in features.items() if not k.startswith(MODALITY_ONLY)}


def fit_genre(X: Sequence[dict[str, float]], y: Sequence[str]) -> LinearModel:
    """Fit the genre model on articles' document signals and gold genres.

    The signals are standardized for the fit (one prior suits them all) and
    the weights scaled back, so prediction reads the raw signals; each
    signal's mean is kept (``centre``) for the cue's words.
    """
    from sklearn.linear_model import LogisticRegression  # only when fitting
    from threadpoolctl import threadpool_limits

    names = sorted({n for x in X for n in x})
    n = len(X)
    mean = [sum(x.get(f, 0.0) for x in X) / n for f in names]
    sd = [
        math.sqrt(sum((x.get(f, 0.0) - m) ** 2 for x in X) / n) or 1.0
        for f, m in zip(names, mean, strict=True)
    ]
    centre = dict(zip(names, mean, strict=True))
    classes = sorted(set(y))
    if len(classes) == 1:
        return LinearModel("genre", tuple(classes), (0.0,), {}, centre=centre)
    Z = [[(x.get(f, 0.0) - m) / s for f, m, s in zip(names, mean, sd, strict=True)] for x in X]
    clf = LogisticRegression(C=C_GENRE, l1_ratio=1.0, solver="saga", max_iter=20000, random_state=0)
    with threadpool_limits(limits=1):
        clf.fit(Z, list(y))
    coef = [list(map(float, row)) for row in clf.coef_]
    icpt = [float(b) for b in clf.intercept_]
    if len(coef) == 1:  # binary: one row of weights, for the second class
        coef, icpt = [[0.0] * len(names), coef[0]], [0.0, icpt[0]]
    # L1 zeroes most signals for most genres; a signal with no weight is left out.
    weights = {
        f: tuple(row[j] / sd[j] for row in coef)
        for j, f in enumerate(names)
        if any(row[j] for row in coef)
    }
    intercept = tuple(
        b - sum(row[j] * mean[j] / sd[j] for j in range(len(names)))
        for row, b in zip(coef, icpt, strict=True)
    )
    return LinearModel(
        "genre", tuple(str(c) for c in clf.classes_), intercept, weights, centre=centre
    )


def genre_training(articles: Iterable[GoldArticle]) -> tuple[list[dict[str, float]], list[str]]:
    """The signals and gold genres the genre model learns from.

    Articles whose headline names their genre are left out: the headline
    decides those before the model is asked (:func:`.genre.read_genre`),
    so the model learns only the articles it will have to read.
    """
    arts = [a for a in articles if a.signals and not headline_names_genre(a.signals)]
    return [a.signals for a in arts], [a.genre for a in arts]


def headline_names_genre(signals: dict[str, float]) -> bool:
    """Whether the signals say a headline word named the genre (``headline=GENRE``)."""
    return any(v for k, v in signals.items() if k.startswith("headline="))


def fit_models(articles: Iterable[GoldArticle]) -> dict[str, LinearModel]:
    """Fit the category, modality, restatement and (FIT_GENRE) genre models."""
    articles = list(articles)
    X, cats, mods = [], [], []
    PX: list[dict[str, float]] = []
    py: list[str] = []
    pair_sets: list[PairSet] = []
    for art in articles:
        for row in art.rows:
            if row.unit is None:
                continue
            X.append(row.features)
            cats.append(row.category)
            mods.append(row.modality)
        fx, fy, pairs = pair_rows(art)
        PX.extend(fx)
        py.extend(fy)
        pair_sets.append(pairs)
    if not X:
        raise NewsbriefError("no gold claims to train on")
    models = {
        "category": _fit("category", [category_row(x) for x in X], cats, C_CATEGORY),
        "modality": _fit("modality", X, mods, C_MODALITY, (MODALITY_SIGNALS, MODALITY_BOOST)),
    }
    if "yes" in py:
        restate = _fit("restatement", PX, py, C_RESTATE)
        models["restatement"] = LinearModel(
            restate.field,
            restate.classes,
            restate.intercept,
            restate.weights,
            best_threshold(restate, pair_sets),
        )
    GX, gy = genre_training(articles)
    if FIT_GENRE and len(GX) > 1:
        models["genre"] = fit_genre(GX, gy)
    return models


def write_models(models: dict[str, LinearModel], path: str | Path) -> None:
    """Write the models file (sorted, rounded: the same fit gives the same bytes)."""
    data = {name: m.to_dict() for name, m in sorted(models.items())}
    write_atomic(Path(path), json.dumps(data, indent=1, sort_keys=True) + "\n")
