"""Across articles: what ``04_corpus.ipynb`` shows of a corpus-mode output folder.

``newsbrief analyze DIR --out OUTDIR`` writes one analysis JSON per article;
this module reads them back (it never analyzes again) and answers the
questions an analyst asks of a folder rather than of one article: which
relations several articles report (corroboration) and which sources they
cite for them, which actors recur, and when the relations were reported,
for articles that state a date.

Every table is sorted on all its columns, so the notebook's outputs are the
same on every run and nbval can compare them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .analysis import load_analysis
from .briefing import source_names
from .briefing.inline import Column, inline_table
from .config import SAMPLE_CORPUS_OUTPUT
from .corpus import merge_graphs, same_persons
from .errors import NewsbriefError
from .figures import POLARITY_COLOURS, figure_bytes, graph_figure
from .graph import actor_graph

if TYPE_CHECKING:
    from collections.abc import Sequence

    import networkx as nx
    from IPython.display import HTML, Image
    from matplotlib.figure import Figure

    from .model import Analysis

__all__ = [
    "actors_across",
    "article_date",
    "articles_table",
    "corpus_graph",
    "corroboration_table",
    "graph_core",
    "graph_image",
    "load_corpus",
    "shown",
    "timeline_figure",
    "timeline_image",
    "timeline_table",
]

_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = "|".join(m.capitalize() for m in _MONTHS)
_DATE = re.compile(
    rf"\b(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    rf"|(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?\d),\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>[0-3]?\d)\s+(?P<m2>{_MONTH})\s+(?P<y2>(?:19|20)\d\d))\b"
)

#: The articles table's date of an article that states none: an empty cell
#: read as a missing value, not as "nothing says".
_UNDATED = "undated"


def load_corpus(folder: str | Path | None = None) -> list[Analysis]:
    """Read every analysis JSON of a corpus-mode output folder, in file-name order.

    Parameters
    ----------
    folder : str, pathlib.Path or None
        The ``--out`` folder of ``newsbrief analyze DIR``; None reads the
        small committed sample, :data:`newsbrief.config.SAMPLE_CORPUS_OUTPUT`.

    Returns
    -------
    list of Analysis

    Raises
    ------
    NewsbriefError
        When the folder is missing, holds no ``*.json`` file, or a file is
        not an analysis (the message names the file).
    """
    folder = SAMPLE_CORPUS_OUTPUT if folder is None else folder
    path = Path(folder)
    if not path.is_dir():
        raise NewsbriefError(f"{folder}: not a folder of analysis JSON files")
    files = sorted(p for p in path.glob("*.json") if p.is_file())
    if not files:
        raise NewsbriefError(f"{folder}: no *.json analysis (run newsbrief analyze DIR --out)")
    return [load_analysis(p) for p in files]


def _name(analysis: Analysis) -> str:
    """An article's file name, the same on every machine."""
    return Path(analysis.article.path).name


def _full_dates(text: str) -> list[str]:
    """The full dates (day, month and year) a text states, as ``YYYY-MM-DD``, in order.

    Invalid dates ("April 31, 2025") are skipped.
    """
    dates = []
    for m in _DATE.finditer(text):
        if m["iso"]:
            text_date = m["iso"]
        else:
            month = _MONTHS.index((m["m1"] or m["m2"]).lower()) + 1
            text_date = f"{m['y1'] or m['y2']}-{month:02d}-{int(m['d1'] or m['d2']):02d}"
        try:
            dates.append(dt.date.fromisoformat(text_date).isoformat())
        except ValueError:
            continue
    return dates


def _head(analysis: Analysis) -> str:
    """The article's text between its headline and its first claim: date line, dateline.

    That is where an article's own date stands: the page's ``<time>`` line
    the HTML reader keeps under the headline, a "Tokyo, 12 March 2025" line,
    a dateline (the claim's span starts after it). The headline is left
    out: a date there is the subject ("Ten years after 15 September 2021"),
    not the day of the report. A text without a claim has no head.
    """
    first = next((u.start for u in analysis.units if u.kind == "claim"), 0)
    start = max((u.end for u in analysis.units if u.kind == "title" and u.end <= first), default=0)
    return analysis.text[start:first]


