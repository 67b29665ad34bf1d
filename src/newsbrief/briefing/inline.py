"""Tables that carry every style on their own cells, for notebooks opened untrusted.

A committed notebook opens untrusted on every machine but the one that ran
it, and JupyterLab then sanitizes its HTML outputs: ``<style>`` blocks are
dropped, while ``style`` attributes with common properties (``color``,
``background-color``, ``text-align``, ``font-weight``, ``min-width`` ...) are
kept (the ``allowedStyles`` of ``@jupyterlab/apputils``' sanitizer). A pandas
Styler writes its per-cell CSS into a ``<style>`` block, so its colours and
alignment vanish until the user re-runs every cell; these tables do not
depend on one. Their text goes through a Jinja template with autoescape on,
so an article that contains ``<script>`` is shown as text.

Every text/html output the package makes goes through :func:`html_block`,
which marks it as no maths: JupyterLab typesets ``$...$`` in HTML outputs
with MathJax, and news text is full of dollar amounts.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from IPython.display import HTML
from jinja2 import Environment

__all__ = ["NO_MATHS", "Column", "html_block", "inline_table", "no_maths"]

#: Every cell: text starts at the left edge and at the top of its row.
_LEFT = "text-align: left; vertical-align: top;"
#: Numbers line up on their last digit.
_RIGHT = "text-align: right; vertical-align: top;"
#: The column of running text gets room to breathe.
_WIDE = "min-width: 15em;"

_TEMPLATE = Environment(autoescape=True, keep_trailing_newline=True).from_string(
    '<table id="{{ id }}" style="border-collapse: collapse;">\n'
    "<thead><tr>{% for text, css in head %}"
    '<th style="{{ css }}">{{ text }}</th>{% endfor %}</tr></thead>\n'
    "<tbody>\n{% for row in rows %}<tr>{% for text, css in row %}"
    '<td style="{{ css }}">{{ text }}</td>{% endfor %}</tr>\n{% endfor %}'
    "</tbody>\n</table>\n"
)

#: The classes MathJax skips, with all they hold. JupyterLab 4 typesets every
#: text/html output with MathJax 3, ``$...$`` as inline maths (its
#: mathjax-extension sets no ``ignoreHtmlClass``, so MathJax 3's default
#: ``mathjax_ignore`` applies); "pledged $5 billion and Japan $3 billion" lost
#: both dollars and showed "5 billion and Japan" in italic maths. MathJax 2,
#: which the classic notebook and nbconvert's stock templates load, reads
#: ``tex2jax_ignore`` (JupyterLab does not: jupyterlab issue #17935).
NO_MATHS = "mathjax_ignore tex2jax_ignore"


def no_maths(markup: str) -> str:
    """``markup`` inside a plain ``<div>`` that MathJax leaves alone.

    A wrapper, not a class on each element, because an output may hold
    several blocks (the key claims are a heading and a list per category).
    The div has no style of its own, so the printed briefing lays out as
    before: its margins collapse through it as they did through the output's
    own div.

    Examples
    --------
    >>> no_maths("<p>$5 and $3</p>")
    '<div class="mathjax_ignore tex2jax_ignore"><p>$5 and $3</p></div>'
    """
    return f'<div class="{NO_MATHS}">{markup}</div>'


def html_block(markup: str) -> HTML:
    """A text/html output whose dollar signs JupyterLab shows as written (:func:`no_maths`)."""
    return HTML(no_maths(markup))


@dataclass(frozen=True)
class Column:
    """How one column is shown.

    ``text`` turns a value into the text of its cell (default: see
    :func:`_text`); ``css`` gives the style of a cell from its whole row, so
    a column can be styled by another one (a claim's text by its modality);
    ``wide`` marks the column of running text.
    """

    text: Callable[[Any], str] | None = None
    css: Callable[[Mapping[str, Any]], str] | None = None
    wide: bool = False


def _text(value: Any) -> str:
    """A cell's text: empty for a missing value, three decimals for a float."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def inline_table(
    df: pd.DataFrame, table_id: str, columns: Mapping[str, Column] | None = None
) -> HTML:
    """Render ``df`` (without its index) as a table whose styles are all inline.

    Parameters
    ----------
    df : pandas.DataFrame
    table_id : str
        The ``id`` of the table, fixed so that the output is the same bytes
        on every run.
    columns : mapping of column name to :class:`Column`, optional
        How the named columns are shown; the others as plain text.

    Returns
    -------
    IPython.display.HTML

    Examples
    --------
    >>> df = pd.DataFrame({"name": ["<b>"], "n": [2]})
    >>> '<td style="text-align: left; vertical-align: top;">&lt;b&gt;</td>' in (
    ...     inline_table(df, "t").data
    ... )
    True
    """
    columns = columns or {}
    if unknown := sorted(set(columns) - set(df.columns)):
        raise KeyError(f"no column {unknown[0]!r} in the table")
    base = {
        str(c): (_RIGHT if _numeric(df[c]) else _LEFT)
        + (" " + _WIDE if columns.get(str(c), Column()).wide else "")
        for c in df.columns
    }
    rows = []
    for values in df.to_dict(orient="records"):
        record = {str(name): value for name, value in values.items()}
        row = []
        for name, value in record.items():
            column = columns.get(name, Column())
            text = (column.text or _text)(value)
            css = " ".join(filter(None, (base[name], column.css(record) if column.css else "")))
            row.append((text, css))
        rows.append(row)
    head = [(name, base[name]) for name in base]
    return html_block(_TEMPLATE.render(id=table_id, head=head, rows=rows))
