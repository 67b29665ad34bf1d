"""Gold files (ANNOTATION.md): reading them with clean errors, and aligning their units.

The evaluator and the cross-validation both start here: a gold file is
checked when it is loaded, its units are found in the article's text, and
each gold unit is matched to the unit the toolkit produced for the same span.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .config import PROJ_ROOT, read_yaml_text, unique_key_loader, yaml_problem
from .errors import NewsbriefError
from .model import UNIT_KINDS
from .vocabulary import CATEGORIES, GENRES, MODALITIES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .model import Analysis

__all__ = ["align", "gold_spans", "load_gold", "resolve_article", "same_source"]


_ARTICLES = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_GOLD_UNIT_TYPES: dict[str, tuple[type, ...]] = {
    "kind": (str,),
    "category": (str, type(None)),
    "modality": (str, type(None)),
    "attribution": (str, type(None)),
    "also": (list, type(None)),
    "actors": (list, type(None)),
    "restates": (int, type(None)),
}


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold YAML file and check the fields the evaluation needs."""
    try:
        gold = yaml.load(read_yaml_text(path, "gold file"), Loader=unique_key_loader())
    except yaml.constructor.ConstructorError as exc:
        raise yaml_problem(path, exc) from None
    except yaml.YAMLError as exc:
        raise NewsbriefError(f"{path}: cannot read gold file ({exc})") from None
    if not isinstance(gold, dict) or not gold.get("units"):
        # `units:` with nothing after it (None) was an internal error, and an
        # empty list scored nothing: every character of an article is in a unit.
        raise NewsbriefError(f"{path}: a gold file needs `units` (see ANNOTATION.md)")
    _check_gold_types(gold, path)
    return gold


#: The values ANNOTATION.md allows: a misspelt label ("assesment") was scored
#: as a category nobody predicts, and a unit of an unknown kind was dropped.
_GOLD_UNIT_VALUES: dict[str, tuple[str, ...]] = {
    "kind": UNIT_KINDS,
    "category": CATEGORIES,
    "modality": MODALITIES,
}


def _check_gold_unit(u: Any, i: int, path: str | Path, actor_ids: set[str]) -> None:
    if not isinstance(u, dict):
        raise NewsbriefError(f"{path}: unit {i} is not a mapping")
    for key, types in _GOLD_UNIT_TYPES.items():
        value = u.get(key)
        if not isinstance(value, types) or isinstance(value, bool):
            raise NewsbriefError(f"{path}: unit {i}: `{key}` has the wrong type")
        if isinstance(value, list) and not all(isinstance(x, str) for x in value):
            raise NewsbriefError(f"{path}: unit {i}: `{key}` must list strings")
    for key, allowed in _GOLD_UNIT_VALUES.items():
        if u.get(key) is not None and u[key] not in allowed:
            raise NewsbriefError(f"{path}: unit {i}: {key} {u[key]!r} is not one of {allowed}")
    strange = sorted(set(u.get("also") or []) - set(CATEGORIES))
    if strange:
        raise NewsbriefError(f"{path}: unit {i}: `also` names no category: {strange}")
    _check_gold_numbers(u, i, path)
    unknown = sorted(set(u.get("actors") or []) - actor_ids)
    if unknown:
        raise NewsbriefError(f"{path}: unit {i}: actors {unknown} are not in `actors`")


def _check_gold_numbers(u: dict[str, Any], i: int, path: str | Path) -> None:
    """Units are numbered 0, 1, 2... in order and restate an earlier one (ANNOTATION.md).

    A text ``index`` was an internal error in the cross-validation, a repeated
    one silently aligned two gold units to one, and a ``restates`` of a later
    or missing unit scored a link that cannot exist.
    """
    index = u.get("index", i)
    if index != i or isinstance(index, bool):
        raise NewsbriefError(f"{path}: unit {i}: `index` must be {i} (units are numbered in order)")
    restates = u.get("restates")
    if restates is not None and not 0 <= restates < i:
        raise NewsbriefError(f"{path}: unit {i}: `restates` {restates} is not an earlier unit")


def _check_gold_types(gold: dict[str, Any], path: str | Path) -> None:
    """Refuse entries of the wrong shape before any score is computed from them."""
    for key in ("units", "actors", "relations"):
        if not isinstance(gold.get(key) or [], list):
            raise NewsbriefError(f"{path}: `{key}` must be a list")
    if gold.get("genre") is not None and gold["genre"] not in GENRES:
        raise NewsbriefError(f"{path}: genre {gold['genre']!r} is not one of {GENRES}")
    ids = _check_gold_actors(gold.get("actors") or [], path)
    for i, u in enumerate(gold["units"]):
        _check_gold_unit(u, i, path, ids)
    for k, item in enumerate(gold.get("relations") or []):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(f), str) for f in ("source", "target", "type")
        ):
            raise NewsbriefError(f"{path}: relation {k} needs text source, target and type")
        if not {item["source"], item["target"]} <= ids:
            raise NewsbriefError(f"{path}: relation {k}: source and target must be actor ids")


