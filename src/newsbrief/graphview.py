"""Interactive actor graph for JupyterLab: hover or click to read the evidence.

The PNG of :mod:`newsbrief.figures` is what the briefing prints; here the
same graph is drawn with ipycytoscape (cytoscape.js, shipped inside its
wheel, so nothing is fetched when the notebook opens). Hovering over or
clicking a node or an edge shows its actors, PLOVER class, polarity and the
sentences that state it; drop-downs keep only one polarity or class. Node
positions come from the figure's seeded layout, so the picture is the same
on every run and matches the PNG.

The elements and the details are built by plain functions
(:func:`graph_elements`, :func:`node_details`, :func:`edge_details`), tested
without a browser; the widget only wires events to them.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import networkx as nx

from .claimsview import ALL, Shown
from .figures import POLARITY_COLOURS, SCREEN, TYPE_COLOURS, layout
from .graph import actor_graph
from .placement import Box, place

if TYPE_CHECKING:
    from .model import Analysis

__all__ = [
    "edge_details",
    "edge_id",
    "graph_elements",
    "graph_explorer",
    "graph_style",
    "node_details",
]

_SCALE = 160.0  # layout units (about -1..1) -> pixels; small, so fitting zooms labels up
# The widget is about twice as wide as it is tall. Cytoscape keeps the layout's
# aspect when it fits the view, so a tall spring layout filled a quarter of
# the box; each axis is stretched to the box instead, as the PNG's axes are.
_ASPECT = 2.0
_CANVAS_PX = 440  # the widget's height for a graph of up to _ROOMY actors
# A graph of more actors gets room in proportion: the figure's box and the
# pixels it maps to grow with the count, so the layout separates discs and
# names over a larger area at the same size on screen. With one box for all,
# the merged graph of four articles (33 actors) had 17 actors in the middle
# third of the width and 41 overlapping discs and names (0 and 0-4 for the
# single articles of 5-13 actors, which stay as they were). Spread over
# 800 x 563 px it has 13 overlaps, and 12 of its 60 relation labels find a
# clear spot (4 before).
_ROOMY = 15
# The notebook's output area is about 890 px wide and the centres take 640 px
# at most 1.25 times that (800 px); the rest of the room is height, up to a
# canvas of about 900 px, beyond which cytoscape's fit zooms out.
_MAX_WIDER = 1.25
_MAX_TALLER = 2.5
_MAX_EVIDENCE = 12  # sentences listed per edge; the rest are counted


def edge_id(u: str, v: str, key: str) -> str:
    """The element id of an edge: source, target and relation type.

    Examples
    --------
    >>> edge_id("RUS", "UKR", "invaded")
    'RUS|UKR|invaded'
    """
    return f"{u}|{v}|{key}"


def _keep(data: dict[str, Any], polarity: str, klass: str, weak: bool) -> bool:
    if data.get("weak") and not weak:
        return False
    if polarity and data.get("polarity") != polarity:
        return False
    return not klass or data.get("class") == klass


def _spread(nodes: int) -> tuple[float, float]:
    """How much wider and taller than a small graph's a graph of ``nodes`` actors is laid out.

    The area grows with the count (see ``_ROOMY``): first the width, which
    the notebook has, then the height, which the canvas gets (:func:`_canvas_px`).

    Examples
    --------
    >>> _spread(10)
    (1.0, 1.0)
    >>> _spread(60)
    (1.25, 2.5)
    """
    area = max(1.0, nodes / _ROOMY)
    wider = min(area**0.5, _MAX_WIDER)
    return wider, min(area / wider, _MAX_TALLER)


def _canvas_px(nodes: int) -> int:
    """The widget's height in pixels: 440, and the extra height of a large graph's spread."""
    return round(_CANVAS_PX + 2 * _SCALE * (_spread(nodes)[1] - 1))


def _stretched(
    pos: dict[str, tuple[float, float]], spread: tuple[float, float] = (1.0, 1.0)
) -> dict[str, tuple[float, float]]:
    """Pixel positions whose extent has the widget's aspect (see ``_ASPECT``), times ``spread``.

    Every node of the graph is placed, filtered out or not, so keeping one
    polarity does not move the actors that stay.
    """
    if not pos:
        return {}
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx = 2 * _SCALE * _ASPECT * spread[0] / ((max(xs) - min(xs)) or 1.0)
    sy = 2 * _SCALE * spread[1] / ((max(ys) - min(ys)) or 1.0)
    return {n: ((x - cx) * sx, (y - cy) * sy) for n, (x, y) in pos.items()}


def _positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Pixel positions from the figure's layout, in a box as large as the graph needs.

    A graph of up to ``_ROOMY`` actors is laid out as the PNG is; a larger
    one in the figure's box widened and heightened by :func:`_spread`, so
    the pixels per inch, and with them the separation of names, stay.
    """
    spread = _spread(graph.number_of_nodes())
    if spread == (1.0, 1.0):
        return _stretched(layout(graph))
    box = (SCREEN.box[0] * spread[0], SCREEN.box[1] * spread[1])
    return _stretched(layout(graph, replace(SCREEN, box=box)), spread)


