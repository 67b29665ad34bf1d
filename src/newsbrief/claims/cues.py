"""The claims lexicon (data/claims.yaml) as one typed object, and phrase lookups in it.

Every rule reads its words through :class:`Cues`, so a user's lexicon
replaces the shipped one in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..config import package_file, read_yaml_mapping

if TYPE_CHECKING:
    pass

__all__ = ["Cues", "load_cues"]


@dataclass(frozen=True)
class Cues:
    """The cue lexicons of ``data/claims.yaml``, as sets ready for lookup."""

    raw: dict[str, Any]

    def words(self, *path: str) -> frozenset[str]:
        """Return the lower-cased entries at ``path`` (e.g. ``"modality", "hedge_words"``)."""
        node: Any = self.raw
        for key in path:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        return frozenset(str(x).lower() for x in node) if isinstance(node, list) else frozenset()

    def value(self, *path: str, default: Any = None) -> Any:
        """Return a scalar setting at ``path``."""
        node: Any = self.raw
        for key in path:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    def synonyms(self) -> dict[str, str]:
        """Map each word to the first word of its synonym group."""
        out: dict[str, str] = {}
        for group in self.value("restatement", "synonyms", default=[]) or []:
            for word in group:
                out.setdefault(str(word).lower(), str(group[0]).lower())
        return out


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """Load the claim cue lexicons once per process.

    Parameters
    ----------
    path : str, optional
        A YAML file in the shape of ``data/claims.yaml``; the shipped one by default.

    Returns
    -------
    Cues
    """
    return Cues(read_yaml_mapping(path or package_file("claims.yaml"), "claims lexicon"))


def _has_phrase(text: str, phrases: frozenset[str]) -> str | None:
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        if re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text):
            return phrase
    return None


def _has_pattern(text: str, cues: Cues, *path: str) -> str | None:
    """The first match of the regular expressions listed at ``path`` in the lexicon."""
    for pattern in cues.value(*path, default=[]) or []:
        found = re.search(pattern, text)
        if found:
            return found.group(0)
    return None