def _check_gold_actors(actors: list[Any], path: str | Path) -> set[str]:
    """The actors' ids, once each is checked; units and relations may name no other."""
    for k, item in enumerate(actors):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise NewsbriefError(f"{path}: actor {k} needs a text `id`")
        if not all(isinstance(a, str) for a in item.get("aliases") or []):
            raise NewsbriefError(f"{path}: actor {k}: aliases must be strings")
        if not all(isinstance(item.get(f) or "", str) for f in ("name", "type", "part_of")):
            raise NewsbriefError(f"{path}: actor {k}: name, type and part_of must be text")
        if not isinstance(item.get("core", True), bool):  # "no" is a true string
            raise NewsbriefError(f"{path}: actor {k}: core must be true or false")
    ids = {item["id"] for item in actors}
    for k, item in enumerate(actors):
        if item.get("part_of") is not None and item["part_of"] not in ids:
            raise NewsbriefError(f"{path}: actor {k}: part_of {item['part_of']!r} is not an id")
    return ids


def resolve_article(gold: dict[str, Any], gold_path: Path) -> Path:
    """The gold file's article: relative to the working folder, the project or the file."""
    rel = Path(str(gold.get("article", "")))
    for base in (Path.cwd(), PROJ_ROOT, gold_path.parent):
        candidate = base / rel
        try:
            if rel.parts and candidate.is_file():
                return candidate
        except OSError:  # a name too long for the system: not found, as any other miss
            continue
    raise NewsbriefError(f"{gold_path}: article {rel} not found")


def gold_spans(
    gold: dict[str, Any], text: str, where: str | Path = "gold"
) -> list[tuple[int, int]]:
    """Each gold unit's span, checked against the article.

    A gold file made for another article, or edited out of step with it, is
    refused: offsets must lie inside the text, in order, on non-blank
    characters; a unit's ``text`` (when given) must be what stands there; and
    an ``article_sha256`` (when given) must be the article's.

    Raises
    ------
    NewsbriefError
        Naming the gold file and the first unit that does not fit.
    """
    expected = gold.get("article_sha256")
    if expected and expected != hashlib.sha256(text.encode("utf-8")).hexdigest():
        raise NewsbriefError(f"{where}: made for another version of the article (sha256 differs)")
    spans: list[tuple[int, int]] = []
    cursor = 0
    for i, u in enumerate(gold["units"]):
        if not isinstance(u, dict):
            raise NewsbriefError(f"{where}: unit {i} is not a mapping")
        if "start" in u and "end" in u:
            start, end = u["start"], u["end"]
            if not isinstance(start, int) or not isinstance(end, int):
                raise NewsbriefError(f"{where}: unit {i}: start and end must be whole numbers")
            piece = text[start:end] if 0 <= start < end <= len(text) else ""
            if not piece or piece != piece.strip() or start < cursor:
                raise NewsbriefError(
                    f"{where}: unit {i} ({start}-{end}) does not fit the article's text"
                )
            if "text" in u and u["text"] != piece:
                raise NewsbriefError(f"{where}: unit {i}: text differs from the article")
            spans.append((start, end))
        elif isinstance(u.get("text"), str):
            at = text.find(u["text"], cursor)
            if at < 0:
                raise NewsbriefError(
                    f"{where}: unit {i} not found in the article: {u['text'][:60]!r}"
                )
            spans.append((at, at + len(u["text"])))
        else:
            raise NewsbriefError(f"{where}: unit {i} needs start/end or text")
        cursor = spans[-1][1]
    return spans


def align(gold_spans: list[tuple[int, int]], analysis: Analysis) -> list[int | None]:
    """For each gold unit, the predicted unit that overlaps it most."""
    out: list[int | None] = []
    for gs, ge in gold_spans:
        best, best_overlap = None, 0
        for u in analysis.units:
            overlap = min(ge, u.end) - max(gs, u.start)
            if overlap > best_overlap:
                best, best_overlap = u.index, overlap
        out.append(best)
    return out


def _norm_source(s: str | None) -> str:
    s = _ARTICLES.sub("", (s or "author").strip()).lower()
    return re.sub(r"[^\w\s-]", "", s).strip()


def same_source(
    gold: str | None,
    pred: str | None,
    actors: list[dict] | None = None,
    acronyms: Mapping[str, str] | None = None,
) -> bool:
    """Sources match when equal, nested, or sharing a last word.

    They also match when both name the same gold actor ("the DFA" and
    "Department of Foreign Affairs"), and when one is an acronym the article
    defines and the other is, by those rules, the name it stands for:
    "KCNA" and "the Korean Central News Agency" of a text that wrote
    "Korean Central News Agency (KCNA)" are one source, as a reader takes
    them. ``acronyms`` maps each acronym of the article to its name
    (:func:`newsbrief.acronyms.defined_names`).
    """
    g, p = _norm_source(gold), _norm_source(pred)
    if g == p:
        return True
    if "author" in (g, p):
        return False
    if _same_name(g, p, actors):
        return True
    spelt = {_norm_source(a): _norm_source(n) for a, n in (acronyms or {}).items()}
    return (g in spelt and _same_name(spelt[g], p, actors)) or (
        p in spelt and _same_name(g, spelt[p], actors)
    )


def _same_name(g: str, p: str, actors: list[dict] | None) -> bool:
    """Two normalized sources, neither the author, name one source."""
    if g == p or g in p or p in g or g.split()[-1] == p.split()[-1]:
        return True
    for actor in actors or []:
        names = {_norm_source(str(x)) for x in (*actor.get("aliases", []), actor.get("name", ""))}
        if g in names and any(len(n) > 2 and n in p for n in names):
            return True
    return False
