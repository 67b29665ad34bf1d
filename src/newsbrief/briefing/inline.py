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
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from IPython.display import HTML
from jinja2 import Environment

__all__ = ["Column", "inline_table"]

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
    >>> "<td style=\"text-align: left; vertical-align: top;\">&lt;b&gt;</td>" in (
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
    return HTML(_TEMPLATE.render(id=table_id, head=head, rows=rows))
