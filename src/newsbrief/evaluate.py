"""Score an analysis against a hand-made gold file (ANNOTATION.md format).

Units are aligned by character overlap, so a gold file keyed by ``start``/
``end`` offsets works on an article whose text may not be copied. Actors
match by id or by a shared alias; relations match on their (source, target)
pair after actor matching, both ways for symmetric relation types.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import vocabulary
from .acronyms import defined_names
from .analysis import Settings
from .config import DEFAULT_MAX_BYTES
from .curation import curated_analysis
from .gold import (
    align,
    gold_spans,
    load_gold,
    resolve_article,
    same_source,
)
from .relations import load_lexicon

if TYPE_CHECKING:
    from .model import Analysis

__all__ = [
    "Scores",
    "align",
    "evaluate",
    "evaluate_files",
    "format_scores",
    "gold_spans",
    "load_gold",
    "resolve_article",
    "same_source",
]

_SYMMETRIC_HINT = re.compile(r"(_with|^met|^clash|^talk|^negotiat|ally)")


@dataclass(frozen=True)
class Scores:
    """Every figure ``newsbrief evaluate`` prints."""

    article: str
    units_gold: int
    unit_span_match: float
    claims: int
    category_accuracy: float
    category_macro_f1: float
    modality_accuracy: float
    attribution_accuracy: float
    restatement_precision: float
    restatement_recall: float
    restatement_f1: float
    actor_precision: float
    actor_recall: float
    actor_f1: float
    relation_precision: float
    relation_recall: float
    relation_f1: float
    relation_polarity_f1: float
    relation_class_f1: float


def _prf(
    tp: int, n_pred: int, n_gold: int, tp_gold: int | None = None
) -> tuple[float, float, float]:
    """Precision, recall and F1; ``tp_gold`` counts recalled gold items when it differs."""
    p = tp / n_pred if n_pred else 1.0
    r = (tp if tp_gold is None else tp_gold) / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _macro_f1(pairs: list[tuple[str | None, str | None]]) -> float:
    f1s = []
    for cat in vocabulary.CATEGORIES:
        tp = sum(1 for g, p in pairs if g == cat and p == cat)
        n_pred = sum(1 for _, p in pairs if p == cat)
        n_gold = sum(1 for g, _ in pairs if g == cat)
        if n_pred or n_gold:
            f1s.append(_prf(tp, n_pred, n_gold)[2])
    return round(sum(f1s) / len(f1s), 4) if f1s else 1.0


def _clusters(links: dict[int, int | None]) -> dict[int, int]:
    root: dict[int, int] = {}
    for i in sorted(links):
        j = links[i]
        root[i] = root.get(j, j) if j is not None else root.get(i, i)
    return root


def _restatement_scores(gold_links, pred_links) -> tuple[float, float, float]:
    groot, proot = _clusters(gold_links), _clusters(pred_links)
    gold_pairs = {i for i, j in gold_links.items() if j is not None}
    pred_pairs = {i for i, j in pred_links.items() if j is not None}
    tp_p = sum(1 for i in pred_pairs if i in groot and groot[i] == groot.get(pred_links[i], -1))
    tp_r = sum(1 for i in gold_pairs if i in proot and proot[i] == proot.get(gold_links[i], -1))
    return _prf(tp_p, len(pred_pairs), len(gold_pairs), tp_r)


def _match_actors(gold_actors: list[dict], analysis: Analysis) -> dict[str, str]:
    """Predicted id -> gold id, one to one: same id first, then a shared alias."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    gold_ids = {a["id"] for a in gold_actors}
    for a in analysis.actors:
        if a.id in gold_ids:
            mapping[a.id] = a.id
            used.add(a.id)
    for a in analysis.actors:
        if a.id in mapping:
            continue
        names = {x.casefold() for x in (*a.aliases, a.name)}
        for g in gold_actors:
            gnames = {str(x).casefold() for x in (*g.get("aliases", []), g.get("name", ""))}
            same_person = a.type == g.get("type") == "person" and _last_name(a.name) == _last_name(
                str(g.get("name", ""))
            )
            if g["id"] not in used and (names & gnames or same_person):
                mapping[a.id] = g["id"]
                used.add(g["id"])
                break
    return mapping


