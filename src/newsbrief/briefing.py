"""What the notebooks show: the briefing's prose, styled tables and figures.

The notebooks in ``notebooks/`` are thin: each cell calls one function here
and displays what it returns. Every piece of article text that reaches HTML
passes through :func:`html.escape` (or ``Styler.format(escape="html")``), so
an article that contains ``<script>`` is shown as text, never run.

Outputs are deterministic - fixed table ids, sorted rows, figures rendered
to PNG with fixed metadata - so nbval can compare the committed notebooks.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Image

from .analysis import load_analysis
from .config import DEFAULT_ARTICLE, PROJ_ROOT, VERSION
from .curation import curated_analysis
from .figures import figure_bytes, graph_figure
from .graph import actor_graph, metrics_table
from .model import CATEGORIES, MODALITIES
from .tables import actors_table, claims_table, relations_table

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from pandas.io.formats.style import Styler
    from pandas.io.formats.style_render import CSSDict

    from .model import Analysis, Claim, Relation, Unit

__all__ = [
    "BUCKETS",
    "CATEGORY_COLOURS",
    "actors_view",
    "analysis_date",
    "article_header",
    "attribution_counts",
    "bottom_line",
    "category_counts",
    "claim_counts",
    "claims_view",
    "collapsed_claims",
    "core_event",
    "counts_figure",
    "graph_image",
    "key_claims",
    "load",
    "method_note",
    "metrics_view",
    "relations_evidence",
    "relations_view",
    "resolve_article",
    "shares",
    "source_label",
    "structure_table",
    "title_block",
]

#: Background colour of each claim category in tables and the bar chart.
CATEGORY_COLOURS = {
    "event": "#dbe9f6",
    "context": "#e8e8e8",
    "objective": "#e2f0d9",
    "assessment": "#fff2cc",
    "implication": "#fbe5d6",
    "recommendation": "#f4cccc",
}
_BAR_COLOURS = {
    "event": "#4a7fb5",
    "context": "#9a9a9a",
    "objective": "#6aa84f",
    "assessment": "#e0b000",
    "implication": "#e69138",
    "recommendation": "#cc4125",
}
_MODALITY_STYLE = {
    "hedged": "font-style: italic; color: #9a5b00;",
    "prescriptive": "font-weight: bold; color: #a61c00;",
}

#: How the briefing groups categories for a reader: what the text reports as
#: fact, what it interprets, what it speculates about, what it advocates.
BUCKETS = {
    "reported fact": ("event", "context"),
    "stated aims": ("objective",),
    "interpretation": ("assessment",),
    "speculation": ("implication",),
    "advocacy": ("recommendation",),
}

_PNG_WIDTH = 720  # display width of figures (px); the PNG itself is 150 dpi


# --------------------------------------------------------------------------- loading


def resolve_article(article: str | Path | None) -> Path:
    """Return the article to analyze: ``article``, or the bundled default when None.

    Parameters
    ----------
    article : str, pathlib.Path or None

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> resolve_article(None).name
    'japan-sdf-nato-ukraine.txt'
    """
    return DEFAULT_ARTICLE if article is None else Path(article)


def load(article: str | Path | None = None, analysis_json: str | Path | None = None) -> Analysis:
    """Return the analysis a notebook works on.

    Parameters
    ----------
    article : str, pathlib.Path or None
        The article; None means :data:`newsbrief.config.DEFAULT_ARTICLE`.
        Analyst overrides beside it (``ARTICLE.overrides.yaml``) are applied.
    analysis_json : str, pathlib.Path or None
        An analysis already made (``newsbrief analyze``); when given it is
        read instead of analyzing ``article`` again.

    Returns
    -------
    Analysis
    """
    if analysis_json is not None:
        return load_analysis(analysis_json)
    return curated_analysis(resolve_article(article))


def source_label(analysis: Analysis) -> str:
    """Name the article's file without machine-specific folders.

    A file inside the project is named relative to the project root; any
    other file by its name only.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    str
    """
    path = Path(analysis.article.path)
    if not path.is_absolute():  # already relative to the project (config.display_path)
        return path.as_posix()
    try:
        return path.resolve().relative_to(PROJ_ROOT).as_posix()
    except ValueError:
        return path.name


def analysis_date(value: str | None = None) -> str:
    """Return the date of analysis as ``YYYY-MM-DD``: ``value``, or today.

    Parameters
    ----------
    value : str or None
        A date given by the caller (the report passes today's date).

    Returns
    -------
    str
    """
    if value:
        return _dt.date.fromisoformat(str(value)).isoformat()
    return _dt.date.today().isoformat()


# --------------------------------------------------------------------------- figures


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
    hatches = {"asserted": "", "hedged": "//", "prescriptive": "xx"}
    colours = [_BAR_COLOURS[c] for c in counts.index]
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


# --------------------------------------------------------------------------- tables


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


def structure_table(analysis: Analysis) -> pd.DataFrame:
    """The article's sections in reading order, with their units and words.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    pandas.DataFrame
        Columns ``section``, ``units``, ``claims``, ``list items``, ``words``.
    """
    rows = [
        {
            "section": u.section or "(opening)",
            "claim": u.kind == "claim",
            "list_item": u.list_item,
            "words": len(u.text.split()),
        }
        for u in analysis.units
        if u.kind in ("claim", "lead_in")
    ]
    df = pd.DataFrame(rows, columns=["section", "claim", "list_item", "words"])
    grouped = df.groupby("section", sort=False).agg(
        units=("claim", "size"),
        claims=("claim", "sum"),
        **{"list items": ("list_item", "sum")},
        words=("words", "sum"),
    )
    return grouped.reset_index().astype({"claims": "int64", "list items": "int64"})


def collapsed_claims(analysis: Analysis) -> pd.DataFrame:
    """The claims table with restatements folded into the claim they repeat.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`newsbrief.claims_table` without ``cues``, plus
        ``restated`` (how many later claims repeat this one); rows that
        restate an earlier claim are dropped.
    """
    df = claims_table(analysis)
    repeats = Counter(int(r) for r in df["restates"].dropna())
    kept = df[df["restates"].isna()].drop(columns=["restates", "cues"]).copy()
    kept["restated"] = kept["index"].map(lambda i: repeats.get(int(i), 0)).astype("int64")
    return kept.reset_index(drop=True)


def _category_css(value: object) -> str:
    colour = CATEGORY_COLOURS.get(str(value))
    return f"background-color: {colour};" if colour else ""


def _modality_css(value: object) -> str:
    return _MODALITY_STYLE.get(str(value), "")


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


def category_counts(analysis: Analysis) -> pd.DataFrame:
    """Claims per category and modality, with totals.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    pandas.DataFrame
        Rows: the categories in :data:`newsbrief.model.CATEGORIES` order plus
        ``total``; columns: the modalities plus ``total``.
    """
    df = claims_table(analysis)
    table = pd.crosstab(
        pd.Categorical(df["category"], categories=CATEGORIES),
        pd.Categorical(df["modality"], categories=MODALITIES),
        margins=True,
        margins_name="total",
        dropna=False,
    )
    table.index.name = "category"
    table.columns.name = None
    return table.astype("int64")


def attribution_counts(analysis: Analysis) -> pd.DataFrame:
    """Claims per source they are attributed to (``author``: no source given).

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    pandas.DataFrame
        Columns ``attribution`` and ``claims``, most cited first.
    """
    canonical = source_names(analysis)
    counts = Counter(
        canonical.get(name.casefold(), name) for name in claims_table(analysis)["attribution"]
    )
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return pd.DataFrame(rows, columns=["attribution", "claims"])


def source_names(analysis: Analysis) -> dict[str, str]:
    """Map the ways a source is written to one name, so it is counted once.

    "Sullivan", "Jake Sullivan" and "US National Security Adviser Jake
    Sullivan" are one person; "Analysts" and "analysts" one group.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    dict
        Case-folded source as written -> the name to report.
    """
    names: dict[str, str] = {}
    for claim in analysis.claims:
        written = claim.attribution
        key = written.casefold()
        names.setdefault(key, written)
        bare = key.removeprefix("the ")
        for actor in analysis.actors:
            forms = {a.casefold().removeprefix("the ") for a in (*actor.aliases, actor.name)}
            surname = actor.name.split()[-1].casefold() if actor.type == "person" else None
            if bare in forms or (surname and key.split()[-1:] == [surname]):
                names[key] = actor.name
                break
    return names


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


# --------------------------------------------------------------------------- the briefing


def _p(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{text}</p>"


def _quote(text: str) -> str:
    return f"“{html.escape(text.strip())}”"


def _units(analysis: Analysis) -> dict[int, Unit]:
    return {u.index: u for u in analysis.units}


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _words(text: str) -> int:
    return len(text.split())


def core_event(analysis: Analysis) -> tuple[int, int] | None:
    """Return the core reported event and how many times the article states it.

    The core event is the event claim that later claims restate most often
    (the first event claim on a tie, or when nothing is restated).

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    tuple of (int, int) or None
        The unit index of the event and the number of times it is stated
        (1 + its restatements); None when the article reports no event.
    """
    repeats = Counter(c.restates for c in analysis.claims if c.restates is not None)
    events = [c.unit for c in analysis.claims if c.category == "event" and c.restates is None]
    if not events:
        return None
    best = max(events, key=lambda u: (repeats.get(u, 0), -u))
    return best, 1 + repeats.get(best, 0)


def shares(analysis: Analysis) -> dict[str, float]:
    """Share of the article's claim words in each of :data:`BUCKETS`.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    dict of str to float
        Fractions that sum to 1 (all zero for an article without claims).
    """
    units = _units(analysis)
    by_category: Counter[str] = Counter()
    for claim in analysis.claims:
        if claim.category is not None:
            by_category[claim.category] += _words(units[claim.unit].text)
    total = sum(by_category.values()) or 1
    return {bucket: sum(by_category[c] for c in cats) / total for bucket, cats in BUCKETS.items()}


#: Sources the bottom line names; the counts table and the evidence name the rest.
_CITED_SHOWN = 5


def _cited(analysis: Analysis) -> str:
    canonical = source_names(analysis)
    counts = Counter(
        canonical.get(c.attribution.casefold(), c.attribution)
        for c in analysis.claims
        if c.category is not None
    )
    total = sum(counts.values())
    own = counts.pop("author", 0)
    sources = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    cited = ", ".join(f"{html.escape(name)} ({n})" for name, n in sources[:_CITED_SHOWN])
    if len(sources) > _CITED_SHOWN:
        rest = sum(n for _, n in sources[_CITED_SHOWN:])
        cited += f" and {len(sources) - _CITED_SHOWN} more ({rest})"
    head = f"{own} of {total} claims give no source (the author’s own voice)"
    return f"{head}; the others cite {cited}." if cited else f"{head}; no one else is cited."


def title_block(analysis: Analysis, date: str | None = None) -> HTML:
    """The briefing's heading: title, source, size and date of analysis.

    Parameters
    ----------
    analysis : Analysis
    date : str, optional
        ``YYYY-MM-DD``; today when None.

    Returns
    -------
    IPython.display.HTML
    """
    info = analysis.article
    meta = (
        f"Source: <code>{html.escape(source_label(analysis))}</code> · "
        f"{html.escape(str(info.genre))} · "
        f"{html.escape(str(info.words))} words · {len(analysis.claims)} claims · "
        f"{len(analysis.actors)} actors"
        f'<br>Date of analysis: <span class="nb-date">{html.escape(analysis_date(date))}</span>'
        f" · sha256 {html.escape(str(info.sha256)[:12])}"
    )
    return HTML(f"<h1>{html.escape(info.title)}</h1>\n" + _p(meta, "nb-meta"))


def article_header(analysis: Analysis) -> HTML:
    """Title, source and size of the article (no date: for the exploration notebooks)."""
    info = analysis.article
    meta = (
        f"Source: <code>{html.escape(source_label(analysis))}</code> · "
        f"genre: {html.escape(str(info.genre))} · {html.escape(str(info.words))} words · "
        f"{len(analysis.units)} units · {len(analysis.claims)} claims · "
        f"{len(analysis.actors)} actors · {len(analysis.relations)} relations"
    )
    return HTML(f"<h2>{html.escape(info.title)}</h2>\n" + _p(meta, "nb-meta"))


def bottom_line(analysis: Analysis) -> HTML:
    """Bottom line up front, generated from the analysis.

    Four sentences: the core reported event and how often it is restated;
    the share of the text that reports fact, interprets, speculates and
    advocates; who is cited; and the actors most involved.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    parts = [
        _event_sentence(analysis),
        _share_sentence(analysis),
        _cited(analysis),
        _actors_sentence(analysis),
    ]
    body = "\n".join(_p(p) for p in parts if p)
    return HTML(
        f'<div class="nb-bluf">\n<p class="nb-bluf-head">Bottom line up front</p>\n{body}\n</div>'
    )


def claim_counts(analysis: Analysis, top: int = 3) -> HTML:
    """Claims by category and by source, in one compact table for page one.

    Columns: the author's own voice, the ``top`` most cited sources, and all
    others; rows: the categories that occur, then the total.
    """
    canonical = source_names(analysis)
    claims = [c for c in analysis.claims if c.category is not None]
    source = {c.unit: canonical.get(c.attribution.casefold(), c.attribution) for c in claims}
    ranked = Counter(v for v in source.values() if v != "author").most_common()
    named = [name for name, _ in ranked[:top]]
    columns = ["author", *named] + (["others"] if len(ranked) > top else [])

    def column(c: Claim) -> str:
        name = source[c.unit]
        return name if name in columns else "others"

    counts = Counter((c.category, column(c)) for c in claims)
    head = "".join(
        f"<th>{html.escape(col if len(col) <= 22 else col[:21] + '…')}</th>"
        for col in ["", *columns, "total"]
    )
    rows = []
    for category in (*CATEGORIES, "total"):
        cells = (
            [counts[(category, col)] for col in columns]
            if category != "total"
            else [sum(counts[(cat, col)] for cat in CATEGORIES) for col in columns]
        )
        if not sum(cells):
            continue
        body = "".join(f"<td>{n or ''}</td>" for n in cells)
        rows.append(f"<tr><th>{category}</th>{body}<td>{sum(cells)}</td></tr>")
    return HTML(
        f'<table class="nb-counts"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _event_sentence(analysis: Analysis) -> str:
    core = core_event(analysis)
    if core is None:
        return "The article reports no event of its own: it is commentary or background."
    unit, times = core
    text = _quote(_units(analysis)[unit].text)
    if times == 1:
        return f"<strong>Core event:</strong> {text} The article states it once."
    return (
        f"<strong>Core event:</strong> {text} The article states it {times} times "
        f"(first, then {times - 1} more in other words)."
    )


def _share_sentence(analysis: Analysis) -> str:
    pct = {k: round(100 * v) for k, v in shares(analysis).items()}
    return (
        f"By words, {pct['reported fact']}% of the text reports fact (events and context); "
        f"the rest states aims ({pct['stated aims']}%), interprets "
        f"({pct['interpretation']}%), speculates ({pct['speculation']}%) and advocates "
        f"({pct['advocacy']}%)."
    )


def _actors_sentence(analysis: Analysis) -> str:
    ranked = sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name))[:4]
    if not ranked:
        return "No actors were recognised."
    names = ", ".join(f"{html.escape(a.name)} ({len(a.mentions)})" for a in ranked)
    relations = sum(1 for r in analysis.relations if not r.weak)
    stated = _plural(relations, "relation")
    return f"Most mentioned: {names}. The article states {stated} between actors."


