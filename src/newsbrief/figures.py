"""The actor-graph figure (matplotlib), deterministic and readable on A4.

The layout is seeded and labels are pushed apart until no two overlap, so
the same analysis always gives the same picture and nbval can compare it.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")  # the figure is written to files, never shown in a window

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.textpath import TextPath

from .files import write_atomic
from .graph import actor_graph, shown_name
from .placement import Box, candidates, leader, place
from .vocabulary import ACTOR_TYPE_COLOURS, POLARITY_COLOURS, WEAK_POLARITY, relation_words

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.figure import Figure

    from .model import Analysis

__all__ = [
    "NO_ACTORS",
    "PAGE_ONE",
    "POLARITY_COLOURS",
    "SCREEN",
    "TYPE_COLOURS",
    "Frame",
    "edge_label_spots",
    "figure_bytes",
    "graph_figure",
    "layout",
    "save_figure",
]

#: What the figure of an article without actors says in place of a graph.
NO_ACTORS = "No actors were recognised in the article: there is no graph to draw."

#: Node and edge colours, from :mod:`newsbrief.vocabulary` (kept here by their old names).
TYPE_COLOURS = ACTOR_TYPE_COLOURS
SEED = 7
_RC: dict[Any, Any] = {"svg.hashsalt": "newsbrief", "font.family": "DejaVu Sans", "font.size": 10}


def _graph(obj: Analysis | nx.MultiDiGraph) -> nx.MultiDiGraph:
    if isinstance(obj, nx.MultiDiGraph):
        return obj
    return actor_graph(obj)


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        w = 0.3 if data.get("weak") else 1.0
        simple.add_edge(u, v, weight=max(w, simple.get_edge_data(u, v, {}).get("weight", 0)))
    if simple.number_of_nodes() == 0:
        return {}
    if simple.number_of_nodes() <= 2:
        pos = nx.circular_layout(simple)
    else:
        # A faint hub keeps separate components close instead of flung apart.
        hub = "\x00hub"
        simple.add_edges_from(((hub, n) for n in list(simple.nodes)), weight=0.15)
        pos = nx.spring_layout(
            simple, seed=SEED, k=1.8 / simple.number_of_nodes() ** 0.5, iterations=300
        )
        pos.pop(hub)
    return {n: (round(float(x), 6), round(float(y), 6)) for n, (x, y) in pos.items()}


def layout(graph: nx.MultiDiGraph, frame: Frame | None = None) -> dict[str, tuple[float, float]]:
    """Seeded node positions in inches of the figure's plot, the ones it draws.

    The spring layout is fitted to the plot and its nodes pushed apart until
    neither their discs nor their labels overlap at the size they are drawn
    (see :func:`_fit`). The interactive graph of :mod:`newsbrief.graphview`
    places its nodes here too, so it matches the PNG, does not move between
    runs, and two much-mentioned actors do not sit on each other there either.
    """
    frame = frame or SCREEN
    labels = {n: _label(graph, n, frame) for n in graph.nodes}
    return _fit(_layout(graph), labels, node_areas(graph, frame.disc), frame)


def node_areas(graph: nx.MultiDiGraph, scale: float = 1.0) -> dict[str, float]:
    """Each node's disc area in points squared (matplotlib's ``node_size``), by mentions."""
    return {
        n: scale * (300.0 + 220 * min(graph.nodes[n].get("mentions", 1), 12)) for n in graph.nodes
    }


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """Code points the figure's font can draw."""
    path = font_manager.findfont(_RC["font.family"], fallback_to_default=True)
    return frozenset(FT2Font(path).get_charmap())


def drawable(text: str) -> str:
    """Text the font can draw: a missing glyph (emoji, CJK) becomes "?".

    Matplotlib would draw an empty box and warn on every missing glyph; the
    warning would reach the briefing's HTML as a stderr block.
    """
    glyphs = _glyphs()
    return "".join(ch if ord(ch) in glyphs or ch in "\n\t" else "?" for ch in text)


def _plain(text: str) -> str:
    """Text as matplotlib must be given it to draw it as written.

    Two "$" in one string start mathtext: the headline "US pledges $5 billion
    and Japan $3 billion" was drawn "US pledges 5billionandJapan3 billion",
    its dollars gone and the words between them run together in italics.
    An escaped "\\$" is drawn as "$" and measured as one.
    """
    return text.replace("$", r"\$")


