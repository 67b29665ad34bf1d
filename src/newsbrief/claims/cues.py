"""The claims lexicon (data/claims.yaml) as one typed object, and phrase lookups in it.

Every rule reads its words through :class:`Cues`, so a user's lexicon
replaces the shipped one in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import package_file, read_yaml_mapping, read_yaml_text, read_yaml_unique
from ..errors import NewsbriefError

__all__ = ["Cues", "load_cues"]


@dataclass(frozen=True)
class Cues:
    """The cue lexicons of ``data/claims.yaml``, as sets ready for lookup."""

    raw: dict[str, Any]
    # Each rule asks for its word set once per sentence; building the set
    # once per lexicon keeps that lookup off the analysis profile.
    _words: dict[tuple[str, ...], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def words(self, *path: str) -> frozenset[str]:
        """Return the lower-cased entries at ``path`` (e.g. ``"modality", "hedge_words"``).

        Raises
        ------
        NewsbriefError
            When ``path`` names no key of the shipped lexicon: a misspelt
            lookup fails loudly instead of reading an empty list.
        """
        found = self._words.get(path)
        if found is None:
            _check_path(path)
            node: Any = self.raw
            for key in path:
                node = node.get(key, {}) if isinstance(node, dict) else {}
            found = (
                frozenset(str(x).lower() for x in node) if isinstance(node, list) else frozenset()
            )
            self._words[path] = found
        return found

    def value(self, *path: str, default: Any = None) -> Any:
        """Return a scalar setting at ``path`` (a path as in :meth:`words`)."""
        _check_path(path)
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


@lru_cache(maxsize=1)
def _known_keys() -> frozenset[tuple[str, str]]:
    """Every ``(section, key)`` of the shipped lexicon: the keys a lexicon may have."""
    shipped = read_yaml_mapping(package_file("claims.yaml"), "claims lexicon")
    return frozenset(
        (section, key)
        for section, table in shipped.items()
        if isinstance(table, dict)
        for key in table
    )


def _check_path(path: tuple[str, ...]) -> None:
    if len(path) == 2 and tuple(path) not in _known_keys():
        raise NewsbriefError(f"claims lexicon: no key {'.'.join(path)} (see data/claims.yaml)")


def _check_keys(path: str | Path) -> None:
    """Refuse a user's lexicon with a key the shipped one lacks, naming its line.

    A misspelt key would otherwise be ignored and its words never used.
    """
    import yaml  # 30 ms to import: only for a user's lexicon

    text = read_yaml_text(path, "claims lexicon")
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return  # read_yaml_mapping reports a malformed file
    if not isinstance(root, yaml.MappingNode):
        return
    known = _known_keys()
    sections = {section for section, _ in known}
    for key_node, table in root.value:
        section = str(key_node.value)
        if section not in sections:
            raise NewsbriefError(
                f"{path}:{key_node.start_mark.line + 1}: unknown section {section!r} "
                f"in the claims lexicon ({', '.join(sorted(sections))})"
            )
        for sub, _ in table.value if isinstance(table, yaml.MappingNode) else ():
            if (section, str(sub.value)) not in known:
                raise NewsbriefError(
                    f"{path}:{sub.start_mark.line + 1}: unknown key "
                    f"{section}.{sub.value} in the claims lexicon"
                )


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

    Raises
    ------
    NewsbriefError
        For an unreadable file, or a key the shipped lexicon does not have
        (with its line).
    """
    if path is None:
        return Cues(read_yaml_mapping(package_file("claims.yaml"), "claims lexicon"))
    _check_keys(path)
    # A user's file: a key given twice kept the last list without a word.
    return Cues(read_yaml_mapping(path, "claims lexicon", read_yaml_unique))


def _has_phrase(text: str, phrases: frozenset[str]) -> str | None:
    """The longest listed phrase the text holds as whole words (ties: alphabetical)."""
    ranked, any_of = _phrase_patterns(phrases)
    if any_of is None or not any_of.search(text):  # most sentences hold none: one search
        return None
    return next((phrase for phrase in ranked if _phrase_pattern(phrase).search(text)), None)


@lru_cache(maxsize=256)
def _phrase_patterns(phrases: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """The phrases longest first, and one pattern that finds any of them."""
    ranked = tuple(sorted(phrases, key=lambda p: (-len(p), p)))
    if not ranked:
        return ranked, None
    return ranked, re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, ranked)) + r")(?![\w])")


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """One phrase as whole words, compiled when a sentence first holds some phrase of its set.

    Compiling every phrase of every set up front took 100 compilations
    (15-20 ms) of each cold start, for the few sentences that hold a phrase.
    """
    return re.compile(rf"(?<![\w]){re.escape(phrase)}(?![\w])")


def _has_pattern(text: str, cues: Cues, *path: str) -> str | None:
    """The first match of the regular expressions listed at ``path`` in the lexicon."""
    for pattern in cues.value(*path, default=[]) or []:
        found = re.search(pattern, text)
        if found:
            return found.group(0)
    return None