def article_date(analysis: Analysis) -> str | None:
    """The article's date, as ``YYYY-MM-DD``, or None when nothing says.

    The date the file's metadata gives (a Markdown front matter's ``date:``,
    :attr:`newsbrief.model.ArticleInfo.date`) comes first: the writer's own,
    which the text need not state. Then the date the article's head gives
    (its date line or dateline, see :func:`_head`); else the latest full
    date of the text. The first date of the body was often background: a
    fact sheet of 2022 that recalls "On September 15, 2021, ..." was dated
    2021 and its events ("Russia invaded Ukraine") put in 2021. News is
    reported after what it recalls, so the latest date is the nearer one. An
    article that states no full date (day, month and year) has none: no date
    is better than a wrong one.

    Examples
    --------
    >>> from newsbrief.article import source_from_text
    >>> from newsbrief.analysis import analyze
    >>> article_date(analyze(source_from_text("On 3 March 2025 Japan met NATO.")))
    '2025-03-03'
    """
    if analysis.article.date:
        return analysis.article.date
    dates = _full_dates(_head(analysis))
    if dates:
        return dates[0]
    return max(_full_dates(analysis.text), default=None)


def articles_table(analyses: list[Analysis]) -> pd.DataFrame:
    """One row per article: file, title, genre, date, words, claims, relations.

    The date is :func:`article_date`'s, or "undated".

    A lead-in ("The leaders agreed to:") is a unit of the claims table but no
    claim, so it is not counted: the article's header in the other notebooks
    and the briefing count the same way, and an article must not show 28
    claims there and 30 here.
    """
    rows = [
        {
            "article": _name(a),
            "title": a.article.title,
            "genre": a.article.genre,
            "date": article_date(a) or _UNDATED,
            "words": a.article.words,
            "claims": sum(1 for c in a.claims if c.category is not None),
            "relations": sum(1 for r in a.relations if not r.weak),
        }
        for a in analyses
    ]
    columns = ["article", "title", "genre", "date", "words", "claims", "relations"]
    return pd.DataFrame(rows, columns=columns).sort_values("article", ignore_index=True)


def corpus_graph(analyses: list[Analysis]) -> nx.MultiDiGraph:
    """The merged actor graph (relations only, no co-mentions), one node per actor id.

    See :func:`newsbrief.corpus.merge_graphs` for the attributes; each edge
    lists the ``articles`` that report it.
    """
    graphs = []
    for a in analyses:
        g = actor_graph(a, include_weak=False, sentences=True)
        g.graph["article"] = _name(a)
        graphs.append(g)
    return merge_graphs(graphs)


def graph_core(graph: nx.MultiDiGraph, top: int = 30) -> nx.MultiDiGraph:
    """The actors a merged graph's figure can show: the ``top`` most connected.

    A corpus of dozens of articles names hundreds of actors, too many to
    label on one page. Actors are ranked by the articles that name them, then
    by the statements of their relations; actors with no relation are left
    out. The interactive explorer still shows the whole graph.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        From :func:`corpus_graph`.
    top : int
        How many actors to keep.

    Returns
    -------
    networkx.MultiDiGraph
        A copy holding those actors and the relations among them.
    """
    weight: Counter[str] = Counter()
    for u, v, d in graph.edges(data=True):
        weight[u] += int(d.get("weight", 1))
        weight[v] += int(d.get("weight", 1))
    ranked = sorted(weight, key=lambda n: (-len(graph.nodes[n].get("articles", [])), -weight[n], n))
    core = graph.subgraph(ranked[:top]).copy()
    core.graph["title"] = (
        f"{graph.graph.get('title', '')}: the {core.number_of_nodes()} most connected actors"
    )
    return core


