"""Analyst curation: an overrides YAML that corrects any field of the analysis."""

from __future__ import annotations

from pathlib import Path

from .model import Analysis

__all__ = ["apply_overrides", "find_overrides"]


def find_overrides(article: str | Path) -> Path | None:
    """Return ``ARTICLE.overrides.yaml`` beside the article when it exists."""
    p = Path(article)
    candidate = p.with_name(p.name + ".overrides.yaml")
    alt = p.with_suffix(".overrides.yaml")
    for c in (candidate, alt):
        if c.is_file():
            return c
    return None


def apply_overrides(analysis: Analysis, path: str | Path) -> Analysis:
    """Apply an overrides file (not yet implemented)."""
    return analysis
