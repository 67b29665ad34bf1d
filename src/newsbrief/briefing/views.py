"""Styled tables for the notebooks: every cell escaped, fixed table ids.

Each view renders its Styler once to HTML (``Styler.format(escape="html")``),
so an article that contains ``<script>`` is shown as text and nbval compares
the same bytes on every run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd
from IPython.display import HTML

from .. import vocabulary
from ..graph import actor_graph, metrics_table
from ..tables import actors_table, relations_table
from ..vocabulary import CATEGORY_COLOURS
from .frames import attribution_counts, category_counts, collapsed_claims

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler
    from pandas.io.formats.style_render import CSSDict

    from ..model import Analysis

__all__ = [
    "CATEGORY_COLOURS",
    "actors_view",
    "attribution_view",
    "claims_view",
    "counts_view",
    "metrics_view",
    "relations_view",
]


def _html(styler: Styler) -> HTML:
    """Render a Styler once, so the notebook stores HTML and a plain placeholder."""
    return HTML(styler.to_html())


def _styled(df: pd.DataFrame, uuid: str, wide: str | None = None) -> Styler:
    """Escape every cell, hide the index, fix the table id, align text left.

    ``wide`` names the column of running text, which gets room to breathe.
    The styles are scoped to the table's id, so they hold in JupyterLab and
    in the exported briefing alike.
    """
    align = "text-align: left; vertical-align: top;"
    styles: list[CSSDict] = [{"selector": "th", "props": align}, {"selector": "td", "props": align}]
    if wide is not None:
        column = df.columns.get_loc(wide)
        styles.append({"selector": f"td.col{column}", "props": "min-width: 15em;"})
    return (
        df.style.format(escape="html", na_rep="")
        .hide(axis="index")
        .set_uuid(uuid)
        .set_table_styles(styles)
    )


def _category_css(value: object) -> str:
    colour = vocabulary.CATEGORY_COLOURS.get(str(value))
    return f"background-color: {colour};" if colour else ""


def _modality_css(value: object) -> str:
    return vocabulary.MODALITY_STYLES.get(str(value), "")


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
    styler = (
        _styled(df, "claims", wide="text")
        .format(_restated_label, subset=["stated"])
        .map(_category_css, subset=["category"])
        .map(_modality_css, subset=["modality"])
    )
    return _html(_apply_row_modality(styler, df))


def _apply_row_modality(styler: Styler, df: pd.DataFrame) -> Styler:
    """Mark the text of hedged and prescriptive claims like their modality cell."""

    def row_css(row: pd.Series) -> pd.Series:
        css = _modality_css(row["modality"])
        return pd.Series([css if c == "text" else "" for c in row.index], index=row.index)

    return styler.apply(row_css, axis=1)


def counts_view(analysis: Analysis) -> HTML:
    """:func:`category_counts` as a styled table."""
    styler = category_counts(analysis).style.format(escape="html").set_uuid("counts")
    return _html(styler.map_index(_category_css, axis=0))


def attribution_view(analysis: Analysis) -> HTML:
    """:func:`attribution_counts` as a styled table."""
    return _html(_styled(attribution_counts(analysis), "attribution"))


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
    return _html(_styled(df, "actors", wide="aliases"))


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
    return _html(_styled(df, "relations", wide="evidence"))


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
    return _html(_styled(df, "metrics").format(precision=3, subset=["betweenness"]))
