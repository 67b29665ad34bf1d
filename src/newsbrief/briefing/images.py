"""The briefing's figures as PNG images for display (nbval leaves PNG alone)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
from IPython.display import Image

from .. import vocabulary
from ..figures import figure_bytes, graph_figure
from .frames import category_counts

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..model import Analysis

__all__ = [
    "counts_figure",
    "counts_image",
    "graph_image",
]


_PNG_WIDTH = 720  # display width of figures (px); the PNG itself is 150 dpi


def _image(fig: Figure, width: int = _PNG_WIDTH) -> Image:
    return Image(data=figure_bytes(fig, "png"), format="png", width=width)


def graph_image(analysis: Analysis, width: int = _PNG_WIDTH) -> Image:
    """The actor graph as a PNG for display (nbval leaves PNG alone).

    Parameters
    ----------
    analysis : Analysis
    width : int
        Display width in CSS pixels.

    Returns
    -------
    IPython.display.Image
    """
    return _image(graph_figure(analysis), width)


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
