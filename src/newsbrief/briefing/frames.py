"""The briefing's numbers as pandas frames: structure, counts, sources, shares.

Every view, figure and sentence of the briefing reads its figures from here,
so a number means the same thing in a table and in the prose.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

import pandas as pd

from .. import vocabulary
from ..claims import load_cues
from ..claims.sources import COMMON_OPENING
from ..gazetteer import load_gazetteer
from ..graph import shown_name
from ..tables import claims_table
from ..units import SPEAKER_LABEL
from ..vocabulary import BUCKETS

if TYPE_CHECKING:
    from ..model import Actor, Analysis, Unit

__all__ = [
    "BUCKETS",
    "attribution_counts",
    "category_counts",
    "collapsed_claims",
    "core_event",
    "shares",
    "source_names",
    "structure_table",
]


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
        pd.Categorical(df["category"], categories=vocabulary.CATEGORIES),
        pd.Categorical(df["modality"], categories=vocabulary.MODALITIES),
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
    Sullivan" are one person; "Analysts" and "analysts" one group; "the
    United States and the Nordic countries" and "the Nordic countries and the
    United States" one pair of parties, named as first written; in a release
    that names one such pair, "the leaders" and "both sides" are that pair.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    dict
        Case-folded source as written -> the name to report.
    """
    forms = {
        actor.id: {a.casefold().removeprefix("the ") for a in (*actor.aliases, actor.name)}
        for actor in analysis.actors
    }

    def actor_of(bare: str, key: str, by_surname: bool = True) -> str | None:
        for actor in analysis.actors:
            surname = actor.name.split()[-1].casefold() if actor.type == "person" else None
            if bare in forms[actor.id] or (
                by_surname and surname and key.split()[-1:] == [surname]
            ):
                return actor.id
        return None

    by_id = {actor.id: _as_written(actor, analysis.text) for actor in analysis.actors}
    names: dict[str, str] = {}
    parties: dict[frozenset[str], str] = {}
    for claim in analysis.claims:
        written = claim.attribution
        key = written.casefold()
        names.setdefault(key, written)
        parts = [p.removeprefix("the ") for p in _PARTIES.split(key) if p]
        # "Anna Keller and Tomas Brandt" ends in Brandt's surname but is both
        # of them: a surname stands for one actor only in a one-party source.
        one = actor_of(key.removeprefix("the "), key, by_surname=len(parts) == 1)
        if one is not None:
            names[key] = by_id[one]
            continue
        ids = [actor_of(p, p) for p in parts]
        if len(parts) > 1 and all(ids):
            names[key] = parties.setdefault(frozenset(i for i in ids if i), written)
    _surnames_to_full_names(names)
    if analysis.article.genre == "release":
        kinds = {actor.id: actor.type for actor in analysis.actors}
        _parties_as_named(names, {n: {kinds[i] for i in ids} for ids, n in parties.items()})
    # The cue holds for the source as read: one an analyst's override gave
    # no longer opens the sentence, and keeps the case it was given.
    units = _units(analysis)
    common = {
        c.attribution.casefold()
        for c in analysis.claims
        if COMMON_OPENING in c.cues.get("attribution", ())
        and units[c.unit].text.startswith(c.attribution)
    }
    opening = _the_of_the_sentence(analysis, names)
    return {
        key: _in_sentence(
            name, common=key in common and name.casefold() == key, opening=name in opening
        )
        for key, name in names.items()
    }


def _the_of_the_sentence(analysis: Analysis, names: dict[str, str]) -> set[str]:
    """The names in capitals after "The" whose "The" is only ever a sentence's first word.

    "The U.S.-Africa Leaders Summit reaffirmed ..." and "The U.S. Strategy
    to ...: ..." open their units, and the fact sheet never writes either
    name inside a sentence: the bottom line read "the others cite The
    U.S.-Africa Leaders Summit (1) ... and The U.S. Strategy (1)". A name
    the text also writes with "The" inside a sentence ("talks in The
    Hague") keeps it.
    """
    starts = {u.start for u in analysis.units}
    out = set()
    for name in set(names.values()):
        if not name.startswith("The ") or name.count(" ") < 2:
            continue
        found = [m.start() for m in re.finditer(re.escape(name), analysis.text)]
        if found and all(at in starts for at in found):
            out.add(name)
    return out