def graph_elements(
    graph: nx.MultiDiGraph, polarity: str = "", klass: str = "", weak: bool = False
) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements of the actor graph, filtered, at fixed positions.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        From :func:`newsbrief.graph.actor_graph` or
        :func:`newsbrief.corpus.merge_graphs`.
    polarity, klass : str
        Keep only edges of this polarity / PLOVER class ("" keeps all).
        Actors with no edge left are dropped when a filter is set.
    weak : bool
        Keep co-mentions (edges with ``weak=True``).

    Returns
    -------
    dict
        ``nodes`` and ``edges``, each a list of ``{"data": ..., ...}``
        dicts in a stable order; nodes carry a ``position``.
    """
    pos = _positions(graph)
    edges = [
        (u, v, k, d)
        for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])
        if _keep(d, polarity, klass, weak)
    ]
    linked = {n for u, v, _, _ in edges for n in (u, v)}
    keep_all = not (polarity or klass)
    shown = _clear_labels(graph, pos, edges, keep_all)
    nodes = []
    for n in sorted(graph.nodes):
        if not keep_all and n not in linked:
            continue
        d = graph.nodes[n]
        x, y = pos.get(n, (0.0, 0.0))
        nodes.append(
            {
                "data": {
                    "id": n,
                    "label": d.get("name", n),
                    "colour": TYPE_COLOURS.get(d.get("type", ""), "#bbbbbb"),
                    "size": _size(d),
                    "z": _z(d),
                    "tooltip": f"{d.get('name', n)} ({d.get('type', '')})",
                },
                "position": {"x": round(x, 1), "y": round(-y, 1)},
            }
        )
    return {
        "nodes": nodes,
        "edges": [
            {
                "data": {
                    "id": edge_id(u, v, k),
                    "source": u,
                    "target": v,
                    "label": shown.get(edge_id(u, v, k), ""),
                    "colour": POLARITY_COLOURS.get(d.get("polarity", ""), "#999999"),
                    "width": 1 + min(int(d.get("weight", 1)), 6),
                    "tooltip": f"{_in_words(k)} ({d.get('polarity', '')})",
                }
            }
            for u, v, k, d in edges
        ],
    }


_LABEL_PX = (5.4, 12.0)  # an edge label's character width and line height in pixels
_BUNDLE_STEP = 40.0  # cytoscape's control-point-step-size between parallel edges


def _size(data: dict[str, Any]) -> int:
    """A node's disc diameter in pixels, by mentions."""
    return 14 + 4 * min(int(data.get("mentions", 1)), 10)


