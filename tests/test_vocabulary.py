"""One vocabulary: the schema, the evaluator and the figures read it, and follow it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from matplotlib.colors import to_hex

from newsbrief import vocabulary
from newsbrief.analysis import analysis_schema, to_dict, validate
from newsbrief.briefing import counts_figure
from newsbrief.config import package_file
from newsbrief.evaluate import _macro_f1


def _enums(schema: dict) -> dict[str, list]:
    defs = schema["$defs"]
    return {
        "genre": schema["properties"]["article"]["properties"]["genre"]["enum"],
        "category": defs["unit"]["properties"]["category"]["enum"],
        "modality": defs["unit"]["properties"]["modality"]["enum"],
        "actor type": defs["actor"]["properties"]["type"]["enum"],
        "polarity": defs["relation"]["properties"]["polarity"]["enum"],
    }


def _expected() -> dict[str, list]:
    return {
        "genre": list(vocabulary.GENRES),
        "category": [*vocabulary.CATEGORIES, None],
        "modality": [*vocabulary.MODALITIES, None],
        "actor type": list(vocabulary.ACTOR_TYPES),
        "polarity": list(vocabulary.RELATION_POLARITIES),
    }


def test_shipped_schema_file_matches_the_vocabulary():
    shipped = json.loads(package_file("analysis.schema.json").read_text(encoding="utf-8"))
    assert _enums(shipped) == _expected()


def test_every_category_has_its_colours_and_a_bucket():
    assert set(vocabulary.CATEGORY_COLOURS) == set(vocabulary.CATEGORIES)
    assert set(vocabulary.CATEGORY_BAR_COLOURS) == set(vocabulary.CATEGORIES)
    bucketed = [c for cats in vocabulary.BUCKETS.values() for c in cats]
    assert sorted(bucketed) == sorted(vocabulary.CATEGORIES)
    assert set(vocabulary.POLARITY_COLOURS) == set(vocabulary.RELATION_POLARITIES)
    assert set(vocabulary.ACTOR_TYPE_COLOURS) == set(vocabulary.ACTOR_TYPES)


@pytest.fixture
def forecast(monkeypatch):
    """A temporary vocabulary with one more category, ``forecast``."""
    table = (*vocabulary.CATEGORY_TABLE, vocabulary.Category("forecast", "#ccf2ff", "#0b7a99", "x"))
    monkeypatch.setattr(vocabulary, "CATEGORY_TABLE", table)
    monkeypatch.setattr(vocabulary, "CATEGORIES", tuple(c.name for c in table))
    monkeypatch.setattr(vocabulary, "CATEGORY_COLOURS", {c.name: c.colour for c in table})
    monkeypatch.setattr(vocabulary, "CATEGORY_BAR_COLOURS", {c.name: c.bar_colour for c in table})
    return table[-1]


def _with_forecast(analysis):
    """The analysis with its first claim re-categorised as ``forecast``."""
    first = replace(analysis.claims[0], category="forecast")
    return replace(analysis, claims=(first, *analysis.claims[1:]))


def test_a_new_category_reaches_the_schema(forecast, default_analysis):
    assert "forecast" in _enums(analysis_schema())["category"]
    assert _enums(analysis_schema()) == _expected()
    validate(to_dict(_with_forecast(default_analysis)))  # accepted, no ValidationError


def test_without_it_the_schema_refuses_the_category(default_analysis):
    import jsonschema

    with pytest.raises(jsonschema.ValidationError, match="forecast"):
        validate(to_dict(_with_forecast(default_analysis)))


def test_a_new_category_reaches_the_evaluator(forecast):
    # one right forecast, one event read as context: per-category F1 1, 0, 0
    assert _macro_f1([("forecast", "forecast"), ("event", "context")]) == pytest.approx(0.3333)


def test_the_evaluator_ignores_an_unknown_category():
    assert _macro_f1([("forecast", "forecast"), ("event", "context")]) == 0.0


def test_a_new_category_reaches_the_figure_legend(forecast, default_analysis):
    fig = counts_figure(_with_forecast(default_analysis))
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == list(vocabulary.CATEGORIES)
    colours = {to_hex(bar.get_facecolor()) for bar in ax.patches}
    assert forecast.bar_colour in colours


@pytest.mark.parametrize(
    ("relation_type", "words"),
    [
        ("signed_agreement_with", "signed an agreement with"),
        ("issued_joint_statement_with", "issued a joint statement with"),
        ("signed_treaty_with", "signed a treaty with"),
        ("imposed_emergency_on", "imposed a state of emergency on"),
        ("discussed_with", "held discussions with"),
        ("imposed_on", "imposed measures on"),
        ("held_talks_with", "held talks with"),
        ("condemns", "condemns"),
        ("part_of", "part of"),
    ],
)
def test_a_relation_type_reads_as_words_between_two_names(relation_type, words):
    assert vocabulary.relation_words(relation_type) == words
