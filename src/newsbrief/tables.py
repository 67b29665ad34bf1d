"""pandas tables of an analysis: claims, actors, relations.

The notebooks, the report and the CLI all render these same frames, so a
column means the same thing wherever an analyst meets it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd

from .errors import NewsbriefError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .model import Analysis

__all__ = [
    "CLAIM_COLUMNS",
    "TABLE_FORMATS",
    "actors_table",
    "claims_table",
    "relations_table",
    "render_table",
    "safe_csv",
]

# Cells a spreadsheet would run as a formula (OWASP's list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CLAIM_COLUMNS = (
    "index",
    "section",
    "label",
    "text",
    "category",
    "modality",
    "attribution",
    "actors",
    "restates",
    "cues",
    "curated",
)


def claims_table(analysis: Analysis) -> pd.DataFrame:
    """One row per claim unit.

    Parameters
    ----------
    analysis : Analysis

    Returns
    -------
    pandas.DataFrame
        Columns ``CLAIM_COLUMNS``; ``actors`` is a comma-separated string,
        ``restates`` a nullable integer, ``cues`` a ``field: cue; ...`` string.

    Examples
    --------
    >>> from newsbrief.article import source_from_text
    >>> from newsbrief.analysis import analyze
    >>> df = claims_table(analyze(source_from_text("Russia invaded Ukraine in 2022.")))
    >>> df.loc[0, "actors"]
    'RUS, UKR'
    """
    units = {u.index: u for u in analysis.units}
    rows = []
    for c in analysis.claims:
        u = units[c.unit]
        if u.kind != "claim":
            continue
        rows.append(
            {
                "index": u.index,
                "section": u.section or "",
                "label": u.label or "",
                "text": u.text,
                "category": c.category,
                "modality": c.modality,
                "attribution": c.attribution,
                "actors": ", ".join(c.actors),
                "restates": c.restates,
                "cues": "; ".join(f"{k}: {', '.join(v)}" for k, v in c.cues.items()),
                "curated": bool(c.curated),
            }
        )
    df = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    df["restates"] = df["restates"].astype("Int64")
    df["index"] = df["index"].astype("int64")
    df["curated"] = df["curated"].astype(bool)
    return df


def actors_table(analysis: Analysis) -> pd.DataFrame:
    """One row per actor: id, name, type, code, part_of, mentions, aliases, first_unit."""
    rows = [
        {
            "id": a.id,
            "name": a.name,
            "type": a.type,
            "code": a.code or "",
            "part_of": a.part_of or "",
            "mentions": len(a.mentions),
            "aliases": ", ".join(a.aliases),
            "first_unit": a.first_unit,
            "origin": a.origin,
        }
        for a in analysis.actors
    ]
    columns = [
        "id",
        "name",
        "type",
        "code",
        "part_of",
        "mentions",
        "aliases",
        "first_unit",
        "origin",
    ]
    return pd.DataFrame(rows, columns=columns)


def relations_table(analysis: Analysis, include_weak: bool = False) -> pd.DataFrame:
    """One row per relation, with the evidence sentences quoted.

    Weak ``co_mentioned`` edges are left out unless asked for: they are not
    relations, only a hint drawn faintly in the figure.
    """
    names = {a.id: a.name for a in analysis.actors}
    units = {u.index: u for u in analysis.units}
    rows = []
    for r in analysis.relations:
        if r.weak and not include_weak:
            continue
        evidence_units = list(dict.fromkeys(e.unit for e in r.evidence))
        rows.append(
            {
                "source": names.get(r.source, r.source),
                "type": r.type,
                "target": names.get(r.target, r.target),
                "polarity": r.polarity,
                # The PLOVER class the README promises; the figure and explorer had it, the CSV not.
                "class": r.event_class or "",
                "evidence_units": ", ".join(str(i) for i in evidence_units),
                "evidence": " | ".join(units[i].text for i in evidence_units if i in units),
                "source_id": r.source,
                "target_id": r.target,
                "weak": r.weak,
                "curated": r.curated,
            }
        )
    columns = [
        "source",
        "type",
        "target",
        "polarity",
        "class",
        "evidence_units",
        "evidence",
        "source_id",
        "target_id",
        "weak",
        "curated",
    ]
    return pd.DataFrame(rows, columns=columns)


def safe_csv(df: pd.DataFrame) -> str:
    """CSV whose text cells cannot run as spreadsheet formulas.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return gets a leading apostrophe (the OWASP rule), so a quoted claim such
    as ``=HYPERLINK(...)`` stays text when an analyst opens ``claims.csv``.
    """

    def neutral(value: object) -> object:
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            return "'" + value
        return value

    return df.map(neutral).to_csv(index=False)


def _json_records(df: pd.DataFrame) -> str:
    return df.to_json(orient="records", force_ascii=False, indent=2) + "\n"


def render_table(df: pd.DataFrame, fmt: str) -> str:
    """Render a table as csv, json (records) or markdown (GitHub pipe table).

    Raises
    ------
    NewsbriefError
        For a name that is not in :data:`TABLE_FORMATS`.
    """
    writer = TABLE_FORMATS.get(fmt)
    if writer is None:
        raise NewsbriefError(f"unknown table format {fmt!r} ({', '.join(TABLE_FORMATS)})")
    return writer(df)


#: The characters that make Markdown inline syntax (and the table's cell
#: separator), escaped with a backslash in a cell.
_MARKS = re.compile(r"[\\`*_\[\]|~]")
#: An ampersand a renderer reads as a character reference ("&copy;", "&#169;"):
#: only that one is escaped; "Fox & Friends" and "R&D" are text to a renderer
#: as written, and "&amp;" made them hard to read in a terminal.
_REFERENCE = re.compile(r"&(?=#?\w+;)")


def _markdown(df: pd.DataFrame) -> str:
    """A pipe table without the optional ``tabulate`` dependency."""

    def cell(value: object) -> str:
        text = "" if value is None or value is pd.NA else str(value)
        # Markdown renderers pass raw HTML through: article text must stay text.
        # So must its inline marks: "*it*" was shown in italics, "[a](b)" as a link.
        text = _REFERENCE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
        text = _MARKS.sub(r"\\\g<0>", text)
        return text.replace("\n", " ")

    cols = [c for c in df.columns if c != "cues"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in df.iterrows():
        lines.append("| " + " | ".join(cell(row[c]) for c in cols) + " |")
    return "\n".join(lines) + "\n"


#: The table formats, name -> writer; the CLI's choices come from here.
TABLE_FORMATS: dict[str, Callable[[pd.DataFrame], str]] = {
    "csv": safe_csv,
    "json": _json_records,
    "markdown": _markdown,
}