def key_claims(analysis: Analysis, per_category: int = 3) -> HTML:
    """The key claims of each category, quoted, restatements left out.

    Parameters
    ----------
    analysis : Analysis
    per_category : int
        At most this many claims per category, in reading order; claims that
        name actors or are restated come first.

    Returns
    -------
    IPython.display.HTML
    """
    df = collapsed_claims(analysis)
    blocks = [
        _category_block(category, df[df["category"] == category], per_category)
        for category in CATEGORIES
    ]
    return HTML("\n".join(b for b in blocks if b))


def _category_block(category: str, rows: pd.DataFrame, limit: int) -> str:
    if rows.empty:
        return ""
    # The claims that name actors or are restated matter most; keep reading order.
    ranked = rows.assign(_weight=rows["actors"].str.len().gt(0).astype(int) + rows["restated"])
    chosen = ranked.sort_values("_weight", ascending=False, kind="stable").head(limit)
    items = "\n".join(_claim_item(row) for row in chosen.sort_index().itertuples())
    shown = min(limit, len(rows))
    more = f" ({_plural(len(rows), 'claim')}{f', {shown} shown' if shown < len(rows) else ''})"
    colour = CATEGORY_COLOURS[category]
    return (
        f'<h3><span class="nb-cat" style="background-color: {colour};">'
        f"{category.capitalize()}</span>{more}</h3>\n<ul>\n{items}\n</ul>"
    )