def _cited(analysis: Analysis) -> dict[int, str]:
    """Unit index -> the source its claim is attributed to, one name per source."""
    canonical = source_names(analysis)
    return {c.unit: canonical.get(c.attribution.casefold(), c.attribution) for c in analysis.claims}


def _type_label(relation_type: str) -> str:
    """A relation type as the other notebooks and the briefing write it.

    The actor-graph notebook, the briefing and the figures read "deploys
    personnel to"; the corpus tables showed the identifier
    "deploys_personnel_to" for the same relation, beside those words.
    """
    return relation_type.replace("_", " ")


def corroboration_table(analyses: list[Analysis]) -> pd.DataFrame:
    """Each relation with how many articles report it and the sources they cite.

    Parameters
    ----------
    analyses : list of Analysis

    Returns
    -------
    pandas.DataFrame
        Columns ``source``, ``type`` (in words: "held talks with"),
        ``target``, ``class``, ``polarity``,
        ``articles`` (how many report it), ``statements`` (evidence
        sentences), ``cited`` (the sources of those sentences, ``author``
        when the text names none) and ``reported in`` (file names). Most
        corroborated first. A person named two ways in two articles is one
        source or target, as in the merged graph.
    """
    names: dict[str, str] = {}
    seen: dict[tuple[str, str, str], dict] = {}
    joined = _person_ids(analyses)
    for a in analyses:
        names.update({x.id: x.name for x in a.actors if x.id not in joined})
        cited = _cited(a)
        for r in a.relations:
            source, target = joined.get(r.source, r.source), joined.get(r.target, r.target)
            if r.weak or source == target:
                continue
            row = seen.setdefault(
                (source, target, r.type),
                {"class": r.event_class or "", "polarity": r.polarity, "articles": []},
            )
            row["articles"].append(_name(a))
            row.setdefault("units", 0)
            row["units"] += len({e.unit for e in r.evidence})
            row.setdefault("cited", Counter()).update(
                cited.get(e.unit, "author") for e in r.evidence
            )
    rows = [
        {
            "source": names.get(s, s),
            "type": _type_label(t),
            "target": names.get(o, o),
            "class": row["class"],
            "polarity": row["polarity"],
            "articles": len(set(row["articles"])),
            "statements": row["units"],
            "cited": ", ".join(sorted(row["cited"], key=lambda k: (-row["cited"][k], k))),
            "reported in": ", ".join(sorted(set(row["articles"]))),
        }
        for (s, o, t), row in seen.items()
    ]
    columns = ["source", "type", "target", "class", "polarity", "articles", "statements"]
    df = pd.DataFrame(rows, columns=[*columns, "cited", "reported in"])
    order = ["articles", "statements", "source", "type", "target"]
    return df.sort_values(order, ascending=[False, False, True, True, True], ignore_index=True)


def _person_ids(analyses: list[Analysis]) -> dict[str, str]:
    """Each actor id of a person joined across articles -> the id of its fullest name.

    The same rule as the merged graph's (:func:`newsbrief.corpus.same_persons`),
    so the table and the graph count one person once.
    """
    nodes: dict[str, dict] = {}
    for a in analyses:
        for x in a.actors:
            node = nodes.setdefault(x.id, {"name": x.name, "type": x.type, "aliases": []})
            node["aliases"] += [n for n in x.aliases if n not in node["aliases"]]
            node.setdefault("articles", []).append(_name(a))
    return {other: keep for keep, *others in same_persons(nodes) for other in others}


