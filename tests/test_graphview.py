from __future__ import annotations

import networkx as nx
import pytest

from newsbrief.graphview import (
    edge_details,
    edge_id,
    graph_elements,
    graph_explorer,
    graph_style,
    node_details,
)


@pytest.fixture
def graph():
    g = nx.MultiDiGraph()
    g.add_node("RUS", name="Russia", type="state", mentions=3)
    g.add_node("UKR", name="Ukraine", type="state", mentions=2, aliases=["Kyiv"])
    g.add_node("JPN", name="Japan", type="state", mentions=1)
    g.add_node("NATO", name="NATO", type="organization", mentions=1)
    g.add_node("POL", name="Poland", type="state", mentions=1)
    ev = [{"unit": 1, "start": 0, "end": 6, "text": "Russia invaded <b>Ukraine</b>."}]
    g.add_edge(
        "RUS",
        "UKR",
        key="invaded",
        type="invaded",
        polarity="conflictual",
        weak=False,
        weight=1,
        evidence=ev,
        **{"class": "ASSAULT"},
    )
    g.add_edge(
        "JPN",
        "NATO",
        key="cooperates_with",
        type="cooperates_with",
        polarity="cooperative",
        weak=False,
        weight=2,
        evidence=[],
        **{"class": "COOPERATE"},
    )
    g.add_edge(
        "JPN",
        "POL",
        key="co_mentioned",
        type="co_mentioned",
        polarity="neutral",
        weak=True,
        weight=1,
        evidence=[],
        **{"class": ""},
    )
    return g


def test_elements_have_positions_and_skip_weak_edges(graph):
    el = graph_elements(graph)
    assert [n["data"]["id"] for n in el["nodes"]] == sorted(graph.nodes)
    assert all({"x", "y"} <= set(n["position"]) for n in el["nodes"])
    assert [e["data"]["id"] for e in el["edges"]] == [
        "JPN|NATO|cooperates_with",
        "RUS|UKR|invaded",
    ]
    assert len(graph_elements(graph, weak=True)["edges"]) == 3


def test_positions_fill_a_box_twice_as_wide_as_tall_and_stay_when_filtered(graph):
    """Cytoscape keeps the layout's aspect, so the positions carry the box's."""
    nodes = graph_elements(graph)["nodes"]
    xs = [n["position"]["x"] for n in nodes]
    ys = [n["position"]["y"] for n in nodes]
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) == pytest.approx(2.0, rel=0.01)
    kept = {
        n["data"]["id"]: n["position"]
        for n in graph_elements(graph, polarity="conflictual")["nodes"]
    }
    assert kept and all(
        kept[n["data"]["id"]] == n["position"] for n in nodes if n["data"]["id"] in kept
    )


def test_the_most_mentioned_actor_is_drawn_last_with_a_legible_name(graph):
    graph.add_node("CHL", name="Chile", type="state", mentions=40)  # past the disc size's cap
    z = {n["data"]["id"]: n["data"]["z"] for n in graph_elements(graph)["nodes"]}
    assert z == {"CHL": 40, "JPN": 1, "NATO": 1, "POL": 1, "RUS": 3, "UKR": 2}
    node = next(s["style"] for s in graph_style() if s["selector"] == "node")
    assert node["z-index"] == "data(z)"
    assert node["text-background-opacity"] > 0


def test_layout_is_stable(graph):
    assert graph_elements(graph) == graph_elements(graph.copy())


def test_filters_keep_one_polarity_or_class_and_drop_lone_actors(graph):
    el = graph_elements(graph, polarity="conflictual")
    assert [e["data"]["id"] for e in el["edges"]] == ["RUS|UKR|invaded"]
    assert [n["data"]["id"] for n in el["nodes"]] == ["RUS", "UKR"]
    el = graph_elements(graph, klass="COOPERATE")
    assert [n["data"]["id"] for n in el["nodes"]] == ["JPN", "NATO"]
    assert graph_elements(graph, polarity="conflictual", klass="COOPERATE")["edges"] == []


