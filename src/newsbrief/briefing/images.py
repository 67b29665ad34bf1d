"""The briefing's figures as PNG images for display (nbval leaves PNG alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
from IPython.display import Image, display

from .. import vocabulary
from ..figures import PAGE_ONE, figure_bytes, graph_figure
from ..graph import actor_graph
from .frames import category_counts
from .inline import html_block

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

    from ..model import Analysis

__all__ = [
    "PAGE_ONE_ACTORS",
    "counts_figure",
    "counts_image",
    "full_graph_image",
    "graph_image",
    "page_one_actors",
]

#: The most actors page one's graph draws. Its figure (:data:`~newsbrief.figures.PAGE_ONE`)
#: prints about 170 x 70 mm whatever it holds, names at about 7.7 pt; the 46 of
#: wh-peace-through-strength-record filled it edge to edge and could not be
#: told apart, 18 leave room around each name. The full graph, on a page of
#: its own, prints 180 mm wide (names at about 7 pt).
PAGE_ONE_ACTORS = 18


_PNG_WIDTH = 720  # display width of figures (px); the PNG itself is 150 dpi


def _image(fig: Figure, width: int = _PNG_WIDTH) -> Image:
    return Image(data=figure_bytes(fig, "png"), format="png", width=width)


def page_one_actors(graph: nx.MultiDiGraph, limit: int = PAGE_ONE_ACTORS) -> list[str]:
    """The actors page one's graph draws: all of them, or the ``limit`` that matter most.

    An actor that takes part in a relation (an edge that is not a mere
    co-mention) comes before one that is only named, since the graph is
    there to show who does what to whom; among them the most mentioned come
    first, then the first named.
    """
    nodes = list(graph.nodes)
    if len(nodes) <= limit:
        return nodes
    related = {n for u, v, d in graph.edges(data=True) if not d.get("weak") for n in (u, v)}

    def rank(node: str) -> tuple[bool, int, int]:
        data = graph.nodes[node]
        return (node not in related, -data.get("mentions", 0), data.get("first_unit", -1))

    kept = set(sorted(nodes, key=rank)[:limit])
    return [n for n in nodes if n in kept]


#: Said over page one's graph when it leaves actors out. In the (then larger)
#: figure, under its legend, it printed at about 4 pt; as the page's text it reads.
_LEFT_OUT_NOTE = (
    '<p class="nb-graph-note">{drawn} of the {total} actors are drawn here: those in'
    " relations, most mentioned first. All {total} are in the graph on the last page.</p>"
)


def graph_image(analysis: Analysis, width: int = _PNG_WIDTH) -> Image:
    """The actor graph as a PNG for display (nbval leaves PNG alone).

    A large graph is cut to :data:`PAGE_ONE_ACTORS` (:func:`page_one_actors`)
    so its names read on page one; a line over it says how many are left
    out and where they are (:func:`full_graph_image` draws them all).

    Parameters
    ----------
    analysis : Analysis
    width : int
        Display width in CSS pixels.

    Returns
    -------
    IPython.display.Image
    """
    graph = actor_graph(analysis)
    drawn = page_one_actors(graph)
    if len(drawn) == graph.number_of_nodes():
        return _image(graph_figure(graph, frame=PAGE_ONE), width)
    display(html_block(_LEFT_OUT_NOTE.format(drawn=len(drawn), total=graph.number_of_nodes())))
    return _image(graph_figure(graph.subgraph(drawn).copy(), frame=PAGE_ONE), width)


#: The heading over the full graph; the stylesheet starts a page with it.
_FULL_GRAPH_HEADING = '<h2 class="nb-full-graph">All {total} actors</h2>'


def full_graph_image(analysis: Analysis, width: int = _PNG_WIDTH) -> Image | None:
    """The whole actor graph on a page of its own, when page one's graph left actors out.

    Returns None (the cell shows nothing) when :func:`graph_image` drew
    every actor; otherwise the heading is displayed and the figure returned.

    Parameters
    ----------
    analysis : Analysis
    width : int
        Display width in CSS pixels.

    Returns
    -------
    IPython.display.Image or None
    """
    graph = actor_graph(analysis)
    if len(page_one_actors(graph)) == graph.number_of_nodes():
        return None
    display(html_block(_FULL_GRAPH_HEADING.format(total=graph.number_of_nodes())))
    return _image(graph_figure(graph), width)


def counts_figure(analysis: Analysis) -> Figure:
    """Bar chart of claims per category, stacked by modality.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    matplotlib.figure.Figure
    """
    counts = category_counts(analysis).drop(index="total", columns="total")
    fig, ax = plt.subplots(figsize=(7, 3.2), dpi=100)
    left = [0] * len(counts)
    hatches = vocabulary.MODALITY_HATCHES
    colours = [vocabulary.CATEGORY_BAR_COLOURS[c] for c in counts.index]
    for modality in counts.columns:
        values = counts[modality].tolist()
        ax.barh(
            counts.index,
            values,
            left=left,
            color=colours,
            hatch=hatches[modality],
            edgecolor="white",
            label=modality,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("claims")
    ax.legend(title="modality", frameon=False, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def counts_image(analysis: Analysis) -> Image:
    """:func:`counts_figure` as a PNG for display."""
    return _image(counts_figure(analysis))