def _label(graph: nx.MultiDiGraph, node: str, frame: Frame | None = None) -> str:
    data = graph.nodes[node]
    name = drawable(shown_name(data.get("name", node), data.get("type", "")))
    if frame is not None and frame.balanced:
        return _balanced(name) or drawable(node)
    return "\n".join(textwrap.wrap(name, _NAME_LINE)) or drawable(node)


#: Characters of a name's line in the screen figure's labels.
_NAME_LINE = 18
#: The longest line of a balanced name, in characters (see :func:`_balanced`).
_NAME_WIDEST = 24


def _balanced(name: str) -> str:
    """A long name on the fewest lines of at most :data:`_NAME_WIDEST` characters, balanced.

    Wrapped at 18 characters, "International Atomic Energy Agency" took three
    lines ("International / Atomic Energy / Agency"), and page one's graph has
    room across, not up: its box is 5.4 in wide and 2.6 in high. Broken between
    the words that make its lines most even, it takes two ("International /
    Atomic Energy Agency"); a name of more than 48 characters takes three. A
    name is broken between words only, never at a hyphen ("Kara-Murza").
    """
    if len(name) <= _NAME_LINE:
        return name
    words = name.split()
    for lines in range(2, len(words) + 1):
        best = min(
            (
                [" ".join(words[a:b]) for a, b in zip((0, *cut), (*cut, len(words)), strict=True)]
                for cut in combinations(range(1, len(words)), lines - 1)
            ),
            key=lambda parts: max(len(p) for p in parts),
        )
        if max(len(p) for p in best) <= _NAME_WIDEST:
            return "\n".join(best)
    return "\n".join(words)


#: The plot's area in inches that node centres may take: the figure is 10 x 7.2
#: inches; its title, legend and a margin of half the widest node take the rest.
_BOX = (8.4, 4.9)
_MARGIN = 0.55  # inches around the outermost centres (half a large disc or label)
#: The figure's size when its nodes fill :data:`_BOX`.
_FIGSIZE = (10.0, 7.2)
#: Graphs of at most this many nodes take half the box: two actors of a
#: one-sentence article sat at the ends of a 10-inch figure, 8 in apart.
_FEW = 3


_EDGE_LABEL_PT = 7.5


@dataclass(frozen=True)
class Frame:
    """The figure around the graph: its size, the nodes' box in it, and what else it shows.

    A figure is drawn for one use. On screen and in the report's PNG it has
    the article's title over it and its legend under it (:data:`SCREEN`). On
    the briefing's page one it is printed at a size fixed by the page, so it
    is drawn for that size (:data:`PAGE_ONE`).
    """

    #: The area in inches that node centres may take (half of it for a few nodes).
    box: tuple[float, float]
    #: The figure's size in inches when its nodes fill :attr:`box`.
    figsize: tuple[float, float]
    #: The article's title over the graph.
    titled: bool = True
    #: The legend in a column right of the graph, not in rows under it; the
    #: figure keeps its size however few nodes it has.
    beside: bool = False
    #: The discs' areas as a share of :func:`node_areas`' (mentions still set them).
    disc: float = 1.0
    #: The relation labels' size in points.
    edge_pt: float = _EDGE_LABEL_PT
    #: Inches of plot left around the outermost centres, across and up.
    margin: tuple[float, float] = (_MARGIN, _MARGIN)
    #: Long names on two balanced lines (:func:`_balanced`), not wrapped at 18 characters.
    balanced: bool = False
    #: Nodes pushed apart inside the box and its margin (:func:`_bounds`), not
    #: pushed out of it and scaled back; names stay inside the plot.
    clamped: bool = False


SCREEN = Frame(_BOX, _FIGSIZE)