def test_edge_details_name_actors_class_polarity_and_escape_evidence(graph):
    html = edge_details(graph, "RUS", "UKR", "invaded")
    assert "<b>Russia</b> → <b>Ukraine</b>" in html
    assert "ASSAULT" in html and "conflictual" in html
    assert "&lt;b&gt;Ukraine&lt;/b&gt;" in html and "<b>Ukraine</b>." not in html
    assert "No such relation" in edge_details(graph, "UKR", "RUS", "invaded")


def test_node_details_list_relations_but_not_co_mentions(graph):
    html = node_details(graph, "JPN")
    assert "cooperates with" in html and "co mentioned" not in html
    assert "also Kyiv" in node_details(graph, "UKR")
    assert "No such actor" in node_details(graph, "XXX")


def test_node_details_do_not_list_the_name_among_its_aliases(graph):
    graph.add_node("HTC", name="Harbour Council", type="organization", mentions=2)
    graph.nodes["HTC"]["aliases"] = ["Harbour Council", "the Council"]
    assert "also the Council</p>" in node_details(graph, "HTC")
    graph.nodes["HTC"]["aliases"] = ["Harbour Council"]
    assert "also" not in node_details(graph, "HTC")


def test_merged_graph_evidence_names_its_article(graph):
    graph.edges["RUS", "UKR", "invaded"]["evidence"][0]["article"] = "a.txt"
    graph.edges["RUS", "UKR", "invaded"]["articles"] = ["a.txt", "b.txt"]
    html = edge_details(graph, "RUS", "UKR", "invaded")
    assert "a.txt" in html and "reported by 2 article(s)" in html


def test_edge_id():
    assert edge_id("A", "B", "x|y") == "A|B|x|y"


def test_explorer_summary(graph):
    assert repr(graph_explorer(graph)) == "Graph explorer: 5 actors, 2 relations"


def test_explorer_keeps_much_mentioned_actors_apart(hub_graph):
    """Two hubs tied to each other and to the same actors were drawn on each other."""
    nodes = graph_elements(hub_graph)["nodes"]
    close = [
        (a["data"]["id"], b["data"]["id"])
        for i, a in enumerate(nodes)
        for b in nodes[i + 1 :]
        if abs(a["position"]["x"] - b["position"]["x"])
        < (a["data"]["size"] + b["data"]["size"]) / 2
        and abs(a["position"]["y"] - b["position"]["y"])
        < (a["data"]["size"] + b["data"]["size"]) / 2
    ]
    assert close == []


def test_an_edge_label_over_an_actor_is_left_out_and_the_rest_are_shown():
    from newsbrief.graphview import _clear_labels

    g = nx.MultiDiGraph()
    for n in ("A", "B", "C"):
        g.add_node(n, name=f"Land {n}", type="state", mentions=1)
    g.add_edge("A", "B", key="invaded", type="invaded", weight=1, **{"class": "ASSAULT"})
    g.add_edge("A", "C", key="condemns", type="condemns", weight=3, **{"class": "DISAPPROVE"})
    pos = {"A": (0.0, 0.0), "B": (150.0, 0.0), "C": (300.0, 0.0)}
    edges = sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])
    # A -> C passes through B: its label would sit on B's disc, however strong the edge
    assert _clear_labels(g, pos, edges, keep_all=True) == {"A|B|invaded": "ASSAULT"}
    pos["B"] = (150.0, 200.0)
    assert _clear_labels(g, pos, edges, keep_all=True) == {
        "A|B|invaded": "ASSAULT",
        "A|C|condemns": "DISAPPROVE",
    }


def test_elements_label_only_edges_with_room(graph):
    labels = {e["data"]["id"]: e["data"]["label"] for e in graph_elements(graph)["edges"]}
    assert labels == {"JPN|NATO|cooperates_with": "COOPERATE", "RUS|UKR|invaded": "ASSAULT"}


def test_explorer_of_an_article_without_actors_says_why_the_canvas_is_empty():
    shown = graph_explorer(nx.MultiDiGraph())
    assert "No actors were recognised" in shown.widget.children[-1].value
    assert repr(shown) == "Graph explorer: 0 actors, 0 relations"