def _z(data: dict[str, Any]) -> int:
    """A node's drawing order: the most mentioned last, so on top.

    Cytoscape draws each node's name with its disc, so a disc drawn later
    covers the names of those before it. By id order, the remarks' largest
    actor (Israel, 38 mentions) had its name under the United States' disc;
    drawn last, the name of the actor the article is most about stays whole.
    Mentions are not capped here as the disc size is, so two large actors
    still differ.
    """
    return max(int(data.get("mentions", 1)), 0)


def _node_boxes(graph: nx.MultiDiGraph, pos: dict, nodes: set[str]) -> list[Box]:
    """Each shown actor's disc and, below it, its name (y grows downwards on screen)."""
    boxes = []
    for n in sorted(nodes):
        x, y = pos.get(n, (0.0, 0.0))
        size, name = _size(graph.nodes[n]), str(graph.nodes[n].get("name", n))
        boxes.append(Box(x, -y, size / 2, size / 2))
        width = len(name) * 6.0
        boxes.append(Box(x, -y + size / 2 + 3 + 7, width / 2, 7.0))
    return boxes


def _clear_labels(
    graph: nx.MultiDiGraph, pos: dict, edges: list[tuple[str, str, str, dict]], keep_all: bool
) -> dict[str, str]:
    """The edges whose label is shown: those whose label covers no actor and no stronger label.

    Cytoscape draws an edge's label at the middle of its curve, along the
    edge; in a dense graph that middle lies on an actor's disc or name or on
    another edge's label. Such a label is left out, weakest edges first, and
    the relation stays readable on hover and click. Only the middle is
    offered, never a spot beside the edge as the PNG's labels are: a label
    cytoscape moves off its edge (``text-margin``) gets no line back to it,
    and the leader lines of :func:`newsbrief.placement.leader` would have to
    be drawn as extra elements that hover and click would then report.
    """
    nodes = set(graph.nodes) if keep_all else {n for u, v, _, _ in edges for n in (u, v)}
    bundles: dict[frozenset[str], list[str]] = {}
    for u, v, k, _ in edges:
        bundles.setdefault(frozenset((u, v)), []).append(edge_id(u, v, k))
    order = sorted(edges, key=lambda e: (-int(e[3].get("weight", 1)), edge_id(*e[:3])))
    requests = []
    for u, v, k, d in order:
        text = f"{d.get('class') or k}"
        (x1, y1), (x2, y2) = pos.get(u, (0.0, 0.0)), pos.get(v, (0.0, 0.0))
        y1, y2 = -y1, -y2
        dx, dy = x2 - x1, y2 - y1
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        bundle = bundles[frozenset((u, v))]
        shift = (bundle.index(edge_id(u, v, k)) - (len(bundle) - 1) / 2) * _BUNDLE_STEP / 2
        mx = (x1 + x2) / 2 + dy / length * shift
        my = (y1 + y2) / 2 - dx / length * shift
        w, h = len(text) * _LABEL_PX[0], _LABEL_PX[1]
        c, s = abs(dx) / length, abs(dy) / length  # the label turns along its edge
        requests.append(([(mx, my)], ((c * w + s * h) / 2, (s * w + c * h) / 2)))
    spots = place(requests, _node_boxes(graph, pos, nodes))
    return {
        edge_id(u, v, k): f"{d.get('class') or k}"
        for (u, v, k, d), spot in zip(order, spots, strict=True)
        if spot is not None
    }


