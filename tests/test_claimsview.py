from __future__ import annotations

import json

import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.claimsview import (
    ClaimFilter,
    _marked,
    claim_context,
    claims_explorer,
    claims_frame,
    cue_words,
    filter_claims,
    filter_options,
)
from newsbrief.config import NOTEBOOKS_DIR

TEXT = (
    "Russia invaded Ukraine in 2022. Officials said Japan will dispatch officers to NATO. "
    "Japan should expand intelligence sharing with NATO. "
    "The deployment could deepen ties between Japan and NATO."
)


@pytest.fixture(scope="module")
def analysis():
    return analyze(source_from_text(TEXT))


@pytest.fixture(scope="module")
def frame(analysis):
    return claims_frame(analysis)


def test_frame_names_sources_and_actors(frame, analysis):
    assert len(frame) == len([c for c in analysis.claims if analysis.units[c.unit].kind == "claim"])
    first = frame.iloc[0]
    assert first["actor_names"] == ("Russia", "Ukraine")
    assert set(frame["restated"]) <= {1, 2, 3} and (frame["restated"] >= 1).all()


def test_each_filter_keeps_only_matching_rows(frame):
    options = filter_options(frame)
    for name, column in (("category", "category"), ("modality", "modality"), ("source", "source")):
        kept = 0
        for value in options[name]:
            rows = filter_claims(frame, ClaimFilter(**{name: value}))
            assert (rows[column] == value).all()
            kept += len(rows)
        assert kept == len(frame)  # the values of one filter partition the claims
    rows = filter_claims(frame, ClaimFilter(actor="NATO"))
    assert len(rows) == sum("NATO" in names for names in frame["actor_names"]) > 0
    assert all("NATO" in names for names in rows["actor_names"])


def test_search_is_case_insensitive_and_combines_with_filters(frame):
    rows = filter_claims(frame, ClaimFilter(text="INTELLIGENCE"))
    assert list(rows["text"].str.contains("intelligence")) == [True]
    assert filter_claims(frame, ClaimFilter(text="intelligence", actor="Russia")).empty
    assert filter_claims(frame, ClaimFilter(text="no such word anywhere")).empty
    assert len(filter_claims(frame, ClaimFilter(text="   "))) == len(frame)


def test_sort_orders(frame):
    by_category = filter_claims(frame, ClaimFilter(sort="category"))
    assert list(by_category["category"]) == sorted(frame["category"])
    reading = filter_claims(frame, ClaimFilter())
    assert list(reading["index"]) == sorted(frame["index"])
    with pytest.raises(ValueError, match="unknown sort"):
        filter_claims(frame, ClaimFilter(sort="colour"))


def test_context_shows_neighbours_escaped_and_marks_cues(analysis):
    claim = next(c for c in analysis.claims if c.cues)
    html = claim_context(analysis, claim.unit)
    assert f"<b>{analysis.units[claim.unit].text[:10]}" in html.replace("<mark>", "")
    assert "Cues" in html and claim.category in html
    neighbours = [u.text for u in analysis.units if abs(u.index - claim.unit) == 1]
    assert neighbours and all(t[:20] in html for t in neighbours)
    assert "Choose a claim" in claim_context(analysis, -1)


def test_cue_words_are_the_quoted_words_not_the_cue_descriptions():
    cues = ["word 'harbour'", "modal on the claim's verb: might", "date", "position", "verb:say"]
    assert cue_words(cues) == ["harbour", "might", "say"]
    marked = _marked("The opposition says the harbour might close on the update date.", cues)
    assert marked == (
        "The opposition <mark>says</mark> the <mark>harbour</mark> <mark>might</mark> "
        "close on the update date."
    )


def test_context_names_a_section_only_when_the_claim_has_one():
    plain = analyze(source_from_text("Chile and Peru reopened the border. Peru welcomed it."))
    assert "section:" not in claim_context(plain, plain.claims[0].unit)
    headed = analyze(
        source_from_text("Ports pact\n\n## Trade\n\nChile and Peru reopened the border.\n")
    )
    claim = headed.claims[-1]
    assert f"section: {headed.units[claim.unit].section}" in claim_context(headed, claim.unit)


def test_context_escapes_article_html():
    hostile = analyze(source_from_text("Russia said <script>alert(1)</script> Ukraine must leave."))
    unit = next(c.unit for c in hostile.claims)
    html = claim_context(hostile, unit)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_explorer_plain_text_is_short_and_stable(analysis, frame):
    shown = claims_explorer(analysis)
    bundle = shown._repr_mimebundle_()
    assert bundle["text/plain"] == f"Claims explorer: {len(frame)} claims"
    assert "model_id" in bundle["application/vnd.jupyter.widget-view+json"]


def test_briefing_notebook_emits_no_widgets():
    """The exported briefing must stay static: no widget in 03, widgets only in 01/02."""
    nb = json.loads((NOTEBOOKS_DIR / "03_briefing.ipynb").read_text())
    source = "".join("".join(c["source"]) for c in nb["cells"])
    assert "claimsview" not in source and "graphview" not in source
    assert "widget" not in json.dumps([c.get("outputs", []) for c in nb["cells"]])