def _as_written(actor: Actor, text: str) -> str:
    """An actor's name as a source reads in a sentence: "the United States".

    The actor's name drops the article ("United States", "Nordic countries",
    "International Court of Justice"), which a list of actors by mentions can
    do but a sentence cannot: the bottom line read "the others cite the
    leaders (10), Nordic countries (1)". "the" is kept where the text itself
    writes the name with it: an alias that has it, or most of the mentions of
    the full name (so an adjective's "the NATO summit" does not decide it, and
    "the Russia-Ukraine war" is no mention with "the"). A person never takes it,
    and is named without an office before the name (:func:`~newsbrief.graph.shown_name`).
    A text that never writes the full name ("US" only) says nothing of its
    "the", so the gazetteer's aliases decide: a news story read "The Houthis
    attacked United States" in its relations.
    """
    if actor.type == "person":
        return shown_name(actor.name, actor.type)
    name = actor.name.casefold()
    full = [m for m in actor.mentions if m.text.casefold() == name]
    shown = _capitals_as_written(actor.name, [m.text for m in full])
    entry = None if full else load_gazetteer().entry(actor.id)
    aliases = (*actor.aliases, *(entry.aliases if entry else ()))
    if any(alias.casefold() == f"the {name}" for alias in aliases):
        return f"the {shown}"
    with_the = sum(
        text[max(m.start - 4, 0) : m.start].casefold() == "the " and text[m.end : m.end + 1] != "-"
        for m in full
    )
    return f"the {shown}" if full and 2 * with_the > len(full) else shown


def _capitals_as_written(name: str, written: list[str]) -> str:
    """The name with the capitals the article mostly gives it.

    The gazetteer's "Sudanese armed forces" is the article's "Sudanese Armed
    Forces", a proper name; the briefing wrote it in lower case beside the
    text's own quotes. A form all in capitals (a shouted headline) is not a
    spelling, and on a tie the gazetteer's name stays.
    """
    forms = Counter(w for w in written if not (w.isupper() and not name.isupper()))
    if not forms:
        return name
    return max(forms, key=lambda form: (forms[form], form == name))


def _in_sentence(name: str, common: bool = False, opening: bool = False) -> str:
    """A source as it reads inside a sentence: "The leaders" -> "the leaders".

    The attribution keeps the case of the sentence it opens, but the briefing
    prints it after "per" and "cite". A name of capitalised words only ("The
    Washington Post", "The Hague") keeps its "The"; one with a word in lower
    case ("The leaders", "The United States and Nordic leaders") is a phrase.
    Any other first word the parse read as a common word (``common``, see
    :func:`newsbrief.claims.sources.in_running_text`) is lowered: "Human
    rights lawyer X" was cited as such after "per". ``opening``: the text
    writes "The" of this name only where it opens a sentence
    (:func:`_the_of_the_sentence`), so it is a capital of position too.
    """
    first, _, rest = name.partition(" ")
    if first == "The" and (opening or any(w[:1].islower() for w in rest.split())):
        return f"the {rest}"
    if common and first != "The":
        return name[:1].lower() + name[1:]
    if not rest and name.casefold() in load_cues().words("attribution", "source_nouns"):
        # "Officials said ..." opens its sentence: "cite officials (4)".
        return name.casefold()
    return name


#: A release's collective words for its parties: "the leaders", "the two leaders", "both sides".
_COLLECTIVE = re.compile(
    r"(?:the|both|all|the (?:two|three|four|five|six|seven|eight|\d+)) "
    r"(leaders|sides|parties|governments|delegations|countries|nations)"
)
#: The actor type a collective word names when the release names its parties twice over:
#: "the leaders" are the persons ("X and Y"), "the two countries" the states.
_COLLECTIVE_TYPES = {"leaders": "person", "countries": "state", "nations": "state"}


