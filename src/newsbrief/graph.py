"""The actor-relationship graph (networkx) and its exports.

One node per actor, one edge per (source, target, type) relation, every edge
carrying the evidence spans that support it. GraphML and GEXF open in Gephi
and Maltego; the JSON is networkx's node-link form.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import networkx as nx

from .errors import NewsbriefError
from .gazetteer import parent_names
from .titles import without_office

if TYPE_CHECKING:
    import pandas as pd

    from .model import Analysis, Evidence

__all__ = [
    "DATA_FORMATS",
    "actor_graph",
    "export_graph",
    "export_plover",
    "metrics_table",
    "plover_records",
    "shown_name",
]


def shown_name(name: str, actor_type: str) -> str:
    """The name a reader is shown for an actor: a person's without the office before it.

    A person named only with a title in the text keeps it in the analysis
    ("Secretary General Stoltenberg"), so the briefing's lines and the graph
    read "Secretary General Stoltenberg met ..." beside persons named without
    one. The office words go, as long as a name is left; tables and JSON
    keep the analysis' name.

    Examples
    --------
    >>> shown_name("Prime Minister Ana Varga", "person")
    'Ana Varga'
    >>> shown_name("King Abdullah II", "person"), shown_name("Secretary General", "person")
    ('King Abdullah II', 'Secretary General')
    """
    return without_office(name) if actor_type == "person" else name


def actor_graph(
    analysis: Analysis, include_weak: bool = True, sentences: bool = False
) -> nx.MultiDiGraph:
    """Build the actor graph of one analysis.

    Parameters
    ----------
    analysis : Analysis
    include_weak : bool
        Keep ``co_mentioned`` edges (flagged ``weak=True``).
    sentences : bool
        Also give each evidence item the ``sentence`` (its unit's text): an
        item's ``text`` is the trigger alone ("membership"), and the
        explorers promise the sentences that state a relation. Off for the
        exports, which keep the unit number instead.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by actor id with ``name``, ``type``, ``code``,
        ``part_of`` (id) and ``part_of_name`` (the parent's name, from the
        gazetteer when the parent is no actor of the article, so no edge shows
        it), ``mentions`` (count), ``first_unit``; edges keyed by relation type with
        ``type``, ``polarity``, ``evidence`` (list of dicts), ``weight``
        (number of evidence units) and ``weak``.

    Examples
    --------
    >>> from newsbrief.article import source_from_text
    >>> from newsbrief.analysis import analyze
    >>> g = actor_graph(analyze(source_from_text("Russia invaded Ukraine in 2022.")))
    >>> sorted(g.edges(keys=True))
    [('RUS', 'UKR', 'invaded')]
    """
    g = nx.MultiDiGraph(title=analysis.article.title, article=analysis.article.path)
    unit_text = {u.index: u.text for u in analysis.units} if sentences else {}
    parents = parent_names(analysis.actors)
    for a in analysis.actors:
        g.add_node(
            a.id,
            name=a.name,
            type=a.type,
            code=a.code or "",
            part_of=a.part_of or "",
            part_of_name=parents.get(a.id, ""),
            mentions=len(a.mentions),
            first_unit=a.first_unit if a.first_unit is not None else -1,
            aliases=list(a.aliases),
        )
    for r in analysis.relations:
        if r.weak and not include_weak:
            continue
        units = sorted({e.unit for e in r.evidence})
        g.add_edge(
            r.source,
            r.target,
            key=r.type,
            type=r.type,
            polarity=r.polarity,
            **{"class": r.event_class or ""},
            weak=r.weak,
            weight=len(units),
            evidence=[_evidence(e, unit_text) for e in r.evidence],
        )
    return g


def _evidence(e: Evidence, unit_text: dict[int, str]) -> dict[str, Any]:
    """One evidence item as an edge attribute, with its sentence when asked."""
    item: dict[str, Any] = {"unit": e.unit, "start": e.start, "end": e.end, "text": e.text}
    if e.unit in unit_text:
        item["sentence"] = unit_text[e.unit]
    return item


def metrics_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """Degree, weighted degree and betweenness of each actor (strong edges only)."""
    import pandas as pd  # heavy: only the metrics table needs it

    strong = nx.DiGraph()
    strong.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        if data.get("weak"):
            continue
        w = strong.get_edge_data(u, v, {}).get("weight", 0) + data.get("weight", 1)
        strong.add_edge(u, v, weight=w)
    between = nx.betweenness_centrality(strong.to_undirected())
    rows = [
        {
            "actor": n,
            "name": graph.nodes[n].get("name", n),
            "type": graph.nodes[n].get("type", ""),
            "degree": strong.degree(n),
            "weighted_degree": strong.degree(n, weight="weight"),
            "betweenness": round(between.get(n, 0.0), 4),
        }
        for n in graph.nodes
    ]
    df = pd.DataFrame(
        rows, columns=["actor", "name", "type", "degree", "weighted_degree", "betweenness"]
    )
    return df.sort_values(["weighted_degree", "actor"], ascending=[False, True]).reset_index(
        drop=True
    )


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF take scalars only: lists become JSON strings."""
    flat = nx.MultiDiGraph()
    flat.graph.update({k: str(v) for k, v in graph.graph.items()})
    for n, data in graph.nodes(data=True):
        flat.add_node(n, **{k: _scalar(v) for k, v in data.items()})
    for u, v, k, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **{x: _scalar(y) for x, y in data.items()})
    return flat


