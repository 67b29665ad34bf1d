"""Analyst curation: an overrides YAML that corrects any field of the analysis.

The file sits beside the article (``ARTICLE.overrides.yaml``) or is given
with ``--overrides``. Every overridden field is marked curated in every
output, so a reader can tell the analyst's word from the machine's::

    units:
      - match: 12                    # unit index, or the start of its text
        category: assessment
        attribution: officials
    actors:
      add:
        - {id: QUAD, name: Quad, type: organization, aliases: [Quad]}
      remove: [INDO-PACIFIC]
    relations:
      add:
        - {source: JPN, target: NATO, type: cooperates_with, polarity: cooperative,
           evidence: [12]}
      remove:
        - {source: JPN, target: UKR}          # every type, or give `type`
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from .analysis import Settings, analyze_file, load_analysis
from .article import ARTICLE_SUFFIXES
from .config import DEFAULT_MAX_BYTES, read_yaml_text, unique_key_loader, yaml_problem
from .errors import NewsbriefError
from .model import (
    ACTOR_TYPES,
    CATEGORIES,
    MODALITIES,
    POLARITIES,
    Actor,
    Analysis,
    Evidence,
    Mention,
    Relation,
)
from .vocabulary import CLASS_POLARITY

__all__ = [
    "apply_overrides",
    "article_of_overrides",
    "curated_analysis",
    "find_overrides",
    "load_overrides",
]

#: How an overrides file's name ends; the rest names its article.
OVERRIDES_SUFFIX = ".overrides.yaml"

_UNIT_FIELDS = {
    "category": CATEGORIES,
    "modality": MODALITIES,
    "attribution": None,
    "actors": None,
    "restates": None,
}


def find_overrides(article: str | Path) -> Path | None:
    """Return ``ARTICLE.overrides.yaml`` (or ``STEM.overrides.yaml``) beside the article."""
    p = Path(article)
    for candidate in (p.with_name(p.name + OVERRIDES_SUFFIX), p.with_suffix(OVERRIDES_SUFFIX)):
        if candidate.is_file() and candidate != p:
            return candidate
    return None


def article_of_overrides(overrides: str | Path) -> Path:
    """The article an overrides file belongs to: the file beside it named as it is.

    The inverse of :func:`find_overrides`, for ``newsbrief train --overrides``:
    ``a.txt.overrides.yaml`` is ``a.txt``'s, ``a.overrides.yaml`` that of ``a``
    itself or of ``a`` with the first article suffix (``.txt``, ``.md``,
    ``.html``, ``.htm``) found. Training needs the article itself, so an
    analysis JSON does not do.

    Raises
    ------
    NewsbriefError
        When the file is missing, is not named ``*.overrides.yaml``, or no
        article sits beside it; the one line names what was looked for.
    """
    p = Path(overrides)
    if not p.is_file():
        raise NewsbriefError(f"{p}: no such overrides file")
    if not p.name.endswith(OVERRIDES_SUFFIX) or p.name == OVERRIDES_SUFFIX:
        raise NewsbriefError(
            f"{p}: an overrides file is named after its article (ARTICLE{OVERRIDES_SUFFIX})"
        )
    article = p.with_name(p.name[: -len(OVERRIDES_SUFFIX)])
    candidates = [article]
    if article.suffix.lower() not in ARTICLE_SUFFIXES:
        candidates += [article.with_name(article.name + suffix) for suffix in ARTICLE_SUFFIXES]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(c.name for c in candidates)
    raise NewsbriefError(f"{p}: no article beside it (looked for {tried})")


def curated_analysis(
    article: str | Path,
    max_bytes: int | None = None,
    overrides: str | Path | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """The analysis an analyst sees for an article argument, curated.

    ``article`` may be an article file or an analysis JSON written by
    ``newsbrief analyze``; the overrides given, else ``ARTICLE.overrides.yaml``
    beside it, are applied. Every command goes through here, so the CLI, the
    report, the notebooks and corpus mode agree.

    Parameters
    ----------
    article : str or pathlib.Path
    max_bytes : int, optional
        Size limit for an article file (the default limit when None).
    overrides : str or pathlib.Path, optional
    settings : newsbrief.analysis.Settings, optional

    Returns
    -------
    Analysis
    """
    path = Path(article)
    if path.suffix == ".json" and path.is_file():
        analysis = load_analysis(path)
    else:
        analysis = analyze_file(path, max_bytes or DEFAULT_MAX_BYTES, settings or Settings())
    chosen = overrides or find_overrides(path)
    return apply_overrides(analysis, chosen) if chosen else analysis


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """A safe loader that remembers the line of every mapping, for error messages.

    Built on first use: PyYAML takes 30 ms to import, and an analysis
    without overrides never needs it.
    """
    import yaml

    def mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[str, Any]:
        data = cast("dict[str, Any]", loader.construct_mapping(node, deep=True))
        data["__line__"] = node.start_mark.line + 1
        return data

    class LineLoader(unique_key_loader()):  # type: ignore[misc]
        pass

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping_with_line)
    return LineLoader


def load_overrides(path: str | Path) -> dict[str, Any]:
    """Read an overrides file; a malformed one is a clean error naming the line."""
    import yaml  # see _line_loader

    p = Path(path)
    try:
        data = yaml.load(read_yaml_text(p, "overrides"), Loader=_line_loader())
    except yaml.MarkedYAMLError as exc:
        raise yaml_problem(p, exc, "malformed YAML") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise NewsbriefError(f"{p}:1: overrides must be a mapping with units/actors/relations")
    unknown = set(data) - {"units", "actors", "relations", "__line__"}
    if unknown:
        raise NewsbriefError(f"{p}:1: unknown section(s) {sorted(unknown)}")
    return data


def apply_overrides(analysis: Analysis, path: str | Path) -> Analysis:
    """Apply an overrides file to an analysis.

    Parameters
    ----------
    analysis : Analysis
    path : str or pathlib.Path
        The overrides YAML.

    Returns
    -------
    Analysis
        A new analysis; overridden records carry ``curated``.

    Raises
    ------
    NewsbriefError
        For a malformed file, an unknown field or value, or an override that
        matches nothing; the message names the file and line.
    """
    data = load_overrides(path)
    where = str(path)
    if not isinstance(data.get("units") or [], list):
        raise _fail(where, data, "units must be a list of unit overrides")
    analysis = _apply_actors(analysis, data.get("actors") or {}, where)
    analysis = _apply_units(analysis, data.get("units") or [], where)
    return _apply_relations(analysis, data.get("relations") or {}, where)


def _list_of_str(value: Any, what: str, where: str, item: Any) -> list[str]:
    """A YAML list of non-empty strings; a bare string is not split into letters."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, item, f"{what} must be a list of non-empty strings, not {value!r}")
    return [v.strip() for v in value]


