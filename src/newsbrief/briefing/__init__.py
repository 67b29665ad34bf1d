"""What the notebooks show: the briefing's prose, styled tables and figures.

The notebooks in ``notebooks/`` are thin: each cell calls one function here
and displays what it returns. The package is split by what each part serves:
:mod:`.loading` (which analysis), :mod:`.frames` (the numbers, as pandas
frames), :mod:`.views` (styled tables), :mod:`.images` (figures) and
:mod:`.prose` (the briefing's text). Every piece of article text that reaches
HTML is escaped, so an article that contains ``<script>`` is shown as text,
never run.

Outputs are deterministic - fixed table ids, sorted rows, figures rendered
to PNG with fixed metadata - so nbval can compare the committed notebooks.
"""

from __future__ import annotations

from .frames import (
    BUCKETS,
    attribution_counts,
    category_counts,
    collapsed_claims,
    core_event,
    shares,
    source_names,
    structure_table,
)
from .images import (
    counts_figure,
    counts_image,
    full_graph_image,
    graph_image,
)
from .loading import (
    analysis_date,
    load,
    resolve_article,
    source_label,
)
from .prose import (
    article_header,
    bottom_line,
    claim_counts,
    key_claims,
    method_note,
    relations_evidence,
    title_block,
)
from .views import (
    CATEGORY_COLOURS,
    actors_view,
    attribution_view,
    claims_view,
    counts_view,
    metrics_view,
    relations_view,
    structure_view,
)

__all__ = [
    "BUCKETS",
    "CATEGORY_COLOURS",
    "actors_view",
    "analysis_date",
    "article_header",
    "attribution_counts",
    "attribution_view",
    "bottom_line",
    "category_counts",
    "claim_counts",
    "claims_view",
    "collapsed_claims",
    "core_event",
    "counts_figure",
    "counts_image",
    "counts_view",
    "full_graph_image",
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
    "source_names",
    "structure_table",
    "structure_view",
    "title_block",
]
