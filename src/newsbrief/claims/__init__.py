"""Read each claim: category, modality, attribution, actors and restatements.

The step runs in three parts: the hand-written rules read the parse
(:mod:`.rules`), their readings become features (:mod:`.features`), and
models fitted on the gold corpus decide category and modality from them
(:mod:`.model`, weights in ``data/claims_model.json``); a pair model links
restatements (:mod:`.restatement`). Every decision keeps its ``cues``: the
features that weighed most for it, in words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..config import claims_model_file, package_file
from .attribution import speaker_of_remarks, writers_of_opinion
from .features import ArticleContext, claim_features
from .genre import GENRES, GenreReading, read_genre
from .model import LinearModel, load_models
from .restatement import ClaimBag, claim_bag, restatements
from .rules import Cues, load_cues, read_claims
from .sources import (
    bodies_in_apposition,
    carry_given_names,
    full_names_of_surnames,
    in_running_text,
    name_sources,
    persons_of_colon_intros,
)

if TYPE_CHECKING:
    from collections.abc import Collection

    from ..model import Claim
    from ..parsed import ArticleParse

__all__ = [
    "GENRES",
    "HABITUAL_CUE",
    "SCENE_CUE",
    "SINCE_CUES",
    "ClaimReading",
    "Cues",
    "GenreReading",
    "decide",
    "default_models",
    "joint_category",
    "load_cues",
    "load_models",
    "read_article_claims",
    "read_genre",
]

MODEL_FILE = "claims_model.json"


@dataclass(frozen=True)
class ClaimReading:
    """Everything the models see of an article's claims, before they decide."""

    genre: str
    genre_cue: str
    claims: tuple[Claim, ...]
    features: tuple[dict[str, float], ...]
    bags: dict[int, ClaimBag]


@lru_cache(maxsize=1)
def default_models() -> dict[str, LinearModel]:
    """The models in use, read once per process: the shipped file, or ``NEWSBRIEF_CLAIMS_MODEL``.

    ``newsbrief train`` rewrites the shipped file, or with ``--out`` writes
    one that the environment variable points every command at.
    """
    return load_models(claims_model_file() or package_file(MODEL_FILE))


def read_article_claims(
    parse: ArticleParse, cues: Cues, genre_model: LinearModel | None = None
) -> ClaimReading:
    """Run the rules and compute every claim's features (what training needs too).

    ``genre_model`` (``genre`` in the models file) reads the genre; without
    one the hand rules do.
    """
    units, spans = parse.units, parse.spans
    claims, readings = read_claims(parse, cues)
    read = read_genre(units, spans, cues, genre_model)
    genre, genre_cue = read.genre, read.cue
    written = speaker_of_remarks(claims, units, genre, cues)
    claims = name_sources(written, units, parse.mentions)
    n = sum(1 for c in claims if units[c.unit].kind == "claim")
    context = ArticleContext(units, genre, n, tuple(sorted(read.shares.items())))
    features = []
    previous: Claim | None = None
    order = 0
    synonyms = cues.synonyms()
    bags: dict[int, ClaimBag] = {}
    for claim, reading in zip(claims, readings, strict=True):
        features.append(claim_features(reading, claim, order, previous, context, cues))
        if units[claim.unit].kind == "claim":
            bags[claim.unit] = claim_bag(
                spans[claim.unit], claim, synonyms, order, units[claim.unit].paragraph
            )
            previous = claim
            order += 1
    claims = carry_given_names(written, claims)
    claims = persons_of_colon_intros(claims, units, spans)
    claims = bodies_in_apposition(claims, units, spans)
    claims = full_names_of_surnames(claims)
    claims = writers_of_opinion(claims, units, genre, cues)
    claims = in_running_text(claims, units, spans)
    return ClaimReading(genre, genre_cue, tuple(claims), tuple(features), bags)


SCENE_CUE = "rule_cue=scene"
"""The feature the scene rule leaves (:func:`.category._rule_scene`).

What footage or a witness shows ("smoke can be seen billowing", "the video
shows children running") is the guide's event; the rule reads the
perception verb, and the model overrode it with the weights of a late
position, a section and a present tense, which in most sentences mean
background or judgement (the development half: all 7 claims the rule
fires on are events; the model made 2 of them assessments). Its verdict is kept.
Leave-one-article-out (development / held-out), category lenient/strict/
macro-F1: 0.752/0.707/0.716 and 0.714/0.674/0.652 before, 0.757/0.712/0.720
and 0.714/0.674/0.652 with it; modality unchanged (0.971 / 0.936).
"""