def actors_across(analyses: list[Analysis], top: int = 15) -> pd.DataFrame:
    """The actors that appear in the most articles.

    Parameters
    ----------
    analyses : list of Analysis
    top : int
        How many rows to keep.

    Returns
    -------
    pandas.DataFrame
        Columns ``actor``, ``type``, ``articles``, ``mentions`` (all articles)
        and ``relations`` (strong relations it takes part in, all articles);
        one row per person, however the articles name them (as in the merged graph).
    """
    joined = _person_ids(analyses)
    found: dict[str, dict] = defaultdict(lambda: {"articles": set(), "mentions": 0, "relations": 0})
    for a in analyses:
        for x in a.actors:
            row = found[joined.get(x.id, x.id)]
            if x.id not in joined:
                row.update(actor=x.name, type=x.type)
            row["articles"].add(_name(a))
            row["mentions"] += len(x.mentions)
        for r in a.relations:
            ends = {joined.get(r.source, r.source), joined.get(r.target, r.target)}
            for end in ends if not r.weak else ():
                found[end]["relations"] += 1
    rows = [{**row, "articles": len(row["articles"])} for row in found.values() if "actor" in row]
    df = pd.DataFrame(rows, columns=["actor", "type", "articles", "mentions", "relations"])
    order = ["articles", "mentions", "relations", "actor"]
    df = df.sort_values(order, ascending=[False, False, False, True], ignore_index=True)
    return df.head(top)


def timeline_table(analyses: list[Analysis]) -> pd.DataFrame:
    """The relations of every dated article, by the article's date.

    Articles that state no full date (see :func:`article_date`) are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``date``, ``article``, ``relation`` (``A type B``),
        ``class`` and ``polarity``; oldest first.
    """
    rows = []
    for a in analyses:
        date = article_date(a)
        if date is None:
            continue
        names = {x.id: x.name for x in a.actors}
        for r in a.relations:
            if not r.weak:
                relation = (
                    f"{names.get(r.source, r.source)} {_type_label(r.type)}"
                    f" {names.get(r.target, r.target)}"
                )
                rows.append(
                    {
                        "date": date,
                        "article": _name(a),
                        "relation": relation,
                        "class": r.event_class or "",
                        "polarity": r.polarity,
                    }
                )
    df = pd.DataFrame(rows, columns=["date", "article", "relation", "class", "polarity"])
    return df.sort_values(["date", "article", "relation"], ignore_index=True)


def timeline_figure(timeline: pd.DataFrame) -> Figure:
    """Relations per dated article, stacked by polarity (one bar per date).

    Parameters
    ----------
    timeline : pandas.DataFrame
        From :func:`timeline_table`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt  # pyplot only where a figure is drawn, as figures.py does

    fig, ax = plt.subplots(figsize=(7.5, 2.8), dpi=100)
    if timeline.empty:
        ax.text(0.5, 0.5, "no article states a date", ha="center", va="center")
        ax.set_axis_off()
        return fig
    counts = timeline.groupby(["date", "polarity"]).size().unstack(fill_value=0)
    bottom = [0] * len(counts)
    for polarity in [p for p in POLARITY_COLOURS if p in counts.columns]:
        values = list(counts[polarity])
        ax.bar(
            counts.index, values, bottom=bottom, label=polarity, color=POLARITY_COLOURS[polarity]
        )
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylabel("relations")
    ax.legend(frameon=False, fontsize=8)
    ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    fig.tight_layout()
    return fig


def _image(fig: Figure, width: int) -> Image:
    from IPython.display import Image  # IPython only where a notebook displays

    return Image(data=figure_bytes(fig, "png"), format="png", width=width)


def graph_image(graph: nx.MultiDiGraph, width: int = 720) -> Image:
    """The merged graph drawn as the briefing draws one article's (PNG)."""
    return _image(graph_figure(graph), width)


def timeline_image(timeline: pd.DataFrame, width: int = 640) -> Image:
    """:func:`timeline_figure` as a PNG for display."""
    return _image(timeline_figure(timeline), width)


def shown(df: pd.DataFrame, name: str, wide: Sequence[str] = ()) -> HTML:
    """A corpus table as HTML with inline styles, readable in an untrusted notebook.

    JupyterLab drops the ``<style>`` block pandas writes when the notebook is
    not trusted (a freshly cloned one never is); inline styles survive.
    """
    return inline_table(df, f"T_{name}", {c: Column(wide=True) for c in wide})
