"""Shared fixtures: the default article, the shared corpus, small synthetic articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.config import DEFAULT_ARTICLE, GOLD_DIR

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def default_article() -> Path:
    return DEFAULT_ARTICLE


@pytest.fixture(scope="session")
def default_analysis():
    from newsbrief.analysis import analyze_file

    return analyze_file(DEFAULT_ARTICLE)


@pytest.fixture(scope="session")
def persons_part_of():
    """Analyze a text and map each person the analysis found to its ``part_of``."""
    from newsbrief.analysis import analyze
    from newsbrief.article import source_from_text

    def read(text: str) -> dict[str, str | None]:
        found = analyze(source_from_text(text)).actors
        return {a.name: a.part_of for a in found if a.type == "person"}

    return read


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR
