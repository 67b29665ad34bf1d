"""The notebooks' tables: every cell escaped, every style inline, fixed table ids.

The committed notebooks open untrusted, and JupyterLab then drops the
``<style>`` block a pandas Styler relies on; :func:`.inline.inline_table`
puts the category colours, the modality marks and the alignment on each
cell instead, so they show before the user runs anything. Each view renders
once to HTML, so nbval compares the same bytes on every run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from IPython.display import HTML

from .. import vocabulary
from ..gazetteer import parent_names
from ..graph import actor_graph, metrics_table
from ..tables import actors_table, relations_table
from ..vocabulary import CATEGORY_COLOURS
from .frames import attribution_counts, category_counts, collapsed_claims, structure_table
from .inline import Column, inline_table

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import Analysis

__all__ = [
    "CATEGORY_COLOURS",
    "actors_view",
    "attribution_view",
    "claims_view",
    "counts_view",
    "metrics_view",
    "relations_view",
    "structure_view",
]


def _category_css(row: Mapping[str, Any]) -> str:
    colour = vocabulary.CATEGORY_COLOURS.get(str(row["category"]))
    return f"background-color: {colour};" if colour else ""


def _modality_css(row: Mapping[str, Any]) -> str:
    return vocabulary.MODALITY_STYLES.get(str(row["modality"]), "")


def _restated_label(value: Any) -> str:
    return f"×{int(value) + 1}" if value else ""


def claims_view(analysis: Analysis) -> HTML:
    """The claims table for a reader: categories coloured, restatements collapsed.

    Hedged claims are set in italics and prescriptive ones in bold; a claim
    the article repeats shows how many times it is stated (``×3``).

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    cols = [
        "index",
        "text",
        "category",
        "modality",
        "attribution",
        "actors",
        "restated",
    ]
    df = collapsed_claims(analysis)[cols].rename(columns={"index": "#", "restated": "stated"})
    columns = {
        "text": Column(css=_modality_css, wide=True),  # marked like its modality
        "category": Column(css=_category_css),
        "modality": Column(css=_modality_css),
        "stated": Column(text=_restated_label),
    }
    return inline_table(df, "T_claims", columns)


def counts_view(analysis: Analysis) -> HTML:
    """:func:`category_counts` as a styled table."""
    df = category_counts(analysis).reset_index()
    return inline_table(df, "T_counts", {"category": Column(css=_category_css)})


def structure_view(analysis: Analysis) -> HTML:
    """:func:`structure_table` with the section names left-aligned, no index."""
    return inline_table(structure_table(analysis), "T_structure")


def attribution_view(analysis: Analysis) -> HTML:
    """:func:`attribution_counts` as a styled table."""
    return inline_table(attribution_counts(analysis), "T_attribution")


def actors_view(analysis: Analysis) -> HTML:
    """The actors: type, code, mentions and the aliases found in the text.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    cols = ["id", "name", "type", "code", "part_of", "mentions", "aliases"]
    df = actors_table(analysis)[cols].rename(columns={"part_of": "part of"})
    # a parent that is no actor of the article shows its name, not a bare code
    parents = parent_names(analysis.actors)
    df["part of"] = [parents.get(i, "") for i in df["id"]]
    return inline_table(df, "T_actors", {"aliases": Column(wide=True)})


def relations_view(analysis: Analysis) -> HTML:
    """The relations between actors, each with the sentences that state it.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    cols = ["source", "type", "target", "polarity", "evidence_units", "evidence"]
    df = relations_table(analysis)[cols].rename(columns={"evidence_units": "units"})
    df["type"] = df["type"].str.replace("_", " ")
    return inline_table(df, "T_relations", {"evidence": Column(wide=True)})


def metrics_view(analysis: Analysis) -> HTML:
    """Degree and betweenness of each actor in the graph of (strong) relations.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    df = metrics_table(actor_graph(analysis)).rename(columns={"weighted_degree": "weighted degree"})
    return inline_table(df, "T_metrics")