def _parties_as_named(names: dict[str, str], named: dict[str, set[str]]) -> None:
    """A release's "the leaders" is the parties it names elsewhere: one source, not two.

    A readout or joint statement writes its parties out ("the Nordic
    countries and the United States affirmed ...") and then goes on with "the
    leaders" or "both sides": the same voice, which the counts and the bottom
    line gave as a second source beside the first. ``named`` maps each set of
    parties the release cites to the actor types in it. With one set, a
    collective source is that set; a release that names both its leaders and
    their states ("X and Y", "the United States and Iraq") gives "the leaders"
    to the one set of persons and "the two countries" to the one set of
    states. Anything else is left as written: no single set is meant.
    """
    for key in names:
        collective = _COLLECTIVE.fullmatch(key)
        if collective is None or not named:
            continue
        kind = _COLLECTIVE_TYPES.get(collective.group(1))
        sets = list(named) if len(named) == 1 else [n for n, t in named.items() if t == {kind}]
        if len(sets) == 1:
            names[key] = sets[0]


def _surnames_to_full_names(names: dict[str, str]) -> None:
    """Count a bare surname ("Mugano") with the one source it ends ("Gift Mugano").

    Someone quoted but not an actor of the article (an economist, a witness)
    has no actor to unite the forms, so the same person would be counted
    twice. Only a capitalised single word with exactly one longer source
    ending in it as a name is joined ("Analysts" stays apart from "Western
    analysts"); two candidates ("Ann Lee", "Tom Lee") leave it be.
    """
    reported = set(names.values())
    for key, name in names.items():
        if " " in name or not name[:1].isupper():
            continue
        longer = {
            v
            for v in reported
            if " " in v and v.split()[-1][:1].isupper() and v.split()[-1].casefold() == key
        }
        if len(longer) == 1:
            names[key] = longer.pop()


_PARTIES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _units(analysis: Analysis) -> dict[int, Unit]:
    return {u.index: u for u in analysis.units}


def _words(text: str) -> int:
    return len(text.split())


def core_event(analysis: Analysis) -> tuple[int, int] | None:
    """Return the core reported event and how many times the article states it.

    The core event is the event claim that later claims restate most often
    (the first event claim on a tie, or when nothing is restated). An event
    that names no actor ("Take it from those who actually know:", "The
    meeting lasted two hours.") says nothing of who did what, so claims that
    name one come first; the rest count only when none does. Before either, a
    formula that opens or closes remarks ("THE PRESIDENT: Good afternoon.")
    reports nothing and counts only when nothing else is reported.

    A news story states its news in its lead: when the first claim of a news
    article is an event naming an actor, it is the core event, however often
    a later claim is restated (a news story on a drone attack had the
    spokesman's later account of it as its core, restated once, over the lead
    that reported the attack). A lead that reports no event, names no actor
    or is a formula leaves the choice to the rule above.

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
    units = _units(analysis)
    named = {c.unit for c in analysis.claims if c.actors}
    said = {u for u in events if not is_formula(units[u].text)}
    lead = _news_lead(analysis)
    best = max(events, key=lambda u: (u == lead, u in said, u in named, repeats.get(u, 0), -u))
    return best, 1 + repeats.get(best, 0)


def _news_lead(analysis: Analysis) -> int | None:
    """The unit of a news story's lead when it reports an event of substance.

    Only news puts the news first: a release opens with a date line or a
    greeting, an analysis or an opinion piece with a scene or a thesis.
    """
    if analysis.article.genre != "news" or not analysis.claims:
        return None
    first = min(analysis.claims, key=lambda c: c.unit)
    if first.category != "event" or first.restates is not None or not first.actors:
        return None
    if is_formula(_units(analysis)[first.unit].text):
        return None
    return first.unit


# Fewer words than this, once the label is gone, make a formula ("Good
# afternoon.", "Thank you.") that opens or closes remarks rather than a report.
_FORMULA = 4


def is_formula(text: str) -> bool:
    """Whether a unit is a formula that opens or closes remarks, not a report."""
    return len(SPEAKER_LABEL.sub("", text, count=1).split()) < _FORMULA


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