def graph_style() -> list[dict[str, Any]]:
    """The cytoscape style sheet: colours by actor type and polarity, arrows."""
    return [
        {
            "selector": "node",
            "style": {
                "background-color": "data(colour)",
                "label": "data(label)",
                "width": "data(size)",
                "height": "data(size)",
                "font-size": 10,
                "text-valign": "bottom",
                "text-margin-y": 3,
                "z-index": "data(z)",
                # A name drawn over a neighbour's disc or an edge stays legible.
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.7,
                "text-background-padding": "1px",
            },
        },
        {
            "selector": "edge",
            "style": {
                "line-color": "data(colour)",
                "target-arrow-color": "data(colour)",
                "target-arrow-shape": "triangle",
                "curve-style": "bezier",
                "width": "data(width)",
                "label": "data(label)",
                # 7 px was unreadable once the view was fitted to a dense graph.
                "font-size": 9,
                "text-rotation": "autorotate",
                "color": "#333333",
                "text-background-color": "#ffffff",
                "text-background-opacity": 0.8,
                "text-background-padding": "1px",
            },
        },
        {"selector": ":selected", "style": {"overlay-color": "#f1c232", "overlay-opacity": 0.4}},
    ]


def _in_words(relation_type: str) -> str:
    """A relation type as the tables and the figure beside the explorer write it.

    The figure and the relations table read "contributes to"; the explorer's
    tooltip and details showed the identifier "contributes_to" for the same
    relation.
    """
    return relation_type.replace("_", " ")


def _mentions(count: int) -> str:
    """One mention in the singular: many actors are named once, and "1 mentions" reads as a slip."""
    return f"{count} mention" if count == 1 else f"{count} mentions"


def _names(graph: nx.MultiDiGraph, node: str) -> str:
    return html.escape(str(graph.nodes[node].get("name", node)) if node in graph else node)


def _evidence_items(evidence: list[dict[str, Any]]) -> str:
    """One item per sentence: two trigger words of one sentence quoted it twice."""
    seen: set[tuple[str, object]] = set()
    once = []
    for e in evidence:
        where_unit = (str(e.get("article", "")), e.get("unit"))
        if where_unit not in seen:
            seen.add(where_unit)
            once.append(e)
    evidence = once
    items = []
    for e in evidence[:_MAX_EVIDENCE]:
        where = f"{e['article']} · " if e.get("article") else ""
        items.append(
            f"<li><span style='color:#888'>{html.escape(where)}{e.get('unit', '')}</span> "
            f"{html.escape(str(e.get('sentence') or e.get('text', '')))}</li>"
        )
    more = len(evidence) - _MAX_EVIDENCE
    tail = f"<li><i>and {more} more</i></li>" if more > 0 else ""
    return f"<ul>{''.join(items)}{tail}</ul>"


def edge_details(graph: nx.MultiDiGraph, u: str, v: str, key: str) -> str:
    """HTML naming an edge's actors, relation, class, polarity and evidence.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    u, v, key : str
        Source, target and relation type.

    Returns
    -------
    str
        Escaped HTML; an unknown edge gives a short notice.
    """
    if not graph.has_edge(u, v, key):
        return "<p><i>No such relation.</i></p>"
    d = graph.edges[u, v, key]
    articles = d.get("articles") or []
    reported = f" · reported by {len(articles)} article(s)" if articles else ""
    return (
        f"<p><b>{_names(graph, u)}</b> → <b>{_names(graph, v)}</b>: "
        f"{html.escape(_in_words(key))} · class {html.escape(d.get('class') or '-')} · "
        f"{html.escape(d.get('polarity', ''))}{reported}</p>"
        + _evidence_items(list(d.get("evidence", [])))
    )


def node_details(graph: nx.MultiDiGraph, node: str) -> str:
    """HTML naming an actor, its type and the relations it takes part in.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    node : str
        The actor id.

    Returns
    -------
    str
        Escaped HTML; an unknown actor gives a short notice.
    """
    if node not in graph:
        return "<p><i>No such actor.</i></p>"
    d = graph.nodes[node]
    rows = []
    for u, v, k, e in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if node in (u, v) and not e.get("weak"):
            rows.append(
                f"<li>{_names(graph, u)} → {_names(graph, v)}: {html.escape(_in_words(k))} "
                f"({html.escape(e.get('class') or '-')}, {html.escape(e.get('polarity', ''))})"
                "</li>"
            )
    # An actor's aliases hold its own name: "CFE State Party · also CFE State Party, ..."
    name = str(d.get("name", node))
    aliases = ", ".join(a for a in d.get("aliases", []) if a != name)
    return (
        f"<p><b>{_names(graph, node)}</b> · {html.escape(d.get('type', ''))} · "
        f"{_mentions(int(d.get('mentions', 0)))}"
        + (f" · also {html.escape(aliases)}" if aliases else "")
        + "</p>"
        + (f"<ul>{''.join(rows)}</ul>" if rows else "<p><i>No relations.</i></p>")
    )