def _fail(where: str, item: Any, message: str) -> NewsbriefError:
    line = item.get("__line__", "?") if isinstance(item, dict) else "?"
    return NewsbriefError(f"{where}:{line}: {message}")


def _find_unit(analysis: Analysis, item: dict, where: str) -> int:
    match = item.get("match")
    if isinstance(match, int) and not isinstance(match, bool):
        if 0 <= match < len(analysis.units):
            return match
        raise _fail(where, item, f"no unit with index {match}")
    if isinstance(match, str) and match.strip():
        hits = [u.index for u in analysis.units if u.text.startswith(match.strip())]
        if len(hits) == 1:
            return hits[0]
        problem = "matches no unit" if not hits else f"matches {len(hits)} units"
        raise _fail(where, item, f"override {match!r} {problem}")
    raise _fail(where, item, "each unit override needs `match`: an index or the start of the text")


def _apply_units(analysis: Analysis, items: list, where: str) -> Analysis:
    claims = {c.unit: c for c in analysis.claims}
    actor_ids = {a.id for a in analysis.actors}
    for item in items:
        if not isinstance(item, dict):
            raise _fail(where, item, "each unit override must be a mapping")
        index = _find_unit(analysis, item, where)
        claim = claims.get(index)
        if claim is None:
            raise _fail(where, item, f"unit {index} is a {analysis.units[index].kind}, not a claim")
        changes = {k: v for k, v in item.items() if k not in ("match", "__line__")}
        for key, value in changes.items():
            _check_field(key, value, actor_ids, index, item, where)
        if "actors" in changes:
            changes["actors"] = tuple(changes["actors"])
        curated = tuple(dict.fromkeys((*claim.curated, *changes)))
        claims[index] = replace(claim, **changes, curated=curated)
    ordered = tuple(claims[c.unit] for c in analysis.claims)
    return replace(analysis, claims=ordered)


def _check_field(key: str, value: Any, actor_ids: set[str], index: int, item, where) -> None:
    if key not in _UNIT_FIELDS:
        raise _fail(where, item, f"unknown field {key!r} (one of {sorted(_UNIT_FIELDS)})")
    allowed = _UNIT_FIELDS[key]
    if allowed and value not in allowed:
        raise _fail(where, item, f"{key} must be one of {list(allowed)}, not {value!r}")
    if key == "actors" and set(_list_of_str(value, "actors", where, item)) - actor_ids:
        raise _fail(where, item, f"actors must be a list of known actor ids, not {value!r}")
    if key == "restates" and value is not None and not _earlier_index(value, index):
        raise _fail(where, item, "restates must be the index of an earlier unit or null")
    if key == "attribution" and not (isinstance(value, str) and value.strip()):
        raise _fail(where, item, "attribution must be a non-empty string")


