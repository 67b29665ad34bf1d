"""Regression fixture: the default article's full analysis, pinned.

This is the one place where the default article's output is written down, on
purpose: any change in extraction shows up here as a diff to review. After a
deliberate change, regenerate it with ``make regen-fixtures`` (which also
re-executes the notebooks) and commit the new fixture.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsbrief.analysis import to_json

FIXTURE = Path(__file__).parent / "fixtures" / "regression_default_analysis.json"


def test_default_article_matches_regression_fixture(default_analysis):
    expected = json.loads(FIXTURE.read_text(encoding="utf-8"))
    got = json.loads(to_json(default_analysis))
    for key in ("article", "units", "actors", "relations"):
        assert got[key] == expected[key], (
            f"{key} changed: review the diff, then run `make regen-fixtures`"
        )