#: Page one's graph, drawn at the size it prints. The printed column is about
#: 170 mm (6.7 in) wide and the graph has 65-80 mm under the bottom line, so a
#: figure of 10 x 7.2 in was printed at 44% (38% for wh-peace) and its 9.5 pt
#: names at about 4 pt. This one is 8 x 3.2 in with its legend beside the
#: graph, where the wide column has room, and no title (the page's heading
#: names the article). It prints the column's width and 70 mm high at 82%:
#: names at 7.6-7.8 pt, the legend at 7.3 pt (measured in the PDFs of the
#: default article, israel-beirut and wh-peace).
#: At 8.5 x 3.3 in the names printed at 7.3 pt. Discs are half the screen's
#: area: at full size the 18 actors of israel-beirut overlapped in the box.
#: Relation labels are 9 pt, printed 7.3 pt (6.1 pt at the screen's 7.5): over
#: six articles' page-one graphs as many are placed (28 at 7.5 pt, 28 at 9).
#: The margin above and below is 0.3 in, not 0.55: half a three-line name or
#: of the largest disc is 0.28 in, and the wider margin left white bands over
#: and under the graph while its names were squeezed together. In the same
#: 3.2 in the box is 2.6 in high, not 2.1: over the 35 corpus articles'
#: page-one graphs, pairs of names that overlap fell from 53 to 23 (IAEA's
#: name over Rafael Grossi's in wh-iran) and the relation labels placed rose
#: from 167 to 199 of 461. Its long names take two balanced lines, not three
#: of 18 characters (:func:`_balanced`): overlapping pairs 23 -> 17, relation
#: labels placed 199 -> 196 (wider names leave less room across). Its nodes
#: are pushed apart inside the box (:attr:`Frame.clamped`): overlapping pairs
#: 17 -> 11, names past the plot's edge 30 -> 0, labels placed 196 -> about 208.
PAGE_ONE = Frame(
    box=(5.4, 2.6),
    figsize=(8.0, 3.2),
    titled=False,
    beside=True,
    disc=0.5,
    edge_pt=9.0,
    margin=(_MARGIN, 0.3),
    balanced=True,
    clamped=True,
)


def _box(nodes: int, frame: Frame = SCREEN) -> tuple[float, float]:
    """The area node centres may take: a few nodes are drawn close, the figure sized to them."""
    if nodes <= _FEW:
        return (frame.box[0] / 2, frame.box[1] / 2)
    return frame.box


#: The least plot box of a few nodes, in inches: room for an edge label between two.
_FEW_LEAST = (2.5, 1.0)


def _plot_box(pos: dict[str, tuple[float, float]], frame: Frame = SCREEN) -> tuple[float, float]:
    """The plot box the figure is sized to: the layout's extent for a few nodes.

    Two actors side by side have no height: a box of the full height left
    the figure three quarters empty above and below them. A figure drawn
    beside its legend keeps its box: it is printed at a fixed scale, and a
    smaller figure would be printed larger, not with less white.
    """
    if frame.beside:
        return frame.box
    if len(pos) > _FEW or not pos:
        return _box(len(pos), frame)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    return (max(max(xs) - min(xs), _FEW_LEAST[0]), max(max(ys) - min(ys), _FEW_LEAST[1]))


def _figsize(box: tuple[float, float], frame: Frame = SCREEN) -> tuple[float, float]:
    """The figure around a plot box: the title, legend and margins keep their inches."""
    return (frame.figsize[0] - frame.box[0] + box[0], frame.figsize[1] - frame.box[1] + box[1])


_LABEL_PT = 9.5
#: Inches added to a label's width: its box's padding and a clear gap. At 0.1
#: two names side by side ("Joseph R. Biden Jr", "Mohammed Shia’a") were
#: drawn touching, read as one name.
_LABEL_GAP = 0.3


@lru_cache(maxsize=4096)
def _text_width(line: str, points: float, bold: bool) -> float:
    """The width in inches of one line of text as the figure's font draws it.

    A fixed width per character (0.62 em) made "Mohammed Shia’a" 0.12 inch
    narrower than drawn and "Israel" 0.1 inch wider: two long names side by
    side were "separated" with their labels touching. Measured here by the
    font's own glyph outlines, which needs no renderer.
    """
    prop = font_manager.FontProperties(
        family=_RC["font.family"], size=points, weight="bold" if bold else "normal"
    )
    return float(TextPath((0, 0), _plain(line), prop=prop).get_extents().width) / 72