def _values(graph: nx.MultiDiGraph, name: str) -> list[str]:
    return sorted(
        {
            str(d.get(name))
            for _, _, d in graph.edges(data=True)
            if d.get(name) and not d.get("weak")
        }
    )


_HINT = "<p><i>Hover over or click an actor or a relation.</i></p>"
#: Under an empty canvas the hint to hover over an actor read as if the
#: drawing had failed; as in the static figure, the panel says why.
_NO_ACTORS = "<p><i>No actors were recognised in the article: there is no graph to explore.</i></p>"


def graph_explorer(obj: Analysis | nx.MultiDiGraph) -> Shown:
    """The actor graph with polarity and class filters and an evidence panel.

    Parameters
    ----------
    obj : Analysis or networkx.MultiDiGraph
        An analysis, or a graph (e.g. a corpus's merged graph).

    Returns
    -------
    Shown
        Displays as the widget in JupyterLab; its plain text counts actors
        and relations.
    """
    import ipycytoscape  # widgets load the comm machinery: only when one is shown
    import ipywidgets as widgets

    graph = obj if isinstance(obj, nx.MultiDiGraph) else actor_graph(obj, sentences=True)
    polarity = widgets.Dropdown(options=[ALL, *_values(graph, "polarity")], description="polarity")
    klass = widgets.Dropdown(options=[ALL, *_values(graph, "class")], description="class")
    weak = widgets.Checkbox(value=False, description="co-mentions")
    details = widgets.HTML(_HINT if graph.number_of_nodes() else _NO_ACTORS)
    cyto = ipycytoscape.CytoscapeWidget(layout={"height": f"{_canvas_px(len(graph))}px"})
    cyto.set_layout(name="preset", fit=True, padding=30)
    cyto.set_style(graph_style())

    def redraw(_change: object = None) -> None:
        cyto.graph.clear()
        elements = graph_elements(
            graph,
            "" if polarity.value == ALL else polarity.value,
            "" if klass.value == ALL else klass.value,
            weak.value,
        )
        cyto.graph.add_graph_from_json(elements, directed=True, multiple_edges=True)

    def on_node(target: dict[str, Any]) -> None:
        details.value = node_details(graph, target["data"]["id"])

    def on_edge(target: dict[str, Any]) -> None:
        data = target["data"]
        details.value = edge_details(graph, data["source"], data["target"], _key(data["id"]))

    for event in ("click", "mouseover"):
        cyto.on("node", event, on_node)
        cyto.on("edge", event, on_edge)
    for w in (polarity, klass, weak):
        w.observe(redraw, names="value")
    redraw()
    # A corpus's merged graph holds no co-mentions: a box that changes
    # nothing there is left out rather than offered.
    has_weak = any(d.get("weak") for _, _, d in graph.edges(data=True))
    filters = [polarity, klass, weak] if has_weak else [polarity, klass]
    box = widgets.VBox([widgets.HBox(filters), cyto, details])
    box.add_class("nb-graph-explorer")
    strong = sum(1 for _, _, d in graph.edges(data=True) if not d.get("weak"))
    return Shown(box, f"Graph explorer: {graph.number_of_nodes()} actors, {strong} relations")


def _key(element_id: str) -> str:
    return element_id.split("|", 2)[2]