def _scalar(value: object) -> object:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def plover_records(analysis: Analysis) -> list[dict[str, Any]]:
    """One PLOVER-style event record per relation and evidence sentence.

    The fields follow PLOVER's event data conventions (source and target
    actors, ``eventType``, ``eventText``), with the sentence and its offsets
    so a record can be checked against the article.
    """
    names = {a.id: a.name for a in analysis.actors}
    units = {u.index: u for u in analysis.units}
    records: list[dict[str, Any]] = []
    for r in analysis.relations:
        if r.weak:
            continue
        for ev in r.evidence:
            unit = units.get(ev.unit)
            records.append(
                {
                    "id": f"{analysis.article.sha256[:12]}-{len(records)}",
                    "source": r.source,
                    "sourceName": names.get(r.source, r.source),
                    "target": r.target,
                    "targetName": names.get(r.target, r.target),
                    "eventType": r.event_class,
                    "polarity": r.polarity,
                    "relation": r.type,
                    "eventText": ev.text,
                    "sentence": unit.text if unit else "",
                    "unit": ev.unit,
                    "start": unit.start if unit else ev.start,
                    "end": unit.end if unit else ev.end,
                    "article": analysis.article.path,
                }
            )
    return records


def export_plover(analysis: Analysis) -> str:
    """PLOVER-style JSON event records (see :func:`plover_records`)."""
    return json.dumps(plover_records(analysis), ensure_ascii=False, indent=2) + "\n"


def _graphml(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(_flat(graph))) + "\n"


def _gexf(graph: nx.MultiDiGraph) -> str:
    """GEXF, with the relation under ``relation`` and the names as labels.

    GEXF reserves an edge's ``type`` for directed, undirected or mutual:
    networkx writes the attribute there, so "condemns" made the file invalid
    and was lost on reading it back. Gephi shows a node's and an edge's
    ``label``: the actor's name and the relation read better than the ids.
    """
    flat = _flat(graph)
    for node, data in flat.nodes(data=True):
        data.setdefault("label", data.get("name", node))
    for _, _, data in flat.edges(data=True):
        relation = data.pop("type", "")
        data["relation"] = relation
        data.setdefault("label", str(relation).replace("_", " "))
    return "\n".join(nx.generate_gexf(flat)) + "\n"


#: Node fields the graph fills with a stand-in because GraphML and GEXF take no null,
#: and the stand-in that means "none": the JSON gives null for each, as the analysis
#: JSON does for an actor's ``code``, ``part_of`` and ``first_unit``.
_ABSENT_NODE_FIELDS: dict[str, object] = {
    "code": "",
    "part_of": "",
    "part_of_name": "",
    "first_unit": -1,
}


def _node_link(graph: nx.MultiDiGraph) -> str:
    """The node-link JSON of networkx, with null for every value the graph lacks.

    The graph keeps ``""`` for a relation without a PLOVER class (a
    co-mention, an unclassed verb) and for an actor with no code or parent,
    and ``-1`` for an actor in no unit, because GraphML and GEXF take no
    null; JSON has one, and the analysis JSON and the PLOVER records say
    ``null`` for each, so the graph JSON says the same: a consumer tests
    one value for "none", not two.
    """
    data = nx.node_link_data(graph, edges="links")
    for node in data["nodes"]:
        for field, none in _ABSENT_NODE_FIELDS.items():
            if field in node and node[field] == none:
                node[field] = None
    for link in data["links"]:
        if not link.get("class"):
            link["class"] = None
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


#: The graph's data formats, name -> writer; the drawings (png, svg) are made by
#: :mod:`newsbrief.figures` and joined to these in :mod:`newsbrief.formats`.
DATA_FORMATS = {"graphml": _graphml, "gexf": _gexf, "json": _node_link}


def export_graph(graph: nx.MultiDiGraph, fmt: str) -> str:
    """Serialise the graph as graphml, gexf or json (networkx's node-link form).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    fmt : str
        A name of :data:`DATA_FORMATS`.

    Returns
    -------
    str

    Raises
    ------
    NewsbriefError
        For any other name.
    """
    writer = DATA_FORMATS.get(fmt)
    if writer is None:
        raise NewsbriefError(f"unknown graph format {fmt!r} ({', '.join(DATA_FORMATS)})")
    return writer(graph)
