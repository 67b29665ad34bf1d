from __future__ import annotations

import itertools
import json

import networkx as nx

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.figures import figure_bytes, graph_figure
from newsbrief.graph import actor_graph, export_graph, metrics_table

TEXT = (
    "Russia invaded Ukraine in 2022. Japan will dispatch officers to NATO. "
    "Poland and Germany discussed the budget."
)


def test_graph_nodes_edges_and_evidence():
    a = analyze(source_from_text(TEXT))
    g = actor_graph(a)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["RUS"]["type"] == "state" and g.nodes["RUS"]["mentions"] == 1
    edge = g.edges["RUS", "UKR", "invaded"]
    assert edge["polarity"] == "conflictual" and not edge["weak"]
    assert a.units[edge["evidence"][0]["unit"]].text.startswith("Russia invaded")
    assert g.edges["JPN", "NATO", "deploys_personnel_to"]["polarity"] == "cooperative"
    weak = [d for _, _, d in g.edges(data=True) if d["weak"]]
    assert weak and all(d["type"] == "co_mentioned" for d in weak)


def test_metrics_ignore_weak_edges():
    g = actor_graph(analyze(source_from_text(TEXT)))
    m = metrics_table(g).set_index("actor")
    assert m.loc["RUS", "degree"] == 1
    assert m.loc["POL", "degree"] == 0


def test_exports_round_trip(tmp_path):
    g = actor_graph(analyze(source_from_text(TEXT)))
    path = tmp_path / "g.graphml"
    path.write_text(export_graph(g, "graphml"), encoding="utf-8")
    back = nx.read_graphml(path)
    assert back.nodes["RUS"]["name"] == "Russia"
    assert json.loads(export_graph(g, "json"))["directed"] is True
    assert "<gexf" in export_graph(g, "gexf")


def big_graph(n: int = 20) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(title="synthetic")
    names = [f"Actor Number {i} With Long Name" if i % 3 == 0 else f"Actor {i}" for i in range(n)]
    for i, name in enumerate(names):
        g.add_node(str(i), name=name, type="state" if i % 2 else "organization", mentions=i % 5)
    for i in range(n):
        g.add_edge(
            str(i),
            str((i * 7 + 3) % n),
            key="supports",
            type="supports",
            polarity="cooperative",
            weak=False,
            weight=1,
            evidence=[],
        )
    return g


def test_figure_labels_do_not_overlap_for_twenty_nodes():
    fig = graph_figure(big_graph())
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [
        t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_fontweight() == "bold"
    ]
    assert len(boxes) == 20
    assert not [1 for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]


def test_figure_is_deterministic():
    g = big_graph(8)
    assert figure_bytes(graph_figure(g), "svg") == figure_bytes(graph_figure(g), "svg")
    assert figure_bytes(graph_figure(g), "png") == figure_bytes(graph_figure(g), "png")


def test_joint_activity_links_the_subjects():
    a = analyze(source_from_text("Japan and Australia will hold joint naval drills next week."))
    strong = {(r.source, r.target, r.type) for r in a.relations if not r.weak}
    assert ("JPN", "AUS", "exercises_with") in strong


def test_phrasal_verb_take_part():
    text = "Canadian troops are taking part in the exercises of Japan and the United States."
    strong = {(r.source, r.target) for r in analyze(source_from_text(text)).relations if not r.weak}
    assert {("CAN-MIL", "JPN"), ("CAN-MIL", "USA")} <= strong or any(
        s.startswith("CAN") and t == "JPN" for s, t in strong
    )