def _footprint(label: str, area: float) -> tuple[float, float]:
    """Width and height in inches that a node's disc and label cover, with a gap."""
    lines = label.split("\n")
    disc = area**0.5 / 72  # node_size is the marker's area in points squared
    width = max(_text_width(x, _LABEL_PT, True) for x in lines) + _LABEL_GAP
    height = len(lines) * _LABEL_PT * 1.25 / 72 + 0.06
    return max(width, disc) + 0.08, max(height, disc) + 0.08


def _scaled(pos: dict, box: tuple[float, float]) -> dict:
    """Positions centred on 0 whose extent is at most ``box`` on each axis."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx = box[0] / max(max(xs) - min(xs), 1e-9)
    sy = box[1] / max(max(ys) - min(ys), 1e-9)
    return {n: [(x - cx) * sx, (y - cy) * sy] for n, (x, y) in pos.items()}


def _fit(pos: dict, labels: dict, areas: dict, frame: Frame = SCREEN, rounds: int = 8) -> dict:
    """Spread the layout over the plot in inches and push overlapping nodes apart.

    The discs and labels have a fixed size in points while the spring layout
    is in arbitrary units, so the separation is done in inches of the plot:
    the layout is scaled to the plot, separated, and scaled back into it
    when the separation overflowed, a few times, so that what is drawn is
    what was separated (sizing discs in layout units had let two hubs'
    discs cover each other).
    """
    if not pos:
        return {}
    size = {n: _footprint(labels[n], areas[n]) for n in pos}
    # A corpus's merged graph (hundreds of actors) cannot fit the plot anyway:
    # the pushes per pass shrink with the square of the count, so its explorer
    # opens in seconds (it took 40 s) while an article's graph gets all 600.
    pushes = min(600, max(10, 5_000_000 // len(pos) ** 2))
    box = _box(len(pos), frame)
    fitted = _scaled(pos, box)
    if frame.clamped:
        return _rounded(_separate(fitted, size, pushes, _bounds(size, box, frame.margin)))
    for _ in range(rounds):
        fitted = _separate(fitted, size, pushes)
        xs, ys = [p[0] for p in fitted.values()], [p[1] for p in fitted.values()]
        if max(xs) - min(xs) <= box[0] * 1.02 and max(ys) - min(ys) <= box[1] * 1.02:
            break
        fitted = _scaled(fitted, box)
    return _rounded(fitted)


def _rounded(pos: dict) -> dict[str, tuple[float, float]]:
    return {n: (round(p[0], 4), round(p[1], 4)) for n, p in pos.items()}


def _bounds(
    size: dict, box: tuple[float, float], margin: tuple[float, float]
) -> dict[str, tuple[float, float]]:
    """How far from the plot's centre each node's centre may go, its name still inside.

    Pushed apart and then scaled back into the box a few times, the nodes were
    squeezed together again by each scaling: on page one, whose box is full,
    23 pairs of names overlapped. Pushed apart inside the box, a node that
    meets its edge slides along it instead.
    """
    edge = (box[0] / 2 + margin[0], box[1] / 2 + margin[1])
    return {n: (max(edge[0] - w / 2, 0.0), max(edge[1] - h / 2, 0.0)) for n, (w, h) in size.items()}


def _separate(pos: dict, size: dict, rounds: int = 600, bounds: dict | None = None) -> dict:
    """Push nodes apart until no two footprints (width, height) overlap.

    Each round moves every overlapping pair apart along the axis where they
    overlap least, all pairs at once (numpy): a corpus's merged graph has
    hundreds of actors, and pair by pair in Python it took minutes. With
    ``bounds`` (node -> the most its centre's x and y may be from 0, either
    way), each round ends with the nodes held inside them.
    """
    nodes = sorted(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float).reshape(-1, 2)
    half = np.array([size[n] for n in nodes], dtype=float).reshape(-1, 2) / 2
    limit = np.array([bounds[n] for n in nodes], dtype=float).reshape(-1, 2) if bounds else None
    if limit is not None:
        np.clip(xy, -limit, limit, out=xy)
    upper = np.triu(np.ones((len(nodes), len(nodes)), dtype=bool), k=1)
    for _ in range(rounds):
        delta = xy[None, :, :] - xy[:, None, :]  # [a, b] = b - a
        overlap = half[:, None, :] + half[None, :, :] - np.abs(delta)
        clash = upper & (overlap[..., 0] > 0) & (overlap[..., 1] > 0)
        if not clash.any():
            break
        axis = (overlap[..., 1] <= overlap[..., 0]).astype(int)  # the lesser overlap
        a, b = np.nonzero(clash)
        ax_ = axis[a, b]
        step = overlap[a, b, ax_] / 2 + 0.005
        sign = np.where(delta[a, b, ax_] >= 0, 1.0, -1.0)
        move = np.zeros_like(xy)
        np.add.at(move, (a, ax_), -sign * step)
        np.add.at(move, (b, ax_), sign * step)
        xy += move
        if limit is not None:
            np.clip(xy, -limit, limit, out=xy)
    return {n: [float(x), float(y)] for n, (x, y) in zip(nodes, xy, strict=True)}


def graph_figure(
    obj: Analysis | nx.MultiDiGraph, title: str | None = None, frame: Frame = SCREEN
) -> Figure:
    """Draw the actor graph.

    Nodes are coloured by type and sized by mentions; edges are coloured by
    polarity and labelled with their relation type; co-mentions are drawn
    faint and dashed, without a label.

    Parameters
    ----------
    obj : Analysis or networkx.MultiDiGraph
    title : str, optional
        Defaults to the article title; a frame that is not ``titled`` draws none.
    frame : Frame
        :data:`SCREEN` (the default) or :data:`PAGE_ONE`, drawn for the page it prints on.

    Returns
    -------
    matplotlib.figure.Figure
    """
    graph = _graph(obj)
    with plt.rc_context(_RC):
        pos = layout(graph, frame)
        box = _plot_box(pos, frame)
        fig, ax = _axes(box, frame)
        labels = {n: _label(graph, n, frame) for n in graph.nodes}
        area = node_areas(graph, frame.disc)
        _draw_edges(ax, graph, pos, frame)
        sizes = [area[n] for n in graph.nodes]
        colours = [TYPE_COLOURS.get(graph.nodes[n].get("type"), "#bbbbbb") for n in graph.nodes]
        nx.draw_networkx_nodes(
            graph,
            pos,
            ax=ax,
            node_size=sizes,
            node_color=colours,
            edgecolors="white",
            linewidths=1.5,
            alpha=0.95,
        )
        for n, (x, y) in pos.items():
            ax.annotate(
                _plain(labels[n]),
                (x, y),
                ha="center",
                va="center",
                fontsize=_LABEL_PT,
                fontweight="bold",
                color="#111111",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75},
            )
        _legend(ax, graph, frame.beside)
        if frame.titled:
            heading = _plain(drawable(title or graph.graph.get("title", "")))
            ax.set_title(heading, fontsize=12, wrap=True)
        if not pos:
            # An article with no actor printed a blank box under the caption
            # on how to read nodes and edges; the figure says why it is empty.
            ax.text(
                0.5,
                0.5,
                NO_ACTORS,
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontsize=11,
                color="#555555",
            )
        if pos:
            # Limits, not margins: the scale drawn is the one the layout was separated at.
            (x0, x1), (y0, y1) = _limits(pos, box, frame)
            ax.set_xlim(x0, x1)
            ax.set_ylim(y0, y1)
        ax.set_axis_off()
        if not frame.beside:
            fig.tight_layout()
    return fig


def _limits(
    pos: dict, box: tuple[float, float], frame: Frame = SCREEN
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The plot's x and y limits in inches: the nodes' extent, at least the box, and a margin.

    A clamped frame's are the box and its margin around 0, where its nodes
    were held (:func:`_bounds`): a node with a short name may stand in the
    margin, and limits widened to it would draw the plot smaller than it was
    separated at.
    """
    margin = frame.margin
    if frame.clamped:
        return (-box[0] / 2 - margin[0], box[0] / 2 + margin[0]), (
            -box[1] / 2 - margin[1],
            box[1] / 2 + margin[1],
        )
    limits = []
    for axis, side in ((0, box[0]), (1, box[1])):
        lo, hi = min(p[axis] for p in pos.values()), max(p[axis] for p in pos.values())
        half = max(hi - lo, side) / 2 + margin[axis]
        limits.append(((lo + hi) / 2 - half, (lo + hi) / 2 + half))
    return limits[0], limits[1]


