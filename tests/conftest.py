"""Shared fixtures: the default article, the shared corpus, small synthetic articles."""

from __future__ import annotations

import itertools
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


@pytest.fixture
def hub_graph():
    """Four much-mentioned actors tied to each other and to twenty others.

    Layouts that spread nodes in layout units drew such hubs on each other.
    """
    import networkx as nx

    g = nx.MultiDiGraph(title="hubs")
    hubs = [f"Hub {c}" for c in "ABCD"]
    for h in hubs:
        g.add_node(h, name=h, type="state", mentions=12)
    for i in range(20):
        g.add_node(f"L{i}", name=f"Leaf Actor {i}", type="person", mentions=1)
        for h in hubs:
            g.add_edge(h, f"L{i}", key="meets", type="meets", polarity="cooperative")
    for a, b in itertools.combinations(hubs, 2):
        for kind in ("attacked", "condemns", "threatens"):
            g.add_edge(a, b, key=kind, type=kind, polarity="conflictual", weight=2)
    return g
