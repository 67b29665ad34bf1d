"""The briefing's prose: headings, the bottom line, key claims, evidence, method.

Every piece of article text that reaches HTML passes through
:func:`html.escape`, so an article that contains ``<script>`` is shown as
text, never run.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any

from IPython.display import HTML

from ..config import VERSION
from ..model import CATEGORIES
from .frames import _units, collapsed_claims, core_event, shares, source_names
from .loading import analysis_date, source_label
from .views import CATEGORY_COLOURS

if TYPE_CHECKING:
    import pandas as pd

    from ..model import Analysis, Claim, Relation, Unit

__all__ = [
    "article_header",
    "bottom_line",
    "claim_counts",
    "key_claims",
    "method_note",
    "relations_evidence",
    "title_block",
]


def _p(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{text}</p>"


def _quote(text: str) -> str:
    return f"“{html.escape(text.strip())}”"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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