def _axes(box: tuple[float, float], frame: Frame) -> tuple[Figure, Any]:
    """The figure and its plot; beside a legend, the plot is placed at one inch to the inch.

    ``tight_layout`` leaves a legend outside the plot out of its sums, so a
    figure whose legend stands beside the graph places its plot by hand: the
    box and its margins on the left, in inches, and the legend's column right
    of them. Its labels are then drawn at the size they were separated at.
    """
    size = _figsize(box, frame)
    if not frame.beside:
        return plt.subplots(figsize=size, dpi=100)
    fig = plt.figure(figsize=size, dpi=100)
    width, height = box[0] + 2 * frame.margin[0], box[1] + 2 * frame.margin[1]
    ax = fig.add_axes((0.0, (1 - height / size[1]) / 2, width / size[0], height / size[1]))
    return fig, ax


def _draw_edges(ax, graph: nx.MultiDiGraph, pos: dict, frame: Frame = SCREEN) -> None:
    pairs: dict[tuple[str, str], list[dict]] = {}
    for u, v, data in graph.edges(data=True):
        pairs.setdefault((u, v), []).append(data)
    for (u, v), edges in sorted(pairs.items()):
        strong = [e for e in edges if not e.get("weak")]
        shown = strong or edges
        polarity = shown[0].get("polarity", WEAK_POLARITY)
        nx.draw_networkx_edges(
            graph.subgraph([u, v]).copy(),
            pos,
            edgelist=[(u, v)],
            ax=ax,
            edge_color=POLARITY_COLOURS.get(polarity, "#999999"),
            width=1.0 if not strong else 1.6 + 0.5 * min(_strength(strong), 6),
            style="dashed" if not strong else "solid",
            alpha=0.35 if not strong else 0.9,
            arrows=True,
            arrowstyle="-|>" if strong else "-",
            arrowsize=16,
            node_size=900 * frame.disc,
            connectionstyle=f"arc3,rad={_bend(pairs, u, v)}",
        )
    for (u, v, text), (x, y) in edge_label_spots(graph, pos, frame).items():
        half = _text_half(text, frame.edge_pt)
        tie = leader(pos[u], pos[v], Box(x, y, *half), _bend(pairs, u, v))
        if tie is not None:
            strong = [e for e in pairs[(u, v)] if not e.get("weak")]
            (bx, by), (px, py) = tie
            ax.plot(
                [bx, px],
                [by, py],
                color=POLARITY_COLOURS.get(strong[0].get("polarity", WEAK_POLARITY), "#999999"),
                linewidth=0.8,
                alpha=0.8,
                solid_capstyle="butt",
            )
        ax.annotate(
            _plain(text),
            (x, y),
            ha="center",
            va="center",
            fontsize=frame.edge_pt,
            color="#333333",
            bbox={"boxstyle": "round,pad=0.15", "fc": "#fbfbf5", "ec": "none", "alpha": 0.85},
        )


