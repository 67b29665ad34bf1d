from __future__ import annotations

import json

import networkx as nx
import pytest

from newsbrief.analysis import analyze
from newsbrief.article import source_from_text
from newsbrief.graph import actor_graph, export_graph, metrics_table

TEXT = (
    "Russia invaded Ukraine in 2022. Japan will dispatch officers to NATO. "
    "Poland and Germany published the budget."
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


def test_a_parent_no_actor_of_the_article_is_named_on_the_node():
    # a leader's state is his part_of, but the text never names the state: no node, no edge
    g = actor_graph(analyze(source_from_text("Vladimir Putin met the Chinese envoy on Tuesday.")))
    putin = g.nodes["vladimir-putin"]
    assert "RUS" not in g.nodes
    assert (putin["part_of"], putin["part_of_name"]) == ("RUS", "Russia")
    assert g.nodes["CHN"]["part_of_name"] == ""


def test_graph_json_gives_every_absent_value_null():
    text = (
        "Talks in Vienna\n\nThe Harbour Safety Board warned Ruritania. "
        "Vladimir Putin met the board."
    )
    g = actor_graph(analyze(source_from_text(text)))
    data = json.loads(export_graph(g, "json"))
    nodes = {n["id"]: n for n in data["nodes"]}
    board = nodes["HARBOUR-SAFETY-BOARD"]
    assert (board["code"], board["part_of"], board["part_of_name"]) == (None, None, None)
    assert board["first_unit"] == 1
    putin = nodes["vladimir-putin"]
    assert (putin["part_of"], putin["part_of_name"]) == ("RUS", "Russia")
    # one value for "none": no empty string or -1 stands for it in a node or a link
    fields = [v for x in (*data["nodes"], *data["links"]) for v in x.values()]
    assert "" not in fields and -1 not in fields
    # GraphML has no null: the graph itself keeps the empty string
    assert g.nodes["HARBOUR-SAFETY-BOARD"]["code"] == ""


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


def test_graph_json_gives_a_link_without_class_null():
    g = actor_graph(analyze(source_from_text(TEXT)))
    links = json.loads(export_graph(g, "json"))["links"]
    classes = {(x["source"], x["target"], x["key"]): x["class"] for x in links}
    assert classes["RUS", "UKR", "invaded"] == "FIGHT"
    weak = [x for x in links if x["weak"]]
    assert weak and all(x["class"] is None for x in weak)
    # GraphML has no null: the same link keeps an empty string there
    assert all(d["class"] == "" for _, _, d in g.edges(data=True) if d["weak"])


def test_plover_records_carry_class_sentence_and_offsets(default_analysis):
    import json

    from newsbrief.graph import export_plover
    from newsbrief.vocabulary import CLASS_POLARITY

    records = json.loads(export_plover(default_analysis))
    strong = [r for r in default_analysis.relations if not r.weak]
    assert len(records) == sum(len(r.evidence) for r in strong)
    text = default_analysis.text
    for rec in records:
        assert CLASS_POLARITY[rec["eventType"]] == rec["polarity"]
        assert text[rec["start"] : rec["end"]] == rec["sentence"]
        assert rec["eventText"] in rec["sentence"]


def test_graphml_edges_carry_the_plover_class(default_analysis):
    from newsbrief.graph import actor_graph, export_graph

    graphml = export_graph(actor_graph(default_analysis), "graphml")
    assert 'attr.name="class"' in graphml


def test_gexf_keeps_the_relation_and_is_valid_gexf(tmp_path):
    import xml.etree.ElementTree as ET

    g = nx.MultiDiGraph(title="t", article="a")
    for code, name in (("AAA", "Atlantis"), ("BBB", "Borduria")):
        g.add_node(code, name=name, type="state", code=code, mentions=1, first_unit=0, aliases=[])
    g.add_edge(
        "AAA",
        "BBB",
        key="provides_assistance_to",
        type="provides_assistance_to",
        polarity="cooperative",
        weak=False,
        weight=1,
        evidence=[{"unit": 0, "start": 0, "end": 4, "text": "aid"}],
    )
    text = export_graph(g, "gexf")
    # GEXF allows only these values in an edge's own "type" attribute.
    ns = {"g": "http://www.gexf.net/1.2draft"}
    edges = ET.fromstring(text).findall(".//g:edge", ns)
    assert [e.get("type") for e in edges] == [None]
    assert [e.get("label") for e in edges] == ["provides assistance to"]
    path = tmp_path / "g.gexf"
    path.write_text(text, encoding="utf-8")
    back = nx.read_gexf(path)
    assert [d["relation"] for _, _, d in back.edges(data=True)] == ["provides_assistance_to"]
    assert back.nodes["AAA"]["label"] == "Atlantis"


@pytest.mark.parametrize(
    ("name", "actor_type", "shown"),
    [
        ("Secretary General Varga", "person", "Varga"),
        ("Prime Minister Ana Varga", "person", "Ana Varga"),
        ("Dr. Ana Varga", "person", "Ana Varga"),
        ("Secretary General", "person", "Secretary General"),  # no name to leave
        ("King Tomas II", "person", "King Tomas II"),  # a style, part of the name
        ("Ana Varga", "person", "Ana Varga"),
        ("Defense Ministry", "government", "Defense Ministry"),  # not a person
    ],
)
def test_a_person_is_shown_without_the_office_before_the_name(name, actor_type, shown):
    from newsbrief.graph import shown_name

    assert shown_name(name, actor_type) == shown


def test_evidence_carries_its_sentence_only_when_asked():
    text = "The talks ended. Chile joined the alliance of Pacific states on Monday."
    analysis = analyze(source_from_text(text))
    plain = actor_graph(analysis, include_weak=False)
    told = actor_graph(analysis, include_weak=False, sentences=True)
    assert plain.number_of_edges() >= 1
    for (_, _, d), (_, _, e) in zip(plain.edges(data=True), told.edges(data=True), strict=True):
        assert all(
            "sentence" not in item for item in d["evidence"]
        )  # the exports stay as they were
        units = {u.index: u.text for u in analysis.units}
        assert [item["sentence"] for item in e["evidence"]] == [
            units[item["unit"]] for item in e["evidence"]
        ]
        assert all(item["text"] in item["sentence"] for item in e["evidence"])
