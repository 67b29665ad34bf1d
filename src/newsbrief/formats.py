"""Output formats as registries: name -> writer and file suffix.

The CLI's ``--format`` choices are the keys of these tables, so a format
exists in one place and an unknown name is an error, never a fallback. The
graph's data formats come from :mod:`newsbrief.graph` and its drawings from
:mod:`newsbrief.figures`; this module is where the two meet, so that the data
exports never import the drawing code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import NewsbriefError
from .figures import figure_bytes, graph_figure
from .graph import DATA_FORMATS, actor_graph, export_plover
from .tables import TABLE_FORMATS

if TYPE_CHECKING:
    from collections.abc import Callable

    import networkx as nx

    from .model import Analysis

__all__ = [
    "GRAPH_FORMATS",
    "TABLE_FORMATS",
    "OutputFormat",
    "graph_output",
    "write_analysis_graph",
    "write_graph",
]


@dataclass(frozen=True)
class OutputFormat:
    """A writer and the file suffix of what it writes.

    ``per_article`` formats need one article's analysis, not a graph, so
    they cannot be made from a merged corpus graph.
    """

    write: Callable[[Any], str | bytes]
    suffix: str
    per_article: bool = False


def _drawing(fmt: str) -> Callable[[nx.MultiDiGraph], str | bytes]:
    def draw(graph: nx.MultiDiGraph) -> str | bytes:
        return figure_bytes(graph_figure(graph), fmt)

    return draw


#: The formats of ``newsbrief graph``, in the order the CLI lists them.
GRAPH_FORMATS: dict[str, OutputFormat] = {
    **{name: OutputFormat(writer, f".{name}") for name, writer in DATA_FORMATS.items()},
    "plover": OutputFormat(export_plover, ".json", per_article=True),
    "png": OutputFormat(_drawing("png"), ".png"),
    "svg": OutputFormat(_drawing("svg"), ".svg"),
}


def graph_output(fmt: str) -> OutputFormat:
    """Return the registered graph format ``fmt``.

    Raises
    ------
    NewsbriefError
        For a name that is not in :data:`GRAPH_FORMATS`.
    """
    try:
        return GRAPH_FORMATS[fmt]
    except KeyError:
        raise NewsbriefError(f"unknown graph format {fmt!r} ({', '.join(GRAPH_FORMATS)})") from None


def write_graph(graph: nx.MultiDiGraph, fmt: str) -> str | bytes:
    """Serialise a (possibly merged) actor graph in a registered format."""
    output = graph_output(fmt)
    if output.per_article:
        raise NewsbriefError(f"--format {fmt} needs one article, not a merged graph")
    return output.write(graph)


def write_analysis_graph(analysis: Analysis, fmt: str) -> str | bytes:
    """Serialise one article's graph (or its PLOVER records) in a registered format."""
    output = graph_output(fmt)
    if output.per_article:
        return output.write(analysis)
    return output.write(actor_graph(analysis))
