"""Output formats are registries: the CLI's choices come from them, unknown names fail."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from newsbrief import cli
from newsbrief.errors import NewsbriefError
from newsbrief.formats import GRAPH_FORMATS, graph_output, write_graph
from newsbrief.graph import export_graph
from newsbrief.tables import TABLE_FORMATS, render_table


def _choices(command: str) -> tuple[str, ...]:
    parser = cli._parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    action = next(a for a in sub.choices[command]._actions if a.dest == "format")
    return tuple(action.choices)


def test_cli_choices_are_the_registries():
    assert _choices("graph") == tuple(GRAPH_FORMATS)
    assert _choices("claims") == tuple(TABLE_FORMATS)


def test_unknown_table_format_is_an_error_not_markdown():
    df = pd.DataFrame({"a": [1]})
    with pytest.raises(NewsbriefError, match="unknown table format 'html'"):
        render_table(df, "html")
    assert render_table(df, "csv") == "a\n1\n"


def test_unknown_graph_format_is_an_error():
    with pytest.raises(NewsbriefError, match="unknown graph format 'dot'"):
        graph_output("dot")
    with pytest.raises(NewsbriefError, match="unknown graph format 'png'"):
        export_graph(nx.MultiDiGraph(), "png")  # the data exports never draw


def test_per_article_format_refused_for_a_merged_graph():
    with pytest.raises(NewsbriefError, match="plover needs one article"):
        write_graph(nx.MultiDiGraph(), "plover")


def test_suffixes_name_the_file_kind():
    assert {name: f.suffix for name, f in GRAPH_FORMATS.items()} == {
        "graphml": ".graphml",
        "gexf": ".gexf",
        "json": ".json",
        "plover": ".json",
        "png": ".png",
        "svg": ".svg",
    }