def _strength(edges: list[dict]) -> int:
    return sum(int(e.get("weight", 1)) for e in edges)


def _bend(pairs: dict, u: str, v: str) -> float:
    """Both directions between two actors are drawn as arcs, to opposite sides."""
    return 0.12 if (v, u) in pairs else 0.0


def edge_label_spots(
    graph: nx.MultiDiGraph, pos: dict, frame: Frame = SCREEN
) -> dict[tuple[str, str, str], tuple[float, float]]:
    """Where each labelled edge's label is drawn, clear of the actors and of each other.

    Only relations (not co-mentions) are labelled, strongest first; a label
    is tried along its own edge and beside it (:func:`newsbrief.placement.place`)
    and left out when every spot would cover an actor or a stronger edge's label.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    pos : dict
        Node positions in inches, from :func:`layout`.
    frame : Frame
        The figure they are drawn in (its discs' size).

    Returns
    -------
    dict
        ``(source, target, label text)`` -> the label's centre, for the labels drawn.
    """
    pairs: dict[tuple[str, str], list[dict]] = {}
    for u, v, data in graph.edges(data=True):
        pairs.setdefault((u, v), []).append(data)
    strong = {k: [e for e in es if not e.get("weak")] for k, es in sorted(pairs.items())}
    order = sorted((k for k, es in strong.items() if es), key=lambda k: -_strength(strong[k]))
    labels = {k: _edge_label(strong[k]) for k in order}
    areas = node_areas(graph, frame.disc)
    obstacles = [
        Box(x, y, *(d / 2 for d in _footprint(_label(graph, n, frame), areas[n])))
        for n, (x, y) in sorted(pos.items())
    ]
    requests = []
    (x0, x1), (y0, y1) = _limits(pos, _plot_box(pos, frame), frame) if pos else ((0, 0), (0, 0))
    for k, (u, v) in enumerate(order):
        half = _text_half(labels[(u, v)], frame.edge_pt)
        # The strongest edge, the article's main relation, may take a spot three
        # label heights out: between two large discs nearly touching (a joint
        # declaration's two parties) it had none nearer and was drawn unlabelled.
        # Every label that far floats with a long leader over the graph.
        rings = _MAIN_RINGS if k == 0 else _RINGS
        # A spot past the plot's edge was clipped away, its leader line left
        # pointing at nothing; on page one it fell under the legend beside it.
        inside = [
            (x, y)
            for x, y in candidates(pos[u], pos[v], half, _bend(pairs, u, v), rings)
            if x0 <= x - half[0] and x + half[0] <= x1 and y0 <= y - half[1] and y + half[1] <= y1
        ]
        requests.append((inside, half))
    spots = place(requests, obstacles)
    return {
        (u, v, labels[(u, v)]): (box.x, box.y)
        for (u, v), box in zip(order, spots, strict=True)
        if box is not None
    }