def _claim_item(row: Any) -> str:
    marks = []
    if row.modality in ("hedged", "prescriptive"):
        marks.append(row.modality)
    if row.attribution != "author":
        marks.append(f"per {html.escape(row.attribution)}")
    if row.restated:
        marks.append(f"stated {row.restated + 1} times")
    tail = f" <em>({'; '.join(marks)})</em>" if marks else ""
    return f"<li>{_labelled(row.label, row.text)}{tail}</li>"


def _labelled(label: str, text: str) -> str:
    """A list item's text with its ``Label:`` (part of the unit's text) in bold."""
    if label and text.startswith(label):
        rest = text[len(label) :].lstrip(": ")
        return f"<strong>{html.escape(label)}:</strong> {html.escape(rest)}"
    return html.escape(text)


def relations_evidence(analysis: Analysis) -> HTML:
    """Each relation between actors with the sentences that state it.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    names = {a.id: a.name for a in analysis.actors}
    units = _units(analysis)
    items = [
        f"<li><strong>{html.escape(names.get(r.source, r.source))}</strong> "
        f"{html.escape(r.type.replace('_', ' '))} "
        f"<strong>{html.escape(names.get(r.target, r.target))}</strong> "
        f"<em>({html.escape(r.polarity)})</em>" + _evidence(r, units) + "</li>"
        for r in analysis.relations
        if not r.weak
    ]
    if not items:
        return HTML("<p>The article states no relations between actors.</p>")
    return HTML("<ul>\n" + "\n".join(items) + "\n</ul>")


def _evidence(relation: Relation, units: dict[int, Unit]) -> str:
    indices = list(dict.fromkeys(e.unit for e in relation.evidence))
    quotes = "".join(
        f"<blockquote>{_quote(units[i].text)} <small>[unit {i}]</small></blockquote>"
        for i in indices
        if i in units
    )
    return f"\n{quotes}" if quotes else ""


def method_note(analysis: Analysis) -> HTML:
    """A short note on how the briefing was made and what it cannot tell.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    curated = sum(1 for c in analysis.claims if c.curated) + sum(
        1 for r in analysis.relations if r.curated
    )
    review = (
        f"An analyst corrected {curated} items by hand."
        if curated
        else "No item was corrected by hand."
    )
    text = [
        f"Made by newsbrief {VERSION} without human reading. The article is split "
        "into sentences and list items (units); actors are found with a gazetteer and "
        "spaCy's named-entity recogniser; each claim is sorted into one category by "
        "lexical cues (“underscores” → assessment, “could” → implication, "
        "“should” → recommendation); relations come from verbs that link two actors "
        "in one sentence. " + review,
        "Limits: cue words decide categories, so irony, quotation and negation can "
        "mislead them; a restatement is detected only when it names the same actors "
        "with similar words; relations are only those stated in a single sentence; "
        "the shares above count words, not importance. The tables in the companion "
        "notebooks (claims, actor graph) show the evidence for every line here.",
    ]
    return HTML("\n".join(_p(t) for t in text))