def _last_name(name: str) -> str:
    words = [w.strip(".,").casefold() for w in name.split()]
    words = [w for w in words if w not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else ""


def _relation_set(relations, symmetric: frozenset[str], label: str | None):
    """(source, target, label) -> symmetric?, with ``label`` the polarity, class or nothing."""
    out: dict[tuple[str, str, str | None], bool] = {}
    for r in relations:
        sym = r["type"] in symmetric or bool(_SYMMETRIC_HINT.search(r["type"]))
        key = (r["source"], r["target"], r.get(label) if label else None)
        out[key] = out.get(key, False) or sym  # symmetric when any of its relations is
    return out


def _relation_scores(gold: dict, analysis: Analysis, mapping: dict[str, str], label=None):
    """Relation P/R/F1 by actor pair, or by pair and ``label`` ("polarity" or "class")."""
    symmetric = load_lexicon().symmetric_types
    gp = _relation_set(gold.get("relations", []) or [], symmetric, label)
    pp = _relation_set(
        [
            {
                "source": mapping.get(r.source, r.source),
                "target": mapping.get(r.target, r.target),
                "type": r.type,
                "polarity": r.polarity,
                "class": r.event_class,
            }
            for r in analysis.relations
            if not r.weak
        ],
        symmetric,
        label,
    )

    def hit(rel, sym, pool) -> bool:
        s, t, lab = rel
        return (s, t, lab) in pool or ((t, s, lab) in pool and (sym or pool[(t, s, lab)]))

    tp_p = sum(1 for r, sym in pp.items() if hit(r, sym, gp))
    tp_r = sum(1 for r, sym in gp.items() if hit(r, sym, pp))
    return _prf(tp_p, len(pp), len(gp), tp_r)


def evaluate(gold: dict[str, Any], analysis: Analysis, where: str = "gold") -> Scores:
    """Compare an analysis with a gold annotation.

    Parameters
    ----------
    gold : dict
        A gold file as loaded by :func:`load_gold`.
    analysis : Analysis
        The toolkit's analysis of the same article.
    where : str
        The gold file's name, for the errors of a gold that does not fit.

    Returns
    -------
    Scores
    """
    spans = gold_spans(gold, analysis.text, where)
    aligned = align(spans, analysis)
    exact = sum(
        1
        for (s, e), k in zip(spans, aligned, strict=True)
        if k is not None and (analysis.units[k].start, analysis.units[k].end) == (s, e)
    )
    claims = {c.unit: c for c in analysis.claims}
    cat_pairs, mod_ok, att_ok, n = [], 0, 0, 0
    acronyms = defined_names(analysis.text)
    gold_links: dict[int, int | None] = {}
    pred_links: dict[int, int | None] = {}
    pred_to_gold = {k: i for i, k in enumerate(aligned) if k is not None}
    for i, (g, k) in enumerate(zip(gold["units"], aligned, strict=True)):
        if g.get("kind") != "claim":
            continue
        n += 1
        c = claims.get(k) if k is not None else None
        pred_cat = c.category if c else None
        ok_cats = {g.get("category"), *(g.get("also") or [])}
        cat_pairs.append((pred_cat if pred_cat in ok_cats else g.get("category"), pred_cat))
        mod_ok += bool(c and c.modality == g.get("modality"))
        att_ok += bool(
            c and same_source(g.get("attribution"), c.attribution, gold.get("actors"), acronyms)
        )
        gold_links[i] = g.get("restates")
        target = pred_to_gold.get(c.restates) if c and c.restates is not None else None
        pred_links[i] = target
    mapping = _match_actors(gold.get("actors", []) or [], analysis)
    a_p, a_r, a_f = _prf(len(mapping), len(analysis.actors), len(gold.get("actors", []) or []))
    r_p, r_r, r_f = _relation_scores(gold, analysis, mapping)
    s_p, s_r, s_f = _restatement_scores(gold_links, pred_links)
    acc = sum(1 for g, p in cat_pairs if g == p)
    return Scores(
        article=analysis.article.path,
        units_gold=len(spans),
        unit_span_match=round(exact / len(spans), 4) if spans else 1.0,
        claims=n,
        category_accuracy=round(acc / n, 4) if n else 1.0,
        category_macro_f1=_macro_f1(cat_pairs),
        modality_accuracy=round(mod_ok / n, 4) if n else 1.0,
        attribution_accuracy=round(att_ok / n, 4) if n else 1.0,
        restatement_precision=s_p,
        restatement_recall=s_r,
        restatement_f1=s_f,
        actor_precision=a_p,
        actor_recall=a_r,
        actor_f1=a_f,
        relation_precision=r_p,
        relation_recall=r_r,
        relation_f1=r_f,
        relation_polarity_f1=_relation_scores(gold, analysis, mapping, "polarity")[2],
        relation_class_f1=_relation_scores(gold, analysis, mapping, "class")[2],
    )


def evaluate_files(
    gold_path: str | Path,
    article: str | Path | None = None,
    max_bytes: int | None = None,
    settings: Settings | None = None,
    overrides: str | Path | None = None,
) -> Scores:
    """Evaluate the article (or analysis JSON) named by a gold file, or given.

    What is scored is what ``newsbrief analyze`` shows the analyst: the same
    ``settings`` (the user's lexicons) and the same curated overrides (given,
    or ``ARTICLE.overrides.yaml`` beside the article).
    """
    gold = load_gold(gold_path)
    target = Path(article) if article else resolve_article(gold, Path(gold_path))
    analysis = curated_analysis(
        target, max_bytes or DEFAULT_MAX_BYTES, overrides, settings or Settings()
    )
    return evaluate(gold, analysis, str(gold_path))


def format_scores(scores: Scores, fmt: str = "text") -> str:
    """Render scores as aligned text or JSON."""
    data = asdict(scores)
    if fmt == "json":
        return json.dumps(data, indent=2) + "\n"
    width = max(len(k) for k in data)
    return "".join(f"{k:<{width}}  {v}\n" for k, v in data.items())