#: Label heights out beside its edge a label may sit: the strongest edge's, and the others'.
_MAIN_RINGS, _RINGS = 3, 2


def _text_half(label: str, points: float = _EDGE_LABEL_PT) -> tuple[float, float]:
    """Half the width and height in inches of an edge label with its box."""
    lines = label.split("\n")
    width = max(_text_width(x, points, False) for x in lines) + 0.06
    height = len(lines) * points * 1.25 / 72 + 0.05
    return width / 2, height / 2


def _edge_label(edges: list[dict]) -> str:
    """Name at most two relation types on an edge, strongest first, and count the rest."""
    weight: dict[str, int] = {}
    for e in edges:
        name = relation_words(e["type"])
        weight[name] = weight.get(name, 0) + int(e.get("weight", 1))
    ranked = sorted(weight, key=lambda t: (-weight[t], t))
    more = f"\n+{len(ranked) - 2} more" if len(ranked) > 2 else ""
    return drawable("\n".join(ranked[:2]) + more)


def _legend(ax, graph: nx.MultiDiGraph, beside: bool = False) -> None:
    types = sorted({graph.nodes[n].get("type", "") for n in graph.nodes})
    handles: list[Artist] = [Patch(color=TYPE_COLOURS.get(t, "#bbbbbb"), label=t) for t in types]
    polarities = sorted({d.get("polarity", WEAK_POLARITY) for _, _, d in graph.edges(data=True)})
    handles += [
        Line2D(
            [0],
            [0],
            color=POLARITY_COLOURS.get(p, "#999"),
            lw=2,
            linestyle="--" if p == WEAK_POLARITY else "-",
            label="co-mentioned" if p == WEAK_POLARITY else p,
        )
        for p in polarities
    ]
    if beside:
        # One column right of the plot: a wide printed figure has room there, not under it.
        ax.legend(
            handles=handles,
            loc="center left",
            bbox_to_anchor=(1.02, 0.5),
            frameon=False,
            fontsize=9,
        )
        return
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.01),
        ncol=5,
        frameon=False,
        fontsize=9,
    )


def figure_bytes(fig: Figure, fmt: str) -> bytes | str:
    """Render a figure to PNG bytes or SVG text with fixed metadata (no dates)."""
    with plt.rc_context(_RC):
        buf = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buf, format=fmt, metadata=metadata, bbox_inches="tight", dpi=150)
    plt.close(fig)
    data = buf.getvalue()
    return data.decode("utf-8") if fmt == "svg" else data


def save_figure(fig: Figure, path: str | Path) -> None:
    """Save a figure as PNG or SVG (by suffix), deterministically."""
    fmt = Path(path).suffix.lstrip(".").lower() or "png"
    write_atomic(path, figure_bytes(fig, fmt))
