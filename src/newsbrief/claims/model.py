"""A fitted linear model kept as a JSON text file, and its explanations.

A multinomial logistic regression is fitted with scikit-learn
(:mod:`newsbrief.claims.train`), but prediction needs no scikit-learn: the
weights are a JSON table (feature -> one weight per class), read in a few
milliseconds, diffable in review, and never unpickled. Rounded weights and
sorted keys make the file and every prediction byte-identical across runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import read_json_file
from ..errors import NewsbriefError
from ..vocabulary import CATEGORIES, GENRES, MODALITIES

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["MODALITY_ONLY", "LinearModel", "describe_feature", "load_models"]

FORMAT = "newsbrief/linear-model/1"
# A feature named with this prefix is for the modality model alone: the
# category fit leaves it out (so the category model has no weight for it and
# reads the row as before), and the row's length is measured without it.
# Both models still read one row, and the models file keeps its format.
MODALITY_ONLY = "mod:"


@dataclass(frozen=True)
class LinearModel:
    """Weights of one decision (``category`` or ``modality``)."""

    field: str
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float | None = None
    # Each feature's mean over the training rows, where the fit centred them
    # (the genre model): an explanation reads how far a value stands from it.
    centre: dict[str, float] | None = None

    def scores(self, features: dict[str, float]) -> list[float]:
        """Return the linear score of each class.

        Features are added in sorted order, so each sum is the same float on
        every run; this runs for every pair of claims that might restate one
        another, hence the plain loops over the classes.
        """
        out = list(self.intercept)
        weights = self.weights
        # Only the named features with a weight add anything: the same sums,
        # in the same order, without walking the others.
        classes = range(len(out))
        for name in sorted(features.keys() & weights.keys()):
            w, value = weights[name], features[name]
            for k in classes:  # two or three classes: cheaper than a comprehension
                out[k] += w[k] * value
        return out

    def predict(self, features: dict[str, float]) -> tuple[str, float]:
        """Return the most likely class and its probability."""
        return self.predict_scores(self.scores(features))

    def predict_scores(self, scores: Sequence[float]) -> tuple[str, float]:
        """The top class of :meth:`scores` (the first of equals) and its probability."""
        top = max(range(len(scores)), key=lambda k: (scores[k], -k))
        peak = scores[top]
        total = sum(math.exp(s - peak) for s in scores)
        return self.classes[top], 1.0 / total

    def explain(self, features: dict[str, float], label: str, n: int = 3) -> tuple[str, ...]:
        """The features that pushed most towards ``label``, in words.

        A feature's push is its weight for ``label`` minus its mean weight over
        the classes, times its value: what it adds to this class over the others.
        """
        k = self.classes.index(label)
        pushes = []
        means = self._means
        for name, value in features.items():
            w = self.weights.get(name)
            if w is None:
                continue
            mean = means.get(name)
            if mean is None:
                mean = means[name] = sum(w) / len(w)
            push = (w[k] - mean) * value
            if push > 0:
                pushes.append((-push, name))
        return tuple(describe_feature(name) for _, name in sorted(pushes)[:n])

    @cached_property
    def _means(self) -> dict[str, float]:
        """Each feature's mean weight over the classes, filled as :meth:`explain` meets it."""
        return {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (weights rounded to six decimals)."""
        out: dict[str, Any] = {
            "format": FORMAT,
            "field": self.field,
            "classes": list(self.classes),
            "intercept": [round(x, 6) for x in self.intercept],
            "weights": {name: [round(x, 4) for x in w] for name, w in sorted(self.weights.items())},
        }
        if self.threshold is not None:
            out["threshold"] = round(self.threshold, 6)
        if self.centre is not None:
            out["centre"] = {name: round(x, 6) for name, x in sorted(self.centre.items())}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "model") -> LinearModel:
        """Rebuild from :meth:`to_dict`, checking the shape."""
        try:
            if data["format"] != FORMAT:
                raise ValueError(f"format {data['format']!r}, expected {FORMAT!r}")
            classes = tuple(str(c) for c in data["classes"])
            intercept = tuple(float(x) for x in data["intercept"])
            # map(): twice as fast as a generator here, 5 ms of every cold start
            weights = {str(name): tuple(map(float, w)) for name, w in data["weights"].items()}
            if not classes:
                raise ValueError("no classes")
            if len(intercept) != len(classes) or any(
                len(w) != len(classes) for w in weights.values()
            ):
                raise ValueError("one weight per class is needed")
            threshold = data.get("threshold")
            centre = data.get("centre")
            model = cls(
                str(data["field"]),
                classes,
                intercept,
                weights,
                None if threshold is None else float(threshold),
                None if centre is None else {str(k): float(v) for k, v in centre.items()},
            )
            _check_finite(model)
            return model
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise NewsbriefError(f"{where}: not a newsbrief model ({exc})") from None


def _check_finite(model: LinearModel) -> None:
    """Refuse NaN and infinity: JSON admits them, and every score they touch is NaN.

    A NaN weight made every claim of an article the first class, silently.
    """
    numbers = [*model.intercept, *(x for w in model.weights.values() for x in w)]
    numbers += [model.threshold or 0.0, *(model.centre or {}).values()]
    if not all(map(math.isfinite, numbers)):
        raise ValueError("a weight is NaN or infinite")


#: The models a models file may hold and the labels each may give; a model it
#: leaves out is decided by the rules (a refit of the category model alone).
MODEL_LABELS: dict[str, tuple[str, ...]] = {
    "category": CATEGORIES,
    "modality": MODALITIES,
    "genre": GENRES,
    "restatement": ("no", "yes"),
}


def load_models(path: str | Path) -> dict[str, LinearModel]:
    """Read a models file: ``{"category": {...}, "modality": {...}, ...}``.

    A file with no model at all, or a model of a name or labels the toolkit
    does not know (a model of another project, a hand edit), is refused: the
    analysis would otherwise run on the rules alone, or write labels no
    reader expects, without a word.
    """
    data = read_json_file(path, "the claims model")
    if not isinstance(data, dict):
        raise NewsbriefError(f"{path}: the claims model must be a JSON object")
    unknown = sorted(set(data) - set(MODEL_LABELS))
    if not data or unknown:
        problem = f"unknown model(s) {unknown}" if unknown else "no model in it"
        raise NewsbriefError(f"{path}: not a newsbrief claims model ({problem})")
    models = {k: LinearModel.from_dict(v, f"{path}: {k}") for k, v in sorted(data.items())}
    for name, model in models.items():
        strange = sorted(set(model.classes) - set(MODEL_LABELS[name]))
        if strange:
            raise NewsbriefError(f"{path}: {name}: not a newsbrief model (labels {strange})")
    return models


_WORDS = {
    # which rules: the modality model weighs the category rules' reading too,
    # and a modality cue "the rules read it as event" read as a contradiction
    "rule_cat": "the category rules read it as {}",
    "rule_cat_reported": "the category rules read a reported claim as {}",
    "rule_mod": "the modality rules read it as {}",
    "rule_cue": "rule cue: {}",
    "prev_rule_cat": "follows a claim read as {}",
    "aspect": "tense: {}",
    "root_aspect": "main clause tense: {}",
    "lemma": "verb '{}'",
    "modal": "modal '{}'",
    "subj": "subject '{}'",
    "subj_ent": "subject entity {}",
    "subj_pos": "subject is {}",
    "genre": "genre: {}",
    "w": "word '{}'",
    "cw": "reported word '{}'",
    "first": "opens with '{}'",
    "complement": "is '{}'",
    "complement_pos": "complement is {}",
    "lex": "lexicon: {}",
    "person": "{} person",
    "main_act": "main verb {}",
    "speech_act": "reporting verb {}",
    "content_act": "reported verb {}",
    "main_class": "main verb of class {}",
    "speech_class": "reporting verb of class {}",
    "content_class": "reported verb of class {}",
    "content_subj": "content subject: {}",
    "content_modal": "modal on the claim's verb: {}",
    "modal_scope": "a modal that hedges nothing: {}",
    "reported_future": "a reported 'would' of a thing or an event: a {}",
    "characterizes": "a linking verb with a {} complement",
    "stance_noun": "a party's {} named by a noun",
}


def describe_feature(name: str) -> str:
    """Turn a feature name into the words shown in the claims table's ``cues``."""
    if name.startswith(MODALITY_ONLY):
        return describe_feature(name.removeprefix(MODALITY_ONLY))
    if "|" in name:
        genre, rest = name.split("|", 1)
        return f"{describe_feature(rest)} in {genre}"
    key, sep, value = name.partition("=")
    if sep and key in _WORDS:
        return _WORDS[key].format(value.replace("_", " ").replace("&", ", "))
    return name.replace("_", " ")