def test_explorer_writes_relation_types_in_words(graph):
    edge = next(e["data"] for e in graph_elements(graph)["edges"] if e["data"]["target"] == "NATO")
    assert edge["id"] == "JPN|NATO|cooperates_with"  # the id keeps the identifier
    assert edge["tooltip"] == "cooperates with (cooperative)"
    assert ": cooperates with · class COOPERATE" in edge_details(
        graph, "JPN", "NATO", "cooperates_with"
    )


def test_edge_details_quote_the_sentence_not_the_trigger(graph):
    g = graph.copy()
    g.edges["JPN", "NATO", "cooperates_with"]["evidence"] = [
        {"unit": 4, "text": "partnership", "sentence": "Japan deepened its partnership with NATO."}
    ]
    shown = edge_details(g, "JPN", "NATO", "cooperates_with")
    assert "4</span> Japan deepened its partnership with NATO.</li>" in shown


def test_node_details_count_one_mention_in_the_singular(graph):
    assert "Japan</b> · state · 1 mention<" in node_details(graph, "JPN")
    assert "Russia</b> · state · 3 mentions<" in node_details(graph, "RUS")


def test_explorer_offers_co_mentions_only_when_the_graph_has_some(graph):
    def boxes(g):
        return [w.description for w in graph_explorer(g).widget.children[0].children]

    assert boxes(graph) == ["polarity", "class", "co-mentions"]
    strong = graph.copy()
    strong.remove_edges_from(
        [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if d["weak"]]
    )
    assert boxes(strong) == ["polarity", "class"]


def test_edge_details_quote_a_sentence_once_for_two_triggers(graph):
    g = graph.copy()
    said = "Japan pledged cooperation and partnership with NATO."
    g.edges["JPN", "NATO", "cooperates_with"]["evidence"] = [
        {"unit": 2, "text": "cooperation", "sentence": said},
        {"unit": 2, "text": "partnership", "sentence": said},
    ]
    assert edge_details(g, "JPN", "NATO", "cooperates_with").count(said) == 1


def _crowd(count):
    """A made-up graph of ``count`` actors with long names, in a ring around a hub."""
    g = nx.MultiDiGraph()
    g.add_node("HUB", name="Alliance of Northern Ports", type="organization", mentions=9)
    for i in range(count - 1):
        g.add_node(f"A{i:02d}", name=f"Republic of Member {i:02d}", type="state", mentions=1)
        g.add_edge(
            "HUB",
            f"A{i:02d}",
            key="cooperates_with",
            type="cooperates_with",
            polarity="cooperative",
            weak=False,
            weight=1,
            evidence=[],
            **{"class": "COOPERATE"},
        )
    return g


def _extent(nodes, axis):
    values = [n["position"][axis] for n in nodes]
    return max(values) - min(values)


def _name_overlaps(graph, nodes):
    from newsbrief.graphview import _node_boxes

    pos = {n["data"]["id"]: (n["position"]["x"], -n["position"]["y"]) for n in nodes}
    boxes = _node_boxes(graph, pos, set(pos))
    return sum(
        abs(a.x - b.x) < a.half_w + b.half_w and abs(a.y - b.y) < a.half_h + b.half_h
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], i + 1)
        if i // 2 != j // 2  # a disc and its own name touch by design
    )


def test_explorer_gives_a_large_graph_room_and_keeps_a_small_one(graph):
    from newsbrief.figures import layout
    from newsbrief.graphview import _canvas_px, _stretched

    small = graph_elements(graph)["nodes"]
    assert (_extent(small, "x"), _extent(small, "y")) == (640.0, 320.0)
    assert _canvas_px(len(graph)) == 440
    crowd = _crowd(40)
    nodes = graph_elements(crowd)["nodes"]
    assert nodes == graph_elements(crowd.copy())["nodes"]  # seeded
    assert _extent(nodes, "x") == 800.0 and _extent(nodes, "y") > 320.0
    assert _canvas_px(len(crowd)) > 440
    one_box = [
        {"data": {"id": n}, "position": {"x": x, "y": -y}}
        for n, (x, y) in _stretched(layout(crowd)).items()
    ]
    assert _name_overlaps(crowd, nodes) < _name_overlaps(crowd, one_box)
    cyto = graph_explorer(crowd).widget.children[1]
    assert cyto.layout.height == f"{_canvas_px(40)}px"
