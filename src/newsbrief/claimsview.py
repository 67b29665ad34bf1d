"""Interactive claims table for JupyterLab: filter, search, sort, read a claim in context.

The static tables of :mod:`newsbrief.briefing` are what the HTML and PDF
briefing print; this module is for an analyst working in JupyterLab, who
wants to narrow the claims down (by category, modality, source, actor or a
word) and read one claim with the sentences around it and the cues that
decided its category. Everything is built from ipywidgets, whose JavaScript
ships inside the ``jupyterlab_widgets`` wheel, so nothing is fetched from the
network when the notebook opens.

The filtering is plain pandas (:func:`filter_claims`) so it is tested without
a browser; the widgets only wire drop-downs to it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .briefing import CATEGORY_COLOURS, source_names
from .model import CATEGORIES, MODALITIES
from .tables import claims_table

if TYPE_CHECKING:
    import ipywidgets as widgets

    from .model import Analysis

__all__ = [
    "ALL",
    "SORT_KEYS",
    "ClaimFilter",
    "Shown",
    "claim_context",
    "claims_explorer",
    "claims_frame",
    "cue_words",
    "filter_claims",
    "filter_options",
]

#: The drop-down entry that means "no filter".
ALL = "(all)"

#: Sort orders offered by the explorer: label -> (column, ascending).
SORT_KEYS = {
    "reading order": ("index", True),
    "category": ("category", True),
    "source": ("source", True),
    "restatements": ("restated", False),
}

_SHOWN_COLUMNS = ("index", "category", "modality", "source", "actors", "text")
_MAX_ROWS = 400  # the table scrolls; beyond this many rows it only slows the browser


@dataclass(frozen=True)
class ClaimFilter:
    """What the analyst asked for; empty strings mean "any"."""

    category: str = ""
    modality: str = ""
    source: str = ""
    actor: str = ""
    text: str = ""
    sort: str = "reading order"


class Shown:
    """A widget with a short plain-text stand-in.

    A widget's own plain-text form spells out every child and option, so it
    would change with any detail of the layout; nbval compares plain text,
    and the widget view itself (a random model id) it skips.
    """

    def __init__(self, widget: widgets.Widget, summary: str) -> None:
        self.widget = widget
        self.summary = summary

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = self.summary
        return bundle

    def __repr__(self) -> str:
        return self.summary


def claims_frame(analysis: Analysis) -> pd.DataFrame:
    """The claims with one name per source and actor names instead of ids.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`newsbrief.tables.claims_table` plus ``source``
        (the attribution, written one way per source), ``actor_names`` (a
        tuple) and ``restated`` (how many times the claim is stated).
    """
    df = claims_table(analysis)
    canonical = source_names(analysis)
    names = {a.id: a.name for a in analysis.actors}
    restated = df["restates"].dropna().astype(int).value_counts()
    df["source"] = [canonical.get(s.casefold(), s) for s in df["attribution"]]
    df["actor_names"] = [
        tuple(names.get(a, a) for a in ids.split(", ") if a) for ids in df["actors"]
    ]
    df["restated"] = [1 + int(restated.get(i, 0)) for i in df["index"]]
    return df


def filter_options(df: pd.DataFrame) -> dict[str, list[str]]:
    """The values each drop-down offers, in a stable order.

    Parameters
    ----------
    df : pandas.DataFrame
        From :func:`claims_frame`.

    Returns
    -------
    dict
        ``category``, ``modality``, ``source`` and ``actor`` -> values
        present in the claims (categories in vocabulary order, the rest
        sorted).
    """
    present = set(df["category"].dropna())
    modalities = set(df["modality"].dropna())
    return {
        "category": [c for c in CATEGORIES if c in present],
        "modality": [m for m in MODALITIES if m in modalities],
        "source": sorted(set(df["source"]), key=str.casefold),
        "actor": sorted({a for names in df["actor_names"] for a in names}, key=str.casefold),
    }


def filter_claims(df: pd.DataFrame, want: ClaimFilter) -> pd.DataFrame:
    """Keep the claims that match every filter, sorted as asked.

    Parameters
    ----------
    df : pandas.DataFrame
        From :func:`claims_frame`.
    want : ClaimFilter
        The text search is case-insensitive and matches the claim, its
        source or its actors.

    Returns
    -------
    pandas.DataFrame
        A copy, with a fresh index.

    Raises
    ------
    ValueError
        For a sort order not in :data:`SORT_KEYS`.
    """
    if want.sort not in SORT_KEYS:
        raise ValueError(f"unknown sort {want.sort!r}; choose from {', '.join(SORT_KEYS)}")
    mask = df["index"] >= 0
    for column, value in (
        ("category", want.category),
        ("modality", want.modality),
        ("source", want.source),
    ):
        if value:
            mask &= df[column] == value
    if want.actor:
        mask &= df["actor_names"].map(lambda names: want.actor in names)
    needle = want.text.strip().casefold()
    if needle:
        haystack = df["text"] + " " + df["source"] + " " + df["actor_names"].map(" ".join)
        mask &= haystack.str.casefold().str.contains(needle, regex=False)
    column, ascending = SORT_KEYS[want.sort]
    out = df[mask].sort_values([column, "index"], ascending=[ascending, True], kind="stable")
    return out.reset_index(drop=True)


# A cue names the words that decided it in quotes ("word 'time'", "modal
# 'will'", "opens with 'but'") or after "verb:" ("verb:say", "modal on the
# claim's verb: will"). The rest describe the sentence ("number", "date",
# "position", "tense: past"): they are no words of it, and matched as text
# they marked "date" inside "mandate" or "position" inside "opposition".
_CUE_WORD = re.compile(r"'([^']+)'|\bverb: ?([\w’'-]+)$")
_ENDINGS = r"(?:s|es|d|ed|ing)?"  # a cue gives the lemma: "say" marks "says"


def cue_words(cues: list[str]) -> list[str]:
    """The article's words that the cues quote, longest first.

    Examples
    --------
    >>> cue_words(["word 'time'", "modal on the claim's verb: will", "number", "verb:say"])
    ['time', 'will', 'say']
    """
    words: dict[str, None] = {}
    for cue in cues:
        for match in _CUE_WORD.finditer(cue):
            word = (match.group(1) or match.group(2) or "").strip()
            if word:
                words.setdefault(word, None)
    return sorted(words, key=len, reverse=True)


def _marked(text: str, cues: list[str]) -> str:
    """Escape ``text`` and mark the first whole-word use of each word the cues quote."""
    spans: list[tuple[int, int]] = []
    for word in cue_words(cues):
        ending = _ENDINGS if len(word) > 2 else ""
        pattern = rf"(?<![\w’']){re.escape(word)}{ending}(?![\w’'])"
        for hit in re.finditer(pattern, text, flags=re.IGNORECASE):
            start, end = hit.span()
            if all(start >= e or end <= s for s, e in spans):
                spans.append((start, end))
                break
    out, last = [], 0
    for start, end in sorted(spans):
        out += [html.escape(text[last:start]), f"<mark>{html.escape(text[start:end])}</mark>"]
        last = end
    return "".join([*out, html.escape(text[last:])])


def claim_context(analysis: Analysis, unit: int, around: int = 1) -> str:
    """HTML for one claim: its section, the units around it, its cues.

    Parameters
    ----------
    analysis : Analysis
    unit : int
        Index of the claim's unit.
    around : int
        How many units to show before and after it.

    Returns
    -------
    str
        Escaped HTML; the claim is bold and its cue words marked.
    """
    units = {u.index: u for u in analysis.units}
    claim = analysis.claim_for(unit)
    if unit not in units or claim is None:
        return "<p><i>Choose a claim to read it in context.</i></p>"
    cues = [c for values in claim.cues.values() for c in values]
    rows = []
    for k in range(unit - around, unit + around + 1):
        if k not in units:
            continue
        u = units[k]
        text = f"<b>{_marked(u.text, cues)}</b>" if k == unit else html.escape(u.text)
        rows.append(f"<p style='margin:0.3em 0'><span style='color:#888'>{k}</span> {text}</p>")
    colour = CATEGORY_COLOURS.get(claim.category or "", "#ffffff")
    cue_items = "".join(
        f"<li><b>{html.escape(field)}</b>: {html.escape(', '.join(values))}</li>"
        for field, values in claim.cues.items()
    )
    section = units[unit].section  # "section: -" read as a section named "-"
    head = (
        f"<p><span style='background:{colour};padding:0 0.3em'>{claim.category}</span> "
        f"· {claim.modality} · source: {html.escape(claim.attribution)}"
        + (f" · section: {html.escape(section)}" if section else "")
        + "</p>"
    )
    cue_block = f"<ul>{cue_items}</ul>" if cue_items else "<p><i>No cues recorded.</i></p>"
    return head + "".join(rows) + "<p><b>Cues</b></p>" + cue_block


def _table_html(df: pd.DataFrame) -> str:
    """The filtered claims as a compact, left-aligned, scrolling table."""
    head = "".join(f"<th style='text-align:left'>{c}</th>" for c in _SHOWN_COLUMNS)
    body = []
    for row in df.head(_MAX_ROWS).to_dict("records"):
        colour = CATEGORY_COLOURS.get(str(row["category"] or ""), "#ffffff")
        cells = [
            str(row["index"]),
            f"<span style='background:{colour};padding:0 0.3em'>{row['category']}</span>",
            html.escape(str(row["modality"])),
            html.escape(str(row["source"])),
            html.escape(", ".join(row["actor_names"])),
            html.escape(str(row["text"])),
        ]
        body.append(
            "<tr>"
            + "".join(f"<td style='text-align:left;vertical-align:top'>{c}</td>" for c in cells)
            + "</tr>"
        )
    return (
        "<div style='max-height:22em;overflow-y:auto'>"
        f"<table class='nb-explorer'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _choice(label: str, values: list[str]) -> widgets.Dropdown:
    import ipywidgets as widgets  # widgets load the comm machinery: only when one is shown

    return widgets.Dropdown(
        options=[ALL, *values], value=ALL, description=label, layout={"width": "15em"}
    )


def _pick_label(row: dict[Hashable, Any]) -> str:
    text = str(row["text"])
    return f"{row['index']} · {text if len(text) <= 90 else text[:89] + '…'}"


def claims_explorer(analysis: Analysis) -> Shown:
    """The claims table with filters, a search box, a sort order and a claim reader.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    Shown
        Displays as the widget in JupyterLab; its plain text names the
        number of claims.
    """
    import ipywidgets as widgets  # widgets load the comm machinery: only when one is shown

    df = claims_frame(analysis)
    options = filter_options(df)
    choices = {name: _choice(name, values) for name, values in options.items()}
    search = widgets.Text(placeholder="search text, source, actor", description="search")
    sort = widgets.Dropdown(options=list(SORT_KEYS), value="reading order", description="sort")
    count = widgets.HTML()
    table = widgets.HTML()
    pick = widgets.Dropdown(description="read", layout={"width": "60em"})
    context = widgets.HTML(value=claim_context(analysis, -1))

    def refresh(_change: object = None) -> None:
        want = ClaimFilter(
            **{k: "" if w.value == ALL else w.value for k, w in choices.items()},
            text=search.value,
            sort=sort.value,
        )
        shown = filter_claims(df, want)
        count.value = f"<b>{len(shown)}</b> of {len(df)} claims"
        table.value = _table_html(shown)
        pick.options = [("(choose a claim)", -1)] + [
            (_pick_label(r), int(r["index"])) for r in shown.to_dict("records")
        ]

    def show(change: dict[str, Any]) -> None:
        context.value = claim_context(analysis, -1 if change["new"] is None else change["new"])

    for w in (*choices.values(), search, sort):
        w.observe(refresh, names="value")
    pick.observe(show, names="value")
    refresh()
    box = widgets.VBox(
        [
            widgets.HBox(list(choices.values())),
            widgets.HBox([search, sort, count]),
            table,
            pick,
            context,
        ]
    )
    box.add_class("nb-claims-explorer")
    return Shown(box, f"Claims explorer: {len(df)} claims")
