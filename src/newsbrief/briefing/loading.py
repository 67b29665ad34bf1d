"""Which analysis a notebook shows, and how its source and date are named."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..analysis import load_analysis
from ..config import DEFAULT_ARTICLE, PROJ_ROOT
from ..curation import curated_analysis

if TYPE_CHECKING:
    from ..model import Analysis

__all__ = [
    "analysis_date",
    "load",
    "resolve_article",
    "source_label",
]


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
