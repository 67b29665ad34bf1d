"""Leave-one-article-out evaluation: ``newsbrief evaluate --cv GOLD_DIR``.

A score on an article the model was fitted on is a training score. Here every
article is predicted by models fitted on all the *other* gold files, and the
same rows are scored for the baselines (majority class of the training folds,
always asserted, always author, the hand-written rules), so the figures can
be read side by side. Scores are pooled over every gold claim; per-genre
rows and the category confusion matrix follow.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .acronyms import defined_names
from .analysis import Settings, assemble_with_reading, read_with_claims
from .article import read_source
from .claims import GENRES, default_models, joint_category, load_cues
from .claims.document import document_signals
from .claims.genre import model_genre, rule_genre
from .claims.restatement import restatements
from .claims.train import (
    FIT_GENRE,
    GoldArticle,
    fit_genre,
    fit_models,
    genre_training,
    headline_names_genre,
    rows_of,
)
from .curation import apply_overrides, article_of_overrides, find_overrides
from .errors import NewsbriefError
from .evaluate import (
    Scores,
    align,
    evaluate,
    gold_spans,
    load_gold,
    resolve_article,
    same_source,
)
from .model import CATEGORIES
from .nlp import parse
from .parsed import parse_article
from .units import split_blocks

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from .claims.model import LinearModel
    from .claims.train import Row
    from .model import Source

__all__ = [
    "CVResult",
    "Prediction",
    "accuracy",
    "confusion",
    "cross_validate",
    "curated_articles",
    "format_cv",
    "genre_scores",
    "half_scores",
    "load_gold_articles",
    "macro_f1",
    "prf",
]

SYSTEMS = ("model", "rules", "majority", "always asserted", "always author")
# Each baseline is a baseline of some fields only; its row shows just those.
_BASELINE_FIELDS = {
    "majority": ("category lenient", "category strict", "category macro-F1"),
    "always asserted": ("modality",),
    "always author": ("attribution",),
}


@dataclass(frozen=True)
class Prediction:
    """One gold claim with what one system said of it."""

    article: str
    genre: str
    gold_category: str
    also: tuple[str, ...]
    category: str | None
    gold_modality: str
    modality: str | None
    attribution_ok: bool


@dataclass
class CVResult:
    """Predictions per system, restatement counts and the articles' names."""

    predictions: dict[str, list[Prediction]] = field(default_factory=dict)
    restatement: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    structure: dict[str, float] = field(default_factory=dict)
    halves: dict[str, dict[str, float]] = field(default_factory=dict)
    # Per article: (gold genre, {system: predicted genre}).
    genres: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)


