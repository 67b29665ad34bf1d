"""newsbrief: turn a news article into an analyst's briefing.

The pipeline runs article -> units -> actors -> relations -> claims ->
graph/table -> figures -> report; each step is a module of its own. The
names below are the public API; pandas and networkx load only when the
table or graph functions are first called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .analysis import analyze, analyze_file, load_analysis, to_dict, to_json
from .config import VERSION
from .errors import NewsbriefError
from .model import Actor, Analysis, Claim, Relation, Unit

if TYPE_CHECKING:
    import networkx
    import pandas

__all__ = [
    "Actor",
    "Analysis",
    "Claim",
    "NewsbriefError",
    "Relation",
    "Unit",
    "actor_graph",
    "analyze",
    "analyze_file",
    "claims_table",
    "load_analysis",
    "to_dict",
    "to_json",
]

__version__ = VERSION


def claims_table(analysis: Analysis, **kwargs: Any) -> pandas.DataFrame:
    """One row per claim; see :func:`newsbrief.tables.claims_table`."""
    from .tables import claims_table as _claims_table  # loads pandas (heavy)

    return _claims_table(analysis, **kwargs)


def actor_graph(analysis: Analysis, **kwargs: Any) -> networkx.MultiDiGraph:
    """The actor-relationship graph; see :func:`newsbrief.graph.actor_graph`."""
    from .graph import actor_graph as _actor_graph  # loads networkx (heavy)

    return _actor_graph(analysis, **kwargs)