HABITUAL_CUE = "habitual_adverb"
"""The feature of an adverb of frequency or continuance (:func:`.features._background_features`).

"The rebels have repeatedly shelled the port", "the valley is still
flooded", "prices are increasingly rising": on a clause that is not in the
past, such an adverb says what has held over time or keeps happening, a
standing state or a pattern (the guide's context), not the day's news.
The model weighs it with the tense, the verb and the position, and a
perfect or progressive of a news verb outvoted it; when the model reads
such a clause as an event, the adverb's reading is kept. A past clause
keeps the model's event ("was raped repeatedly for days" tells one
occurrence). Development half: the override turns two claims (two
articles) from event to context, both right; the adverb sits on four
non-past development claims, three of them context. Leave-one-article-out
(development / held-out), category lenient/strict/macro-F1: 0.762/0.717/
0.725 and 0.714/0.674/0.652 before, 0.766/0.721/0.728 and 0.714/0.674/0.652
after; modality unchanged (0.971 / 0.936). It reads features the model
already has, so no fit changes.
"""
# The aspects of a clause that is not set in the past (:func:`.reading.clause_aspect`).
_STANDING_ASPECTS = ("aspect=present", "aspect=perfect", "aspect=progressive")
SINCE_CUES = ("since a time", "since a year")
"""The rules' cues of a clause measured from a past point (:func:`.category._since_then`).

"More than 400 families have left the valley since March", "the road has
been closed since 2019": a count or a state measured from then is a
standing figure or arrangement (the guide's "since 2014" is its example of
background). The rules read the construction from the parse; the model
weighs it as a feature and made such a claim an event once in the
development half (a reported "has directed attacks since October 8"); of
the three development claims the rules read so, all are context. When the
model says event, the rules' reading is kept. Leave-one-article-out
(development / held-out), category lenient/strict/macro-F1, with the
habitual override: 0.766/0.721/0.728 and 0.714/0.674/0.651 before,
0.767/0.722/0.729 and 0.714/0.674/0.651 after; modality unchanged. It reads
features the model already has, so no fit changes.
"""
_SINCE_FEATURES = tuple(f"rule_cue={cue}" for cue in SINCE_CUES)
UNTENSED_QUOTE = ("quote", "aspect=other")
"""The features of a quotation whose clause has no tense (:func:`.reading.clause_aspect`).

"Checkmate!", "Not one more day!", "you cannot trust a
ceasefire like that": an exclamation, a verbless fragment or a bare modal
in quotation marks. A quote is categorized by what it says, and the
guide's event is what happened, told by a past or progressive action verb;
a quoted line without a tense tells no happening, and stated as fact (no
hedge, which would make it an outlook) it is the speaker's reaction or
judgement. The model weighs the words and the reporting frame ("he said",
past) and read such lines as events. Development half: of the 21 untensed
quotes the modality model calls asserted, the model reads 5 as events, 4
of them assessments in gold (4 articles), 1 an implication; gold makes 2
of the 21 events (one also an assessment). When the model says event, the assessment
is kept. Leave-one-article-out (development / held-out), category lenient/
strict/macro-F1: 0.771/0.726/0.736 and 0.714/0.672/0.650 before,
0.778/0.733/0.740 and 0.714/0.672/0.651 after; modality unchanged (0.971 /
0.936). It reads features the model already has, so no fit changes.
"""


def joint_category(category: str, modality: str, features: Collection[str] = ()) -> str:
    """The category once the modality and the rules' scene reading are known.

    A prescription is a recommendation; a scene (:data:`SCENE_CUE`) an event;
    an event with an adverb of frequency on a clause not in the past
    (:data:`HABITUAL_CUE`) or measured from a past point (:data:`SINCE_CUES`)
    background; an event in an asserted quote without a tense
    (:data:`UNTENSED_QUOTE`) a judgement.

    The guide defines the two by the same signals (should, must, needs to,
    called on X to), and the gold agrees: of the development half's 30
    prescriptive claims 29 are recommendations. The two models decide apart,
    and a long sentence's words can outvote "must" in the category model
    while the modality model, which weighs its modal signals more, reads it.
    Leave-one-article-out (development / held-out), category lenient/strict/
    macro-F1: 0.728/0.679/0.687 and 0.708/0.668/0.645 before, 0.729/0.683/0.695
    and 0.712/0.672/0.653 after; modality unchanged (0.972 / 0.929).
    """
    if modality == "prescriptive":
        return "recommendation"
    if SCENE_CUE in features:
        return "event"
    if category == "event" and (_holds_over_time(features) or _measured_from_then(features)):
        return "context"
    if category == "event" and modality == "asserted" and _untensed_quote(features):
        return "assessment"
    return category


def _holds_over_time(features: Collection[str]) -> bool:
    """An adverb of frequency or continuance on a clause not in the past (:data:`HABITUAL_CUE`)."""
    return HABITUAL_CUE in features and any(a in features for a in _STANDING_ASPECTS)


def _measured_from_then(features: Collection[str]) -> bool:
    """The rules read a clause measured from a past point ("since March"; :data:`SINCE_CUES`)."""
    return any(k in features for k in _SINCE_FEATURES)


def _untensed_quote(features: Collection[str]) -> bool:
    """A quotation whose clause has no tense of its own (:data:`UNTENSED_QUOTE`)."""
    return all(k in features for k in UNTENSED_QUOTE)


def _joint_cues(
    joint: str, cues: dict[str, tuple[str, ...]], rules: dict[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """Why the category follows the modality or the rules, not the category model."""
    if joint == "recommendation":
        # the modality model's probability, then why the category follows it
        return (cues["modality"][0], "modality:prescriptive")
    if joint == "context":
        rule = rules.get("category", ("",))[0]
        return (cues["category"][0], rule if rule in SINCE_CUES else "habitual adverb")
    if joint == "assessment":
        return (cues["category"][0], "quote without a tense")
    return tuple(rules.get("category", ())[:1]) or ("scene",)


def decide(reading: ClaimReading, models: dict[str, LinearModel]) -> list[Claim]:
    """Let the fitted models decide category, modality and restatements."""
    out = []
    for claim, feats in zip(reading.claims, reading.features, strict=True):
        if claim.category is None:
            out.append(claim)
            continue
        changes: dict[str, Any] = {}
        cues = dict(claim.cues)
        for field in ("category", "modality"):
            model = models.get(field)
            if model is None:
                continue
            label, p = model.predict(feats)
            changes[field] = label
            cues[field] = (f"model p={p:.2f}", *model.explain(feats, label))
        if "category" in changes and "modality" in changes:
            joint = joint_category(changes["category"], changes["modality"], feats)
            if joint != changes["category"]:
                changes["category"] = joint
                cues["category"] = _joint_cues(joint, cues, claim.cues)
        out.append(replace(claim, **changes, cues=cues))
    return restatements(out, reading.bags, models.get("restatement"))