def accuracy(gold: Sequence[str], pred: Sequence[str | None]) -> float:
    """Share of positions where ``pred`` equals ``gold`` (1.0 when empty)."""
    if not gold:
        return 1.0
    return sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (an empty side counts as perfect)."""
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1(gold: Sequence[str], pred: Sequence[str | None], labels: Sequence[str]) -> float:
    """Mean F1 over the labels that occur in gold or prediction."""
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == label)
        n_pred = sum(1 for p in pred if p == label)
        n_gold = sum(1 for g in gold if g == label)
        if n_pred or n_gold:
            scores.append(prf(tp, n_pred, n_gold)[2])
    return sum(scores) / len(scores) if scores else 1.0


def confusion(
    gold: Sequence[str], pred: Sequence[str | None], labels: Sequence[str]
) -> list[list[int]]:
    """Counts: row = gold label, column = predicted label (an unknown one is dropped)."""
    index = {label: k for k, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        if g in index and p in index:
            matrix[index[g]][index[p]] += 1
    return matrix


def load_gold_articles(
    gold_dir: str | Path,
    settings: Settings | None = None,
    models: Any = None,
    *,
    at_least: int = 1,
) -> list[GoldArticle]:
    """Analyze the article of every gold file in a folder and align the gold to it.

    The genre of each article is read by a genre model fitted on the *other*
    gold files (when FIT_GENRE), so the genre every claim sees as a feature is
    as wrong, on the gold, as it is on an article nobody labelled.

    ``at_least`` is counted before any article is analyzed: leave-one-article-out
    on one gold file said "no gold claims to train on", after its analysis.
    """
    files = sorted(Path(gold_dir).glob("*.yaml"))
    if not files:
        raise NewsbriefError(f"{gold_dir}: no gold files (*.yaml)")
    if len(files) < at_least:
        raise NewsbriefError(
            f"{gold_dir}: {len(files)} gold file(s); leave-one-article-out needs {at_least} or more"
        )
    settings = settings or Settings()
    cues = load_cues(settings.claims_lexicon)
    parsed = []
    for path in files:
        gold = load_gold(path)
        source = read_source(resolve_article(gold, path))
        blocks = split_blocks(source.text, source.line_kinds)
        docs = list(parse(b.text for b in blocks))
        units = parse_article(source.text, blocks, docs)
        signals = document_signals(units.units, units.spans, cues)
        genre = str(gold.get("genre") or rule_genre(units.units, cues)[0])
        parsed.append((path, gold, source, blocks, docs, signals, genre))
    base = dict(default_models() if models is None else models)
    base.pop("genre", None)
    out = []
    for k, (path, gold, source, blocks, docs, signals, genre) in enumerate(parsed):
        fold = dict(base)
        if FIT_GENRE:
            others = [p for j, p in enumerate(parsed) if j != k and not headline_names_genre(p[5])]
            if others:  # a lone gold file has no other to learn the genre from
                fold["genre"] = fit_genre([p[5] for p in others], [p[6] for p in others])
        analysis, reading = assemble_with_reading(source, blocks, docs, settings, fold)
        spans = gold_spans(gold, source.text, path)
        aligned = align(spans, analysis)
        art = GoldArticle(
            name=path.stem,
            genre=genre,
            gold=gold,
            analysis=analysis,
            reading=reading,
            alignment={
                int(u.get("index", i)): k
                for i, (u, k) in enumerate(zip(gold["units"], aligned, strict=True))
            },
            signals=signals,
            rule_genre=rule_genre(analysis.units, cues)[0],
        )
        claims = [
            {**u, "index": int(u.get("index", i))}
            for i, u in enumerate(gold["units"])
            if u.get("kind") == "claim"
        ]
        art.rows = rows_of(claims, art)
        out.append(art)
    return out


def curated_articles(
    articles: Sequence[str | Path], overrides: Sequence[str | Path] = ()
) -> list[GoldArticle]:
    """Articles whose analyst overrides count as gold for training.

    Every unit whose category or modality an analyst set in the article's
    overrides file becomes a training row; the field the analyst left alone
    keeps the toolkit's own decision. ``articles`` are read with the file
    beside each (``ARTICLE.overrides.yaml``), ``overrides`` are such files,
    each read with the article beside it (``newsbrief train --curated`` and
    ``--overrides``); an article named both ways is learnt from once.
    """
    # Each article is read first: a missing one is "no such file", not "no overrides".
    pairs = [(read_source(path), Path(path), _overrides_beside(path)) for path in articles]
    for path in overrides:
        article = article_of_overrides(path)
        pairs.append((read_source(article), article, Path(path)))
    seen: set[tuple[Path, Path]] = set()
    out = []
    for source, path, chosen in pairs:
        key = (path.resolve(), chosen.resolve())
        if key not in seen:
            seen.add(key)
            out.append(_curated_article(source, path, chosen))
    return out


def _overrides_beside(article: str | Path) -> Path:
    overrides = find_overrides(article)
    if overrides is None:
        raise NewsbriefError(f"{article}: no overrides file beside it (ARTICLE.overrides.yaml)")
    return overrides


def _curated_article(source: Source, path: Path, overrides: Path) -> GoldArticle:
    analysis, reading = read_with_claims(source)
    curated = apply_overrides(analysis, overrides)
    claims = [
        {"index": c.unit, "category": c.category, "modality": c.modality}
        for c in curated.claims
        if c.category is not None and {"category", "modality"} & set(c.curated)
    ]
    art = GoldArticle(
        name=path.stem,
        genre=analysis.article.genre,
        gold={},
        analysis=analysis,
        reading=reading,
        alignment={u.index: u.index for u in analysis.units},
    )
    art.rows = rows_of(claims, art)
    return art


def _predict(rows: Sequence[Row], model: LinearModel | None, field_name: str) -> list[str | None]:
    if model is None:
        return [getattr(r, f"rule_{field_name}") for r in rows]
    return [model.predict(r.features)[0] if r.unit is not None else None for r in rows]


def _restatement_counts(art: GoldArticle, model: LinearModel | None) -> tuple[int, int, int]:
    """(true positives, predicted links, gold links), on aligned predicted units."""
    gold_links = set()
    for row in art.rows:
        target = art.alignment.get(int(row.restates)) if row.restates is not None else None
        if row.unit is not None and target is not None:
            gold_links.add((row.unit, target))
    n_gold = sum(1 for r in art.rows if r.restates is not None)
    if model is None:
        return 0, 0, n_gold
    claims = [c for c in art.reading.claims if c.category is not None]
    linked = restatements(claims, art.reading.bags, model)
    pred = {(c.unit, c.restates) for c in linked if c.restates is not None}
    return len(pred & gold_links), len(pred), n_gold


def cross_validate(articles: Sequence[GoldArticle]) -> CVResult:
    """Leave each article out in turn; fit on the rest; predict it with every system."""
    result = CVResult(predictions={s: [] for s in SYSTEMS}, articles=[a.name for a in articles])
    tallies = {s: [0, 0, 0] for s in ("model", "none", *HALVES)}
    for k, held in enumerate(articles):
        train = [a for j, a in enumerate(articles) if j != k]
        models = fit_models(train)
        majority = Counter(r.category for a in train for r in a.rows).most_common(1)[0][0]
        majority_mod = Counter(r.modality for a in train for r in a.rows).most_common(1)[0][0]
        if held.signals:
            gx, gy = genre_training(train)
            result.genres[held.name] = (
                held.genre,
                {
                    "model": model_genre(fit_genre(gx, gy), held.signals)
                    if gx
                    else held.rule_genre,
                    "rules": held.rule_genre,
                    "majority": Counter(gy).most_common(1)[0][0],
                },
            )
        rows = held.rows
        acronyms = defined_names(held.analysis.text)
        att = [
            same_source(r.attribution, r.pred_attribution, held.gold.get("actors"), acronyms)
            if r.pred_attribution
            else False
            for r in rows
        ]
        author = [same_source(r.attribution, "author") for r in rows]
        # The category follows a prescriptive modality and the scene rule, as
        # :func:`.claims.decide` has it.
        model_mods = _predict(rows, models["modality"], "modality")
        model_cats = [
            joint_category(c, m, r.features) if c is not None and m is not None else c
            for c, m, r in zip(
                _predict(rows, models["category"], "category"), model_mods, rows, strict=True
            )
        ]
        systems: dict[str, tuple[Sequence[str | None], Sequence[str | None], Sequence[bool]]] = {
            "model": (model_cats, model_mods, att),
            "rules": (_predict(rows, None, "category"), _predict(rows, None, "modality"), att),
            "majority": ([majority] * len(rows), [majority_mod] * len(rows), author),
            "always asserted": ([majority] * len(rows), ["asserted"] * len(rows), author),
            "always author": ([majority] * len(rows), [majority_mod] * len(rows), author),
        }
        for name, (cats, mods, atts) in systems.items():
            result.predictions[name].extend(
                Prediction(held.name, held.genre, r.category, r.also, c, r.modality, m, a)
                for r, c, m, a in zip(rows, cats, mods, atts, strict=True)
            )
        for name, model in (("model", models.get("restatement")), ("none", None)):
            tp, n_pred, n_gold = _restatement_counts(held, model)
            tallies[name][0] += tp
            tallies[name][1] += n_pred
            tallies[name][2] += n_gold
            if name == "model":
                counts = tallies[HALVES[k % 2]]
                counts[:] = [counts[0] + tp, counts[1] + n_pred, counts[2] + n_gold]
    result.restatement = {k: (v[0], v[1], v[2]) for k, v in tallies.items() if k not in HALVES}
    scores = [evaluate(a.gold, a.analysis) for a in articles]
    result.structure = _mean_structure(scores)
    for i, half in enumerate(HALVES):
        result.halves[half] = _mean_structure(scores[i::2])
        result.halves[half]["restatement_f1"] = prf(*tallies[half])[2]
    return result


STRUCTURE_FIELDS = (
    "actor_precision",
    "actor_recall",
    "actor_f1",
    "relation_precision",
    "relation_recall",
    "relation_f1",
    "relation_polarity_f1",
    "relation_class_f1",
)


def _mean_structure(scores: Sequence[Scores]) -> dict[str, float]:
    return {f: sum(getattr(s, f) for s in scores) / len(scores) for f in STRUCTURE_FIELDS}


def field_scores(preds: Iterable[Prediction]) -> dict[str, float]:
    """Lenient and strict category accuracy, macro-F1, modality and attribution."""
    preds = list(preds)
    gold = [p.gold_category for p in preds]
    cats = [p.category for p in preds]
    lenient = [p.category if p.category in p.also else p.gold_category for p in preds]
    return {
        "n": len(preds),
        "category lenient": accuracy(lenient, cats),
        "category strict": accuracy(gold, cats),
        "category macro-F1": macro_f1(gold, cats, CATEGORIES),
        "modality": accuracy([p.gold_modality for p in preds], [p.modality for p in preds]),
        "attribution": sum(p.attribution_ok for p in preds) / len(preds) if preds else 1.0,
    }


HALVES = ("development", "held-out")
GENRE_SYSTEMS = ("model", "rules", "majority")


def genre_scores(result: CVResult) -> dict[str, dict[str, float]]:
    """Genre accuracy per system (fitted model, hand rules, majority genre of the folds).

    One article is one decision: accuracy over all articles and over each half.
    """
    half_of = {name: HALVES[k % 2] for k, name in enumerate(result.articles)}
    groups = {"all": list(result.genres)}
    groups.update({h: [n for n in result.genres if half_of.get(n) == h] for h in HALVES})
    return {
        system: {
            group: accuracy(
                [result.genres[n][0] for n in names], [result.genres[n][1][system] for n in names]
            )
            for group, names in groups.items()
        }
        for system in GENRE_SYSTEMS
    }


def _genre_lines(result: CVResult) -> list[str]:
    if not result.genres:
        return []
    used = "the model" if FIT_GENRE else "the rules"
    lines = [
        "",
        f"Genre (one decision per article; the claims read the genre of {used}):",
        "",
        "| system | articles | all | development | held-out |",
        "|---|---|---|---|---|",
    ]
    for system, s in genre_scores(result).items():
        lines.append(
            f"| {system} | {len(result.genres)} | {s['all']:.3f} "
            f"| {s['development']:.3f} | {s['held-out']:.3f} |"
        )
    system = "model" if FIT_GENRE else "rules"
    gold = [g for g, _ in result.genres.values()]
    pred = [p[system] for _, p in result.genres.values()]
    lines += ["", f"Genre confusion ({system}; rows gold, columns predicted):", ""]
    lines.append("| gold \\ predicted | " + " | ".join(GENRES) + " |")
    lines.append("|---|" + "---|" * len(GENRES))
    for genre, row in zip(GENRES, confusion(gold, pred, GENRES), strict=True):
        lines.append(f"| {genre} | " + " | ".join(str(x) for x in row) + " |")
    return lines


def half_scores(result: CVResult, system: str = "model") -> dict[str, dict[str, float]]:
    """Scores on the two halves of the gold: articles at even and at odd sorted index.

    Whoever tunes a rule or a lexicon looks at errors on the development half
    only; a change that helps there but not on the held-out half is tuned to
    the articles looked at, not general. Both halves are printed beside the
    total so that check needs no script of its own.
    """
    half_of = {name: HALVES[k % 2] for k, name in enumerate(result.articles)}
    preds = result.predictions[system]
    return {h: field_scores(p for p in preds if half_of.get(p.article) == h) for h in HALVES}


def _half_lines(result: CVResult) -> list[str]:
    cols = ["category lenient", "category strict", "category macro-F1", "modality"]
    lines = [
        "",
        "Gold halves (sorted index even: development, odd: held-out; model | rules):",
        "",
        "| half | claims | lenient | (rules) | strict | (rules) | macro-F1 | (rules) "
        "| modality | (rules) |",
        "|---|" + "---|" * 9,
    ]
    model, rules = half_scores(result, "model"), half_scores(result, "rules")
    for half in HALVES:
        m, r = model[half], rules[half]
        cells = [f"{m[c]:.3f} | {r[c]:.3f}" for c in cols]
        lines.append(f"| {half} | {int(m['n'])} | " + " | ".join(cells) + " |")
    return lines


def _structure_half_lines(result: CVResult) -> list[str]:
    cols = ["actor_f1", "relation_f1", "relation_polarity_f1", "relation_class_f1"]
    lines = [
        "",
        "| half | actor F1 | relation F1 | +polarity | +class | restatement F1 |",
        "|---|" + "---|" * 5,
    ]
    for half, s in result.halves.items():
        cells = [f"{s[c]:.3f}" for c in (*cols, "restatement_f1")]
        lines.append(f"| {half} | " + " | ".join(cells) + " |")
    return lines


def format_cv(result: CVResult) -> str:
    """The report ``newsbrief evaluate --cv`` prints (Markdown tables)."""
    cols = ["category lenient", "category strict", "category macro-F1", "modality", "attribution"]
    lines = [
        f"Leave-one-article-out over {len(result.articles)} gold files "
        f"({len(result.predictions['model'])} claims).",
        "",
        "| system | " + " | ".join(cols) + " |",
        "|---|" + "---|" * len(cols),
    ]
    for name in SYSTEMS:
        s = field_scores(result.predictions[name])
        shown = _BASELINE_FIELDS.get(name, cols)
        cells = [f"{s[c]:.3f}" if c in shown else "–" for c in cols]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += _half_lines(result)
    lines += _genre_lines(result)
    lines += ["", "Restatement links (precision / recall / F1):", ""]
    for name, (tp, n_pred, n_gold) in result.restatement.items():
        p, r, f = prf(tp, n_pred, n_gold)
        lines.append(f"- {name}: {p:.3f} / {r:.3f} / {f:.3f} ({tp} of {n_gold} gold links)")
    lines += ["", "Actors and relations (rules; mean over articles):", ""]
    lines += [f"- {name.replace('_', ' ')}: {v:.3f}" for name, v in result.structure.items()]
    lines += _structure_half_lines(result)
    lines += ["", "Per genre (model | majority baseline):", ""]
    lines += [
        "| genre | claims | lenient | (base) | strict | (base) | macro-F1 | (base) "
        "| modality | (base) |",
        "|---|" + "---|" * 9,
    ]
    for genre in GENRES:
        mine = [p for p in result.predictions["model"] if p.genre == genre]
        base = [p for p in result.predictions["majority"] if p.genre == genre]
        if not mine:
            continue
        m, b = field_scores(mine), field_scores(base)
        lines.append(
            f"| {genre} | {len(mine)} | {m['category lenient']:.3f} | {b['category lenient']:.3f} "
            f"| {m['category strict']:.3f} | {b['category strict']:.3f} "
            f"| {m['category macro-F1']:.3f} | {b['category macro-F1']:.3f} "
            f"| {m['modality']:.3f} | {b['modality']:.3f} |"
        )
    lines += ["", "Category confusion (model; rows gold, columns predicted):", ""]
    preds = result.predictions["model"]
    matrix = confusion([p.gold_category for p in preds], [p.category for p in preds], CATEGORIES)
    lines.append("| gold \\ predicted | " + " | ".join(CATEGORIES) + " |")
    lines.append("|---|" + "---|" * len(CATEGORIES))
    for cat, row in zip(CATEGORIES, matrix, strict=True):
        lines.append(f"| {cat} | " + " | ".join(str(x) for x in row) + " |")
    return "\n".join(lines) + "\n"
