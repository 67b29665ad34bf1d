"""The briefing's prose: headings, the bottom line, key claims, evidence, method.

The HTML is written by Jinja2 templates (``data/templates/prose/``), so the
wording and markup of the briefing can be read and changed without touching
code; this module only gathers what they show. Autoescaping is on and every
value a template prints passes through :func:`html.escape`, so an article
that contains ``<script>`` is shown as text, never run.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any

from IPython.display import HTML
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import vocabulary
from ..claims.attribution import REPORTER, SPEAKER_CUE, WRITERS_CUE
from ..config import VERSION, package_file
from ..gazetteer import load_gazetteer
from .frames import (
    _as_written,
    _units,
    collapsed_claims,
    core_event,
    is_formula,
    shares,
    source_names,
)
from .inline import html_block
from .loading import analysis_date, source_label

if TYPE_CHECKING:
    import pandas as pd

    from ..model import Actor, Analysis, Claim

__all__ = [
    "article_header",
    "balanced_quotes",
    "bottom_line",
    "claim_counts",
    "inner_quotes",
    "key_claims",
    "method_note",
    "relations_evidence",
    "title_block",
]


def _escaped(value: Any) -> Markup:
    """Escape a printed value as :func:`html.escape` does (``'`` as ``&#x27;``).

    markupsafe, Jinja2's own escaper, writes ``&#39;``; escaping here keeps the
    briefing's bytes what they were when it was built with ``html.escape``, and
    autoescaping still applies to anything a template builds itself.
    """
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


_TEMPLATES = Environment(
    loader=FileSystemLoader(package_file("templates/prose")),
    autoescape=True,
    finalize=_escaped,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)


def _render(name: str, **values: Any) -> str:
    return _TEMPLATES.get_template(f"{name}.html.j2").render(**values)


def balanced_quotes(text: str) -> str:
    """A sentence shown alone, its curly double quotes closed and opened.

    A unit is one sentence, and a quotation often runs over several: its
    first sentence opens a quote that the next one closes ("Grossi: “The site
    is lost." ... "It cannot be rebuilt.”"). Shown alone in the briefing, one
    had a quote that never closed and the other a closing mark from nowhere.
    The mark a sentence lacks is added at its end or start; the tables and
    the JSON keep the article's own text.
    """
    depth = opened = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth:
                depth -= 1
            else:
                opened += 1
    return "“" * opened + text + "”" * depth


_INNER = str.maketrans({"“": "‘", "”": "’"})


def inner_quotes(text: str) -> str:
    """A sentence the briefing itself puts in double quotes, its own quotes made single.

    The core event and the relations' evidence are shown inside “…”; a
    sentence that quotes someone then read “He said: “We will stay.””, two
    closing marks in a row. Nested quotations take single marks, as in
    print. Straight double quotes are turned only when they pair up (an odd
    one may be an inch mark or a typo, and stays).
    """
    text = balanced_quotes(text).translate(_INNER)
    n = text.count('"')
    if n and n % 2 == 0:
        marks = iter(("‘", "’") * (n // 2))
        text = "".join(next(marks) if ch == '"' else ch for ch in text)
    return text


def _times(n: int) -> str:
    """How often something is stated, as English counts it: "twice", not "2 times"."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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
    sha256 = str(analysis.article.sha256)[:12]
    return html_block(
        _render("title_block", **_about(analysis), date=analysis_date(date), sha256=sha256)
    )


def article_header(analysis: Analysis) -> HTML:
    """Title, source and size of the article (no date: for the exploration notebooks).

    Relations are counted as the bottom line, the graph explorer and the
    relations table count them: co-mentions (weak edges) are not relations.
    """
    units = _plural(len(analysis.units), "unit")
    relations = _plural(sum(1 for r in analysis.relations if not r.weak), "relation")
    return html_block(
        _render("article_header", **_about(analysis), units=units, relations=relations)
    )


def _about(analysis: Analysis) -> dict[str, object]:
    """What both headers say of the article: title, source, genre and size.

    A lead-in ("The leaders agreed to:") is a unit of the claims table but not
    a claim of its own, so it is not counted: the header, the counts table and
    the bottom line then give one number.
    """
    info = analysis.article
    return {
        "title": info.title,
        "source": source_label(analysis),
        "genre": info.genre,
        "words": _plural(info.words, "word"),
        "claims": _plural(sum(1 for c in analysis.claims if c.category is not None), "claim"),
        "actors": _plural(len(analysis.actors), "actor"),
    }


#: Sources the bottom line names; the counts table and the evidence name the rest.
_CITED_SHOWN = 5


def _sources(analysis: Analysis) -> dict[str, Any]:
    """Who the claims cite, for the bottom line: the author's share, then the sources.

    A transcript of remarks gives every sentence to the speaker its headline
    names, and an op-ed to its writers: "Every claim cites a source:
    President Biden (61)" was true and told the analyst nothing. Those claims
    are the text's own voice, named (``voice``), and the sources are the
    others it quotes.
    """
    canonical = source_names(analysis)
    claims = [c for c in analysis.claims if c.category is not None]
    counts = Counter(canonical.get(c.attribution.casefold(), c.attribution) for c in claims)
    total = sum(counts.values())
    voice = _voice(analysis, canonical)
    own = counts.pop("author" if voice is None else voice["name"], 0)
    # A reporter's question in a transcript is asked, not cited.
    asked = counts.pop(REPORTER, 0) if voice is not None else 0
    # Ties in reading order, as the counts table's columns: by name, the
    # bottom line put a source the table left under "others" before one it named.
    sources = sorted(counts.items(), key=lambda kv: -kv[1])
    # One source past the limit is named: "and 1 more (1)" takes as long.
    shown = _CITED_SHOWN + 1 if len(sources) == _CITED_SHOWN + 1 else _CITED_SHOWN
    rest = sources[shown:]
    return {
        "own": own,
        "total": total,
        "voice": voice,
        "asked": asked,
        "others": total - own - asked,
        "cited": sources[:shown],
        "more": _more_sources(len(rest), sum(n for _, n in rest)),
    }


def _more_sources(sources: int, claims: int) -> str:
    """The sources past those named, said as sources with their claims.

    "and 7 more (7)" (sudan news) left the reader to guess what was counted
    twice; "7 other sources, one claim each" says it.
    """
    if not sources:
        return ""
    if claims == sources:
        return f"{sources} other sources, one claim each"
    return f"{sources} other sources ({claims} claims)"


#: The kind of text whose own voice has a name, by the cue that names it.
_VOICES = {SPEAKER_CUE: "remarks of one speaker", WRITERS_CUE: "opinion piece by its writers"}


def _voice(analysis: Analysis, canonical: dict[str, str]) -> dict[str, str] | None:
    """The named own voice of remarks or an op-ed: who speaks and what the text is, or None."""
    for c in analysis.claims:
        cue = next((k for k in c.cues.get("attribution", ()) if k in _VOICES), None)
        if c.category is not None and cue is not None:
            name = canonical.get(c.attribution.casefold(), c.attribution)
            return {"name": name, "possessive": _possessive(name), "kind": _VOICES[cue]}
    return None


def _possessive(name: str) -> str:
    """A name's possessive, "President Biden’s"; a name that ends in -s takes "’" alone.

    A plural ("the Defense Secretaries’") needs it, and English writes a
    singular name in -s either way, so one rule serves both.
    """
    return f"{name}’" if name.endswith("s") else f"{name}’s"


#: What the text does in each bucket other than reported fact, as the bottom line words it.
_BUCKET_VERBS = {
    "stated aims": "states aims",
    "interpretation": "interprets",
    "speculation": "speculates",
    "advocacy": "advocates",
}


def _other_shares(pct: dict[str, int]) -> list[tuple[str, int]]:
    """The buckets besides reported fact that hold some of the text, as (verb, percent).

    A bucket at 0% tells the reader nothing, and a list of them ("interprets
    (0%), ... advocates (0%)") reads as a form left blank; the template joins
    what is left, so one share reads "the rest speculates (20%)".
    """
    return [(verb, pct[bucket]) for bucket, verb in _BUCKET_VERBS.items() if pct.get(bucket, 0) > 0]


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
    core = core_event(analysis)
    event = None
    if core is not None:
        unit, times = core
        event = {
            "text": inner_quotes(_units(analysis)[unit].text.strip()),
            "times": times,
            "said": _times(times),
            "source": _core_source(analysis, unit),
        }
    ranked = sorted(analysis.actors, key=lambda a: (-len(a.mentions), a.name))[:4]
    relations = sum(1 for r in analysis.relations if not r.weak)
    pct = {k: round(100 * v) for k, v in shares(analysis).items()}
    return html_block(
        _render(
            "bottom_line",
            core=event,
            fact=pct["reported fact"],
            rest=_other_shares(pct),
            # As the sources and relation lines name them: "the United States
            # (22), the Nordic countries (19)", not "United States (22), ...".
            actors=[(_as_written(a, analysis.text), len(a.mentions)) for a in ranked],
            relations=_plural(relations, "relation"),
            **_sources(analysis),
        )
    )


def _core_source(analysis: Analysis, unit: int) -> str | None:
    """Who the core event is reported from, or None for the text's own voice.

    The key claims mark a quoted claim "(per Dan Caine)"; the bottom line
    quoted the same claim as the core event with no word of who says so, as
    if the article stated it. The author and the speaker of remarks are
    unmarked there too.
    """
    claim = next((c for c in analysis.claims if c.unit == unit), None)
    if claim is None or claim.attribution == "author":
        return None
    canonical = source_names(analysis)
    source = canonical.get(claim.attribution.casefold(), claim.attribution)
    voice = _voice(analysis, canonical)
    return None if voice is not None and source == voice["name"] else source


def claim_counts(analysis: Analysis, top: int = 3) -> HTML:
    """Claims by category and by source, in one compact table for page one.

    Columns: the author's own voice, the ``top`` most cited sources, and all
    others; rows: the categories that occur, then the total.
    """
    categories = vocabulary.CATEGORIES
    canonical = source_names(analysis)
    claims = [c for c in analysis.claims if c.category is not None]
    source = {c.unit: canonical.get(c.attribution.casefold(), c.attribution) for c in claims}
    ranked = Counter(v for v in source.values() if v != "author").most_common()
    named = [name for name, _ in ranked[:top]]
    # Remarks and statements often give every claim a speaker: no empty column.
    own = ["author"] if "author" in source.values() or not ranked else []
    columns = [*own, *named] + (["others"] if len(ranked) > top else [])

    def column(c: Claim) -> str:
        name = source[c.unit]
        return name if name in columns else "others"

    counts = Counter((c.category, column(c)) for c in claims)
    rows = []
    for category in (*categories, "total"):
        cells = (
            [counts[(category, col)] for col in columns]
            if category != "total"
            else [sum(counts[(cat, col)] for cat in categories) for col in columns]
        )
        if sum(cells):
            rows.append({"category": category, "cells": cells, "total": sum(cells)})
    head = _column_heads(["", *columns, "total"])
    return html_block(_render("claim_counts", head=head, rows=rows))


#: Characters of a source's name a column head shows before "…" (page one's
#: table has room for five columns of about this width).
_HEAD_CHARS = 22


def _column_heads(columns: list[str]) -> list[str]:
    """Column heads cut to fit, each still telling its column from the others.

    A cut at a fixed width made "the Nordic countries and the United
    States" read "the Nordic countries …" beside a column "the Nordic
    countries": two heads a reader takes for one source. A head whose cut
    text begins another column's name is cut a word later, until it differs.
    """
    heads = []
    for col in columns:
        cut = _HEAD_CHARS - 1
        while len(col) > cut + 1 and any(
            other != col and other.startswith(col[:cut].rstrip()) for other in columns
        ):
            nxt = col.find(" ", cut + 1)
            cut = len(col) if nxt < 0 else nxt
        heads.append(col if len(col) <= max(cut, _HEAD_CHARS) else col[:cut].rstrip() + "…")
    return heads


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
    # Each heading counts every claim of its category, as the counts table
    # does; the restatements folded into an earlier claim are among those
    # not shown. A source is named as the bottom line and the table name it.
    # The own voice of remarks or an op-ed is unmarked, as the author's is:
    # "(per President Biden)" after every claim of his remarks said nothing
    # the bottom line had not.
    counts = Counter(c.category for c in analysis.claims if c.category is not None)
    canonical = source_names(analysis)
    voice = _voice(analysis, canonical)
    own = {"author", voice["name"]} if voice else {"author"}
    blocks = [
        _category_block(
            category, df[df["category"] == category], per_category, counts[category], canonical, own
        )
        for category in vocabulary.CATEGORIES
    ]
    return html_block("\n".join(b for b in blocks if b))


def _category_block(
    category: str,
    rows: pd.DataFrame,
    limit: int,
    total: int,
    canonical: dict[str, str],
    own: set[str],
) -> str:
    if rows.empty:
        return ""
    # The claims that name actors or are restated matter most; keep reading order.
    # A formula that opens or closes remarks ("THE PRESIDENT: Good afternoon.")
    # reports nothing, so it comes last, as it does for the core event. So
    # does a reporter's question in a transcript: it is asked, not claimed
    # (the bottom line counts it apart), and "Q Will you get a ceasefire
    # before leaving office?" stood among the remarks' three key implications.
    weight = rows["actors"].str.len().gt(0).astype(int) + rows["restated"]
    said = ~rows["text"].map(is_formula) & rows["attribution"].ne(REPORTER)
    ranked = rows.assign(_weight=weight + said.astype(int) * (1 + int(weight.max())))
    chosen = ranked.sort_values("_weight", ascending=False, kind="stable").head(limit)
    return _render(
        "claim_block",
        colour=vocabulary.CATEGORY_COLOURS[category],
        category=category.capitalize(),
        count=_plural(max(total, len(rows)), "claim"),
        shown=min(limit, len(rows)),
        total=max(total, len(rows)),
        items=[_claim_item(row, canonical, own) for row in chosen.sort_index().itertuples()],
    )


def _claim_item(row: Any, canonical: dict[str, str], own: set[str]) -> dict[str, Any]:
    """A claim as the template lists it: its text (with its ``Label:``) and its marks.

    ``own`` names the text's own voice ("author", the speaker of remarks),
    which is not marked.
    """
    marks = []
    if row.modality in ("hedged", "prescriptive"):
        marks.append(row.modality)
    source = canonical.get(row.attribution.casefold(), row.attribution)
    if row.attribution != "author" and source not in own:
        marks.append(f"per {source}")
    if row.restated:
        marks.append(f"stated {_times(row.restated + 1)}")
    labelled = bool(row.label) and row.text.startswith(row.label)
    return {
        "label": row.label if labelled else None,
        "rest": balanced_quotes(_after_label(row.text[len(row.label) :])) if labelled else None,
        "text": balanced_quotes(row.text),
        "marks": marks,
    }


def _after_label(rest: str) -> str:
    """The claim after its label and the one mark that ends it.

    A label ends with a colon ("Energy: ...") or a full stop ("Submarines.
    AUKUS will ..."); the template prints it with a colon, so the full stop
    left behind read "Submarines: . AUKUS will ...".
    """
    rest = rest.lstrip()
    return rest[1:].lstrip() if rest[:1] in (":", ".") else rest


def relations_evidence(analysis: Analysis) -> HTML:
    """Each relation between actors with the sentences that state it.

    Events and positions come first, each with its sentences quoted; a
    sentence that evidences several relations is quoted once, where it first
    appears, so a long lead does not fill the page. Structural links (part
    of, member of, leads ...) follow as one compact list with unit numbers:
    an analyst reads them as background, not as news.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    IPython.display.HTML
    """
    # A line reads as a sentence: "Israel accepted the United States", not
    # "... accepted United States"; an event's line opens with its source.
    names = {a.id: _as_written(a, analysis.text) for a in analysis.actors}
    members = {a.id for a in analysis.actors if _members_name(a)}
    units = _units(analysis)
    quoted: set[int] = set()
    events: list[dict[str, object]] = []
    structure: list[dict[str, object]] = []
    for r in analysis.relations:
        if r.weak:
            continue
        cited = [i for i in dict.fromkeys(e.unit for e in r.evidence) if i in units]
        quotes = [
            (_unit_note([i]), inner_quotes(units[i].text.strip())) for i in cited if i not in quoted
        ]
        row: dict[str, object] = {
            "source": names.get(r.source, r.source),
            "type": vocabulary.relation_words(r.type),
            "target": names.get(r.target, r.target),
            "after": "",
            "polarity": r.polarity,
            "event_class": r.event_class,
            "units": _unit_note(cited),
            "quotes": quotes,
            "seen": _seen_units([i for i in cited if i in quoted]),
        }
        if r.polarity == "structural":
            structure.append(row)
        else:
            quoted.update(cited)
            words, after = _REQUEST_FRAMES.get(r.type, (str(row["type"]), ""))
            verb = _agreeing(words, str(row["source"]), r.source in members)
            events.append(
                {**row, "source": _opening(str(row["source"])), "type": verb, "after": after}
            )
    return html_block(_render("relations_evidence", events=events, structure=structure))


#: Heads that make an actor's name plural ("the Nordic countries", "Rapid
#: Support Forces"). The relation types are worded for one actor ("condemns"),
#: and a release on a bloc read "The Nordic countries condemns Russia" on five
#: lines of its evidence list.
_PLURAL_HEADS = frozenset(
    [
        "allies",
        "authorities",
        "countries",
        "forces",
        "governments",
        "leaders",
        "members",
        "militants",
        "militias",
        "ministers",
        "nations",
        "officials",
        "parties",
        "partners",
        "rebels",
        "sides",
        "states",
        "troops",
    ]
)


#: A request's wording around its target: the request is for an action,
#: which the quote under the line gives. "Human Rights Watch demanded the UN
#: Security Council" (for "... should call on the warring parties") read as
#: if the Council were the thing demanded.
_REQUEST_FRAMES = {
    "urged": ("urged", "to …"),
    "asked": ("asked", "to …"),
    "called_on": ("called on", "to …"),
    "pressed": ("pressed", "to …"),
    "appealed_to": ("appealed to", "to …"),
    "demanded": ("demanded of", "that …"),
}


def _members_name(actor: Actor) -> bool:
    """Whether a one-word name is the plural of its members' ("Houthis" of "Houthi").

    The gazetteer lists the singular among such a group's aliases; "Hamas",
    which also ends in -s, has no "Hama". A country stays singular ("the
    Philippines", "the Netherlands") whatever its aliases. The analysis keeps
    only the forms the text uses, so the gazetteer's entry is read too.
    """
    name = actor.name
    if actor.type == "state" or " " in name or not name.endswith("s") or name.endswith("ss"):
        return False
    entry = load_gazetteer().entry(actor.id)
    aliases = (*actor.aliases, *(entry.aliases if entry else ()))
    return any(alias.casefold() == name[:-1].casefold() for alias in aliases)


def _plural_name(name: str) -> bool:
    """Whether a name takes a plural verb: its head (the word before "of") is a plural noun.

    "United States", "United Nations" and "United Arab Emirates" are singular
    by convention, though their heads are plural nouns.
    """
    words = name.removeprefix("the ").split(" of ")[0].split()
    return bool(words) and words[0] != "United" and words[-1].casefold() in _PLURAL_HEADS


def _agreeing(verb_phrase: str, subject: str, plural: bool = False) -> str:
    """A relation's wording after its subject: "condemns" becomes "condemn" after a plural.

    ``plural`` says the subject is plural whatever its name's head (see
    :func:`_members_name`).
    """
    verb, _, rest = verb_phrase.partition(" ")
    if not (plural or _plural_name(subject)) or not verb.endswith("s") or verb.endswith("ss"):
        return verb_phrase
    if verb == "has":
        base = "have"
    elif verb.endswith("ies"):
        base = verb[:-3] + "y"
    elif verb.endswith(("sses", "shes", "ches", "xes")):
        base = verb[:-2]
    else:
        base = verb[:-1]
    return f"{base} {rest}".rstrip()


def _seen_units(seen: list[int]) -> str:
    """The sentences a relation shares with one above, as one note on its line.

    Each used to be its own "[unit 31, quoted above]" after the relation's new
    quotes, where it stood alone under the last blockquote and read as if it
    belonged to the next item (biden-xi readout, "cooperates with China").
    """
    return _unit_note(seen, "quoted above") if seen else ""


def _unit_note(units: list[int], after: str = "") -> str:
    """A reference to units, "[unit 4]", that a line does not break inside.

    The PDF broke "[unit" from "4]" at a line's end under a quoted sentence
    (joint declaration, relations), which left a bare "4]" on its own line;
    the spaces are no-break spaces, as in print.
    """
    label = "unit" if len(units) == 1 else "units"
    note = f"{label} {', '.join(map(str, units))}" + (f", {after}" if after else "")
    return f"[{note.replace(' ', _NBSP)}]"


_NBSP = "\u00a0"


def _opening(name: str) -> str:
    """A name that opens a line: its "the" in capitals ("The United States")."""
    return "The" + name[3:] if name.startswith("the ") else name


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
        f"An analyst corrected {_plural(curated, 'item')} by hand."
        if curated
        else "No item was corrected by hand."
    )
    return html_block(
        _render("method_note", version=VERSION, review=review, genre=analysis.article.genre)
    )