def _earlier_index(value: Any, index: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < index


def _apply_actors(analysis: Analysis, spec: dict, where: str) -> Analysis:
    if not isinstance(spec, dict):
        raise _fail(where, spec, "actors must be a mapping with add/remove")
    actors = list(analysis.actors)
    ids = {a.id for a in actors}
    removed = set(_list_of_str(spec.get("remove"), "actors.remove", where, spec))
    for gone in sorted(removed - ids):
        raise NewsbriefError(f"{where}: actor {gone!r} to remove is not in the analysis")
    actors = [a for a in actors if a.id not in removed]
    added = spec.get("add") or []
    if not isinstance(added, list):
        raise _fail(where, spec, "actors.add must be a list of actors")
    for item in added:
        actor = _new_actor(analysis, item, where)
        if actor.id in {a.id for a in actors}:
            raise _fail(where, item, f"actor id {actor.id!r} exists already")
        actors.append(actor)
    known = {a.id for a in actors}
    for actor in actors:
        if actor.curated and actor.part_of is not None and actor.part_of not in known:
            raise NewsbriefError(f"{where}: part_of {actor.part_of!r} is not an actor id")
    claims = tuple(
        replace(c, actors=tuple(x for x in c.actors if x not in removed))
        if set(c.actors) & removed
        else c
        for c in analysis.claims
    )
    relations = tuple(r for r in analysis.relations if not {r.source, r.target} & removed)
    return replace(analysis, actors=tuple(actors), claims=claims, relations=relations)


def _new_actor(analysis: Analysis, item: Any, where: str) -> Actor:
    if not isinstance(item, dict) or not all(
        isinstance(item.get(k), str) and item[k].strip() for k in ("id", "name")
    ):
        raise _fail(where, item, "an added actor needs at least id and name (text)")
    if item.get("type", "group") not in ACTOR_TYPES:
        raise _fail(where, item, f"actor type must be one of {list(ACTOR_TYPES)}")
    for key in ("code", "part_of"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise _fail(where, item, f"{key} must be text")
    aliases = tuple(_list_of_str(item.get("aliases"), "aliases", where, item) or [item["name"]])
    mentions = []
    for u in analysis.units:
        for alias in aliases:
            for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", u.text):
                mentions.append(Mention(u.index, u.start + m.start(), u.start + m.end(), alias))
    return Actor(
        id=str(item["id"]),
        name=str(item["name"]),
        type=item.get("type", "group"),
        code=item.get("code"),
        aliases=aliases,
        part_of=item.get("part_of"),
        mentions=tuple(sorted(mentions, key=lambda m: (m.unit, m.start))),
        origin="curated",
        curated=True,
    )


def _apply_relations(analysis: Analysis, spec: dict, where: str) -> Analysis:
    if not isinstance(spec, dict):
        raise _fail(where, spec, "relations must be a mapping with add/remove")
    relations = list(analysis.relations)
    for key in ("add", "remove"):
        if not isinstance(spec.get(key) or [], list):
            raise _fail(where, spec, f"relations.{key} must be a list")
    for item in spec.get("remove") or []:
        keep = [r for r in relations if not _same_relation(r, item)]
        if len(keep) == len(relations):
            raise _fail(where, item, "relation to remove matches nothing")
        relations = keep
    ids = {a.id for a in analysis.actors}
    for item in spec.get("add") or []:
        relations.append(_new_relation(analysis, item, ids, where))
    return replace(analysis, relations=tuple(relations))


def _same_relation(r: Relation, item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    return (r.source, r.target) == (item.get("source"), item.get("target")) and (
        "type" not in item or r.type == item["type"]
    )


def _new_relation(analysis: Analysis, item: Any, ids: set[str], where: str) -> Relation:
    if not isinstance(item, dict) or not {"source", "target", "type"} <= set(item):
        raise _fail(where, item, "an added relation needs source, target and type")
    if item["source"] not in ids or item["target"] not in ids:
        raise _fail(where, item, "relation source and target must be known actor ids")
    if not all(isinstance(item[k], str) for k in ("source", "target", "type")) or not re.fullmatch(
        r"[a-z][a-z_]{0,60}", item["type"]
    ):
        raise _fail(where, item, "relation type must be a short lower-case word (a_b_c)")
    event_class = item.get("class")
    if event_class is not None and event_class not in CLASS_POLARITY:
        raise _fail(where, item, f"class must be one of {sorted(CLASS_POLARITY)}")
    polarity = CLASS_POLARITY[event_class] if event_class else item.get("polarity", "cooperative")
    if polarity not in POLARITIES:
        raise _fail(where, item, f"polarity must be one of {list(POLARITIES)}")
    given = item.get("evidence") or []
    if not isinstance(given, list):
        raise _fail(where, item, "evidence must be a list of unit indices")
    evidence = []
    for index in given:
        if not _earlier_index(index, len(analysis.units)):
            raise _fail(where, item, f"evidence {index!r} is not a unit index")
        u = analysis.units[index]
        evidence.append(Evidence(u.index, u.start, u.end, u.text))
    return Relation(
        source=item["source"],
        target=item["target"],
        type=str(item["type"]),
        polarity=polarity,
        evidence=tuple(evidence),
        weak=False,
        cues=("curated",),
        curated=True,
        event_class=event_class,
    )
