"""Shared fixtures: the default article, the shared corpus, small synthetic articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.config import DEFAULT_ARTICLE, GOLD_DIR, SHARED_CORPUS

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def default_article() -> Path:
    return DEFAULT_ARTICLE


@pytest.fixture(scope="session")
def default_analysis():
    from newsbrief.analysis import analyze_file

    return analyze_file(DEFAULT_ARTICLE)


def corpus_article(name: str) -> Path:
    """A shared-corpus article, or a clean skip when ../shared is absent."""
    path = SHARED_CORPUS / name
    if not path.is_file():
        pytest.skip(f"shared corpus not available ({path})")
    return path


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD_DIR
