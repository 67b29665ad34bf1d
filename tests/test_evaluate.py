"""The gold corpus, the scorer (hand-computed values) and a slice of cross-validation.

The full leave-one-article-out run is ``make eval``; here a few short gold
files are cross-validated so a broken fold, alignment or baseline fails fast.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
import yaml

from newsbrief.acronyms import defined_names
from newsbrief.config import GOLD_DIR, SHARED_CORPUS
from newsbrief.crossval import (
    accuracy,
    confusion,
    cross_validate,
    field_scores,
    format_cv,
    load_gold_articles,
    macro_f1,
    prf,
)
from newsbrief.errors import NewsbriefError
from newsbrief.evaluate import (
    evaluate,
    evaluate_files,
    gold_spans,
    load_gold,
    resolve_article,
    same_source,
)
from newsbrief.vocabulary import CATEGORIES, CLASS_POLARITY, MODALITIES

GOLD_FILES = sorted(GOLD_DIR.glob("*.yaml")) + sorted((GOLD_DIR / "second").glob("*.yaml"))


def _needs_article(gold: dict) -> None:
    if str(gold["article"]).startswith("../shared") and not SHARED_CORPUS.is_dir():
        pytest.skip("shared corpus not available")


def test_scorer_on_hand_computed_values():
    gold = ["event", "event", "context", "assessment"]
    pred = ["event", "context", "context", "event"]
    assert accuracy(gold, pred) == 0.5
    # event: P 1/2 R 1/2 F 0.5; context: P 1/2 R 1 F 2/3; assessment: F 0 -> mean 7/18
    assert macro_f1(gold, pred, CATEGORIES) == pytest.approx(7 / 18)
    assert confusion(gold, pred, ("event", "context", "assessment")) == [
        [1, 1, 0],
        [0, 1, 0],
        [1, 0, 0],
    ]
    assert prf(2, 4, 8) == pytest.approx((0.5, 0.25, 1 / 3))
    assert prf(0, 0, 0) == (1.0, 1.0, 1.0)


def test_attribution_takes_an_acronym_for_the_name_the_article_defines():
    text = "The Harbour Safety Board (HSB) closed the port. The HSB said the Tidal Office agreed."
    acronyms = defined_names(text)
    assert acronyms == {"HSB": "Harbour Safety Board"}
    pairs = [  # (gold, predicted)
        ("Harbour Safety Board", "HSB"),
        ("HSB", "the Harbour Safety Board"),
        ("HSB", "Tidal Office"),
        ("the Tidal Office", "TO"),  # no acronym the text defines
    ]
    # both directions of the definition match, the others do not: 2 of 4
    assert [same_source(g, p, None, acronyms) for g, p in pairs] == [True, True, False, False]
    # without the article's acronyms neither is matched: 0 of 4
    assert not any(same_source(g, p) for g, p in pairs)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.parent.name + "/" + p.stem)
def test_gold_file_follows_the_annotation_contract(path):
    gold = load_gold(path)
    _needs_article(gold)
    text = resolve_article(gold, path).read_text(encoding="utf-8")
    spans = gold_spans(gold, text, path)  # raises on offsets that do not fit
    assert len(spans) == len(gold["units"])
    ids = {a["id"] for a in gold["actors"]}
    claims = [u for u in gold["units"] if u["kind"] == "claim"]
    for i, u in enumerate(gold["units"]):
        assert u["index"] == i
        if u["kind"] != "claim":
            continue
        assert u["category"] in CATEGORIES and u["modality"] in MODALITIES
        assert set(u.get("actors") or []) <= ids
        assert u.get("restates") is None or gold["units"][u["restates"]]["kind"] == "claim"
        assert u.get("restates") is None or u["restates"] < i
    assert sum(1 for u in claims if u.get("also")) <= len(claims) / 5
    for r in gold["relations"]:
        assert CLASS_POLARITY[r["class"]] == r["polarity"]
        assert {r["source"], r["target"]} <= ids


def test_gold_files_hold_no_corpus_text():
    for path in GOLD_FILES:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if str(gold["article"]).startswith("../shared"):
            assert all("text" not in u for u in gold["units"]), path


def test_gold_for_another_article_is_refused():
    gold = load_gold(GOLD_DIR / "japan-sdf-nato-ukraine.yaml")
    with pytest.raises(NewsbriefError, match="another version"):
        gold_spans(gold, "Some other article. It is short.", "g.yaml")
    past_end = {**gold, "article_sha256": None}
    past_end["units"] = [{"index": 0, "kind": "claim", "start": 0, "end": 10**6}]
    with pytest.raises(NewsbriefError, match="does not fit"):
        gold_spans(past_end, "Some other article.", "g.yaml")


def test_evaluation_detects_errors(default_analysis):
    gold = load_gold(GOLD_DIR / "japan-sdf-nato-ukraine.yaml")
    honest = evaluate(gold, default_analysis)
    broken = copy.deepcopy(gold)
    for u in broken["units"]:
        if u.get("kind") == "claim":
            wrong = next(c for c in CATEGORIES if c not in {u["category"], *(u.get("also") or [])})
            u["category"], u["also"] = wrong, []
    assert evaluate(broken, default_analysis).category_accuracy < honest.category_accuracy


@pytest.fixture(scope="module")
def small_cv(tmp_path_factory):
    """Leave-one-out over the four shortest gold files (copied to a folder of their own)."""
    sizes = []
    for path in GOLD_DIR.glob("*.yaml"):
        gold = load_gold(path)
        if str(gold["article"]).startswith("../shared") and not SHARED_CORPUS.is_dir():
            continue
        sizes.append((len(gold["units"]), path))
    if len(sizes) < 4:
        pytest.skip("shared corpus not available")
    folder = tmp_path_factory.mktemp("gold")
    for _, path in sorted(sizes)[:4]:
        gold = load_gold(path)
        gold["article"] = str(resolve_article(gold, path).resolve())
        (folder / path.name).write_text(yaml.safe_dump(gold, allow_unicode=True), "utf-8")
    articles = load_gold_articles(folder, models={})
    return articles, cross_validate(articles)


def test_cross_validation_scores_every_gold_claim_for_every_system(small_cv):
    articles, result = small_cv
    n = sum(len(a.rows) for a in articles)
    assert {len(p) for p in result.predictions.values()} == {n}
    gold_modalities = [r.modality for a in articles for r in a.rows]
    asserted = field_scores(result.predictions["always asserted"])["modality"]
    assert asserted == pytest.approx(gold_modalities.count("asserted") / n)
    assert all(p.category in CATEGORIES for p in result.predictions["model"])
    report = format_cv(result)
    assert "| model |" in report and "| majority |" in report and "confusion" in report


def test_held_out_article_is_never_in_its_own_training_fold(small_cv, monkeypatch):
    import newsbrief.crossval as cv

    articles, _ = small_cv
    seen = []
    real_fit = cv.fit_models

    def spy(train):
        seen.append({a.name for a in train})
        return real_fit(train)

    monkeypatch.setattr(cv, "fit_models", spy)
    cross_validate(articles)
    names = [a.name for a in articles]
    assert seen == [set(names) - {name} for name in names]


def test_agreement_is_perfect_with_itself_and_drops_with_a_changed_label():
    from newsbrief.agreement import agreement

    path = GOLD_DIR / "japan-sdf-nato-ukraine.yaml"
    gold = load_gold(path)
    text = resolve_article(gold, path).read_text(encoding="utf-8")
    same = agreement(gold, gold, text)
    assert same.claims == sum(1 for u in gold["units"] if u["kind"] == "claim")
    assert same.kappa("category") == 1.0 and same.raw("modality") == 1.0
    changed = copy.deepcopy(gold)
    claims = [u for u in changed["units"] if u["kind"] == "claim"]
    for u in claims[:4]:
        u["category"] = next(c for c in CATEGORIES if c != u["category"])
    other = agreement(gold, changed, text)
    assert other.raw("category") == pytest.approx(1 - 4 / len(claims))
    assert other.kappa("category") < 1.0


def test_agreement_table_says_what_its_numbers_are():
    from newsbrief.agreement import Agreement, format_agreement

    labels = {
        f: (["a", "b"], ["a", "a"]) for f in ("category", "modality", "attribution", "restates")
    }
    text = format_agreement([("invented", Agreement(2, labels))])
    first, table = text.split("\n\n", 1)
    assert "Cohen's kappa" in first and "share of claims they labelled alike" in first
    assert table.splitlines()[2] == (
        "| invented | 2 | 0.00 (0.50) | 0.00 (0.50) | 0.00 (0.50) | 0.00 (0.50) |"
    )


def test_train_counts_curated_overrides_as_gold(tmp_path, capsys):
    from newsbrief.claims import load_models
    from newsbrief.cli import main

    source = GOLD_DIR / "japan-sdf-nato-ukraine.yaml"
    gold = load_gold(source)
    gold["article"] = str(resolve_article(gold, source).resolve())
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / source.name).write_text(yaml.safe_dump(gold, allow_unicode=True), "utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Japan sent ships. NATO must respond. Japan met NATO.\n", encoding="utf-8")
    (tmp_path / "story.txt.overrides.yaml").write_text(
        "units:\n  - match: 0\n    category: context\n  - match: 2\n    modality: hedged\n",
        encoding="utf-8",
    )
    # --overrides FILE: the article is the file beside it without .overrides.yaml
    # (here STEM.overrides.yaml for a Markdown note); the story's own file given
    # both ways is learnt from once.
    note = tmp_path / "note.md"
    note.write_text("Japan will send ships. NATO met Japan.\n", encoding="utf-8")
    (tmp_path / "note.overrides.yaml").write_text(
        "units:\n  - match: 1\n    category: event\n", encoding="utf-8"
    )
    out = tmp_path / "model.json"
    args = ["train", str(folder), "--curated", str(story), "--out", str(out)]
    args += ["--overrides", str(tmp_path / "note.overrides.yaml")]
    args += ["--overrides", str(tmp_path / "story.txt.overrides.yaml")]
    assert main(args) == 0
    n_gold = sum(1 for u in gold["units"] if u["kind"] == "claim")
    printed = capsys.readouterr().out
    assert f"fitted on {n_gold + 3} claims of 3 articles (3 of them an analyst's)" in printed
    assert f"NEWSBRIEF_CLAIMS_MODEL={out}" in printed
    assert set(load_models(out)) >= {"category", "modality"}


def test_evaluate_scores_the_curated_analysis(tmp_path, capsys):
    from newsbrief.cli import main

    fixture = Path(__file__).parent / "fixtures" / "regression_default_analysis.json"
    analysis = tmp_path / "a.json"
    analysis.write_text(fixture.read_text(encoding="utf-8"), encoding="utf-8")
    data = json.loads(fixture.read_text(encoding="utf-8"))
    claims = [u["index"] for u in data["units"] if u["kind"] == "claim"]
    body = "units:\n" + "".join(f"  - match: {i}\n    category: recommendation\n" for i in claims)
    gold = GOLD_DIR / "japan-sdf-nato-ukraine.yaml"
    plain = evaluate_files(gold, analysis)
    overrides = tmp_path / "o.yaml"
    overrides.write_text(body, encoding="utf-8")
    given = evaluate_files(gold, analysis, overrides=overrides)
    (tmp_path / "a.json.overrides.yaml").write_text(body, encoding="utf-8")
    beside = evaluate_files(gold, analysis)
    assert given == beside
    assert given.category_accuracy < plain.category_accuracy
    assert given.modality_accuracy == plain.modality_accuracy
    assert main(["evaluate", str(gold), str(analysis), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["category_accuracy"] == beside.category_accuracy


def test_half_scores_split_the_gold_by_sorted_index():
    from newsbrief.crossval import SYSTEMS, CVResult, Prediction, half_scores

    def pred(article: str, category: str) -> Prediction:
        return Prediction(article, "news", "event", (), category, "asserted", "asserted", True)

    model = [pred("a", "event"), pred("a", "event"), pred("b", "context"), pred("c", "event")]
    rules = [pred("a", "context"), pred("a", "event"), pred("b", "event"), pred("c", "event")]
    result = CVResult(
        predictions={s: rules if s == "rules" else model for s in SYSTEMS}, articles=["a", "b", "c"]
    )
    scores = half_scores(result)
    # a and c (sorted index 0 and 2) are the development half, b the held-out half
    assert scores["development"]["n"] == 3 and scores["held-out"]["n"] == 1
    assert scores["development"]["category strict"] == 1.0
    assert scores["held-out"]["category strict"] == 0.0
    assert half_scores(result, "rules")["development"]["category strict"] == pytest.approx(2 / 3)
    report = format_cv(result)
    assert "| development | 3 | 1.000 | 0.667 |" in report
    assert "| held-out | 1 | 0.000 | 1.000 |" in report


def test_category_confusion_names_each_column_in_full():
    from newsbrief.crossval import SYSTEMS, CVResult, Prediction
    from newsbrief.model import CATEGORIES

    model = [
        Prediction("a", "news", "recommendation", (), "implication", "asserted", "hedged", True),
        Prediction("a", "news", "context", (), "context", "asserted", "asserted", True),
    ]
    report = format_cv(CVResult(predictions={s: model for s in SYSTEMS}, articles=["a"], genres={}))
    header = next(line for line in report.splitlines() if line.startswith("| gold \\ predicted"))
    assert header.split(" | ")[1:] == [*CATEGORIES[:-1], CATEGORIES[-1] + " |"]
    row = next(line for line in report.splitlines() if line.startswith("| recommendation |"))
    assert row.split(" | ")[1:] == ["0", "0", "0", "0", "1", "0 |"]


def test_cross_validation_prints_actors_relations_and_restatements_per_half(small_cv):
    articles, result = small_cv
    assert set(result.halves) == {"development", "held-out"}
    dev = [evaluate(a.gold, a.analysis).actor_f1 for a in articles[0::2]]
    assert result.halves["development"]["actor_f1"] == pytest.approx(sum(dev) / len(dev))
    report = format_cv(result)
    lines = report.splitlines()
    head = lines.index("| half | actor F1 | relation F1 | +polarity | +class | restatement F1 |")
    dev_row = lines[head + 2]
    assert dev_row.startswith("| development | ") and len(dev_row.split("|")) == 8
    assert f"{result.halves['development']['relation_f1']:.3f}" in dev_row


def test_genre_scores_count_one_decision_per_article_per_half():
    from newsbrief.crossval import SYSTEMS, CVResult, genre_scores

    result = CVResult(
        articles=["a", "b", "c", "d"],
        genres={
            "a": ("news", {"model": "news", "rules": "analysis", "majority": "news"}),
            "b": ("release", {"model": "release", "rules": "release", "majority": "news"}),
            "c": ("opinion", {"model": "news", "rules": "opinion", "majority": "news"}),
            "d": ("remarks", {"model": "remarks", "rules": "news", "majority": "news"}),
        },
    )
    scores = genre_scores(result)
    # a and c (sorted index 0 and 2) are the development half, b and d the held-out half
    assert scores["model"] == {"all": 0.75, "development": 0.5, "held-out": 1.0}
    assert scores["rules"] == {"all": 0.5, "development": 0.5, "held-out": 0.5}
    assert scores["majority"] == {"all": 0.25, "development": 0.5, "held-out": 0.0}
    report = format_cv(
        CVResult(
            predictions={s: [] for s in SYSTEMS}, articles=result.articles, genres=result.genres
        )
    )
    assert "| model | 4 | 0.750 | 0.500 | 1.000 |" in report
    assert "| majority | 4 | 0.250 | 0.500 | 0.000 |" in report


def test_cross_validation_reads_each_genre_without_its_own_label(small_cv, monkeypatch):
    import newsbrief.crossval as cv

    articles, result = small_cv
    assert set(result.genres) == {a.name for a in articles}
    seen = []
    real_fit = cv.fit_genre

    def spy(X, y):
        seen.append({id(x) for x in X})
        return real_fit(X, y)

    monkeypatch.setattr(cv, "fit_genre", spy)
    cross_validate(articles)
    assert len(seen) == len(articles)
    assert all(id(a.signals) not in ids for a, ids in zip(articles, seen, strict=True))


def test_the_environment_points_every_command_at_a_refit_model(tmp_path, monkeypatch):
    from newsbrief.claims import MODEL_FILE, default_models
    from newsbrief.config import package_file

    shipped = json.loads(package_file(MODEL_FILE).read_text(encoding="utf-8"))
    refit = tmp_path / "refit.json"
    refit.write_text(json.dumps({"category": shipped["category"]}), encoding="utf-8")
    monkeypatch.setenv("NEWSBRIEF_CLAIMS_MODEL", str(refit))
    default_models.cache_clear()
    try:
        assert set(default_models()) == {"category"}
        monkeypatch.setenv("NEWSBRIEF_CLAIMS_MODEL", str(tmp_path / "missing.json"))
        default_models.cache_clear()
        with pytest.raises(NewsbriefError, match=r"missing\.json: cannot read the claims model"):
            default_models()
    finally:
        monkeypatch.delenv("NEWSBRIEF_CLAIMS_MODEL")
        default_models.cache_clear()
    assert {"category", "modality"} <= set(default_models())
